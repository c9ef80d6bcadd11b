"""Tests for snippets/running_example.py: the site's 2-2-1 network really learns XOR."""

import numpy as np

import running_example as example
from datasets import xor
from training import train


def test_constants_describe_a_2_2_1_sigmoid_network():
    assert example.SIZES == [2, 2, 1]
    assert example.ACTIVATIONS == ["sigmoid", "sigmoid"]
    assert example.LOSS in ("mse", "cross_entropy")
    assert 0 < example.LEARNING_RATE and 1 <= example.EPOCHS <= 5000


def test_make_network_gives_the_same_fresh_network_every_time():
    first, second = example.make_network(), example.make_network()
    assert first is not second
    assert first.sizes == example.SIZES and first.activation_names == example.ACTIVATIONS
    for a, b in zip(first.parameters(), second.parameters()):
        np.testing.assert_array_equal(a, b)
        assert a is not b


def test_data_is_xor():
    for got, expected in zip(example.data(), xor()):
        np.testing.assert_array_equal(got, expected)


def test_the_running_example_learns_xor():
    network, history = example.trained()
    inputs, targets = example.data()
    outputs = network.forward(inputs)
    # Every output is on the right side of 0.5, with a clear margin.
    assert np.all((outputs > 0.5) == (targets == 1))
    assert np.all(np.abs(outputs - targets) < 0.2)
    assert history.diverged is False
    assert history.losses[-1] < history.losses[0] / 10


def test_before_training_it_does_not_know_xor():
    network = example.make_network()
    inputs, targets = example.data()
    outputs = network.forward(inputs)
    assert not np.all((outputs > 0.5) == (targets == 1))


def test_trained_is_the_run_every_page_shows_and_training_again_repeats_it():
    first, first_history = example.trained()
    assert example.trained()[0] is first  # computed once, shared by every page, figure and test
    # Training a fresh network the same way gives the very same numbers.
    second = example.make_network()
    inputs, targets = example.data()
    second_history = train(second, inputs, targets, example.LEARNING_RATE, example.EPOCHS, loss=example.LOSS)
    assert len(first_history.losses) == example.EPOCHS + 1
    np.testing.assert_array_equal(first_history.losses, second_history.losses)
    for a, b in zip(first.parameters(), second.parameters()):
        np.testing.assert_array_equal(a, b)
