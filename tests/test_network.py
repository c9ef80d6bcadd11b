"""Tests for snippets/network.py: set-up, forward pass, backpropagation and input checks."""

import re

import numpy as np
import pytest
from hypothesis import assume, given, settings, strategies as st

from activations import ACTIVATIONS
from gradient_check import gradient_check
from losses import get_loss
from network import Network

NAMES = ["identity", "sigmoid", "tanh", "relu"]
XOR_INPUTS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_TARGETS = np.array([[0.0], [1.0], [1.0], [0.0]])


def random_data(sizes, n_examples, loss, seed):
    rng = np.random.default_rng([seed, 1])  # a stream separate from the network's own
    inputs = rng.normal(size=(n_examples, sizes[0]))
    if loss == "cross_entropy":
        targets = rng.uniform(size=(n_examples, sizes[-1]))
    else:
        targets = rng.normal(size=(n_examples, sizes[-1]))
    return inputs, targets


def well_conditioned(network, inputs, loss, targets=None):
    """True where finite differences can be trusted to 1e-11 or so.

    Not near relu's corner: a nudge that crosses it measures a kink, not a slope. And for
    cross-entropy, no output near 0 or 1: there log(p) or log(1 - p) is so steep that the
    rounding error in the loss swamps a finite difference (and clipping may be active).
    Given the targets, no gradient array so small that the loss's own rounding is a fair part
    of its nudges (deep in a deep sigmoid network): a nudge of STEP measures the loss to about
    2e-16 of its size, so an array of gradients below 1e-3 of the loss would see that rounding
    at 1e-7 of itself, where the check draws its line.
    """
    outputs = network.forward(inputs)
    if loss == "cross_entropy" and not np.all((outputs > 0.01) & (outputs < 0.99)):
        return False
    if targets is not None:
        error, weight_gradients, bias_gradients = network.gradients(inputs, targets, loss)
        if min(np.linalg.norm(g) for g in weight_gradients + bias_gradients) < 1e-3 * error:
            return False
        network.forward(inputs)  # leave the network's record of the pass as it was
    return all(
        np.min(np.abs(sums)) > 5e-3
        for name, sums in zip(network.activation_names, network.sums)
        if name == "relu"
    )


# --- set-up --------------------------------------------------------------------------


def test_shapes_and_attributes():
    network = Network([3, 5, 2], ["relu", "sigmoid"])
    assert network.sizes == [3, 5, 2]
    assert network.activation_names == ["relu", "sigmoid"]
    assert [w.shape for w in network.weights] == [(3, 5), (5, 2)]
    assert [b.shape for b in network.biases] == [(5,), (2,)]


def test_one_activation_name_applies_to_every_layer():
    network = Network([2, 3, 3, 1], "tanh")
    assert network.activation_names == ["tanh", "tanh", "tanh"]


def test_same_seed_gives_the_same_weights_and_other_seeds_differ():
    a, b, c = Network([2, 4, 1], "tanh", seed=7), Network([2, 4, 1], "tanh", seed=7), Network(
        [2, 4, 1], "tanh", seed=8
    )
    for first, second in zip(a.parameters(), b.parameters()):
        np.testing.assert_array_equal(first, second)
    assert not np.array_equal(a.weights[0], c.weights[0])


def test_starting_weights_have_the_documented_spread():
    network = Network([400, 300, 1], "tanh", seed=0)
    assert np.std(network.weights[0]) == pytest.approx(1 / np.sqrt(400), rel=0.02)
    assert abs(np.mean(network.weights[0])) < 0.002


@pytest.mark.parametrize(
    "sizes, error, message",
    [
        ([2], ValueError, "sizes must list at least two layer sizes"),
        ([2, 0, 1], ValueError, "every layer size must be at least 1, got 0 at position 1"),
        ([2, 2.0, 1], TypeError, "every layer size must be a whole number, got 2.0"),
        ([2, True], TypeError, "every layer size must be a whole number"),
        (5, TypeError, "sizes must be a list of layer sizes"),
    ],
)
def test_bad_sizes(sizes, error, message):
    with pytest.raises(error, match=re.escape(message)):
        Network(sizes, "sigmoid")


