"""docs/real-networks/choosing-the-error.md: what the page claims holds for the results it quotes.

The numbers go into the page at build (snippets/results_choosing_the_error.py, facts()); these
tests check each claim of the prose ("accuracy is flat almost everywhere", "squared error
barely blames a sure wrong answer", "the naive form overflows") as a property of the results.
"""

import math
import re
import sys

import numpy as np
import pytest

import results_choosing_the_error as results
import results_derivatives
import results_loop
import running_example
from linear_limits import accuracy
from softmax import softmax

from conftest import DOCS, ROOT

sys.path.insert(0, str(ROOT / "hooks"))
import fill_in  # noqa: E402

PAGE = DOCS / "real-networks" / "choosing-the-error.md"


@pytest.fixture(scope="module")
def facts():
    return results.facts()


def test_the_page_turns_the_same_weight_as_the_slope_page():
    assert results.WEIGHT == results_derivatives.ONE_WEIGHT
    assert results.WEIGHT_RANGE == results_derivatives.ONE_WEIGHT_RANGE


# --- accuracy cannot be the error ---------------------------------------------------------------


def test_at_the_start_the_network_says_yes_to_all_four_and_half_are_right(facts):
    inputs, targets = running_example.data()
    outputs = running_example.make_network().forward(inputs)
    assert (outputs > 0.5).all() and targets.mean() == 0.5
    assert facts["choosing_the_error.start_accuracy"] == 0.5
    # Far from 0.5, so the count of right answers is the same on every machine.
    assert np.abs(outputs - 0.5).min() > 0.05


def test_accuracy_changes_only_at_the_jumps_and_is_flat_almost_everywhere(facts):
    edges, levels = results.accuracy_steps()
    assert facts["choosing_the_error.jumps"] == len(edges) - 2 == 4
    assert np.all(levels[1:] != levels[:-1]), "every edge inside the range is a real jump"
    assert facts["choosing_the_error.share_flat"] > 0.99
    # The alt text: two thin spikes near 0, one down to 25% and one up to 75%.
    assert levels.tolist() == [0.5, 0.25, 0.5, 0.75, 0.5]
    assert np.all(np.abs(edges[1:-1]) < 0.3) and np.diff(edges)[[1, 3]].max() < 0.05
    # The exact steps agree with accuracy measured on a fine grid, away from the jumps.
    inputs, targets = running_example.data()
    for value in np.linspace(*results.WEIGHT_RANGE, 1201):
        if np.min(np.abs(edges - value)) < 1e-6:
            continue
        step = levels[np.searchsorted(edges, value) - 1]
        assert accuracy(results._with_weight(value), inputs, targets) == step
    # Each jump is a cliff: just either side of it, accuracy differs.
    for jump in edges[1:-1]:
        left, right = (accuracy(results._with_weight(jump + d), inputs, targets) for d in (-1e-9, 1e-9))
        assert left != right


def test_the_start_sits_on_a_flat_stretch_wider_than_a_nudge():
    edges, _ = results.accuracy_steps()
    assert np.min(np.abs(edges - results.start_value())) > 10 * results.NUDGE


def test_a_nudge_moves_every_knob_s_error_and_no_knob_s_accuracy(facts):
    knobs = sum(array.size for array in running_example.make_network().parameters())
    assert facts["choosing_the_error.knobs_accuracy_notices"] == 0
    assert facts["choosing_the_error.knobs_mse_notices"] == knobs
    assert results.knobs_each_measure_notices()["cross_entropy"] == knobs


def test_both_errors_are_smooth_valleys_and_say_turn_the_weight_down(facts):
    values, curves = results.error_curves()
    start = results.start_value()
    for loss, curve in curves.items():
        # Smooth: no step between neighbouring points is large next to the curve's range.
        assert np.abs(np.diff(curve)).max() < 0.02 * np.ptp(curve)
        lowest = results.lowest_points()[loss]
        assert abs(lowest) < 1.0 < start - lowest + 1.0  # lowest near 0, the start to its right
        falling = values < lowest
        assert np.all(np.diff(curve[falling]) < 0) and np.all(np.diff(curve[~falling]) > 0)
    assert facts["choosing_the_error.mse_slope"] > 0 and facts["choosing_the_error.cross_entropy_slope"] > 0
    assert facts["choosing_the_error.mse_slope"] == pytest.approx(
        results_derivatives.facts()["slope.at_start"], rel=1e-12
    )


