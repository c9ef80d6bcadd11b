"""Every notebook under docs/ runs from top to bottom without an error.

The build also executes them (mkdocs-jupyter with `execute: true` and `allow_errors: false`);
this test gives the failing cell and its traceback directly.
"""

import os

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import DOCS, SNIPPETS

NOTEBOOKS = sorted(DOCS.rglob("*.ipynb"))


@pytest.mark.skipif(not NOTEBOOKS, reason="docs/ holds no notebook")
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: str(path.relative_to(DOCS)))
def test_notebook_runs_without_error(path, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(SNIPPETS), os.environ.get("PYTHONPATH", "")]))
    notebook = nbformat.read(path, as_version=4)
    resources = {"metadata": {"path": str(path.parent)}}
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources=resources).execute()
    errors = [output for cell in notebook.cells for output in cell.get("outputs", []) if output.output_type == "error"]
    assert errors == []
