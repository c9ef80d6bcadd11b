"""Tests for snippets/losses.py: values, slopes, clipping and shape checks."""

import re

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra.numpy import arrays

from losses import (
    EPSILON,
    LOSSES,
    cross_entropy,
    cross_entropy_slope,
    get_loss,
    mean_squared_error,
    mean_squared_error_slope,
)

shapes = st.tuples(st.integers(1, 6), st.integers(1, 3))


def central_differences(loss, predictions, targets, step):
    """(loss(p + step) - loss(p - step)) / (2 step), one prediction at a time."""
    slope = np.zeros_like(predictions)
    for index in np.ndindex(predictions.shape):
        up, down = predictions.copy(), predictions.copy()
        up[index] += step
        down[index] -= step
        slope[index] = (loss(up, targets) - loss(down, targets)) / (2 * step)
    return slope


@settings(max_examples=80, deadline=None)
@given(data=st.data(), shape=shapes)
def test_mse_slope_agrees_with_finite_differences(data, shape):
    predictions = data.draw(arrays(np.float64, shape, elements=st.floats(-3, 3)))
    targets = data.draw(arrays(np.float64, shape, elements=st.floats(-3, 3)))
    # The loss is a parabola in each prediction, and central differences of a parabola
    # are exact at any step, so a large step keeps rounding error out of the reference.
    expected = central_differences(mean_squared_error, predictions, targets, step=1e-2)
    np.testing.assert_allclose(mean_squared_error_slope(predictions, targets), expected, rtol=1e-7, atol=1e-10)


@settings(max_examples=80, deadline=None)
@given(data=st.data(), shape=shapes)
def test_cross_entropy_slope_agrees_with_finite_differences(data, shape):
    # Predictions stay clear of 0 and 1, where the clipping (and the log) is steep.
    predictions = data.draw(arrays(np.float64, shape, elements=st.floats(0.02, 0.98)))
    targets = data.draw(arrays(np.float64, shape, elements=st.floats(0.0, 1.0)))
    # log is curved, so a plain central difference is off by about step**2; combining
    # two steps (Richardson extrapolation) cancels that term and gives a sharper reference.
    step = 3e-5
    expected = (
        4 * central_differences(cross_entropy, predictions, targets, step / 2)
        - central_differences(cross_entropy, predictions, targets, step)
    ) / 3
    np.testing.assert_allclose(cross_entropy_slope(predictions, targets), expected, rtol=1e-7, atol=1e-10)


def test_mse_known_value_and_slope():
    predictions = np.array([[0.5], [1.0], [0.0], [2.0]])
    targets = np.array([[0.0], [1.0], [1.0], [0.0]])
    assert mean_squared_error(predictions, targets) == pytest.approx((0.25 + 0 + 1 + 4) / 4)
    np.testing.assert_allclose(
        mean_squared_error_slope(predictions, targets), 2 * (predictions - targets) / 4
    )
    assert isinstance(mean_squared_error(predictions, targets), float)


def test_mse_averages_over_every_element():
    predictions = np.ones((3, 2))
    targets = np.zeros((3, 2))
    assert mean_squared_error(predictions, targets) == 1.0
    np.testing.assert_allclose(mean_squared_error_slope(predictions, targets), 2 / 6)


def test_cross_entropy_known_values():
    targets = np.array([[1.0], [0.0]])
    assert cross_entropy(np.array([[0.5], [0.5]]), targets) == pytest.approx(np.log(2))
    assert cross_entropy(np.array([[0.9], [0.2]]), targets) == pytest.approx(
        -(np.log(0.9) + np.log(0.8)) / 2
    )
    assert isinstance(cross_entropy(np.array([[0.5], [0.5]]), targets), float)


def test_cross_entropy_of_certain_predictions_is_finite_without_warnings():
    # Warnings are errors in this test suite, so a log(0) warning would fail here.
    targets = np.array([[0.0], [1.0], [1.0], [0.0]])
    perfect = targets.copy()
    wrong = 1.0 - targets
    assert cross_entropy(perfect, targets) == pytest.approx(0.0, abs=1e-11)
    worst = cross_entropy(wrong, targets)
    assert np.isfinite(worst)
    assert worst == pytest.approx(-np.log(EPSILON))
    assert np.all(np.isfinite(cross_entropy_slope(perfect, targets)))
    assert np.all(np.isfinite(cross_entropy_slope(wrong, targets)))


