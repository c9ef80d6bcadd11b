"""Tests for snippets/gradient_check.py: the estimates, the comparison, and that the check
really fails when backpropagation is wrong."""

import re

import numpy as np
import pytest

import activations
import running_example
from datasets import xor
from gradient_check import BUG_FROM, RIGHT_BELOW, gradient_check, gradient_report, numerical_gradients, relative_error
from network import Network

XOR_INPUTS, XOR_TARGETS = xor()


def test_numerical_gradients_match_backward_on_the_running_example():
    network = running_example.make_network()
    _, weight_gradients, bias_gradients = network.gradients(XOR_INPUTS, XOR_TARGETS)
    numerical_weights, numerical_biases = numerical_gradients(network, XOR_INPUTS, XOR_TARGETS)
    for analytic, numerical in zip(weight_gradients + bias_gradients, numerical_weights + numerical_biases):
        assert numerical.shape == analytic.shape
        np.testing.assert_allclose(numerical, analytic, rtol=1e-7, atol=1e-11)


def test_every_parameter_is_put_back_exactly():
    network = Network([2, 3, 2], "tanh", seed=1)
    before = [array.copy() for array in network.parameters()]
    numerical_gradients(network, XOR_INPUTS, np.zeros((4, 2)))
    for original, after in zip(before, network.parameters()):
        np.testing.assert_array_equal(original, after)


def test_a_plain_central_difference_is_close_too():
    # The estimate is the textbook (L(p + h) - L(p - h)) / 2h, sharpened; a single
    # central difference by hand agrees with it to many digits.
    network = running_example.make_network()
    weights = network.weights[0]
    original = weights[1, 0]
    weights[1, 0] = original + 1e-5
    loss_up = network.loss(XOR_INPUTS, XOR_TARGETS)
    weights[1, 0] = original - 1e-5
    loss_down = network.loss(XOR_INPUTS, XOR_TARGETS)
    weights[1, 0] = original
    by_hand = (loss_up - loss_down) / 2e-5
    numerical_weights, _ = numerical_gradients(network, XOR_INPUTS, XOR_TARGETS)
    assert numerical_weights[0][1, 0] == pytest.approx(by_hand, rel=1e-5)


@pytest.mark.parametrize("loss", ["mse", "cross_entropy"])
def test_a_correct_network_passes(loss):
    network = Network([2, 4, 3, 1], ["tanh", "relu", "sigmoid"], seed=2)
    assert gradient_check(network, XOR_INPUTS, XOR_TARGETS, loss) < 1e-7


def test_catches_a_wrong_activation_slope(monkeypatch):
    # A sigmoid slope that is 10% too large: backward is wrong, the forward pass is not.
    sigmoid, sigmoid_slope = activations.ACTIVATIONS["sigmoid"]

    def wrong_slope(z, value=None):
        return 1.1 * sigmoid_slope(z, value)

    monkeypatch.setitem(activations.ACTIVATIONS, "sigmoid", (sigmoid, wrong_slope))
    network = Network([2, 3, 1], "sigmoid", seed=0)
    assert gradient_check(network, XOR_INPUTS, XOR_TARGETS) > 1e-2


def test_catches_frozen_bias_gradients(monkeypatch):
    # A backward that forgets the biases (returns zeros for them) must fail the check.
    network = Network([2, 3, 1], "sigmoid", seed=0)
    correct_backward = network._backward_from_blame

    def backward_without_biases(blame):
        weight_gradients, bias_gradients = correct_backward(blame)
        return weight_gradients, [np.zeros_like(g) for g in bias_gradients]

    monkeypatch.setattr(network, "_backward_from_blame", backward_without_biases)
    assert gradient_check(network, XOR_INPUTS, XOR_TARGETS) > 0.5


