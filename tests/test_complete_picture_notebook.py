"""docs/complete-picture/from-scratch.ipynb: committed without outputs, needs only numpy, is
the running example, and its "Things to try" do what its text says.

A notebook is not filled in by the build, so its text says its results in words; these tests
run the notebook as a reader would edit it and check those words as properties.
"""

import ast
import contextlib
import io
import os
import re

import nbformat
import numpy as np
import pytest
from nbclient import NotebookClient

import classic_bugs
import gradient_check
import results_loop
import results_unlucky
import running_example
import unlucky_starts
from conftest import DOCS
from network import Network

NOTEBOOK = DOCS / "complete-picture" / "from-scratch.ipynb"


def code_cells(notebook):
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def source():
    return "\n".join(cell.source for cell in code_cells(nbformat.read(NOTEBOOK, as_version=4)))


def test_stored_without_outputs_or_execution_counts():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    for cell in code_cells(notebook):
        assert cell.outputs == [] and cell.execution_count is None


def test_imports_only_numpy():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for cell in code_cells(notebook):
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Import):
                assert [alias.name for alias in node.names] == ["numpy"]
            elif isinstance(node, ast.ImportFrom):
                pytest.fail(f"the notebook imports from {node.module}: a reader has only the notebook and numpy")


def test_it_is_the_running_example():
    # The notebook cannot import the site's settings (a reader has only the notebook), so it
    # types them: if running_example.py changes, this says what to change here.
    code = source()
    assert f"learning_rate = {running_example.LEARNING_RATE!r}" in code
    assert f"np.random.default_rng({running_example.SEED})" in code and "np.random.seed" not in code
    assert f"range({running_example.EPOCHS + 1})" in code and f"epoch == {running_example.EPOCHS}" in code
    n_inputs, n_hidden, _ = running_example.SIZES
    assert f"n_inputs, n_hidden = {n_inputs}, {n_hidden}" in code
    assert running_example.ACTIVATIONS == ["sigmoid", "sigmoid"] and running_example.LOSS == "mse"
    assert "default_rng(seed)" in (DOCS.parent / "snippets" / "network.py").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Everything the notebook prints, run the way a reader runs it: in a folder of its own,
    with no PYTHONPATH to snippets/."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    folder = tmp_path_factory.mktemp("reader")
    saved = os.environ.pop("PYTHONPATH", None)
    try:
        NotebookClient(notebook, timeout=120, kernel_name="python3",
                       resources={"metadata": {"path": str(folder)}}).execute()
    finally:
        if saved is not None:
            os.environ["PYTHONPATH"] = saved
    return "".join(output.get("text", "") for cell in code_cells(notebook) for output in cell.outputs)


def test_prints_the_running_example_numbers(printed):
    # "it starts from the same numbers and prints the same results as the rest of the site"
    history = running_example.trained()[1]
    assert f"error before training: {history.losses[0]:.4f}" in printed
    assert f"epoch {running_example.EPOCHS}: error {history.losses[-1]:.4f}" in printed
    expected = running_example.make_network().weights[1].ravel().round(3)
    assert f"output weights: {expected}" in printed


ARRAYS = ("hidden_weights", "hidden_biases", "output_weights", "output_biases")


def verdicts(printed):
    return dict(re.findall(r"^(\w+) +(agree|DISAGREE: a bug)$", printed, flags=re.M))


def test_the_check_compares_every_weight_and_bias_and_agrees(printed):
    assert verdicts(printed) == dict.fromkeys(ARRAYS, "agree")


def test_the_check_draws_the_same_line_as_the_sites_gradient_check():
    # "the size of the gap ... divided by their two sizes added together. Below a
    # ten-millionth, the same line as the site's gradient check, means they agree"
    line = re.search(r"gap < ([0-9.e-]+) \* size", source())
    assert line and float(line.group(1)) == gradient_check.RIGHT_BELOW == 1e-7
    assert "size = np.linalg.norm(gradients[name]) + np.linalg.norm(nudged)" in source()


def test_all_four_answers_on_the_right_side(printed):
    # "After training, every guess should be on the right side of 0.5"
    answers = re.findall(r"xor\((\d), (\d)\) = (\d)   network says ([0-9.]+)   (\w+)", printed)
    assert len(answers) == 4
    for a, b, target, guess, verdict in answers:
        assert int(target) == (int(a) ^ int(b))
        assert (float(guess) > 0.5) == (target == "1") and verdict == "right"


