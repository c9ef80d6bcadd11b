"""snippets/optimizers.py: plain gradient descent, momentum and Adam."""

import numpy as np
import pytest

from datasets import two_moons, xor
from descent import descend, valley, valley_slope
from network import Network
from optimizers import Adam, GradientDescent, Momentum, make_optimizer, steps_to_reach, train, walk
from training import train as plain_train


def test_plain_walk_is_chapter_1_s_gradient_descent():
    ours = walk(GradientDescent(0.04), valley_slope, [-2.5, 1.5], 40)
    np.testing.assert_array_equal(ours, descend(valley_slope, [-2.5, 1.5], 0.04, 40))


def test_plain_training_is_the_site_s_training():
    inputs, targets = xor()
    first, second = Network([2, 2, 1], "sigmoid", seed=3), Network([2, 2, 1], "sigmoid", seed=3)
    losses = train(first, inputs, targets, GradientDescent(0.5), 50, loss="mse")
    history = plain_train(second, inputs, targets, 0.5, 50, loss="mse")
    np.testing.assert_allclose(losses, history.losses, rtol=1e-12)


def test_momentum_by_hand():
    knob = np.array([1.0, -2.0])
    optimizer = Momentum(0.1, keep=0.5)
    optimizer.step([knob], [np.array([2.0, 4.0])])  # memory (2, 4)
    np.testing.assert_allclose(knob, [0.8, -2.4])
    optimizer.step([knob], [np.array([-2.0, 4.0])])  # memory (1 - 2, 2 + 4) = (-1, 6)
    np.testing.assert_allclose(knob, [0.9, -3.0])


def test_momentum_top_speed_is_one_over_one_minus_keep():
    knob = np.array([0.0])
    optimizer = Momentum(1.0, keep=0.9)
    for _ in range(300):
        before = knob.copy()
        optimizer.step([knob], [np.array([1.0])])
    assert before - knob == pytest.approx(10.0)


def test_momentum_with_keep_0_is_plain_descent():
    ours = walk(Momentum(0.04, keep=0.0), valley_slope, [-2.5, 1.5], 30)
    np.testing.assert_allclose(ours, descend(valley_slope, [-2.5, 1.5], 0.04, 30), rtol=1e-14)


def test_adam_first_step_is_the_rate_times_the_sign_for_every_knob():
    knob = np.array([1.0, 1.0, 1.0])
    Adam(0.1).step([knob], [np.array([0.01, -30.0, 2.0])])
    np.testing.assert_allclose(knob, [0.9, 1.1, 0.9], rtol=1e-6)


def test_adam_ignores_the_size_of_the_slopes():
    # Multiply every slope by 1/100: the same path, but for the tiny number added to the
    # division.
    steep = walk(Adam(0.1), valley_slope, [-2.5, 1.5], 200)
    shallow = walk(Adam(0.1), lambda point: valley_slope(point) / 100, [-2.5, 1.5], 200)
    np.testing.assert_allclose(shallow, steep, atol=1e-5)
    # Plain descent's steps shrink 100 times.
    plain = walk(GradientDescent(0.04), lambda point: valley_slope(point) / 100, [-2.5, 1.5], 1)
    np.testing.assert_allclose(plain[1] - plain[0], -0.04 * valley_slope([-2.5, 1.5]) / 100)


def test_adam_by_hand_two_steps():
    knob = np.array([0.0])
    optimizer = Adam(0.01, keep_slope=0.5, keep_size=0.5, tiny=0.0)
    optimizer.step([knob], [np.array([2.0])])
    optimizer.step([knob], [np.array([4.0])])
    # average slope 0.5 * 1 + 0.5 * 4 = 2.5, corrected by 1 - 0.25: 10/3;
    # average square 0.5 * 2 + 0.5 * 16 = 9, corrected: 12; step 0.01 * (10/3) / sqrt(12).
    second = 0.01 * (10 / 3) / np.sqrt(12)
    np.testing.assert_allclose(knob, [-0.01 - second])


