"""Fill every computed number and printed output into the pages while the site builds.

Two markers, so the Markdown stays readable and no number is ever typed by hand:

- `{{ name }}` or `{{ name:.4f }}` (any Python format spec) is replaced by the fact `name`
  from `snippets/facts.py`. A float must say how it is shown (a spec); a whole number is shown
  with thousands separators unless its spec says otherwise; a string (a table, say) goes in as
  it is. Markers inside fenced code are left alone: code is shown as written.
- `<!-- output -->` on its own line right after a ```` ```python ```` block is replaced by a
  ```` ```text ```` block holding what that block prints. The build runs the block, so what a
  page shows under a block is what the block prints.

An unknown name, a float without a spec or a block that raises stops the build with a
message that names the page. Facts and outputs are computed once per version of `snippets/`
and kept in `.cache/fill_in/<key>.json`, so a rebuild after a page edit computes nothing.

Run `python hooks/fill_in.py docs/PAGE.md` to print a page with everything filled in.
"""

import contextlib
import hashlib
import importlib
import io
import json
import numbers
import os
import re
import sys
import tempfile
import traceback
from pathlib import Path

import numpy

try:
    from mkdocs.exceptions import PluginError
except ImportError:  # run as a script without MkDocs: any error will do
    PluginError = RuntimeError

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
CACHE = ROOT / ".cache" / "fill_in"

PLACEHOLDER = re.compile(r"\{\{\s*(?P<name>[A-Za-z_][\w.]*)\s*(?::(?P<spec>[^{}]*?))?\s*\}\}")
FENCE = re.compile(r"^\s*(```|~~~)")
OUTPUT_MARKER = "<!-- output -->"
# A python block, then a blank line, then the output marker, all at the same indentation.
OUTPUT_BLOCK = re.compile(
    r"^(?P<indent>[ ]*)```python\n(?P<code>.*?)\n(?P=indent)```[ ]*\n[ ]*\n(?P=indent)<!-- output -->[ ]*$",
    re.M | re.S,
)


def code_key() -> str:
    """A hash of every file in snippets/ and numpy's version: what the results depend on."""
    digest = hashlib.sha256(numpy.__version__.encode())
    for path in sorted(SNIPPETS.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def fresh_import(name):
    """Import a snippets/ module anew, with every snippet module reloaded (under `mkdocs serve`
    the same process builds again after each change)."""
    for loaded, module in list(sys.modules.items()):
        if Path(getattr(module, "__file__", None) or "/").parent == SNIPPETS:
            del sys.modules[loaded]
    if str(SNIPPETS) not in sys.path:
        sys.path.insert(0, str(SNIPPETS))
    return importlib.import_module(name)


def plain(value):
    """numpy scalars become Python numbers, so a fact survives a trip through JSON unchanged."""
    if isinstance(value, numpy.generic):
        return value.item()
    return value


class Results:
    """The facts and block outputs of one version of snippets/, cached in memory and on disk."""

    def __init__(self, key, use_cache=True):
        self.key = key
        self.path = CACHE / f"{key}.json"
        self.use_cache = use_cache
        stored = json.loads(self.path.read_text()) if use_cache and self.path.exists() else {}
        self._facts = stored.get("facts")
        self.outputs = stored.get("outputs", {})
        self.changed = False

    @property
    def facts(self):
        if self._facts is None:
            self._facts = {name: plain(value) for name, value in fresh_import("facts").all_facts().items()}
            self.changed = True
        return self._facts

    def output(self, code, where):
        digest = hashlib.sha256(code.encode()).hexdigest()[:16]
        if digest not in self.outputs:
            self.outputs[digest] = run_block(code, where)
            self.changed = True
        return self.outputs[digest]

    def save(self):
        if not (self.changed and self.use_cache):
            return
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=CACHE, suffix=".tmp", delete=False) as file:
            json.dump({"facts": self._facts, "outputs": self.outputs}, file, indent=1, sort_keys=True)
        os.replace(file.name, self.path)  # in one step: a build running at once never reads half a file
        self.changed = False
        for old in sorted(CACHE.glob("*.json"), key=lambda p: p.stat().st_mtime)[:-3]:
            old.unlink(missing_ok=True)


