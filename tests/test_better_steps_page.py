"""docs/real-networks/better-steps.md: what the page claims holds for the results it quotes.

The numbers go into the page at build (snippets/results_better_steps.py, facts()); these
tests check the prose's claims as properties of the results, never by pinning a sentence.
"""

import numpy as np
import pytest

import optimizers
import results_better_steps as results
import results_derivatives
from datasets import two_moons
from network import Network


@pytest.fixture(scope="module")
def facts():
    return results.facts()


def test_the_walks_start_where_chapter_1_s_do():
    assert results.VALLEY_START == results_derivatives.VALLEY_START
    assert dict(results_derivatives.LEARNING_RATES)["too small"] == results.WALKS[0][1] == results.WALKS[1][1]
    assert dict(results_derivatives.LEARNING_RATES)["good"] == results.GOOD_RATE


def test_momentum_and_adam_get_there_in_far_fewer_steps_than_the_crawl(facts):
    plain, momentum, adam = (facts[f"better_steps.{name}_steps"] for name in ("plain", "momentum", "adam"))
    assert momentum < plain / 4 and adam < plain / 4
    # Each walk's figure line reaches the level within the steps it shows.
    assert max(plain, momentum, adam) < results.VALLEY_STEPS


def test_plain_steps_along_the_floor_stay_tiny():
    path, _ = results.walks()["plain"]
    along = np.abs(np.diff(path[:, 0]))
    assert along[50:].max() < 0.02 and along[50:].max() < along[:5].max() * 2


def test_momentum_swings_up_the_far_wall_before_it_settles():
    path, errors = results.walks()["momentum"]
    shown = path[: results.steps_below(errors) + 1]
    assert shown[:, 1].min() < -0.5  # starts at +1.5 on the second knob, swings well below 0
    assert shown[:, 0].max() > 0  # and rolls past the bottom along the first knob
    assert np.any(np.diff(errors[: results.steps_below(errors)]) > 0)  # the error has bumps


def test_momentum_speeds_up_along_the_floor():
    plain, _ = results.walks()["plain"]
    momentum, _ = results.walks()["momentum"]
    assert np.abs(np.diff(momentum[:20, 0])).max() > 5 * np.abs(np.diff(plain[:20, 0])).max()


def test_at_the_good_rate_momentum_is_slower(facts):
    assert facts["better_steps.good_momentum_steps"] > facts["better_steps.good_plain_steps"]
    assert facts["better_steps.good_plain_steps"] < facts["better_steps.momentum_steps"]


def test_adam_first_step_moves_both_knobs_the_same_amount():
    path, _ = results.walks()["adam"]
    first = np.abs(path[1] - path[0])
    assert first == pytest.approx([results.WALKS[2][1]] * 2, rel=1e-6)


def test_a_shallower_valley_slows_plain_steps_but_not_adam(facts):
    shallow = results.shallow_steps()
    assert shallow["plain"][1] > 50 * shallow["plain"][0]
    assert shallow["adam"][1] == shallow["adam"][0] == facts["better_steps.adam_steps"]
    # "the very same path"
    steep, _ = results.valley_walk("adam", 0.1)
    gentle, _ = results.valley_walk("adam", 0.1, scale=1 / results.SHALLOW)
    np.testing.assert_allclose(gentle, steep, atol=1e-6)


def test_the_table_s_claims(facts):
    epochs = results.moons_epochs()
    largest = results.MOONS_RATES[-1]
    assert all(np.isclose(b / a, 10) for a, b in zip(results.MOONS_RATES, results.MOONS_RATES[1:]))
    # Momentum and Adam far ahead of plain steps at the largest rate.
    assert max(epochs["momentum"][largest], epochs["adam"][largest]) < epochs["plain"][largest] / 3
    # Adam is the only one to get there at every rate.
    assert all(n is not None for n in epochs["adam"].values())
    assert any(n is None for n in epochs["plain"].values()) and any(n is None for n in epochs["momentum"].values())
    # Down Adam's column: ten times too small is several times slower.
    column = [epochs["adam"][rate] for rate in results.MOONS_RATES]
    assert all(a > b for a, b in zip(column, column[1:]))
    assert column[-3] > 3 * column[-2]
    assert facts["better_steps.adam_at_smallest"] == column[0] > 20 * column[-1]


def test_far_too_large_a_rate_makes_adam_fail():
    losses = results.adam_too_large()
    assert len(losses) == results.MOONS_EPOCHS + 1 and losses.min() > 4 * results.MOONS_LEVEL


def test_counts_do_not_sit_near_their_thresholds():
    # A nudge of the start far larger than any machine's rounding leaves every count alone.
    inputs, targets = two_moons()
    for name in results.NAMES:
        for rate in results.MOONS_RATES:
            network = results.moons_network()
            for array in network.parameters():
                array += 1e-10
            assert optimizers.steps_to_reach(results.moons_run(name, rate, network),
                                             results.MOONS_LEVEL) == results.moons_epochs()[name][rate]
    for name, rate in results.WALKS + (("plain", results.GOOD_RATE), ("momentum", results.GOOD_RATE)):
        base = results.steps_below(results.valley_walk(name, rate)[1])
        for nudge in ((1e-9, 0), (0, -1e-9)):
            start = np.add(results.VALLEY_START, nudge)
            assert results.steps_below(results.valley_walk(name, rate, start=start)[1]) == base


def test_the_try_it_block_shows_the_figure_s_and_the_table_s_numbers(facts):
    from conftest import DOCS

    text = (DOCS / "real-networks" / "better-steps.md").read_text(encoding="utf-8")
    for name, rate in results.WALKS:
        assert f'("{name}", {rate})' in text
    assert "[2, 16, 16, 1]" in text and results.MOONS_NETWORK["sizes"] == [2, 16, 16, 1]
    assert "make_optimizer(name, 0.1)" in text and 0.1 in results.MOONS_RATES


def test_on_two_moons_each_step_uses_every_example_so_an_epoch_is_one_step():
    # "Here each step uses every example": one step of train() on all the examples equals
    # one hand step from the gradient of the error on all of them.
    inputs, targets = two_moons()
    network = Network([2, 3, 1], ["tanh", "sigmoid"], seed=0)
    by_hand = Network([2, 3, 1], ["tanh", "sigmoid"], seed=0)
    losses = optimizers.train(network, inputs, targets, optimizers.make_optimizer("plain", 0.1), epochs=1)
    assert len(losses) == 2  # before, and after the one step of the one epoch
    _, weight_gradients, _ = by_hand.gradients(inputs, targets, "cross_entropy")
    np.testing.assert_allclose(network.weights[0], by_hand.weights[0] - 0.1 * weight_gradients[0], atol=1e-12)
