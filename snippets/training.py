"""Training by full-batch gradient descent: measure the loss on all the examples, find
every gradient, nudge every weight and bias a little downhill, and repeat.
"""

import math
from dataclasses import dataclass, field

import numpy as np

from losses import get_loss
from network import Network


@dataclass
class History:
    """What happened during train().

    losses     losses[k] is the loss after k updates: losses[0] is before training and,
               if training ran to the end, losses[-1] is after the last update, so
               len(losses) == epochs + 1. If training diverged, losses stops at the
               first loss that was NaN or infinite (and that value is its last entry).
    snapshots  {epoch: (weight copies, bias copies)} taken after that many updates, for
               each epoch asked for in snapshot_epochs (0 = before training). Epochs
               that were never reached because training diverged are missing.
    diverged   True if the loss became NaN or infinite (the learning rate was too
               large), which stopped training early.
    """

    losses: np.ndarray
    snapshots: dict = field(default_factory=dict)
    diverged: bool = False


def _check_learning_rate(learning_rate):
    if isinstance(learning_rate, bool) or not isinstance(
        learning_rate, (int, float, np.number)
    ):
        raise TypeError(f"learning_rate must be a number, got {learning_rate!r}")
    if not (math.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError(
            f"learning_rate must be a positive, finite number, got {learning_rate}"
        )
    return float(learning_rate)


def _check_epochs(epochs):
    if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)):
        raise TypeError(f"epochs must be a whole number, got {epochs!r}")
    if epochs < 1:
        raise ValueError(f"epochs must be at least 1, got {epochs}")
    return int(epochs)


def _check_snapshot_epochs(snapshot_epochs, epochs):
    wanted = set()
    for epoch in snapshot_epochs:
        if isinstance(epoch, bool) or not isinstance(epoch, (int, np.integer)):
            raise TypeError(f"snapshot_epochs must hold whole numbers, got {epoch!r}")
        if not 0 <= epoch <= epochs:
            raise ValueError(
                f"snapshot_epochs must lie between 0 (before training) and {epochs} "
                f"(the number of epochs), got {epoch}"
            )
        wanted.add(int(epoch))
    return wanted


def _check_network(network):
    if not isinstance(network, Network):
        raise TypeError(f"network must be a Network, got {type(network).__name__}")


def _update(network, weight_gradients, bias_gradients, learning_rate):
    """One step downhill: every weight and every bias moves against its gradient."""
    for weights, gradient in zip(network.weights, weight_gradients):
        weights -= learning_rate * gradient  # in place: the network's own arrays change
    for biases, gradient in zip(network.biases, bias_gradients):
        biases -= learning_rate * gradient


def train_step(network, inputs, targets, learning_rate, loss="mse"):
    """One gradient descent update; returns the loss measured before the update."""
    _check_network(network)
    learning_rate = _check_learning_rate(learning_rate)
    loss_value, weight_gradients, bias_gradients = network.gradients(
        inputs, targets, loss
    )
    _update(network, weight_gradients, bias_gradients, learning_rate)
    return loss_value


def train(
    network, inputs, targets, learning_rate, epochs, loss="mse", snapshot_epochs=()
):
    """Trains network in place for `epochs` full-batch updates; returns a History."""
    # Everything is checked once, here, so that the loop below does only the arithmetic.
    _check_network(network)
    inputs, targets = network.check_data(inputs, targets)
    learning_rate = _check_learning_rate(learning_rate)
    epochs = _check_epochs(epochs)
    snapshot_epochs = _check_snapshot_epochs(snapshot_epochs, epochs)
    get_loss(loss)  # an unknown loss name fails here, before any training

    losses = np.empty(epochs + 1)
    snapshots = {}
    diverged = False
    # With a learning rate that is far too large the numbers overflow to infinity and
    # then NaN. That is an outcome to report (diverged=True), not a warning to print.
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(epochs + 1):
            if epoch in snapshot_epochs:
                snapshots[epoch] = (
                    [weights.copy() for weights in network.weights],
                    [biases.copy() for biases in network.biases],
                )
            network._forward(inputs)
            loss_value, blame = network._measure(targets, loss)
            losses[epoch] = loss_value
            if not math.isfinite(loss_value):
                diverged = True
                break
            if epoch == epochs:
                break  # the loss after the last update is measured, but not acted on
            weight_gradients, bias_gradients = network._backward_from_blame(blame)
            _update(network, weight_gradients, bias_gradients, learning_rate)
    return History(losses=losses[: epoch + 1], snapshots=snapshots, diverged=diverged)


if __name__ == "__main__":
    inputs = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    # XOR: 1 when exactly one input is 1
    targets = np.array([[0.0], [1.0], [1.0], [0.0]])
    network = Network([2, 2, 1], "sigmoid", seed=0)
    history = train(network, inputs, targets, learning_rate=2.0, epochs=2000)
    print(
        f"loss before training {history.losses[0]:.4f}, after {history.losses[-1]:.4f}"
    )
    print("outputs after training:", network.forward(inputs).ravel().round(3))
    too_fast = Network([1, 8, 1], ["tanh", "identity"], seed=0)
    exploded = train(
        too_fast,
        [[0.0], [1.0], [2.0]],
        [[0.0], [1.0], [3.0]],
        learning_rate=10.0,
        epochs=100,
    )
    print(
        f"learning rate 10 on a regression: diverged={exploded.diverged} after "
        f"{len(exploded.losses) - 1} updates"
    )
