"""Every number the pages quote, computed by the reference implementation.

A page never types a number the code computes. It writes `{{ name }}`, or `{{ name:.4f }}`
with any Python format spec, and `hooks/fill_in.py` puts the value there while the site
builds. So a change of seed or learning rate flows into every page, and a sentence and the
figure above it always come from the same run.

This file holds the registry and the facts of the running example, which every chapter
quotes. Each chapter computes its results in a sibling module `results_<chapter>.py` (numpy
only, each result computed once and cached), which the chapter's figures draw and its tests
check; its function `facts()` returns what the pages quote, a dict {name: value}, where a
value is a number or a piece of Markdown (a table, say). Like the figures, this is the
site's code, not a snippet to copy.
Run `python snippets/facts.py` to print every fact.
"""

import importlib
import numbers
from pathlib import Path

import running_example


def running_example_facts():
    network = running_example.make_network()
    inputs, targets = running_example.data()
    before = network.forward(inputs)
    trained, history = running_example.trained()
    after = trained.forward(inputs)
    return {
        "running.seed": running_example.SEED,
        "running.learning_rate": running_example.LEARNING_RATE,
        "running.epochs": running_example.EPOCHS,
        "running.knobs": sum(array.size for array in network.parameters()),
        "running.error_before": float(history.losses[0]),
        "running.error_after": float(history.losses[-1]),
        # Guesses the pages quote, by XOR example in the data's order: (0, 0), (0, 1), (1, 0), (1, 1).
        "running.guess_before_0": float(before[0, 0]),
        "running.guess_before_3": float(before[3, 0]),
        "running.guess_after_1": float(after[1, 0]),
        "running.guess_after_3": float(after[3, 0]),
        "running.examples": len(inputs),
        "running.targets_hit": int(sum(abs(after[:, 0] - targets[:, 0]) < 0.5)),
    }


def sources():
    """The modules whose facts the pages quote: this one (the running example's) and each results_*.py."""
    return ["facts"] + [path.stem for path in sorted(Path(__file__).parent.glob("results_*.py"))]


def facts_of(module):
    """{name: value}: the facts one of sources() gives, each checked to be a number or a string."""
    if module == "facts":
        return running_example_facts()
    found = importlib.import_module(module).facts()
    for name, value in found.items():
        if not isinstance(value, (numbers.Number, str)):
            raise TypeError(f"{module}.py: the fact {name!r} must be a number or a string, got {type(value).__name__}")
    return found


def all_facts():
    """{name: value} for every fact of the site."""
    found = {}
    for module in sources():
        for name, value in facts_of(module).items():
            if name in found:
                raise ValueError(f"{module}.py: the fact {name!r} is already defined elsewhere")
            found[name] = value
    return found


if __name__ == "__main__":
    for name, value in sorted(all_facts().items()):
        shown = value if isinstance(value, str) and "\n" not in value else repr(value)
        print(f"{name} = {shown}")
