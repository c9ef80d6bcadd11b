"""snippets/unlucky_starts.py: many starts trained at once give exactly what train() gives
one at a time."""

import numpy as np
import pytest

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
    table = unlucky_starts.shares_table(hidden_sizes=(2,), scales=(1.0,), seeds=range(5))
    assert table.splitlines() == [
        "| starting weights | 2-2-1 network |",
        "| --- | ---: |",
        f"| the usual spread | {unlucky_starts.share_learned(2, range(5))[0]} of 5 |",
    ]


@pytest.mark.parametrize(
    "arguments, message",
    [
        ({"hidden": 0}, "hidden must be a whole number"),
        ({"seeds": []}, "seeds is empty"),
        ({"epochs": 0}, "epochs must be a whole number"),
        ({"learning_rate": 0.0}, "learning_rate must be a positive number"),
        ({"scale": float("nan")}, "scale must be a positive number"),
        ({"scale": "big"}, "scale must be a number"),
    ],
)
def test_bad_settings_are_a_clear_error(arguments, message):
    with pytest.raises(ValueError, match=message):
        unlucky_starts.train_many(**arguments)
