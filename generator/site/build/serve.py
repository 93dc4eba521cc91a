"""``budgetsite serve``: build, then preview with live reload, on 127.0.0.1 unless told otherwise.

Any change under data/, content/, templates/, static/ or to site.yaml
rebuilds the site (atomically: a failed rebuild keeps the last good
preview) and reloads the open pages.  A failed rebuild is said in the
terminal and on the pages themselves: while the last rebuild has failed,
every page served carries a banner with its error at the top, so that a
publisher who only looks at the browser does not take the old preview for
the new one.  The banner's styles are a file of the preview's own (the
pages' Content-Security-Policy allows no inline style).

The address is tried before the first build, so that a port already in use
is one clear line and exit code 1, not a traceback after the build.
"""

from __future__ import annotations

import errno
import html
import logging
import re
import socket
import sys
from pathlib import Path

from generator.core.errors import BudgetsiteError
from generator.core.messages import say
from generator.site.build.run import build

PREVIEW_CSS = "/_budgetsite/preview.css"
BANNER_CSS = b""".budgetsite-preview-error{position:sticky;top:0;z-index:2147483647;margin:0;padding:.75em 1em;
background:#b00020;color:#fff;font:600 1rem/1.5 system-ui,sans-serif;white-space:pre-wrap}
.budgetsite-preview-error span{display:block;font-weight:400;font-family:ui-monospace,monospace;font-size:.9rem}
"""


class PreviewState:
    """What every page served is told: the live-reload port, and the error of the last rebuild when it failed."""

    def __init__(self, port: int, lang: str):
        self.port = port
        self.lang = lang
        self.error: str | None = None

    def head(self) -> bytes:
        tags = f'<script src="/livereload.js?port={self.port}"></script>'
        if self.error is not None:
            tags += f'<link rel="stylesheet" href="{PREVIEW_CSS}">'
        return tags.encode()

    def banner(self) -> bytes:
        if self.error is None:
            return b""
        return (f'<div class="budgetsite-preview-error" role="alert">{html.escape(say("serve.banner", self.lang))}'
                f'<span>{html.escape(self.error)}</span></div>').encode()


_state: PreviewState | None = None


def serve(site_dir: Path, data_dir: Path, out: Path, port: int = 8000, bind: str = "127.0.0.1",
          open_browser: bool = False, lang: str = "en", verbose: bool = False) -> int:
    """Build, then serve ``out`` at ``bind``:``port`` until interrupted, rebuilding on every change."""
    global _state
    url = f"http://{_host(bind)}:{port}/"
    address_free(bind, port)
    state = _state = PreviewState(port, lang)
    _install_injector()

    def rebuild() -> None:
        try:
            result = build(site_dir, data_dir, out)
            state.error = None
            print(say("serve.rebuilt", lang, rendered=result.rendered, reused=result.reused), flush=True)
        except BudgetsiteError as exc:
            state.error = str(exc)
            print(say("serve.failed", lang, error=exc), file=sys.stderr, flush=True)

    rebuild()
    server = _preview_server(verbose)
    server.root, server.default_filename = str(out), "index.html"
    for path in (data_dir, site_dir / "content", site_dir / "templates", site_dir / "static", site_dir / "site.yaml"):
        if path.exists():
            server.watch(str(path / "**" / "*") if path.is_dir() else str(path), rebuild, delay=0.5)
    if not loopback(bind):
        print(say("serve.exposed", lang, bind=bind), file=sys.stderr, flush=True)
    try:
        server.application(port, bind)
    except OSError as exc:           # taken between the check and now
        raise BudgetsiteError(_cannot_listen(url, exc)) from None
    print(say("serve.serving", lang, out=out, url=url), flush=True)
    server.serve(port=port, host=bind, root=str(out), open_url_delay=1 if open_browser else None,
                 restart_delay=0)
    return 0


