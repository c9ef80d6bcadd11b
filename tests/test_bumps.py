"""snippets/bumps.py: bumps from two sigmoids, a sum of bumps as a network, and training."""

import numpy as np
import pytest

import bumps
from activations import sigmoid
from gradient_check import gradient_check
from network import Network


def test_a_bump_is_a_step_up_minus_a_later_step_up():
    x = np.linspace(-1, 4, 201)
    steepness = bumps.SHARPNESS / 0.8
    expected = 3.0 * (sigmoid(steepness * (x - 1.6)) - sigmoid(steepness * (x - 2.4)))
    np.testing.assert_allclose(bumps.bump(x, 2.0, 0.8, 3.0), expected)


def test_a_bump_is_tall_in_its_middle_and_flat_far_away():
    assert bumps.bump(2.0, 2.0, 1.0, 3.0) == pytest.approx(3.0, rel=0.02)
    assert abs(bumps.bump(0.0, 2.0, 1.0, 3.0)) < 1e-6
    assert abs(bumps.bump(4.0, 2.0, 1.0, 3.0)) < 1e-6
    # Half the height at each edge, by symmetry.
    assert bumps.bump(1.5, 2.0, 1.0, 3.0) == pytest.approx(1.5, abs=1e-3)


def test_bump_centres_touch_and_cover_both_ends():
    centres, width = bumps.bump_centres(5, 0.0, 3.0)
    np.testing.assert_allclose(centres, [0.0, 0.75, 1.5, 2.25, 3.0])
    assert width == pytest.approx(0.75)


@pytest.mark.parametrize("n_bumps", [2, 5, 20])
def test_the_network_gives_the_same_outputs_as_the_sum_of_bumps(n_bumps):
    network = bumps.bumps_network(bumps.target_curve, n_bumps)
    assert network.sizes == [1, 2 * n_bumps, 1]
    assert network.activation_names == ["sigmoid", "identity"]
    x = np.linspace(-1, 4, 251).reshape(-1, 1)
    np.testing.assert_allclose(
        network.forward(x), bumps.sum_of_bumps(x, bumps.target_curve, n_bumps), atol=1e-12
    )


def test_the_network_is_an_ordinary_network_with_written_weights():
    # The hand-written weights are plain arrays of the usual shapes: a fresh Network given
    # them computes the same, and backpropagation works through it as through any other.
    written = bumps.bumps_network(np.sin, 3)
    fresh = Network([1, 6, 1], ["sigmoid", "identity"], seed=7)
    for mine, theirs in zip(fresh.parameters(), written.parameters()):
        assert mine.shape == theirs.shape
        mine[...] = theirs
    x = np.linspace(0, 3, 9).reshape(-1, 1)
    np.testing.assert_array_equal(fresh.forward(x), written.forward(x))
    assert gradient_check(written, x, np.cos(x)) < 1e-6


def test_more_bumps_trace_the_curve_more_closely():
    errors = [bumps.curve_error(bumps.bumps_network(bumps.target_curve, n).forward) for n in (2, 5, 10, 20, 40)]
    assert all(later < earlier for earlier, later in zip(errors, errors[1:]))


def test_curve_error_is_zero_for_the_curve_itself():
    assert bumps.curve_error(bumps.target_curve) == 0.0
    assert bumps.curve_error(lambda x: bumps.target_curve(x) + 0.1) == pytest.approx(0.01)


def test_neuron_parts_add_up_to_the_output():
    network, _ = bumps.train_on_curve(3, epochs=50)
    x = np.linspace(0, 3, 31).reshape(-1, 1)
    parts = bumps.neuron_parts(network, x)
    assert parts.shape == (31, 3)
    np.testing.assert_allclose(parts.sum(axis=1) + network.biases[1][0], network.forward(x)[:, 0])


def test_training_lowers_the_error():
    network, history = bumps.train_on_curve(4, epochs=200)
    assert history.losses[-1] < history.losses[0]
    assert not history.diverged


def test_bad_input_is_a_clear_error():
    with pytest.raises(ValueError, match="width must be a positive"):
        bumps.bump(1.0, 1.0, 0.0, 1.0)
    with pytest.raises(TypeError, match="width must be a number"):
        bumps.bump(1.0, 1.0, "wide", 1.0)
    with pytest.raises(ValueError, match="sharpness must be a positive"):
        bumps.bump(1.0, 1.0, 1.0, 1.0, sharpness=-2)
    with pytest.raises(ValueError, match="n_bumps must be at least 2"):
        bumps.bumps_network(bumps.target_curve, 1)
    with pytest.raises(TypeError, match="n_bumps must be a whole number"):
        bumps.bumps_network(bumps.target_curve, 2.5)
    with pytest.raises(TypeError, match="curve must be a function"):
        bumps.bumps_network([1, 2, 3], 3)
    with pytest.raises(ValueError, match="start must be below stop"):
        bumps.bump_centres(3, 2.0, 1.0)
    with pytest.raises(TypeError, match="n_hidden must be a whole number"):
        bumps.train_on_curve("4")
    with pytest.raises(TypeError, match="network must be a Network"):
        bumps.neuron_parts("net", [[1.0]])
    with pytest.raises(ValueError, match="one hidden layer and an identity output"):
        bumps.neuron_parts(Network([1, 3, 1], "sigmoid"), [[1.0]])
