"""Did the network learn, or only memorise? Keep some examples aside and watch them.

split() shuffles the examples (with a fixed seed) and puts some aside as a held-out set,
which training never sees. train_and_watch() trains on the rest and, every few epochs,
measures the error on both sets. While the network learns the pattern, both errors fall;
when it starts memorising the training examples, their error keeps falling but the
held-out error turns back up. The lowest point of the held-out curve is where to stop
early, and train_and_watch() keeps a copy of the network from there.

Needs network.py, training.py, losses.py and, for the demo, datasets.py (and what they
need).
"""

from dataclasses import dataclass

import numpy as np

from checks import whole_number
from datasets import two_moons
from losses import get_loss
from network import Network, _as_numbers
from training import train


def split(inputs, targets, n_held_out, seed=0):
    """Shuffles the examples and splits them: (train_inputs, train_targets,
    held_out_inputs, held_out_targets), the last two with n_held_out rows.

    The shuffle matters: data often comes sorted (all of one class first), and a held-out
    set cut from the end would then hold only one kind of example.
    """
    inputs = _as_numbers(inputs, "inputs")
    targets = _as_numbers(targets, "targets")
    if inputs.ndim != 2 or targets.ndim != 2:
        raise ValueError(
            "inputs and targets must be 2-D arrays with one row per example, got "
            f"shapes {inputs.shape} and {targets.shape}"
        )
    if len(inputs) != len(targets):
        raise ValueError(
            f"inputs and targets have different numbers of examples: {len(inputs)} "
            f"and {len(targets)}"
        )
    n_held_out = whole_number(n_held_out, "n_held_out", 1)
    if n_held_out >= len(inputs):
        raise ValueError(
            f"n_held_out must leave at least one example to train on: got {n_held_out} "
            f"of {len(inputs)} examples"
        )
    order = np.random.default_rng(seed).permutation(len(inputs))
    held, kept = order[:n_held_out], order[n_held_out:]
    return inputs[kept], targets[kept], inputs[held], targets[held]


@dataclass
class Watched:
    """What train_and_watch() saw.

    epochs           the epochs at which both errors were measured (0 = before training)
    training_errors  the error on the training examples at each of those epochs
    held_out_errors  the error on the held-out examples at each of those epochs
    best_epoch       the measured epoch with the lowest held-out error (stopping early)
    best_network     a copy of the network as it was at best_epoch
    """

    epochs: np.ndarray
    training_errors: np.ndarray
    held_out_errors: np.ndarray
    best_epoch: int
    best_network: Network


def train_and_watch(
    network, training_set, held_out_set, learning_rate, epochs, loss="mse", every=1
):
    """Trains network in place on training_set, a pair (inputs, targets), for `epochs`
    full-batch updates. Every `every` epochs, and before training, it measures the error
    on both sets; the held-out set is only measured, never trained on. Returns Watched.
    """
    if not isinstance(network, Network):
        raise TypeError(f"network must be a Network, got {type(network).__name__}")
    get_loss(loss)  # an unknown loss name fails here, before any training
    training_set = network.check_data(*_as_pair(training_set, "training_set"))
    held_out_set = network.check_data(*_as_pair(held_out_set, "held_out_set"))
    epochs = whole_number(epochs, "epochs", 1)
    every = whole_number(every, "every", 1)
    if epochs % every:
        raise ValueError(
            f"epochs must be a multiple of every, got epochs={epochs} and every={every}"
        )

    measured = [0]
    training_errors = [network.loss(*training_set, loss)]
    held_out_errors = [network.loss(*held_out_set, loss)]
    best_network = network.copy()
    for epoch in range(every, epochs + 1, every):
        history = train(network, *training_set, learning_rate, every, loss=loss)
        if history.diverged:
            raise ValueError(
                f"training diverged before epoch {epoch}: try a smaller learning_rate "
                f"than {learning_rate}"
            )
        measured.append(epoch)
        training_errors.append(history.losses[-1])
        held_out_errors.append(network.loss(*held_out_set, loss))
        if held_out_errors[-1] < min(held_out_errors[:-1]):
            best_network = network.copy()  # the best so far: keep it, as stopping would
    held_out_errors = np.array(held_out_errors)
    best = int(np.argmin(held_out_errors))
    return Watched(
        np.array(measured),
        np.array(training_errors),
        held_out_errors,
        measured[best],
        best_network,
    )


def _as_pair(data, name):
    if not isinstance(data, (tuple, list)) or len(data) != 2:
        raise TypeError(f"{name} must be a pair (inputs, targets), got {type(data).__name__}")
    return data


if __name__ == "__main__":
    inputs, targets = two_moons(40, noise=0.3)
    train_x, train_y, held_x, held_y = split(inputs, targets, n_held_out=20)
    network = Network([2, 64, 1], ["tanh", "sigmoid"], seed=0)
    watched = train_and_watch(
        network, (train_x, train_y), (held_x, held_y), 0.03, 1500, "cross_entropy", 50
    )
    print("epoch  training error  held-out error")
    for epoch, mine, held in zip(
        watched.epochs[::3], watched.training_errors[::3], watched.held_out_errors[::3]
    ):
        print(f"{epoch:5}  {mine:14.2f}  {held:14.2f}")
    print(f"lowest held-out error at epoch {watched.best_epoch}: stop there")
