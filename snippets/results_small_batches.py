"""The results of chapter 4's page "Why do real networks learn from a few examples at a
time?" (docs/real-networks/small-batches.md).

numpy only. Each result is computed once (cached) and shared by the page's figures
(figures_small_batches.py), the page (through facts(), which hooks/fill_in.py fills in) and
its tests, so a figure and the sentence under it always come from the same run.
"""

from functools import cache

import numpy as np

from datasets import two_moons
from minibatch import batches, first_below, train_minibatch
from network import Network

# A small network for two moons: 2 inputs, 8 tanh neurons, one sigmoid output (a yes/no
# answer), learned with the cross-entropy. Every run starts from the same weights.
SIZES = [2, 8, 1]
ACTIVATIONS = ["tanh", "sigmoid"]
SEED = 0  # the starting weights
SHUFFLE_SEED = 0  # the order of the examples in each pass
LOSS = "cross_entropy"

# {batch size: (learning rate, epochs)}. None is the whole data set (full batch). A step
# built from one example is less trustworthy, so it gets a shorter step.
FULL = None
RUNS = {FULL: (1.0, 300), 32: (1.0, 60), 1: (0.1, 40)}
FULL_FASTER_RATE = 2.0  # full batch given a rate twice as large, to be fair to it

# "The same error": where every curve crosses it steeply, far from where it levels off.
TARGET_ERROR = 0.12

# The bugs, shown with a noisy curve: one example per step at the full-batch rate, and
# batches of 32 cut from the data in its own order (first all one class, then the other).
TOO_LARGE_RATE = RUNS[FULL][0]
UNSHUFFLED_BATCH = 32

# How many passes the bugs figure shows (and the curves figure's first chart): the page
# compares shuffled and unshuffled batches at its end.
PASSES_SHOWN = 40

# A data set of real size, for the cost of one full-batch step.
MILLION = 1_000_000


def data():
    return two_moons()


def make_network():
    return Network(SIZES, ACTIVATIONS, seed=SEED)


def batch_size_of(batch):
    return len(data()[0]) if batch is FULL else batch


@cache
def run(batch, learning_rate, epochs, shuffle=True):
    """A BatchHistory of the network trained with this batch size and rate: the error on
    all the examples before training and after every update."""
    inputs, targets = data()
    return train_minibatch(make_network(), inputs, targets, learning_rate, epochs,
                           batch_size_of(batch), loss=LOSS, seed=SHUFFLE_SEED, shuffle=shuffle)


def runs():
    """{batch: BatchHistory} for the three batch sizes of RUNS."""
    return {batch: run(batch, *settings) for batch, settings in RUNS.items()}


def full_faster():
    return run(FULL, FULL_FASTER_RATE, RUNS[FULL][1])


def too_large():
    return run(1, TOO_LARGE_RATE, RUNS[1][1])


def unshuffled():
    return run(UNSHUFFLED_BATCH, RUNS[UNSHUFFLED_BATCH][0], RUNS[UNSHUFFLED_BATCH][1], shuffle=False)


def _flat(weight_gradients, bias_gradients):
    return np.concatenate([g.ravel() for pair in zip(weight_gradients, bias_gradients) for g in pair])


@cache
def downhill_from_the_start():
    """From the starting weights, how many steps would go downhill for the error on ALL
    examples (their direction has a positive dot product with minus the full gradient):
    (single examples that do, examples, batches of 32 of the first pass that do, batches).
    Also the largest gap between the average of the single-example gradients and the full
    gradient (0 up to rounding: the full gradient IS their average)."""
    inputs, targets = data()
    network = make_network()
    full = _flat(*network.gradients(inputs, targets, LOSS)[1:])
    singles = np.array([_flat(*network.gradients(inputs[k : k + 1], targets[k : k + 1], LOSS)[1:])
                        for k in range(len(inputs))])
    rows = batches(len(inputs), 32, np.random.default_rng(SHUFFLE_SEED))
    batch_gradients = [_flat(*network.gradients(inputs[r], targets[r], LOSS)[1:]) for r in rows]
    single_down = int(np.sum(singles @ full > 0))
    batch_down = int(sum(g @ full > 0 for g in batch_gradients))
    gap = float(np.abs(singles.mean(axis=0) - full).max())
    return single_down, len(inputs), batch_down, len(rows), gap


