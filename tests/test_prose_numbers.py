"""What the pages outside the chapters claim, tested as properties of the results they quote.

The home page (docs/index.md), the reference page (docs/reference/snippets.md) and the
glossary (docs/glossary.md) take their numbers from snippets/results_home.py and from the
running example's facts (snippets/facts.py). These tests check that what the prose says about
those numbers ("a long flat start", "training gets stuck", "a bug gives a far larger number")
is true of the very results the build fills in.
"""

import json
import re

import numpy as np
import pytest

import descent
import results_home as results
import running_example
from activations import sigmoid, sigmoid_slope
from losses import cross_entropy, mean_squared_error
from training import train_step

from conftest import DOCS


def raw(name):
    return (DOCS / name).read_text(encoding="utf-8")


# --- the home page: the running example learns, after a long flat start --------------------


def test_before_training_every_guess_sits_near_a_half():
    inputs, _ = running_example.data()
    guesses = running_example.make_network().forward(inputs)
    assert np.all(np.abs(guesses - 0.5) < 0.1)


def test_after_training_every_guess_is_close_to_its_right_answer():
    network, history = running_example.trained()
    inputs, targets = running_example.data()
    assert np.all(np.abs(network.forward(inputs) - targets) < 0.1)
    assert history.losses[-1] < 0.01, "the error ends close to zero"


def test_the_error_curve_has_a_long_flat_start_then_a_fast_drop():
    flat, drop = results.flat_start_and_drop()
    _, history = running_example.trained()
    losses = history.losses
    assert flat > 2 * drop, "the flat start should last much longer than the drop"
    # Almost no progress while it is flat: the error stays within a few hundredths of its start.
    assert np.ptp(losses[: flat + 1]) < 0.05
    # "falls most of the way" in the drop.
    assert losses[flat + drop] <= losses[0] - results.DROP_END * (losses[0] - losses[-1])


def test_the_step_counts_are_shown_rounded_but_close():
    flat, drop = results.flat_start_and_drop()
    facts = results.facts()
    assert abs(facts["home.flat_steps"] - flat) <= results.ROUND_TO / 2
    assert abs(facts["home.drop_steps"] - drop) <= results.ROUND_TO / 2


def test_the_home_figure_draws_the_run_the_page_quotes():
    import matplotlib.pyplot as plt

    import figures

    fig = figures.running_example_error(figures.SCHEMES["light"])
    try:
        drawn = fig.axes[0].lines[0].get_ydata()
    finally:
        plt.close(fig)
    np.testing.assert_array_equal(drawn, running_example.trained()[1].losses)


# --- the home page: the four moves of the first step (the figure "four-moves") ---------------


def test_the_first_step_is_the_step_training_takes():
    step = results.first_step()
    network = running_example.make_network()
    inputs, targets = running_example.data()
    error = train_step(network, inputs, targets, running_example.LEARNING_RATE, loss=running_example.LOSS)
    # The figure's error is the first point of the error curve above it, and its update is
    # what train_step does to the output bias.
    assert step["error"] == error == running_example.trained()[1].losses[0]
    assert step["bias_after"] == network.biases[-1][0]
    assert results.first_step()["error_after"] == network.loss(inputs, targets, running_example.LOSS)


def test_the_error_is_the_average_squared_gap_and_one_step_makes_it_smaller():
    step = results.first_step()
    assert running_example.LOSS == "mse"  # the caption: "the average of the squared gaps"
    assert step["error"] == pytest.approx(np.mean((step["guesses"] - step["targets"]) ** 2), rel=1e-12)
    assert results.first_step()["error_after"] < step["error"]


def test_a_blame_is_how_the_error_moves_with_a_neurons_sum_one_per_example():
    # "A neuron's blame, one per example, says how much the error would change if its sum rose
    # a little": nudge the output sum of one example at a time and watch the error.
    step = results.first_step()
    network = running_example.make_network()
    inputs, targets = running_example.data()
    network.forward(inputs)
    sums = network.sums[-1]
    assert step["blames"].shape == (len(inputs),)
    nudge = 1e-6
    for k in range(len(inputs)):
        up, down = sums.copy(), sums.copy()
        up[k] += nudge
        down[k] -= nudge
        moved = (mean_squared_error(sigmoid(up), targets) - mean_squared_error(sigmoid(down), targets)) / (2 * nudge)
        assert moved == pytest.approx(step["blames"][k], rel=1e-6)


def test_the_bias_gradient_is_the_blames_added_up_over_the_four_examples():
    step = results.first_step()
    assert step["bias_gradient"] == pytest.approx(step["blames"].sum(), rel=1e-12)
    # "every knob moves a little against its gradient"
    assert step["bias_gradient"] > 0 and step["bias_after"] < step["bias_before"]


def test_the_equals_sign_is_honest_about_rounding():
    assert results.equals_sign(0.1 + 0.2, 0.3) == "="
    assert results.equals_sign(-0.4976 - 2 * 0.0379, -0.57345679) == "≈"  # -0.5734 by hand, -0.5735 in the code


