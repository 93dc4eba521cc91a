"""``budgetsite serve``: build, then preview on 127.0.0.1 with live reload.

Any change under data/, content/, templates/, static/ or to site.yaml
rebuilds the site (atomically: a failed rebuild keeps the last good
preview and prints the error) and reloads the open pages.
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.core.errors import BudgetsiteError
from generator.site.build import build


def serve(site_dir: Path, data_dir: Path, out: Path, port: int = 8000, open_browser: bool = False) -> int:
    from livereload import Server

    def rebuild() -> None:
        try:
            result = build(site_dir, data_dir, out)
            print(f"rebuilt: {result.rendered} pages rendered, {result.reused} unchanged", flush=True)
        except BudgetsiteError as exc:
            print(f"error: {exc} (the previous preview is still served)", file=sys.stderr, flush=True)

    rebuild()
    _external_reload_script(port)
    server = Server()
    for path in (data_dir, site_dir / "content", site_dir / "templates", site_dir / "static", site_dir / "site.yaml"):
        if path.exists():
            server.watch(str(path / "**" / "*") if path.is_dir() else str(path), rebuild, delay=0.5)
    print(f"serving {out} at http://127.0.0.1:{port}/ (Ctrl-C stops)", flush=True)
    server.serve(root=str(out), host="127.0.0.1", port=port, open_url_delay=1 if open_browser else None,
                 restart_delay=0)
    return 0


def _external_reload_script(port: int) -> None:
    """livereload adds an inline script to every page it serves, which the pages' Content-Security-Policy
    refuses (no inline scripts); the preview adds its client as a file of the same origin instead."""
    from livereload import server as livereload_server

    injector = livereload_server.LiveScriptInjector
    if getattr(injector, "budgetsite_external", False):
        return
    inline = injector.transform_first_chunk

    def transform_first_chunk(self, status_code, headers, chunk, finishing):
        self.script = f'<script src="/livereload.js?port={port}"></script>'.encode()
        return inline(self, status_code, headers, chunk, finishing)

    injector.transform_first_chunk = transform_first_chunk
    injector.budgetsite_external = True
