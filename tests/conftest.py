from pathlib import Path

import pytest

from generator.normalise.disclosure import parse_document
from generator.normalise.merge import merge
from generator.read import read_source

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "data" / "sources"


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory):
    """The import's parse cache lives in a folder of the test session, never in the user's home."""
    import os

    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = old


@pytest.fixture(scope="session")
def disclosures():
    parts = [parse_document(read_source(p.name, p.read_bytes())) for p in sorted(SOURCES.glob("*.txt"))]
    return {d.department: d for d in merge(parts)}


def table(d, table_id):
    return next(t for t in d.tables if t.id == table_id)


def row(t, **match):
    return next(r for r in t.rows if all(getattr(r, k) == v for k, v in match.items()))


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The sample site, built once for the session."""
    from generator.api import build_site

    out = tmp_path_factory.mktemp("site") / "output"
    build_site(ROOT, ROOT / "data", out)
    return out
