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


def test_cost_figure_shape_nudging_grows_backprop_stays_low(measured):
    text = page_text("index.md")
    assert "Notice that nudging gets slower in step with the number of knobs. Backpropagation stays at one forward and one backward pass" in text
    assert "The nudging line climbs steeply as the network grows; the backpropagation line stays low and almost flat" in text
    assert "these networks are so small that one forward pass takes about as long at every size" in text
    forwards = [row["forward_seconds"] for row in measured]
    assert max(forwards) < 5 * min(forwards)
    smallest, largest = measured[0], measured[-1]
    assert largest["parameters"] / smallest["parameters"] > 500
    assert largest["nudge_seconds"] > 50 * smallest["nudge_seconds"]
    assert largest["backprop_seconds"] < 20 * smallest["backprop_seconds"]
    assert largest["nudge_seconds"] > 100 * largest["backprop_seconds"]


def test_one_statement_of_the_backward_pass_cost(measured):
    statement = "A backward pass costs about as much as one or two forward passes."
    measured_sentence = ("Measured on this site, a forward and a backward pass together always took "
                         "less time than 5 forward passes.")
    index = page_text("index.md")
    assert statement in index and measured_sentence in index
    assert "its cost grows like the number of knobs times one forward pass" in index
    assert "about the time of one or two extra plays of the song" in index
    backprop = page_text("backpropagation.md")
    assert "## Why a backward pass costs about as much as one or two forward passes" in backprop
    assert "So a backward pass does about as much arithmetic as one or two forward passes." in backprop
    assert "a forward and a backward pass together took less time than five forward passes at every size, from 15 knobs to 10,501" in backprop
    assert "so its cost grows like the number of knobs times one forward pass" in backprop
    # No older, different statements are left.
    for page in (index, backprop):
        for old in ("about twice the arithmetic", "hardly changes", "one extra play of the song",
                    "costs about as much as a forward pass"):
            assert old not in page
    assert figs.BACKPROP_LIMIT == 5
    for row in measured:
        assert row["backprop_seconds"] < 5 * row["forward_seconds"], row


def test_random_directions_section_has_no_numbers():
    text = page_text("index.md")
    start = text.index("## Why not turn all the knobs at random?")
    section = text[start:text.index("## Try it", start)]
    assert not any(character.isdigit() for character in section)
    assert "The derivatives give the best downhill direction in one go." in section


def test_nearly_the_same_slopes():
    text = page_text("index.md")
    assert "Both ways find nearly the same numbers." in text
    assert "A nudge gives an estimate of the slope, and the estimate gets closer as the nudge gets smaller." in text
    assert "A nudge gives an estimate that gets closer as the nudge gets smaller, and nudging both up and down cancels most of what is left." in page_text("backpropagation.md")
    # One-way nudges get closer as they shrink; two-way nudges are closer still.
    network = running_example.make_network()
    inputs, targets = running_example.data()
    _, weight_gradients, _ = network.gradients(inputs, targets)
    exact = weight_gradients[1][1, 0]

    def loss_at(change):
        moved = running_example.make_network()
        moved.weights[1][1, 0] += change
        return moved.loss(inputs, targets)

    base = loss_at(0.0)
    one_way = [abs((loss_at(h) - base) / h - exact) for h in (0.01, 0.001, 0.0001)]
    assert one_way[0] > one_way[1] > one_way[2]
    two_way = abs((loss_at(0.0001) - loss_at(-0.0001)) / 0.0002 - exact)
    assert two_way < one_way[2] / 100


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
    assert ("The star has an error of 0.2563, and the cross, the lowest point on this map, "
            "has 0.2500: the start is already near the valley floor.") in text
    (low_a, low_b), lowest = figs.landscape_lowest()
    assert f"{lowest:.4f}" == "0.2500" and lowest == losses.min()
    assert f"{running_example.make_network().loss(inputs, targets):.4f}" == "0.2563"
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
                   "0.11: the path swings wider and wider off the map and the error climbs to 48,605,140."):
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
    text = page_text("descent.md")
    assert "the last two rates differ by only a little, yet one still gets somewhere and the other explodes" in text
    assert figs._plain_number(heights[0.11][-1]) == "48,605,140"
    # The first and third error charts look alike: both fall at every step and end close together.
    assert "the first and the third error charts look alike, while their paths do not" in text
    for rate in (0.005, 0.099):
        assert np.all(np.diff(heights[rate]) < 0)
    assert 1 < heights[0.099][-1] / heights[0.005][-1] < 2
    # The good rate keeps falling to far below the others (no levelling off within 40 steps).
    assert "| falls fast and keeps falling, far below the others |" in text
    assert heights[0.04][-1] < heights[0.04][-2] and heights[0.04][-1] < heights[0.005][-1] / 100
    assert "| falls, but slowly | creep the same way, step after step |" in text
    assert np.all(np.sign(np.diff(paths[0.005][:, 1])) == -1)  # the second knob creeps one way
    assert "| falls slowly, or goes up on some steps | jump back and forth, from wall to wall |" in text


def test_twice_and_half_as_large_tell_the_rates_apart():
    text = page_text("descent.md")
    assert ("When the rate is too small, twice as large does better. When it is too large, twice as "
            "large explodes and half as large does better.") in text

    def final(rate):
        return descent.valley(descent.descend(descent.valley_slope, [-2.5, 1.5], rate, 40)[-1])

    assert final(0.01) < final(0.005)
    assert final(0.198) > 1e30 and final(0.0495) < final(0.099)


