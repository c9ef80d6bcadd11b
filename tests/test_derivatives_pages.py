"""Chapter 1 (docs/derivatives/): what the pages claim holds for the results they quote.

The numbers themselves go into the pages at build (snippets/results_derivatives.py, facts()),
so these tests do not pin sentences: each checks a claim of the prose ("the error went up",
"a backward pass costs less than two forward passes", "the smaller rate ends higher") as a
property of the named results. What the pages say about cost is counted (forward passes,
multiply-adds), never timed, so every check is exact on every machine.
"""

import numpy as np
import pytest
from conftest import DOCS

import cost
import descent
import results_derivatives as results
import running_example
import walkthrough
from activations import sigmoid, sigmoid_slope
from datasets import two_moons
from gradient_check import gradient_check, numerical_gradients, relative_error
from losses import mean_squared_error
from results_widgets import walk_regimes, walk_shrink


@pytest.fixture(scope="module")
def facts():
    return results.facts()


@pytest.fixture(scope="module")
def step():
    return results.step()


def flat_gradient(step):
    """The nine slopes in the order of network.parameters() (the slope page's Try it)."""
    return np.concatenate([g.ravel() for pair in zip(step["weight_gradients"], step["bias_gradients"])
                           for g in pair])


def loss_with_weight(layer, row, column, change):
    """The running example's error with one weight turned by `change`."""
    network = running_example.make_network()
    network.weights[layer][row, column] += change
    return network.loss(*running_example.data())


# --- index.md: learning is lowering an error; guess and check is hopeless ------------------


def test_untrained_guesses_sit_near_a_half_and_miss_every_answer(step):
    # "Every guess is close to 0.5, so the network is wrong on all four rows."
    guesses, targets = step["outputs"][1][:, 0], step["targets"][:, 0]
    assert np.all(np.abs(guesses - 0.5) < 0.1)
    assert np.all(np.abs(guesses - targets) > 0.4)


def test_the_error_is_the_average_squared_gap_and_zero_when_perfect(step):
    guesses, targets = step["outputs"][1], step["targets"]
    assert step["loss"] == pytest.approx(np.mean((guesses - targets) ** 2), rel=1e-12)
    assert mean_squared_error(targets, targets) == 0.0


def test_the_knobs_are_the_weights_and_the_biases(facts):
    network = running_example.make_network()
    assert facts["derivatives.weights"] == sum(w.size for w in network.weights) > 0
    assert facts["derivatives.biases"] == sum(b.size for b in network.biases) > 0
    assert facts["derivatives.weights"] + facts["derivatives.biases"] == cost.count_parameters(network)


def test_one_extra_forward_pass_tells_which_way_to_turn_a_knob(step):
    # The guess-and-check block turns the weight h2 -> out up by 0.01 and sees the error rise:
    # the same way its slope says.
    change = loss_with_weight(1, 1, 0, 0.01) - step["loss"]
    assert change > 0 and np.sign(change) == np.sign(step["weight_gradients"][1][1, 0])


def test_each_row_of_the_table_is_a_wider_two_hidden_layer_sigmoid_network():
    rows = results.cost_rows()
    widths = [row["width"] for row in rows]
    assert widths == sorted(set(widths))
    for row in rows:
        network = cost.network_of_width(row["width"])
        assert network.sizes == [2, row["width"], row["width"], 1]
        assert set(network.activation_names) == {"sigmoid"}
        assert row["nudge_passes"] == row["parameters"] + 1  # one per knob, plus one before any nudge


def test_a_backward_pass_costs_less_than_two_forward_passes_and_grows_in_step():
    rows = results.cost_rows()
    for row in rows:
        assert row["forward_multiply_adds"] < row["backward_multiply_adds"] < 2 * row["forward_multiply_adds"]
    for earlier, later in zip(rows, rows[1:]):
        assert later["forward_multiply_adds"] > earlier["forward_multiply_adds"]
        assert later["backward_multiply_adds"] > earlier["backward_multiply_adds"]