def address_free(bind: str, port: int) -> None:
    """Refuse (``BudgetsiteError``, one line) an address the preview could not listen on: a port in use, an
    address not of this machine, a port below 1024 without the right.  Bound as the server binds (with
    ``SO_REUSEADDR``, every address ``bind`` names), then let go at once."""
    url = f"http://{_host(bind)}:{port}/"
    try:
        infos = socket.getaddrinfo(bind or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise BudgetsiteError(f"cannot serve at {url}: --bind {bind}: {exc.strerror}") from None
    for family, kind, proto, _, address in infos:
        with socket.socket(family, kind, proto) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                s.bind(address)
                s.listen(1)
            except OSError as exc:
                raise BudgetsiteError(_cannot_listen(url, exc)) from None


def _cannot_listen(url: str, exc: OSError) -> str:
    if exc.errno == errno.EADDRINUSE:
        return f"cannot serve at {url}: the port is already in use (another budgetsite serve?); choose another " \
               f"with --port"
    if exc.errno == errno.EACCES:
        return f"cannot serve at {url}: not allowed to use this port (ports below 1024 need more rights); " \
               f"choose another with --port"
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"cannot serve at {url}: this machine has no such address; --bind takes one of its own " \
               f"(127.0.0.1 by default)"
    return f"cannot serve at {url}: {exc.strerror or exc}"


def _host(bind: str) -> str:
    return f"[{bind}]" if ":" in bind else bind


def loopback(bind: str) -> bool:
    import ipaddress

    if bind == "localhost":
        return True
    try:
        return ipaddress.ip_address(bind).is_loopback
    except ValueError:
        return False


def _preview_server(verbose: bool):
    """livereload's server, listening once (``application``, called before the loop starts so that a failure
    to listen is caught as such), serving the banner's stylesheet beside the site, and logging requests only
    when asked (``-v``)."""
    from livereload import Server
    from livereload.server import logger
    from tornado.web import RequestHandler

    class PreviewCSS(RequestHandler):
        def get(self):
            self.set_header("Content-Type", "text/css; charset=utf-8")
            self.set_header("Cache-Control", "no-store")
            self.finish(BANNER_CSS)

    class PreviewServer(Server):
        listening = False

        def application(self, port, host, liveport=None, debug=None, live_css=True):
            if not self.listening:
                super().application(port, host, liveport, debug, live_css)
                self.listening = True

        def get_web_handlers(self, script):
            return [(re.escape(PREVIEW_CSS), PreviewCSS), *super().get_web_handlers(script)]

        def _setup_logging(self):
            super()._setup_logging()
            level = logging.INFO if verbose else logging.WARNING
            logger.setLevel(level)
            logging.getLogger("tornado.access").setLevel(level)      # one line per request

    return PreviewServer()


def _install_injector() -> None:
    """livereload adds an inline script to every page it serves, which the pages' Content-Security-Policy
    refuses (no inline scripts): the preview adds its client as a file of the same origin instead, and,
    while the last rebuild has failed, the banner's stylesheet and the banner itself (``PreviewState``)."""
    from livereload import server as livereload_server

    injector = livereload_server.LiveScriptInjector
    if getattr(injector, "budgetsite_preview", False):
        return

    def transform_first_chunk(self, status_code, headers, chunk, finishing):
        state = _state
        if state is None or "html" not in headers.get("Content-Type", ""):
            return status_code, headers, chunk
        before = len(chunk)
        head = chunk.find(b"</head>")
        if head >= 0:
            chunk = chunk[:head] + state.head() + chunk[head:]
        banner = state.banner()
        body = chunk.find(b"<body")
        if banner and body >= 0 and (end := chunk.find(b">", body)) >= 0:
            chunk = chunk[:end + 1] + banner + chunk[end + 1:]
        if "Content-Length" in headers:
            headers["Content-Length"] = str(int(headers["Content-Length"]) + len(chunk) - before)
        return status_code, headers, chunk

    injector.transform_first_chunk = transform_first_chunk
    injector.budgetsite_preview = True
