"""Checks backpropagation the slow, obvious way: nudge each weight and bias a tiny bit
up and down, watch how the loss changes, and compare with the gradients backward()
gives.
"""

import math

import numpy as np

from network import Network

# Two kinds of error limit a finite-difference estimate. Rounding: after a forward pass
# the loss is only accurate to about 1e-14 of its size, and dividing a loss difference
# by the step magnifies that, so tiny steps are bad. Curvature: a central difference is
# off by about step**2 times how fast the curvature changes, so big steps are bad too.
# numerical_gradients cancels the step**2 term (see there), which makes a fairly large
# step safe. With STEP = 1e-4 the estimates are good to about 1e-11.
STEP = 1e-4

# What the check's answer means, on every page: below RIGHT_BELOW the backward pass is
# right; from BUG_FROM up it has a bug; in between, look closer (a small bug, or a nudge
# too small or too large for the gradients at hand).
RIGHT_BELOW = 1e-7
BUG_FROM = 1e-2


def _check_arguments(network, step):
    if not isinstance(network, Network):
        raise TypeError(f"network must be a Network, got {type(network).__name__}")
    if isinstance(step, bool) or not isinstance(step, (int, float, np.number)):
        raise TypeError(f"step must be a number, got {step!r}")
    if not (math.isfinite(step) and step > 0):
        raise ValueError(f"step must be a positive number, got {step}")


def numerical_gradients(network, inputs, targets, loss="mse", step=STEP):
    """Estimates the gradient of every weight and bias by nudging it, one at a time.

    The slope of the loss at a parameter p is measured by central differences,
        slope(h) = (loss with p + h  -  loss with p - h) / (2 h),
    once with h = step and once with h = step / 2. Each is off by about h**2 times the
    same constant, so (4 * slope(step / 2) - slope(step)) / 3 cancels that error
    (Richardson extrapolation). Returns (weight_gradients, bias_gradients) shaped like
    network.weights and network.biases. Every parameter is put back exactly afterwards.
    """
    _check_arguments(network, step)
    inputs, targets = network.check_data(inputs, targets)
    # fails early, with a clear message, on a bad loss name
    network.loss(inputs, targets, loss)

    def slope(array, index, h):
        original = array[index]
        try:
            array[index] = original + h
            loss_up = network.loss(inputs, targets, loss)
            array[index] = original - h
            loss_down = network.loss(inputs, targets, loss)
        finally:
            array[index] = original
        return (loss_up - loss_down) / (2.0 * h)

    def estimate_each(arrays):
        estimates = []
        for array in arrays:
            estimate = np.zeros_like(array)
            for index in np.ndindex(array.shape):
                coarse, fine = slope(array, index, step), slope(array, index, step / 2)
                estimate[index] = (4.0 * fine - coarse) / 3.0
            estimates.append(estimate)
        return estimates

    return estimate_each(network.weights), estimate_each(network.biases)


def relative_error(analytic, numerical):
    """How far two versions of one array of gradients disagree, for the array as a
    whole: the size of their difference over the sum of their sizes (sizes measured as
    the square root of the sum of squares). 0 means identical, 1 means opposite, and the
    answer is judged by the array's own size: a bug in tiny gradients counts as much as
    in large ones.
    """
    analytic = np.asarray(analytic, dtype=float)
    numerical = np.asarray(numerical, dtype=float)
    size = np.linalg.norm(analytic) + np.linalg.norm(numerical)
    return float(np.linalg.norm(analytic - numerical) / size) if size > 0 else 0.0


def gradient_report(network, inputs, targets, loss="mse", step=STEP):
    """For each weight array and bias array, from the first layer to the last: (its
    name, the size of its gradient, the relative error between backward() and the
    nudges)."""
    _check_arguments(network, step)
    _, weight_gradients, bias_gradients = network.gradients(inputs, targets, loss)
    numerical_weights, numerical_biases = numerical_gradients(
        network, inputs, targets, loss, step
    )
    report = []
    for layer in range(len(network.weights)):
        for kind, analytic, numerical in (
            ("weights", weight_gradients, numerical_weights),
            ("biases", bias_gradients, numerical_biases),
        ):
            size = float(np.linalg.norm(analytic[layer]))
            report.append(
                (
                    f"{kind} of layer {layer + 1}",
                    size,
                    relative_error(analytic[layer], numerical[layer]),
                )
            )
    return report


def gradient_check(network, inputs, targets, loss="mse", step=STEP):
    """The largest relative error of any weight or bias array (see relative_error).

    Below RIGHT_BELOW (1e-7) means backward() is right; a mistake in backpropagation
    typically shows up as BUG_FROM (1e-2) or more. (One honest exception: if a relu
    neuron's sum is within a step of 0, the nudge crosses relu's corner and the estimate
    is wrong, not backward. And where gradients are so small that rounding in the nudged
    losses is a fair part of them, as deep in a deep sigmoid network, the check can only
    say "look closer".)
    """
    return max(
        error for _, _, error in gradient_report(network, inputs, targets, loss, step)
    )


if __name__ == "__main__":
    inputs = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    targets = np.array([[0.0], [1.0], [1.0], [0.0]])
    for sizes, activations in (
        ([2, 3, 1], "sigmoid"),
        ([2, 4, 3, 1], ["relu", "tanh", "sigmoid"]),
    ):
        network = Network(sizes, activations, seed=1)
        print(network)
        for name, size, error in gradient_report(network, inputs, targets):
            verdict = (
                "right"
                if error < RIGHT_BELOW
                else "a bug"
                if error >= BUG_FROM
                else "look closer"
            )
            print(f"  {name:18} gradient size {size:.1e}   {verdict}")
