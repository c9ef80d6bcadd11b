"""Tests for snippets/training.py: updates, history, snapshots, divergence and checks."""

import re

import numpy as np
import pytest

import running_example
from datasets import regression_1d, two_moons, xor
from network import Network
from training import History, train, train_step


def xor_network(seed=0):
    return Network([2, 2, 1], "sigmoid", seed=seed)


def test_training_lowers_the_loss_and_learns_xor():
    network, history = running_example.trained()  # train() with the running example's settings
    inputs, targets = running_example.data()
    assert history.losses[-1] < 0.01 < history.losses[0]
    assert np.all(np.abs(network.forward(inputs) - targets) < 0.2)


def test_history_losses_are_measured_before_each_update_and_after_the_last():
    inputs, targets = xor()
    network = xor_network()
    start_loss = network.loss(inputs, targets)
    history = train(network, inputs, targets, learning_rate=1.0, epochs=25)
    assert isinstance(history, History)
    assert history.losses.shape == (26,)
    assert history.losses[0] == start_loss
    assert history.losses[-1] == network.loss(inputs, targets)
    assert history.diverged is False


def test_train_is_repeated_train_step():
    # The fast loop inside train() must do exactly what the simple one-step version does.
    inputs, targets = two_moons(40, seed=1)
    fast = Network([2, 5, 1], ["tanh", "sigmoid"], seed=3)
    slow = Network([2, 5, 1], ["tanh", "sigmoid"], seed=3)
    history = train(fast, inputs, targets, 0.5, 30, loss="cross_entropy")
    step_losses = [train_step(slow, inputs, targets, 0.5, loss="cross_entropy") for _ in range(30)]
    np.testing.assert_array_equal(history.losses[:30], step_losses)
    for a, b in zip(fast.parameters(), slow.parameters()):
        np.testing.assert_array_equal(a, b)


def test_train_step_moves_every_parameter_against_its_gradient():
    inputs, targets = xor()
    network = xor_network()
    before = [array.copy() for array in network.parameters()]
    loss_before, weight_gradients, bias_gradients = network.gradients(inputs, targets)
    returned = train_step(network, inputs, targets, learning_rate=0.3)
    assert returned == loss_before
    gradients = [g for pair in zip(weight_gradients, bias_gradients) for g in pair]
    for old, new, gradient in zip(before, network.parameters(), gradients):
        np.testing.assert_allclose(new, old - 0.3 * gradient, rtol=1e-15, atol=1e-17)


def test_biases_are_learned():
    inputs, targets = xor()
    network = xor_network()
    starting_biases = [b.copy() for b in network.biases]
    train(network, inputs, targets, learning_rate=2.0, epochs=50)
    for start, now in zip(starting_biases, network.biases):
        assert np.all(start != now), "every bias should move during training"


def test_training_changes_the_networks_own_arrays_in_place():
    inputs, targets = xor()
    network = xor_network()
    weights = network.weights[0]
    snapshot = weights.copy()
    train(network, inputs, targets, 1.0, 5)
    assert network.weights[0] is weights
    assert not np.array_equal(weights, snapshot)


def test_snapshots_are_copies_taken_after_that_many_updates():
    inputs, targets = xor()
    network = xor_network()
    initial = ([w.copy() for w in network.weights], [b.copy() for b in network.biases])
    history = train(network, inputs, targets, 1.0, 20, snapshot_epochs=[0, 10, 20])
    assert sorted(history.snapshots) == [0, 10, 20]
    first_weights, first_biases = history.snapshots[0]
    for saved, start in zip(first_weights + first_biases, initial[0] + initial[1]):
        np.testing.assert_array_equal(saved, start)
    last_weights, last_biases = history.snapshots[20]
    for saved, now in zip(last_weights + last_biases, network.weights + network.biases):
        np.testing.assert_array_equal(saved, now)
        assert saved is not now
    # The snapshot at 10 is the network after 10 updates: replaying 10 steps agrees.
    replay = xor_network()
    for _ in range(10):
        train_step(replay, inputs, targets, 1.0)
    for saved, replayed in zip(history.snapshots[10][0], replay.weights):
        np.testing.assert_array_equal(saved, replayed)


def test_same_seed_same_history_different_seed_different_history():
    inputs, targets = two_moons(60, seed=0)
    first = train(Network([2, 4, 1], "sigmoid", seed=5), inputs, targets, 1.0, 40)
    again = train(Network([2, 4, 1], "sigmoid", seed=5), inputs, targets, 1.0, 40)
    other = train(Network([2, 4, 1], "sigmoid", seed=6), inputs, targets, 1.0, 40)
    np.testing.assert_array_equal(first.losses, again.losses)
    assert not np.array_equal(first.losses, other.losses)


