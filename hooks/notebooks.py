"""Make the pages that mkdocs-jupyter renders from notebooks light and self-contained.

mkdocs-jupyter's template puts three things on every notebook page that this site does not
want: an empty MathJax `<script src="">` with its configuration, a mermaid loader that imports
from a CDN, and about 570 kB of JupyterLab CSS inlined in the page. We drop the two scripts
(notebook pages show no math and no diagrams) and keep only the CSS rules whose classes occur
on the page, and only the CSS variables those rules use, which leaves about a fifth. And since
Material shows no download button for the notebook that mkdocs-jupyter copies next to the page
(`include_source: true`), we add one at the top.
tinycss2 does the CSS parsing: a real parser, so nested @media blocks and strings are safe.
"""

import logging
import os
import re
from functools import lru_cache
from pathlib import Path

import tinycss2

EMPTY_MATHJAX = re.compile(
    r'<!-- Load mathjax -->\s*<script src="">\s*</script>.*?<!-- End of mathjax configuration -->', re.S
)
MERMAID_LOADER = re.compile(r'<script type="module">(?:(?!</script>).)*?mermaid.*?</script>', re.S)
STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.S)
CLASS_NAME = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
VARIABLE_USE = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
BIG_STYLE = 50_000  # only JupyterLab's theme is this large; smaller blocks stay as they are


def parse(css):
    return tinycss2.parse_rule_list(css, skip_whitespace=True, skip_comments=True)


def selector_used(prelude, classes):
    """True if one of the comma-separated selectors names only classes found on the page."""
    return any(all(name in classes for name in CLASS_NAME.findall(part))
               for part in tinycss2.serialize(prelude).split(","))


def used_rules(rules, classes):
    """The rules that can match the page: (rule, declarations) or (at-rule, nested rules)."""
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule" and selector_used(rule.prelude, classes):
            kept.append((rule, tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True, skip_comments=True)))
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content:
            nested = used_rules(parse(rule.content), classes)
            if nested:
                kept.append((rule, nested))
        elif rule.type == "at-rule":
            kept.append((rule, None))
    return kept


def write(kept, variables):
    """Serialise the kept rules, leaving out custom properties (--x) not in `variables`."""
    out = []
    for rule, body in kept:
        if rule.type == "at-rule" and body is None:
            out.append(tinycss2.serialize([rule]))
        elif rule.type == "at-rule":
            nested = write(body, variables)
            if nested:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{nested}}}")
        else:
            declarations = [
                f"{d.name}:{tinycss2.serialize(d.value).strip()}{' !important' if d.important else ''}"
                for d in body
                if d.type == "declaration" and (not d.name.startswith("--") or d.name in variables)
            ]
            if declarations:
                out.append(f"{tinycss2.serialize(rule.prelude).strip()}{{{';'.join(declarations)}}}")
    return "".join(out)


@lru_cache(maxsize=8)  # a rebuild under `mkdocs serve` meets the same notebook page again
def prune(css, html):
    classes = {name for value in re.findall(r'class="([^"]*)"', html) for name in value.split()}
    kept = used_rules(parse(css), classes)
    # A variable is needed if the page or a kept rule uses it; grow the set until it is stable.
    variables = set(VARIABLE_USE.findall(html))
    while True:
        text = write(kept, variables)
        needed = variables | set(VARIABLE_USE.findall(text))
        if needed == variables:
            return text
        variables = needed


def download_button(page):
    name = page.file.src_uri.rsplit("/", 1)[-1]
    return (f'<p><a class="md-button" href="{name}" download>Download this notebook ({name})</a> '
            "and run it with Jupyter: it needs only numpy.</p>")


def on_post_page(output, page, **kwargs):
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    # The button goes under the page's title (the notebook's first heading), not above it.
    article = output.find('<article class="md-content__inner md-typeset">')
    title_end = output.find("</h1>", article)
    at = title_end + len("</h1>") if article >= 0 and title_end >= 0 else output.find(">", article) + 1
    if article >= 0:
        output = output[:at] + download_button(page) + output[at:]
    output = EMPTY_MATHJAX.sub("", output)
    output = MERMAID_LOADER.sub("", output)
    return STYLE.sub(
        lambda m: m[1] + prune(m[2], output) + m[3] if len(m[2]) > BIG_STYLE else m[0], output
    )


class PlainCacheMessage(logging.Filter):
    """mkdocs-jupyter reports a fresh run of a notebook as "Cache miss, writing: <the notebook
    in docs/>", which reads as if it wrote into docs/. Say what happened instead."""

    def filter(self, record):
        if str(record.msg).startswith("Cache miss, writing"):
            record.msg, record.args = "Ran the notebook; its output is kept in .cache/mkdocs-jupyter/", ()
        return True


logging.getLogger("mkdocs.plugins.mkdocs_jupyter").addFilter(PlainCacheMessage())


# The notebook's kernel warns that it talks to the build over TCP without encryption: true,
# harmless here (this machine's loopback, one short run), and alarming to a reader building the
# site. An IPython profile of the build's own, kept under .cache/, turns the kernel's log down
# to errors. A reader's own IPYTHONDIR, if set, is left alone.
KERNEL_PROFILE = Path(__file__).resolve().parent.parent / ".cache" / "ipython" / "profile_default"
KERNEL_PROFILE.mkdir(parents=True, exist_ok=True)
(KERNEL_PROFILE / "ipython_kernel_config.py").write_text('c.IPKernelApp.log_level = "ERROR"\n', encoding="utf-8")
os.environ.setdefault("IPYTHONDIR", str(KERNEL_PROFILE.parent))

