"""Fetch axe-core (the accessibility engine the browser tests inject) from the npm registry.

    python scripts/fetch_axe.py [DEST]      (default: .cache/axe-core/axe.min.js)

The version is pinned and the tarball's integrity hash is checked, so the
tests always run the same rules.
"""

from __future__ import annotations

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

VERSION = "4.14.1"
TARBALL = f"https://registry.npmjs.org/axe-core/-/axe-core-{VERSION}.tgz"
INTEGRITY = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
DEFAULT = Path(__file__).resolve().parent.parent / ".cache" / "axe-core" / "axe.min.js"


def fetch(dest: Path = DEFAULT) -> Path:
    if dest.is_file() and dest.with_suffix(".version").is_file() and \
            dest.with_suffix(".version").read_text().strip() == VERSION:
        return dest
    with urllib.request.urlopen(TARBALL, timeout=60) as response:
        data = response.read()
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != INTEGRITY:
        raise SystemExit(f"axe-core {VERSION}: integrity mismatch ({digest})")
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        script = tar.extractfile("package/axe.min.js").read()
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(script)
    dest.with_suffix(".version").write_text(VERSION + "\n")
    return dest


if __name__ == "__main__":
    print(fetch(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
