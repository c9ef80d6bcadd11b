"""docs/real-networks/memorising.md: what the page claims holds for the results it quotes.

The numbers go into the page at build (snippets/results_memorising.py, facts()); these
tests check the prose's claims ("the training error keeps falling", "the held-out error
turns back up", "with more data the two curves stay close") as properties of the results.
"""

import re
import sys

import numpy as np
import pytest

import results_memorising as results

from conftest import DOCS, ROOT

sys.path.insert(0, str(ROOT / "hooks"))
import fill_in  # noqa: E402


@pytest.fixture(scope="module")
def facts():
    return results.facts()


def test_the_network_has_far_more_knobs_than_training_points(facts):
    assert facts["memorising.knobs"] > 10 * facts["memorising.training_points"]


def test_both_errors_fall_at_first(facts):
    watched, _ = results.few()
    best = list(watched.epochs).index(watched.best_epoch)
    assert 0 < best
    assert np.all(np.diff(watched.training_errors[: best + 1]) < 0)
    assert np.all(np.diff(watched.held_out_errors[: best + 1]) < 0)
    assert facts["memorising.best_held_out_error"] < 0.6 * facts["memorising.start_error"]


def test_after_the_turn_training_falls_and_held_out_climbs(facts):
    watched, _ = results.few()
    best = list(watched.epochs).index(watched.best_epoch)
    assert np.all(np.diff(watched.training_errors) < 0)  # falls all the way
    assert np.all(np.diff(watched.held_out_errors[best:]) > 0)  # climbs all the way back
    # A clear turn, early in the run, not a near tie.
    assert watched.best_epoch < results.EPOCHS / 5
    assert facts["memorising.end_held_out_error"] > 1.5 * facts["memorising.best_held_out_error"]
    assert facts["memorising.end_training_error"] < 0.25 * facts["memorising.best_training_error"]


def test_the_turn_is_not_a_knife_edge():
    # Nudging every starting weight leaves the best epoch where it is, and the neighbours
    # of the lowest point are clearly higher (far above rounding noise).
    watched, _ = results.few()
    assert results.watched(results.FEW_POINTS, nudge=1e-12)[0].best_epoch == watched.best_epoch
    best = list(watched.epochs).index(watched.best_epoch)
    lowest = watched.held_out_errors[best]
    assert min(watched.held_out_errors[best - 1], watched.held_out_errors[best + 1]) - lowest > 1e-6


def test_the_turn_is_not_a_lucky_start():
    # Other starting weights, same data: the held-out error turns up early each time.
    for seed in (1, 2, 3):
        watched, _ = results.watched(results.FEW_POINTS, network_seed=seed)
        assert watched.best_epoch < results.EPOCHS / 5
        assert watched.held_out_errors[-1] > 1.4 * watched.held_out_errors.min()


def test_same_points_right_but_more_sure_and_wrong(facts):
    assert facts["memorising.best_held_out_right"] == facts["memorising.end_held_out_right"]
    assert facts["memorising.end_sure_and_wrong"] > facts["memorising.best_sure_and_wrong"]
    # The counts do not sit on the edge of "sure": no held-out answer is within 0.005 of it.
    watched, end_network = results.few()
    _, _, held_x, _ = results.data(results.FEW_POINTS)
    for network in (watched.best_network, end_network):
        outputs = network.forward(held_x)[:, 0]
        for edge in (results.SURE, 1 - results.SURE, 0.5):
            assert np.min(np.abs(outputs - edge)) > 0.005


def test_more_data_keeps_the_two_curves_close(facts):
    watched, _ = results.more()
    gap = np.abs(watched.held_out_errors - watched.training_errors)
    few_gap = facts["memorising.end_held_out_error"] - facts["memorising.end_training_error"]
    assert np.all(gap[1:] < 0.1 * few_gap)  # close all the way (after the start)
    assert watched.best_epoch == results.EPOCHS  # still falling at the end
    assert watched.held_out_errors[-1] < watched.held_out_errors[-2]
    assert results.MORE_POINTS == 10 * facts["memorising.points"]


def test_try_it_block_prints_the_pages_run(facts):
    text = (DOCS / "real-networks" / "memorising.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)\n```$", text, re.M | re.S)
    assert len(blocks) == 1
    printed = fill_in.run_block(blocks[0], "memorising.md")
    assert f"lowest held-out error at epoch {facts['memorising.best_epoch']}" in printed
    assert f"{results.EPOCHS:5}  {facts['memorising.end_training_error']:8.2f}  " in printed
