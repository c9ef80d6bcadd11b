"""What one gradient costs: "nudge every weight and re-run" against one backward pass.

Guess-and-check finds how the loss changes with each weight and bias by nudging it,
running the network forward again, and watching the loss. That takes one forward pass
per parameter (plus one to know the loss before any nudge). Backpropagation gets every
one of those slopes from one forward pass and one backward pass, however many parameters
there are.

This module counts the work each way, for networks of growing size: the forward passes,
and the multiply-adds inside them. Counts are the same on every machine; times are not
(the project's benchmarks/speed.py times the passes on yours).
"""

import numpy as np

from losses import get_loss
from network import Network

# The networks counted: 2 inputs, two hidden layers of `width` sigmoid neurons, 1
# output. Width 2 has 15 weights and biases; width 100 has 10,501.
WIDTHS = (2, 5, 10, 30, 100)
# the batch each pass works on: every multiply-add count grows in step with it
N_EXAMPLES = 16
NUDGE = 1e-6  # how far each parameter is pushed by guess-and-check


def count_parameters(network):
    """How many numbers the network learns: every weight and every bias."""
    return sum(array.size for array in network.parameters())


def network_of_width(width, seed=0):
    """The network counted for one width: sizes [2, width, width, 1], all sigmoid."""
    if isinstance(width, bool) or not isinstance(width, (int, np.integer)):
        raise TypeError(f"width must be a whole number, got {width!r}")
    if width < 1:
        raise ValueError(
            f"width must be at least 1 (neurons per hidden layer), got {width}"
        )
    return Network([2, int(width), int(width), 1], "sigmoid", seed=seed)


def nudge_every_parameter(network, inputs, targets, loss="mse", nudge=NUDGE):
    """Guess-and-check gradients: push each parameter up by `nudge`, re-run, compare.

    Returns (slopes, forward_passes): slopes is one flat array with an estimate for
    every parameter, in the order of network.parameters(); forward_passes is how many
    times the network was run. Each parameter is put back exactly after its nudge.
    """
    if not isinstance(network, Network):
        raise TypeError(f"network must be a Network, got {type(network).__name__}")
    if isinstance(nudge, bool) or not (
        isinstance(nudge, (int, float)) and np.isfinite(nudge) and nudge > 0
    ):
        raise ValueError(
            f"nudge must be a small positive number such as 1e-6, got {nudge!r}"
        )
    # checked once, not at every pass
    inputs, targets = network.check_data(inputs, targets)
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
    """The same slopes from backpropagation: returns (slopes, forward_passes,
    backward_passes)."""
    _, weight_gradients, bias_gradients = network.gradients(inputs, targets, loss)
    slopes = np.concatenate(
        [
            gradient.ravel()
            for pair in zip(weight_gradients, bias_gradients)
            for gradient in pair
        ]
    )
    return slopes, 1, 1


def _check_network_and_batch(network, n_examples):
    if not isinstance(network, Network):
        raise TypeError(f"network must be a Network, got {type(network).__name__}")
    if isinstance(n_examples, bool) or not isinstance(n_examples, (int, np.integer)):
        raise TypeError(f"n_examples must be a whole number, got {n_examples!r}")
    if n_examples < 1:
        raise ValueError(f"n_examples must be 1 or more, got {n_examples}")


def multiply_adds(network, n_examples):
    """(forward, backward): the multiply-adds in one forward and one backward pass of a
    batch.

    A multiply-add is one multiplication and one addition, like `sum += input * weight`.
    Nearly all the work of a pass is made of them, and their number follows from the
    layer sizes alone, so it is the same on every machine (a time is not). Per example:

    - forward: each weight multiplies its input once, and the product is added to a sum;
    - backward: each weight's slope is its input times the blame at its neuron (one
      multiply-add per weight), and each layer but the first sends its blame back along
      every weight (one more per weight); the inputs need no blame, so the first layer
      skips that.

    Left out: adding the biases and the sigmoid and its slope, one step per neuron
    rather than per weight, which are small next to these in all but the tiniest
    networks.
    """
    _check_network_and_batch(network, n_examples)
    # inputs x neurons, per example
    per_layer = [weights.size for weights in network.weights]
    forward = n_examples * sum(per_layer)
    blame_sent_back = n_examples * sum(per_layer[1:])
    slopes = forward  # one slope per weight and example: as many as the forward pass
    return int(forward), int(slopes + blame_sent_back)


def numbers_kept(network, n_examples):
    """How many numbers a forward pass must keep for the backward pass: every layer's
    sums and outputs, for every example of the batch.

    This memory is the real price of backpropagation. A forward pass alone could forget
    each layer's numbers as soon as the next layer has read them; the backward pass
    needs them all.
    """
    _check_network_and_batch(network, n_examples)
    # every neuron has a sum and an output, per example
    neurons = sum(network.sizes[1:])
    return int(2 * n_examples * neurons)


def count_work(widths=WIDTHS, n_examples=N_EXAMPLES):
    """What one full gradient costs each way, counted, for each width; one dict per
    network.

    Each dict holds: width, examples (the batch), parameters, nudge_passes (forward
    passes for guess-and-check), forward_multiply_adds and backward_multiply_adds (one
    pass each), nudge_multiply_adds (every forward pass of guess-and-check) and
    backprop_multiply_adds (one forward and one backward pass). Counts, not times: the
    same on every machine.
    """
    if len(widths) == 0:
        raise ValueError(
            "widths is empty: give at least one hidden-layer width, like (2, 10)"
        )
    rows = []
    for width in widths:
        network = network_of_width(width)
        parameters = count_parameters(network)
        forward, backward = multiply_adds(network, n_examples)
        rows.append(
            {
                "width": int(width),
                "examples": int(n_examples),
                "parameters": parameters,
                "nudge_passes": parameters + 1,
                "forward_multiply_adds": forward,
                "backward_multiply_adds": backward,
                "nudge_multiply_adds": (parameters + 1) * forward,
                "backprop_multiply_adds": forward + backward,
            }
        )
    return rows


def counts_table(widths=WIDTHS):
    """A Markdown table of the exact counts: the passes needed for one full gradient."""
    lines = [
        "| weights and biases | forward passes to nudge each one | passes with "
        "backpropagation |",
        "| ---: | ---: | :---: |",
    ]
    for row in count_work(widths):
        lines.append(
            f"| {row['parameters']:,} | {row['nudge_passes']:,} | 1 forward + 1 "
            "backward |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(counts_table())
    print()
    print(f"multiply-adds for one full gradient, on a batch of {N_EXAMPLES} examples:")
    for row in count_work():
        in_passes = row["backprop_multiply_adds"] / row["forward_multiply_adds"]
        print(
            f"{row['parameters']:>6,} parameters: nudging "
            f"{row['nudge_multiply_adds']:>13,}, backpropagation "
            f"{row['backprop_multiply_adds']:>9,} ({in_passes:.2f} forward passes)"
        )
