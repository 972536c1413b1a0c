"""The preview server (`python -m generator serve`, `make serve`): edit data, see the page.

Not MkDocs. A small threaded server of the standard library that keeps the
generation in memory:

* a watcher thread polls data/, site_templates/ and mkdocs.yml (every 0.1 s)
  and, after a change, regenerates once: load + validate + link through an
  `InputCache` (only changed files are re-loaded, no unchanged source text is
  re-parsed), then compare. Nothing is written into content/.
* a page is rendered when it is requested: its template (the same
  `PageRenderer` as the build), then Python-Markdown with the extensions listed
  in mkdocs.yml, inside a plain HTML shell with the site's stylesheets (and
  Material's, when the theme is installed) and the site's scripts. Rendered
  pages are kept until the next generation.
* every page carries a small script that long-polls `/_preview/wait` and
  reloads when the generation changes.
* while the data has errors, every page answers with the error list
  (file:line:column, code, message, hint) instead of the page; the next good
  generation replaces it by itself.

Static files (content/stylesheets, content/javascripts) and hand-written pages
are read from content/ on each request; generated files left in content/ by an
earlier `generate` (listed in its manifest) are never served, so the preview
shows only the current generation. Search, Material's navigation and its
JavaScript are not in the preview; `make site` builds the real site.
"""

from __future__ import annotations

import functools
import html
import importlib.util
import json
import mimetypes
import posixpath
import sys
import threading
import time
import traceback
import urllib.parse
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable

import markdown
import yaml
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from generator.compare import compare
from generator.errors import DataError, DataErrors
from generator.incremental import InputCache
from generator.links import site_url
from generator.opendata import open_data_files
from generator.pipeline import ProjectPaths
from generator.render import PageRenderer, make_environment
from generator.template_check import assert_templates_escape_data
from generator.write import MANIFEST

POLL_SECONDS = 0.1  # how often the inputs are checked for changes
SETTLE_SECONDS = 0.05  # a change must be stable this long (an editor's save is several writes)
WAIT_SECONDS = 20.0  # a long-poll request is answered after this long even without a change
WATCHED = ("data", "site_templates", "mkdocs.yml")


# -- generation ----------------------------------------------------------------

@dataclass
class Generation:
    """One regeneration's outcome: a renderer for every page, or the errors that stopped it."""

    number: int
    renderer: PageRenderer | None = None
    makers: dict[str, Callable[[], str]] = field(default_factory=dict)
    errors: list[DataError] = field(default_factory=list)
    failure: str | None = None  # an unexpected exception (a bug, not a data error), with its traceback
    config: dict[str, Any] = field(default_factory=dict)  # mkdocs.yml, for extensions, styles and nav
    seconds: float = 0.0
    _pages: dict[str, bytes] = field(default_factory=dict)  # "version:page" -> HTML, made on request
    _open_data: dict[str, str | bytes] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def ok(self) -> bool:
        return self.renderer is not None

    def markdown_of(self, page: str) -> str | None:
        """A generated page's Markdown, or None when this generation has no such page."""
        maker = self.makers.get(page)
        return maker() if maker else None

    def open_data(self) -> dict[str, str | bytes]:
        with self._lock:
            if self._open_data is None:
                assert self.renderer is not None
                self._open_data = open_data_files(self.renderer.dataset, self.renderer.comparisons)
            return self._open_data


def page_makers(renderer: PageRenderer) -> dict[str, Callable[[], str]]:
    """Every page of the build, each made when it is requested (PageRenderer.page_makers)."""
    return renderer.page_makers()


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: tags such as !!python/name become None."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(root: Path) -> dict[str, Any]:
    path = root / "mkdocs.yml"
    if not path.exists():
        return {}
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}


