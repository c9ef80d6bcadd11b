"""Unlucky starts: train the same small network on XOR from many random starts at once,
and see how many of them learn it.

Every start is a Network from network.py with its own seed. Training is the same
full-batch gradient descent on the mean squared error as train() in training.py, but all
the networks take their steps together: each weight array gets one more axis, one slice
per seed. That makes 100 training runs about as quick as one.
"""

import numpy as np

from activations import sigmoid
from network import Network
from running_example import EPOCHS, LEARNING_RATE, data

SEEDS = 100  # how many random starts the site tries
STUCK_EXAMPLE = 6  # the first of them that gets stuck
# A start has learned XOR when every answer is within this distance of the right one:
# below 0.25 for a "no", above 0.75 for a "yes". (Just the right side of 0.5 is not
# enough: an answer of 0.502 is a shrug, not a "yes".)
WITHIN = 0.25


def _check_settings(hidden, seeds, epochs, learning_rate, scale):
    for name, value in (("hidden", hidden), ("epochs", epochs)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise TypeError(f"{name} must be a whole number, 1 or more, got {value!r}")
        if value < 1:
            raise ValueError(f"{name} must be a whole number, 1 or more, got {value}")
    seeds = list(seeds)
    if not seeds:
        raise ValueError(f"seeds is empty: give at least one seed, e.g. range({SEEDS})")
    for name, value in (("learning_rate", learning_rate), ("scale", scale)):
        if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
            raise TypeError(f"{name} must be a number, got {value!r}")
        if not (np.isfinite(value) and value > 0):
            raise ValueError(f"{name} must be a positive, finite number, got {value}")
    return seeds


def starting_weights(hidden, seeds, scale=1.0):
    """The starting weights and biases of Network([2, hidden, 1], "sigmoid", seed) for
    each seed, stacked: four arrays with one slice per seed. scale multiplies them all
    (1.0 keeps the network's own starting spread)."""
    networks = [Network([2, hidden, 1], "sigmoid", seed=seed) for seed in seeds]
    return [
        scale * np.stack([network.parameters()[i] for network in networks])
        for i in range(4)
    ]


def train_many(
    hidden=2, seeds=range(SEEDS), epochs=EPOCHS, learning_rate=LEARNING_RATE, scale=1.0
):
    """Trains a 2-hidden-1 sigmoid network on XOR from each seed, with the running
    example's learning rate and number of steps unless told otherwise; returns a dict of
    arrays, one entry per seed:

      outputs   the four answers after training, shape (n_seeds, 4)
      loss      the mean squared error after training
      learned   True if all four answers are within WITHIN (0.25) of the right answer
      hidden    the hidden neurons' outputs for the four examples, (n_seeds, 4, hidden)
      parameters  the trained [hidden weights, hidden biases, output weights,
                  output biases], each with one slice per seed
    """
    seeds = _check_settings(hidden, seeds, epochs, learning_rate, scale)
    inputs, targets = data()  # XOR: (4, 2) and (4, 1), shared by every seed
    w1, b1, w2, b2 = starting_weights(hidden, seeds, scale)
    # one row per seed, broadcast over the examples
    b1, b2 = b1[:, None, :], b2[:, None, :]

    for _ in range(epochs):
        # Forward: (seeds, 4, hidden) and then (seeds, 4, 1).
        h = sigmoid(inputs @ w1 + b1)
        out = sigmoid(h @ w2 + b2)
        # Backward, exactly as Network.backward does it, one slice per seed.
        blame_out = (out - targets) * (2.0 / len(targets)) * out * (1.0 - out)
        blame_hidden = (blame_out @ w2.transpose(0, 2, 1)) * h * (1.0 - h)
        # Update: every weight and bias of every network moves against its gradient.
        w2 -= learning_rate * (h.transpose(0, 2, 1) @ blame_out)
        b2 -= learning_rate * blame_out.sum(axis=1, keepdims=True)
        w1 -= learning_rate * (inputs.T @ blame_hidden)
        b1 -= learning_rate * blame_hidden.sum(axis=1, keepdims=True)

    h = sigmoid(inputs @ w1 + b1)
    outputs = sigmoid(h @ w2 + b2)[:, :, 0]
    loss = np.mean((outputs - targets[:, 0]) ** 2, axis=1)
    learned = np.all(np.abs(outputs - targets[:, 0]) < WITHIN, axis=1)
    return {
        "outputs": outputs,
        "loss": loss,
        "learned": learned,
        "hidden": h,
        "parameters": [w1, b1, w2, b2],
    }


def share_learned(
    hidden=2, seeds=range(SEEDS), epochs=EPOCHS, learning_rate=LEARNING_RATE, scale=1.0
):
    """How many of the seeds learn XOR, as (number that learned, number of seeds)."""
    result = train_many(hidden, seeds, epochs, learning_rate, scale)
    return int(result["learned"].sum()), len(result["learned"])


def shares_table(shares):
    """A Markdown table of shares = {(hidden neurons, scale of the starting weights):
    (number that learned, number of seeds)}: one row per scale, one column per size."""
    hidden_sizes = sorted({hidden for hidden, _ in shares})
    scales = sorted({scale for _, scale in shares})
    header = (
        "| starting weights | "
        + " | ".join(f"2-{h}-1 network" for h in hidden_sizes)
        + " |"
    )
    rule = "| --- |" + " ---: |" * len(hidden_sizes)
    rows = [header, rule]
    for scale in scales:
        cells = [
            f"{shares[hidden, scale][0]} of {shares[hidden, scale][1]}"
            for hidden in hidden_sizes
        ]
        label = (
            "the usual spread" if scale == 1.0 else f"{scale:g} times the usual spread"
        )
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


if __name__ == "__main__":
    for hidden in (2, 4):
        learned, total = share_learned(hidden)
        print(
            f"2-{hidden}-1 network: {learned} of {total} starts learn XOR in {EPOCHS} "
            "epochs"
        )
    result = train_many(2)
    stuck = np.flatnonzero(~result["learned"])
    print("stuck seeds:", stuck[:8].tolist(), "...")
    print(
        "answers of seed",
        stuck[0],
        "after training:",
        result["outputs"][stuck[0]].round(2),
    )
