"""snippets/deep.py: a deep network with or without skip connections, its gradients
against finite differences, clear errors, and the behaviour the page relies on."""

import math

import numpy as np
import pytest

from datasets import two_moons
from deep import DeepNetwork, blame_sizes, error_rate, layer_blames, train
from gradient_check import relative_error

INPUTS, TARGETS = two_moons(n_examples=12, seed=3)


def numerical_gradients(network, inputs, targets, step=1e-5):
    """Central differences, one parameter at a time; every parameter is put back."""
    estimates = []
    for array in network.parameters():
        estimate = np.zeros_like(array)
        for index in np.ndindex(array.shape):
            original = array[index]
            array[index] = original + step
            up = network.loss(inputs, targets)
            array[index] = original - step
            down = network.loss(inputs, targets)
            array[index] = original
            estimate[index] = (up - down) / (2 * step)
        estimates.append(estimate)
    return estimates


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("skip", [False, True])
def test_gradients_match_finite_differences(activation, skip):
    network = DeepNetwork(4, width=3, activation=activation, skip=skip, start_spread=1.3, seed=1)
    # Random biases too, so that the check covers them away from their zero start.
    for biases in network.biases:
        biases += np.random.default_rng(7).normal(0, 0.3, size=biases.shape)
    _, analytic = network.gradients(INPUTS, TARGETS)
    numerical = numerical_gradients(network, INPUTS, TARGETS)
    assert len(analytic) == len(numerical) == len(network.parameters())
    for mine, theirs in zip(analytic, numerical):
        assert mine.shape == theirs.shape
        assert relative_error(mine, theirs) < 1e-7


def test_a_skip_adds_the_input_to_what_the_layer_computes():
    plain = DeepNetwork(3, width=4, activation="tanh", seed=2)
    skipping = DeepNetwork(3, width=4, activation="tanh", skip=True, seed=2)
    for mine, theirs in zip(plain.parameters(), skipping.parameters()):
        np.testing.assert_array_equal(mine, theirs)  # the same start, only the wiring differs
    skipping.forward(INPUTS)
    h1 = np.tanh(INPUTS @ skipping.weights[0])
    h2 = h1 + np.tanh(h1 @ skipping.weights[1])
    h3 = h2 + np.tanh(h2 @ skipping.weights[2])
    np.testing.assert_allclose(skipping.last_hidden, h3)
    plain.forward(INPUTS)
    h3_plain = np.tanh(np.tanh(np.tanh(INPUTS @ plain.weights[0]) @ plain.weights[1]) @ plain.weights[2])
    np.testing.assert_allclose(plain.last_hidden, h3_plain)


def test_start_spread_sets_the_typical_weight_size():
    network = DeepNetwork(3, width=400, activation="relu", start_spread=2.0, seed=0)
    assert np.std(network.weights[1]) == pytest.approx(2.0 / math.sqrt(400), rel=0.01)
    assert all(np.all(biases == 0) for biases in network.biases)


def test_blame_sizes_are_shares_of_the_last_layer_averaged_over_seeds():
    shares = blame_sizes(5, "tanh", width=4, seeds=[0, 1])
    inputs, targets = two_moons()
    by_hand = sum(layer_blames(DeepNetwork(5, 4, "tanh", seed=seed), inputs, targets) for seed in (0, 1))
    np.testing.assert_allclose(shares, by_hand / by_hand[-1])
    assert shares[-1] == 1.0


def test_relu_blame_fades_stays_level_or_explodes_with_the_start_spread():
    too_small, matched, too_large = (blame_sizes(20, "relu", start_spread=s)[0] for s in (1.0, math.sqrt(2), 2.0))
    assert too_small < 1e-2 and too_large > 1e2 and 0.1 < matched < 10


def test_skips_stop_the_sigmoid_blame_fading():
    assert blame_sizes(20, "sigmoid")[0] < 1e-10 < 1 < blame_sizes(20, "sigmoid", skip=True)[0]


def test_training_lowers_the_loss_and_is_reproducible():
    runs = [train(DeepNetwork(6, 8, "tanh", skip=True), *two_moons(), 0.3, 20) for _ in range(2)]
    np.testing.assert_array_equal(*runs)
    assert len(runs[0]) == 21 and runs[0][-1] < runs[0][0]


def test_error_rate_counts_wrong_answers():
    network = DeepNetwork(2, 3)
    network.output_weights[:] = 0
    network.output_bias[:] = 1.0  # says yes to everything
    assert error_rate(network, INPUTS, TARGETS) == pytest.approx(np.mean(TARGETS == 0))


def test_bad_input_is_a_clear_error():
    with pytest.raises(TypeError, match="depth must be a whole number"):
        DeepNetwork(2.5)
    with pytest.raises(ValueError, match="depth must be at least 1"):
        DeepNetwork(0)
    with pytest.raises(TypeError, match="width must be a whole number"):
        DeepNetwork(3, width="16")
    with pytest.raises(TypeError, match="skip must be True or False"):
        DeepNetwork(3, skip="yes")
    with pytest.raises(ValueError, match="start_spread must be a positive, finite number"):
        DeepNetwork(3, start_spread=0)
    with pytest.raises(TypeError, match="start_spread must be a number"):
        DeepNetwork(3, start_spread="big")
    with pytest.raises(ValueError, match="unknown activation 'sigmod'"):
        DeepNetwork(3, activation="sigmod")
    network = DeepNetwork(3)
    with pytest.raises(ValueError, match=r"inputs must have shape \(n_examples, 2\)"):
        network.forward(np.zeros((4, 3)))
    with pytest.raises(ValueError, match="inputs contain NaN"):
        network.forward([[0.0, float("nan")]])
    with pytest.raises(ValueError, match=r"targets must have shape \(12, 1\)"):
        network.loss(INPUTS, TARGETS.ravel())
    with pytest.raises(ValueError, match="seeds is empty"):
        blame_sizes(3, seeds=[])
    with pytest.raises(ValueError, match="learning_rate must be a positive"):
        train(network, INPUTS, TARGETS, -0.1, 10)
    with pytest.raises(TypeError, match="steps must be a whole number"):
        train(network, INPUTS, TARGETS, 0.1, 10.0)
