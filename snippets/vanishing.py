"""How much of the blame reaches each layer of a deep network, for each activation.

During the backward pass, the blame at a neuron (how much the loss changes when that
neuron's sum changes) is passed down one layer at a time. On the way through each neuron
it is multiplied by the slope of that neuron's activation. The sigmoid's slope is never
above 0.25, so after many sigmoid layers hardly any blame is left: the first layers
learn very slowly. This file measures that, and trains the same network with each
activation.

Needs network.py, losses.py, training.py and datasets.py (and what they need).
"""

import numpy as np

from checks import whole_number
from datasets import two_moons
from losses import get_loss
from network import Network
from training import train

HIDDEN_ACTIVATIONS = ("sigmoid", "tanh", "relu")


def deep_network(activation, n_hidden_layers, width, seed=0):
    """2 inputs, n_hidden_layers hidden layers of `width` neurons with `activation`, and
    one sigmoid output (a yes/no answer)."""
    n_hidden_layers = whole_number(n_hidden_layers, "n_hidden_layers")
    width = whole_number(width, "width")
    sizes = [2] + [width] * n_hidden_layers + [1]
    return Network(sizes, [activation] * n_hidden_layers + ["sigmoid"], seed=seed)


def blame_sizes(
    activation, n_hidden_layers, width=16, seeds=range(10), weight_scale=1.0
):
    """The average size of the blame at each hidden layer, first to last, on two moons.

    For each seed, a fresh (untrained) network does one forward and one backward pass
    with the cross-entropy loss; the size of a layer's blame is the average absolute
    blame over its neurons, the examples and the seeds. The sizes are returned as
    fractions of the last hidden layer's, so the last entry is 1 and the first says how
    much of the blame arriving at the last hidden layer is left by the time it reaches
    the first. weight_scale multiplies every hidden layer's starting weights.
    """
    n_hidden_layers = whole_number(n_hidden_layers, "n_hidden_layers")
    seeds = list(seeds)
    if not seeds:
        raise ValueError("seeds is empty: give at least one seed, e.g. range(10)")
    if isinstance(weight_scale, bool) or not isinstance(
        weight_scale, (int, float, np.number)
    ):
        raise TypeError(f"weight_scale must be a number, got {weight_scale!r}")
    if not (np.isfinite(weight_scale) and weight_scale > 0):
        raise ValueError(f"weight_scale must be a positive number, got {weight_scale}")
    inputs, targets = two_moons()
    _, loss_slope = get_loss("cross_entropy")
    totals = np.zeros(n_hidden_layers)
    for seed in seeds:
        network = deep_network(activation, n_hidden_layers, width, seed)
        for weights in network.weights[:-1]:
            weights *= weight_scale
        outputs = network.forward(inputs)
        network.backward(loss_slope(outputs, targets))
        # blames[-1] is the output neuron; the hidden layers come before it.
        totals += [np.mean(np.abs(blame)) for blame in network.blames[:-1]]
    return totals / totals[-1]


def train_each_activation(
    activations=("identity",) + HIDDEN_ACTIVATIONS,
    n_hidden_layers=4,
    width=8,
    learning_rate=0.3,
    epochs=600,
    seed=0,
):
    """Trains the same network on two moons once per hidden activation.

    Every run starts from the same seed, with the same data, learning rate and number of
    epochs; only the hidden activation differs. Returns {activation: (trained network,
    History)}; History.losses holds the cross-entropy before training and after every
    epoch.
    """
    inputs, targets = two_moons()
    runs = {}
    for activation in activations:
        network = deep_network(activation, n_hidden_layers, width, seed)
        runs[activation] = (
            network,
            train(
                network, inputs, targets, learning_rate, epochs, loss="cross_entropy"
            ),
        )
    return runs


if __name__ == "__main__":
    print(
        "Share of the blame that reaches the first of 10 hidden layers (16 neurons "
        "each):"
    )
    for activation in HIDDEN_ACTIVATIONS:
        share = blame_sizes(activation, 10)[0]
        print(f"  {activation:8} {share:.7f}")
    print("Loss after 300 epochs, 4 hidden layers of 8 neurons, two moons:")
    for activation, (_, history) in train_each_activation(epochs=300).items():
        print(f"  {activation:8} {history.losses[-1]:.3f}")
