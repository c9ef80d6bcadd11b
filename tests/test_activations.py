"""Tests for snippets/activations.py: values, slopes, stability and the name lookup."""

import re

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra.numpy import arrays

from activations import (
    ACTIVATIONS,
    get_activation,
    identity,
    identity_slope,
    relu,
    relu_slope,
    sigmoid,
    sigmoid_slope,
    tanh,
    tanh_slope,
)

NAMES = ["identity", "sigmoid", "tanh", "relu"]


def z_arrays(away_from_zero=False):
    elements = st.floats(-40.0, 40.0)
    if away_from_zero:
        # relu has a corner at 0, where a finite difference straddles both sides.
        elements = elements.filter(lambda z: abs(z) > 1e-3)
    return arrays(np.float64, st.integers(1, 30), elements=elements)


def numerical_slope(function, z, step=1e-4):
    """Central differences at step and step / 2, combined to cancel their step**2 error."""
    def central(h):
        return (function(z + h) - function(z - h)) / (2 * h)

    return (4 * central(step / 2) - central(step)) / 3


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_slope_agrees_with_finite_differences(name, data):
    function, slope = ACTIVATIONS[name]
    z = data.draw(z_arrays(away_from_zero=(name == "relu")))
    np.testing.assert_allclose(slope(z), numerical_slope(function, z), rtol=1e-7, atol=1e-10)


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=30, deadline=None)
@given(z=arrays(np.float64, st.integers(1, 30), elements=st.floats(-800.0, 800.0)))
def test_slope_given_the_value_matches_slope_alone(name, z):
    function, slope = ACTIVATIONS[name]
    np.testing.assert_allclose(slope(z, function(z)), slope(z), rtol=1e-12, atol=1e-300)


@pytest.mark.parametrize("name", NAMES)
def test_outputs_keep_the_shape_of_z(name):
    function, slope = ACTIVATIONS[name]
    z = np.linspace(-3, 3, 12).reshape(4, 3)
    assert function(z).shape == (4, 3)
    assert slope(z).shape == (4, 3)


def test_known_values():
    z = np.array([-2.0, 0.0, 3.0])
    np.testing.assert_array_equal(identity(z), z)
    np.testing.assert_array_equal(identity_slope(z), [1.0, 1.0, 1.0])
    np.testing.assert_allclose(sigmoid(z), 1 / (1 + np.exp(-z)), rtol=1e-15)
    assert sigmoid(0.0) == 0.5
    assert sigmoid_slope(0.0) == 0.25
    np.testing.assert_allclose(tanh(z), np.tanh(z))
    assert tanh_slope(0.0) == 1.0
    np.testing.assert_array_equal(relu(z), [0.0, 0.0, 3.0])
    np.testing.assert_array_equal(relu_slope(z), [0.0, 0.0, 1.0])


def test_relu_slope_at_zero_is_zero():
    assert relu_slope(0.0) == 0.0
    assert relu_slope(np.array([0.0]))[0] == 0.0


def test_sigmoid_is_stable_at_extremes_without_warnings():
    # pytest turns every warning into an error here, so an overflow warning would fail.
    assert sigmoid(-1000.0) == 0.0
    assert sigmoid(1000.0) == 1.0
    np.testing.assert_array_equal(sigmoid(np.array([-1e308, -1000.0, 1000.0, 1e308])), [0, 0, 1, 1])
    assert sigmoid_slope(-1000.0) == 0.0
    assert sigmoid_slope(1000.0) == 0.0


def test_sigmoid_is_the_textbook_formula():
    z = np.linspace(-700, 700, 14001)  # exp(700) still fits in a float
    textbook = 1 / (1 + np.exp(-z))
    # Full relative precision at both ends: no absolute tolerance to hide a tail flushed to 0.
    np.testing.assert_allclose(sigmoid(z), textbook, rtol=1e-14, atol=0)


def test_sigmoid_keeps_its_far_negative_tail():
    import math

    for z in (-40.0, -100.0, -700.0):
        assert sigmoid(z) == pytest.approx(math.exp(z) / (1 + math.exp(z)), rel=1e-14)
    assert sigmoid(-40.0) > 0  # a sum of 1 - 0.9999... would be exactly 0 here


def test_sigmoid_is_symmetric():
    z = np.linspace(-30, 30, 61)
    np.testing.assert_allclose(sigmoid(z) + sigmoid(-z), 1.0, rtol=1e-15)


def test_activations_accept_lists_and_plain_numbers():
    for name in NAMES:
        function, slope = ACTIVATIONS[name]
        assert np.shape(function([1.0, -1.0])) == (2,)
        assert np.shape(slope([1.0, -1.0])) == (2,)
        assert np.ndim(function(0.5)) == 0


def test_registry_has_exactly_the_four_activations():
    assert sorted(ACTIVATIONS) == sorted(NAMES)
    for name in NAMES:
        assert get_activation(name) is ACTIVATIONS[name]


def test_unknown_activation_names_the_choices():
    message = "unknown activation 'sigmod': expected one of 'identity', 'relu', 'sigmoid', 'tanh'"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        get_activation("sigmod")


def test_activation_name_must_be_a_string():
    with pytest.raises(TypeError, match="activation name must be a string"):
        get_activation(3)
