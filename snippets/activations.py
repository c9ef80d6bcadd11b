"""Activation functions: what a neuron does to its weighted sum before passing it on.

Each activation comes with its slope (its derivative), which backpropagation needs.
"""

import numpy as np


# Every slope takes z, the weighted sum that went into the activation. It may also be
# given value = activation(z) when the caller already has it (the network does), so
# that sigmoid and tanh need not be computed a second time during backpropagation.


def identity(z):
    """Passes the sum through unchanged: a neuron with no bend at all."""
    return np.asarray(z, dtype=float)


def identity_slope(z, value=None):
    """The identity rises 1 for every 1 of z, everywhere."""
    return np.ones_like(z, dtype=float)


def sigmoid(z):
    """Squashes any number into (0, 1): 1 / (1 + exp(-z)).

    Very negative z gives 0, very positive z gives 1, and z = 0 gives 0.5.
    """
    # Written as 1 / (1 + exp(-z)), exp(-z) overflows once z is below about -709. So
    # take e = exp(-|z|), which is never above 1: for z >= 0 the sigmoid is 1 / (1 + e),
    # and for z < 0 it is e / (1 + e), the same value rearranged. The second keeps full
    # precision far out in the negative tail: sigmoid(-40) is 4.25e-18, not 0 (as 1 -
    # something would give).
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    # [()]: a single number stays a number
    return (np.where(z >= 0, 1.0, e) / (1.0 + e))[()]


def sigmoid_slope(z, value=None):
    """The sigmoid's slope is s * (1 - s): steepest (0.25) at z = 0, flat far away."""
    s = sigmoid(z) if value is None else value
    return s * (1.0 - s)


def tanh(z):
    """Squashes any number into (-1, 1); a sigmoid stretched and centred on zero."""
    return np.tanh(z)


def tanh_slope(z, value=None):
    """The slope of tanh is 1 - tanh(z)**2: 1 at z = 0, flat far away."""
    t = np.tanh(z) if value is None else value
    return 1.0 - t * t


def relu(z):
    """Keeps positive sums, turns negative ones into 0."""
    return np.maximum(z, 0.0)


def relu_slope(z, value=None):
    """1 where z > 0 and 0 where z < 0.

    At exactly z = 0 relu has a corner and no true slope; we use 0 there (a common
    choice, and it means a neuron sitting exactly at zero gets no blame).
    """
    # heaviside(z, 0.0) is the step function, with its second argument used at z == 0.
    return np.heaviside(z, 0.0)


ACTIVATIONS = {
    "identity": (identity, identity_slope),
    "sigmoid": (sigmoid, sigmoid_slope),
    "tanh": (tanh, tanh_slope),
    "relu": (relu, relu_slope),
}


def get_activation(name):
    """Returns (function, slope) for an activation name such as "sigmoid"."""
    if not isinstance(name, str):
        raise TypeError(
            f"an activation name must be a string such as 'sigmoid', got {name!r} "
            f"({type(name).__name__})"
        )
    if name not in ACTIVATIONS:
        expected = ", ".join(repr(known) for known in sorted(ACTIVATIONS))
        raise ValueError(f"unknown activation {name!r}: expected one of {expected}")
    return ACTIVATIONS[name]


if __name__ == "__main__":
    z = np.array([-1000.0, -2.0, 0.0, 2.0, 1000.0])
    print("z:       ", z)
    for name, (function, slope) in ACTIVATIONS.items():
        print(
            f"{name + ':':9}",
            np.round(function(z), 4),
            " slope:",
            np.round(slope(z), 4),
        )
