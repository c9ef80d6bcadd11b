"""snippets/unlucky_starts.py: many starts trained at once give exactly what train() gives
one at a time."""

import numpy as np
import pytest

import running_example
import unlucky_starts
from datasets import xor
from network import Network
from training import train


@pytest.mark.parametrize("hidden", [2, 4])
def test_training_many_at_once_matches_training_one_at_a_time(hidden):
    seeds = [0, 6, 29]
    result = unlucky_starts.train_many(hidden, seeds, epochs=300)
    inputs, targets = xor()
    for row, seed in enumerate(seeds):
        network = Network([2, hidden, 1], "sigmoid", seed=seed)
        history = train(network, inputs, targets, 2.0, 300)
        np.testing.assert_allclose(result["outputs"][row], network.forward(inputs).ravel(), rtol=1e-10)
        assert result["loss"][row] == pytest.approx(history.losses[-1], rel=1e-10)
        for stacked, own in zip(result["parameters"], network.parameters()):
            np.testing.assert_allclose(stacked[row].reshape(own.shape), own, rtol=1e-10, atol=1e-14)


def test_scale_multiplies_the_starting_weights():
    plain = unlucky_starts.starting_weights(2, [0, 1])
    scaled = unlucky_starts.starting_weights(2, [0, 1], scale=3.0)
    for a, b in zip(plain, scaled):
        np.testing.assert_allclose(3.0 * a, b)


def test_learned_means_every_answer_within_a_quarter():
    result = unlucky_starts.train_many(2, [0, 6])
    targets = xor()[1].ravel()
    assert list(result["learned"]) == [True, False]
    assert np.all(np.abs(result["outputs"][0] - targets) < 0.25)


def test_more_hidden_neurons_help():
    learned_2, total = unlucky_starts.share_learned(2, range(30))
    learned_4, _ = unlucky_starts.share_learned(4, range(30))
    assert total == 30 and learned_4 == 30 and learned_2 < 30


def test_shares_table_is_markdown():
    shares = {(2, 1.0): unlucky_starts.share_learned(2, range(5)), (2, 0.5): (1, 5),
              (4, 1.0): (5, 5), (4, 0.5): (2, 5)}
    assert unlucky_starts.shares_table(shares).splitlines() == [
        "| starting weights | 2-2-1 network | 2-4-1 network |",
        "| --- | ---: | ---: |",
        "| 0.5 times the usual spread | 1 of 5 | 2 of 5 |",
        f"| the usual spread | {shares[2, 1.0][0]} of 5 | 5 of 5 |",
    ]


def test_uses_the_running_examples_settings_by_default():
    import inspect

    defaults = inspect.signature(unlucky_starts.train_many).parameters
    assert defaults["epochs"].default is running_example.EPOCHS
    assert defaults["learning_rate"].default is running_example.LEARNING_RATE
    result = unlucky_starts.train_many(2, [running_example.SEED], epochs=running_example.EPOCHS)
    _, history = running_example.trained()
    assert result["loss"][0] == pytest.approx(history.losses[-1], rel=1e-10)


@pytest.mark.parametrize(
    "arguments, error, message",
    [
        ({"hidden": 0}, ValueError, "hidden must be a whole number, 1 or more, got 0"),
        ({"hidden": 2.0}, TypeError, "hidden must be a whole number, 1 or more, got 2.0"),
        ({"seeds": []}, ValueError, "seeds is empty"),
        ({"epochs": 0}, ValueError, "epochs must be a whole number, 1 or more, got 0"),
        ({"epochs": "10"}, TypeError, "epochs must be a whole number"),
        ({"learning_rate": 0.0}, ValueError, "learning_rate must be a positive, finite number"),
        ({"learning_rate": float("inf")}, ValueError, "learning_rate must be a positive, finite number, got inf"),
        ({"scale": float("nan")}, ValueError, "scale must be a positive, finite number"),
        ({"scale": "big"}, TypeError, "scale must be a number"),
    ],
)
def test_bad_settings_are_a_clear_error(arguments, error, message):
    with pytest.raises(error, match=message):
        unlucky_starts.train_many(**arguments)