class Preview:
    """The current generation, rebuilt by `rebuild()` (the watcher thread calls it after a change)."""

    def __init__(self, paths: ProjectPaths, log: Callable[[str], None] | None = None):
        self.paths = paths
        self.cache = InputCache()
        self.builds = 0  # regenerations so far; one per change
        self.reloads = 0  # changes of static files, which only reload the browser
        self.generation = Generation(0)
        # The Jinja environment (compiled templates) and the templates' check are kept while the templates are unchanged.
        self._environment: tuple[dict[str, tuple[int, int]], Any] | None = None
        self._condition = threading.Condition()
        self._log = log or (lambda text: print(text, file=sys.stderr, flush=True))

    # The generation number the browser knows; it changes on a rebuild and on a static file's change.
    @property
    def version(self) -> int:
        return self.builds + self.reloads

    def rebuild(self, reason: str = "start") -> Generation:
        start = time.perf_counter()
        number = self.builds + 1
        generation = Generation(number)
        try:
            generation.config = read_config(self.paths.root)
            dataset = self.cache.build_dataset(self.paths.data, self.paths.root)
            environment = self._templates()
            generation.renderer = PageRenderer(dataset, compare(dataset), environment)
            generation.makers = page_makers(generation.renderer)
        except DataErrors as errors:
            generation.errors = list(errors.errors)
            generation.renderer = None
        except Exception:  # a bug or a broken template: shown like a data error, with its traceback
            generation.failure = traceback.format_exc()
            generation.renderer = None
        generation.seconds = time.perf_counter() - start
        with self._condition:
            self.builds = number
            self.generation = generation
            self._condition.notify_all()
        self._log(self._describe(generation, reason))
        return generation

    def _templates(self) -> Any:
        state = snapshot(self.paths.root, ("site_templates",))
        if self._environment is None or self._environment[0] != state:
            environment = make_environment(self.paths.templates)
            assert_templates_escape_data(environment, self.paths.templates)
            self._environment = (state, environment)
        return self._environment[1]

    def reload(self, reason: str) -> None:
        with self._condition:
            self.reloads += 1
            self._condition.notify_all()
        self._log(f"[preview] {reason} changed: reloading the browser")

    def wait_for_change(self, known: int, timeout: float) -> int:
        with self._condition:
            self._condition.wait_for(lambda: self.version != known, timeout=timeout)
            return self.version

    def _describe(self, generation: Generation, reason: str) -> str:
        head = f"[preview] build {generation.number} ({reason}) in {generation.seconds:.2f} s: "
        if generation.ok:
            return head + f"ok, {len(generation.makers)} pages"
        if generation.errors:
            return head + "data errors, the browser shows them:\n" + DataErrors(generation.errors).report()
        return head + "the generator failed:\n" + (generation.failure or "")


# -- watching --------------------------------------------------------------------

def snapshot(root: Path, names: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    """(modification time, size) of every file under the named paths."""
    state: dict[str, tuple[int, int]] = {}
    for name in names:
        path = root / name
        files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
        for file in files:
            try:
                status = file.stat()
            except OSError:
                continue
            state[str(file.relative_to(root))] = (status.st_mtime_ns, status.st_size)
    return state


def static_snapshot(content: Path) -> dict[str, tuple[int, int]]:
    """Hand-written files of content/ (stylesheets, scripts, pages), not the generated ones."""
    generated = _generated_files(content)
    return {name: value for name, value in snapshot(content, ("",)).items()
            if name not in generated and name != MANIFEST and not name.endswith(".tmp")}


def _generated_files(content: Path) -> set[str]:
    manifest = content / MANIFEST
    try:
        return set(manifest.read_text(encoding="utf-8").split())
    except OSError:
        return set()


def _changed(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> list[str]:
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))


class Watcher(threading.Thread):
    def __init__(self, preview: Preview):
        super().__init__(name="preview-watcher", daemon=True)
        self.preview = preview
        self.stopped = threading.Event()
        # Taken now, before the first build: a change made while it runs is seen afterwards.
        self.inputs = snapshot(preview.paths.root, WATCHED)
        self.static = static_snapshot(preview.paths.content)

    def run(self) -> None:
        root, content = self.preview.paths.root, self.preview.paths.content
        inputs, static = self.inputs, self.static
        while not self.stopped.wait(POLL_SECONDS):
            current = snapshot(root, WATCHED)
            if current != inputs:
                while True:  # wait until the files stop changing
                    time.sleep(SETTLE_SECONDS)
                    settled = snapshot(root, WATCHED)
                    if settled == current:
                        break
                    current = settled
                changed = _changed(inputs, current)
                inputs = current
                self.preview.rebuild(", ".join(changed[:3]) + (" …" if len(changed) > 3 else ""))
            current_static = static_snapshot(content)
            if current_static != static:
                changed = _changed(static, current_static)
                static = current_static
                self.preview.reload(", ".join(f"content/{name}" for name in changed[:3]))


# -- pages -------------------------------------------------------------------------

