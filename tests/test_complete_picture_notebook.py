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
