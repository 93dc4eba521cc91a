"""Small disclosures made of a document's lines, for the checks that read the words."""

from generator.core.model import Disclosure, Source

DOC = "doc.txt"


def written(*lines: str, phase: str = "决算", year: int = 2024, department: str = "中共上海市普陀区委社会工作部",
            tables=()) -> Disclosure:
    """A disclosure whose one source prints ``lines`` (line 1 first)."""
    source = Source(DOC, "0" * 64, DOC, len(lines), text=list(lines))
    return Disclosure("上海市普陀区", department, year, phase, sources=[source], tables=list(tables))