def test_unknown_activation_name():
    message = "unknown activation 'sigmod': expected one of 'identity', 'relu', 'sigmoid', 'tanh'"
    with pytest.raises(ValueError, match=re.escape(message)):
        Network([2, 2, 1], ["sigmod", "sigmoid"])


def test_wrong_number_of_activation_names():
    with pytest.raises(ValueError, match=re.escape("activations has 3 names, but the network has 2")):
        Network([2, 2, 1], ["tanh", "tanh", "sigmoid"])


# --- forward -------------------------------------------------------------------------


def test_forward_keeps_every_layer_for_display_and_for_backward():
    network = Network([2, 3, 1], ["tanh", "sigmoid"], seed=3)
    outputs = network.forward(XOR_INPUTS)
    assert outputs.shape == (4, 1)
    np.testing.assert_array_equal(network.layer_inputs[0], XOR_INPUTS)
    for layer, (function, _) in enumerate([ACTIVATIONS["tanh"], ACTIVATIONS["sigmoid"]]):
        expected_sums = network.layer_inputs[layer] @ network.weights[layer] + network.biases[layer]
        np.testing.assert_array_equal(network.sums[layer], expected_sums)
        np.testing.assert_array_equal(network.layer_outputs[layer], function(expected_sums))
    np.testing.assert_array_equal(network.layer_inputs[1], network.layer_outputs[0])
    np.testing.assert_array_equal(network.layer_outputs[-1], outputs)


def test_each_example_is_computed_independently_of_the_rest_of_the_batch():
    network = Network([2, 3, 2], "tanh", seed=1)
    together = network.forward(XOR_INPUTS)
    one_by_one = np.vstack([network.forward(row[np.newaxis]) for row in XOR_INPUTS])
    np.testing.assert_allclose(together, one_by_one, rtol=1e-14)


def test_predict_is_forward():
    network = Network([2, 2, 1], "sigmoid")
    np.testing.assert_array_equal(network.predict(XOR_INPUTS), network.forward(XOR_INPUTS))


def test_lists_of_numbers_are_accepted():
    network = Network([2, 2, 1], "sigmoid")
    np.testing.assert_array_equal(network.forward(XOR_INPUTS.tolist()), network.forward(XOR_INPUTS))


