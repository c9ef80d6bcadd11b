"""Render math to MathML at build time, so a page needs no math library and no network.

`pymdownx.arithmatex` (generic mode) wraps each formula in a span or div with the TeX inside
`\\( ... \\)` or `\\[ ... \\]`. Browsers draw MathML natively and screen readers read it, so we
swap each wrapper for the MathML that `latex2mathml` makes from the TeX.
"""

import html
import re

from latex2mathml.converter import convert
from mkdocs.exceptions import PluginError

# latex2mathml copes with an unknown command by printing it, backslash and all, as a symbol.
LEFTOVER_COMMAND = re.compile(r">(\\[A-Za-z]+)<")
# latex2mathml writes f' as f raised to a prime, but the prime glyph is already raised: it
# floats high above the letter. Set beside the letter it sits where a reader expects it.
RAISED_PRIME = re.compile(r"<msup>(<mi>[^<]*</mi>)(?:<mrow>)?<mi>&#x02032;</mi>(?:</mrow>)?</msup>")
INLINE = re.compile(r'<span class="arithmatex">\\\((.+?)\\\)</span>', re.DOTALL)
BLOCK = re.compile(r'<div class="arithmatex">\\\[(.+?)\\\]</div>', re.DOTALL)


def to_mathml(tex: str, display: str, page_name: str) -> str:
    tex = html.unescape(tex).strip()
    try:
        mathml = convert(tex, display=display)
    except Exception as error:  # latex2mathml raises many kinds; name the formula that failed
        raise PluginError(f"{page_name}: cannot render the formula {tex!r}: {type(error).__name__} {error}") from error
    if unknown := LEFTOVER_COMMAND.search(mathml):
        raise PluginError(f"{page_name}: cannot render the formula {tex!r}: unknown command {unknown[1]}")
    return RAISED_PRIME.sub(r"\1<mo>&#x02032;</mo>", mathml)


def on_page_content(content, page, **kwargs):
    name = page.file.src_uri
    content = BLOCK.sub(lambda m: f'<div class="math-block">{to_mathml(m[1], "block", name)}</div>', content)
    return INLINE.sub(lambda m: to_mathml(m[1], "inline", name), content)
