"""Tests for snippets/datasets.py: shapes, values, seeding and argument checks."""

import re

import numpy as np
import pytest

from datasets import and_gate, or_gate, regression_1d, two_moons, xor

GATE_INPUTS = [[0, 0], [0, 1], [1, 0], [1, 1]]


@pytest.mark.parametrize("gate, outputs", [
    (xor, [0, 1, 1, 0]),
    (and_gate, [0, 0, 0, 1]),
    (or_gate, [0, 1, 1, 1]),
])
def test_logic_gates(gate, outputs):
    inputs, targets = gate()
    assert inputs.shape == (4, 2) and targets.shape == (4, 1)
    assert inputs.dtype == np.float64 and targets.dtype == np.float64
    np.testing.assert_array_equal(inputs, GATE_INPUTS)
    np.testing.assert_array_equal(targets.ravel(), outputs)


def test_gates_return_fresh_arrays():
    inputs, targets = xor()
    inputs[0, 0] = 99.0
    targets[0, 0] = 99.0
    np.testing.assert_array_equal(xor()[0][0], [0.0, 0.0])
    assert xor()[1][0, 0] == 0.0


@pytest.mark.parametrize("n_examples", [1, 2, 7, 200])
def test_two_moons_shapes_and_labels(n_examples):
    inputs, targets = two_moons(n_examples)
    assert inputs.shape == (n_examples, 2) and targets.shape == (n_examples, 1)
    assert set(np.unique(targets)) <= {0.0, 1.0}
    assert abs(targets.sum() - n_examples / 2) <= 0.5  # the two classes are balanced


def test_two_moons_without_noise_lie_on_two_half_circles():
    inputs, targets = two_moons(100, noise=0.0)
    upper = inputs[targets[:, 0] == 0]
    lower = inputs[targets[:, 0] == 1]
    np.testing.assert_allclose(np.hypot(upper[:, 0], upper[:, 1]), 1.0)
    assert np.all(upper[:, 1] >= 0)
    np.testing.assert_allclose(np.hypot(lower[:, 0] - 1.0, lower[:, 1] - 0.5), 1.0)
    assert np.all(lower[:, 1] <= 0.5)


def test_two_moons_are_not_separable_by_a_horizontal_or_vertical_line():
    inputs, targets = two_moons(400, noise=0.0)
    labels = targets[:, 0]
    for column in (0, 1):
        for threshold in np.linspace(-1.5, 2.5, 81):
            right = inputs[:, column] > threshold
            accuracy = max(np.mean(right == labels), np.mean(right != labels))
            assert accuracy < 0.9


def test_seeds_make_data_reproducible():
    for make in (two_moons, regression_1d):
        first, again, other = make(seed=3), make(seed=3), make(seed=4)
        np.testing.assert_array_equal(first[0], again[0])
        np.testing.assert_array_equal(first[1], again[1])
        differs = [not np.array_equal(a, b) for a, b in zip(first, other)]
        assert any(differs)


def test_noise_scales_the_jitter():
    clean_inputs, _ = two_moons(500, noise=0.0, seed=1)
    noisy_inputs, _ = two_moons(500, noise=0.1, seed=1)
    assert np.std(noisy_inputs - clean_inputs) == pytest.approx(0.1, rel=0.1)


def test_regression_1d_rises_well_above_one():
    inputs, targets = regression_1d()
    assert inputs.shape == (50, 1) and targets.shape == (50, 1)
    assert np.all(np.diff(inputs[:, 0]) > 0)  # sorted, so it can be drawn as a line
    assert targets.max() > 2.5
    assert np.mean(targets > 1.0) > 0.4  # much of it is out of a sigmoid's reach
    clean_inputs, clean_targets = regression_1d(noise=0.0)
    np.testing.assert_allclose(clean_targets, clean_inputs + 0.5 * np.sin(3 * clean_inputs))


@pytest.mark.parametrize("make", [two_moons, regression_1d])
@pytest.mark.parametrize("kwargs, error, message", [
    (dict(n_examples=0), ValueError, "n_examples must be at least 1, got 0"),
    (dict(n_examples=-3), ValueError, "n_examples must be at least 1, got -3"),
    (dict(n_examples=2.5), TypeError, "n_examples must be a whole number, got 2.5"),
    (dict(noise=-0.1), ValueError, "noise must be a finite number >= 0, got -0.1"),
    (dict(noise=float("nan")), ValueError, "noise must be a finite number >= 0, got nan"),
    (dict(noise="high"), TypeError, "noise must be a number"),
])
def test_bad_arguments(make, kwargs, error, message):
    with pytest.raises(error, match=re.escape(message)):
        make(**kwargs)