def figure_text(fig):
    return "\n".join(text.get_text() for ax in fig.axes for text in ax.texts)


def test_the_four_moves_figure_shows_the_first_steps_numbers():
    import matplotlib.pyplot as plt

    import figures

    step = results.first_step()
    digits = results.SHOWN_DIGITS
    fig = figures.four_moves(figures.SCHEMES["light"])
    try:
        text = figure_text(fig).replace("−", "-")
    finally:
        plt.close(fig)
    shown = [f"{guess:.2f}" for guess in step["guesses"]]
    shown += [f"{blame:+.{digits}f}" for blame in step["blames"]]
    shown += [f"{value:.{digits}f}" for value in (step["error"], step["bias_gradient"], step["bias_before"],
                                                   step["bias_after"], results.first_step()["error_after"])]
    for number in shown:
        assert number in text, f"the figure does not show {number}"
    for move in ("Forward", "Error", "Backward", "Update"):
        assert move in text
    # The "2 ×" of the update box is named: it is the learning rate.
    assert f"{running_example.LEARNING_RATE:g} = the learning rate" in text


def test_the_update_step_is_the_gradient_times_the_learning_rate():
    # "the step is the gradient times the learning rate (here 2, the size of each step)"
    step = results.first_step()
    taken = step["bias_before"] - step["bias_after"]
    assert taken == pytest.approx(running_example.LEARNING_RATE * step["bias_gradient"], rel=1e-12)


def test_the_shown_digits_are_not_on_a_rounding_edge():
    # The figure's four-decimal numbers must read the same on every machine.
    step = results.first_step()
    values = [*step["blames"], step["error"], step["bias_gradient"], step["bias_before"], step["bias_after"],
              results.first_step()["error_after"]]
    for value in values:
        scaled = abs(value) * 10 ** results.SHOWN_DIGITS
        assert abs(scaled - np.floor(scaled) - 0.5) > 1e-6


# --- the reference page ----------------------------------------------------------------------


def test_the_sigmoid_is_safe_at_huge_sums():
    # Warnings are errors in this suite: an overflow would fail here.
    assert sigmoid(-1000.0) == 0.0 and sigmoid(1000.0) == 1.0


def test_the_sigmoid_slope_peaks_at_a_quarter_and_never_rises_above_it():
    slopes = sigmoid_slope(np.linspace(-10, 10, 20001))
    assert slopes.max() == pytest.approx(0.25) and np.all(slopes <= 0.25)


def test_the_worst_possible_guess_has_a_large_but_finite_loss():
    loss = cross_entropy(np.array([[0.0]]), np.array([[1.0]]))
    assert np.isfinite(loss) and loss > 10


def test_training_with_three_rates():
    runs = results.training_runs()
    inputs, targets = running_example.data()
    # Too small: after all the epochs the loss has hardly moved, and the guesses still shrug.
    small_network, small = runs[results.SMALL_RATE]
    assert abs(small.losses[-1] - small.losses[0]) < 0.01
    assert np.all(np.abs(small_network.forward(inputs) - 0.5) < 0.1)
    # The running example's own rate learns XOR.
    network, history = runs[running_example.LEARNING_RATE]
    assert np.all(np.abs(network.forward(inputs) - targets) < 0.1) and history.losses[-1] < 0.01
    # Far too large: stuck, not diverged. Every neuron is far out on a flat end of its sigmoid
    # (slope under a twentieth of the steepest, 0.25), and the loss no longer changes at all.
    stuck_network, stuck = runs[results.HUGE_RATE]
    assert stuck.diverged is False
    for slopes in results.sigmoid_slopes(stuck_network, inputs):
        assert np.all(slopes < 0.25 / 20)
    assert np.ptp(stuck.losses[10:]) < 1e-12


def test_the_training_block_runs_the_rates_the_results_use():
    assert f"for learning_rate in ({results.SMALL_RATE}, LEARNING_RATE, {results.HUGE_RATE}):" in raw(
        "reference/snippets.md")


def test_a_right_backward_pass_passes_the_check_and_a_classic_slip_fails_it():
    checks = results.gradient_checks()
    assert checks["right"] < 1e-7
    # "A bug gives a far larger number"; the glossary: "a hundredth or more means a bug".
    assert checks["slope of the hidden tanh"] >= 0.01
    assert checks["slope of the hidden tanh"] > 1e4 * 1e-7


def test_the_check_judges_each_layers_weights_and_biases_as_a_group():
    from gradient_check import RIGHT_BELOW, gradient_check, gradient_report

    inputs, targets = running_example.data()
    network = results.checked_network()
    report = gradient_report(network, inputs, targets, loss=results.CHECKED_LOSS)
    layers = range(1, len(network.weights) + 1)
    assert [name for name, _, _ in report] == [f"{kind} of layer {layer}" for layer in layers
                                                for kind in ("weights", "biases")]
    assert all(error < RIGHT_BELOW for _, _, error in report)
    assert gradient_check(network, inputs, targets, loss=results.CHECKED_LOSS) == max(e for _, _, e in report)


