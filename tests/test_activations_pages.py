"""Chapter 2 (docs/activations/): what the pages claim holds for the results they quote.

The numbers themselves go into the pages at build (snippets/results_activations.py, facts()),
so these tests do not pin sentences: each checks a claim of the prose ("the extra layers
bought nothing", "the blame fades faster through sigmoids", "a sigmoid output cannot pass 1")
as a property of the named results.
"""

import math
import re
import sys

import numpy as np
import pytest

import figures_activations as figures
import results_activations as results
import running_example
import vanishing
from activations import relu_slope, sigmoid, sigmoid_slope, tanh_slope
from datasets import regression_1d, two_moons, xor
from gradient_check import gradient_check
from linear_limits import accuracy, merge_linear_layers
from losses import cross_entropy
from network import Network
from training import train

from conftest import DOCS, ROOT

sys.path.insert(0, str(ROOT / "hooks"))
import fill_in  # noqa: E402


@pytest.fixture(scope="module")
def facts():
    return results.facts()


def printed_by_block(page, containing):
    """What the page's one ```python block that contains `containing` prints, run as the build
    runs it."""
    text = (DOCS / "activations" / page).read_text(encoding="utf-8")
    blocks = [code for code in re.findall(r"^```python\n(.*?)\n```$", text, re.M | re.S) if containing in code]
    assert len(blocks) == 1, f"{page}: expected one block with {containing!r}, found {len(blocks)}"
    return fill_in.run_block(blocks[0], page)


# --- index.md: depth without an activation buys nothing ----------------------------------


def test_index_extra_layers_without_a_bend_buy_nothing():
    one_layer, deep = results.moons_models()["one layer"], results.moons_models()["three layers, no bend between"]
    assert len(deep[0].sizes) - 1 == 3 and len(one_layer[0].sizes) - 1 == 1
    assert deep[1] == one_layer[1] < 1.0  # the same score, and not every point
    # The trained three-layer network really is one layer in disguise: its merge gives the
    # same outputs everywhere on the map, so its border is a straight line.
    merged = merge_linear_layers(deep[0])
    grid = np.random.default_rng(0).uniform(-2, 3, size=(500, 2))
    np.testing.assert_allclose(merged.forward(grid), deep[0].forward(grid), atol=1e-12)


def test_index_merge_refuses_a_hidden_sigmoid_and_says_which_layer():
    with pytest.raises(ValueError, match="layer 0 uses 'sigmoid'"):
        merge_linear_layers(Network([2, 8, 8, 1], ["sigmoid", "identity", "sigmoid"], seed=0))


def test_index_a_bend_only_at_the_end_keeps_the_border_straight():
    # The one-layer network's sigmoid output is above 0.5 exactly where its sum is above 0:
    # one side of a straight line.
    network, _ = results.moons_models()["one layer"]
    grid = np.random.default_rng(1).uniform(-2, 3, size=(2000, 2))
    sums = grid @ network.weights[0] + network.biases[0]
    assert ((network.forward(grid) > 0.5) == (sums > 0)).all()


# --- straight-lines.md: XOR and two moons ----------------------------------------------------


def test_straight_lines_no_line_gets_all_four_xor_points(facts):
    inputs, targets = xor()
    # A dense sweep of directions and offsets does no better than the random lines...
    angles = np.linspace(0, 2 * np.pi, 721)
    offsets = np.linspace(-2, 2, 401)
    directions = np.stack([np.cos(angles), np.sin(angles)])
    sides = (inputs @ directions)[:, :, None] + offsets[None, None, :] > 0
    best = (sides == (targets[:, :, None] == 1)).sum(axis=0).max()
    assert best == facts["straight_lines.best_line"] == len(targets) - 1
    # ...and the line the figure draws gets that many right.
    (w1, w2), b, right = results.best_random_line()
    says_yes = inputs @ np.array([w1, w2]) + b > 0
    assert int((says_yes == (targets[:, 0] == 1)).sum()) == right == best


def test_straight_lines_each_hidden_neuron_says_yes_for_one_corner(facts):
    yes, hidden, answers = results.hidden_answers()
    inputs, targets = running_example.data()
    # Each hidden neuron says yes for a single point, a different "yes" corner of XOR each.
    assert [len(points) for points in yes] == [1, 1]
    corners = [tuple(points[0]) for points in yes]
    assert corners[0] != corners[1]
    assert all(targets[[tuple(row) for row in inputs].index(corner), 0] == 1 for corner in corners)
    assert facts["straight_lines.hidden_1_yes"] == results.points_text(corners[0])
    # The output says yes when either of them does, and so gets every point right.
    assert (answers == (hidden[:, 0] | hidden[:, 1])).all()
    assert results.output_right() == len(targets)