@pytest.mark.parametrize("name", ["plain", "momentum", "adam"])
def test_each_lowers_the_error_of_a_network_and_steps_every_knob(name):
    inputs, targets = two_moons()
    network = Network([2, 4, 1], ["tanh", "sigmoid"], seed=1)
    before = [array.copy() for array in network.parameters()]
    losses = train(network, inputs, targets, make_optimizer(name, 0.05), 100)
    assert len(losses) == 101 and losses[-1] < losses[0]
    assert all(np.all(old != new) for old, new in zip(before, network.parameters()))


def test_training_stops_below_a_level_and_on_a_blow_up():
    inputs, targets = two_moons()
    losses = train(Network([2, 8, 1], ["tanh", "sigmoid"]), inputs, targets, Adam(0.1), 500, stop_below=0.2)
    assert losses[-1] < 0.2 <= losses[-2]
    path = walk(GradientDescent(0.5), valley_slope, [1.0, 1.0], 1000)
    assert len(path) < 1001 and np.all(np.isfinite(path))


def test_steps_to_reach():
    assert steps_to_reach([3.0, 2.0, 0.5, 0.1], 1.0) == 2
    assert steps_to_reach([3.0, 2.0], 1.0) is None


def test_walk_leaves_start_alone_and_counts_from_it():
    start = np.array([-2.5, 1.5])
    path = walk(Adam(0.1), valley_slope, start, 5)
    assert path.shape == (6, 2) and np.all(start == [-2.5, 1.5]) and np.all(path[0] == start)
    assert valley(path[-1]) < valley(path[0])


def test_bad_input_is_a_clear_error():
    with pytest.raises(TypeError, match="learning_rate must be a number"):
        Momentum("fast")
    with pytest.raises(ValueError, match=r"learning_rate must lie in \(0, inf\)"):
        GradientDescent(-0.1)
    with pytest.raises(ValueError, match=r"keep must lie in \[0, 1\)"):
        Momentum(0.1, keep=1.0)
    with pytest.raises(ValueError, match="keep_size must lie in"):
        Adam(0.1, keep_size=1.5)
    with pytest.raises(ValueError, match="unknown optimizer 'adma'"):
        make_optimizer("adma", 0.1)
    knob = np.zeros(2)
    with pytest.raises(TypeError, match="knobs must be a list of numpy arrays"):
        GradientDescent(0.1).step(knob, [np.ones(2)])
    with pytest.raises(ValueError, match="got 1 knob arrays but 2 slope arrays"):
        GradientDescent(0.1).step([knob], [np.ones(2), np.ones(2)])
    with pytest.raises(ValueError, match=r"slope 0 has shape \(3,\), but its knob has shape \(2,\)"):
        Adam(0.1).step([knob], [np.ones(3)])
    with pytest.raises(TypeError, match="knob 0 must be a numpy array of floats"):
        Momentum(0.1).step([np.zeros(2, dtype=int)], [np.ones(2)])
    optimizer = Adam(0.1)
    optimizer.step([knob], [np.ones(2)])
    with pytest.raises(ValueError, match="use a new optimizer for new knobs"):
        optimizer.step([np.zeros(3)], [np.ones(3)])
    with pytest.raises(TypeError, match="optimizer must be GradientDescent, Momentum or Adam"):
        walk("adam", valley_slope, [1.0, 1.0], 3)
    with pytest.raises(ValueError, match="start must be a list of finite numbers"):
        walk(Adam(0.1), valley_slope, [1.0, np.nan], 3)
    with pytest.raises(TypeError, match="steps must be a whole number"):
        walk(Adam(0.1), valley_slope, [1.0, 1.0], 2.5)
    with pytest.raises(TypeError, match="network must be a Network"):
        train("net", [[0.0, 0.0]], [[0.0]], Adam(0.1), 3)
    with pytest.raises(ValueError, match="stop_below must lie in"):
        train(Network([2, 1], "sigmoid"), [[0.0, 0.0]], [[0.0]], Adam(0.1), 3, stop_below=0)
