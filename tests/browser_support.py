"""Helpers for the browser tests and `benchmarks/page_weight.py`: serve a built site on this
machine, start Debian's Chromium through Playwright, list the site's pages, crawl its links.

Nothing here reaches another host: the server listens on 127.0.0.1 only, and the browser is
started with Chromium's background networking (updates, sync, field trials) switched off.
"""

import functools
import gzip
import importlib.util
import json
import os
import re
import threading
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

CHROMIUM_DEFAULT = "/usr/bin/chromium"
INSTALL_HINT = "install it with `apt-get install -y --no-install-recommends chromium` (Debian)"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
# The accessibility rules every browser test runs with axe-core: WCAG 2.0-2.2, levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Pages written by MkDocs that are not built from a file in docs/.
EXTRA_PAGES = ["404.html"]


def chromium_path() -> str:
    return os.environ.get("CHROMIUM") or CHROMIUM_DEFAULT


def chromium_problem() -> str | None:
    """Why the browser cannot be started here, or None when it can."""
    path = chromium_path()
    if not (Path(path).is_file() and os.access(path, os.X_OK)):
        return f"Chromium not found at {path} (set CHROMIUM to its path): {INSTALL_HINT}"
    if importlib.util.find_spec("playwright") is None:
        return "Playwright for Python is missing: `.venv/bin/pip install -r requirements.lock`"
    return None


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)


# --- serving a built site -------------------------------------------------------------------


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class names it so
        pass


# What a static host gzips: text of every kind, JSON, JavaScript and SVG.
COMPRESSIBLE = ("text/", "application/json", "application/javascript", "image/svg+xml")


class CompressingHandler(QuietHandler):
    """Sends compressible files gzipped (level 6) to a browser that accepts it, as a static host
    does, so that what the browser measures is what a reader downloads."""

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and accepts and content_type.startswith(COMPRESSIBLE)):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the browser closing a connection early is not our error


class LocalServer:
    """`with LocalServer(folder) as base_url:` serves folder at http://127.0.0.1:<free port>/;
    with compress=True, gzipped as a static host serves it."""

    def __init__(self, folder: Path, compress: bool = False):
        handler = functools.partial(CompressingHandler if compress else QuietHandler, directory=str(folder))
        self.server = QuietServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/"

    def __enter__(self) -> str:
        self.thread.start()
        return self.base_url

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


# --- the pages of a site ----------------------------------------------------------------------


def page_for_source(relative: Path) -> str:
    """The built page of a source file in docs/: `a/b.md` -> `a/b/index.html` (MkDocs' URLs)."""
    stem = relative.with_suffix("")
    if stem.name in ("index", "README"):
        folder = stem.parent.as_posix()
        return "index.html" if folder == "." else f"{folder}/index.html"
    return f"{stem.as_posix()}/index.html"


def source_pages(docs: Path) -> dict[str, Path | None]:
    """Every page the site should have, from docs/: {built page: its source (None if none)}."""
    pages: dict[str, Path | None] = {name: None for name in EXTRA_PAGES}
    for source in sorted([*docs.rglob("*.md"), *docs.rglob("*.ipynb")]):
        if ".ipynb_checkpoints" in source.parts:
            continue
        pages[page_for_source(source.relative_to(docs))] = source
    return pages


def built_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as paths relative to it."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


# --- math in a source file --------------------------------------------------------------------

FENCE = re.compile(r"^(\s*)(```|~~~).*?^\1\2[ \t]*$", re.M | re.S)
TEX = re.compile(
    r"\\\(|\\\[|\$\$|\\begin\{|"  # \( ... \)   \[ ... \]   $$ ... $$   \begin{align}
    r"(?<![\\$\w])\$(?=[^\s$])[^$\n]+?(?<![\s\\])\$(?![\w$])"  # $ ... $ (arithmatex's dollar)
)


