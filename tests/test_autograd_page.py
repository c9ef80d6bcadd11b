"""docs/real-networks/autograd.md: what the page claims holds for the results it quotes.

The numbers go into the page at build (snippets/results_autograd.py, facts()); these tests
check each claim of the prose as a property of those results, never by pinning a sentence.
"""

import re
import sys

import numpy as np
import pytest

import results_autograd as results
import running_example
from facts import running_example_facts

from conftest import DOCS, ROOT

sys.path.insert(0, str(ROOT / "hooks"))
import fill_in  # noqa: E402

PAGE = DOCS / "real-networks" / "autograd.md"


@pytest.fixture(scope="module")
def facts():
    return {**results.facts(), **running_example_facts()}  # the page quotes both


def printed_by_block(containing):
    text = PAGE.read_text(encoding="utf-8")
    blocks = [code for code in re.findall(r"^```python\n(.*?)\n```$", text, re.M | re.S) if containing in code]
    assert len(blocks) == 1, f"expected one block with {containing!r}, found {len(blocks)}"
    return fill_in.run_block(blocks[0], "autograd.md")


# --- the figure and "walking the record backwards" -----------------------------------------


def test_each_gradient_is_the_gradient_it_feeds_times_the_slope_on_the_arrow():
    # The caption: backward, a box's gradient is the sum over the boxes it feeds of their
    # gradient times the slope on the arrow (here each box feeds one other).
    numbers = results.neuron()
    received = {name: 0.0 for name in numbers}
    received["error"] = 1.0
    for number in numbers.values():
        for parent, slope in zip(number.parents, number.local_slopes):
            received[parent.label] += number.gradient * slope
    for name, number in numbers.items():
        assert number.gradient == pytest.approx(received[name], rel=1e-15)


def test_the_walk_back_step_by_step(facts):
    assert facts["autograd.gap_gradient"] == pytest.approx(2 * facts["autograd.gap"])  # twice the gap
    assert results.neuron()["guess"].gradient == facts["autograd.gap_gradient"]  # subtracting passes it on
    guess = facts["autograd.guess"]
    assert facts["autograd.sigmoid_slope"] == pytest.approx(guess * (1 - guess))
    through_sigmoid = results.neuron()["guess"].gradient * facts["autograd.sigmoid_slope"]
    assert facts["autograd.sum_gradient"] == pytest.approx(through_sigmoid)
    assert facts["autograd.w_gradient"] == pytest.approx(facts["autograd.sum_gradient"] * facts["autograd.x"])
    assert results.neuron()["b"].gradient == facts["autograd.sum_gradient"]  # the bias gets the blame itself
    assert facts["autograd.sum"] == pytest.approx(facts["autograd.w"] * facts["autograd.x"] + facts["autograd.b"])


def test_the_product_moves_by_x_when_w_moves_by_1(facts):
    numbers = results.neuron()
    product = numbers["w × x"]
    slope_for_w = dict(zip((parent.label for parent in product.parents), product.local_slopes))["w"]
    assert slope_for_w == facts["autograd.x"]


def test_the_walk_back_matches_nudging_the_neuron(facts):
    def error(w, b):
        guess = 1 / (1 + np.exp(-(w * facts["autograd.x"] + b)))
        return (guess - facts["autograd.target"]) ** 2

    w, b, h = facts["autograd.w"], facts["autograd.b"], 1e-6
    assert facts["autograd.w_gradient"] == pytest.approx((error(w + h, b) - error(w - h, b)) / (2 * h), rel=1e-7)
    assert results.neuron()["b"].gradient == pytest.approx((error(w, b + h) - error(w, b - h)) / (2 * h), rel=1e-7)


# --- the running example ------------------------------------------------------------------


def test_the_record_counts(facts):
    assert facts["autograd.record_numbers"] == facts["autograd.record_made"] + facts["autograd.record_typed"]
    inputs, targets = running_example.data()
    # Typed in: the 9 knobs, and the inputs and targets (each input once per hidden neuron it feeds).
    hidden = running_example.SIZES[1]
    knobs, typed_inputs, typed_targets = results.typed_in_parts()
    assert knobs == facts["running.knobs"]
    assert typed_inputs == facts["autograd.typed_inputs"] == inputs.size * hidden
    assert typed_targets == facts["autograd.typed_targets"] == targets.size
    assert facts["autograd.record_typed"] == knobs + typed_inputs + typed_targets
    # The power 2 and the mean's share are not Numbers: no typed-in number is left over,
    # and the squares and the mean carry them as local slopes only.
    error, _ = results.running_record()
    operations = {number.operation for number in error.record() if number.parents}
    assert "power 2" in operations and "mean" in operations
    assert all(len(number.parents) == 1 for number in error.record() if number.operation == "power 2")


def test_the_nine_gradients_equal_the_hand_written_backward_pass(facts):
    (error, weights, biases), (expected_error, expected_weights, expected_biases) = results.running()
    assert sum(array.size for array in weights + biases) == 9
    assert results.largest_gap() <= facts["autograd.tolerance"]
    assert error == pytest.approx(expected_error, abs=1e-15)


# --- used twice, and the reset ---------------------------------------------------------------


def test_x_times_x_gets_both_uses_added(facts):
    assert facts["autograd.square_once"] == 2 * facts["autograd.square_at"]  # the slope of x² is twice x


def test_a_second_backward_without_reset_doubles_and_a_reset_puts_it_right(facts):
    assert facts["autograd.square_twice"] == 2 * facts["autograd.square_once"]
    assert results.square()[2] == facts["autograd.square_once"]  # after a reset


def test_a_weight_used_by_every_example_adds_their_parts(facts):
    parts = [facts[f"autograd.h1_out_part_{k}"] for k in range(facts["running.examples"])]
    assert sum(parts) == pytest.approx(facts["autograd.h1_out_gradient"], abs=1e-15)
    (_, weights, _), _ = results.running()
    assert facts["autograd.h1_out_gradient"] == pytest.approx(weights[1][0, 0], abs=1e-15)


def test_backward_on_each_share_without_reset_adds_up_to_the_whole_batch():
    from_mean, _, separately = results.example_by_example()
    assert separately == pytest.approx(from_mean, abs=1e-15)


def test_arrays_need_fewer_steps_than_single_numbers(facts):
    assert facts["autograd.array_operations"] < facts["autograd.record_made"]


# --- the page's code ---------------------------------------------------------------------------


def test_the_try_it_record_is_the_figures_neuron():
    printed = printed_by_block("show_record")
    numbers = results.neuron()
    for name in ("x", "w", "b", "sum", "guess", "gap", "error"):
        line = next(line for line in printed.splitlines() if line.strip().startswith(f"{name} ="))
        assert f"gradient {numbers[name].gradient:8.4f}" in line


def test_the_try_it_reset_block_shows_double_then_right():
    values = [float(line.split()[-1]) for line in printed_by_block("reset_gradients").splitlines()]
    assert values == [6.0, 12.0, 6.0]
