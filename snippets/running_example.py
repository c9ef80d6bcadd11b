"""The running example of the site: a tiny network with 2 inputs, 2 hidden neurons and
1 output learns XOR. Every page uses these same numbers, so results match across pages.
"""

from functools import cache

from datasets import xor
from network import Network
from training import train

SIZES = [2, 2, 1]  # 2 inputs, 2 hidden neurons, 1 output
ACTIVATIONS = ["sigmoid", "sigmoid"]  # hidden layer, output layer
SEED = 0  # fixes the random starting weights
LEARNING_RATE = 2.0
EPOCHS = 2000
LOSS = "mse"


def make_network():
    """A fresh, untrained network for the running example (always the same one)."""
    return Network(SIZES, ACTIVATIONS, seed=SEED)


def data():
    """The four XOR examples: inputs of shape (4, 2), targets of shape (4, 1)."""
    return xor()


@cache
def trained():
    """Train the running example once, as every page shows it: (trained network,
    History).

    Every page, figure and test that needs the trained example calls this, so they all
    show the same run. The History keeps a snapshot of the weights and biases after
    every step, for pictures of the network part-way through. The result is shared: read
    it, do not change it.
    """
    network = make_network()
    inputs, targets = data()
    history = train(
        network,
        inputs,
        targets,
        LEARNING_RATE,
        EPOCHS,
        loss=LOSS,
        snapshot_epochs=range(EPOCHS + 1),
    )
    return network, history


if __name__ == "__main__":
    inputs, targets = data()
    before = make_network().forward(inputs)
    network, history = trained()
    after = network.forward(inputs)
    print("inputs   target   before   after")
    for row, target, old, new in zip(inputs, targets, before, after):
        print(
            f"{row[0]:.0f} {row[1]:.0f}     {target[0]:.0f}       {old[0]:.3f}    "
            f"{new[0]:.3f}"
        )
    print(
        f"loss ({LOSS}): {history.losses[0]:.4f} before, {history.losses[-1]:.4f} "
        f"after {EPOCHS} epochs"
    )