def test_straight_lines_other_bends_solve_xor_too():
    # "not the sigmoid in particular": the running example with tanh or ReLU hidden neurons,
    # from the same seed, rate and steps, learns XOR as well; and both learn the moons.
    inputs, targets = running_example.data()
    for hidden in ("tanh", "relu"):
        network = Network(running_example.SIZES, [hidden, "sigmoid"], seed=running_example.SEED)
        train(network, inputs, targets, running_example.LEARNING_RATE, running_example.EPOCHS,
              loss=running_example.LOSS)
        assert accuracy(network, inputs, targets) == 1.0
        assert results.curves()[hidden][-1] < results.ALMOST_ZERO


def test_straight_lines_a_hidden_layer_of_sigmoids_bends_round_the_moons():
    models = results.moons_models()
    network, share = models["a hidden layer of 8 sigmoids"]
    assert share == 1.0 > models["one layer"][1]
    assert len(figures.hidden_lines(network, figures.MOONS_RANGE[0])) == network.sizes[1]


def test_straight_lines_the_best_line_misses_only_near_the_tips():
    # "the tips of the moons always land on the wrong side": every point the straight line
    # gets wrong lies near the tip of a moon that reaches into the other's hollow.
    network, _ = results.moons_models()["one layer"]
    inputs, targets = two_moons()
    wrong = inputs[(network.forward(inputs) > 0.5)[:, 0] != (targets[:, 0] == 1)]
    tips = np.array([[1.0, 0.0], [0.0, 0.5]])  # the right tip of the upper moon, the left of the lower
    nearest_tip = np.min(np.linalg.norm(wrong[:, None, :] - tips[None], axis=2), axis=1)
    assert len(wrong) > 0 and np.all(nearest_tip < 0.6)


def test_two_moons_sigmoid_network_is_right_on_every_point_for_several_seeds():
    # The 100% is not a lucky seed: the same settings get every point right from other starts.
    inputs, targets = two_moons()
    settings = results.MOONS_MODELS["a hidden layer of 8 sigmoids"]
    for seed in (1, 2):
        network = Network(settings["sizes"], settings["activations"], seed=seed)
        train(network, inputs, targets, settings["learning_rate"], settings["epochs"], loss="cross_entropy")
        assert accuracy(network, inputs, targets) == 1.0


def test_straight_lines_try_it_trains_the_networks_the_figures_draw():
    printed = printed_by_block("straight-lines.md", "two_moons()")
    models = results.moons_models()
    assert f"(a straight line): {models['one layer'][1]:.0%} right" in printed
    assert f"8 sigmoids: {models['a hidden layer of 8 sigmoids'][1]:.0%} right" in printed


# --- sigmoid.md: the dimmer, its slope, the a(1 - a) bug --------------------------------------


def test_sigmoid_middle_and_steepest_point():
    assert sigmoid(0.0) == 0.5 and sigmoid_slope(0.0) == 0.25
    slopes = sigmoid_slope(np.linspace(-20, 20, 40001))
    assert slopes.max() == 0.25 and slopes.argmax() == 20000


def test_sigmoid_outputs_read_as_how_sure():
    network, _ = running_example.trained()
    inputs, targets = running_example.data()
    outputs = network.forward(inputs)[:, 0]
    # The page quotes row 1 as a "yes" row and row 3 as a "no" row, both "fairly sure".
    assert targets[1, 0] == 1 and outputs[1] > 0.9
    assert targets[3, 0] == 0 and outputs[3] < 0.1


def test_sigmoid_a_small_nudge_moves_a_switch_only_at_its_edge():
    z = np.linspace(-5, 5, 1001)
    nudge = 0.01
    switch = lambda x: np.where(x > 0, 1.0, 0.0)  # noqa: E731
    moved = switch(z + nudge) != switch(z)
    assert np.all(np.abs(z[moved]) <= nudge) and moved.sum() <= 2  # only at the very edge
    assert np.all(sigmoid(z + nudge) > sigmoid(z))  # the sigmoid always moves a little


def test_sigmoid_how_sure_is_only_as_good_as_the_data_nearby(facts):
    # Far from every example it was trained on, the two-moons network is as sure as it gets.
    answer, distance = results.far_answer()
    inputs, _ = two_moons()
    assert distance > 5 * inputs.std(axis=0).max()
    assert f"{facts['sigmoid.far_answer']:.4f}" in ("1.0000", "0.0000")
    assert min(answer, 1 - answer) < 1e-6  # not near the rounding edge of the 4 shown digits


