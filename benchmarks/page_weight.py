"""Print what a first visit to each page downloads, and check the page-weight budgets (a report,
not a test).

    python benchmarks/page_weight.py              # builds the site into a temporary folder
    SITE_DIR=path/to/site python benchmarks/page_weight.py

Each page is opened in Debian's Chromium (as in tests/test_browser.py) in a fresh browser
context, so with an empty cache, and every response is counted, including what Material loads
after the page (its search worker; the search index waits until the reader turns to the search
box) and both colour variants of each figure (lazy ones only if the browser fetches them). Bytes
are counted as a static host that gzips HTML, CSS, JS, JSON and SVG sends them (level 6); the
uncompressed bytes are printed beside them.

Budgets, as bytes transferred compressed on a first visit (1 kB = 1000 bytes): the median page
at most 150 kB, the largest page at most 250 kB; and every figure (SVG under figures/) under
150 kB uncompressed. Exits with 0 when every budget is met, 1 otherwise.
"""

import gzip
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import COMPRESSIBLE, LocalServer, built_pages, chromium_problem, launch  # noqa: E402

KB = 1000
LARGEST_BUDGET = 250 * KB  # compressed
MEDIAN_BUDGET = 150 * KB  # compressed
FIGURE_BUDGET = 150 * KB  # uncompressed, each
KINDS = ["HTML", "CSS", "JS", "images", "fonts", "other"]


def build(folder: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(folder)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def kind_of(response) -> str:
    content_type = (response.headers.get("content-type") or "").split(";")[0].strip().lower()
    path = response.url.split("?")[0].split("#")[0].lower()
    if content_type == "text/html":
        return "HTML"
    if content_type == "text/css":
        return "CSS"
    if "javascript" in content_type or path.endswith((".js", ".mjs")):
        return "JS"
    if content_type.startswith("image/"):
        return "images"
    if content_type.startswith("font/") or path.endswith((".woff", ".woff2", ".ttf", ".otf")):
        return "fonts"
    return "other"


def weigh(browser, base_url: str, page_path: str) -> tuple[dict[str, int], int]:
    """Bytes of each kind that a first visit to one page downloads, and their gzipped total
    (what a host that compresses text would send: most static hosts do)."""
    context = browser.new_context(service_workers="block")  # a new context: an empty cache
    responses = []
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    page.goto(base_url + page_path, wait_until="load")
    page.wait_for_load_state("networkidle")
    totals, gzipped = dict.fromkeys(KINDS, 0), 0
    for response in responses:
        if not response.url.startswith(base_url):
            continue  # never happens on this site; tests/test_browser.py fails if it does
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - a redirect or aborted response has no body
            body = b""
        totals[kind_of(response)] += len(body)
        content_type = (response.headers.get("content-type") or "").lower()
        gzipped += len(gzip.compress(body, 6)) if content_type.startswith(COMPRESSIBLE) else len(body)
    context.close()
    return totals, gzipped


def kb(size: int) -> str:
    return f"{size / KB:,.1f}"


def report(site: Path) -> bool:
    from playwright.sync_api import sync_playwright

    pages = built_pages(site)
    rows = {}
    with LocalServer(site) as base_url, sync_playwright() as playwright:
        browser = launch(playwright)
        for page_path in pages:
            rows[page_path] = weigh(browser, base_url, page_path)
        browser.close()

    width = max(len(p) for p in pages)
    print(f"First visit, empty cache, in kB (1 kB = 1000 bytes); by kind uncompressed: {site}\n")
    print(f"{'page':<{width}}  " + "".join(f"{k:>9}" for k in KINDS) + f"{'total':>10}  {'gzipped':>8}  budget")
    ok = True
    for page_path, (totals, gzipped) in rows.items():
        over = gzipped > LARGEST_BUDGET
        ok &= not over
        cells = "".join(f"{kb(totals[k]):>9}" for k in KINDS)
        verdict = "OVER" if over else "ok"
        print(f"{page_path:<{width}}  {cells}{kb(sum(totals.values())):>10}  {kb(gzipped):>8}  {verdict}")

    median = statistics.median(g for _, g in rows.values())
    largest = max(g for _, g in rows.values())
    print(f"\nmedian page, compressed: {kb(median)} kB (budget at most {kb(MEDIAN_BUDGET)} kB): "
          f"{'OVER' if median > MEDIAN_BUDGET else 'ok'}")
    print(f"largest page, compressed: {kb(largest)} kB (budget at most {kb(LARGEST_BUDGET)} kB): "
          f"{'OVER' if largest > LARGEST_BUDGET else 'ok'}")
    ok &= median <= MEDIAN_BUDGET

    figures = sorted((site / "figures").glob("*.svg"), key=lambda f: f.stat().st_size, reverse=True)
    if figures:
        largest = figures[0]
        over = [f for f in figures if f.stat().st_size >= FIGURE_BUDGET]
        print(f"largest figure: figures/{largest.name}, {kb(largest.stat().st_size)} kB "
              f"(budget < {kb(FIGURE_BUDGET)} kB each, {len(figures)} figures): {'OVER' if over else 'ok'}")
        for figure in over:
            print(f"  over budget: figures/{figure.name}, {kb(figure.stat().st_size)} kB")
        ok &= not over
    else:
        print("no figure under figures/")
    print("\nall budgets met" if ok else "\nBUDGET EXCEEDED")
    return ok


def main() -> int:
    problem = chromium_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    if os.environ.get("SITE_DIR"):
        return 0 if report(Path(os.environ["SITE_DIR"])) else 1
    with tempfile.TemporaryDirectory(prefix="page-weight-") as folder:
        build(Path(folder))
        return 0 if report(Path(folder)) else 1


if __name__ == "__main__":
    sys.exit(main())
