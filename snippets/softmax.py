"""Softmax: one answer out of several, as chances that add up to 1.

A network that picks one of several classes (cat, dog or bird) has one output neuron per
class. Each gives a score, any number. Softmax turns the scores into chances: each above 0,
all adding up to 1, the largest score getting the largest chance. Cross-entropy then
measures how wrong those chances are, and its slope with respect to the scores is simply
"chances minus the right answer".

Scores are a 2-D array with one row per example and one column per class (a 1-D array is
one example). Targets are rows of the same shape: 1 for the right class, 0 elsewhere (a
"one-hot" row).

numpy only; needs no sibling module.
"""

import numpy as np


def _check_scores(scores):
    """Returns scores as a float array, or raises an error that says what is wrong."""
    try:
        scores = np.asarray(scores, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            f"scores must be an array of numbers, got a {type(scores).__name__} that "
            "numpy cannot turn into one"
        ) from None
    if scores.ndim not in (1, 2):
        raise ValueError(
            "scores must be 1-D (one example) or 2-D (one row per example, one column "
            f"per class), got shape {scores.shape}"
        )
    if scores.size == 0:
        raise ValueError("scores are empty: give at least one score per example")
    if not np.all(np.isfinite(scores)):
        raise ValueError("scores contain NaN or infinite values")
    return scores


def _check_targets(targets, scores):
    """Targets must match the scores' shape, lie between 0 and 1 and add up to 1 per row."""
    try:
        targets = np.asarray(targets, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            f"targets must be an array of numbers, got a {type(targets).__name__} that "
            "numpy cannot turn into one"
        ) from None
    if targets.shape != scores.shape:
        raise ValueError(
            "targets must have the same shape as the scores (one column per class), got "
            f"{targets.shape} and {scores.shape}"
        )
    if not np.all(np.isfinite(targets)) or np.any(targets < 0) or np.any(targets > 1):
        raise ValueError("targets must be between 0 and 1, like a one-hot row [0, 1, 0]")
    if not np.allclose(targets.sum(axis=-1), 1.0):
        raise ValueError(
            "each row of targets must add up to 1 (one right class: a 1 in its column, "
            f"0 elsewhere), got row sums {targets.sum(axis=-1)}"
        )
    return targets


def softmax_naive(scores):
    """Softmax straight from its definition: e**score over the sum of all e**score.

    Kept to show what goes wrong: e**710 is already too big for a float, so large scores
    give inf / inf = nan. (No input check, and numpy's overflow warnings are silenced, so
    the nan is the whole message.)
    """
    scores = np.asarray(scores, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):
        powers = np.exp(scores)
        return powers / powers.sum(axis=-1, keepdims=True)


def softmax(scores):
    """Chances that add up to 1 along the last axis, safe for any finite scores.

    Subtracting the largest score from every score first changes nothing in the answer
    (e**(s - m) / sum e**(s - m) = e**s / sum e**s: the e**-m cancels), but now the
    largest power is e**0 = 1, so nothing overflows.
    """
    scores = _check_scores(scores)
    shifted = scores - scores.max(axis=-1, keepdims=True)
    powers = np.exp(shifted)
    return powers / powers.sum(axis=-1, keepdims=True)


def _log_softmax(scores):
    # log(softmax) computed without taking the log of a chance that rounded to 0.
    shifted = scores - scores.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def softmax_cross_entropy(scores, targets):
    """Cross-entropy of softmax(scores) against one-hot targets, averaged over examples.

    For one example, the cost is -log(the chance given to the right class): near 0 when
    that chance is near 1, and large when the network was sure of a wrong class.
    """
    scores = _check_scores(scores)
    targets = _check_targets(targets, scores)
    costs = -(targets * _log_softmax(scores)).sum(axis=-1)
    return float(np.mean(costs))


def softmax_cross_entropy_slope(scores, targets):
    """d(softmax_cross_entropy) / d(each score): (chances - targets), shared out over the
    examples.

    The slopes of the log and of softmax cancel down to "chance minus right answer", so a
    confidently wrong class gets a blame near its full chance, never a vanishing one.
    """
    scores = _check_scores(scores)
    targets = _check_targets(targets, scores)
    n_examples = 1 if scores.ndim == 1 else scores.shape[0]
    return (softmax(scores) - targets) / n_examples


if __name__ == "__main__":
    scores = np.array([2.0, 1.0, 0.1])  # cat, dog, bird
    print("scores       ", scores)
    print("softmax      ", softmax(scores).round(3), "sum", softmax(scores).sum())
    big = scores + 1000
    print("scores + 1000", big)
    print("naive        ", softmax_naive(big))
    print("softmax      ", softmax(big).round(3))
    dog = np.array([0.0, 1.0, 0.0])
    print(f"cross-entropy if the answer is dog: {softmax_cross_entropy(scores, dog):.3f}")
    print("its slope (chances - target):", softmax_cross_entropy_slope(scores, dog).round(3))
