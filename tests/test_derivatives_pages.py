"""Chapter 1 (docs/derivatives/): every number in the prose, tables, alt text and captions
agrees with the reference implementation.

Each test pins a sentence of a page to the computation behind it. Timing claims are checked
only as robust patterns (with wide margins), never as exact times.
"""

import numpy as np
import pytest

import cost
import descent
import figures_derivatives as figs
import running_example
import walkthrough
from conftest import DOCS
from gradient_check import gradient_check, numerical_gradients, relative_error
from network import Network
from training import train


def raw(name):
    return (DOCS / "derivatives" / name).read_text(encoding="utf-8")


def page_text(name):
    return " ".join(raw(name).split())


@pytest.fixture(scope="module")
def step():
    return walkthrough.one_step()


@pytest.fixture(scope="module")
def measured():
    return cost.measure()


@pytest.fixture(scope="module")
def curve():
    return figs.one_weight_curve()


def n_parameters(network):
    return sum(array.size for array in network.parameters())


# --- index.md: learning is lowering an error; guess and check is hopeless ------------------


def test_index_error_and_knob_count(step):
    text = page_text("index.md")
    assert "Here the error is 0.2563. A perfect network would score 0." in text
    assert f"{step['loss']:.4f}" == "0.2563"
    assert "Every guess is close to 0.5" in text
    assert np.all(np.abs(step["outputs"][1] - 0.5) < 0.1)
    assert "The running example has 9 knobs: 6 weights and 3 biases." in text
    network = running_example.make_network()
    assert n_parameters(network) == 9
    assert sum(w.size for w in network.weights) == 6 and sum(b.size for b in network.biases) == 3


def test_index_counts_table_is_the_code_s(step):
    assert cost.counts_table() in raw("index.md")


def test_index_width_30_count():
    assert "Change the width from 10 to 30 and the nudging count jumps to 1,052" in page_text("index.md")
    assert cost.count_parameters(cost.network_of_width(30)) + 1 == 1052
    assert cost.count_parameters(cost.network_of_width(10)) == 151


def test_cost_figure_shape_nudging_grows_backprop_hardly_changes(measured):
    text = page_text("index.md")
    assert "nudging gets slower in step with the number of knobs, while backpropagation hardly changes" in text
    assert "The nudging line climbs steeply as the network grows; the backpropagation line stays almost flat" in text
    smallest, largest = measured[0], measured[-1]
    assert largest["parameters"] / smallest["parameters"] > 500
    assert largest["nudge_seconds"] > 50 * smallest["nudge_seconds"]
    assert largest["backprop_seconds"] < 20 * smallest["backprop_seconds"]
    assert largest["nudge_seconds"] > 100 * largest["backprop_seconds"]


# --- slope.md: the slope under your feet; partial derivatives -----------------------------


def test_slope_page_tangent_slopes(curve):
    text = page_text("slope.md")
    values, losses, tangents = curve
    assert [f"{slope:+.3f}" for _, _, slope in tangents] == ["-0.044", "+0.021", "+0.041"]
    assert "labelled with slopes -0.044 on the left, +0.021 near the bottom, and +0.041 on the right" in text
    assert "On the left, the slope is −0.044." in text
    assert "Where the weight starts, the slope is +0.021." in text
    assert "On the right, the slope is +0.041: steeper, so each small turn matters about twice as much." in text
    assert 1.8 < tangents[2][2] / tangents[1][2] < 2.2
    # The middle tangent is where the weight starts.
    assert tangents[1][0] == running_example.make_network().weights[1][1, 0]
    assert "Turn this one weight from −6 to 6" in text and figs.ONE_WEIGHT_RANGE == (-6.0, 6.0)
    assert "The curve is a valley with its bottom near zero." in text
    assert abs(values[np.argmin(losses)]) < 1.0
    assert losses[0] > losses.min() + 0.1 and losses[-1] > losses.min() + 0.1


def test_slope_page_nudge_experiment(step):
    text = page_text("slope.md")
    slope = step["weight_gradients"][1][1, 0]
    assert "The slope here is 0.02137, so a nudge of 0.01 should raise the error by about 0.000214" in text
    assert f"{slope:.5f}" == "0.02137" and f"{slope * 0.01:.6f}" == "0.000214"
    inputs, targets = running_example.data()

    def change(nudge):
        network = running_example.make_network()
        network.weights[1][1, 0] += nudge
        return network.loss(inputs, targets) - step["loss"]

    assert "agree to within about 1%" in text
    for nudge in (0.01, -0.01):
        assert abs(change(nudge) - slope * nudge) < 0.01 * abs(slope * nudge)
    assert "Turn the knob up by 1 and the error rises by 0.036, not the 0.021 the slope promised." in text
    assert f"{change(1.0):.3f}" == "0.036" and f"{slope:.3f}" == "0.021"
    assert "Turn it down by 3 and the slope promised a lower error, but the error went *up*" in raw("slope.md").replace("\n", " ")
    assert slope * -3.0 < 0 < change(-3.0)