def test_catches_a_wrong_weight_gradient_in_the_first_layer(monkeypatch):
    network = Network([2, 3, 1], "tanh", seed=0)
    correct_backward = network._backward_from_blame

    def backward_with_transposed_blame(blame):
        weight_gradients, bias_gradients = correct_backward(blame)
        weight_gradients[0] = weight_gradients[0][::-1]  # rows swapped: inputs mixed up
        return weight_gradients, bias_gradients

    monkeypatch.setattr(network, "_backward_from_blame", backward_with_transposed_blame)
    assert gradient_check(network, XOR_INPUTS, XOR_TARGETS) > 1e-2


def test_relative_error_judges_an_array_by_its_own_size():
    assert relative_error([0.0, 0.0], [0.0, 0.0]) == 0.0
    assert relative_error([3.0, 4.0], [3.0, 4.0]) == 0.0
    assert relative_error([3.0, 4.0], [-3.0, -4.0]) == pytest.approx(1.0)
    assert relative_error([1.0, 0.0], [1.1, 0.0]) == pytest.approx(0.1 / 2.1)
    # Tiny gradients are judged by their own size: no floor hides a bug in them.
    assert relative_error([1e-9, 2e-9], [-1e-9, -2e-9]) == pytest.approx(1.0)
    assert relative_error([1e-9, 2e-9], [1.1e-9, 2.2e-9]) == pytest.approx(0.1 / 2.1)


def test_a_bug_in_small_gradients_is_caught():
    # A sign flipped in the first layer of an 8-hidden-layer sigmoid network, whose gradients
    # there are about 1e-7. An absolute floor of 1e-3 once scored this 1e-4, "correct".
    network = Network([2] + [8] * 8 + [1], "sigmoid", seed=0)
    report = gradient_report(network, XOR_INPUTS, XOR_TARGETS)
    assert report[0][0] == "weights of layer 1" and report[0][1] < 1e-5
    correct_backward = network._backward_from_blame

    def backward_with_a_flipped_first_layer(blame):
        weight_gradients, bias_gradients = correct_backward(blame)
        weight_gradients[0] = -weight_gradients[0]
        return weight_gradients, bias_gradients

    network._backward_from_blame = backward_with_a_flipped_first_layer
    assert gradient_check(network, XOR_INPUTS, XOR_TARGETS) > 0.99


def test_the_report_names_every_array_and_its_size():
    network = Network([2, 3, 1], "sigmoid", seed=1)
    report = gradient_report(network, XOR_INPUTS, XOR_TARGETS)
    _, weight_gradients, bias_gradients = network.gradients(XOR_INPUTS, XOR_TARGETS)
    assert [name for name, _, _ in report] == ["weights of layer 1", "biases of layer 1",
                                              "weights of layer 2", "biases of layer 2"]
    sizes = [np.linalg.norm(g) for pair in zip(weight_gradients, bias_gradients) for g in pair]
    np.testing.assert_allclose([size for _, size, _ in report], sizes)
    assert max(error for _, _, error in report) == gradient_check(network, XOR_INPUTS, XOR_TARGETS) < RIGHT_BELOW
    assert RIGHT_BELOW < BUG_FROM


@pytest.mark.parametrize("step", [0, -1e-5, float("nan"), float("inf")])
def test_step_must_be_a_positive_number(step):
    network = Network([2, 2, 1], "sigmoid")
    with pytest.raises(ValueError, match=re.escape(f"step must be a positive number, got {step}")):
        gradient_check(network, XOR_INPUTS, XOR_TARGETS, step=step)


def test_bad_arguments_are_reported_clearly():
    network = Network([2, 2, 1], "sigmoid")
    with pytest.raises(TypeError, match="network must be a Network, got list"):
        gradient_check([1, 2], XOR_INPUTS, XOR_TARGETS)
    with pytest.raises(ValueError, match=re.escape("inputs has 3 columns, but the network expects 2")):
        numerical_gradients(network, np.zeros((4, 3)), XOR_TARGETS)
    with pytest.raises(ValueError, match=re.escape("targets must have shape (4, 1)")):
        gradient_check(network, XOR_INPUTS, XOR_TARGETS.ravel())
    with pytest.raises(ValueError, match="unknown loss 'xent'"):
        numerical_gradients(network, XOR_INPUTS, XOR_TARGETS, loss="xent")