def test_nudging_climbs_much_faster_than_backpropagation(facts):
    # The cost figure: both lines climb, nudging much more steeply (one more pass per knob).
    rows = results.cost_rows()
    ratios = [row["nudge_multiply_adds"] / row["backprop_multiply_adds"] for row in rows]
    assert all(later > earlier for earlier, later in zip(ratios, ratios[1:]))
    assert all(later["backprop_multiply_adds"] > earlier["backprop_multiply_adds"]
               for earlier, later in zip(rows, rows[1:]))
    assert facts["derivatives.nudge_over_backprop"] == ratios[-1] > 1000
    assert facts["derivatives.largest_knobs"] == rows[-1]["parameters"] > 10_000  # "ten thousand knobs"


def test_both_ways_find_nearly_the_same_slopes():
    # The caption, and the Try it: the slopes agree to within 0.00001 at every size.
    inputs, targets = two_moons(results.cost_rows()[0]["examples"], seed=0)
    for width in cost.WIDTHS[:-1]:
        network = cost.network_of_width(width)
        nudged, passes = cost.nudge_every_parameter(network, inputs, targets)
        exact, forwards, backwards = cost.backprop_every_parameter(network, inputs, targets)
        assert passes == cost.count_parameters(network) + 1 and (forwards, backwards) == (1, 1)
        assert np.abs(nudged - exact).max() < 1e-5


def test_a_wider_network_needs_more_nudging_passes_but_one_pass_each_way(facts):
    inputs, targets = two_moons(16, seed=0)
    network = cost.network_of_width(facts["derivatives.other_width"])
    _, passes = cost.nudge_every_parameter(network, inputs, targets)
    _, forwards, backwards = cost.backprop_every_parameter(network, inputs, targets)
    assert passes == facts["derivatives.other_width_passes"] > cost.count_parameters(cost.network_of_width(10)) + 1
    assert (forwards, backwards) == (1, 1)


def test_one_way_nudges_get_closer_as_they_shrink_and_two_way_nudges_closer_still(step):
    exact = step["weight_gradients"][1][1, 0]
    one_way = [abs((loss_with_weight(1, 1, 0, h) - step["loss"]) / h - exact) for h in (0.01, 0.001, 0.0001)]
    assert one_way[0] > one_way[1] > one_way[2]
    two_way = abs((loss_with_weight(1, 1, 0, 1e-4) - loss_with_weight(1, 1, 0, -1e-4)) / 2e-4 - exact)
    assert two_way < one_way[2] / 100


def test_random_directions_go_downhill_half_the_time_and_gain_a_little_under_one_over_root_n(facts):
    directions = results.random_directions()
    n = directions["knobs"]
    assert n == facts["derivatives.largest_knobs"] and directions["tried"] == facts["derivatives.random_tried"]
    assert 0.45 < directions["downhill_share"] < 0.55
    # the average fall of the downhill ones, as a share of the steepest: sqrt(2 / (pi N)), of the order 1/sqrt(N)
    assert directions["gain"] == pytest.approx(np.sqrt(2 / (np.pi * n)), rel=0.05)
    assert 0.5 < directions["gain"] * np.sqrt(n) < 1.0
    assert facts["derivatives.one_over_root_knobs"] == pytest.approx(1 / np.sqrt(n))
    # "about four fifths of one over the square root of the number of knobs, as chance predicts":
    # chance (a random direction among N) gives sqrt(2 / (pi N)), and sqrt(2 / pi) is 0.798
    assert directions["gain"] / facts["derivatives.one_over_root_knobs"] == pytest.approx(4 / 5, abs=0.03)
    assert np.sqrt(2 / np.pi) == pytest.approx(4 / 5, abs=0.005)
    # the shown digits are not on a rounding edge
    assert abs(directions["downhill_share"] * 100 % 1 - 0.5) > 0.05
    assert abs(directions["gain"] * 1e4 % 1 - 0.5) > 0.05


# --- slope.md: the slope under your feet; partial derivatives -----------------------------


def test_the_two_knob_floor_is_the_error_of_answering_a_half_everywhere(facts):
    assert results.half_everywhere() == 0.25 == facts["slope.half_everywhere"]
    _, lowest = results.landscape_lowest()
    assert 0 <= lowest - results.half_everywhere() < 0.001


