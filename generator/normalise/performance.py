"""Performance-target tables (绩效目标表), parsed into targets, tasks, budget lines, projects and indicators.

Three forms are known:

* the department table (整体绩效目标表), in the Zhengzhou-2020 template
  (年度总体目标, tasks with money, a 6-column grid) and the Henan standard
  template (年度履职目标, 主要任务, 预算情况, a 5-column grid);
* the per-project sheet (项目绩效目标表): a key–value block followed by a
  4-column grid, sometimes continued in a second table after a page break
  (003 prints "项目绩效目标" between the two parts);
* the summary table (项目绩效目标汇总表): one project spans several rows,
  only its first row carries the code and the money, and the indicators sit
  in (三级指标, 指标值) pairs under 成本 / 产出 / 效益 / 满意度.

Money in these tables has no unit line: the templates print 万元 unless a
header says 元 (000's sheets: 预算金额（元）, 项目总金额 1160000.00).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.normalise import indicators as I
from generator.core.errors import DocumentError
from generator.core.model import BudgetLine, Indicator, Project, ProjectItem, Target, Task, UnitRow
from generator.core.money import parse_amount
from generator.read.layout import RawTable, Row
from generator.core.text import clean, compact, strip_enumeration
from generator.core.vocabulary import IndicatorScope, ProjectSource, RowFlag, with_detail


@dataclass
class DepartmentPerformance:
    targets: list[Target] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    budget: list[BudgetLine] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)


def _money(doc: str, row: Row, text: str, unit: str, what: str):
    try:
        return parse_amount(text, unit)
    except ValueError:
        raise DocumentError(doc, row.line, f"expected a money figure for {what}, found {text!r}") from None


def _grid_start(raw: RawTable) -> int | None:
    for i, row in enumerate(raw.rows):
        if row.cells and compact(row.cells[0]) == "一级指标":
            return i
    return None


def _unit_in(text: str) -> str | None:
    m = re.search(r"[（(]\s*(万元|元)\s*[)）]", text)
    return m.group(1) if m else None


# --- the department table -------------------------------------------------------------------

_BUDGET_KEYS = [
    ("总额", "total"), ("政府预算资金", "source.government"), ("财政性资金", "source.government"),
    ("财政拨款", "source.government"), ("财政专户", "source.special_account"), ("单位资金", "source.other"),
    ("其他资金", "source.other"), ("基本支出", "basic"), ("项目支出", "project"),
]


def _section_of(label: str) -> str | None:
    if label.startswith("年度") and "目标" in label:
        return "targets"
    if label.startswith("年度") and "任务" in label:
        return "tasks"
    if label.startswith("预算情况"):
        return "budget"
    if label.startswith("部门") and "名称" in label:
        return "name"
    return None


def parse_department(raw: RawTable, doc: str) -> DepartmentPerformance:
    out = DepartmentPerformance()
    grid = _grid_start(raw)
    if grid is None:
        raise DocumentError(doc, raw.rows[-1].line, "the performance-target table has no indicator grid: expected a "
                                                    "row “一级指标 | 二级指标 | 三级指标 | 指标值”; the table may be cut off")
    section = None
    task_cols: dict[str, int] = {}
    unit = "万元"
    for row in raw.rows[:grid]:
        cells = row.cells
        head = compact(cells[0]) if cells else ""
        if head:
            section = _section_of(head) or section
        if section == "targets":
            for text in cells[1:]:
                if clean(text):
                    out.targets.append(Target(clean(text), doc, row.line))
        elif section == "tasks":
            names = [compact(c) for c in cells]
            numbers = any(re.fullmatch(r"[\d,]+(?:\.\d+)?", n) for n in names)
            if not numbers and any(n in ("任务名称", "主要内容", "合计") or n.startswith(("其中", "预算资金"))
                                   for n in names):
                for i, n in enumerate(names):
                    if n == "任务名称":
                        task_cols["name"] = i
                    elif n == "主要内容":
                        task_cols["content"] = i
                    elif n == "合计" or (n.startswith("预算资金") and "amount" not in task_cols):
                        task_cols["amount"] = i
                        unit = _unit_in(cells[i]) or unit
                    elif "财政" in n:
                        task_cols["fiscal"] = i
                    elif n == "备注":
                        task_cols["note"] = i
                continue
            out.tasks.append(_task(doc, row, task_cols, unit))
        elif section == "budget":
            line = _budget_line(doc, row)
            if line is not None:
                out.budget.append(line)
    out.indicators = I.read_grid(raw.rows[grid + 1:], raw.rows[grid], IndicatorScope.DEPARTMENT, "", doc)
    return out


def _cell(cells: list[str], i: int | None) -> str:
    return clean(cells[i]) if i is not None and i < len(cells) else ""


def _task(doc: str, row: Row, cols: dict[str, int], unit: str) -> Task:
    cells = row.cells
    if "name" not in cols:
        texts = [clean(c) for c in cells[1:] if clean(c)]
        name, content = (texts + ["", ""])[:2]
    else:
        name, content = _cell(cells, cols.get("name")), _cell(cells, cols.get("content"))
        if not content:       # the content cell moved into the empty column beside the name
            rest = [clean(c) for c in cells[cols["name"] + 1:] if clean(c)]
            content = rest[0] if rest and "amount" not in cols else content
    amount = _cell(cells, cols.get("amount"))
    fiscal = _cell(cells, cols.get("fiscal"))
    a = _money(doc, row, amount, unit, "the task's 合计") if amount else None
    f = _money(doc, row, fiscal, unit, "the task's 财政资金") if fiscal else None
    return Task(name=name, content=content, amount=amount, amount_yuan=a.yuan if a else None,
                fiscal=fiscal, fiscal_yuan=f.yuan if f else None, note=_cell(cells, cols.get("note")),
                unit=unit, document=doc, line=row.line)


def _budget_line(doc: str, row: Row) -> BudgetLine | None:
    labels, figures = [], []
    for c in row.cells:
        t = clean(c)
        if not t or compact(t) == "预算情况":
            continue
        (figures if re.fullmatch(r"[\d,]+(?:\.\d+)?", t) else labels).append(t)
    label = " ".join(labels)
    key = next((k for word, k in _BUDGET_KEYS if word in compact(label)), None)
    if key is None:
        return None
    unit = _unit_in(label) or "万元"
    amount = _money(doc, row, figures[0], unit, label) if figures else None
    return BudgetLine(key, strip_enumeration(label), printed=figures[0] if figures else "",
                      yuan=amount.yuan if amount else None, unit=unit, document=doc, line=row.line)


# --- per-project sheets --------------------------------------------------------------------

_SECTION_ROWS = {"项目详细信息", "项目构成", "项目绩效目标"}


def _pairs(cells: list[str]) -> list[tuple[str, str]]:
    texts = [clean(c) for c in cells]
    return [(compact(texts[i]), texts[i + 1] if i + 1 < len(texts) else "") for i in range(0, len(texts), 2)
            if compact(texts[i])]


def parse_project_sheet(raw: RawTable, doc: str, default_unit: str | None) -> tuple[Project, list[Indicator]]:
    grid = _grid_start(raw)
    end = grid if grid is not None else len(raw.rows)
    fields: dict[str, str] = {}
    items: list[dict] = []
    unit = None
    in_items = False
    for row in raw.rows[:end]:
        first = compact(row.cells[0]) if row.cells else ""
        if first == "项目构成":
            in_items = True
            continue
        if in_items:
            if first == "经济科目名称":
                unit = _unit_in(" ".join(row.cells)) or unit
                continue
            if first in ("备注",) or first in _SECTION_ROWS:
                in_items = False
            else:
                items.append(ProjectItem(clean(row.cells[0]), _cell(row.cells, 1), row.line))
                continue
        if first in _SECTION_ROWS:
            continue
        for key, value in _pairs(row.cells):
            fields.setdefault(key, value)
    unit = unit or default_unit or "万元"
    name = fields.pop("项目名称", "")
    if not name:
        raise DocumentError(doc, raw.start, "a project performance sheet has no 项目名称")
    printed = fields.get("项目本年度金额") or fields.get("项目总金额", "")
    amount = _money(doc, raw.rows[0], printed, unit, "项目本年度金额") if printed else None
    for item in items:
        a = _money(doc, Row(item.line, []), item.printed, unit, f"项目构成 {item.name}") if item.printed else None
        item.yuan = a.yuan if a else None
    project = Project(name=name, code="", unit_code=fields.pop("单位编码", ""), unit_name="",
                      category=fields.pop("资金用途", ""), amount_yuan=amount.yuan if amount else None,
                      printed=printed, unit=unit, document=doc, line=raw.rows[0].line, source=ProjectSource.SHEET,
                      fields=fields, items=items)
    found = I.read_grid(raw.rows[grid + 1:], raw.rows[grid], IndicatorScope.PROJECT, name, doc) if grid is not None else []
    return project, found


def continue_project_sheet(project: Project, raw: RawTable, doc: str) -> list[Indicator]:
    """The second part of a sheet broken over a page (003: 项目总目标, 年度绩效目标, the grid)."""
    grid = _grid_start(raw)
    for row in raw.rows[:grid if grid is not None else len(raw.rows)]:
        for key, value in _pairs(row.cells):
            project.fields.setdefault(key, value)
    if grid is None:
        return []
    return I.read_grid(raw.rows[grid + 1:], raw.rows[grid], IndicatorScope.PROJECT, project.name, doc)


# --- the summary table ---------------------------------------------------------------------

_FUNDING = {2: "total", 3: "government", 4: "special_account", 5: "other"}


def _level1_name(text: str) -> str:
    t = compact(text)
    for word in ("成本", "产出", "效益", "满意度"):
        if t.startswith(word):
            return f"{word}指标"
    return t


def _pairs_of(cells: list[str], level1_at: dict[int, str]):
    """(column, level-1, 三级指标, 指标值, flag) for each pair in a summary row.

    A pair printed one column to the right (004 line 331: 活动完成时间 under
    the 成本 value column) belongs to the heading whose name column it
    overlaps; it is kept and flagged ``realigned``.
    """
    start = min(level1_at) if level1_at else len(cells)
    i = start
    while i < len(cells):
        name = clean(cells[i])
        value = clean(cells[i + 1]) if i + 1 < len(cells) else ""
        if i in level1_at and not name and value:
            shifted = clean(cells[i + 2]) if i + 2 < len(cells) else ""
            yield i + 1, level1_at.get(i + 2) or level1_at[i], value, shifted, RowFlag.REALIGNED
            i += 3
            continue
        if i in level1_at:
            if name or value:
                yield i, level1_at[i], name, value, ""
            i += 2
            continue
        if name:
            heading = level1_at.get(i + 1) or level1_at.get(i - 1, "")
            yield i, heading, name, value, RowFlag.REALIGNED
            i += 2
            continue
        i += 1


def parse_project_summary(raw: RawTable, doc: str) -> tuple[list[Project], list[Indicator], list[UnitRow]]:
    """Projects, their indicators and the unit rows (单位编码 114, 114001 …) of a summary table."""
    header_rows = []
    body_start = 0
    for i, row in enumerate(raw.rows):
        first = compact(row.cells[0]) if row.cells else ""
        if first and first.isdigit():
            body_start = i
            break
        header_rows.append(row)
    else:
        raise DocumentError(doc, raw.rows[-1].line, "the project performance summary has no project rows: expected "
                                                    "a row starting with a unit or project code; the table may be cut off")
    level1_at: dict[int, str] = {}
    for row in header_rows:
        for i, c in enumerate(row.cells):
            name = compact(c)
            if name.startswith(("成本指", "产出指", "效益指", "满意度")):
                level1_at[i] = _level1_name(name)
    unit = _unit_in(" ".join(c for r in header_rows for c in r.cells)) or "万元"
    projects: list[Project] = []
    units: list[UnitRow] = []
    found: list[Indicator] = []
    current: Project | None = None
    unit_row: UnitRow | None = None
    for row in raw.rows[body_start:]:
        cells = row.cells + [""] * (14 - len(row.cells))
        code = compact(cells[0])
        if code.isdigit() and len(code) <= 9:
            total = _money(doc, row, clean(cells[2]), unit, "the unit's 资金总额")
            unit_row = UnitRow(code, clean(cells[1]), printed=clean(cells[2]), yuan=total.yuan, unit=unit,
                               document=doc, line=row.line)
            units.append(unit_row)
            current = None
            continue
        if code.isdigit():
            funding = {}
            for i, key in _FUNDING.items():
                a = _money(doc, row, clean(cells[i]), unit, f"the project's {key} funding")
                funding[key] = a.yuan
            current = Project(name=clean(cells[1]), code=code,
                              unit_code=unit_row.code if unit_row else "",
                              unit_name=unit_row.name if unit_row else "", category="",
                              amount_yuan=funding["total"], printed=clean(cells[2]), unit=unit, document=doc,
                              line=row.line, source=ProjectSource.SUMMARY, funding=funding)
            projects.append(current)
        elif code and not any(clean(c) for c in cells[1:]):
            # a project name broken over a page: the orphaned end (004: “专项费”)
            if current is None:
                raise DocumentError(doc, row.line, f"text {code!r} stands alone before any project row")
            current.name += clean(cells[0])
            current.flags.append(with_detail(RowFlag.NAME_JOINED, row.line))
            for ind in found:
                if ind.project_code == current.code:
                    ind.project = current.name
            continue
        elif code:
            raise DocumentError(doc, row.line, f"expected a unit or project code in the first column, found {code!r}")
        if current is None:
            continue
        for i, level1, name, value, flag in _pairs_of(cells, level1_at):
            parsed = I.parse_value(value)
            found.append(Indicator(scope=IndicatorScope.PROJECT, project=current.name, level1=level1, level2="", level3=name,
                                   value=value, op=parsed.op, number=parsed.number, number2=parsed.number2,
                                   unit=parsed.unit, explanation="", note="", document=doc, line=row.line,
                                   project_code=current.code, flags=[flag] if flag else []))
    return projects, found, units
