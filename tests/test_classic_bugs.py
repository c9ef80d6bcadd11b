"""snippets/classic_bugs.py: each deliberately broken variant is caught by its check, and
each fix passes the same check."""

import re

import numpy as np
import pytest

import classic_bugs
import running_example
from network import Network
from training import train


def rises(losses):
    return int(np.sum(np.diff(losses) > 0))


def test_the_hand_written_backward_pass_matches_the_network():
    network, inputs, targets = classic_bugs.running_example()
    _, weight_gradients, bias_gradients = network.gradients(inputs, targets)
    expected = [weight_gradients[0], bias_gradients[0], weight_gradients[1], bias_gradients[1]]
    for mine, theirs in zip(classic_bugs.backward_right(network, inputs, targets), expected):
        np.testing.assert_allclose(mine, theirs, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("seed", [0, 3])
def test_gradient_check_passes_the_fix_and_catches_both_slope_bugs(seed):
    assert classic_bugs.check_backward(classic_bugs.backward_right, seed) < 1e-7
    assert classic_bugs.check_backward(classic_bugs.backward_missing_slope, seed) > 0.1
    assert classic_bugs.check_backward(classic_bugs.backward_slope_of_sum, seed) > 0.1


def test_correct_loop_learns_and_never_goes_up():
    losses, network = classic_bugs.train_right()
    assert rises(losses) == 0 and losses[-1] < 0.002
    inputs, targets = classic_bugs.running_example()[1:]
    assert np.all((network.forward(inputs) > 0.5) == (targets > 0.5))


def test_frozen_biases_stall_and_the_biases_never_move():
    start = classic_bugs.running_example()[0]
    losses, network = classic_bugs.train_biases_frozen()
    assert losses[-1] > 0.2  # the loss curve stalls far above the correct loop's
    assert all(np.array_equal(a, b) for a, b in zip(start.biases, network.biases))


def test_adding_the_gradient_makes_the_loss_rise_at_every_step():
    losses, _ = classic_bugs.train_adding_gradient()
    assert losses[1] > losses[0] and rises(losses) == len(losses) - 1


def test_not_resetting_makes_the_loss_go_up_and_down():
    for seed in (0, 1):
        losses, _ = classic_bugs.train_without_reset(seed=seed)
        assert rises(losses) >= 10  # the correct loop never rises
    assert classic_bugs.train_without_reset(seed=1)[0][-1] > 0.1
    assert classic_bugs.train_right(seed=1)[0][-1] < 0.002


def test_far_too_large_learning_rate_jumps_and_does_not_learn():
    losses, _ = classic_bugs.train_right(learning_rate=classic_bugs.TOO_LARGE)
    assert losses[1] > losses[0] + 0.05 and rises(losses) > 10 and losses[-1] > 0.1


def test_uses_the_running_examples_settings():
    assert classic_bugs.LEARNING_RATE is running_example.LEARNING_RATE
    assert classic_bugs.EPOCHS is running_example.EPOCHS
    losses, network = classic_bugs.train_right(epochs=3)
    assert len(losses) == 4 and network.sizes == running_example.SIZES
    assert network.activation_names == running_example.ACTIVATIONS


def test_the_loop_with_totals_reset_takes_the_same_steps_as_the_correct_loop():
    right, with_reset = classic_bugs.train_right(epochs=50), classic_bugs.train_with_reset(epochs=50)
    assert np.array_equal(right[0], with_reset[0])
    assert all(np.array_equal(a, b) for a, b in zip(right[1].parameters(), with_reset[1].parameters()))


def test_verdict():
    assert classic_bugs.verdict(1e-10) == "right"
    assert classic_bugs.verdict(1e-5) == "look closer"
    assert classic_bugs.verdict(classic_bugs.BUG_FROM) == "a bug" and classic_bugs.verdict(0.9) == "a bug"


TRAINERS = [classic_bugs.train_right, classic_bugs.train_biases_frozen, classic_bugs.train_adding_gradient,
            classic_bugs.train_with_reset, classic_bugs.train_without_reset]


@pytest.mark.parametrize("trainer", TRAINERS, ids=lambda trainer: trainer.__name__)
@pytest.mark.parametrize("learning_rate, error, message", [
    ("2.0", TypeError, "learning_rate must be a number, got '2.0'"),
    (True, TypeError, "learning_rate must be a number, got True"),
    (None, TypeError, "learning_rate must be a number, got None"),
    (0.0, ValueError, "learning_rate must be a positive, finite number, got 0.0"),
    (-1.0, ValueError, "learning_rate must be a positive, finite number, got -1.0"),
    (float("inf"), ValueError, "learning_rate must be a positive, finite number, got inf"),
    (float("nan"), ValueError, "learning_rate must be a positive, finite number, got nan"),
])
def test_bad_learning_rate_is_refused_as_train_refuses_it(trainer, learning_rate, error, message):
    with pytest.raises(error, match=re.escape(message)):
        trainer(learning_rate=learning_rate)
    network, inputs, targets = classic_bugs.running_example()
    with pytest.raises(error, match=re.escape(message)):  # the very same check as train()'s
        train(network, inputs, targets, learning_rate, 10)


@pytest.mark.parametrize("trainer", TRAINERS, ids=lambda trainer: trainer.__name__)
def test_bad_epochs_are_refused(trainer):
    with pytest.raises(TypeError, match="epochs must be a whole number, got 2.5"):
        trainer(epochs=2.5)
    with pytest.raises(ValueError, match="epochs must be at least 1, got 0"):
        trainer(epochs=0)


def test_bad_input_is_a_clear_error():
    with pytest.raises(ValueError, match="one hidden layer and sigmoid on both layers"):
        network = Network([2, 3, 3, 1], "sigmoid")
        classic_bugs.backward_right(network, np.zeros((1, 2)), np.zeros((1, 1)))
    with pytest.raises(ValueError, match="one hidden layer and sigmoid on both layers"):
        classic_bugs.backward_right(Network([2, 2, 1], "tanh"), np.zeros((1, 2)), np.zeros((1, 1)))
    with pytest.raises(ValueError, match="one hidden layer and sigmoid on both layers"):
        classic_bugs.backward_right("a network", np.zeros((1, 2)), np.zeros((1, 1)))
    with pytest.raises(TypeError, match="backward must be a function"):
        classic_bugs.check_backward("backward_right")


def test_check_backward_nudge_size():
    # Too small a nudge drowns in rounding; too large treats the curve as straight: both
    # give an "in between" value for a correct backward pass.
    for step in (1e-9, 0.1):
        error = classic_bugs.check_backward(classic_bugs.backward_right, step=step)
        assert classic_bugs.verdict(error) == "look closer"
    for bad in (0, -1e-4, 1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="step must be a small positive number"):
            classic_bugs.check_backward(classic_bugs.backward_right, step=bad)
    for bad in ("1e-4", True, None):
        with pytest.raises(TypeError, match="step must be a number"):
            classic_bugs.check_backward(classic_bugs.backward_right, step=bad)