def test_the_straight_path_from_the_start_to_the_trained_knobs(facts):
    fractions, errors = results.straight_path()
    network, history = running_example.trained()
    assert (fractions[0], fractions[-1]) == (0.0, 1.0)
    assert errors[0] == pytest.approx(history.losses[0], rel=1e-12)
    assert errors[-1] == pytest.approx(network.loss(*running_example.data()), rel=1e-9)
    # rises a little first, stays at or above the plateau for the first part of the way, then falls to the real floor
    assert errors[0] < errors.max() == facts["slope.path_highest"] < errors[0] + 0.02
    share = facts["slope.path_above_half"]
    assert 0 < share < 0.5 and np.all(errors[fractions < share] >= results.half_everywhere())
    assert np.all(np.diff(errors[fractions >= share]) < 0) and errors[-1] < 0.01




def test_the_error_against_one_weight_is_a_valley_with_its_bottom_near_a_weight_of_zero(facts):
    values, losses, _ = results.one_weight_curve()
    assert (values[0], values[-1]) == results.ONE_WEIGHT_RANGE
    assert abs(values[np.argmin(losses)]) < 1.0
    # the alt text: the bottom is "an error of about 0.25" and "never gets near an error of 0"
    assert facts["slope.one_weight_lowest"] == losses.min() and round(losses.min(), 2) == 0.25
    assert losses.min() > 0.2
    assert losses[0] > losses.min() + 0.1 and losses[-1] > losses.min() + 0.1


def test_the_three_slopes_drawn(step, facts):
    _, _, tangents = results.one_weight_curve()
    (left, _, left_slope), (start, _, start_slope), (right, _, right_slope) = tangents
    # The middle point is where the weight starts, and its slope is the one backpropagation gives.
    assert left < start < right and start == running_example.make_network().weights[1][1, 0]
    assert start_slope == pytest.approx(step["weight_gradients"][1][1, 0], rel=1e-12)
    # Negative on the left (turn up to go down), positive at the start and on the right.
    assert left_slope < 0 < start_slope < right_slope
    # "It is fairly flat here": the flattest of the three. "About twice as much" on the right.
    assert abs(start_slope) < abs(left_slope) and 1.8 < right_slope / start_slope < 2.2
    assert (facts["slope.left"], facts["slope.at_start"], facts["slope.right"]) == (left_slope, start_slope,
                                                                                     right_slope)


def test_a_small_nudge_agrees_with_the_slope_and_a_large_turn_does_not():
    experiment = results.nudge_experiment()
    for nudge in (0.01, -0.01):  # "agree to within about 1%"
        predicted, measured = experiment[nudge]
        assert abs(measured - predicted) < 0.015 * abs(predicted)
        assert abs(measured - predicted) > 0.001 * abs(predicted)  # about 1%, not far less
    predicted, measured = experiment[1.0]  # rises by clearly more than the slope promised
    assert measured > 1.5 * predicted > 0
    predicted, measured = experiment[-3.0]  # promised lower, went up: past the bottom
    assert predicted < 0 < measured


def test_the_gradient_has_one_positive_slope_per_knob_the_largest_at_the_output_bias(step, facts):
    gradient = flat_gradient(step)
    assert gradient.size == cost.count_parameters(running_example.make_network())
    assert np.all(gradient > 0)  # "Every slope is positive"
    names = walkthrough.parameter_names()
    largest = walkthrough._flat(step, "weight_gradients", "bias_gradients").argmax()
    assert names[largest] == "bias of out" and facts["slope.largest"] == gradient.max()


def test_measured_partial_derivatives_match_the_reported_ones(step):
    # The slope page's Try it: nudge one weight by 0.0001, the others held still.
    for row in (0, 1):
        measured = (loss_with_weight(1, row, 0, 1e-4) - step["loss"]) / 1e-4
        assert measured == pytest.approx(step["weight_gradients"][1][row, 0], abs=5e-5)


