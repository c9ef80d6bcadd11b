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
message that names the page. Each results module's facts and each block's output are kept in
`.cache/fill_in/store.json` under the key of the code they came from (hooks/snippet_modules.py):
a rebuild after a page edit computes nothing, and a snippet edit redoes only what it touches.

Run `python hooks/fill_in.py docs/PAGE.md` to print a page with everything filled in.
"""

import contextlib
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

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script, too
import snippet_modules  # noqa: E402

try:
    from mkdocs.exceptions import PluginError
except ImportError:  # run as a script without MkDocs: any error will do
    PluginError = RuntimeError

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = snippet_modules.SNIPPETS
CACHE = ROOT / ".cache" / "fill_in"
STORE = CACHE / "store.json"

PLACEHOLDER = re.compile(r"\{\{\s*(?P<name>[A-Za-z_][\w.]*)\s*(?::(?P<spec>[^{}]*?))?\s*\}\}")
FENCE = re.compile(r"^\s*(```|~~~)")
OUTPUT_MARKER = "<!-- output -->"
# A python block, then a blank line, then the output marker, all at the same indentation.
OUTPUT_BLOCK = re.compile(
    r"^(?P<indent>[ ]*)```python\n(?P<code>.*?)\n(?P=indent)```[ ]*\n[ ]*\n(?P=indent)<!-- output -->[ ]*$",
    re.M | re.S,
)


def plain(value):
    """numpy scalars become Python numbers, so a fact survives a trip through JSON unchanged."""
    if isinstance(value, numpy.generic):
        return value.item()
    return value


class Results:
    """The facts and the block outputs, each kept under the key of the code it came from.

    A module's facts are computed again only when it or a sibling it imports has changed, and a
    block runs again only when it or a module it imports has; everything else comes from
    `.cache/fill_in/store.json`. With use_cache=False everything is computed afresh.
    """

    def __init__(self, use_cache=True):
        self.use_cache = use_cache
        stored = json.loads(STORE.read_text()) if use_cache and STORE.exists() else {}
        self.stored_facts, self.stored_outputs = stored.get("facts", {}), stored.get("outputs", {})
        self.used_facts, self.used_outputs = {}, {}
        self._facts = None

    @property
    def facts(self):
        if self._facts is None:
            self._facts = {}
            for module in snippet_modules.fresh_import("facts").sources():
                key = f"{module}:{snippet_modules.module_key(module)}"
                if key not in self.stored_facts:
                    computed = snippet_modules.fresh_import("facts").facts_of(module)
                    self.stored_facts[key] = {name: plain(value) for name, value in computed.items()}
                self.used_facts[key] = self.stored_facts[key]
                for name, value in self.stored_facts[key].items():
                    if name in self._facts:
                        raise PluginError(f"the fact {name!r} is defined twice (again in {module}.py)")
                    self._facts[name] = value
        return self._facts

    def prepare(self):
        """Compute the facts now, so that the figures drawn next reuse the very same results."""
        return self.facts

    def output(self, code, where):
        key = snippet_modules.code_key(code)
        if key not in self.stored_outputs:
            self.stored_outputs[key] = run_block(code, where)
        self.used_outputs[key] = self.stored_outputs[key]
        return self.stored_outputs[key]

    def save(self):
        """Keep what this build used, and what the stored file holds that another build may use."""
        if not self.use_cache:
            return
        stored = json.loads(STORE.read_text()) if STORE.exists() else {}
        facts = newest_last(stored.get("facts", {}), self.used_facts)
        outputs = newest_last(stored.get("outputs", {}), self.used_outputs)
        if facts == stored.get("facts") and outputs == stored.get("outputs"):
            return
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=CACHE, suffix=".tmp", delete=False) as file:
            json.dump({"facts": facts, "outputs": outputs}, file, indent=1)
        os.replace(file.name, STORE)  # in one step: a build running at once never reads half a file


def newest_last(stored, used, versions=4):
    """The stored entries with this build's moved to the end, keeping only the newest few
    versions' worth: what another build (of another version of snippets/) may still use."""
    kept = {key: value for key, value in stored.items() if key not in used} | used
    return dict(list(kept.items())[-versions * max(1, len(used)):])


def run_block(code, where):
    """Run a page's code block as pytest-codeblocks does (fresh globals, snippets/ importable)
    and return what it prints."""
    if str(SNIPPETS) not in sys.path:  # pytest-codeblocks runs blocks with snippets/ importable
        sys.path.insert(0, str(SNIPPETS))
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
    """The results of this build (a new build starts from what the store holds)."""
    global _results
    if _results is None:
        _results = Results()
    return _results


def fill(markdown, where, current=None):
    """The page with every fact and output filled in (from the cache unless `current` is given)."""
    current = current or results()
    markdown = fill_outputs(markdown, current.output, where)
    if PLACEHOLDER.search(markdown):
        markdown = fill_facts(markdown, current.facts, where)
    return markdown


def on_files(files, config):
    global _results
    _results = Results()
    _results.prepare()
    return files


def on_page_markdown(markdown, page, **kwargs):
    return fill(markdown, page.file.src_uri)


def on_post_build(config, **kwargs):
    results().save()


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(fill(Path(name).read_text(encoding="utf-8"), name))
    results().save()
