"""docs/complete-picture/from-scratch.ipynb: committed without outputs, needs only numpy, and
prints the running example's numbers, with all four XOR answers on the right side of 0.5."""

import ast
import os
import re

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import DOCS

NOTEBOOK = DOCS / "complete-picture" / "from-scratch.ipynb"


def code_cells(notebook):
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


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
    import running_example
    from training import train

    network = running_example.make_network()
    inputs, targets = running_example.data()
    history = train(network, inputs, targets, running_example.LEARNING_RATE, running_example.EPOCHS)
    assert f"error before training: {history.losses[0]:.4f}" in printed
    assert f"epoch 2000: error {history.losses[-1]:.4f}" in printed
    # The check cell: the backward pass agrees with nudging.
    match = re.search(r"backward says (-?[0-9.]+), nudging says (-?[0-9.]+)", printed)
    assert match and match[1] == match[2]


def test_all_four_answers_on_the_right_side(printed):
    answers = re.findall(r"xor\((\d), (\d)\) = (\d)   network says ([0-9.]+)   (\w+)", printed)
    assert len(answers) == 4
    for a, b, target, guess, verdict in answers:
        assert int(target) == (int(a) ^ int(b))
        assert (float(guess) > 0.5) == (target == "1") and verdict == "right"


def run_changed(replacements):
    """Runs the notebook's code cells with some lines changed, the way a reader would edit
    them for "Things to try", and returns what it prints."""
    import contextlib
    import io

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    source = "\n".join(cell.source for cell in code_cells(notebook))
    for old, new in replacements:
        assert old in source
        source = source.replace(old, new)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(source, "from-scratch", "exec"), {})
    return printed.getvalue()


def notebook_text():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    return " ".join(" ".join(cell.source for cell in notebook.cells).split())


def test_things_to_try_give_what_the_notebook_says():
    text = notebook_text()
    assert "set `n_hidden = 4` and run everything again" in text
    assert "After 2000 epochs the error is 0.0009 instead of 0.0012." in text
    assert "epoch 2000: error 0.0009" in run_changed([("n_inputs, n_hidden = 2, 2", "n_inputs, n_hidden = 2, 4")])
    assert "Try a learning rate of 0.1: after 2000 epochs the error is still 0.2501" in text
    assert "epoch 2000: error 0.2501" in run_changed([("learning_rate = 2.0", "learning_rate = 0.1")])
    assert "it ends at 0.2500: no better than answering 0.5 for everything" in text
    assert "epoch 2000: error 0.2500" in run_changed([("learning_rate = 2.0", "learning_rate = 50.0")])
    # 0.5 for everything: the mean squared error of a 0/1 answer is then 0.25.
    assert abs(0.2500 - 0.25) < 0.001


def test_how_to_start_and_the_random_numbers():
    text = notebook_text()
    assert "`pip install numpy notebook`" in text and "run `jupyter notebook` in the folder" in text
    assert "It draws its random numbers with numpy's `default_rng` and seed 0" in text
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    source = "\n".join(cell.source for cell in code_cells(notebook))
    assert "np.random.default_rng(0)" in source and "np.random.seed" not in source
    assert "default_rng(seed)" in (DOCS.parent / "snippets" / "network.py").read_text(encoding="utf-8")


def test_spread_is_per_layer():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    source = "\n".join(cell.source for cell in code_cells(notebook))
    assert "hidden_spread = 1.0 / np.sqrt(n_inputs)" in source
    assert "output_spread = 1.0 / np.sqrt(n_hidden)" in source
    # With 4 hidden neurons the notebook starts exactly like Network([2, 4, 1], ...) from seed 0.
    from network import Network

    printed = run_changed([("n_inputs, n_hidden = 2, 2", "n_inputs, n_hidden = 2, 4")])
    expected = Network([2, 4, 1], "sigmoid", seed=0).weights[1].ravel().round(3)
    assert f"output weights: {expected}" in printed