def test_the_landscape_of_two_weights(facts):
    grid, losses, arrow_grid, gradients, start = results.landscape()
    # "A star marks where the running example starts, close to the valley floor."
    inputs, targets = running_example.data()
    start_error = running_example.make_network().loss(inputs, targets)
    assert start_error - losses.min() < 0.01 and start_error > losses.min()
    # The cross is the lowest point of the map.
    (low_a, low_b), lowest = results.landscape_lowest()
    assert lowest == losses.min() == facts["slope.landscape_lowest"] and low_a in grid and low_b in grid
    # "The lines run diagonally, with a long low valley from the upper left to the lower right":
    # for each setting of the second weight (a row), the lowest error is low, and it sits further
    # left as the second weight rises. (Checked on the middle rows; near the bottom edge the
    # valley leaves the map on the right.)
    rows = np.abs(grid) <= 4
    row_lowest = losses[rows].min(axis=1)
    where_lowest = grid[losses[rows].argmin(axis=1)]
    assert np.all(row_lowest < losses.min() + 0.03) and np.all(losses[rows].max(axis=1) > losses.min() + 0.15)
    assert np.all(np.diff(where_lowest) <= 0) and where_lowest[0] - where_lowest[-1] > 4
    # "The arrows ... shrink to dots far out, where the ground is almost flat."
    lengths = np.hypot(gradients[..., 0], gradients[..., 1])
    assert lengths[0, 0] < 0.02 * lengths.max() and lengths[-1, -1] < 0.02 * lengths.max()


# --- descent.md: gradient descent and the learning rate ------------------------------------


def test_subtracting_the_gradient_lowers_the_error_and_adding_raises_it(step):
    after = results.first_step_both_signs()
    assert after["subtract"] < step["loss"] < after["add"]
    assert after["subtract"] == pytest.approx(step["loss_after"], rel=1e-12)


def test_the_valley_is_ten_times_steeper_across_than_along():
    assert descent.valley([0.0, 1.0]) / descent.valley([1.0, 0.0]) == pytest.approx(10.0)


def test_each_panel_does_what_the_page_says():
    assert [label for label, _ in results.LEARNING_RATES] == ["too small", "good", "too large", "far too large"]
    (_, small), (_, good), (_, large), (_, far) = results.LEARNING_RATES
    paths = results.valley_paths()
    heights = {rate: descent.valley(path.T) for rate, path in paths.items()}
    start = heights[good][0]
    # too small: creeps one way, still well above the floor; good: falls at every step, near the floor.
    assert heights[small][-1] > 1.0 and np.all(np.sign(np.diff(paths[small][:, 1])) == -1)
    assert heights[good][-1] < 0.01 and np.all(np.diff(heights[good]) < 0)
    # good: "overshoots [the floor] by a little": y changes sign, and each swing is under a quarter of the last.
    assert np.sign(paths[good][1, 1]) == -np.sign(paths[good][0, 1])
    assert np.all(np.abs(paths[good][1:, 1]) < np.abs(paths[good][:-1, 1]) / 4)
    # too large: the second knob flips sign at every step (zig-zag) and the error falls slowly.
    assert np.all(np.sign(paths[large][1:, 1]) == -np.sign(paths[large][:-1, 1]))
    assert 1.0 < heights[large][-1] < start
    # far too large: the swings grow and the error climbs far past where it started.
    assert np.all(np.abs(paths[far][1:, 1]) > np.abs(paths[far][:-1, 1]))
    assert heights[far][-1] > 1000 * start
    # "the last two rates differ by only a little, yet one still gets somewhere and the other explodes"
    assert far - large < 0.2 * large
    # "the first and the third error charts look alike": both fall at every step, ending close together.
    for rate in (small, large):
        assert np.all(np.diff(heights[rate]) < 0)
    assert 1 < heights[large][-1] / heights[small][-1] < 2
    # The good rate keeps falling to far below the others.
    assert heights[good][-1] < heights[good][-2] and heights[good][-1] < heights[small][-1] / 100


def test_twice_and_half_as_large_tell_the_rates_apart():
    (_, small), _, (_, large), _ = results.LEARNING_RATES

    def final(rate):
        return descent.valley(descent.descend(descent.valley_slope, list(results.VALLEY_START), rate,
                                              results.VALLEY_STEPS)[-1])

    assert final(2 * small) < final(small)  # too small: twice as large does better
    assert final(2 * large) > 1e30 and final(large / 2) < final(large)  # too large: twice explodes