def test_a_good_learning_rate_depends_on_the_problem():
    text = page_text("descent.md")
    assert ("So there is no learning rate that is good for every problem: it depends on the landscape. "
            "The running example learns XOR with a rate of 2, while the wavy-curve network above "
            "explodes at a rate of 1.") in text
    assert running_example.LEARNING_RATE == 2.0
    inputs, targets = running_example.data()
    assert train(running_example.make_network(), inputs, targets, 2.0, 2000).losses[-1] < 0.01
    from datasets import regression_1d

    wavy_inputs, wavy_targets = regression_1d()
    history = train(Network([1, 8, 1], ["tanh", "identity"], seed=0), wavy_inputs, wavy_targets, 1.0, 200)
    assert history.diverged


def test_running_example_gets_stuck_with_a_huge_rate():
    text = page_text("descent.md")
    assert ("With a far too large rate it gets stuck instead: with a rate of 1,000, the first steps "
            "push every sigmoid onto one of its flat ends, where its slope is almost zero.") in text
    assert "the error jumps to 0.5000 and stays there for all 2,000 steps" in text
    assert "(../reference/snippets.md#trainingpy)" in raw("descent.md")
    inputs, targets = running_example.data()
    network = running_example.make_network()
    history = train(network, inputs, targets, 1000.0, 2000)
    assert len(history.losses) == 2001 and {f"{loss:.4f}" for loss in history.losses[1:]} == {"0.5000"}
    _, weight_gradients, bias_gradients = network.gradients(inputs, targets)
    assert max(np.abs(g).max() for g in weight_gradients + bias_gradients) < 1e-6


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
    assert page.index(walkthrough.starting_weights_table(step)) < page.index(walkthrough.hidden_forward_table(step))
    for table in (walkthrough.starting_weights_table(step), walkthrough.hidden_forward_table(step), walkthrough.output_forward_table(step),
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
    assert "so this slope is twice the gap, divided by 4" in text and len(step["inputs"]) == 4
    assert "turn 3 into 3.01 and 9 grows by about 0.06, twice 3 times 0.01" in text
    assert f"{3.01 ** 2 - 9:.2f}" == "0.06" and 2 * 3 * 0.01 == pytest.approx(0.06)
    from activations import sigmoid, sigmoid_slope

    assert "Its slope at an output a is a × (1 − a), so it is steepest, 0.25, when a is 0.5" in text
    z = np.linspace(-8, 8, 1601)
    slopes = sigmoid_slope(z)
    assert slopes.max() == pytest.approx(0.25) and sigmoid(z[np.argmax(slopes)]) == pytest.approx(0.5)
    assert np.allclose(slopes, sigmoid(z) * (1 - sigmoid(z)))
    assert "(../activations/sigmoid.md)" in raw("chain-rule.md")
    assert "the shares it gets from each of them are added up" in text
    assert "turning the weight up by 1 moves the neuron's sum by exactly the number that came into its line" in text
    assert "minus the learning rate (2) times its slope" in text
    assert "After this one step the error is 0.2524, down from 0.2563." in text
    assert f"{step['loss_after']:.4f}" == "0.2524"
    assert "Training repeats this step 2,000 times, and then the network has learned XOR" in text
    assert running_example.EPOCHS == 2000
    assert "Each guess is now close to its answer." in text
    inputs, targets = running_example.data()
    network = running_example.make_network()
    train(network, inputs, targets, running_example.LEARNING_RATE, running_example.EPOCHS)
    assert np.all(np.abs(network.forward(inputs) - targets) < 0.05)
    assert "(../index.md#meet-the-running-example)" in raw("chain-rule.md")


def test_chain_rule_figure_blames(step):
    text = page_text("chain-rule.md")
    assert "Each neuron is labelled with its blame: 0.0379 at out, 0.0083 at h1, 0.0063 at h2." in text
    out, h1, h2 = (step["blames"][1][:, 0].sum(), step["blames"][0][:, 0].sum(), step["blames"][0][:, 1].sum())
    assert [f"{b:.4f}" for b in (out, h1, h2)] == ["0.0379", "0.0083", "0.0063"]
    assert "the hidden neurons get less blame than the output" in text
    assert "The rule of step 3 below works one example at a time, so these totals do not multiply out exactly" in text
    w1 = step["weights"][1][0, 0]
    h1_slope_first = step["outputs"][0][0, 0] * (1 - step["outputs"][0][0, 0])
    assert f"{out * w1 * h1_slope_first:.4f}" != f"{h1:.4f}"
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
    assert "at 10,501 knobs, that is 10,502 forward passes" in text
    assert "stays under 5 forward passes at every size, while nudging costs at least one forward pass per knob" in text
    assert "The nudging line climbs steeply, to over ten thousand forward passes." in text
    assert "The backpropagation line stays low, below a dotted line at 5 forward passes." in text
    knobs, nudging, backprop = figs.cost_in_forward_passes()
    assert nudging[-1] > 10000 and nudging[-1] > 100 * nudging[0]
    assert max(backprop) < 5
    assert all(n > 0.8 * (k + 1) for k, n in zip(knobs, nudging))
    for row in measured:
        assert row["backprop_seconds"] < 5 * row["forward_seconds"], row
    assert [row["nudge_passes"] for row in measured] == [row["parameters"] + 1 for row in measured]
