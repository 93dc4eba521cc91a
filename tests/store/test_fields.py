"""The stored fields are the model's: every field of every dataclass a disclosure holds is in a file (or named as
kept elsewhere), a field added to a dataclass is stored and read back without an edit to the store, and
the bundled data is what the writer makes of what the reader reads."""

import typing
from dataclasses import dataclass, field, fields, is_dataclass
from decimal import Decimal

import pytest

from generator.core.model import (Cell, Coverage, CoveredTable, Disclosure, Finding, Section, Table, Target, Term,
                                  Unplaced)
from generator.core.vocabulary import Kind, RowKind
from generator.store import schema as S
from generator.store.layout import disclosure_dirs
from generator.store.read import load_disclosure
from generator.store.write import render_disclosure
from tests.conftest import ROOT


def reachable(model: type) -> set[type]:
    """Every dataclass a field of ``model`` holds, directly or in a list, and theirs."""
    out, pending = set(), [model]
    while pending:
        cls = pending.pop()
        if cls in out:
            continue
        out.add(cls)
        for tp in typing.get_type_hints(cls).values():
            for arg in (tp, *typing.get_args(tp)):
                if is_dataclass(arg):
                    pending.append(arg)
    return out


def stored_in() -> dict[type, list]:
    """Each dataclass with the files or JSON objects that store its records."""
    out: dict[type, list] = {}
    for spec in (*S.CSV_FILES, *S.JSON_OBJECTS.values()):
        out.setdefault(spec.layout.model, []).append(spec)
    return out


# what a file does not store of its records, and where it is instead: the whole list, so that a field left
# out by mistake fails here
KEPT_ELSEWHERE = {
    "rows.csv": {"cells"},                         # money.csv
    "sources[]": {"text"},                         # text/<file>.txt
    "tables[]": {"rows"},                          # rows.csv
    "performance.json": set(),
}


def test_every_field_of_every_stored_dataclass_is_in_a_file():
    where = stored_in()
    # every dataclass of a disclosure has a file, but what the import took (Coverage …: not stored) and the
    # narrative's sections (a Markdown file each)
    assert reachable(Disclosure) - set(where) == {Coverage, CoveredTable, Unplaced, Section}
    for model, specs in where.items():
        if model is Disclosure:
            continue
        for spec in specs:
            own = {f.name for f in fields(model)}
            assert set(spec.layout.own) == own - KEPT_ELSEWHERE.get(spec.name, set()), spec.name
            assert spec.layout.omitted == KEPT_ELSEWHERE.get(spec.name, set()), spec.name


def test_each_collection_of_a_disclosure_is_stored_once():
    placed = [*S.DISCLOSURE.layout.fields, *S.PERFORMANCE.layout.fields, *S.NARRATIVE, *S.NOT_STORED,
              *(spec.collection[0] for spec in S.CSV_FILES if len(spec.collection) == 1)]
    assert sorted(placed) == sorted(f.name for f in fields(Disclosure))
    assert set(S.NOT_STORED) == {"coverage"} and set(S.NARRATIVE) == {"sections"}


def test_a_context_field_is_the_field_of_the_record_that_holds_it():
    assert S.ROWS.layout.context == {"table": (Table, "id"), "document": (Table, "document")}
    assert set(S.MONEY.layout.own) == {f.name for f in fields(Cell)}
    for spec in S.CSV_FILES:
        for name, (holder, attr) in spec.layout.context.items():
            assert attr in {f.name for f in fields(holder)}, (spec.name, name)


def test_each_fields_form_is_what_its_type_says():
    assert S.MONEY.amounts == {"yuan"} and S.TASKS.amounts == {"amount_yuan", "fiscal_yuan"}
    assert S.STATEMENTS.amounts == {"yuan"} and S.STATEMENTS.integers == {"decimals", "count", "line"}
    assert S.ROWS.integers == {"row", "level", "line"} and S.ROWS.lists == {"flags"} and S.ROWS.mappings == {"text"}
    # an absent code, side … is None in the model, an empty cell in the file
    assert S.ROWS.optional == {"code", "parent", "canonical", "code2", "label2", "unit_code"}
    # a closed set (kind, side, scheme) is its member in the model, its value in the file, None when empty
    assert set(S.ROWS.enums) == {"kind", "side", "scheme", "scheme2"}
    assert S.ROWS.enums["side"]("") is None and S.ROWS.enums["kind"]("total") is RowKind.TOTAL
    assert S.INDICATORS.integers == {"line"} and S.INDICATORS.lists == {"flags"}
    assert S.JSON_OBJECTS["tables[]"].layout.types["kind"] is Kind