class _SiteLinks(Treeprocessor):
    """Relative links between .md pages become the site's directory URLs, as MkDocs makes them."""

    def __init__(self, md: markdown.Markdown, page: str):
        super().__init__(md)
        self.page = page

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value:
                    element.set(attribute, page_url(self.page, value))


class _SiteLinksExtension(Extension):
    def __init__(self, page: str):
        super().__init__()
        self.page = page

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_SiteLinks(md, self.page), "preview-site-links", 0)


def page_url(page: str, link: str) -> str:
    """A link as written in page (relative, to a .md file) → an absolute URL of the preview."""
    parts = urllib.parse.urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("/", "#")) or not parts.path:
        return link
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
    while target.startswith("../"):  # above the site's root: MkDocs would report it; keep it inside
        target = target[3:]
    if target.endswith(".md"):
        target = site_url(target)
    return "/" + ("" if target == "." else target) + (f"#{parts.fragment}" if parts.fragment else "")


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            meta = yaml.safe_load(text[4:end]) or {}
            return (meta if isinstance(meta, dict) else {}), text[end + 5:]
    return {}, text


def markdown_extensions(config: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    names: list[Any] = []
    options: dict[str, Any] = {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, settings in item.items():
                names.append(name)
                if settings:
                    options[name] = settings
        else:
            names.append(item)
    return names, options


def to_html(page: str, text: str, config: dict[str, Any]) -> tuple[str, str]:
    """(title, body HTML) of a page's Markdown."""
    meta, body = split_front_matter(text)
    names, options = markdown_extensions(config)
    converter = markdown.Markdown(extensions=[*names, _SiteLinksExtension(page)], extension_configs=options)
    converted = converter.convert(body)
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    if not title:
        first = next((line[2:].strip() for line in body.splitlines() if line.startswith("# ")), "")
        title = first or page
    return title, converted


@functools.cache
def _theme_stylesheets() -> dict[str, Path]:
    """Material's compiled stylesheets, when the theme is installed (optional: the preview does not need it)."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return {}
    folder = Path(list(spec.submodule_search_locations)[0]) / "templates" / "assets" / "stylesheets"
    return {path.name: path for kind in ("main", "palette") for path in sorted(folder.glob(f"{kind}.*.min.css"))}


SHELL_STYLE = """
body { margin: 0; font-family: -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", sans-serif; }
.preview-bar { position: sticky; top: 0; z-index: 10; display: flex; flex-wrap: wrap; gap: .3rem 1rem;
  align-items: center; padding: .5rem 1rem; background: #3f51b5; color: #fff; font-size: .75rem; }
.preview-bar a { color: #fff; text-decoration: none; }
.preview-bar .preview-mark { margin-left: auto; opacity: .8; }
.preview-main { max-width: 61rem; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
/* Material wraps wide tables in a scrolling box with its JavaScript, which the preview lacks. */
.preview-main { overflow-wrap: anywhere; min-width: 0; width: 100%; box-sizing: border-box; }  /* body is a flex column in Material's CSS */
.preview-main table { display: block; max-width: 100%; overflow-x: auto; }
.preview-errors li { margin: .6em 0; }
.preview-errors code { font-weight: bold; }
.preview-errors .hint { color: #555; }
"""

RELOAD_SCRIPT = """
(function () {
  var known = %d;
  function poll() {
    fetch("/_preview/wait?version=" + known, {cache: "no-store"})
      .then(function (response) { return response.text(); })
      .then(function (text) { if (text.trim() !== String(known)) { location.reload(); } else { poll(); } })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
"""


def shell(title: str, body: str, config: dict[str, Any], version: int, state: str) -> bytes:
    site_name = html.escape(str(config.get("site_name") or "预览"))
    styles = [f"/_preview/theme/{name}" for name in _theme_stylesheets()]
    styles += ["/" + str(path).lstrip("/") for path in config.get("extra_css") or []]
    scripts = ["/" + str(path).lstrip("/") for path in config.get("extra_javascript") or [] if isinstance(path, str)]
    nav = []
    for item in config.get("nav") or []:
        if isinstance(item, dict):
            for label, target in item.items():
                if isinstance(target, str) and target.endswith(".md"):
                    nav.append(f'<a href="/{site_url(target)}">{html.escape(str(label))}</a>')
    links = "\n".join(f'<link rel="stylesheet" href="{html.escape(url)}">' for url in styles)
    script_tags = "\n".join(f'<script src="{html.escape(url)}"></script>' for url in scripts)
    return f"""<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} - {site_name}（预览）</title>
{links}
<style>{SHELL_STYLE}</style>
</head>
<body data-md-color-scheme="default" data-md-color-primary="indigo" data-preview-version="{version}" data-preview-state="{state}">
<nav class="preview-bar">{"".join(nav)}<span class="preview-mark">预览 · 第 {version} 版</span></nav>
<main class="preview-main md-content"><article class="md-content__inner md-typeset">
{body}
</article></main>
{script_tags}
<script>{RELOAD_SCRIPT % version}</script>
</body>
</html>
""".encode("utf-8")


def error_body(generation: Generation) -> tuple[str, str]:
    if generation.errors:
        count = len(generation.errors)
        items = []
        for error in generation.errors:
            where = html.escape(f"{error.file}:{error.line}:{error.column}")
            field_text = f" at <code>{html.escape(error.path)}</code>" if error.path else ""
            hint = f'<br><span class="hint">hint: {html.escape(error.hint)}</span>' if error.hint else ""
            items.append(f"<li><code>{where}</code>: error[{html.escape(error.code)}]{field_text}: "
                         f"{html.escape(error.message)}{hint}</li>")
        body = (f"<h1>数据有误，页面未更新</h1>\n<p>{count} data error{'s' if count != 1 else ''}; "
                "the page comes back by itself once the files are fixed.</p>\n"
                f'<ol class="preview-errors">\n{"".join(items)}\n</ol>')
        return "数据有误", body
    return "生成失败", ("<h1>生成失败</h1>\n<p>The generator failed (this is a bug, not a data error); "
                    "the page comes back by itself after the fix.</p>\n"
                    f"<pre>{html.escape(generation.failure or '')}</pre>")


# -- serving -----------------------------------------------------------------------

class PreviewHandler(BaseHTTPRequestHandler):
    server: "PreviewServer"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the build log is what matters
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        try:
            self._get()
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception:  # never hang or drop a request: show what went wrong
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, "text/plain; charset=utf-8",
                       traceback.format_exc().encode("utf-8"))

    def _get(self) -> None:
        preview = self.server.preview
        url = urllib.parse.urlsplit(self.path)
        path = urllib.parse.unquote(url.path)
        if path == "/_preview/wait":
            query = urllib.parse.parse_qs(url.query)
            known = int((query.get("version") or ["-1"])[0])
            version = preview.wait_for_change(known, WAIT_SECONDS)
            return self._send(HTTPStatus.OK, "text/plain; charset=utf-8", str(version).encode())
        if path == "/_preview/status":
            generation = preview.generation
            status = {"version": preview.version, "builds": preview.builds, "ok": generation.ok,
                      "errors": [error.format() for error in generation.errors], "failure": generation.failure,
                      "seconds": round(generation.seconds, 3), "pages": len(generation.makers)}
            return self._send(HTTPStatus.OK, "application/json", json.dumps(status, ensure_ascii=False).encode())
        if path.startswith("/_preview/theme/"):
            found = _theme_stylesheets().get(path.rsplit("/", 1)[-1])
            if found:
                return self._send(HTTPStatus.OK, "text/css", found.read_bytes())
            return self._send(HTTPStatus.NOT_FOUND, "text/plain", b"not found")
        relative = posixpath.normpath(path).lstrip("/")
        if relative == ".":
            relative = ""
        if relative.startswith("..") or "\0" in relative:
            return self._send(HTTPStatus.NOT_FOUND, "text/plain", b"not found")
        if relative.startswith("pagefind/"):
            return self._serve_search_index(relative)
        self._serve_site(relative, path.endswith("/") or relative == "")

    def _serve_search_index(self, relative: str) -> None:
        """Search in the preview uses the index of the last `make site` (site/pagefind/): the preview
        builds no HTML of the theme for Pagefind to index, so new pages are found after the next build."""
        file = self.server.preview.paths.site / relative
        if file.is_file():
            return self._send(HTTPStatus.OK, _type(relative), file.read_bytes())
        self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8",
                   "No search index yet: run `make site` once, then search works in the preview too.".encode())

    def _serve_site(self, relative: str, directory: bool) -> None:
        preview = self.server.preview
        generation, version = preview.generation, preview.version
        content = preview.paths.content
        generated = _generated_files(content)
        # A page: /x/ is x.md or x/index.md (MkDocs' directory URLs).
        candidates = [f"{relative}/index.md".lstrip("/"), f"{relative}.md"] if directory else []
        if not directory and "." not in posixpath.basename(relative):  # /plans/x -> /plans/x/
            if any(self._page_exists(generation, name, content, generated)
                   for name in (f"{relative}/index.md", f"{relative}.md")):
                return self._redirect("/" + relative + "/")
        for page in candidates:
            if not self._page_exists(generation, page, content, generated):
                continue
            if not generation.ok:
                return self._error_page(generation, version)
            return self._send(HTTPStatus.OK, "text/html; charset=utf-8", self._page(generation, version, page))
        # Files: open data from the generation, anything hand-written from content/.
        if relative.startswith("data/") and (generation.ok or relative in generated):
            if not generation.ok:
                return self._send(HTTPStatus.SERVICE_UNAVAILABLE, "text/plain; charset=utf-8",
                                  DataErrors(generation.errors).report().encode("utf-8"))
            files = generation.open_data()
            if relative in files:
                data = files[relative]
                return self._send(HTTPStatus.OK, _type(relative),
                                  data.encode("utf-8") if isinstance(data, str) else data)
        file = content / relative
        if relative and relative not in generated and file.is_file():
            return self._send(HTTPStatus.OK, _type(relative), file.read_bytes())
        if not generation.ok:
            return self._error_page(generation, version)
        body = f"<h1>404</h1><p>No page at <code>/{html.escape(relative)}</code>.</p>"
        self._send(HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", shell("404", body, generation.config, version, "404"))

    @staticmethod
    def _page_exists(generation: Generation, page: str, content: Path, generated: set[str]) -> bool:
        if page in generation.makers:
            return True
        return page not in generated and (content / page).is_file()

    def _page(self, generation: Generation, version: int, page: str) -> bytes:
        key = f"{version}:{page}"
        cached = generation._pages.get(key)
        if cached is None:
            text = generation.markdown_of(page)
            if text is None:
                text = (self.server.preview.paths.content / page).read_text(encoding="utf-8")
            title, body = to_html(page, text, generation.config)
            cached = shell(title, body, generation.config, version, "ok")
            generation._pages[key] = cached
        return cached

    def _error_page(self, generation: Generation, version: int) -> None:
        title, body = error_body(generation)
        self._send(HTTPStatus.SERVICE_UNAVAILABLE, "text/html; charset=utf-8",
                   shell(title, body, generation.config, version, "errors"))

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.FOUND)
        self.send_header("Location", urllib.parse.quote(location))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: HTTPStatus, content_type: str, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)


def _type(name: str) -> str:
    if name.endswith((".js", ".mjs")):
        return "application/javascript"
    guess = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return guess + ("; charset=utf-8" if guess.startswith("text/") or guess == "application/json" else "")


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, preview: Preview, host: str, port: int):
        self.preview = preview
        super().__init__((host, port), PreviewHandler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"


@dataclass
class RunningPreview:
    """A preview serving in background threads (for tests and the benchmark's in-process use)."""

    preview: Preview
    server: PreviewServer
    watcher: Watcher
    thread: threading.Thread

    @property
    def url(self) -> str:
        return self.server.url

    def close(self) -> None:
        self.watcher.stopped.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
        self.watcher.join(timeout=5)


def start_preview(paths: ProjectPaths, host: str = "127.0.0.1", port: int = 0,
                  log: Callable[[str], None] | None = None) -> RunningPreview:
    """Build once, then serve and watch in background threads; port 0 picks a free port."""
    preview = Preview(paths, log)
    watcher = Watcher(preview)
    preview.rebuild()
    server = PreviewServer(preview, host, port)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2},
                              name="preview-server", daemon=True)
    watcher.start()
    thread.start()
    return RunningPreview(preview, server, watcher, thread)


def serve(paths: ProjectPaths, host: str = "127.0.0.1", port: int = 8000) -> int:
    running = start_preview(paths, host, port)
    print(f"[preview] serving on {running.url} (Ctrl+C stops); watching "
          + ", ".join(WATCHED) + " and content/", file=sys.stderr, flush=True)
    try:
        while running.thread.is_alive():
            running.thread.join(timeout=0.5)
    except KeyboardInterrupt:
        print("[preview] stopped", file=sys.stderr)
    finally:
        running.close()
    return 0
