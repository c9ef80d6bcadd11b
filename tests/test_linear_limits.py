"""snippets/linear_limits.py: layers without activations fold into one; accuracy; decision maps."""

import numpy as np
import pytest

from datasets import two_moons, xor
from linear_limits import accuracy, decision_map, merge_linear_layers
from network import Network


@pytest.mark.parametrize(
    "sizes, last",
    [([2, 8, 8, 1], "sigmoid"), ([3, 5, 1], "identity"), ([2, 4, 4, 4, 3], "tanh"), ([1, 1], "relu")],
)
def test_merged_layer_gives_the_same_outputs(sizes, last):
    deep = Network(sizes, ["identity"] * (len(sizes) - 2) + [last], seed=3)
    merged = merge_linear_layers(deep)
    assert merged.sizes == [sizes[0], sizes[-1]]
    assert merged.activation_names == [last]
    inputs = np.random.default_rng(0).normal(size=(50, sizes[0])) * 3
    np.testing.assert_allclose(merged.forward(inputs), deep.forward(inputs), rtol=1e-12, atol=1e-12)


def test_merged_weights_are_the_product_of_the_weight_tables():
    deep = Network([2, 8, 8, 1], ["identity", "identity", "sigmoid"], seed=0)
    merged = merge_linear_layers(deep)
    np.testing.assert_allclose(merged.weights[0], deep.weights[0] @ deep.weights[1] @ deep.weights[2])
    w0, w1, w2 = deep.weights
    b0, b1, b2 = deep.biases
    np.testing.assert_allclose(merged.biases[0], (b0 @ w1 + b1) @ w2 + b2)


def test_merging_leaves_the_original_alone():
    deep = Network([2, 3, 1], "identity", seed=1)
    before = [w.copy() for w in deep.parameters()]
    merged = merge_linear_layers(deep)
    merged.weights[0][...] = 0.0
    for array, copy in zip(deep.parameters(), before):
        np.testing.assert_array_equal(array, copy)


def test_a_bent_hidden_layer_cannot_be_merged():
    with pytest.raises(ValueError, match="layer 0 uses 'sigmoid'"):
        merge_linear_layers(Network([2, 8, 8, 1], ["sigmoid", "identity", "sigmoid"]))
    with pytest.raises(ValueError, match="layer 1 uses 'relu'"):
        merge_linear_layers(Network([2, 8, 8, 1], ["identity", "relu", "sigmoid"]))
    with pytest.raises(TypeError, match="network must be a Network"):
        merge_linear_layers([[1.0, 2.0]])


def test_accuracy_counts_right_answers():
    network = Network([2, 1], "sigmoid", seed=0)
    inputs, targets = xor()
    # Weights that make the output "yes" only for the row (1, 1).
    network.weights[0][...] = [[10.0], [10.0]]
    network.biases[0][...] = [-15.0]
    answers = network.forward(inputs).ravel() > 0.5
    assert answers.tolist() == [False, False, False, True]
    # XOR wants no, yes, yes, no: only the row (0, 0) is answered right.
    assert accuracy(network, inputs, targets) == 0.25


def test_accuracy_rejects_targets_that_are_not_yes_or_no():
    network = Network([2, 1], "sigmoid")
    with pytest.raises(ValueError, match="every target must be 0 or 1"):
        accuracy(network, [[0.0, 1.0]], [[0.5]])
    with pytest.raises(ValueError, match="targets must have shape"):
        accuracy(network, [[0.0, 1.0]], [0.0])


def test_decision_map_shapes_and_values():
    network = Network([2, 8, 1], "sigmoid", seed=0)
    xs, ys, outputs = decision_map(network, (-1, 2), (-1, 1), steps=11)
    assert xs.shape == ys.shape == outputs.shape == (11, 11)
    assert xs[0, 0] == -1 and xs[0, -1] == 2 and ys[0, 0] == -1 and ys[-1, 0] == 1
    np.testing.assert_allclose(outputs[3, 7], network.forward([[xs[3, 7], ys[3, 7]]])[0, 0])


def test_decision_map_bad_input():
    with pytest.raises(ValueError, match="2 inputs and 1 output"):
        decision_map(Network([3, 1], "sigmoid"), (0, 1), (0, 1))
    network = Network([2, 1], "sigmoid")
    with pytest.raises(ValueError, match="x_range must be \\(low, high\\) with low < high"):
        decision_map(network, (1, 0), (0, 1))
    with pytest.raises(ValueError, match="y_range must be"):
        decision_map(network, (0, 1), (0, 1, 2))
    with pytest.raises(ValueError, match="steps must be a whole number of at least 2"):
        decision_map(network, (0, 1), (0, 1), steps=1)


def test_two_moons_accuracy_is_a_share_of_the_examples():
    inputs, targets = two_moons()
    network = Network([2, 1], "sigmoid", seed=0)
    share = accuracy(network, inputs, targets)
    assert 0.0 <= share <= 1.0 and (share * len(targets)) == pytest.approx(round(share * len(targets)))
