"""snippets/held_out.py: splitting off a held-out set, and training while watching it."""

import numpy as np
import pytest

from datasets import two_moons, xor
from held_out import split, train_and_watch
from network import Network
from training import train


def test_split_shuffles_with_a_seed_and_keeps_every_example_once():
    inputs, targets = two_moons(30, seed=1)
    train_x, train_y, held_x, held_y = split(inputs, targets, n_held_out=10, seed=3)
    assert train_x.shape == (20, 2) and held_x.shape == (10, 2)
    assert train_y.shape == (20, 1) and held_y.shape == (10, 1)
    # Every example lands in exactly one of the two sets, with its own target.
    rows = np.vstack([np.hstack([train_x, train_y]), np.hstack([held_x, held_y])])
    original = np.hstack([inputs, targets])
    np.testing.assert_array_equal(np.sort(rows, axis=0), np.sort(original, axis=0))
    # The same seed gives the same split; another seed another one.
    again = split(inputs, targets, n_held_out=10, seed=3)
    np.testing.assert_array_equal(again[2], held_x)
    assert not np.array_equal(split(inputs, targets, n_held_out=10, seed=4)[2], held_x)


def test_split_shuffles_sorted_data():
    # two_moons lists all of class 0 first: a held-out set cut from the end without a
    # shuffle would hold only class 1.
    inputs, targets = two_moons(40)
    _, _, _, held_y = split(inputs, targets, n_held_out=20)
    assert 0 < held_y.sum() < len(held_y)


def test_split_bad_input_is_a_clear_error():
    inputs, targets = xor()
    with pytest.raises(ValueError, match="must leave at least one example"):
        split(inputs, targets, n_held_out=4)
    with pytest.raises(ValueError, match="n_held_out must be at least 1"):
        split(inputs, targets, n_held_out=0)
    with pytest.raises(TypeError, match="n_held_out must be a whole number"):
        split(inputs, targets, n_held_out=0.5)
    with pytest.raises(ValueError, match="different numbers of examples: 4 and 3"):
        split(inputs, targets[:3], n_held_out=1)
    with pytest.raises(ValueError, match="2-D arrays"):
        split(inputs[:, 0], targets, n_held_out=1)
    with pytest.raises(TypeError, match="rectangular array of numbers"):
        split([[1, 2], [3]], targets, n_held_out=1)


def _watch(epochs=40, every=10, seed=0):
    inputs, targets = two_moons(30, noise=0.3, seed=2)
    train_x, train_y, held_x, held_y = split(inputs, targets, n_held_out=10)
    network = Network([2, 8, 1], ["tanh", "sigmoid"], seed=seed)
    watched = train_and_watch(network, (train_x, train_y), (held_x, held_y), 0.5, epochs,
                              "cross_entropy", every)
    return watched, network, (train_x, train_y), (held_x, held_y)


def test_train_and_watch_is_plain_training_that_also_measures():
    watched, network, (train_x, train_y), (held_x, held_y) = _watch()
    # The same updates as train() with the same settings: watching changes nothing.
    same = Network([2, 8, 1], ["tanh", "sigmoid"], seed=0)
    history = train(same, train_x, train_y, 0.5, 40, loss="cross_entropy")
    for mine, theirs in zip(network.parameters(), same.parameters()):
        np.testing.assert_allclose(mine, theirs, rtol=1e-12, atol=1e-14)
    np.testing.assert_array_equal(watched.epochs, [0, 10, 20, 30, 40])
    np.testing.assert_allclose(watched.training_errors, history.losses[::10], rtol=1e-12)
    assert watched.held_out_errors[-1] == pytest.approx(
        network.loss(held_x, held_y, "cross_entropy"), rel=1e-12)


def test_best_network_is_the_network_at_the_best_epoch():
    watched, _, _, (held_x, held_y) = _watch(epochs=200, every=20)
    best = int(np.argmin(watched.held_out_errors))
    assert watched.best_epoch == watched.epochs[best]
    assert watched.best_network.loss(held_x, held_y, "cross_entropy") == pytest.approx(
        watched.held_out_errors[best], rel=1e-12)


def test_train_and_watch_bad_input_is_a_clear_error():
    inputs, targets = xor()
    network = Network([2, 2, 1], "sigmoid")
    pair = (inputs, targets)
    with pytest.raises(ValueError, match="multiple of every"):
        train_and_watch(network, pair, pair, 0.1, 10, every=3)
    with pytest.raises(TypeError, match="pair \\(inputs, targets\\)"):
        train_and_watch(network, inputs, pair, 0.1, 10)
    with pytest.raises(TypeError, match="network must be a Network"):
        train_and_watch("net", pair, pair, 0.1, 10)
    with pytest.raises(TypeError, match="every must be a whole number"):
        train_and_watch(network, pair, pair, 0.1, 10, every=2.0)
    with pytest.raises(ValueError, match="unknown loss"):
        train_and_watch(network, pair, pair, 0.1, 10, loss="mae")
    with pytest.raises(ValueError, match="inputs has 3 columns"):
        train_and_watch(network, pair, (np.ones((2, 3)), np.ones((2, 1))), 0.1, 10)
    with pytest.raises(ValueError, match="training diverged"):
        big = Network([1, 8, 1], ["tanh", "identity"])
        data = ([[0.0], [1.0], [2.0]], [[0.0], [1.0], [3.0]])
        train_and_watch(big, data, data, 10.0, 100, every=10)