def test_sigmoid_the_bug_blows_up_where_the_right_slope_cannot(facts):
    # The bug's z(1 - z) has no limit: it falls below -z**2 / 2 once |z| >= 2; the right slope
    # is never above 0.25 and fades as the sum moves away from 0.
    z = np.concatenate([np.linspace(-1e3, -2, 500), np.linspace(2, 1e3, 500)])
    assert np.all(z * (1 - z) <= -z ** 2 / 2)
    # Far from 0 it is negative (the step flips) and its size grows (the step grows).
    assert np.all(z * (1 - z) < 0)
    for side in (np.linspace(2, 1e3, 500), np.linspace(-2, -1e3, 500)):
        assert np.all(np.diff(np.abs(side * (1 - side))) > 0)
    far = np.linspace(0, 30, 301)
    assert np.all(sigmoid_slope(far) <= 0.25) and np.all(np.diff(sigmoid_slope(far)) < 0)
    runs = results.bug_runs()
    # With the right slope the running example never blows up, and its error stays small.
    assert not runs["right"].diverged and np.all(runs["right"].losses <= 0.5)
    # With the bug its numbers overflow, long before the last step.
    assert runs["bug"].diverged and not np.isfinite(runs["bug"].losses[-1])
    assert facts["sigmoid.bug_overflow_steps"] == len(runs["bug"].losses) - 1 < running_example.EPOCHS / 10
    # The linked page's check catches it (classic-bugs.md shows the check).
    inputs, targets = running_example.data()
    assert gradient_check(results.buggy_running_example(), inputs, targets) > 0.01
    assert gradient_check(running_example.make_network(), inputs, targets) < 1e-7


def test_sigmoid_relu_has_a_corner_and_a_flat_half():
    assert np.all(relu_slope(np.linspace(-5, -0.001, 100)) == 0.0)
    assert np.all(relu_slope(np.linspace(0.001, 5, 100)) == 1.0)


# --- flat-ends.md: blame fades through sigmoid layers ----------------------------------------


def test_flat_ends_the_page_s_block_measures_the_figure_s_networks():
    # The Try-it block calls blame_sizes with its defaults; the figure and the facts use the
    # settings in results_activations. They must be the same networks.
    import inspect

    defaults = inspect.signature(vanishing.blame_sizes).parameters
    assert defaults["width"].default == results.BLAME_WIDTH
    assert list(defaults["seeds"].default) == list(results.BLAME_SEEDS)
    printed = printed_by_block("flat-ends.md", "blame_sizes")
    shares = results.blame_measurements()["sigmoid"][1]
    assert f"{shares[1]:8.2e}" in printed  # 2 hidden layers
    # The deepest row shows the text's "about 1 in 700,000" (not a rounded 0.000001), and
    # the 2-layer row (one layer passing blame on) lies inside the text's range.
    deepest = float(printed.splitlines()[5].split()[1])
    assert results.one_in(deepest) == results.one_in(shares[-1])
    assert results.sigmoid_layers_passed().min() <= float(f"{shares[1]:.2e}") <= results.sigmoid_layers_passed().max()


def test_flat_ends_the_slopes_alone_pass_a_quarter_or_less_and_the_weights_multiply_too(facts):
    assert np.all(sigmoid_slope(np.linspace(-30, 30, 6001)) <= 0.25)
    passed = results.sigmoid_layers_passed()
    assert len(passed) == sum(depth - 1 for depth in results.DEPTHS)  # every layer of every network
    assert facts["flat_ends.sigmoid_layer_least"] == passed.min()
    assert facts["flat_ends.sigmoid_layer_most"] == passed.max()
    # "at most a little above the slopes' quarter": the weights did not make up for the slopes.
    assert passed.max() < 0.3
    # The 2-layer network's one passing layer is its first-layer share (the table's row).
    assert results.blame_measurements()["sigmoid"][1][1] in passed
    # The weights multiply too: the layers do not all pass on the same share.
    assert passed.max() - passed.min() > 0.02


def test_flat_ends_sigmoid_loses_far_more_blame_than_tanh_and_relu():
    measured = results.blame_measurements()
    sigmoid_share, tanh_share, relu_share = (measured[name][0][0] for name in ("sigmoid", "tanh", "relu"))
    assert sigmoid_share < 1e-4 * min(tanh_share, relu_share)
    assert tanh_share > relu_share  # "although tanh keeps more here"
    # The sigmoid's line drops with every extra layer.
    assert np.all(np.diff(measured["sigmoid"][1]) < 0)


