"""Change the running example and every page follows, with no other edit.

A copy of the project with the running example's learning rate set to 2.5 is filled in (every
fact, every printed output) and compared with this one: the error after one step and the
trained guesses, to 4 decimals as the pages show them, change on every page that shows them,
and no page still shows the old ones. (The error after training is left out: at 4 decimals it
happens to equal an unrelated slope on another page.)
"""

import json
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from shown_everywhere import split_widget_data

NEW_RATE = 2.5
KEY_NUMBERS = """
import running_example, walkthrough
network, history = running_example.trained()
guesses = network.forward(running_example.data()[0])[:, 0]
print(repr([float(walkthrough.one_step()["loss_after"]), *map(float, guesses)]))
"""


def key_numbers(project):
    result = subprocess.run([sys.executable, "-c", KEY_NUMBERS], cwd=project / "snippets",
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return eval(result.stdout)


def shown(project):
    result = subprocess.run([sys.executable, str(project / "tests" / "shown_everywhere.py")], cwd=project,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    # A widget's data holds numbers at full precision that nobody reads as text: a trained weight may
    # begin with the same four decimals as a result by chance.
    return {page: split_widget_data(text)[0] for page, text in json.loads(result.stdout)["pages"].items()}


@pytest.fixture(scope="module")
def projects(tmp_path_factory):
    copy = tmp_path_factory.mktemp("project")
    for part in ("docs", "snippets", "hooks"):
        shutil.copytree(ROOT / part, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "tests").mkdir()
    shutil.copy(ROOT / "tests" / "shown_everywhere.py", copy / "tests")
    example = copy / "snippets" / "running_example.py"
    text, count = re.subn(r"^LEARNING_RATE = .*$", f"LEARNING_RATE = {NEW_RATE}", example.read_text(), flags=re.M)
    assert count == 1
    example.write_text(text)
    return ROOT, copy


def test_a_new_learning_rate_flows_into_every_page(projects):
    old_project, new_project = projects
    old_numbers, new_numbers = key_numbers(old_project), key_numbers(new_project)
    old_pages, new_pages = shown(old_project), shown(new_project)
    for old, new in zip(old_numbers, new_numbers):
        old_text, new_text = f"{old:.4f}", f"{new:.4f}"
        assert old_text != new_text, "the new rate should change the running example's results"
        showing = [page for page, text in old_pages.items() if old_text in text]
        for page in showing:
            assert new_text in new_pages[page], f"{page} showed {old_text}, but does not show the new {new_text}"
        stale = [page for page, text in new_pages.items() if old_text in text]
        assert stale == [], f"with LEARNING_RATE = {NEW_RATE}, {stale} still show {old_text}"
    assert any(f"{old_numbers[0]:.4f}" in text for text in old_pages.values()), "no page shows the error after one step"
