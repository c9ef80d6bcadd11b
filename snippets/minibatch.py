"""Mini-batch gradient descent: each update looks at a few examples, not all of them.

Full-batch training (training.py) measures the gradient on every example before it takes
one step. Mini-batch training shuffles the examples, cuts them into small batches, and
takes one step per batch. Each step sees only a sample, so its direction is a little off,
but on average it points the same way as the full gradient, and it costs far less.
A batch size of 1 is called stochastic gradient descent (SGD): one example per step.

Needs network.py, training.py and, for the demo, datasets.py (and what they need:
activations.py, losses.py).
"""

import math
from dataclasses import dataclass, field

import numpy as np

from datasets import two_moons
from losses import get_loss
from network import Network
from training import History, _check_epochs, _check_learning_rate, _check_network, _update


@dataclass
class BatchHistory(History):
    """What happened during train_minibatch(), as training.History plus a count.

    losses         the loss on ALL the examples: before training, then after every
                   update (or every epoch, if measured per epoch)
    examples_seen  examples_seen[k] is how many examples the updates had looked at when
                   losses[k] was measured (an example looked at twice counts twice)
    batch_size     the number of examples per update
    """

    examples_seen: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    batch_size: int = 0

    def epochs_seen(self, n_examples):
        """examples_seen as passes over a data set of n_examples (1.0 = one epoch)."""
        return self.examples_seen / n_examples


def _check_batch_size(batch_size, n_examples):
    if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)):
        raise TypeError(f"batch_size must be a whole number, got {batch_size!r}")
    if not 1 <= batch_size <= n_examples:
        raise ValueError(
            f"batch_size must be between 1 and the number of examples ({n_examples}), "
            f"got {batch_size}"
        )
    return int(batch_size)


def _check_measure_every(measure_every):
    if measure_every not in ("update", "epoch"):
        raise ValueError(
            f"measure_every must be 'update' or 'epoch', got {measure_every!r}"
        )
    return measure_every


def batches(n_examples, batch_size, rng, shuffle=True):
    """The row numbers of each batch for one pass (epoch) over n_examples.

    With shuffle=True the order is new every pass, drawn from rng; the last batch is
    smaller when batch_size does not divide n_examples.
    """
    order = rng.permutation(n_examples) if shuffle else np.arange(n_examples)
    return [order[start : start + batch_size] for start in range(0, n_examples, batch_size)]


def train_minibatch(
    network,
    inputs,
    targets,
    learning_rate,
    epochs,
    batch_size,
    loss="mse",
    seed=0,
    shuffle=True,
    measure_every="update",
):
    """Trains network in place by mini-batch gradient descent; returns a BatchHistory.

    Each epoch is one pass over the examples in a fresh random order (from `seed`), one
    update per batch of batch_size examples. batch_size = len(inputs) with shuffle on or
    off is full-batch gradient descent, update for update the same as training.train().
    The loss on all the examples is measured for the history only: training itself never
    looks at it. shuffle=False keeps the data's own order, a bug when the data are sorted.
    """
    _check_network(network)
    inputs, targets = network.check_data(inputs, targets)
    learning_rate = _check_learning_rate(learning_rate)
    epochs = _check_epochs(epochs)
    batch_size = _check_batch_size(batch_size, len(inputs))
    measure_every = _check_measure_every(measure_every)
    get_loss(loss)  # an unknown loss name fails here, before any training
    rng = np.random.default_rng(seed)

    losses, seen = [network.loss(inputs, targets, loss)], [0]
    examples = 0
    diverged = False
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(epochs):
            for rows in batches(len(inputs), batch_size, rng, shuffle):
                _, weight_gradients, bias_gradients = network.gradients(
                    inputs[rows], targets[rows], loss
                )
                _update(network, weight_gradients, bias_gradients, learning_rate)
                examples += len(rows)
                if measure_every == "update":
                    losses.append(network.loss(inputs, targets, loss))
                    seen.append(examples)
            if measure_every == "epoch":
                losses.append(network.loss(inputs, targets, loss))
                seen.append(examples)
            if not math.isfinite(losses[-1]):
                diverged = True
                break
    return BatchHistory(
        losses=np.array(losses),
        diverged=diverged,
        examples_seen=np.array(seen),
        batch_size=batch_size,
    )


def first_below(history, level):
    """The number of examples looked at when the loss on all examples first fell below
    level, or None if it never did."""
    below = np.nonzero(history.losses < level)[0]
    return int(history.examples_seen[below[0]]) if below.size else None


if __name__ == "__main__":
    inputs, targets = two_moons()
    print(f"two moons, {len(inputs)} examples; a 2-8-1 tanh network, 20 epochs")
    # One example makes a less trustworthy step than many, so it gets a shorter one.
    for batch_size, learning_rate in ((len(inputs), 1.0), (32, 1.0), (1, 0.1)):
        network = Network([2, 8, 1], ["tanh", "sigmoid"], seed=0)
        history = train_minibatch(
            network, inputs, targets, learning_rate, 20, batch_size, loss="cross_entropy"
        )
        updates = len(history.losses) - 1
        print(
            f"batch size {batch_size:3}: {updates:4} updates, "
            f"error {history.losses[0]:.3f} -> {history.losses[-1]:.3f}"
        )