def diverging_run():
    inputs, targets = regression_1d()
    network = Network([1, 16, 1], ["tanh", "identity"], seed=0)
    return network, train(network, inputs, targets, learning_rate=5.0, epochs=500, snapshot_epochs=[0, 500])


def test_a_far_too_large_learning_rate_diverges_quietly():
    # Any overflow warning would be an error here (pytest's filterwarnings = error).
    network, history = diverging_run()
    assert history.diverged is True
    assert len(history.losses) < 501
    assert not np.isfinite(history.losses[-1])
    assert np.all(np.isfinite(history.losses[:-1]))
    assert history.losses[-2] > history.losses[0]  # it got worse before it broke
    assert sorted(history.snapshots) == [0]  # epoch 500 was never reached


def test_a_small_learning_rate_does_not_diverge_on_the_same_problem():
    inputs, targets = regression_1d()
    network = Network([1, 16, 1], ["tanh", "identity"], seed=0)
    history = train(network, inputs, targets, learning_rate=0.05, epochs=500)
    assert history.diverged is False
    assert history.losses[-1] < history.losses[0]


def test_warnings_are_back_to_normal_after_training():
    diverging_run()
    with pytest.warns(RuntimeWarning, match="overflow"):
        np.exp(np.array([1000.0]))


@pytest.mark.parametrize("learning_rate", [-0.1, 0, 0.0, float("nan"), float("inf")])
def test_learning_rate_must_be_positive(learning_rate):
    inputs, targets = xor()
    message = f"learning_rate must be a positive, finite number, got {learning_rate}"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        train(xor_network(), inputs, targets, learning_rate, 10)
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        train_step(xor_network(), inputs, targets, learning_rate)


def test_learning_rate_must_be_a_number():
    inputs, targets = xor()
    with pytest.raises(TypeError, match="learning_rate must be a number"):
        train(xor_network(), inputs, targets, "0.1", 10)


@pytest.mark.parametrize("epochs, error, message", [
    (0, ValueError, "epochs must be at least 1, got 0"),
    (-5, ValueError, "epochs must be at least 1, got -5"),
    (2.5, TypeError, "epochs must be a whole number, got 2.5"),
])
def test_epochs_must_be_a_positive_whole_number(epochs, error, message):
    inputs, targets = xor()
    with pytest.raises(error, match=re.escape(message)):
        train(xor_network(), inputs, targets, 1.0, epochs)


def test_snapshot_epochs_must_be_reachable():
    inputs, targets = xor()
    message = "snapshot_epochs must lie between 0 (before training) and 10"
    with pytest.raises(ValueError, match=re.escape(message)):
        train(xor_network(), inputs, targets, 1.0, 10, snapshot_epochs=[11])


def test_data_is_checked_before_anything_changes():
    inputs, targets = xor()
    network = xor_network()
    before = [array.copy() for array in network.parameters()]
    with pytest.raises(ValueError, match="different numbers of examples: 4 and 3"):
        train(network, inputs, targets[:3], 1.0, 10)
    with pytest.raises(ValueError, match=re.escape("targets must have shape (4, 1)")):
        train(network, inputs, targets.ravel(), 1.0, 10)
    with pytest.raises(ValueError, match="inputs contain NaN or infinite values"):
        train(network, np.full((4, 2), np.nan), targets, 1.0, 10)
    with pytest.raises(ValueError, match="unknown loss 'mae'"):
        train(network, inputs, targets, 1.0, 10, loss="mae")
    with pytest.raises(TypeError, match="network must be a Network"):
        train("network", inputs, targets, 1.0, 10)
    for original, after in zip(before, network.parameters()):
        np.testing.assert_array_equal(original, after)


def test_every_module_checks_a_learning_rate_alike():
    """A reader who mistypes a learning rate gets the same error whichever function they call."""
    import classic_bugs
    import descent
    import running_example
    import unlucky_starts

    inputs, targets = running_example.data()
    calls = {
        "train": lambda rate: train(running_example.make_network(), inputs, targets, rate, 1),
        "descend": lambda rate: descent.descend(descent.valley_slope, [1.0, 1.0], rate, 1),
        "train_many": lambda rate: unlucky_starts.train_many(seeds=range(1), epochs=1, learning_rate=rate),
        "classic_bugs.train_right": lambda rate: classic_bugs.train_right(learning_rate=rate, epochs=1),
    }
    wrong = [("2", TypeError), (True, TypeError), (None, TypeError), (0.0, ValueError), (-1.0, ValueError),
             (float("inf"), ValueError), (float("nan"), ValueError)]
    for name, call in calls.items():
        for rate, error in wrong:
            with pytest.raises(error, match="learning_rate must be a (number|positive, finite number)"):
                call(rate)
                pytest.fail(f"{name} accepted learning_rate={rate!r}")
