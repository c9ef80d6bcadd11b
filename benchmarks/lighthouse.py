"""Lighthouse scores of every page, on a phone and on a desktop, with the site served compressed
(a report, not a test).

    python benchmarks/lighthouse.py              # builds the site into a temporary folder
    SITE_DIR=path/to/site python benchmarks/lighthouse.py [PAGE ...]

Lighthouse comes from the npm registry (installed once into .cache/lighthouse/, at the version
below) and drives Debian's Chromium, as the browser tests do; the site is served on this machine
gzipped, as a static host serves it. Each page is measured with Lighthouse's mobile settings
(a mid-range phone on a slow 4G network, simulated) and its desktop preset, one run at a time.

Targets: accessibility, best practices and SEO 100 on every page in both; performance 100 on
the desktop and at least 95 on the phone. Prints a table, and for every score under its target
the audits that cost points; exits with 0 when every target is met, 1 otherwise.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import CHROMIUM_ARGS, LocalServer, built_pages, chromium_path, chromium_problem  # noqa: E402
from page_weight import build  # noqa: E402

LIGHTHOUSE_VERSION = "12.8.2"
INSTALL = ROOT / ".cache" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "best", "seo": "seo"}
FORM_FACTORS = ["mobile", "desktop"]
TARGETS = {("mobile", "performance"): 95}  # every other score: 100


def target(form_factor: str, category: str) -> int:
    return TARGETS.get((form_factor, category), 100)


def lighthouse() -> Path:
    """The lighthouse command, installed from the npm registry on first use."""
    command = INSTALL / "node_modules" / ".bin" / "lighthouse"
    version = INSTALL / "node_modules" / "lighthouse" / "package.json"
    if not command.exists() or json.loads(version.read_text())["version"] != LIGHTHOUSE_VERSION:
        if shutil.which("npm") is None:
            sys.exit("npm is needed to install Lighthouse (Node.js 18 or newer: `apt-get install nodejs npm`)")
        INSTALL.mkdir(parents=True, exist_ok=True)
        print(f"installing lighthouse {LIGHTHOUSE_VERSION} into {INSTALL} ...", flush=True)
        subprocess.run(["npm", "install", "--prefix", str(INSTALL), "--no-audit", "--no-fund", "--silent",
                        f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)
    return command


def measure(command: Path, url: str, form_factor: str) -> dict:
    """Lighthouse's report (as JSON) of one page in one form factor."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        output = Path(folder) / "report.json"
        flags = " ".join(["--headless=new", *CHROMIUM_ARGS, f"--user-data-dir={folder}/profile"])
        arguments = [str(command), url, "--quiet", "--output=json", f"--output-path={output}",
                     f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"]
        if form_factor == "desktop":
            arguments.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": chromium_path()}
        subprocess.run(arguments, check=True, env=env, stdout=subprocess.DEVNULL)
        return json.loads(output.read_text())


def scores(report: dict) -> dict[str, int]:
    return {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}


def costly_audits(report: dict, category: str) -> list[str]:
    """The audits of a category that cost points, with what they found."""
    found = []
    for reference in report["categories"][category]["auditRefs"]:
        audit = report["audits"][reference["id"]]
        if reference["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            found.append(f"{audit['id']} (score {audit['score']:.2f}): {audit.get('displayValue') or audit['title']}")
    return found


def run(site: Path, pages: list[str]) -> bool:
    command = lighthouse()
    rows, problems = {}, []
    with LocalServer(site, compress=True) as base_url:
        for page in pages:
            for form_factor in FORM_FACTORS:
                report = measure(command, base_url + page.removesuffix("index.html"), form_factor)
                rows[page, form_factor] = scores(report)
                for category, score in rows[page, form_factor].items():
                    if score < target(form_factor, category):
                        problems += [f"{page}, {form_factor}, {category} {score}: {line}"
                                     for line in costly_audits(report, category) or ["(no audit named)"]]
                print(".", end="", flush=True)
    print("\n")
    width = max(len(page) for page in pages)
    columns = [f"{form_factor[:3]} {SHORT[c]}" for form_factor in FORM_FACTORS for c in CATEGORIES]
    print(f"{'page':<{width}}  " + "".join(f"{c:>10}" for c in columns))
    for page in pages:
        cells = [rows[page, form_factor][c] for form_factor in FORM_FACTORS for c in CATEGORIES]
        print(f"{page:<{width}}  " + "".join(f"{cell:>10}" for cell in cells))
    lowest = {(f, c): min(rows[p, f][c] for p in pages) for f in FORM_FACTORS for c in CATEGORIES}
    print(f"{'lowest':<{width}}  " + "".join(f"{lowest[f, c]:>10}" for f in FORM_FACTORS for c in CATEGORIES))
    print(f"{'target':<{width}}  " + "".join(f"{target(f, c):>10}" for f in FORM_FACTORS for c in CATEGORIES))
    if problems:
        print("\nBelow target:\n  " + "\n  ".join(problems))
    else:
        print("\nevery target met")
    return not problems


def main(arguments: list[str]) -> int:
    problem = chromium_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    if os.environ.get("SITE_DIR"):
        site = Path(os.environ["SITE_DIR"])
        return 0 if run(site, arguments or built_pages(site)) else 1
    with tempfile.TemporaryDirectory(prefix="lighthouse-site-") as folder:
        build(Path(folder))
        return 0 if run(Path(folder), arguments or built_pages(Path(folder))) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
