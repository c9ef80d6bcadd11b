"""Small made-up data sets for the examples: logic gates, two interleaved moons, and a
noisy curve. Everything is generated here; nothing is downloaded.

Every function returns (inputs, targets): float arrays with one row per example.
"""

import numpy as np

# The four possible pairs of on/off inputs, shared by the logic gates.
_GATE_INPUTS = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]


def _gate(outputs):
    return np.array(_GATE_INPUTS), np.array(outputs, dtype=float).reshape(4, 1)


def xor():
    """1 when exactly one input is 1. No single straight line separates the 1s from the
    0s."""
    return _gate([0, 1, 1, 0])


def and_gate():
    """1 only when both inputs are 1."""
    return _gate([0, 0, 0, 1])


def or_gate():
    """1 when at least one input is 1."""
    return _gate([0, 1, 1, 1])


def _check_size_and_noise(n_examples, noise):
    if isinstance(n_examples, bool) or not isinstance(n_examples, (int, np.integer)):
        raise TypeError(f"n_examples must be a whole number, got {n_examples!r}")
    if n_examples < 1:
        raise ValueError(f"n_examples must be at least 1, got {n_examples}")
    if isinstance(noise, bool) or not isinstance(noise, (int, float, np.number)):
        raise TypeError(f"noise must be a number, got {noise!r}")
    if not (np.isfinite(noise) and noise >= 0):
        raise ValueError(f"noise must be a finite number >= 0, got {noise}")


def two_moons(n_examples=200, noise=0.1, seed=0):
    """Two interleaved half circles: the upper one is class 0, the lower one class 1.

    inputs has shape (n_examples, 2) and targets (n_examples, 1) with values 0 or 1;
    the first n_examples // 2 rows are class 0 and the rest class 1. noise is the
    standard deviation of the random jitter added to every point.
    """
    _check_size_and_noise(n_examples, noise)
    rng = np.random.default_rng(seed)
    n_upper = n_examples // 2
    n_lower = n_examples - n_upper
    upper_angles = rng.uniform(0.0, np.pi, n_upper)
    lower_angles = rng.uniform(0.0, np.pi, n_lower)
    # The lower moon is the upper one flipped over and shifted right and down, so that
    # each moon reaches into the hollow of the other.
    upper = np.column_stack([np.cos(upper_angles), np.sin(upper_angles)])
    lower = np.column_stack([1.0 - np.cos(lower_angles), 0.5 - np.sin(lower_angles)])
    inputs = np.vstack([upper, lower]) + rng.normal(0.0, noise, size=(n_examples, 2))
    targets = np.concatenate([np.zeros(n_upper), np.ones(n_lower)]).reshape(-1, 1)
    return inputs, targets


def regression_1d(n_examples=50, noise=0.1, seed=0):
    """Points along a wavy rising curve, y = x + 0.5 sin(3x) for x from 0 to 3, plus
    noise.

    The targets climb to about 3, so a network whose output is a sigmoid (always below
    1) cannot fit them; an identity output can.
    """
    _check_size_and_noise(n_examples, noise)
    rng = np.random.default_rng(seed)
    x = np.linspace(0.0, 3.0, n_examples)
    y = x + 0.5 * np.sin(3.0 * x) + rng.normal(0.0, noise, size=n_examples)
    return x.reshape(-1, 1), y.reshape(-1, 1)


if __name__ == "__main__":
    inputs, targets = xor()
    for (a, b), target in zip(inputs, targets):
        print(f"xor({a:.0f}, {b:.0f}) = {target[0]:.0f}")
    inputs, targets = two_moons()
    print(
        f"two_moons: inputs {inputs.shape}, {int(targets.sum())} of {len(targets)} in "
        "class 1"
    )
    inputs, targets = regression_1d()
    print(
        f"regression_1d: targets range from {targets.min():.2f} to {targets.max():.2f}"
    )
