"""Checks for the numbers a snippet's functions are given: each returns the number, or raises an
error that says what is wrong with it (a TypeError for the wrong kind, a ValueError for a value
out of range). Several chapter-4 modules share them.
"""

import math

import numpy as np


def whole_number(value, name, minimum=1):
    """value as an int, if it is a whole number of at least `minimum`."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be a whole number, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return int(value)


def positive_number(value, name):
    """value as a float, if it is a finite number above 0."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
        raise TypeError(f"{name} must be a number, got {value!r}")
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be a positive, finite number, got {value}")
    return float(value)


if __name__ == "__main__":
    print(whole_number(3, "steps"), positive_number(0.5, "learning_rate"))
    for bad in ((2.5, "steps"), (0, "steps")):
        try:
            whole_number(*bad)
        except (TypeError, ValueError) as error:
            print(f"{type(error).__name__}: {error}")
    try:
        positive_number(float("nan"), "learning_rate")
    except ValueError as error:
        print(f"ValueError: {error}")
