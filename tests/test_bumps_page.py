"""docs/real-networks/bumps.md: what the page claims holds for the results it quotes.

The numbers go into the page at build (snippets/results_bumps.py, facts()), so these tests do
not pin sentences: each checks a claim of the prose ("more bumps, smaller error", "4 trained
neurons beat 20 bumps") as a property of the named results.
"""

import re
import sys

import numpy as np
import pytest

import bumps
import results_bumps as results

from conftest import DOCS, ROOT

sys.path.insert(0, str(ROOT / "hooks"))
import fill_in  # noqa: E402

PAGE = DOCS / "real-networks" / "bumps.md"


@pytest.fixture(scope="module")
def facts():
    return results.facts()


def test_one_bump_is_flat_then_a_plateau_then_flat(facts):
    centre, width, height = (results.ONE_BUMP[key] for key in ("centre", "width", "height"))
    assert bumps.bump(centre, centre, width, height) == pytest.approx(height, rel=0.02)
    assert abs(bumps.bump(centre - 2 * width, centre, width, height)) < 1e-3
    assert abs(bumps.bump(centre + 2 * width, centre, width, height)) < 1e-3
    # The chart shows it inside the stretch the page names.
    assert facts["bumps.start"] < centre - width / 2 < centre + width / 2 < facts["bumps.stop"]


def test_each_bump_is_as_tall_as_the_curve_at_its_centre():
    for n_bumps, (network, _) in results.by_hand().items():
        centres, _ = bumps.bump_centres(n_bumps)
        heights = network.weights[1][::2, 0]
        np.testing.assert_allclose(heights, bumps.target_curve(centres))
        np.testing.assert_allclose(network.weights[1][1::2, 0], -heights)


def test_the_sum_of_bumps_is_a_network_that_gives_the_same_numbers():
    x = np.linspace(-1, 4, 101).reshape(-1, 1)
    for n_bumps, (network, _) in results.by_hand().items():
        assert network.sizes == [1, 2 * n_bumps, 1]
        np.testing.assert_allclose(network.forward(x), bumps.sum_of_bumps(x, bumps.target_curve, n_bumps),
                                   atol=1e-12)


def test_more_bumps_smaller_error_hundreds_of_times_smaller(facts):
    assert facts["bumps.few_error"] > facts["bumps.some_error"] > facts["bumps.many_error"]
    assert 100 <= facts["bumps.few_error"] / facts["bumps.many_error"] < 1000
    assert facts["bumps.few_neurons"] == 2 * facts["bumps.few"]
    assert facts["bumps.some_neurons"] == 2 * facts["bumps.some"]
    assert facts["bumps.many_neurons"] == 2 * facts["bumps.many"]


def test_two_bumps_make_a_single_smooth_step_that_misses_every_wiggle(facts):
    network, _ = results.by_hand()[facts["bumps.few"]]
    x = np.linspace(facts["bumps.start"], facts["bumps.stop"], 301).reshape(-1, 1)
    # The curve is 0 at the left end, so the left bump has no height.
    assert bumps.target_curve(facts["bumps.start"]) == 0
    np.testing.assert_array_equal(network.weights[1][:2, 0], 0.0)
    # What is left only rises, with no staircase in it (one soft step), while the curve dips.
    output = network.forward(x)[:, 0]
    assert np.all(np.diff(output) > 0)
    assert np.all(np.diff(np.diff(output[x[:, 0] < 1.5])) > 0)
    assert np.all(np.diff(np.diff(output[x[:, 0] > 1.5])) < 0)
    assert np.any(np.diff(bumps.target_curve(x[:, 0])) < 0)


def test_keep_adding_bumps_and_the_error_keeps_falling(facts):
    counts = [facts["bumps.many"], 40, 80, 160]
    errors = [bumps.curve_error(bumps.bumps_network(bumps.target_curve, n).forward) for n in counts]
    assert all(later < earlier for earlier, later in zip(errors, errors[1:]))
    assert errors[-1] < facts["bumps.many_error"] / 20


def test_where_two_bumps_touch_two_neurons_do_the_work_of_one():
    x = np.linspace(-1, 4, 101).reshape(-1, 1)
    for network, _ in results.by_hand().values():
        weights, biases = network.weights[0][0], network.biases[0]
        # Neuron 2k + 1 (bump k's second step up) and neuron 2k + 2 (bump k + 1's first step
        # up) switch at the same input with the same steepness ...
        np.testing.assert_allclose(weights[1:-1:2], weights[2::2])
        np.testing.assert_allclose(biases[1:-1:2], biases[2::2])
        # ... so dropping the first of each pair and giving the second both output weights
        # changes nothing.
        output = network.forward(x)[:, 0]
        hidden, outputs = network.layer_outputs[0], network.weights[1][:, 0].copy()
        outputs[2::2] += outputs[1:-1:2]
        outputs[1:-1:2] = 0.0
        np.testing.assert_allclose(hidden @ outputs + network.biases[1][0], output, atol=1e-12)


def test_the_trained_network_beats_many_hand_made_bumps_with_few_neurons(facts):
    network, history, error = results.trained()
    assert network.sizes == [1, facts["bumps.hidden"], 1]
    assert facts["bumps.hidden"] == facts["bumps.few_neurons"] < facts["bumps.many_neurons"]
    assert error == facts["bumps.trained_error"] < facts["bumps.many_error"]
    assert facts["bumps.knobs_trained"] == 3 * facts["bumps.hidden"] + 1
    assert not history.diverged and len(history.losses) == facts["bumps.epochs"] + 1
    # "about N times worse", N rounded to one significant figure.
    ratio = facts["bumps.few_error"] / error
    assert facts["bumps.times_better"] == results.one_significant_figure(ratio)
    assert abs(ratio / facts["bumps.times_better"] - 1) < 0.2
    # It passes through the training examples (the error on them is as small).
    assert history.losses[-1] < 2 * error


def test_the_trained_neurons_make_single_s_curves_some_gentle_some_steep():
    network, _, _ = results.trained()
    x, parts, bias, output = results.trained_parts()
    np.testing.assert_allclose(parts.sum(axis=1) + bias, output)
    for part in parts.T:  # each part only rises or only falls: one S-curve, not a bump
        steps = np.diff(part)
        assert np.all(steps >= 0) or np.all(steps <= 0)
    steepness = np.abs(network.weights[0][0])
    assert steepness.max() > 2 * steepness.min()
    # A steep neuron makes a big change; a gentle one a long slow slope.
    changes = np.abs(parts[-1] - parts[0])
    assert changes[np.argmax(steepness)] > 1.0


def test_neither_network_knows_the_curve_outside_the_stretch(facts):
    assert facts["bumps.far_input"] > facts["bumps.stop"]
    assert abs(facts["bumps.far_trained"] - facts["bumps.far_curve"]) > 1.0
    assert abs(facts["bumps.far_bumps"] - facts["bumps.far_curve"]) > 1.0
    assert f"{facts['bumps.far_bumps']:.0f}" == "0"


def test_the_try_it_block_prints_the_page_s_numbers(facts):
    text = PAGE.read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)\n```$", text, re.M | re.S)
    assert len(blocks) == 1
    printed = fill_in.run_block(blocks[0], "real-networks/bumps.md")
    assert f"by hand, 4 hidden neurons: error {facts['bumps.few_error']:.2g}\n" in printed
    assert f"trained, 4 hidden neurons: error {facts['bumps.trained_error']:.2g}\n" in printed + "\n"
    assert facts["bumps.few"] == 2 and facts["bumps.hidden"] == facts["bumps.few_neurons"] == 4
    assert "the network gives the sum of the bumps: True" in printed
