"""Every snippet is a file a reader can copy and run: it runs as a script, cleanly, needs
only numpy (plus the standard library) and the siblings it names at its top.

figures.py and the chapters' figures_<chapter>.py are left out: they draw the site's
pictures, need matplotlib, and are not meant to be copied.
"""

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets"
MODULES = sorted(path for path in SNIPPETS.glob("*.py") if not path.name.startswith("figures"))
SIBLINGS = {path.stem for path in SNIPPETS.glob("*.py")}
SCRIPTS = set(MODULES)  # the modules this suite runs with `python snippets/<name>.py`


def clean_environment():
    """The environment of a reader's shell: no PYTHONPATH pointing at snippets/."""
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    environment["PYTHONDONTWRITEBYTECODE"] = "1"  # leave no __pycache__ behind
    return environment


def run_script(path, folder):
    # -W error: a warning (an overflow, a deprecation) makes the script fail.
    return subprocess.run(
        [sys.executable, "-W", "error", str(path)],
        cwd=folder,
        env=clean_environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )


def imported_modules(path):
    """(top-level module name, import node, whether it is at the top of the file)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    top_level = set(map(id, tree.body))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0], node, id(node) in top_level
        elif isinstance(node, ast.ImportFrom):
            yield (node.module or "").split(".")[0], node, id(node) in top_level


def siblings_needed(name):
    """The module and every sibling it imports, directly or through another sibling."""
    needed, waiting = set(), [name]
    while waiting:
        current = waiting.pop()
        if current in needed:
            continue
        needed.add(current)
        for module, _, _ in imported_modules(SNIPPETS / f"{current}.py"):
            if module in SIBLINGS:
                waiting.append(module)
    return needed


def test_the_expected_modules_are_there():
    expected = {
        "activations", "losses", "network", "training", "gradient_check",
        "descent", "datasets", "running_example",
    }
    assert expected <= {path.stem for path in MODULES}


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_runs_as_a_script_and_prints_something(path, tmp_path):
    result = run_script(path, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), "the demo should print something"
    assert result.stderr == ""
    assert list(tmp_path.iterdir()) == [], "the demo should not write files"


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_runs_when_copied_alone_with_its_siblings(path, tmp_path):
    for name in siblings_needed(path.stem):
        shutil.copy(SNIPPETS / f"{name}.py", tmp_path)
    result = run_script(tmp_path / path.name, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert result.stderr == ""


def test_a_copy_without_its_siblings_fails(tmp_path):
    # Makes sure the test above really runs the copies, not the files in snippets/.
    assert siblings_needed("running_example") == {
        "running_example", "network", "activations", "losses", "datasets", "training",
    }
    alone = Path(shutil.copy(SNIPPETS / "running_example.py", tmp_path))
    result = run_script(alone, tmp_path)
    assert result.returncode != 0
    assert "ModuleNotFoundError" in result.stderr


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_imports_only_numpy_the_standard_library_and_siblings(path):
    allowed = {"numpy"} | SIBLINGS | set(sys.stdlib_module_names)
    for module, node, at_top in imported_modules(path):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path.name}: relative import on line {node.lineno}"
        assert module in allowed, f"{path.name} imports {module!r} (line {node.lineno})"
        if module in SIBLINGS:
            assert at_top, f"{path.name}: import sibling {module!r} at the top of the file"


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_has_a_docstring_and_a_demo(path):
    tree = ast.parse(path.read_text())
    assert ast.get_docstring(tree), f"{path.name} should open with a docstring"
    demo = [
        node for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "__name__ == '__main__'"
    ]
    assert len(demo) == 1, f"{path.name} should end with an if __name__ == '__main__': demo"
    assert tree.body[-1] is demo[0]