@pytest.mark.parametrize("n_layers", [2, 3])
def test_stacked_identity_layers_equal_one_layer(n_layers):
    sizes = [3, 4, 5, 2][: n_layers + 1]
    network = Network(sizes, "identity", seed=5)
    # Merge the layers by hand: (x W1 + b1) W2 + b2 = x (W1 W2) + (b1 W2 + b2), and so on.
    weights, biases = network.weights[0], network.biases[0]
    for next_weights, next_biases in zip(network.weights[1:], network.biases[1:]):
        weights, biases = weights @ next_weights, biases @ next_weights + next_biases
    inputs = np.random.default_rng(0).normal(size=(6, 3))
    np.testing.assert_allclose(network.forward(inputs), inputs @ weights + biases, rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize(
    "inputs, error, message",
    [
        (np.zeros((4, 3)), ValueError, "inputs has 3 columns, but the network expects 2 (one per input)"),
        (np.zeros((0, 2)), ValueError, "the batch is empty: inputs has 0 rows"),
        (np.array([[0.0, np.nan]]), ValueError, "inputs contain NaN or infinite values"),
        (np.array([[0.0, np.inf]]), ValueError, "inputs contain NaN or infinite values"),
        (np.zeros(2), ValueError,
         "inputs must be a 2-D array with one row per example and 2 columns, got shape (2,)"),
        (np.zeros((1, 2, 1)), ValueError, "inputs must be a 2-D array"),
        ([["a", "b"]], TypeError, "inputs must be a rectangular array of numbers"),
        ([[1.0, 2.0], [3.0]], TypeError, "inputs must be a rectangular array of numbers"),
    ],
)
def test_bad_inputs(inputs, error, message):
    network = Network([2, 2, 1], "sigmoid")
    with pytest.raises(error, match=re.escape(message)):
        network.forward(inputs)


@pytest.mark.parametrize(
    "targets, message",
    [
        (np.zeros((3, 1)), "inputs and targets have different numbers of examples: 4 and 3"),
        (np.zeros(4), "targets must have shape (4, 1) (one row per example, one column per output), got (4,)"),
        (np.zeros((4, 2)), "targets must have shape (4, 1)"),
        (np.array([[0.0], [1.0], [np.nan], [0.0]]), "targets contain NaN or infinite values"),
    ],
)
def test_bad_targets(targets, message):
    network = Network([2, 2, 1], "sigmoid")
    with pytest.raises(ValueError, match=re.escape(message)):
        network.loss(XOR_INPUTS, targets)
    with pytest.raises(ValueError, match=re.escape(message)):
        network.gradients(XOR_INPUTS, targets)


# --- backward ------------------------------------------------------------------------


def test_backward_before_forward_is_a_clear_error():
    with pytest.raises(RuntimeError, match=re.escape("call forward(inputs) first")):
        Network([2, 2, 1], "sigmoid").backward(np.zeros((4, 1)))


def test_output_gradient_must_match_the_outputs():
    network = Network([2, 2, 1], "sigmoid")
    network.forward(XOR_INPUTS)
    with pytest.raises(ValueError, match=re.escape("output_gradient must have shape (4, 1)")):
        network.backward(np.zeros(4))


def test_backward_shapes_and_blames():
    network = Network([2, 3, 2], ["tanh", "sigmoid"], seed=2)
    outputs = network.forward(XOR_INPUTS)
    output_gradient = outputs - 0.5
    weight_gradients, bias_gradients = network.backward(output_gradient)
    assert [g.shape for g in weight_gradients] == [w.shape for w in network.weights]
    assert [g.shape for g in bias_gradients] == [b.shape for b in network.biases]
    assert [b.shape for b in network.blames] == [s.shape for s in network.sums]
    # The blame at the output neurons: d loss / d output times the sigmoid's slope.
    np.testing.assert_allclose(network.blames[-1], output_gradient * outputs * (1 - outputs))
    # A bias gets the blame of its neuron, added over the batch.
    for blame, gradient in zip(network.blames, bias_gradients):
        np.testing.assert_allclose(gradient, blame.sum(axis=0))


@pytest.mark.parametrize("output", ["sigmoid", "tanh"])
def test_gradients_is_forward_loss_and_backward_together(output):
    # With mse, and with cross-entropy on a sigmoid output (measured from the sums, so equal
    # to the chain through the guesses only up to rounding).
    network = Network([2, 3, 1], ["tanh", output], seed=4)
    losses = ["mse", "cross_entropy"] if output == "sigmoid" else ["mse"]
    for name in losses:
        loss_value, weight_gradients, bias_gradients = network.gradients(XOR_INPUTS, XOR_TARGETS, name)
        loss, slope = get_loss(name)
        outputs = network.forward(XOR_INPUTS)
        assert loss_value == pytest.approx(loss(outputs, XOR_TARGETS), rel=1e-12)
        assert network.loss(XOR_INPUTS, XOR_TARGETS, name) == loss_value
        expected_weights, expected_biases = network.backward(slope(outputs, XOR_TARGETS))
        for got, expected in zip(weight_gradients + bias_gradients, expected_weights + expected_biases):
            np.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-15)


def test_unknown_loss_name():
    network = Network([2, 2, 1], "sigmoid")
    message = "unknown loss 'mae': expected one of 'cross_entropy', 'mse'"
    with pytest.raises(ValueError, match=re.escape(message)):
        network.loss(XOR_INPUTS, XOR_TARGETS, loss="mae")


