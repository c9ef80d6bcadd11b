"""What the build hooks need to know about the modules in snippets/.

- `module_key(name)`: a hash of the module and of every sibling it imports, directly or not,
  with the library versions and numpy's and OpenBLAS's code-path settings. A cached figure,
  fact or printed output stays valid exactly as long as the keys of the modules it came from.
- `code_key(code)`: the same for a page's code block (its text and the modules it imports).
- `function_key(function)`: the same for one function (a figure's drawing code): its module's
  file, and the keys of the sibling modules whose names it (or a helper of its module it calls)
  uses. Two figures in one file thus have keys of their own.
- `fresh_import(name)`: import a module as the code is now. Under `mkdocs serve` one process
  builds again after every change: when any file in snippets/ has changed, every snippet
  module is imported anew; otherwise the modules (and the results they have cached) are
  reused, so the facts, the outputs and the figures of one build share one run.
"""

import ast
import hashlib
import importlib
import inspect
import os
import sys
import types
from functools import cache
from pathlib import Path

import matplotlib
import numpy

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets"
SETTINGS = ("NPY_DISABLE_CPU_FEATURES", "OPENBLAS_CORETYPE")


@cache  # by the source itself: a rebuild parses only what changed
def imported_names(source):
    """The top-level names of the modules a piece of Python source imports."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return frozenset(names)


def siblings(source, folder=None):
    folder = folder or SNIPPETS
    return {name for name in imported_names(source) if (folder / f"{name}.py").exists()}


def needed(names, folder=None):
    """The modules named and every sibling they import, directly or not."""
    folder = folder or SNIPPETS
    found, waiting = set(), list(names)
    while waiting:
        current = waiting.pop()
        if current not in found:
            found.add(current)
            waiting += siblings((folder / f"{current}.py").read_bytes(), folder)
    return found


def _digest(names, folder, extra=b""):
    settings = " ".join(os.environ.get(name, "") for name in SETTINGS)
    digest = hashlib.sha256(f"{matplotlib.__version__} {numpy.__version__} {settings}".encode() + extra)
    for name in sorted(needed(names, folder)):
        digest.update(name.encode() + (folder / f"{name}.py").read_bytes())
    return digest.hexdigest()[:16]


def module_key(name, folder=None):
    return _digest([name], folder or SNIPPETS)


def code_key(code, folder=None):
    folder = folder or SNIPPETS
    return _digest(siblings(code.encode(), folder), folder, extra=code.encode())


def _names_from(module):
    """{name: the snippet module it comes from} for each name a module imports."""
    found = {}
    for node in ast.walk(ast.parse(Path(module.__file__).read_bytes())):
        if isinstance(node, ast.Import):
            found.update({(alias.asname or alias.name): alias.name.split(".")[0] for alias in node.names})
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.update({(alias.asname or alias.name): node.module.split(".")[0] for alias in node.names})
    folder = Path(module.__file__).parent
    return {name: source for name, source in found.items() if (folder / f"{source}.py").exists()}


def function_key(function):
    module = sys.modules[function.__module__]
    folder = Path(module.__file__).parent
    imported = _names_from(module)
    sources, seen, waiting = set(), set(), [function.__code__]
    while waiting:
        code = waiting.pop()
        if code in seen:
            continue
        seen.add(code)
        waiting += [const for const in code.co_consts if isinstance(const, types.CodeType)]  # inner functions
        for name in code.co_names:
            if name in imported:
                sources.add(imported[name])
            elif inspect.isfunction(value := module.__dict__.get(name)) and value.__module__ == module.__name__:
                waiting.append(value.__code__)  # a helper in the same file: follow what it uses
    digest = hashlib.sha256(Path(module.__file__).read_bytes())
    for source in sorted(sources):
        digest.update(f"{source}:{module_key(source, folder)}".encode())
    return digest.hexdigest()[:16]


def snippets_key():
    digest = hashlib.sha256()
    for path in sorted(SNIPPETS.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


_imported_key = None


def fresh_import(name):
    """Import snippets/<name>.py as the code is now (see the module's docstring)."""
    global _imported_key
    key = snippets_key()
    # The first time, keep what is loaded (a test process has imported these very files);
    # after that, a change anywhere in snippets/ means every module is imported anew.
    if _imported_key is not None and key != _imported_key:
        for loaded, module in list(sys.modules.items()):
            if Path(getattr(module, "__file__", None) or "/").parent == SNIPPETS:
                del sys.modules[loaded]
    _imported_key = key
    if str(SNIPPETS) not in sys.path:
        sys.path.insert(0, str(SNIPPETS))
    return importlib.import_module(name)
