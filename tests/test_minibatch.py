"""snippets/minibatch.py: mini-batch gradient descent, its history, and its errors."""

import numpy as np
import pytest

from datasets import two_moons, xor
from gradient_check import numerical_gradients
from minibatch import BatchHistory, batches, first_below, train_minibatch
from network import Network
from training import History, train


def moons_network(seed=0):
    return Network([2, 4, 1], ["tanh", "sigmoid"], seed=seed)


def test_batches_cover_every_example_once_per_pass():
    rng = np.random.default_rng(0)
    for batch_size in (1, 3, 7, 10):
        rows = batches(10, batch_size, rng)
        assert sorted(np.concatenate(rows)) == list(range(10))
        assert all(len(r) == batch_size for r in rows[:-1]) and 1 <= len(rows[-1]) <= batch_size
    assert [list(r) for r in batches(5, 2, rng, shuffle=False)] == [[0, 1], [2, 3], [4]]


def test_shuffle_is_new_each_pass_and_fixed_by_the_seed():
    rng = np.random.default_rng(3)
    first, second = (np.concatenate(batches(20, 4, rng)) for _ in range(2))
    assert not np.array_equal(first, second)
    again = np.random.default_rng(3)
    assert np.array_equal(np.concatenate(batches(20, 4, again)), first)


def test_full_batch_is_the_same_as_train():
    inputs, targets = xor()
    ours, theirs = Network([2, 2, 1], "sigmoid", seed=0), Network([2, 2, 1], "sigmoid", seed=0)
    history = train_minibatch(ours, inputs, targets, 2.0, 50, batch_size=4, shuffle=False)
    reference = train(theirs, inputs, targets, 2.0, 50)
    np.testing.assert_allclose(history.losses, reference.losses, rtol=1e-12)
    for a, b in zip(ours.parameters(), theirs.parameters()):
        np.testing.assert_allclose(a, b, rtol=1e-12)


def test_one_update_is_a_step_against_the_batch_gradient_checked_by_nudging():
    inputs, targets = two_moons(n_examples=12)
    before = moons_network()
    rows = batches(12, 5, np.random.default_rng(7))[0]
    weight_estimates, bias_estimates = numerical_gradients(
        before, inputs[rows], targets[rows], loss="cross_entropy"
    )
    _, weight_gradients, bias_gradients = before.copy().gradients(inputs[rows], targets[rows], "cross_entropy")
    for analytic, estimate in zip(weight_gradients + bias_gradients, weight_estimates + bias_estimates):
        np.testing.assert_allclose(analytic, estimate, rtol=1e-5, atol=1e-8)
    # and the module's update on that batch is exactly one step against it
    stepped = before.copy()
    train_minibatch(stepped, inputs[rows], targets[rows], 0.3, 1, len(rows), loss="cross_entropy", shuffle=False)
    for moved, start, gradient in zip(stepped.weights, before.weights, weight_gradients):
        np.testing.assert_allclose(moved, start - 0.3 * gradient, rtol=1e-12)


def test_the_average_of_single_example_gradients_is_the_full_gradient():
    # Why a noisy step is downhill on average: the loss is an average over examples.
    inputs, targets = two_moons(n_examples=30)
    network = moons_network()
    _, full, _ = network.gradients(inputs, targets, "cross_entropy")
    singles = [network.gradients(inputs[k : k + 1], targets[k : k + 1], "cross_entropy")[1] for k in range(30)]
    for layer in range(2):
        np.testing.assert_allclose(np.mean([g[layer] for g in singles], axis=0), full[layer], rtol=1e-10)


def test_history_counts_examples_and_measures_all_of_them():
    inputs, targets = two_moons(n_examples=50)
    network = moons_network()
    history = train_minibatch(network, inputs, targets, 0.5, 3, 16, loss="cross_entropy")
    assert isinstance(history, BatchHistory) and isinstance(history, History)
    assert len(history.losses) == 1 + 3 * 4  # 50 examples in batches of 16: 4 updates a pass
    assert list(history.examples_seen[:6]) == [0, 16, 32, 48, 50, 66]
    assert history.examples_seen[-1] == 150 and history.epochs_seen(50)[-1] == 3.0
    assert history.losses[-1] == pytest.approx(network.loss(inputs, targets, "cross_entropy"), rel=1e-12)
    per_epoch = train_minibatch(moons_network(), inputs, targets, 0.5, 3, 16, loss="cross_entropy",
                                measure_every="epoch")
    assert list(per_epoch.examples_seen) == [0, 50, 100, 150]
    np.testing.assert_allclose(per_epoch.losses, history.losses[[0, 4, 8, 12]], rtol=1e-12)


def test_first_below():
    history = BatchHistory(losses=np.array([0.9, 0.5, 0.2, 0.3, 0.1]), examples_seen=np.arange(5) * 10)
    assert first_below(history, 0.25) == 20
    assert first_below(history, 0.05) is None


def test_a_diverging_run_stops_and_says_so():
    inputs, targets = two_moons(n_examples=20)
    network = Network([2, 4, 1], ["tanh", "identity"], seed=0)
    history = train_minibatch(network, inputs, targets * 100, 50.0, 20, 1)
    assert history.diverged and not np.isfinite(history.losses[-1])


def test_bad_input_is_a_clear_error():
    inputs, targets = two_moons(n_examples=20)
    network = moons_network()
    with pytest.raises(ValueError, match="batch_size must be between 1 and the number of examples \\(20\\)"):
        train_minibatch(network, inputs, targets, 0.1, 1, 21)
    with pytest.raises(ValueError, match="batch_size must be between 1"):
        train_minibatch(network, inputs, targets, 0.1, 1, 0)
    with pytest.raises(TypeError, match="batch_size must be a whole number"):
        train_minibatch(network, inputs, targets, 0.1, 1, 2.5)
    with pytest.raises(ValueError, match="measure_every must be 'update' or 'epoch'"):
        train_minibatch(network, inputs, targets, 0.1, 1, 4, measure_every="step")
    with pytest.raises(ValueError, match="learning_rate must be a positive"):
        train_minibatch(network, inputs, targets, -1.0, 1, 4)
    with pytest.raises(TypeError, match="epochs must be a whole number"):
        train_minibatch(network, inputs, targets, 0.1, "3", 4)
    with pytest.raises(TypeError, match="network must be a Network"):
        train_minibatch("net", inputs, targets, 0.1, 1, 4)
    with pytest.raises(ValueError, match="unknown loss"):
        train_minibatch(network, inputs, targets, 0.1, 1, 4, loss="hinge")
