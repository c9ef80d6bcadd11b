"""Print, as JSON, everything the site shows that the code computes: every page with its facts
and outputs filled in (computed afresh, no cache), and what each notebook's code prints.

tests/test_same_on_every_machine.py runs this under several of numpy's and OpenBLAS's code
paths and checks that every run prints the same.
"""

import contextlib
import io
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "snippets"))

import fill_in  # noqa: E402


# The data a page hands its interactive figure: JSON the browser computes from, not text a reader reads.
WIDGET_DATA = re.compile(r'(<script type="application/json" id="[\w-]+-data">)(.*?)(</script>)', re.S)


def split_widget_data(text):
    """The page's text with each widget's data taken out, and the data, parsed."""
    data = [json.loads(match.group(2)) for match in WIDGET_DATA.finditer(text)]
    return WIDGET_DATA.sub(r"\1(data)\3", text), data


def notebook_output(path):
    """What the notebook's code cells print, run in order in one namespace."""
    namespace, printed = {"__name__": "notebook"}, io.StringIO()
    with contextlib.redirect_stdout(printed):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                exec("".join(cell["source"]), namespace)
    return printed.getvalue()


def shown():
    fresh = fill_in.Results(use_cache=False)
    docs = ROOT / "docs"
    pages = {str(page.relative_to(docs)): fill_in.fill(page.read_text(encoding="utf-8"), page.name, fresh)
             for page in sorted(docs.rglob("*.md"))}
    notebooks = {str(book.relative_to(docs)): notebook_output(book) for book in sorted(docs.rglob("*.ipynb"))}
    return {"pages": pages, "notebooks": notebooks}


if __name__ == "__main__":
    json.dump(shown(), sys.stdout, indent=1)
