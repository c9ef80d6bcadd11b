"""Shared fixtures: where things are, and the site built once per test run."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"

# The interactive figures' tests share Chromium and the served site (tests/widget_support.py).
pytest_plugins = ["widget_support"]


def build_env():
    # The end-of-life banner of mkdocs-material goes to stderr; keep it out of the checked output.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@pytest.fixture(scope="session")
def site_build(tmp_path_factory):
    """`mkdocs build --strict` into a temporary folder: (completed process, site folder)."""
    site = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=build_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    return result, site


@pytest.fixture(scope="session")
def site(site_build):
    result, folder = site_build
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr[-4000:]}")
    return folder