def test_the_wavy_curve_network_with_three_rates():
    runs = results.regression_runs()
    slow, faster, explodes = results.REGRESSION_RATES
    assert slow < faster < explodes
    for rate in (slow, faster):  # falls; the larger rate further in the same number of steps
        assert not runs[rate].diverged and len(runs[rate].losses) == results.REGRESSION_EPOCHS + 1
        assert runs[rate].losses[-1] < runs[rate].losses[0]
    assert runs[faster].losses[-1] < runs[slow].losses[-1]
    # reaches infinity, and training stops
    assert runs[explodes].diverged and len(runs[explodes].losses) < results.REGRESSION_EPOCHS + 1
    assert not np.isfinite(runs[explodes].losses[-1])


def test_a_good_learning_rate_depends_on_the_problem():
    # The running example learns XOR with its rate, larger than the one the wavy network explodes at.
    _, history = running_example.trained()
    assert history.losses[-1] < 0.01
    explodes = results.REGRESSION_RATES[-1]
    assert results.regression_runs()[explodes].diverged and running_example.LEARNING_RATE > explodes


def test_the_running_example_gets_stuck_with_a_huge_rate(facts):
    network, history = results.stuck_run()
    # it cannot explode: a sigmoid keeps every guess between 0 and 1
    assert not history.diverged and history.losses.max() <= 1.0
    # "the error jumps to X and stays there for all the steps"
    assert len(history.losses) == running_example.EPOCHS + 1
    assert np.all(np.abs(history.losses[1:] - facts["descent.stuck_error"]) < 1e-5)
    assert abs(history.losses[1] - history.losses[0]) > 0.1
    # the sigmoids sit on their flat ends: the slopes are almost zero
    inputs, targets = running_example.data()
    _, weight_gradients, bias_gradients = network.gradients(inputs, targets)
    assert max(np.abs(g).max() for g in weight_gradients + bias_gradients) < 1e-6


def test_the_classic_sigmoid_slope_bug_flips_and_enlarges_the_step_and_blows_up():
    # "its faulty slope is negative, and its size grows without limit, so it both flips and
    # enlarges each step": a(1 - a) applied to the sum z gives z(1 - z).
    from results_activations import bug_runs  # the sigmoid page's run, which descent.md links

    z = np.array([2.0, 5.0, 10.0, -2.0, -5.0, -10.0])
    faulty = sigmoid_slope(z, value=z)  # the output's place taken by the sum
    assert np.all(faulty < 0) and np.all(sigmoid_slope(z) > 0)
    assert np.all(np.diff(np.abs(faulty[:3])) > 0) and np.all(np.diff(np.abs(faulty[3:])) > 0)
    assert abs(sigmoid_slope(1e6, value=1e6)) > 1e11
    # "and then it does blow up"
    assert bug_runs()["bug"].diverged


def test_with_a_good_rate_the_running_example_barely_falls_for_the_flat_stretch():
    from results_home import flat_start_and_drop  # the home page's count, which descent.md quotes
    _, history = running_example.trained()
    flat, _ = flat_start_and_drop()
    losses = history.losses
    assert flat >= 300 and history.losses[-1] < 0.01  # a good rate: it learns, after a long flat start
    assert losses[0] - losses[flat - 1] < 0.1 * (losses[0] - losses[-1])  # less than a tenth of its whole fall


def test_the_explosion_threshold_in_the_math_block():
    # "When eta > 0.1, the factor 1 - 20 eta is below -1"
    for rate, explodes in ((0.1001, True), (0.0999, False)):
        path = descent.descend(descent.valley_slope, [0.0, 1.0], rate, 200)
        assert (abs(path[-1, 1]) > 1.0) == explodes


