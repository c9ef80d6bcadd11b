"""Tests for snippets/descent.py: the example landscapes and the walk downhill."""

import re

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from descent import curve, curve_slope, descend, valley, valley_slope



def derivative(function, x, step=1e-2):
    """Central differences at step and step / 2, combined to cancel their step**2 error.

    For polynomials up to degree 4 (the curve and the valley) this is exact apart from
    rounding, so a large step can be used, which keeps rounding error small.
    """
    def central(h):
        return (function(x + h) - function(x - h)) / (2 * h)

    return (4 * central(step / 2) - central(step)) / 3


@settings(max_examples=100, deadline=None)
@given(x=st.floats(-3.0, 3.0))
def test_curve_slope_agrees_with_finite_differences(x):
    np.testing.assert_allclose(curve_slope(x), derivative(curve, x), rtol=1e-7, atol=1e-10)


@settings(max_examples=100, deadline=None)
@given(x=st.floats(-3.0, 3.0), y=st.floats(-3.0, 3.0))
def test_valley_slope_agrees_with_finite_differences(x, y):
    numerical = [
        derivative(lambda x_: valley([x_, y]), x),
        derivative(lambda y_: valley([x, y_]), y),
    ]
    np.testing.assert_allclose(valley_slope([x, y]), numerical, rtol=1e-7, atol=1e-10)


def test_curve_has_a_deep_minimum_and_a_shallow_dip():
    x = np.linspace(-3, 3, 60001)
    heights = curve(x)
    lowest = x[np.argmin(heights)]
    assert lowest == pytest.approx(-1.484, abs=1e-3)
    right = x > 0.5
    dip = x[right][np.argmin(heights[right])]
    assert dip == pytest.approx(1.332, abs=1e-3)
    assert curve(dip) > curve(lowest) + 0.5


def test_valley_is_steeper_across_y_than_along_x():
    assert valley([0.0, 0.0]) == 0.0
    assert valley([0.0, 1.0]) == 10 * valley([1.0, 0.0])
    np.testing.assert_array_equal(valley_slope([1.0, 1.0]), [2.0, 20.0])


def test_valley_evaluates_a_whole_grid_for_contour_plots():
    X, Y = np.meshgrid(np.linspace(-2, 2, 7), np.linspace(-1, 1, 5))
    heights = valley(np.array([X, Y]))
    assert heights.shape == X.shape
    np.testing.assert_array_equal(heights[3, 4], valley([X[3, 4], Y[3, 4]]))
    assert valley_slope(np.array([X, Y])).shape == (2, 5, 7)


def test_valley_point_needs_two_coordinates():
    with pytest.raises(ValueError, match=re.escape("point must hold 2 coordinates (x, y)")):
        valley([1.0, 2.0, 3.0])


def test_path_shape_and_start():
    path = descend(curve_slope, 2.0, 0.05, 10)
    assert path.shape == (11, 1)
    assert path[0, 0] == 2.0
    path = descend(valley_slope, [2.0, 1.0], 0.01, 10)
    assert path.shape == (11, 2)
    np.testing.assert_array_equal(path[0], [2.0, 1.0])


def test_each_step_moves_against_the_slope():
    path = descend(curve_slope, 2.0, 0.05, 3)
    for before, after in zip(path[:-1, 0], path[1:, 0]):
        assert after == pytest.approx(before - 0.05 * curve_slope(before), rel=1e-15)


def test_descent_on_the_curve_finds_the_nearest_valley():
    # Started on the right, small steps settle in the shallow dip; on the left, the deep one.
    assert descend(curve_slope, 2.0, 0.05, 300)[-1, 0] == pytest.approx(1.332, abs=1e-3)
    assert descend(curve_slope, -2.5, 0.05, 300)[-1, 0] == pytest.approx(-1.484, abs=1e-3)


def test_small_rate_converges_to_the_bottom_of_the_valley():
    path = descend(valley_slope, [2.0, 1.0], 0.04, 300)
    np.testing.assert_allclose(path[-1], [0.0, 0.0], atol=1e-6)
    assert np.all(np.diff([valley(p) for p in path]) <= 0)  # never goes uphill


def test_too_large_rate_zig_zags_across_the_steep_axis():
    path = descend(valley_slope, [2.0, 1.0], 0.09, 30)
    signs = np.sign(path[:10, 1])
    assert np.all(signs[1:] == -signs[:-1])  # y flips side on every step
    assert valley(path[-1]) < valley(path[0])  # ...but still gets lower


def test_far_too_large_rate_diverges_and_stops_quietly():
    # Each step multiplies y by -9, so it overflows after a few hundred steps. Warnings
    # would fail this test (filterwarnings = error), so this also checks it is quiet.
    path = descend(valley_slope, [2.0, 1.0], 0.5, 1000)
    assert len(path) < 1001
    assert np.all(np.isfinite(path))
    assert abs(path[-1, 1]) > 1e300


def test_a_rate_just_too_large_grows_without_overflowing():
    path = descend(valley_slope, [2.0, 1.0], 0.11, 50)
    assert len(path) == 51
    assert abs(path[-1, 1]) > 10 * abs(path[0, 1])


def test_descend_accepts_any_slope_function():
    path = descend(lambda x: 2 * (x - 3), 0.0, 0.25, 20)  # the parabola (x - 3)**2
    assert path[-1, 0] == pytest.approx(3.0, abs=1e-5)


@pytest.mark.parametrize("kwargs, error, message", [
    (dict(learning_rate=-0.1), ValueError, "learning_rate must be a positive, finite number, got -0.1"),
    (dict(learning_rate=0), ValueError, "learning_rate must be a positive, finite number, got 0"),
    (dict(learning_rate="fast"), TypeError, "learning_rate must be a number"),
    (dict(steps=-1), ValueError, "steps must be 0 or more, got -1"),
    (dict(steps=2.5), TypeError, "steps must be a whole number, got 2.5"),
    (dict(start=[1.0, 2.0, 3.0]), ValueError, "start must be a number or a sequence of 2 numbers, got shape (3,)"),
    (dict(start=float("nan")), ValueError, "start must be finite"),
])
def test_bad_arguments(kwargs, error, message):
    arguments = dict(slope=curve_slope, start=1.0, learning_rate=0.1, steps=5) | kwargs
    with pytest.raises(error, match=re.escape(message)):
        descend(**arguments)


def test_slope_must_return_one_number_per_coordinate():
    with pytest.raises(ValueError, match="slope returned 1 numbers at a point with 2 coordinates"):
        descend(lambda point: 1.0, [1.0, 2.0], 0.1, 5)
