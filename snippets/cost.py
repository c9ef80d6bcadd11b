"""What one gradient costs: "nudge every weight and re-run" against one backward pass.

Guess-and-check finds how the loss changes with each weight and bias by nudging it, running
the network forward again, and watching the loss. That takes one forward pass per parameter
(plus one to know the loss before any nudge). Backpropagation gets every one of those slopes
from one forward pass and one backward pass, however many parameters there are.

This module counts the forward passes each way and times them, for networks of growing size.
"""

import time

import numpy as np

from datasets import two_moons
from losses import get_loss
from network import Network

# The networks measured: 2 inputs, two hidden layers of `width` sigmoid neurons, 1 output.
# Width 2 has 15 weights and biases; width 100 has 10,501.
WIDTHS = (2, 5, 10, 30, 100)
N_EXAMPLES = 16  # a small batch keeps the slow way fast enough to run while the site builds
NUDGE = 1e-6  # how far each parameter is pushed by guess-and-check


def count_parameters(network):
    """How many numbers the network learns: every weight and every bias."""
    return sum(array.size for array in network.parameters())


def network_of_width(width, seed=0):
    """The network measured for one width: sizes [2, width, width, 1], all sigmoid."""
    if isinstance(width, bool) or not isinstance(width, (int, np.integer)):
        raise TypeError(f"width must be a whole number, got {width!r}")
    if width < 1:
        raise ValueError(f"width must be at least 1 (neurons per hidden layer), got {width}")
    return Network([2, int(width), int(width), 1], "sigmoid", seed=seed)


def nudge_every_parameter(network, inputs, targets, loss="mse", nudge=NUDGE):
    """Guess-and-check gradients: push each parameter up by `nudge`, re-run, compare.

    Returns (slopes, forward_passes): slopes is one flat array with an estimate for every
    parameter, in the order of network.parameters(); forward_passes is how many times the
    network was run. Each parameter is put back exactly after its nudge.
    """
    if not isinstance(network, Network):
        raise TypeError(f"network must be a Network, got {type(network).__name__}")
    if isinstance(nudge, bool) or not (isinstance(nudge, (int, float)) and np.isfinite(nudge)
                                       and nudge > 0):
        raise ValueError(f"nudge must be a small positive number such as 1e-6, got {nudge!r}")
    inputs, targets = network.check_data(inputs, targets)  # checked once, not at every pass
    loss_function, _ = get_loss(loss)

    def run_forward():
        return loss_function(network._forward(inputs), targets)

    loss_before = run_forward()
    forward_passes = 1
    slopes = []
    for array in network.parameters():
        for index in np.ndindex(array.shape):
            original = array[index]
            array[index] = original + nudge
            loss_after = run_forward()
            forward_passes += 1
            array[index] = original
            slopes.append((loss_after - loss_before) / nudge)
    return np.array(slopes), forward_passes


def backprop_every_parameter(network, inputs, targets, loss="mse"):
    """The same slopes from backpropagation: returns (slopes, forward_passes, backward_passes)."""
    _, weight_gradients, bias_gradients = network.gradients(inputs, targets, loss)
    slopes = np.concatenate([gradient.ravel() for pair in zip(weight_gradients, bias_gradients)
                             for gradient in pair])
    return slopes, 1, 1


def _fastest_time(run, repeats):
    # The fastest of several runs is the least disturbed by whatever else the machine does.
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(widths=WIDTHS, n_examples=N_EXAMPLES, repeats=20):
    """Counts and times both ways for each width; returns one dict per network.

    Each dict holds: parameters, nudge_passes (forward passes for guess-and-check),
    nudge_seconds, forward_seconds (one forward pass and the loss) and backprop_seconds
    (one forward pass, the loss and one backward pass). Times depend on the machine;
    the counts do not.
    """
    if len(widths) == 0:
        raise ValueError("widths is empty: give at least one hidden-layer width, like (2, 10)")
    inputs, targets = two_moons(n_examples, seed=0)
    loss_function, loss_slope = get_loss("mse")
    rows = []
    for width in widths:
        network = network_of_width(width)

        def forward_only():
            return loss_function(network._forward(inputs), targets)

        def forward_and_backward():
            outputs = network._forward(inputs)
            network._backward(loss_slope(outputs, targets))
            return loss_function(outputs, targets)

        start = time.perf_counter()
        _, nudge_passes = nudge_every_parameter(network, inputs, targets)
        nudge_seconds = time.perf_counter() - start
        if nudge_passes < 2000:  # small networks are quick: time them twice more, keep the fastest
            nudge_seconds = min(nudge_seconds, _fastest_time(
                lambda: nudge_every_parameter(network, inputs, targets), 2))
        rows.append({
            "parameters": count_parameters(network),
            "nudge_passes": nudge_passes,
            "nudge_seconds": nudge_seconds,
            "forward_seconds": _fastest_time(forward_only, repeats),
            "backprop_seconds": _fastest_time(forward_and_backward, repeats),
        })
    return rows


def counts_table(widths=WIDTHS):
    """A Markdown table of the exact counts (no timing): passes needed for one gradient."""
    lines = [
        "| weights and biases | forward passes to nudge each one | passes with backpropagation |",
        "| ---: | ---: | :---: |",
    ]
    for width in widths:
        parameters = count_parameters(network_of_width(width))
        lines.append(f"| {parameters:,} | {parameters + 1:,} | 1 forward + 1 backward |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(counts_table())
    print()
    print("measured on this machine (seconds for one full gradient):")
    for row in measure(widths=(2, 10, 30)):
        print(f"{row['parameters']:>6} parameters: nudging {row['nudge_seconds']:.4f} s, "
              f"backpropagation {row['backprop_seconds']:.5f} s")