def test_a_store_never_emptied_never_settles():
    errors = results.never_emptied_store()
    above = errors[1:] > errors[0]
    assert len(errors) == results.STORE_STEPS + 1 and results.facts()["descent.store_times_above"] == above.sum()
    assert above.sum() >= 3 and above[-10:].any()  # "again and again": still climbing back late in the walk
    assert np.min(np.abs(errors[1:] - errors[0])) > 0.1  # no count hangs on the last digits
    assert np.any(np.diff(errors) < 0) and np.any(np.diff(errors) > 0)  # it overshoots and swings back
    # ... while the walker who feels only the slope under her feet, with the same rate, gets far lower.
    assert descent.valley(results.valley_paths()[results.LEARNING_RATES[1][1]][results.STORE_STEPS]) < errors[0] / 100


# --- chain-rule.md: the walk-through -------------------------------------------------------


def test_the_example_followed_all_the_way_multiplies_out(step, facts):
    one = results.one_example()
    k = walkthrough.example_index(step)
    assert tuple(step["inputs"][k]) == walkthrough.EXAMPLE == (1, 0)
    guess, target = one["guess"], one["target"]
    # blame at out: twice the gap, divided by the number of examples, times the sigmoid's slope
    assert one["blame_out"] == pytest.approx(2 * (guess - target) / len(step["inputs"]) * guess * (1 - guess),
                                             rel=1e-12)
    for j, name in enumerate(("h1", "h2")):  # one more link, one more factor
        h = one[name]
        assert one[f"blame_{name}"] == pytest.approx(one["blame_out"] * step["weights"][1][j, 0] * h * (1 - h),
                                                     rel=1e-12)
    assert facts["chain_rule.one_blame_out"] == one["blame_out"] == step["blames"][1][k, 0]


def test_the_chain_rule_adds_over_the_two_paths_from_x1(step, facts):
    paths, total = walkthrough.paths_to_input(step)
    assert total == pytest.approx(sum(paths), rel=1e-12) and len(paths) == 2
    assert paths[0] < 0 < paths[1]  # the page shows the second with its sign: the paths partly cancel
    # The sum is the slope of the error with the input x1 of the example (1, 0): nudge it and see.
    k = walkthrough.example_index(step)
    inputs, targets = running_example.data()
    network = running_example.make_network()

    def error_with_x1(change):
        nudged = inputs.copy()
        nudged[k, 0] += change
        return network.loss(nudged, targets)

    measured = (error_with_x1(1e-5) - error_with_x1(-1e-5)) / 2e-5
    assert measured == pytest.approx(total, rel=1e-6)
    assert (facts["chain_rule.path_h1"], facts["chain_rule.path_h2"], facts["chain_rule.path_total"]) == (
        paths[0], paths[1], total)
    # "here only the inputs feed two neurons": each input feeds both hidden neurons, and each
    # hidden neuron feeds the output alone, so no knob's change reaches the error by two paths.
    first, second = network.weights
    assert first.shape == (2, 2) and second.shape == (2, 1)


def test_the_sigmoid_slope_is_a_times_one_minus_a_steepest_at_a_half():
    z = np.linspace(-8, 8, 1601)
    slopes = sigmoid_slope(z)
    assert slopes.max() == pytest.approx(0.25) and sigmoid(z[np.argmax(slopes)]) == pytest.approx(0.5)
    assert np.allclose(slopes, sigmoid(z) * (1 - sigmoid(z)))
    assert slopes[0] < 0.001 and slopes[-1] < 0.001  # nearly flat near 0 and 1


def test_the_blame_is_positive_where_the_guess_is_too_high(step):
    gaps = step["outputs"][1][:, 0] - step["targets"][:, 0]
    assert np.all(np.sign(step["blames"][1][:, 0]) == np.sign(gaps))


def test_the_blame_shrinks_as_it_passes_back(step):
    # The figure's example, and every other: the blame at h1 and h2 is smaller than at out,
    # since each step back multiplies it by a weight below 1 and a sigmoid slope of at most 0.25.
    assert np.all(np.abs(step["blames"][0]) < np.abs(step["blames"][1]))
    assert np.all(np.abs(step["weights"][1]) < 1)
    hidden = step["outputs"][0]
    assert np.all(hidden * (1 - hidden) <= 0.25)