def test_cross_entropy_is_smaller_when_closer():
    targets = np.array([[1.0]])
    losses = [cross_entropy(np.array([[p]]), targets) for p in (0.1, 0.5, 0.9, 0.99)]
    assert losses == sorted(losses, reverse=True)


@pytest.mark.parametrize("name", ["mse", "cross_entropy"])
def test_shapes_must_match_exactly(name):
    loss, slope = get_loss(name)
    predictions = np.full((4, 1), 0.5)
    targets = np.zeros(4)
    message = "predictions and targets must have the same shape, got (4, 1) and (4,)"
    with pytest.raises(ValueError, match=re.escape(message)):
        loss(predictions, targets)
    with pytest.raises(ValueError, match=re.escape(message)):
        slope(predictions, targets)


@pytest.mark.parametrize("name", ["mse", "cross_entropy"])
def test_empty_inputs_are_an_error(name):
    loss, _ = get_loss(name)
    with pytest.raises(ValueError, match="empty"):
        loss(np.zeros((0, 1)), np.zeros((0, 1)))


def test_cross_entropy_rejects_predictions_that_are_not_probabilities():
    with pytest.raises(ValueError, match="predictions between 0 and 1"):
        cross_entropy(np.array([[1.5]]), np.array([[1.0]]))
    with pytest.raises(ValueError, match="predictions between 0 and 1"):
        cross_entropy_slope(np.array([[-0.5]]), np.array([[1.0]]))
    with pytest.raises(ValueError, match="targets between 0 and 1"):
        cross_entropy(np.array([[0.5]]), np.array([[2.0]]))


def test_a_nan_prediction_gives_a_nan_loss_not_an_error():
    # Training relies on this to notice that it has diverged.
    assert np.isnan(mean_squared_error(np.array([[np.nan]]), np.array([[1.0]])))
    assert np.isnan(cross_entropy(np.array([[np.nan]]), np.array([[1.0]])))


def test_non_numbers_are_a_type_error():
    with pytest.raises(TypeError, match="predictions must be an array of numbers"):
        mean_squared_error([["a"]], [[1.0]])


def test_registry_and_lookup():
    assert LOSSES == {
        "mse": (mean_squared_error, mean_squared_error_slope),
        "cross_entropy": (cross_entropy, cross_entropy_slope),
    }
    assert get_loss("mse") == (mean_squared_error, mean_squared_error_slope)
    message = "unknown loss 'mean_squared': expected one of 'cross_entropy', 'mse'"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        get_loss("mean_squared")
    with pytest.raises(TypeError, match="loss name must be a string"):
        get_loss(None)


def test_a_confidently_wrong_sigmoid_output_keeps_its_full_blame():
    """Sigmoid and cross-entropy are measured from the sum: at a sum of -30 with an answer
    of 1 the blame at that sum is -1 (guess minus answer), not a rounded-away -0.094."""
    from network import Network

    network = Network([1, 1], "sigmoid", seed=0)
    network.weights[0][:] = 0.0
    for z in (-30.0, -38.0, -40.0, -1000.0):
        network.biases[0][:] = z
        loss, _, bias_gradients = network.gradients([[0.0]], [[1.0]], "cross_entropy")
        assert bias_gradients[0][0] == pytest.approx(-1.0, rel=1e-12)
        assert loss == pytest.approx(-z, rel=1e-12)  # log(1 + e^z) - z: the real cost, no clipping


def test_cross_entropy_from_sums_agrees_with_the_guesses_where_both_are_exact():
    from activations import sigmoid
    from losses import cross_entropy_from_sums, cross_entropy_from_sums_slope, cross_entropy_slope

    sums = np.array([[-3.0], [-0.5], [0.0], [2.0]])
    targets = np.array([[1.0], [0.0], [1.0], [1.0]])
    guesses = sigmoid(sums)
    assert cross_entropy_from_sums(sums, targets) == pytest.approx(cross_entropy(guesses, targets), rel=1e-12)
    chained = cross_entropy_slope(guesses, targets) * guesses * (1 - guesses)
    np.testing.assert_allclose(cross_entropy_from_sums_slope(sums, targets), chained, rtol=1e-12)
    with pytest.raises(ValueError, match="targets between 0 and 1"):
        cross_entropy_from_sums(sums, targets * 2)
