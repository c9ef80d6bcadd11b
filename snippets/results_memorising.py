"""The results of "How do I know it learned, and did not just memorise?"
(docs/real-networks/memorising.md).

numpy only. A network far too big for a few noisy two-moons points is trained while its
error is measured on the training examples and on held-out ones; then the same network
gets ten times the data. Each result is computed once (cached) and shared by the page
(through facts()), its figure (figures_memorising.py) and its tests.
"""

from functools import cache

import numpy as np

from datasets import two_moons
from held_out import split, train_and_watch
from linear_limits import accuracy
from network import Network

# A few noisy points: half of them are trained on, half held out.
FEW_POINTS = 40
NOISE = 0.3
DATA_SEED = 0
# The same source, ten times the points, split the same way.
MORE_POINTS = 400
# A hidden layer of 64 tanh neurons: 257 knobs for 20 training points.
SIZES = [2, 64, 1]
ACTIVATIONS = ["tanh", "sigmoid"]
NETWORK_SEED = 0
LEARNING_RATE = 0.01
EPOCHS = 3000
EVERY = 10  # measure both errors every 10 epochs
LOSS = "cross_entropy"
# An answer below 0.1 or above 0.9 counts as sure (the figure shades where it is).
SURE = 0.1


def network(seed=NETWORK_SEED):
    return Network(SIZES, ACTIVATIONS, seed=seed)


def data(n_points, seed=DATA_SEED):
    """(train_inputs, train_targets, held_out_inputs, held_out_targets): half held out."""
    inputs, targets = two_moons(n_points, noise=NOISE, seed=seed)
    return split(inputs, targets, n_held_out=n_points // 2, seed=seed)


@cache
def watched(n_points, network_seed=NETWORK_SEED, data_seed=DATA_SEED, nudge=0.0):
    """The network trained on n_points' training half, both errors watched: (Watched,
    the trained network). nudge is added to every starting weight (for tests that check
    a count does not sit on a knife edge)."""
    train_x, train_y, held_x, held_y = data(n_points, data_seed)
    trained = network(network_seed)
    for array in trained.parameters():
        array += nudge
    result = train_and_watch(
        trained, (train_x, train_y), (held_x, held_y), LEARNING_RATE, EPOCHS, LOSS, EVERY
    )
    return result, trained


def few():
    return watched(FEW_POINTS)


def more():
    return watched(MORE_POINTS)


def error_at(result, epoch):
    """(training error, held-out error) at a measured epoch."""
    index = int(np.nonzero(result.epochs == epoch)[0][0])
    return float(result.training_errors[index]), float(result.held_out_errors[index])


def held_out_right(trained, n_points=FEW_POINTS):
    """How many of the held-out points the network answers right."""
    _, _, held_x, held_y = data(n_points)
    return int(round(accuracy(trained, held_x, held_y) * len(held_y)))


def sure_and_wrong(trained, n_points=FEW_POINTS):
    """How many held-out points the network answers wrong, and surely so (its output on
    the wrong side of SURE or 1 - SURE)."""
    _, _, held_x, held_y = data(n_points)
    outputs = trained.forward(held_x)[:, 0]
    says_no, says_yes = outputs < SURE, outputs > 1 - SURE
    return int(np.sum(says_no & (held_y[:, 0] == 1)) + np.sum(says_yes & (held_y[:, 0] == 0)))


def facts():
    result, end_network = few()
    more_result, _ = more()
    best_training, best_held = error_at(result, result.best_epoch)
    end_training, end_held = error_at(result, EPOCHS)
    more_training, more_held = error_at(more_result, EPOCHS)
    return {
        "memorising.points": FEW_POINTS,
        "memorising.training_points": FEW_POINTS - FEW_POINTS // 2,
        "memorising.held_out_points": FEW_POINTS // 2,
        "memorising.more_training_points": MORE_POINTS - MORE_POINTS // 2,
        "memorising.hidden": SIZES[1],
        "memorising.knobs": sum(array.size for array in network().parameters()),
        "memorising.noise": NOISE,
        "memorising.epochs": EPOCHS,
        "memorising.every": EVERY,
        "memorising.start_error": float(result.held_out_errors[0]),
        "memorising.best_epoch": result.best_epoch,
        "memorising.best_training_error": best_training,
        "memorising.best_held_out_error": best_held,
        "memorising.end_training_error": end_training,
        "memorising.end_held_out_error": end_held,
        "memorising.best_held_out_right": held_out_right(result.best_network),
        "memorising.end_held_out_right": held_out_right(end_network),
        "memorising.sure_below": SURE,
        "memorising.sure_above": 1 - SURE,
        "memorising.best_sure_and_wrong": sure_and_wrong(result.best_network),
        "memorising.end_sure_and_wrong": sure_and_wrong(end_network),
        "memorising.more_training_error": more_training,
        "memorising.more_held_out_error": more_held,
    }


if __name__ == "__main__":
    for name, value in facts().items():
        print(f"{name} = {value!r}")