def run_block(code, where):
    """Run a page's code block as pytest-codeblocks does (fresh globals, snippets/ importable)
    and return what it prints."""
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(code, where, "exec"), {"__name__": "page_block"})
    except Exception as error:
        detail = "".join(traceback.format_exception_only(error)).strip()
        raise PluginError(f"{where}: the code block raised {detail}") from error
    return printed.getvalue()


def format_fact(name, spec, facts, where):
    if name not in facts:
        close = [known for known in facts if known.split(".")[0] == name.split(".")[0]]
        hint = f" (facts starting like it: {', '.join(sorted(close)[:8])})" if close else ""
        raise PluginError(f"{where}: unknown fact {{{{ {name} }}}}{hint}; facts come from snippets/facts*.py")
    value = facts[name]
    if spec is None:
        if isinstance(value, float):
            raise PluginError(f"{where}: {{{{ {name} }}}} is a float ({value!r}): say how to show it, "
                              f"e.g. {{{{ {name}:.4f }}}}")
        if isinstance(value, numbers.Integral) and not isinstance(value, bool):
            return f"{value:,}"
        return str(value)
    try:
        return format(value, spec.strip())
    except (ValueError, TypeError) as error:
        raise PluginError(f"{where}: cannot show {{{{ {name} }}}} ({value!r}) as {spec.strip()!r}: {error}") from error


def fill_facts(markdown, facts, where):
    """Replace every {{ name }} outside fenced code."""
    lines, in_fence = [], False
    for line in markdown.split("\n"):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            indent = line[: len(line) - len(line.lstrip(" "))]

            def replace(match, indent=indent):
                shown = format_fact(match["name"], match["spec"], facts, where)
                return shown.replace("\n", "\n" + indent)  # a table keeps its place in a fold-out

            line = PLACEHOLDER.sub(replace, line)
        lines.append(line)
    return "\n".join(lines)


def fill_outputs(markdown, output, where):
    """Replace each output marker with what the python block above it prints."""

    def replace(match):
        indent, code = match["indent"], match["code"]
        code = "\n".join(line[len(indent):] for line in code.split("\n"))
        line = markdown.count("\n", 0, match.start()) + 1
        printed = output(code, f"{where}, the block at line {line}").rstrip("\n")
        if not printed:
            raise PluginError(f"{where}: the block at line {line} prints nothing, yet {OUTPUT_MARKER} follows it")
        shown = "\n".join((indent + row).rstrip() for row in printed.split("\n"))
        return match.group(0)[: -len(OUTPUT_MARKER)] + f"```text\n{shown}\n{indent}```"

    filled = OUTPUT_BLOCK.sub(replace, markdown)
    if OUTPUT_MARKER in filled:
        line = filled[: filled.index(OUTPUT_MARKER)].count("\n") + 1
        raise PluginError(f"{where}: {OUTPUT_MARKER} at line {line} does not follow a ```python block and a blank line")
    return filled


_results = None


def results():
    global _results
    key = code_key()
    if _results is None or _results.key != key:
        fresh_import("facts")  # the current snippets/, not the modules of an earlier build
        _results = Results(key)
    return _results


def fill(markdown, where, current=None):
    """The page with every fact and output filled in (from the cache unless `current` is given)."""
    current = current or results()
    markdown = fill_outputs(markdown, current.output, where)
    if PLACEHOLDER.search(markdown):
        markdown = fill_facts(markdown, current.facts, where)
    return markdown


def on_page_markdown(markdown, page, **kwargs):
    return fill(markdown, page.file.src_uri)


def on_post_build(config, **kwargs):
    if _results is not None:
        _results.save()


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(fill(Path(name).read_text(encoding="utf-8"), name))
    results().save()