def run_changed(*replacements):
    """Runs the notebook's code cells with some lines changed, the way a reader would edit
    them for "Things to try": (what it prints, the errors it printed by epoch, its answers)."""
    code = source()
    for old, new in replacements:
        assert old in code, old
        code = code.replace(old, new)
    shown = io.StringIO()
    with contextlib.redirect_stdout(shown):
        exec(compile(code, "from-scratch", "exec"), {})
    shown = shown.getvalue()
    errors = {int(epoch): float(error) for epoch, error in re.findall(r"epoch +(\d+): error ([0-9.]+)", shown)}
    answers = np.array([float(guess) for guess in re.findall(r"network says ([0-9.]+)", shown)])
    return shown, errors, answers


TARGETS = np.array([0.0, 1.0, 1.0, 0.0])


def learned(answers):
    return bool(np.all(np.abs(answers - TARGETS) < unlucky_starts.WITHIN))


def test_another_seed_gets_stuck_with_two_answers_at_a_half():
    seed = unlucky_starts.STUCK_EXAMPLE
    _, _, answers = run_changed((f"default_rng({running_example.SEED})", f"default_rng({seed})"))
    assert np.sum(np.abs(answers - 0.5) < 0.01) == 2 and not learned(answers)


def test_four_hidden_neurons_learn_to_a_lower_error():
    n_inputs, n_hidden, _ = running_example.SIZES
    line = f"n_inputs, n_hidden = {n_inputs}, {n_hidden}"
    _, errors, answers = run_changed((line, f"n_inputs, n_hidden = {n_inputs}, 4"))
    assert learned(answers)
    assert errors[running_example.EPOCHS] < running_example.trained()[1].losses[-1]


def test_four_hidden_neurons_start_like_the_sites_network():
    # "The sizes of the arrays and the spread of the output layer follow."
    code = source()
    assert "hidden_spread = 1.0 / np.sqrt(n_inputs)" in code and "output_spread = 1.0 / np.sqrt(n_hidden)" in code
    shown, _, _ = run_changed(("n_inputs, n_hidden = 2, 2", "n_inputs, n_hidden = 2, 4"))
    expected = Network([2, 4, 1], "sigmoid", seed=running_example.SEED).weights[1].ravel().round(3)
    assert f"output weights: {expected}" in shown


def rates_to_try():
    """The learning rates the training cell's comment says to try as well."""
    line = next(line for line in source().splitlines() if line.startswith("learning_rate = "))
    return [float(rate) for rate in re.findall(r"[0-9.]+", line.split("#")[1])]


def test_a_small_rate_stays_on_the_flat_start():
    rate = min(rates_to_try())
    assert rate < results_loop.SLOW_RATE
    _, errors, answers = run_changed(("learning_rate = 2.0", f"learning_rate = {rate!r}"))
    # "the error is still near 0.25, about where it started"
    assert abs(errors[running_example.EPOCHS] - 0.25) < 0.01 and not learned(answers)
    assert errors[0] - errors[running_example.EPOCHS] < 0.01


def test_a_far_too_large_rate_gets_stuck():
    # The same rate as the classic-bugs page's, with the same outcome.
    rate = max(rates_to_try())
    assert rate == classic_bugs.TOO_LARGE
    shown, _, answers = run_changed(("learning_rate = 2.0", f"learning_rate = {rate!r}"))
    # "two answers stuck at 0.5, on the fence", in the words of the unlucky-starts page.
    assert np.sum(np.abs(answers - 0.5) < 0.01) == 2
    low, high = results_unlucky.FENCE
    assert np.sum((low < answers) & (answers < high)) == 2
    assert shown.count("WRONG") == 2


def test_breaking_the_backward_pass_shows_in_the_check():
    # The notebook's suggestion: drop the hidden neurons' slope. Only their arrays disagree.
    line = "blame_hidden = blame_hidden * sigmoid_slope_from_output(hidden)"
    shown, _, _ = run_changed((line, "blame_hidden = blame_hidden"))
    assert verdicts(shown) == {"hidden_weights": "DISAGREE: a bug", "hidden_biases": "DISAGREE: a bug",
                               "output_weights": "agree", "output_biases": "agree"}
    # And the output neuron's slope: every array disagrees, as all blame passes through it.
    line = "blame_output = error_slope * sigmoid_slope_from_output(outputs)"
    shown, _, _ = run_changed((line, "blame_output = error_slope"))
    assert set(verdicts(shown).values()) == {"DISAGREE: a bug"} and len(verdicts(shown)) == 4
