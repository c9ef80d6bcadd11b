"""The code reads alike whoever wrote it: ruff (configured in pyproject.toml) finds nothing."""

import subprocess
import sys

from conftest import ROOT


def test_ruff_finds_nothing():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "."],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"ruff check . found:\n{result.stdout}{result.stderr}"


def test_ruff_would_catch_a_real_mistake(tmp_path):
    (tmp_path / "bad.py").write_text("import os\n\n\ndef f(items=[]):\n    return items\n")
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--config",
                             str(ROOT / "pyproject.toml"), str(tmp_path / "bad.py")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "F401" in result.stdout and "B006" in result.stdout
