"""A document imported under a stored name: every record of it names that name, whatever collection holds it."""

from dataclasses import dataclass, field, fields, is_dataclass

from generator.core.model import Disclosure, Source, Target, Term
from generator.normalise.disclosure import parse_document
from generator.read import read_source
from generator.store.importing import _rename_document
from tests.conftest import SOURCES


def documents(item) -> set[str]:
    """Every ``document`` named anywhere in ``item``."""
    out, pending = set(), [item]
    while pending:
        x = pending.pop()
        if isinstance(x, list):
            pending.extend(x)
        elif is_dataclass(x):
            for f in fields(x):
                value = getattr(x, f.name)
                if f.name == "document":
                    out.add(value)
                else:
                    pending.append(value)
    return out


def test_every_record_of_a_document_takes_its_stored_name():
    path = SOURCES / "000_0794aadfb6c0e8a0.txt"
    part = parse_document(read_source("given-path.txt", path.read_bytes()))
    named = documents(part)
    assert named == {"given-path.txt"}
    # the walk reaches records in every collection, tables' rows and cells, statements, coverage …
    assert sum(len(getattr(part, f.name)) for f in fields(part) if isinstance(getattr(part, f.name), list)) > 100
    _rename_document(part, "000_stored.txt")
    assert documents(part) == {"000_stored.txt"}
    assert {s.name for s in part.sources} == {"000_stored.txt"}


@dataclass
class Remark:
    text: str
    document: str
    line: int
    quoted: list[Target] = field(default_factory=list)


@dataclass
class DisclosureWithRemarks(Disclosure):
    """A disclosure with a collection the model does not have today."""

    remarks: list[Remark] = field(default_factory=list)


def test_a_collection_added_to_the_disclosure_is_renamed_too():
    d = DisclosureWithRemarks("郑州市", "某局", 2024, "预算", sources=[Source("given.txt", "0" * 64, "t", 3)],
                              remarks=[Remark("r", "given.txt", 2, [Target("t", "given.txt", 3)])],
                              glossary=[Term("预算", "计划", "given.txt", 1)])
    assert documents(d) == {"given.txt"}
    _rename_document(d, "stored.txt")
    assert documents(d) == {"stored.txt"}
    assert d.remarks[0].document == d.remarks[0].quoted[0].document == d.sources[0].name == "stored.txt"
