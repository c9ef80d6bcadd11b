"""Every page's prose reads as plain English: a Flesch reading ease of 60 or more.

Only the prose counts: code, printed output, tables, figures, "Show me the math" boxes and other
collapsed blocks are taken out first (see VOICE.md).
"""

import re

import pyphen
import pytest

from conftest import DOCS

MINIMUM = 60
PAGES = sorted(DOCS.rglob("*.md"))


def prose(markdown: str) -> str:
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)  # front matter: settings, not prose
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"\{\{.*?\}\}", "1", text)  # a number the build fills in reads as one short word
    text = re.sub(r"^(```|~~~).*?^\1\s*$", "", text, flags=re.S | re.M)  # code and output
    # Collapsed blocks (??? ...) and their indented bodies: optional extras, not the main text.
    text = re.sub(r"^\?\?\?\+?.*\n(?:(?:[ \t]+.*)?\n)*", "", text, flags=re.M)
    text = re.sub(r"<figure.*?</figure>", "", text, flags=re.S)
    text = re.sub(r"<script.*?</script>|<[^>]+>", " ", text, flags=re.S)  # an interactive figure's markup
    text = re.sub(r"^\|.*\|\s*$", "", text, flags=re.M)  # tables
    text = re.sub(r"^\*\[.*$", "", text, flags=re.M)  # abbreviation definitions
    text = re.sub(r"\\\(.*?\\\)|\\\[.*?\\\]", "", text, flags=re.S)  # math
    text = re.sub(r"`[^`]*`", "code", text)  # an identifier reads as one short word
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links: keep their words
    text = re.sub(r"^#+\s.*$", "", text, flags=re.M)  # headings are not sentences
    text = re.sub(r"[*_>#]", "", text)
    return " ".join(text.split())


HYPHENATOR = pyphen.Pyphen(lang="en_US")  # pyphen ships its dictionaries: no download


def syllables(word: str) -> int:
    # Hyphenation points are a good stand-in for syllable breaks (as textstat does with pyphen).
    return max(1, len(HYPHENATOR.positions(word)) + 1)


def flesch_reading_ease(text: str) -> float:
    """206.835 - 1.015 (words per sentence) - 84.6 (syllables per word): 60-70 is plain English."""
    words = re.findall(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*", text)
    sentences = max(1, len(re.findall(r"[.!?]+(?=\s|$)", text)))
    return 206.835 - 1.015 * len(words) / sentences - 84.6 * sum(map(syllables, words)) / len(words)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(DOCS)))
def test_prose_is_plain_english(page):
    score = flesch_reading_ease(prose(page.read_text(encoding="utf-8")))
    assert score >= MINIMUM, f"{page.relative_to(DOCS)}: Flesch reading ease {score:.1f}, want {MINIMUM} or more"


def test_reading_ease_tells_plain_from_dense_prose():
    plain = "The cat sat on the mat. It was warm. The sun was out."
    dense = ("Backpropagation systematically differentiates compositional computational graphs, "
             "propagating sensitivities through intermediate representations simultaneously.")
    assert flesch_reading_ease(plain) > 90 and flesch_reading_ease(dense) < 0
    assert syllables("network") == 2 and syllables("derivative") == 4


def test_prose_keeps_sentences_and_drops_code_and_math():
    sample = 'Text one.\n\n```python\nx = 1\n```\n\n??? note "Show me the math"\n\n    \\(a\\)\n\nText two.'
    assert prose(sample) == "Text one. Text two."


# The core path: what a reader meets who reads the home page, chapters 1 and 2 and the
# complete picture. Its prose (paragraphs and list items; not code, tables, figures or
# fold-outs) stays within a budget, so each idea is told once and the path stays short.
CORE_PATH = ["index.md", *(f"derivatives/{name}" for name in ("index.md", "slope.md", "descent.md",
             "chain-rule.md", "backpropagation.md")),
             *(f"activations/{name}" for name in ("index.md", "straight-lines.md", "sigmoid.md",
                                                  "flat-ends.md", "choosing.md")),
             "complete-picture/index.md"]
# (8,500 until the four interactive figures came, each with a line or two on how to use it.)
CORE_PATH_WORDS = 8_600


def words(text: str) -> int:
    return len(re.findall(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*", text))


def core_path_words() -> dict:
    return {page: words(prose((DOCS / page).read_text(encoding="utf-8"))) for page in CORE_PATH}


def test_the_core_path_is_short():
    counted = core_path_words()
    assert all((DOCS / page).exists() for page in CORE_PATH)
    total = sum(counted.values())
    assert total <= CORE_PATH_WORDS, f"the core path has {total:,} words of prose, want {CORE_PATH_WORDS:,}: {counted}"


if __name__ == "__main__":  # python tests/test_readability.py: the words of each page of the core path
    for page, count in core_path_words().items():
        print(f"{count:6,}  {page}")
    print(f"{sum(core_path_words().values()):6,}  in all (budget {CORE_PATH_WORDS:,})")
