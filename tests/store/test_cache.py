"""The caches hold data and nothing else: the codec makes only the project's own dataclasses, an entry is read
back only when its checksum matches (else it is made again, with a warning), and a cache that cannot be
written is a warning, never a failure."""

import shutil
from dataclasses import fields
from decimal import Decimal

import pytest

from generator.cli import main
from generator.core.datacodec import MODEL, Codec, OtherSchema
from generator.core.model import Cell, Disclosure, Table, TableRow, Term
from generator.core.vocabulary import Kind, Phase, RowKind, Side
from generator.store.cache import read_entry, read_json_entry, write_entry, write_json_entry
from generator.store.importing import import_documents
from generator.store.read import load_all
from tests import documents
from tests.conftest import ROOT, SOURCES
from tests.store.cache_faults import change_a_digit, plant_pickle, read_only

# a 单位预算 printed to the 分: its figures are Decimals
FEN_PDF = "sh-putuo-zhengfuban-2025-unit-budget.pdf"
TEXTS = ("002_6135dd0a992c02e5.txt", "004_a0ea54e8da336276.txt")


def tree(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def money(d):
    return [c.yuan for t in d.tables for r in t.rows for c in r.cells]


def same(a, b) -> bool:
    """Equal dataclasses, fields left out of their comparison (a source's text, a part's coverage) too."""
    return a == b and all(getattr(a, f.name) == getattr(b, f.name) for f in fields(a))


# --- the codec -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def parsed():
    """Documents of data/sources as the import parses them (the texts, and a PDF with 分)."""
    names = sorted(p.name for p in SOURCES.glob("*.txt")) + [FEN_PDF]
    return [documents.parsed(n) for n in names]


def test_parsed_documents_come_back_equal(parsed):
    assert any(isinstance(y, Decimal) for d in parsed for y in money(d))
    for d in parsed:
        back = MODEL.loads(MODEL.dumps(d))
        assert same(back, d)
        assert [s.text for s in back.sources] == [s.text for s in d.sources] and back.sources[0].text
        assert back.coverage == d.coverage and back.coverage
        assert all(type(t.lines) is tuple for t in back.tables)
        assert [(type(y), str(y)) for y in money(back)] == [(type(y), str(y)) for y in money(d)]   # 分 kept


def test_every_disclosure_of_the_data_and_its_view_come_back_equal():
    from generator.site.model.views import view
    from generator.site.build.units import CODEC, UnitResult, light

    for d in load_all(ROOT / "data"):
        assert same(MODEL.loads(MODEL.dumps(d)), d)
        v = view(d)
        back = CODEC.loads(CODEC.dumps(v))
        assert back == v and back.charts == v.charts and back.figures == v.figures
        result = UnitResult(v.folder, "k" * 64, light(v), ["a/index.html"])
        again = CODEC.loads(CODEC.dumps(result))
        assert again == result and type(again.view.data) is Disclosure
        assert all(type(r) is tuple for c in again.view.charts for r in c.rows)


def test_the_codec_keeps_what_json_has_no_type_for():
    value = {"tuple": (1, ("a", None)), "fen": Decimal("12.30"), "keys": {(1, 2): "pair", 3: "three"},
             "!bang": [True, 1.5], "kind": Kind.SUMMARY, "empty": {}}
    back = MODEL.loads(MODEL.dumps(value))
    assert back == value
    assert type(back["tuple"]) is tuple and type(back["tuple"][1]) is tuple
    assert str(back["fen"]) == "12.30" and type(back["kind"]) is str
    with pytest.raises(TypeError):
        MODEL.dumps({1, 2})
    with pytest.raises(TypeError):
        MODEL.dumps(object())


def test_a_field_typed_with_a_closed_set_comes_back_as_its_member():
    row = TableRow(1, 7, "合计", RowKind.TOTAL, side=Side.INCOME)
    back = MODEL.loads(MODEL.dumps(row))
    assert back == row and type(back.kind) is RowKind and type(back.side) is Side and back.scheme is None
    d = load_all(ROOT / "data")[0]
    again = MODEL.loads(MODEL.dumps(d))
    assert type(again.phase) is Phase and type(again.tables[0].kind) is Kind
    assert all(type(r.kind) is RowKind for t in again.tables for r in t.rows)
    with pytest.raises(ValueError):            # a text that is none of the set's values is not this codec's data
        MODEL.loads(MODEL.dumps(row).replace(b'"total"', b'"totals"'))


def test_the_codec_makes_only_the_classes_it_was_given():
    head = MODEL.dumps(None)[:-len(b"null}")]
    for body in (b'{"!Popen":[["touch","x"]]}', b'{"!os.system":["touch x"]}', b'{"!__main__.Planted":[]}',
                 b'{"!UnitResult":["f","k",null,[]]}',          # a class of the site: not the model's codec's
                 b'{"!Term":["too","few"]}', b'{"!Term":"not a list"}', b'{"!decimal":"nan-ish"}',
                 b'{"!dict":[[1]]}', b'[' * 100_000):
        with pytest.raises(ValueError):
            MODEL.loads(head + body + b"}")
    with pytest.raises(ValueError):
        MODEL.loads(b"\x80\x04K\x01.")                        # a pickle
    with pytest.raises(OtherSchema):
        MODEL.loads(Codec(Term).dumps([Term("a", "b", "c", 1)]))
    term = Codec(Term).loads(Codec(Term).dumps(Term("a", "b", "c", 1)))
    assert term == Term("a", "b", "c", 1)
    with pytest.raises(ValueError):
        Codec(Table, type("Table", (Cell,), {"__module__": "elsewhere"}))      # two classes, one tag


# --- the entry and its checksum ------------------------------------------------------------------------

def test_an_entry_is_read_back_only_when_its_checksum_matches(tmp_path, capsys):
    entry = tmp_path / "a" / "entry.json"
    write_json_entry(entry, {"figure": 45967100})
    assert read_json_entry(entry) == {"figure": 45967100}
    assert read_entry(tmp_path / "missing") is None and capsys.readouterr().err == ""
    change_a_digit(entry, rb'"figure":(\d+)')
    assert read_json_entry(entry) is None
    assert capsys.readouterr().err == f"warning: the cache entry {entry} is damaged: it is made again\n"
    write_entry(entry, b"")
    assert read_entry(entry) == b""
    entry.write_bytes(entry.read_bytes()[:-1])
    assert read_entry(entry) is None


def test_a_pickle_where_an_entry_is_is_never_run(tmp_path, capsys):
    entry, marker = tmp_path / "entry.json", tmp_path / "ran"
    plant_pickle(entry, marker)
    assert read_json_entry(entry, MODEL) is None
    assert not marker.exists()
    assert "is damaged" in capsys.readouterr().err


# --- the parse cache in an import ------------------------------------------------------------------------

@pytest.fixture
def sources(tmp_path):
    data = tmp_path / "data"
    (data / "sources").mkdir(parents=True)
    for name in TEXTS:
        shutil.copy(SOURCES / name, data / "sources" / name)
    return data


@pytest.fixture
def cold(sources, tmp_path):
    """What an import without a cache writes."""
    data = tmp_path / "cold"
    shutil.copytree(sources, data)
    import_documents(data)
    return tree(data / "disclosures")


def test_a_pickle_planted_in_the_parse_cache_is_never_run(sources, cold, tmp_path, capsys):
    cache, marker = tmp_path / "cache", tmp_path / "ran"
    import_documents(sources, cache_dir=cache)
    entries = sorted(cache.rglob("*.json"))
    assert len(entries) == len(TEXTS)
    for entry in entries:
        plant_pickle(entry, marker)
        plant_pickle(entry.with_suffix(".pickle"), marker)        # where the entries once were
    capsys.readouterr()
    assert import_documents(sources, cache_dir=cache).parsed == len(TEXTS)
    assert not marker.exists()
    assert tree(sources / "disclosures") == cold
    assert capsys.readouterr().err.count("is damaged: it is made again") == len(TEXTS)
    assert import_documents(sources, cache_dir=cache).parsed == 0      # made again, and read
    assert capsys.readouterr().err == ""


def test_a_figure_changed_in_a_parse_cache_entry_is_parsed_again(sources, cold, tmp_path, capsys):
    cache = tmp_path / "cache"
    import_documents(sources, cache_dir=cache)
    entry = max(cache.rglob("*.json"), key=lambda p: p.stat().st_size)
    size = entry.stat().st_size
    change_a_digit(entry, rb'"!Cell":\["[^"]*","[^"]*",(\d{4,})')         # a figure of a table, in 元
    assert entry.stat().st_size == size
    capsys.readouterr()
    assert import_documents(sources, cache_dir=cache).parsed == 1
    assert f"warning: the cache entry {entry} is damaged: it is made again" in capsys.readouterr().err
    assert tree(sources / "disclosures") == cold


def test_a_parse_cache_that_cannot_be_written_is_a_warning(sources, cold, tmp_path, capsys):
    (tmp_path / "file.txt").write_text("a file, not a folder", encoding="utf-8")
    cache = tmp_path / "file.txt" / "sub"
    capsys.readouterr()
    assert import_documents(sources, cache_dir=cache).parsed == len(TEXTS)
    assert tree(sources / "disclosures") == cold
    err = capsys.readouterr().err.splitlines()
    assert err == [f"warning: cannot write the parse cache at {cache} (Not a directory); "
                   "the import goes on without it"]


@pytest.mark.parametrize("where", ["XDG_CACHE_HOME a file", "XDG_CACHE_HOME read-only", "--cache read-only"])
def test_the_import_command_goes_on_without_a_cache_it_cannot_write(where, sources, cold, tmp_path, capsys,
                                                                     monkeypatch):
    args = ["import", "--data", str(sources), "--jobs", "1"]
    if where == "XDG_CACHE_HOME a file":
        home = tmp_path / "cache-home"
        home.write_text("not a folder", encoding="utf-8")
        monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    else:
        home = tmp_path / "read-only"
        home.mkdir()
        if where == "--cache read-only":
            args += ["--cache", str(home)]
        else:
            monkeypatch.setenv("XDG_CACHE_HOME", str(home))
        read_only(monkeypatch, home)
    capsys.readouterr()
    assert main(args) == 0
    monkeypatch.undo()
    warned = [line for line in capsys.readouterr().err.splitlines() if "cache" in line]
    assert len(warned) == 1 and warned[0].startswith(f"warning: cannot write the parse cache at {home}")
    assert warned[0].endswith("; the import goes on without it")
    assert tree(sources / "disclosures") == cold