def test_the_stored_order_is_the_published_format():
    """The header of each file of the bundled data (what readers of the open data rely on)."""
    folder = disclosure_dirs(ROOT / "data")[0]
    for spec in S.CSV_FILES:
        header = (folder / spec.name).read_text(encoding="utf-8").split("\n", 1)[0]
        assert tuple(header.split(",")) == spec.fields


@pytest.mark.parametrize("folder", disclosure_dirs(ROOT / "data"), ids=lambda p: "/".join(p.parts[-3:]))
def test_every_bundled_disclosure_is_what_the_writer_makes_of_it(folder, tmp_path):
    """Read, then written: the same files byte for byte; and what is written reads back equal."""
    d = load_disclosure(folder)
    files = render_disclosure(d)
    on_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert set(files) == on_disk
    for rel, text in files.items():
        assert (folder / rel).read_text(encoding="utf-8") == text, rel
    copy = tmp_path / "disclosures" / folder.parts[-3] / folder.parts[-2] / folder.parts[-1]
    for rel, text in files.items():
        (copy / rel).parent.mkdir(parents=True, exist_ok=True)
        (copy / rel).write_text(text, encoding="utf-8")
    back = load_disclosure(copy)
    assert back == d
    assert [s.text for s in back.sources] == [s.text for s in d.sources]


def test_a_merge_findings_optional_keys_are_written_only_when_it_has_them():
    plain = Finding("merge", "warning", "differs", "a.txt", 3, "1", "2", "summary")
    told = Finding("merge", "warning", "differs", "a.txt", 3, "1", "2", "summary", expected_as="the 预算 document",
                   other_document="b.pdf", other_line=9)
    spec = S.JSON_OBJECTS["merge_findings[]"]
    assert list(spec.to_json(plain)) == ["check", "severity", "message", "document", "line", "expected", "found",
                                         "table"]
    written = spec.to_json(told)
    assert written["other_document"] == "b.pdf" and "found_as" not in written
    assert spec.from_json(written) == told and spec.from_json(spec.to_json(plain)) == plain


def test_an_unknown_key_is_refused():
    spec = S.JSON_OBJECTS["targets[]"]
    with pytest.raises(TypeError, match="no key 'colour'"):
        spec.from_json({"text": "t", "document": "a.txt", "line": 1, "colour": "red"})


# --- a field added to a dataclass: stored and read back with no other edit -----------------------------

@dataclass
class TermWithSource(Term):
    source: str | None = None
    pages: list[str] = field(default_factory=list)
    amount: Decimal | int | None = None


@dataclass
class TargetWithRank(Target):
    rank: int = 0
    kind: Kind | None = None


def test_a_field_added_to_a_dataclass_is_stored_after_the_others_and_read_back(tmp_path):
    spec = S.CsvFile.of("glossary.csv", TermWithSource, ("glossary",))
    assert spec.fields == (*S.GLOSSARY.fields, "source", "pages", "amount")
    assert spec.optional == {"source"} and spec.lists == {"pages"} and spec.amounts == {"amount"}
    terms = [TermWithSource("预算", "计划", "a.txt", 3, "b.pdf", ["1", "2"], Decimal("1.50")),
             TermWithSource("决算", "结果", "a.txt", 4)]
    (tmp_path / spec.name).write_text(S.csv_text(spec, [spec.record(t) for t in terms]), encoding="utf-8")
    assert spec.objects(tmp_path / spec.name) == terms

    ranked = S.CsvFile.of("targets.csv", TargetWithRank, ("targets",))
    assert ranked.integers == {"line", "rank"} and ranked.choices["kind"] == {"", *(k.value for k in Kind)}
    rows = [TargetWithRank("目标", "a.txt", 5, 2, Kind.SUMMARY), TargetWithRank("目标二", "a.txt", 6)]
    (tmp_path / ranked.name).write_text(S.csv_text(ranked, [ranked.record(t) for t in rows]), encoding="utf-8")
    assert ranked.objects(tmp_path / ranked.name) == rows
    assert S.validate_csv(ranked, tmp_path / ranked.name, set()) == []

    target = S.JsonObject.of("targets[]", TargetWithRank)
    assert target.keys == ("text", "document", "line", "rank", "kind")
    one = TargetWithRank("目标", "a.txt", 5, 2, Kind.SUMMARY)
    assert target.to_json(one)["kind"] == "summary"
    assert target.from_json(target.to_json(one)) == one


def test_a_misspelt_field_of_the_format_is_refused():
    with pytest.raises(ValueError, match="no field 'nmae'"):
        S.CsvFile.of("glossary.csv", Term, ("glossary",), order=("nmae",))