@pytest.mark.parametrize("loss", ["mse", "cross_entropy"])
@pytest.mark.parametrize("hidden", NAMES)
def test_backward_agrees_with_finite_differences_for_every_activation(hidden, loss):
    output = "sigmoid" if loss == "cross_entropy" else hidden
    network = Network([3, 4, 3, 2], [hidden, hidden, output], seed=11)
    inputs, targets = random_data(network.sizes, 5, loss, seed=11)
    assert well_conditioned(network, inputs, loss)
    assert gradient_check(network, inputs, targets, loss) < 1e-7


@st.composite
def networks_with_data(draw):
    n_layers = draw(st.integers(1, 4))
    sizes = draw(st.lists(st.integers(1, 5), min_size=n_layers + 1, max_size=n_layers + 1))
    activations = draw(st.lists(st.sampled_from(NAMES), min_size=n_layers, max_size=n_layers))
    loss = draw(st.sampled_from(["mse", "cross_entropy"]))
    if loss == "cross_entropy":
        activations[-1] = "sigmoid"  # cross-entropy needs probabilities
    n_examples = draw(st.integers(1, 6))
    seed = draw(st.integers(0, 2**32 - 1))
    network = Network(sizes, activations, seed=seed)
    inputs, targets = random_data(sizes, n_examples, loss, seed)
    return network, inputs, targets, loss


@settings(max_examples=150, deadline=None)
@given(case=networks_with_data())
def test_backward_agrees_with_finite_differences_for_random_networks(case):
    network, inputs, targets, loss = case
    assume(well_conditioned(network, inputs, loss, targets))
    assert gradient_check(network, inputs, targets, loss) < 1e-7


def test_gradient_check_passes_for_relu_on_xor():
    # XOR has an all-zero input row; with random starting biases no relu sum sits exactly
    # on the corner, so the check works on the site's own data.
    network = Network([2, 4, 1], ["relu", "sigmoid"], seed=0)
    assert gradient_check(network, XOR_INPUTS, XOR_TARGETS) < 1e-7


# --- parameters and copies -----------------------------------------------------------


def test_parameters_are_the_networks_own_arrays_layer_by_layer():
    network = Network([2, 3, 1], "sigmoid")
    parameters = network.parameters()
    assert len(parameters) == 4
    assert parameters[0] is network.weights[0] and parameters[1] is network.biases[0]
    assert parameters[2] is network.weights[1] and parameters[3] is network.biases[1]
    before = network.forward(XOR_INPUTS).copy()
    parameters[3][0] += 1.0  # editing in place changes the network
    assert np.all(network.forward(XOR_INPUTS) > before)


def test_copy_is_independent():
    network = Network([2, 3, 1], "sigmoid")
    clone = network.copy()
    assert clone is not network
    for original, copied in zip(network.parameters(), clone.parameters()):
        np.testing.assert_array_equal(original, copied)
        assert copied is not original
    clone.weights[0][0, 0] += 5.0
    clone.biases[1][0] -= 1.0
    assert network.weights[0][0, 0] != clone.weights[0][0, 0]
    assert network.biases[1][0] != clone.biases[1][0]
    assert clone.activation_names == network.activation_names
    assert clone.activation_names is not network.activation_names


def test_repr_names_the_architecture():
    assert repr(Network([2, 2, 1], "sigmoid", seed=3)) == (
        "Network(sizes=[2, 2, 1], activations=['sigmoid', 'sigmoid'], seed=3)"
    )


def test_tiny_gradients_deep_in_a_sigmoid_chain_are_left_out_of_the_random_check():
    # Found by the random check: the first layer's gradients are 3.6e-6 for a loss of 0.72, so
    # the loss's rounding shows in the nudges at 1e-7 of them: "look closer", not a bug.
    network = Network([1, 1, 1, 3, 2], ["sigmoid"] * 4, seed=1)
    inputs, targets = np.array([[0.53335388]]), np.array([[0.61189597, 0.50763266]])
    assert not well_conditioned(network, inputs, "cross_entropy", targets)
    assert 1e-8 < gradient_check(network, inputs, targets, "cross_entropy") < 1e-2
