"""Every Python block a page shows is executed by the test suite.

pytest-codeblocks (enabled in pyproject.toml) runs every block fenced exactly as ```python in
docs/. These tests make sure none slips past it: a fence spelled differently would be silently
skipped, and a block that includes a file from snippets/ (`--8<--`) cannot run as written, so
it must be marked skip *and* be nothing but the include of a file the suite runs as a script.
"""

import re

import pytest
from pytest_codeblocks.main import extract_from_file

from conftest import DOCS, ROOT, SNIPPETS

PAGES = sorted(DOCS.rglob("*.md"))
FENCE = re.compile(r"^\s*(```+|~~~+)\s*(?P<info>[^`\n]*)$", re.M)
PYTHON_LIKE = re.compile(r"^\{?\s*\.?(py|python|python3|py3|pycon|ipython)\b", re.I)
INCLUDE = re.compile(r'^\s*--8<--\s+"(?P<path>[^"]+)"\s*$')


def page_id(path):
    return str(path.relative_to(DOCS))


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_python_fences_are_spelled_so_they_run(page):
    infos = [m["info"].strip() for m in FENCE.finditer(page.read_text(encoding="utf-8"))]
    wrong = [info for info in infos if PYTHON_LIKE.match(info) and info != "python"]
    assert wrong == [], f"pytest-codeblocks skips these fences; write ```python instead: {wrong}"


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_skipped_blocks_are_only_includes_of_scripts_the_suite_runs(page):
    for block in extract_from_file(page):
        if block.syntax != "python" or not block.marks:
            continue
        lines = [line for line in block.code.splitlines() if line.strip()]
        includes = [INCLUDE.match(line) for line in lines]
        assert lines and all(includes), f"{page_id(page)} line {block.lineno}: only an include may be skipped"
        for match in includes:
            included = (ROOT / match["path"]).resolve()
            assert included.parent == SNIPPETS and included.exists(), f"{match['path']} is not a snippet module"


def test_every_snippet_module_a_page_includes_is_run_as_a_script():
    from test_snippet_scripts import SCRIPTS  # the modules the suite runs with `python snippets/X.py`

    for page in PAGES:
        for path in re.findall(r'--8<--\s+"([^"]+)"', page.read_text(encoding="utf-8")):
            assert (ROOT / path).resolve() in SCRIPTS, f"{page_id(page)} includes {path}, which no test runs"