def source_has_math(source: Path | None) -> bool:
    """Whether a page's Markdown (or notebook's Markdown cells) holds TeX outside code."""
    if source is None or not source.exists():
        return False
    if source.suffix == ".ipynb":
        cells = json.loads(source.read_text(encoding="utf-8")).get("cells", [])
        text = "\n".join("".join(c.get("source", "")) for c in cells if c.get("cell_type") == "markdown")
    else:
        text = source.read_text(encoding="utf-8")
    text = FENCE.sub("", text)
    text = re.sub(r"`[^`\n]+`", "", text)  # inline code
    return bool(TEX.search(text))


# --- crawling the links of a built site ------------------------------------------------------


class LinkParser(HTMLParser):
    """Collects the ids on a page and the URLs it links to or loads."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (tag.attribute, url)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        linking = {"a": ["href"], "link": ["href"], "img": ["src"], "script": ["src"], "source": ["src"]}
        for attribute in linking.get(tag, []):
            if attrs.get(attribute):
                self.links.append((f"{tag}.{attribute}", attrs[attribute]))


@functools.cache
def parse_page(path: Path) -> LinkParser:
    parser = LinkParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def target_file(site: Path, url_path: str) -> Path:
    """The file a URL path names in the site, as a static server would pick it."""
    path = site / unquote(url_path).lstrip("/")
    if url_path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path


def broken_links(site: Path, site_url: str = "") -> list[str]:
    """Every link or resource inside the site whose file, or #fragment on its page, is missing.

    Links to other hosts are not followed (they cannot be checked offline); links to `site_url`
    (the site's own public address) are checked against the built files.
    """
    local = "http://site.invalid/"
    public = urlsplit(site_url) if site_url else None
    problems = []
    for page in built_pages(site):
        parsed = parse_page(site / page)
        for where, url in parsed.links:
            if re.match(r"(mailto|tel|javascript|data|blob):", url, re.I):
                continue
            absolute = urlsplit(urljoin(local + page, url))
            if absolute.netloc != "site.invalid":
                if not (public and absolute.scheme in ("http", "https") and absolute.netloc == public.netloc):
                    continue  # another host
                base = public.path if public.path.endswith("/") else public.path + "/"
                if not absolute.path.startswith(base.rstrip("/")):
                    continue
                url_path = "/" + absolute.path[len(base):]
            else:
                url_path = absolute.path
            target = target_file(site, url_path)
            if not target.is_file():
                named = target.relative_to(site).as_posix()
                problems.append(f"{page}: <{where}={url!r}> names {named}, which does not exist")
                continue
            fragment = unquote(absolute.fragment)
            if not fragment or where != "a.href" or target.suffix != ".html":
                continue  # an image's #only-dark is a hint for the theme's CSS, not an anchor
            if fragment not in parse_page(target).ids:
                named = target.relative_to(site).as_posix()
                problems.append(f"{page}: <{where}={url!r}>: no element with id {fragment!r} on {named}")
    return problems


# --- what a page says ----------------------------------------------------------------------------


class ArticleText(HTMLParser):
    """The text of a page's main content (Material's <article>), with and without code."""

    def __init__(self):
        super().__init__()
        self.depth = 0  # inside <article> when > 0
        self.code = 0  # inside <pre> or <code> when > 0
        self.all: list[str] = []
        self.prose: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article" or self.depth:
            self.depth += tag == "article"
            self.code += tag in ("pre", "code")

    def handle_endtag(self, tag):
        if self.depth:
            self.code -= tag in ("pre", "code") and self.code > 0
            self.depth -= tag == "article"

    def handle_data(self, data):
        if self.depth:
            self.all.append(data)
            if not self.code:
                self.prose.append(data)


def article_text(path: Path) -> ArticleText:
    parser = ArticleText()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def search_tokens(text: str) -> list[str]:
    """Words as Material's default search (lunr) splits and trims them, lower case."""
    words = (re.sub(r"^\W+|\W+$", "", word) for word in re.split(r"[\s\-]+", text))
    return [word.lower() for word in words if word]