def test_the_blames_do_not_add_up_to_the_error_and_can_be_negative(step):
    blames = np.concatenate([b.ravel() for b in step["blames"]])
    assert np.any(blames < 0) and abs(blames.sum() - step["loss"]) > 0.1


def test_the_output_bias_after_one_step_is_the_codes_value(step, facts):
    before, gradient = step["biases"][1][0], step["bias_gradients"][1][0]
    assert facts["chain_rule.out_bias_after"] == before - running_example.LEARNING_RATE * gradient
    last_row = walkthrough.update_table(step).splitlines()[-1]
    assert last_row.startswith("| bias of out") and last_row.endswith(f"| {facts['chain_rule.out_bias_after']:.4f} |")


def test_a_row_of_the_update_table_is_at_most_one_off_in_its_last_digit(step):
    for line in walkthrough.update_table(step).splitlines()[2:]:
        value, _, change, after = (float(cell) for cell in line.strip("|").split("|")[1:])
        assert abs(value + change - after) <= 1.0001e-4


def test_turning_a_weight_up_by_1_moves_its_neurons_sum_by_its_input(step):
    network = running_example.make_network()
    network.weights[0][0, 0] += 1.0  # x1 -> h1
    network.forward(step["inputs"])
    assert network.sums[0][:, 0] - step["sums"][0][:, 0] == pytest.approx(step["inputs"][:, 0], abs=1e-12)


def test_a_weight_slope_is_its_input_times_the_blame_added_up(step):
    hidden_outputs, blame_out = step["outputs"][0][:, 0], step["blames"][1][:, 0]
    assert hidden_outputs @ blame_out == pytest.approx(step["weight_gradients"][1][0, 0], rel=1e-12)
    assert step["inputs"][:, 0] @ step["blames"][0][:, 0] == pytest.approx(step["weight_gradients"][0][0, 0],
                                                                           rel=1e-12)


def test_each_neuron_has_one_blame_per_example(step):
    assert [b.shape for b in step["blames"]] == [(4, 2), (4, 1)]


def test_every_knob_moves_and_one_step_lowers_the_error(step, facts):
    assert np.all(flat_gradient(step) != 0)
    assert step["loss_after"] < step["loss"] and facts["chain_rule.error_after_step"] == step["loss_after"]


def test_after_training_each_guess_is_close_to_its_answer():
    network, _ = running_example.trained()
    inputs, targets = running_example.data()
    assert np.all(np.abs(network.forward(inputs) - targets) < 0.05)


# --- backpropagation.md: the check, the name, the cost --------------------------------------


def test_the_check_agrees_to_better_than_one_part_in_a_billion_with_room_to_spare(step):
    inputs, targets = running_example.data()
    largest = gradient_check(running_example.make_network(), inputs, targets)
    # Far enough below the threshold the page shows that no CPU's rounding can cross it.
    assert walkthrough.SHOWN_BELOW == 1e-9 and largest < walkthrough.SHOWN_BELOW / 3


def test_the_check_tables_digits_are_not_rounding_noise(step):
    # The table shows each gradient and its estimate to 8 decimals: each must sit far from a
    # rounding boundary, compared with how far the two ways differ.
    numerical_weights, numerical_biases = numerical_gradients(running_example.make_network(), step["inputs"],
                                                              step["targets"])
    numerical = walkthrough._flat({"w": numerical_weights, "b": numerical_biases}, "w", "b")
    analytic = walkthrough._flat(step, "weight_gradients", "bias_gradients")
    for a, n in zip(analytic, numerical):
        for value in (a, n):
            to_boundary = abs((value * 1e8) % 1 - 0.5) * 1e-8
            assert to_boundary > 100 * abs(a - n) + 1e-12


def test_the_relative_error_is_the_gap_over_the_two_sizes_added_together():
    # "the size of the gap between the two columns, divided by their two sizes added together
    # (a size: the square root of the sum of the squares)", as the classic-bugs page says it
    inputs, targets = running_example.data()
    network = running_example.make_network()
    numerical_weights, numerical_biases = numerical_gradients(network, inputs, targets)
    _, weights, biases = network.gradients(inputs, targets)
    for analytic, numerical in zip(weights + biases, numerical_weights + numerical_biases):
        def size(array):
            return np.sqrt(np.sum(np.square(array)))
        by_the_words = size(analytic - numerical) / (size(analytic) + size(numerical))
        assert relative_error(analytic, numerical) == pytest.approx(by_the_words, rel=1e-9, abs=1e-300)


