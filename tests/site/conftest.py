"""What the browser tests share: one Chromium for the whole run (a launch costs a second or two), and the
sample site served on a loopback port."""

import functools
import http.server
import threading
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM

# the arguments every browser of the tests is launched with (a test wanting more launches its own)
ARGS = ["--no-sandbox", "--disable-background-networking"]


class Server:
    """A static file server on a loopback port, optionally sending a Content Security Policy."""

    def __init__(self, root: Path, csp: str | None = None):
        class Handler(http.server.SimpleHTTPRequestHandler):
            def end_headers(self):
                if csp:
                    self.send_header("Content-Security-Policy", csp)
                super().end_headers()

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def playwright():
    """Playwright, started once: it cannot be started again while it runs, so every test launches through it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright):
    """Chromium as a reader has it; each test opens its own pages or contexts, and closes them."""
    b = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    yield b
    b.close()


@pytest.fixture(scope="session")
def server(site):
    s = Server(site)
    yield s
    s.stop()