def test_one_in_rounds_a_share_as_the_page_says_it():
    assert results.one_in(1 / 27.19) == 27 and results.one_in(1 / 7.76) == 8
    assert results.one_in(1 / 702_853) == 700_000 and results.one_in(1 / 204) == 200


def test_flat_ends_tanh_and_relu_slopes():
    assert tanh_slope(0.0) == 1.0 == 4 * sigmoid_slope(0.0)
    assert np.all(relu_slope(np.linspace(0.001, 100, 1000)) == 1.0)


def test_flat_ends_about_half_the_relu_neurons_are_off():
    assert abs(results.relu_neurons_off() - 0.5) < 0.05


def test_flat_ends_a_larger_relu_start_keeps_the_signal_and_nearly_all_the_blame():
    assert results.RELU_START_SCALE == math.sqrt(2)
    larger, plain = results.relu_signal_sizes(results.RELU_START_SCALE), results.relu_signal_sizes(1.0)
    assert 0.8 < larger[-1] / larger[0] < 1.2  # about the same size from layer to layer
    assert plain[-1] / plain[0] < 0.5  # without it, the signal shrinks
    assert results.larger_starts()["relu"] > 0.9  # "nearly all of it"


def test_flat_ends_a_larger_start_makes_sigmoid_louder_but_still_loses_most():
    larger, plain = results.larger_starts()["sigmoid"], results.blame_measurements()["sigmoid"][0][0]
    assert larger > 100 * plain and larger < 0.01


def test_flat_ends_training_curves():
    curves = results.curves()
    steps = results.DEEP_TRAINING["epochs"]
    assert all(len(losses) == steps + 1 for losses in curves.values())
    # No activation: drops at once to its final error and stays, at the best straight line's score.
    identity = curves["identity"]
    assert np.all(np.abs(identity[10:] - identity[-1]) < 0.01)
    identity_network, _ = results.deep_runs()["identity"]
    assert accuracy(identity_network, *two_moons()) == results.moons_models()["one layer"][1]
    # Sigmoid: drops in the first few steps to the error of answering 0.5, and stays there.
    no_idea = results.no_idea_error()
    assert no_idea == pytest.approx(math.log(2))
    for answer in (0.0, 1.0):
        assert cross_entropy(np.array([[0.5]]), np.array([[answer]])) == pytest.approx(no_idea)
    assert np.all(np.abs(curves["sigmoid"][10:] - no_idea) < 0.01)
    # Tanh and ReLU fall to almost 0 within about learned_by steps.
    learned_by = results.facts()["flat_ends.learned_by"]
    assert abs(learned_by - results.learned_by()) <= 50
    for activation in ("tanh", "relu"):
        assert np.all(curves[activation][learned_by:] < results.ALMOST_ZERO)


def test_flat_ends_relu_bumps_are_brief():
    losses = np.asarray(results.curves()["relu"])
    bumps = results.relu_bumps()
    # Each bump is a step that raised the error, and the next steps brought it down again.
    assert len(bumps) > 0
    last = bumps.max()
    assert np.all(np.diff(losses)[last:] <= results.BUMP)
    assert losses[last + 5] < losses[bumps.min() - 1]


def test_flat_ends_deep_sigmoid_is_worse_than_no_bend():
    curves = results.curves()
    assert curves["sigmoid"][-1] > curves["identity"][-1]
    inputs, targets = two_moons()
    assert targets.mean() == 0.5  # half of the points are "yes"
    trained, _ = results.deep_runs()["sigmoid"]
    untrained = vanishing.deep_network("sigmoid", results.DEEP_TRAINING["n_hidden_layers"],
                                       results.DEEP_TRAINING["width"])
    for network in (untrained, trained):
        network.forward(inputs)
        spread = [out.std(axis=0).mean() for out in network.layer_outputs[:-1]]
        # The last hidden layer sends almost the same numbers for every point.
        assert spread[0] > 0.1 and spread[-1] < 0.01
    # After training it answers about 0.5, "no idea", for every point.
    assert np.all(np.abs(trained.forward(inputs) - 0.5) < 0.05)


def test_flat_ends_training_curves_tell_the_same_story_from_other_starts():
    settings = {name: value for name, value in results.DEEP_TRAINING.items()}
    for seed in (1, 2):
        runs = vanishing.train_each_activation(seed=seed, **settings)
        final = {name: history.losses[-1] for name, (_, history) in runs.items()}
        assert final["sigmoid"] > 0.6
        assert final["tanh"] < results.ALMOST_ZERO and final["relu"] < results.ALMOST_ZERO
        assert final["identity"] == pytest.approx(results.curves()["identity"][-1], abs=0.001)


