"""Loss functions: one number that says how wrong the network's predictions are.

Each loss comes with its slope: how the loss changes as each single prediction changes.
For a sigmoid output trained with cross-entropy, the network uses the pair computed from
the output sums instead (cross_entropy_from_sums), as frameworks' "with logits" losses
do.
"""

import numpy as np

from activations import sigmoid

# Cross-entropy takes log(p) and log(1 - p). A prediction of exactly 0 or 1 would give
# log(0) = -infinity, so predictions are first kept at least EPSILON away from 0 and 1.
# 1e-12 is far below any difference that matters, yet 1 - 1e-12 is still a distinct
# float64 number, so the clipping works at both ends. (Clipped values cost at most
# -log(1e-12), about 27.6, per example.)
EPSILON = 1e-12


def _as_numbers(values, name):
    try:
        return np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            f"{name} must be an array of numbers, got a {type(values).__name__} that "
            "numpy cannot turn into one"
        ) from None


def _as_matching_arrays(predictions, targets):
    """Turns both into float arrays and insists on exactly the same shape.

    No broadcasting: predictions of shape (4, 1) against targets of shape (4,) would
    silently become a 4 x 4 table of differences, so that is an error instead.
    """
    predictions = _as_numbers(predictions, "predictions")
    targets = _as_numbers(targets, "targets")
    if predictions.shape != targets.shape:
        raise ValueError(
            "predictions and targets must have the same shape, got "
            f"{predictions.shape} and {targets.shape}"
        )
    if predictions.size == 0:
        raise ValueError(
            "predictions and targets are empty: there is nothing to compare"
        )
    return predictions, targets


def _check_probabilities(predictions, targets):
    """Cross-entropy only makes sense for numbers between 0 and 1."""
    # NaN passes these comparisons on purpose: a diverging network should give a NaN
    # loss (which training watches for) rather than an error.
    if np.any(predictions < 0) or np.any(predictions > 1):
        raise ValueError(
            "cross_entropy expects predictions between 0 and 1 (probabilities, e.g. "
            f"from a sigmoid output), got values from {predictions.min()} to "
            f"{predictions.max()}"
        )
    _check_targets(targets)


def _check_targets(targets):
    if np.any(targets < 0) or np.any(targets > 1):
        raise ValueError(
            "cross_entropy expects targets between 0 and 1, got values from "
            f"{targets.min()} to {targets.max()}"
        )


def mean_squared_error(predictions, targets):
    """The average of (prediction - target)**2 over every element."""
    predictions, targets = _as_matching_arrays(predictions, targets)
    errors = (predictions - targets).ravel()
    # errors @ errors is the sum of the squared errors (and quicker than
    # np.sum(errors**2)).
    return float(errors @ errors) / errors.size


def mean_squared_error_slope(predictions, targets):
    """d(mean squared error) / d(each prediction): 2 * (p - t), shared out over the
    mean."""
    predictions, targets = _as_matching_arrays(predictions, targets)
    return (predictions - targets) * (2.0 / predictions.size)


def cross_entropy(predictions, targets):
    """Binary cross-entropy, averaged over every element.

    Each element costs -log(p) when its target is 1 and -log(1 - p) when it is 0: small
    when confidently right, very large when confidently wrong.
    """
    predictions, targets = _as_matching_arrays(predictions, targets)
    _check_probabilities(predictions, targets)
    p = np.clip(predictions, EPSILON, 1.0 - EPSILON)
    return float(-np.mean(targets * np.log(p) + (1.0 - targets) * np.log(1.0 - p)))


def cross_entropy_slope(predictions, targets):
    """d(cross_entropy) / d(each prediction): (p - t) / (p (1 - p)), shared out over the
    mean.

    p is clipped as in the loss, so a prediction of exactly 0 or 1 gives a large but
    finite slope that still points the right way.
    """
    predictions, targets = _as_matching_arrays(predictions, targets)
    _check_probabilities(predictions, targets)
    p = np.clip(predictions, EPSILON, 1.0 - EPSILON)
    return (p - targets) / (p * (1.0 - p) * predictions.size)


def cross_entropy_from_sums(sums, targets):
    """Cross-entropy of sigmoid(sums), computed from the sums themselves ("with
    logits").

    For one example, -t log(sigmoid(z)) - (1 - t) log(1 - sigmoid(z)) simplifies to
    log(1 + e^z) - t z, and np.logaddexp(0, z) gives log(1 + e^z) for any z, without
    overflow. No guess is ever rounded to 0 or 1, so nothing needs clipping: a
    confidently wrong answer costs what it really costs (about 40 at a sum of -40 with a
    target of 1, not a clipped 27.6).
    """
    sums, targets = _as_matching_arrays(sums, targets)
    _check_targets(targets)
    return float(np.mean(np.logaddexp(0.0, sums) - targets * sums))


def cross_entropy_from_sums_slope(sums, targets):
    """d(cross_entropy_from_sums) / d(each sum): (sigmoid(z) - t), shared out over the
    mean.

    The sigmoid's slope a(1 - a) and the loss's 1 / (a(1 - a)) cancel, so the blame at
    the output sum is just "guess minus answer": a confidently wrong answer gets the
    full blame of -1 (per example), where going through the guess first would round it
    to 0.
    """
    sums, targets = _as_matching_arrays(sums, targets)
    return (sigmoid(sums) - targets) / sums.size


LOSSES = {
    "mse": (mean_squared_error, mean_squared_error_slope),
    "cross_entropy": (cross_entropy, cross_entropy_slope),
}


def get_loss(name):
    """Returns (function, slope) for a loss name such as "mse"."""
    if not isinstance(name, str):
        raise TypeError(
            f"a loss name must be a string such as 'mse', got {name!r} "
            f"({type(name).__name__})"
        )
    if name not in LOSSES:
        expected = ", ".join(repr(known) for known in sorted(LOSSES))
        raise ValueError(f"unknown loss {name!r}: expected one of {expected}")
    return LOSSES[name]


if __name__ == "__main__":
    targets = np.array([[0.0], [1.0], [1.0], [0.0]])
    for predictions in ([[0.1], [0.9], [0.8], [0.2]], [[0.9], [0.1], [0.2], [0.8]]):
        predictions = np.array(predictions)
        print("predictions", predictions.ravel(), "targets", targets.ravel())
        print(
            f"  mse {mean_squared_error(predictions, targets):.4f}   cross_entropy "
            f"{cross_entropy(predictions, targets):.4f}"
        )
