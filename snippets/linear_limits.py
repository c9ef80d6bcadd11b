"""What a network without activation functions can and cannot do.

A layer with no activation only scales and adds its inputs. Stack such layers and the
result still only scales and adds: merge_linear_layers() turns the whole stack into one
layer that gives exactly the same outputs. accuracy() counts how many yes/no answers a
network gets right, and decision_map() evaluates a network on a grid of points, for
drawing where its answer flips from "no" to "yes".

Needs network.py (and what it needs).
"""

import numpy as np

from network import Network


def _check_network(network):
    if not isinstance(network, Network):
        raise TypeError(f"network must be a Network, got {type(network).__name__}")


def merge_linear_layers(network):
    """One layer that computes exactly what `network` computes.

    Every layer but the last must have the activation "identity" (no activation at all);
    the last may have any, and the merged layer keeps it. Returns a new Network with
    sizes [inputs, outputs].
    """
    _check_network(network)
    bent = [
        f"layer {layer} uses {name!r}"
        for layer, name in enumerate(network.activation_names[:-1])
        if name != "identity"
    ]
    if bent:
        raise ValueError(
            "only layers without an activation ('identity') can be merged, but "
            + ", ".join(bent)
        )
    # Start with "do nothing" (the identity matrix, no shift) and fold in one layer at a
    # time: feeding (x @ W + b) into the next layer (V, c) gives x @ (W @ V) + (b @ V +
    # c).
    weights = np.eye(network.sizes[0])
    bias = np.zeros(network.sizes[0])
    for layer_weights, layer_biases in zip(network.weights, network.biases):
        weights = weights @ layer_weights
        bias = bias @ layer_weights + layer_biases
    merged = Network(
        [network.sizes[0], network.sizes[-1]], network.activation_names[-1]
    )
    merged.weights[0][...] = weights
    merged.biases[0][...] = bias
    return merged


def accuracy(network, inputs, targets, threshold=0.5):
    """The share of examples (0 to 1) whose yes/no answer is right.

    The network's answer counts as "yes" (1) when its output is above threshold.
    """
    _check_network(network)
    inputs, targets = network.check_data(inputs, targets)
    if not np.all((targets == 0) | (targets == 1)):
        raise ValueError("accuracy needs yes/no targets: every target must be 0 or 1")
    answers = network.forward(inputs) > threshold
    return float(np.mean(answers == (targets == 1)))


def decision_map(network, x_range, y_range, steps=101):
    """The network's output at every point of a steps x steps grid over the two inputs.

    Returns (xs, ys, outputs), three arrays of shape (steps, steps), ready for a contour
    plot: the line where outputs crosses 0.5 is where the answer flips.
    """
    _check_network(network)
    if network.sizes[0] != 2 or network.sizes[-1] != 1:
        raise ValueError(
            "decision_map needs a network with 2 inputs and 1 output, got sizes "
            f"{network.sizes}"
        )
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 2:
        raise ValueError(f"steps must be a whole number of at least 2, got {steps!r}")
    for name, bounds in (("x_range", x_range), ("y_range", y_range)):
        bounds = np.asarray(bounds, dtype=float)
        if bounds.shape != (2,) or not bounds[0] < bounds[1]:
            raise ValueError(
                f"{name} must be (low, high) with low < high, got {bounds.tolist()}"
            )
    xs, ys = np.meshgrid(np.linspace(*x_range, steps), np.linspace(*y_range, steps))
    outputs = network.forward(np.column_stack([xs.ravel(), ys.ravel()]))
    return xs, ys, outputs.reshape(xs.shape)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    inputs = rng.normal(size=(5, 2))
    deep = Network([2, 8, 8, 8, 1], "identity", seed=0)
    merged = merge_linear_layers(deep)
    difference = np.max(np.abs(deep.forward(inputs) - merged.forward(inputs)))
    print(f"{deep} has {sum(w.size for w in deep.weights)} weights;")
    print(
        f"one layer with {merged.weights[0].size} weights gives the same outputs "
        f"(largest difference {difference:.1e})"
    )
    try:
        merge_linear_layers(Network([2, 8, 1], "sigmoid"))
    except ValueError as error:
        print("a network with a sigmoid hidden layer cannot be merged:", error)