# --- squared error or cross-entropy ------------------------------------------------------------------


def test_squared_error_barely_blames_a_sure_wrong_answer_and_cross_entropy_does(facts):
    mse, ce = facts["choosing_the_error.mse_blame"], facts["choosing_the_error.cross_entropy_blame"]
    assert -0.05 < mse < 0 and ce < -0.9  # both say "raise the sum"
    assert ce / mse == pytest.approx(results_loop.blame_ratio(), rel=1e-12)
    assert results_loop.SURE_AND_WRONG == results.SURE_AND_WRONG


def test_the_blame_figure_the_surer_the_wrong_guess_the_less_squared_error_blames():
    guesses, blames = results.blame_curves()
    left = guesses < 1 / 3
    assert np.all(np.diff(-blames["mse"][left]) > 0), "squared error's blame grows as the guess leaves 0"
    np.testing.assert_allclose(blames["cross_entropy"], guesses - 1)
    assert np.all(-blames["cross_entropy"] > -blames["mse"])
    # The dip is lowest near one third, as the alt text says.
    assert abs(guesses[np.argmin(blames["mse"])] - 1 / 3) < 0.01


def test_cross_entropy_learns_xor_in_about_half_the_steps():
    with_ce, _ = results_loop.steps_to_learn("cross_entropy")
    with_mse, _ = results_loop.steps_to_learn("mse")
    assert 0.4 < with_ce / with_mse < 0.6


# --- softmax ------------------------------------------------------------------------------------------


def test_softmax_example(facts):
    chances = [facts[f"choosing_the_error.{name}_chance"] for name in results.CLASSES]
    assert sum(chances) == pytest.approx(1.0) and chances == sorted(chances, reverse=True)
    assert facts["choosing_the_error.dog_cost"] == pytest.approx(-math.log(facts["choosing_the_error.dog_chance"]))
    assert facts["choosing_the_error.dog_blame"] == pytest.approx(facts["choosing_the_error.dog_chance"] - 1)
    example = results.softmax_example()
    np.testing.assert_allclose(example["slope"][[0, 2]], example["chances"][[0, 2]])  # cat and bird
    assert np.isnan(example["naive_large"]).all()
    np.testing.assert_allclose(example["stable_large"], example["chances"], rtol=1e-12)


def test_e_to_the_overflow_power_is_infinity_and_one_less_is_not(facts):
    power = facts["choosing_the_error.overflow_power"]
    with np.errstate(over="ignore"):
        assert np.isinf(np.exp(float(power))) and np.isfinite(np.exp(float(power - 1)))
    assert results.SHIFT > power  # adding SHIFT does overflow


def test_the_try_it_block_shows_what_the_prose_says():
    text = PAGE.read_text(encoding="utf-8")
    (block,) = re.findall(r"^```python\n(.*?)\n```$", text, re.M | re.S)
    printed = fill_in.run_block(block, "real-networks/choosing-the-error.md").splitlines()
    nudges = [line for line in printed if line.startswith("nudge")]
    assert len(nudges) == 5 and all("accuracy 50%" in line for line in nudges)
    errors = [float(line.rsplit(" ", 1)[1]) for line in nudges]
    assert len(set(errors)) == len(errors), "the error moves with every nudge"
    chances = next(line for line in printed if line.startswith("chances"))
    assert "nan" in next(line for line in printed if line.startswith("naive"))
    stable = next(line for line in printed if line.startswith("stable"))
    assert stable.split(":")[1].strip() == chances.split(":")[1].strip()
    assert np.round(softmax(np.array(results.SCORES)), 3).tolist() == [
        float(x) for x in chances.split("[")[1].rstrip("]").split()
    ]
