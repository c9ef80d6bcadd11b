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


# Tags inside which a term is never underlined: headings, table headers, captions, code, links.
QUIET = ("h1", "h2", "h3", "h4", "h5", "h6", "th", "figcaption", "code", "pre", "a")
TOKEN = re.compile(r"<(/?)(h[1-6]|th|figcaption|code|pre|a|abbr)\b([^>]*)>")
TITLE = re.compile(r'title="([^"]*)"')


def first_uses_only(html: str, per_section: bool = True) -> str:
    """Keep a term's tooltip at its first use in each section (each h2), in running text only,
    and make it reachable from the keyboard; every other use of the term is plain text.
    per_section=False keeps only the first use on the whole page."""
    out, position, quiet, seen, kept = [], 0, 0, set(), []
    for match in TOKEN.finditer(html):
        out.append(html[position:match.start()])
        position = match.end()
        closing, tag, attributes = match[1] == "/", match[2], match[3]
        if tag == "abbr":
            if closing:
                if kept and kept.pop():
                    out.append("</abbr>")
                continue
            title = TITLE.search(attributes)
            keep = bool(title) and not quiet and title[1] not in seen
            if keep:
                seen.add(title[1])
                out.append(f'<abbr{attributes} tabindex="0">')
            kept.append(keep)
            continue
        if tag == "h2" and not closing and per_section:
            seen = set()  # a new section: each term gets its tooltip again at its first use
        quiet += -1 if closing else 1
        out.append(match.group(0))
    out.append(html[position:])
    return "".join(out)


def on_page_content(html, page, **kwargs):
    if page.file.src_uri == "glossary.md":
        return re.sub(r"<abbr\b[^>]*>(.*?)</abbr>", r"\1", html, flags=re.S)  # the page is the glossary
    # A page of many short sections (the reference, one per module) sets `tooltips: once per
    # page` in its front matter: a tooltip per term per section there was over a hundred.
    return first_uses_only(html, per_section=page.meta.get("tooltips") != "once per page")
