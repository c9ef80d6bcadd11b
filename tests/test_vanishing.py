"""snippets/vanishing.py: how much blame reaches each layer, and training with each activation."""

import numpy as np
import pytest

from vanishing import HIDDEN_ACTIVATIONS, blame_sizes, deep_network, train_each_activation


def test_deep_network_layout():
    network = deep_network("tanh", 3, 5, seed=2)
    assert network.sizes == [2, 5, 5, 5, 1]
    assert network.activation_names == ["tanh", "tanh", "tanh", "sigmoid"]


@pytest.mark.parametrize("activation", HIDDEN_ACTIVATIONS)
def test_blame_sizes_are_shares_of_the_last_hidden_layer(activation):
    shares = blame_sizes(activation, 4, width=6, seeds=[0, 1])
    assert shares.shape == (4,)
    assert shares[-1] == 1.0
    assert np.all(shares > 0)


def test_one_seed_matches_a_hand_measurement():
    from datasets import two_moons
    from losses import cross_entropy_slope

    inputs, targets = two_moons()
    network = deep_network("sigmoid", 3, 4, seed=5)
    network.backward(cross_entropy_slope(network.forward(inputs), targets))
    sizes = np.array([np.abs(network.blames[layer]).mean() for layer in range(3)])
    np.testing.assert_allclose(blame_sizes("sigmoid", 3, width=4, seeds=[5]), sizes / sizes[-1])


def test_sigmoid_blame_shrinks_much_faster_than_tanh_and_relu():
    # The robust facts the chapter relies on, averaged over 10 starts.
    sigmoid, tanh, relu = (blame_sizes(activation, 3)[0] for activation in HIDDEN_ACTIVATIONS)
    assert sigmoid < 0.1, "sigmoid: the first of 3 layers gets at least 10 times less blame than the last"
    assert tanh > 0.3 and relu > 0.3
    for depth in (5, 10):
        sigmoid, tanh, relu = (blame_sizes(activation, depth)[0] for activation in HIDDEN_ACTIVATIONS)
        assert tanh > 50 * sigmoid and relu > 50 * sigmoid
    assert blame_sizes("sigmoid", 10)[0] < 1e-5
    assert blame_sizes("relu", 10)[0] > 0.01 and blame_sizes("tanh", 10)[0] > 0.05


def test_each_seed_tells_the_same_story():
    for seed in range(10):
        sigmoid, tanh, relu = (blame_sizes(activation, 10, seeds=[seed])[0] for activation in HIDDEN_ACTIVATIONS)
        assert sigmoid < 1e-5 and min(tanh, relu) > 1000 * sigmoid


def test_bad_input_is_a_clear_error():
    with pytest.raises(ValueError, match="seeds is empty"):
        blame_sizes("sigmoid", 3, seeds=[])
    with pytest.raises(ValueError, match="weight_scale must be a positive number"):
        blame_sizes("sigmoid", 3, weight_scale=0.0)
    with pytest.raises(TypeError, match="weight_scale must be a number"):
        blame_sizes("sigmoid", 3, weight_scale="big")
    with pytest.raises(TypeError, match="n_hidden_layers must be a whole number"):
        blame_sizes("sigmoid", "3")
    with pytest.raises(ValueError, match="n_hidden_layers must be at least 1"):
        blame_sizes("sigmoid", 0)
    with pytest.raises(TypeError, match="width must be a whole number"):
        deep_network("relu", 2, 2.5)
    with pytest.raises(ValueError, match="unknown activation 'sigmod'"):
        blame_sizes("sigmod", 3)


def test_training_curves_start_from_the_same_weights():
    first = deep_network("sigmoid", 4, 8)
    for activation in ("identity", "tanh", "relu"):
        other = deep_network(activation, 4, 8)
        for mine, theirs in zip(first.parameters(), other.parameters()):
            np.testing.assert_array_equal(mine, theirs)


def test_each_activation_is_trained_from_the_same_start_and_reproducibly():
    runs = train_each_activation(activations=("sigmoid", "tanh"), epochs=3)
    assert list(runs) == ["sigmoid", "tanh"]
    assert all(len(history.losses) == 4 for _, history in runs.values())
    assert [network.activation_names[0] for network, _ in runs.values()] == ["sigmoid", "tanh"]
    # Every run is seeded, so the curves are the same every time.
    again = train_each_activation(activations=("sigmoid", "tanh"), epochs=3)
    for name in runs:
        np.testing.assert_array_equal(runs[name][1].losses, again[name][1].losses)
