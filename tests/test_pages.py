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


# --- numbers come from the code ----------------------------------------------------------

CODE_FENCE = re.compile(r"^(?P<indent>[ ]*)(```|~~~).*?^(?P=indent)(```|~~~)[ ]*$", re.M | re.S)
MATH = re.compile(r"\\\(.*?\\\)|\\\[.*?\\\]", re.S)
PLACEHOLDER = re.compile(r"\{\{.*?\}\}")
COMMENT = re.compile(r"<!--.*?-->", re.S)
LINK_TARGET = re.compile(r"(?<=\])\([^)\s]*\)")  # where a link goes (a paper's number in its address, say)
DECIMAL = re.compile(r"(?<![\w.])\d[\d,]*\.\d+(?![\w.])")
NUMBER_IN_CODE = re.compile(r"(?<![\w.])\d+\.\d+(?![\w.])")


def prose_and_code(text):
    """(the prose, with placeholders, comments and math taken out; the code blocks)"""
    code = "\n".join(block.group(0) for block in CODE_FENCE.finditer(text))
    prose = CODE_FENCE.sub("", text)
    for pattern in (PLACEHOLDER, COMMENT, MATH, LINK_TARGET):
        prose = pattern.sub(" ", prose)
    return prose, code


# Exact values of the maths, not results of a run: they cannot change with a seed or a rate.
EXACT = {
    "0.5": "the sigmoid's output at a sum of 0: the guess of a network that knows nothing",
    "0.25": "the sigmoid's steepest slope, and the squared error of a guess of 0.5",
}


def hand_typed_decimals(prose, code):
    """Decimals in the prose that are neither filled in by the build, nor an input that the
    page's own code shows (a learning rate the reader can see typed in a block, say), nor an
    exact value of the maths."""
    inputs = set(NUMBER_IN_CODE.findall(code)) | set(EXACT)
    return sorted({number for number in DECIMAL.findall(prose) if number not in inputs})


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_no_computed_decimal_is_typed_by_hand(page):
    prose, code = prose_and_code(page.read_text(encoding="utf-8"))
    typed = hand_typed_decimals(prose, code)
    assert typed == [], (f"{page_id(page)} types these numbers by hand: {typed}. Put each in a "
                         "results_*.py facts() and write {{ name:spec }} (see hooks/fill_in.py)")


@pytest.mark.parametrize("notebook", sorted(DOCS.rglob("*.ipynb")), ids=page_id)
def test_no_computed_decimal_is_typed_by_hand_in_a_notebook(notebook):
    import json

    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "code")
    prose = "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")
    prose, _ = prose_and_code(prose)
    typed = hand_typed_decimals(prose, code)
    assert typed == [], (f"{page_id(notebook)}'s text types these numbers by hand: {typed}. A notebook "
                         "is not filled in by the build: say it in words, or let a code cell print it")


def test_the_check_for_hand_typed_decimals_can_fail():
    prose, code = prose_and_code("The error is 0.2563, {{ x:.4f }}, \\(0.5\\), rate 0.05.\n\n"
                                 "```python\ntrain(rate=0.05)\n```\n")
    assert hand_typed_decimals(prose, code) == ["0.2563"]
