"""snippets/classic_bugs.py: each deliberately broken variant is caught by its check, and
each fix passes the same check."""

import numpy as np
import pytest

import classic_bugs
from network import Network


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


def test_far_too_large_learning_rate_jumps_and_never_settles():
    losses, _ = classic_bugs.train_right(learning_rate=classic_bugs.TOO_LARGE)
    assert losses[1] > losses[0] + 0.1 and rises(losses) > 50 and losses[-1] > 0.2


def test_bad_input_is_a_clear_error():
    with pytest.raises(ValueError, match="one hidden layer and sigmoid on both layers"):
        network = Network([2, 3, 3, 1], "sigmoid")
        classic_bugs.backward_right(network, np.zeros((1, 2)), np.zeros((1, 1)))
    with pytest.raises(ValueError, match="one hidden layer and sigmoid on both layers"):
        classic_bugs.backward_right(Network([2, 2, 1], "tanh"), np.zeros((1, 2)), np.zeros((1, 1)))
    with pytest.raises(ValueError, match="learning_rate must be a positive number"):
        classic_bugs.train_right(learning_rate=-1.0)
    with pytest.raises(ValueError, match="epochs must be a whole number"):
        classic_bugs.train_without_reset(epochs=0)
    with pytest.raises(ValueError, match="backward must be a function"):
        classic_bugs.check_backward("backward_right")


def test_check_backward_nudge_size():
    # Too small a nudge drowns in rounding; too large treats the curve as straight: both
    # give an "in between" value for a correct backward pass.
    for step in (1e-9, 0.1):
        assert 1e-7 < classic_bugs.check_backward(classic_bugs.backward_right, step=step) < 0.01
    for bad in (0, -1e-4, 1.0, "1e-4", True):
        with pytest.raises(ValueError, match="step must be"):
            classic_bugs.check_backward(classic_bugs.backward_right, step=bad)