def test_the_check_is_much_closer_than_a_one_way_nudge(step):
    predicted, measured = results.nudge_experiment()[0.01]
    one_way = abs(measured - predicted) / abs(predicted)  # the slope page's "about 1%"
    assert one_way > 1e6 * walkthrough.SHOWN_BELOW


def test_a_bug_shows_up_as_one_percent_or_more():
    inputs, targets = running_example.data()
    wrong_slope = running_example.make_network()  # the sigmoid's slope applied to the wrong number
    wrong_slope._activation_functions[-1] = (sigmoid, lambda z, value=None: sigmoid_slope(sigmoid(z)))
    assert gradient_check(wrong_slope, inputs, targets) >= 0.01
    network = running_example.make_network()  # a forgotten bias: its gradient left at zero
    _, numerical_biases = numerical_gradients(network, inputs, targets)
    forgotten = [np.zeros_like(b) for b in numerical_biases]
    assert min(relative_error(f, n) for f, n in zip(forgotten, numerical_biases)) >= 0.01


def test_backpropagation_stays_just_under_the_bound_while_nudging_climbs(facts):
    knobs, nudging, backprop = results.cost_in_forward_passes()
    bound = facts["backpropagation.passes_bound"]
    assert all(bound - 0.5 < passes < bound for passes in backprop)  # low, flat, just below the line
    assert facts["backpropagation.least_in_passes"] == min(backprop)
    assert facts["backpropagation.most_in_passes"] == max(backprop)
    assert nudging == [k + 1 for k in knobs]  # one forward pass per knob, plus one
    assert facts["derivatives.largest_nudge_passes"] == nudging[-1] > 10_000
    assert facts["derivatives.smallest_knobs"] == knobs[0] and facts["derivatives.largest_knobs"] == knobs[-1]


def test_the_real_price_is_memory_every_layers_sums_and_outputs(facts):
    network = cost.network_of_width(cost.WIDTHS[-1])
    inputs, _ = two_moons(cost.N_EXAMPLES, seed=0)
    network.forward(inputs)
    kept = sum(array.size for array in network.sums + network.layer_outputs)
    assert facts["backpropagation.kept_numbers"] == kept == cost.numbers_kept(network, cost.N_EXAMPLES)


# --- descent.md: the code blocks and the math box say what the figure and the widget use -----


def descent_page():
    return (DOCS / "derivatives" / "descent.md").read_text(encoding="utf-8")


def test_the_descent_code_blocks_walk_the_figures_rates_start_and_steps():
    page = descent_page()
    (_, small), (_, good), (_, large), (_, far) = results.LEARNING_RATES
    start = f"[{results.VALLEY_START[0]}, {results.VALLEY_START[1]}]"
    assert f"for learning_rate in ({small}, {good}, {large}, {far}):" in page
    assert f"for learning_rate in ({small}, {large}):" in page
    assert page.count(f"descend(valley_slope, {start}, learning_rate, steps={results.VALLEY_STEPS})") == 1
    assert page.count(f"descend(valley_slope, {start}, tried, steps={results.VALLEY_STEPS})") == 1
    assert f"after {results.VALLEY_STEPS} steps" in page


def test_the_math_box_edges_are_the_widgets_regimes_and_one_eleventh_is_fastest():
    page = descent_page()
    # "Twice the rate shrinks that factor while eta < 1/21 ..., half the rate ... once eta > 2/21"
    assert r"\(\eta < 1/21\)" in page and r"\(\eta > 2/21\)" in page and r"\(\eta = 1/11\)" in page
    assert [low for _, low in walk_regimes()][1:3] == [1 / 21, 2 / 21]
    rates = np.linspace(0.001, 0.1, 99_001)
    fastest = rates[np.argmin([walk_shrink(rate) for rate in rates])]
    assert fastest == pytest.approx(1 / 11, abs=1e-6)
