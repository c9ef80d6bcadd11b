"""Checks backpropagation the slow, obvious way: nudge each weight and bias a tiny bit up
and down, watch how the loss changes, and compare with the gradients backward() gives.
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

# Relative error compares a difference with the size of the two gradients. Since the
# estimates are only good to about 1e-11, gradients smaller than FLOOR are compared with
# FLOOR instead of their own tiny, noisy size: for them, a relative error below 1e-7
# means "they agree to within 1e-10". (Without a floor, two gradients of about zero
# could give a large relative error, or even 0 / 0.)
FLOOR = 1e-3


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
    network.loss(inputs, targets, loss)  # fails early, with a clear message, on a bad loss name

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
    """|a - n| / max(|a| + |n|, FLOOR), element by element."""
    analytic = np.asarray(analytic, dtype=float)
    numerical = np.asarray(numerical, dtype=float)
    return np.abs(analytic - numerical) / np.maximum(np.abs(analytic) + np.abs(numerical), FLOOR)


def gradient_check(network, inputs, targets, loss="mse", step=STEP):
    """The largest relative error between backward()'s gradients and numerical ones.

    Every weight and every bias is compared. Below 1e-7 means backward() is right; a
    mistake in backpropagation typically shows up as 1e-2 or more. (One honest exception:
    if a relu neuron's sum is within a step of 0, the nudge crosses relu's corner and
    the estimate is wrong, not backward.)
    """
    _check_arguments(network, step)
    _, weight_gradients, bias_gradients = network.gradients(inputs, targets, loss)
    numerical_weights, numerical_biases = numerical_gradients(network, inputs, targets, loss, step)
    pairs = zip(weight_gradients + bias_gradients, numerical_weights + numerical_biases)
    return max(float(np.max(relative_error(analytic, numerical))) for analytic, numerical in pairs)


if __name__ == "__main__":
    inputs = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    targets = np.array([[0.0], [1.0], [1.0], [0.0]])
    for sizes, activations in (([2, 3, 1], "sigmoid"), ([2, 4, 3, 1], ["relu", "tanh", "sigmoid"])):
        network = Network(sizes, activations, seed=1)
        print(network, f"largest relative error: {gradient_check(network, inputs, targets):.1e}")
