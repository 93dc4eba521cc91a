"""The import as a whole: documents parsed in parallel, unchanged documents taken from the cache."""

import pickle
import shutil

import pytest

from generator.core.errors import DocumentError
from generator.store import cache as parse_cache
from generator.store.importing import import_documents
from tests.conftest import ROOT

PDF = "sh-putuo-zhengfuban-2025-unit-budget.pdf"


def tree(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def sources(tmp_path, reading_once):
    """A data folder holding three sources: two texts and a PDF (read once for the session: ``tests.documents``)."""
    data = tmp_path / "data"
    (data / "sources").mkdir(parents=True)
    for name in ("002_6135dd0a992c02e5.txt", "004_a0ea54e8da336276.txt", PDF):
        shutil.copy(ROOT / "data/sources" / name, data / "sources" / name)
    return data


@pytest.mark.slow
def test_parallel_import_equals_the_serial_one(sources, tmp_path):
    serial = tmp_path / "serial"
    shutil.copytree(sources, serial)
    import_documents(serial, jobs=1)
    result = import_documents(sources, jobs=2)
    assert result.parsed == 3 and len(result.disclosures) == 3
    assert tree(sources / "disclosures") == tree(serial / "disclosures")


def test_an_unchanged_document_is_not_parsed_again(sources, tmp_path):
    cache = tmp_path / "cache"
    first = import_documents(sources, cache_dir=cache)
    written = tree(sources / "disclosures")
    again = import_documents(sources, cache_dir=cache)
    assert (first.parsed, again.parsed) == (3, 0)
    assert tree(sources / "disclosures") == written
    assert [c.printed for c in again.coverage] == [c.printed for c in first.coverage]
    # a changed document is parsed again, the others are not
    text = sources / "sources" / "004_a0ea54e8da336276.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert import_documents(sources, cache_dir=cache).parsed == 1


def test_a_changed_importer_never_serves_an_old_parse(sources, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    import_documents(sources, cache_dir=cache)
    monkeypatch.setattr(parse_cache, "_code_fingerprint", lambda: "another importer")
    assert import_documents(sources, cache_dir=cache).parsed == 3


def test_an_unreadable_cache_entry_is_parsed_again(sources, tmp_path):
    cache = tmp_path / "cache"
    import_documents(sources, cache_dir=cache)
    entries = list(cache.rglob("*.json"))
    assert len(entries) == 3
    for entry in entries:
        entry.write_bytes(b"not an entry")
    assert import_documents(sources, cache_dir=cache).parsed == 3


@pytest.mark.slow
def test_a_refusal_crosses_the_process_boundary_intact(sources):
    (sources / "sources" / "broken.txt").write_text("没有表格的文字\n", encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        import_documents(sources, jobs=2)
    assert "broken.txt" in str(caught.value) and not (sources / "disclosures").exists()
    err = pickle.loads(pickle.dumps(DocumentError("a.pdf", 3, "expected a table", page=2)))
    assert (err.path, err.line, err.page, str(err)) == ("a.pdf", 3, 2, "a.pdf:3 (page 2): expected a table")


@pytest.fixture(scope="module")
def cluster():
    """A Dask cluster of two worker processes on this machine, on loopback only; stopped after the tests."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as c:
        yield c


@pytest.mark.slow
def test_an_import_on_a_cluster_equals_the_one_on_this_machine(sources, tmp_path, cluster):
    from distributed import Client

    here = tmp_path / "here"
    shutil.copytree(sources, here)
    import_documents(here, jobs=1)
    with Client(cluster.scheduler_address) as client:
        client.get_task_stream()                                    # the scheduler records tasks from now on
        result = import_documents(sources, scheduler=cluster.scheduler_address)
        parsed = [t for t in client.get_task_stream() if t["key"].startswith("_parse_one")]
        workers = set(client.scheduler_info()["workers"])
    assert result.parsed == 3 and len(result.disclosures) == 3
    assert tree(sources / "disclosures") == tree(here / "disclosures")
    # each document was parsed by a task on one of the cluster's two workers
    assert len(parsed) == 3 and len(workers) == 2 and {t["worker"] for t in parsed} <= workers


@pytest.mark.slow
def test_a_refusal_on_a_cluster_stops_the_import(sources, cluster):
    (sources / "sources" / "broken.txt").write_text("没有表格的文字\n", encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        import_documents(sources, scheduler=cluster.scheduler_address)
    assert "broken.txt" in str(caught.value) and not (sources / "disclosures").exists()


@pytest.mark.slow
def test_an_unreachable_scheduler_is_a_clear_error(sources, monkeypatch):
    from generator.core.errors import BudgetsiteError
    from generator.store import importing

    # the wait is the scheduler's to give up after (10 s by default): a second here says the same
    monkeypatch.setattr(importing, "CONNECT_SECONDS", 1)
    with pytest.raises(BudgetsiteError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        import_documents(sources, scheduler="tcp://127.0.0.1:9")
