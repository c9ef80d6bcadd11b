"""Every line of code and printed output the site shows fits in 88 characters.

A wider line is clipped on a laptop screen or hides under the code block's copy button. The
check runs on what a reader sees: each page filled in by the build (hooks/fill_in.py: facts,
including code blocks built by facts, and the output of each block), every fenced block on it
(any fence, indented ones in fold-outs too), the snippet files a page includes whole with
`--8<--`, and the notebook's code cells and what they print.
"""

import contextlib
import io
import json
import re
import sys

import pytest

from conftest import DOCS, ROOT

sys.path.insert(0, str(ROOT / "hooks"))
import fill_in  # noqa: E402

WIDTH = 88
PAGES = sorted(DOCS.rglob("*.md"))
NOTEBOOKS = sorted(DOCS.rglob("*.ipynb"))
OPENING = re.compile(r"^(?P<indent>[ ]*)(?P<fence>```+|~~~+)[^`]*$")
INCLUDE = re.compile(r'^\s*--8<--\s+"(?P<path>[^"]+)"\s*$')


def code_blocks(markdown):
    """(line number, lines) of each fenced block, the lines without the fence's indentation."""
    lines, blocks, number = markdown.split("\n"), [], 0
    while number < len(lines):
        opening = OPENING.match(lines[number])
        if not opening:
            number += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        closing = re.compile(rf"^{indent}{re.escape(fence[0])}{{{len(fence)},}}[ ]*$")
        end = number + 1
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        body = [line[len(indent):] if line.startswith(indent) else line.lstrip(" ")
                for line in lines[number + 1:end]]
        blocks.append((number + 1, body))
        number = end + 1
    return blocks


def too_wide(lines, where):
    """A message for each line longer than WIDTH."""
    return [f"{where} line {number}: {len(line)} characters: {line.strip()[:60]}..."
            for number, line in enumerate(lines, 1) if len(line.rstrip()) > WIDTH]


def page_problems(markdown, name):
    """Every too-wide line shown in a filled-in page's code blocks and in the files it includes."""
    problems = []
    for start, body in code_blocks(markdown):
        shown = []
        for line in body:
            include = INCLUDE.match(line)
            if include:
                shown += (ROOT / include["path"]).read_text(encoding="utf-8").split("\n")
            else:
                shown.append(line)
        included = [INCLUDE.match(line)["path"] for line in body if INCLUDE.match(line)]
        where = f"{name}, {' '.join(included)} included in the block at line {start}," if included \
            else f"{name}, the block at line {start},"
        problems += too_wide(shown, where)
    return problems


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(DOCS)))
def test_shown_code_and_output_fit(page):
    name = str(page.relative_to(DOCS))
    filled = fill_in.fill(page.read_text(encoding="utf-8"), name)
    problems = page_problems(filled, name)
    assert problems == [], f"lines wider than {WIDTH} characters:\n" + "\n".join(problems)


def run_cells(cells):
    """What each code cell prints, run in order in one namespace (as tests/shown_everywhere.py)."""
    namespace, printed = {"__name__": "notebook"}, []
    for cell in cells:
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            exec("".join(cell["source"]), namespace)
        printed.append(output.getvalue())
    return printed


@pytest.mark.parametrize("book", NOTEBOOKS, ids=lambda book: str(book.relative_to(DOCS)))
def test_notebook_code_and_output_fit(book):
    name = str(book.relative_to(DOCS))
    cells = [cell for cell in json.loads(book.read_text(encoding="utf-8"))["cells"]
             if cell["cell_type"] == "code"]
    problems = []
    for index, (cell, printed) in enumerate(zip(cells, run_cells(cells)), 1):
        problems += too_wide("".join(cell["source"]).split("\n"), f"{name}, code cell {index},")
        problems += too_wide(printed.split("\n"), f"{name}, the output of code cell {index},")
    assert problems == [], f"lines wider than {WIDTH} characters:\n" + "\n".join(problems)


def test_the_check_catches_a_wide_line():
    wide = "x = " + "1" * 96
    page = f"# A page\n\nText.\n\n??? note \"Fold\"\n\n    ```text\n    short\n    {wide}\n    ```\n"
    problems = page_problems(page, "made-up.md")
    assert len(problems) == 1
    assert "made-up.md" in problems[0] and "line 2" in problems[0] and "100 characters" in problems[0]
    assert page_problems("```python\nx = 1\n```\n", "fine.md") == []