def test_cross_entropy_from_the_sums_keeps_a_sure_wrong_answers_full_blame():
    # "No guess is ever rounded to 0 or 1 on the way, so a sure but wrong answer keeps its full blame."
    from losses import cross_entropy_from_sums_slope, cross_entropy_slope

    sums, answers = np.array([[-40.0]]), np.array([[1.0]])
    assert cross_entropy_from_sums_slope(sums, answers)[0, 0] == pytest.approx(-1.0)
    guess = sigmoid(sums)
    through_the_guess = cross_entropy_slope(guess, answers) * guess * (1 - guess)
    assert abs(through_the_guess[0, 0]) < 0.01


def test_the_gradient_check_block_checks_the_network_the_results_use():
    settings = (f"Network({results.CHECKED_SIZES}, {json.dumps(results.CHECKED_ACTIVATIONS)}, "
                f"seed={results.CHECKED_SEED})")
    page = raw("reference/snippets.md")
    assert settings in page and f'loss="{results.CHECKED_LOSS}"' in page


def test_the_valley_is_ten_times_steeper_across_than_along():
    assert descent.valley([0.0, 1.0]) / descent.valley([1.0, 0.0]) == pytest.approx(10.0)


def test_the_valley_walk_bounces_across_and_creeps_along():
    path = results.valley_walk()
    along, across = path[:, 0], path[:, 1]
    # Across the steep direction, each step overshoots the floor: the sign flips, the swing shrinks.
    assert np.all(np.sign(across[1:]) == -np.sign(across[:-1]))
    assert np.all(np.abs(across[1:]) < np.abs(across[:-1]))
    # Along the gentle one, slow and steady: always the same way, never past the centre.
    assert np.all(np.diff(along) > 0) and np.all(along < 0)
    # And it ends at the centre.
    assert descent.valley(path[-1]) < 1e-4 * descent.valley(path[0])


def test_the_valley_block_takes_the_walk_the_results_take():
    start = ", ".join(map(str, results.VALLEY_START))
    assert (f"descend(valley_slope, [{start}], learning_rate={results.VALLEY_RATE}, "
            f"steps={results.VALLEY_STEPS})") in raw("reference/snippets.md")


# --- the glossary ---------------------------------------------------------------------------


def test_the_glossary_has_no_markers():
    # hooks/glossary.py turns the raw file into tooltips, without filling anything in.
    assert not re.search(r"\{\{|\}\}|<!-- output -->", raw("glossary.md"))


# The words the issue asked to be explained wherever they are first used (issue 10): each has
# a glossary entry, so it shows as a tooltip on every page.
EXPLAINED_TERMS = ["Neuron", "Hidden layer", "Sigmoid", "Backpropagation", "Gradient", "Gradient check",
                   "Log scale", "Tangent", "Epoch", "Tanh", "Identity", "Seed", "Cross-entropy", "Batch", "ReLU",
                   "Jupyter", "Vanishing gradient", "Affine", "Autograd", "GELU", "SiLU", "LSTM", "GRU", "Blame"]


def glossary_entries():
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "hooks"))
    import glossary

    return dict(glossary.glossary_entries(raw("glossary.md")))


def test_every_term_the_pages_explain_has_a_glossary_entry():
    entries = glossary_entries()
    missing = [term for term in EXPLAINED_TERMS if term not in entries]
    assert missing == []


def test_a_backward_pass_does_less_than_twice_the_multiply_adds_of_a_forward_pass():
    # The glossary's "Backward pass", in the words of chapter 1's count (cost.py).
    import cost
    from network import Network

    for sizes in (running_example.SIZES, [2, 30, 1], [784, 100, 100, 10]):
        forward, backward = cost.multiply_adds(Network(sizes, "sigmoid"), 16)
        assert forward < backward < 2 * forward


def test_the_silu_is_the_sum_times_its_sigmoid():
    # The home page: "SiLU (the sum times its sigmoid)", a smooth cousin of ReLU.
    z = np.linspace(-6, 6, 121)
    silu = z * sigmoid(z)
    relu = np.maximum(z, 0)
    assert np.all(np.abs(silu - relu) < 0.3)
    assert np.all(np.diff(silu[z > 0]) > 0) and np.all(silu > -0.3)


def test_the_running_example_is_the_network_the_glossary_and_home_page_describe():
    # "2 inputs, 2 hidden neurons and 1 output, all with the sigmoid, learning XOR"
    assert running_example.SIZES == [2, 2, 1]
    assert running_example.ACTIVATIONS == ["sigmoid", "sigmoid"]
    inputs, targets = running_example.data()
    assert np.array_equal(targets[:, 0], np.logical_xor(inputs[:, 0], inputs[:, 1]))