def to_target(history):
    """(examples looked at, updates) when the error on all examples first fell below
    TARGET_ERROR."""
    examples = first_below(history, TARGET_ERROR)
    return examples, int(np.searchsorted(history.examples_seen, examples))


def updates_per_epoch(batch):
    n = len(data()[0])
    return -(-n // batch_size_of(batch))  # rounded up: the last batch may be smaller


def rises(history):
    """The share of updates after which the error on all examples was higher than before."""
    return float(np.mean(np.diff(history.losses) > 0))


def pass_averages(history):
    """The average error over each pass's updates: the trend under a noisy curve."""
    per_pass = updates_per_epoch(history.batch_size)
    return history.losses[1:].reshape(-1, per_pass).mean(axis=1)


def pass_average_at(history, passes):
    """The average error over the given pass (counting from 1)."""
    return float(pass_averages(history)[passes - 1])


def rises_first_pass_and_after(history):
    """(share of the first pass's updates that raised the error on all examples, share of
    all later updates that did): the start is steep, later ground is flat."""
    raised = np.diff(history.losses) > 0
    per_pass = updates_per_epoch(history.batch_size)
    return float(np.mean(raised[:per_pass])), float(np.mean(raised[per_pass:]))


def name(batch):
    return "all" if batch is FULL else f"{batch}"


def table():
    """The work each batch size does, and what it takes to reach TARGET_ERROR, as Markdown."""
    n = len(data()[0])
    rows = ["| examples per update | learning rate | updates per pass | passes to reach "
            f"{TARGET_ERROR:g} | examples looked at | updates |",
            "| --- | --- | --- | --- | --- | --- |"]
    for batch, history in runs().items():
        examples, updates = to_target(history)
        size = f"{batch_size_of(batch)} (all)" if batch is FULL else f"{batch}"
        rows.append(f"| {size} | {RUNS[batch][0]:g} | {updates_per_epoch(batch)} | "
                    f"{examples / n:.1f} | {examples:,} | {updates:,} |")
    return "\n".join(rows)


def facts():
    n = len(data()[0])
    found = runs()
    reached = {batch: to_target(history) for batch, history in found.items()}
    faster, _ = to_target(full_faster())
    single_down, _, batch_down, n_batches, _ = downhill_from_the_start()
    return {
        "small_batches.single_downhill": single_down,
        "small_batches.single_uphill": n - single_down,
        "small_batches.batches_downhill": batch_down,
        "small_batches.batches_first_pass": n_batches,
        "small_batches.examples": n,
        "small_batches.hidden": SIZES[1],
        "small_batches.target_error": TARGET_ERROR,
        "small_batches.table": table(),
        "small_batches.full_rate": RUNS[FULL][0],
        "small_batches.one_rate": RUNS[1][0],
        "small_batches.full_epochs": reached[FULL][0] // n,
        "small_batches.epochs_32": reached[32][0] / n,
        "small_batches.epochs_1": reached[1][0] / n,
        "small_batches.updates_1": reached[1][1],
        "small_batches.updates_full": reached[FULL][1],
        "small_batches.updates_to_target_32": reached[32][1],
        "small_batches.fewer_examples": reached[FULL][0] / reached[1][0],
        "small_batches.faster_rate": FULL_FASTER_RATE,
        "small_batches.faster_epochs": faster // n,
        "small_batches.rises_32": rises(found[32]),
        "small_batches.rises_1": rises(found[1]),
        "small_batches.rises_1_first_pass": rises_first_pass_and_after(found[1])[0],
        "small_batches.epochs_shown": PASSES_SHOWN,
        "small_batches.shuffled_at_shown": pass_average_at(found[32], PASSES_SHOWN),
        "small_batches.unshuffled_at_shown": pass_average_at(unshuffled(), PASSES_SHOWN),
        "small_batches.million": MILLION,
        "small_batches.million_ratio": MILLION // 32,
    }


if __name__ == "__main__":
    for key, value in facts().items():
        print(f"{key} = {value!r}")