def test_slope_page_gradient_has_nine_positive_slopes(step):
    text = page_text("slope.md")
    assert "The running example has 9 knobs, so its gradient is a list of 9 slopes." in text
    gradient = np.concatenate([g.ravel() for pair in zip(step["weight_gradients"], step["bias_gradients"])
                               for g in pair])
    assert gradient.size == 9
    assert "Every slope is positive" in text and np.all(gradient > 0)
    assert "The largest one, 0.0379, belongs to the bias of the output neuron" in text
    assert np.argmax(gradient) == 8 and f"{gradient.max():.4f}" == "0.0379"


def test_landscape_figure_claims():
    text = page_text("slope.md")
    grid, losses, arrow_grid, gradients, start = figs.landscape()
    assert "A star marks where the running example starts, close to the valley floor." in text
    inputs, targets = running_example.data()
    assert running_example.make_network().loss(inputs, targets) - losses.min() < 0.01
    assert "The lines run diagonally, with a long low valley from the upper left to the lower right." in text
    # For each setting of the second weight (a row), the lowest error is low, and it sits further
    # left as the second weight rises: a valley running from the upper left to the lower right.
    # (Checked on the middle rows; near the bottom edge the valley leaves the map on the right.)
    rows = np.abs(grid) <= 4
    row_lowest = losses[rows].min(axis=1)
    where_lowest = grid[losses[rows].argmin(axis=1)]
    assert np.all(row_lowest < losses.min() + 0.03) and np.all(losses[rows].max(axis=1) > losses.min() + 0.15)
    assert np.all(np.diff(where_lowest) <= 0) and where_lowest[0] - where_lowest[-1] > 4
    assert "shrink to dots far out, where the ground is almost flat" in text
    lengths = np.hypot(gradients[..., 0], gradients[..., 1])
    assert lengths[0, 0] < 0.02 * lengths.max() and lengths[-1, -1] < 0.02 * lengths.max()


# --- descent.md: gradient descent and the learning rate ------------------------------------


def test_descent_learning_rates_in_figure_and_prose():
    text = page_text("descent.md")
    assert [rate for _, rate in figs.LEARNING_RATES] == [0.005, 0.04, 0.099, 0.11]
    assert figs.VALLEY_STEPS == 40 and "walk 40 steps with four learning rates" in text
    assert "a long, narrow valley, ten times steeper across than along" in text
    assert descent.valley([0.0, 1.0]) / descent.valley([1.0, 0.0]) == pytest.approx(10.0)
    assert "with its learning rate of 2" in text and running_example.LEARNING_RATE == 2.0
    for phrase in ("Learning rate 0.005: the path creeps and the error falls slowly.",
                   "0.04: the path drops to the valley floor and runs along it, and the error falls steadily.",
                   "0.099: the path zig-zags from wall to wall and the error falls slowly.",
                   "0.11: the path swings wider and wider off the map and the error climbs."):
        assert phrase in text


def test_descent_each_panel_does_what_the_page_says():
    paths = figs.valley_paths()
    heights = {rate: descent.valley(path.T) for rate, path in paths.items()}
    start = heights[0.04][0]
    # too small: still well above the floor; good: near the floor.
    assert heights[0.005][-1] > 1.0 and heights[0.04][-1] < 0.01
    assert np.all(np.diff(heights[0.04]) < 0)
    # too large: the second knob flips sign at every step (zig-zag) and the error falls slowly.
    assert np.all(np.sign(paths[0.099][1:, 1]) == -np.sign(paths[0.099][:-1, 1]))
    assert heights[0.099][-1] > 1.0 and heights[0.099][-1] < start
    # far too large: the swings grow and the error climbs past where it started.
    assert np.all(np.abs(paths[0.11][1:, 1]) > np.abs(paths[0.11][:-1, 1]))
    assert heights[0.11][-1] > 1000 * start
    assert "the last two rates differ by only a little, yet one still gets somewhere and the other explodes" in page_text("descent.md")


def test_descent_explosion_threshold_in_the_math_block():
    assert r"When \(\eta > 0.1\), the factor \(1 - 20\eta\) is below \(-1\)" in page_text("descent.md")
    for rate, explodes in ((0.1001, True), (0.0999, False)):
        path = descent.descend(descent.valley_slope, [0.0, 1.0], rate, 200)
        assert (abs(path[-1, 1]) > 1.0) == explodes


def test_running_example_cannot_explode():
    text = page_text("descent.md")
    assert "its output neuron is a sigmoid, which keeps every guess between 0 and 1, so its error stays small" in text
    inputs, targets = running_example.data()
    history = train(running_example.make_network(), inputs, targets, 1000.0, 200)
    assert not history.diverged and history.losses.max() <= 1.0