def test_flat_ends_sigmoid_learns_with_one_hidden_layer():
    assert results.moons_models()["a hidden layer of 8 sigmoids"][1] == 1.0


# --- choosing.md: the output must fit the answer --------------------------------------------


def test_choosing_the_data_climb_well_above_1(facts):
    _, targets = regression_1d()
    assert abs(targets.min()) < 0.5 and targets.max() > 3
    assert facts["choosing.above_one"] > len(targets) / 2


def test_choosing_a_sigmoid_output_cannot_pass_1():
    fits = results.regression_fits()
    inputs, targets = regression_1d()
    identity_error = fits["identity"][1].losses[-1]
    sigmoid_network, sigmoid_history = fits["sigmoid"]
    assert identity_error < 0.05  # the network follows the curve
    assert sigmoid_network.forward(np.linspace(-10, 10, 201).reshape(-1, 1)).max() < 1
    assert sigmoid_history.losses[-1] > 100 * identity_error
    # However long it trains: its error is at least the squared gaps above 1 (the math block).
    above = targets[targets > 1]
    assert sigmoid_history.losses[-1] >= np.sum((above - 1) ** 2) / len(targets)


def test_choosing_try_it_trains_the_networks_the_figure_draws():
    printed = printed_by_block("choosing.md", "regression_1d")
    for output, (_, history) in results.regression_fits().items():
        assert f"{output:8} output: error {history.losses[-1]:.4f}" in printed


def test_choosing_relu_learns_where_sigmoid_is_stuck():
    curves = results.curves()
    assert curves["relu"][-1] < results.ALMOST_ZERO and curves["sigmoid"][-1] > 0.6


def test_choosing_a_larger_start_helps_tanh_too():
    larger = results.larger_starts()
    assert larger["tanh"] > 2 * results.blame_measurements()["tanh"][0][0]


def test_choosing_from_the_same_start_relu_keeps_more_than_tanh(facts):
    # From the usual start tanh keeps more; given the same larger start, ReLU keeps more.
    measured = results.blame_measurements()
    assert measured["tanh"][0][0] > measured["relu"][0][0]
    assert facts["flat_ends.relu_larger_start"] == results.larger_starts()["relu"]
    assert facts["flat_ends.tanh_larger_start"] == results.larger_starts()["tanh"]
    assert facts["flat_ends.relu_larger_start"] > facts["flat_ends.tanh_larger_start"]
    # Not a rounding tie at the page's 2 decimals.
    assert f"{facts['flat_ends.relu_larger_start']:.2f}" != f"{facts['flat_ends.tanh_larger_start']:.2f}"


def test_choosing_relu_gelu_silu_pass_blame_with_far_less_fading_not_none():
    # "with far less fading": ReLU keeps far more than the sigmoid, but it still loses some.
    measured = results.blame_measurements()
    assert measured["relu"][0][0] > 1e4 * measured["sigmoid"][0][0]
    assert measured["relu"][0][0] < 0.5


def test_choosing_the_running_example_pays_for_squared_error_with_a_slower_start():
    import results_loop

    # The counts choosing.md quotes (faq.steps_cross_entropy, faq.steps_squared).
    assert results_loop.steps_to_learn("cross_entropy")[0] < results_loop.steps_to_learn("mse")[0]


def test_choosing_relu_slope_stays_1_while_tanh_goes_flat():
    assert relu_slope(1e6) == 1.0 and tanh_slope(5.0) < 0.001


def test_choosing_silu_is_a_smooth_cousin_of_relu():
    # SiLU(z) = z * sigmoid(z): close to 0 for a large negative sum, close to the sum for a
    # large positive one, and no corner in between (its slope changes gradually).
    z = np.linspace(-20, 20, 4001)
    silu = z * sigmoid(z)
    far = np.abs(z) > 10
    np.testing.assert_allclose(silu[far], np.maximum(z, 0)[far], atol=1e-3)
    slope = np.gradient(silu, z)
    assert np.max(np.abs(np.diff(slope))) < 0.01


def test_choosing_tanh_is_the_sigmoid_stretched_and_shifted():
    z = np.linspace(-6, 6, 241)
    np.testing.assert_allclose(np.tanh(z), 2 * sigmoid(2 * z) - 1, atol=1e-12)
