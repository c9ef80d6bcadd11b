"""snippets/checks.py: the argument checks chapter 4's modules share."""

import re

import numpy as np
import pytest

from checks import positive_number, whole_number


def test_whole_numbers_pass_as_ints():
    assert whole_number(3, "steps") == 3 and type(whole_number(np.int64(3), "steps")) is int
    assert whole_number(0, "n", minimum=0) == 0


@pytest.mark.parametrize("value, error, message", [
    (2.5, TypeError, "steps must be a whole number, got 2.5"),
    (True, TypeError, "steps must be a whole number, got True"),
    ("3", TypeError, "steps must be a whole number, got '3'"),
    (0, ValueError, "steps must be at least 1, got 0"),
])
def test_whole_number_says_what_is_wrong(value, error, message):
    with pytest.raises(error, match=re.escape(message)):
        whole_number(value, "steps")


def test_positive_numbers_pass_as_floats():
    assert positive_number(2, "rate") == 2.0 and type(positive_number(np.float32(0.5), "rate")) is float


@pytest.mark.parametrize("value, error, message", [
    ("0.1", TypeError, "rate must be a number, got '0.1'"),
    (False, TypeError, "rate must be a number, got False"),
    (0.0, ValueError, "rate must be a positive, finite number, got 0.0"),
    (-1, ValueError, "rate must be a positive, finite number, got -1"),
    (float("inf"), ValueError, "rate must be a positive, finite number, got inf"),
    (float("nan"), ValueError, "rate must be a positive, finite number, got nan"),
])
def test_positive_number_says_what_is_wrong(value, error, message):
    with pytest.raises(error, match=re.escape(message)):
        positive_number(value, "rate")