def test_never_emptied_store_ends_above_its_start():
    text = page_text("descent.md")
    assert "after 30 steps her error is higher than where she started" in text
    wrong = np.array([-2.5, 1.5])
    start = descent.valley(wrong)
    store = np.zeros(2)
    for _ in range(30):
        store += descent.valley_slope(wrong)
        wrong = wrong - 0.04 * store
    assert descent.valley(wrong) > start


# --- chain-rule.md: the walk-through -------------------------------------------------------


def test_chain_rule_tables_are_the_code_s(step):
    page = raw("chain-rule.md")
    for table in (walkthrough.hidden_forward_table(step), walkthrough.output_forward_table(step),
                  walkthrough.output_blame_table(step),
                  walkthrough.hidden_blame_table(step), walkthrough.update_table(step)):
        assert table in page
    assert walkthrough.weight_gradient_sum(step) in page


def test_chain_rule_worked_numbers(step):
    text = page_text("chain-rule.md")
    assert "The error is the average of the last column: 0.2563." in text
    assert "For the first row: 0.2816 × 0.2460 = 0.06928." in text
    guess = step["outputs"][1][0, 0]
    assert f"{2 * guess / 4:.4f}" == "0.2816" and f"{guess * (1 - guess):.4f}" == "0.2460"
    assert f"{step['blames'][1][0, 0]:.5f}" == "0.06928"
    assert "For h1 in the first row: 0.06928 × 0.9221 × 0.2412 = 0.01541." in text
    h1 = step["outputs"][0][0, 0]
    assert f"{step['weights'][1][0, 0]:.4f}" == "0.9221" and f"{h1 * (1 - h1):.4f}" == "0.2412"
    assert f"{step['blames'][0][0, 0]:.5f}" == "0.01541"
    assert "divided by the 4 examples" in text and len(step["inputs"]) == 4
    assert "minus the learning rate (2) times its slope" in text
    assert "After this one step the error is 0.2524, down from 0.2563." in text
    assert f"{step['loss_after']:.4f}" == "0.2524"
    assert "Training repeats this step 2,000 times." in text and running_example.EPOCHS == 2000


def test_chain_rule_figure_blames(step):
    text = page_text("chain-rule.md")
    assert "Each neuron is labelled with its blame: 0.0379 at out, 0.0083 at h1, 0.0063 at h2." in text
    out, h1, h2 = (step["blames"][1][:, 0].sum(), step["blames"][0][:, 0].sum(), step["blames"][0][:, 1].sum())
    assert [f"{b:.4f}" for b in (out, h1, h2)] == ["0.0379", "0.0083", "0.0063"]
    assert "the hidden neurons get less blame than the output" in text
    assert abs(h1) < abs(out) and abs(h2) < abs(out)
    assert np.all(np.abs(step["blames"][0]) < np.abs(step["blames"][1]))
    # The summed blame at a neuron is its bias's gradient.
    assert out == pytest.approx(step["bias_gradients"][1][0])


# --- backpropagation.md: the check, the name, the cost --------------------------------------


def test_backprop_check_table_is_the_code_s(step):
    page = raw("backpropagation.md")
    assert walkthrough.check_table(step) in page
    text = page_text("backpropagation.md")
    assert "the two ways agree to better than one part in a billion" in text
    assert "For every weight and every bias it is below one in a billion." in text
    inputs, targets = running_example.data()
    assert gradient_check(running_example.make_network(), inputs, targets) < 1e-9


def test_backprop_a_bug_shows_up_as_one_percent_or_more():
    from activations import sigmoid, sigmoid_slope

    assert "such as a slope applied to the wrong number or a forgotten bias, shows up as a difference of 1% or more" in page_text("backpropagation.md")
    inputs, targets = running_example.data()
    wrong_slope = running_example.make_network()
    wrong_slope._activation_functions[-1] = (sigmoid, lambda z, value=None: sigmoid_slope(sigmoid(z)))
    assert gradient_check(wrong_slope, inputs, targets) >= 0.01
    network = running_example.make_network()
    _, numerical_biases = numerical_gradients(network, inputs, targets)
    forgotten = [np.zeros_like(b) for b in numerical_biases]
    assert min(float(np.min(relative_error(f, n))) for f, n in zip(forgotten, numerical_biases)) >= 0.01


def test_backprop_caption_and_cost_claims(measured):
    text = page_text("backpropagation.md")
    largest = cost.count_parameters(cost.network_of_width(cost.WIDTHS[-1]))
    smallest = cost.count_parameters(cost.network_of_width(cost.WIDTHS[0]))
    assert (smallest, largest) == (15, 10501)
    assert "at 10,501 knobs, nudging needs 10,502 forward passes, while backpropagation needs one pass each way" in text
    assert "the backward pass took less time than five forward passes at every size, from 15 knobs to 10,501" in text
    for row in measured:
        assert row["backprop_seconds"] < 5 * row["forward_seconds"], row
    assert [row["nudge_passes"] for row in measured] == [row["parameters"] + 1 for row in measured]
