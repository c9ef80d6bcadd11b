"""Turn the glossary page into tooltips on every page.

`docs/glossary.md` is a definition list, one term per entry. Before each page is rendered we
append an abbreviation line (`*[term]: definition`) for every term, so the `abbr` extension
shows the definition as a tooltip wherever the word is used. One file, two uses: the glossary
page a reader can browse and the tooltips, which therefore can never disagree.
"""

import re
from pathlib import Path

GLOSSARY = Path(__file__).resolve().parent.parent / "docs" / "glossary.md"
# A term line followed by its definition line(s) starting with ":   ".
ENTRY = re.compile(r"^(?P<term>[^\s:#*<!][^\n]*)\n\n?:\s{3}(?P<definition>.+?)(?=\n\n|\Z)", re.M | re.S)


def plain(text: str) -> str:
    """Strip Markdown links and emphasis so the tooltip reads as plain text."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]", "", text)
    return " ".join(text.split()).replace('"', "'")


def forms(term: str) -> set[str]:
    """The spellings a reader meets: as written, lower case, capitalised, plural."""
    words = {term, term.lower(), term[:1].upper() + term[1:]}
    return words | {w + ("es" if w.endswith(("s", "x", "sh", "tch")) else "s") for w in words}


def glossary_entries(text: str) -> list[tuple[str, str]]:
    return [(m["term"].strip(), plain(m["definition"])) for m in ENTRY.finditer(text)]


def on_page_markdown(markdown, page, **kwargs):
    lines = []
    for term, definition in glossary_entries(GLOSSARY.read_text(encoding="utf-8")):
        lines += [f"*[{form}]: {definition}" for form in sorted(forms(term))]
    # One block per line: Markdown's block parser re-scans a block after each abbreviation it
    # takes from it, so a single block of hundreds of lines costs seconds per page.
    return markdown + "\n\n" + "\n\n".join(lines) + "\n"
