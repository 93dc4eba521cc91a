"""The audit: reconcile each table and the tables with each other.

Every finding names the document, the line and both figures.  Sums are
allowed the rounding of the printed precision: half a unit of the last
printed digit for every figure in the sum (002 prints class 201 as 2,432.7
while its rows add to 2,432.8; that is rounding, not an error).
"""

from __future__ import annotations

from pathlib import Path

from generator.normalise import statements as S
from generator.audit.figures import LABELS, headline
from generator.store.read import LoadedDisclosure, load_disclosure
from generator.core.model import Finding
from generator.core.money import format_wan, format_yuan, half_unit

GRID_KINDS = {"income", "expenditure", "general_budget_function", "general_budget_economic",
              "basic_economic", "economic_summary", "gov_fund", "state_capital", "project_list", "procurement"}


def _fmt(yuan: int) -> str:
    return f"{format_yuan(yuan)} 元"


def audit_disclosure(path: Path) -> list[Finding]:
    d = load_disclosure(path)
    tables = {t.id: t.meta for t in d.tables}
    by_table = {t.id: t.rows for t in d.tables if t.rows}
    findings = [Finding(**f) for f in d.meta.get("merge_findings", [])]
    for tid, trows in by_table.items():
        t = tables[tid]
        findings += _row_flags(t, trows)
        if t["kind"] in GRID_KINDS:
            findings += _sums(t, trows)
        if t["kind"] == "three_public":
            findings += _three_public(t, trows)
        if t["kind"] in ("summary", "fiscal_summary"):
            findings += _balanced(t, trows)
    findings += _cross_tables(tables, by_table)
    figures = headline(d)
    findings += narrative_findings(d, figures)
    findings += task_findings(d, figures)
    findings += unit_findings(d)
    return findings


def _wan(yuan: int | None) -> str:
    return "blank" if yuan is None else f"{format_wan(yuan)} 万元"


def narrative_findings(d: LoadedDisclosure, figures: dict) -> list[Finding]:
    """Figures stated in the narrative against the tables, within the rounding of both."""
    out = []
    for s in d.statements:
        fig = figures.get(s["measure"])
        if fig is None or s["yuan"] is None:
            continue
        if abs(s["yuan"] - fig.yuan) > S.tolerance(s) + fig.tolerance:
            out.append(Finding("narrative", "warning",
                               f"the narrative states {LABELS.get(s['measure'], s['measure'])} as "
                               f"{s['printed']} {s['unit']}, the table ({fig.table}, line {fig.line}) prints "
                               f"{_fmt(fig.yuan)}", s["document"], int(s["line"]),
                               expected=_fmt(fig.yuan), found=f"{s['printed']} {s['unit']}", table=fig.table))
    changes = {s["measure"]: s for s in d.statements if s["measure"].endswith(".change")}
    total = changes.get("three_public.change")
    parts = [changes.get(f"{p}.change") for p in S.THREE_PUBLIC_PARTS]
    if total is not None and all(parts):
        found = sum(p["yuan"] for p in parts)
        if abs(total["yuan"] - found) > S.tolerance(total) * 4:
            out.append(Finding("narrative", "warning",
                               f"the narrative says “三公” changed by {_wan(total['yuan'])} from last year, but its "
                               f"three parts change by {_wan(found)} in total ({'; '.join(p['quote'] for p in parts)})",
                               total["document"], int(total["line"]), expected=_wan(total["yuan"]),
                               found=_wan(found)))
    return out


def task_findings(d: LoadedDisclosure, figures: dict) -> list[Finding]:
    """The department performance table's tasks and 预算情况 against themselves and the tables."""
    out = []
    for t in d.tasks:
        if t["amount_yuan"] is not None and t["fiscal_yuan"] is not None and t["fiscal_yuan"] != t["amount_yuan"]:
            out.append(Finding("task", "warning",
                               f"整体绩效目标表：task “{t['name']} {t['content']}” prints 合计 {t['amount']} but "
                               f"其中财政资金 {t['fiscal']}; 财政资金 is part of 合计 and cannot exceed it" if t["fiscal_yuan"] > t["amount_yuan"] else
                               f"整体绩效目标表：task “{t['name']} {t['content']}” prints 合计 {t['amount']} and "
                               f"其中财政资金 {t['fiscal']}", t["document"], int(t["line"]),
                               expected=f"{t['amount']} {t['unit']}", found=f"{t['fiscal']} {t['unit']}"))
    total = figures.get("total.expenditure")
    money_tasks = [t for t in d.tasks if t["amount_yuan"] is not None]
    if total is not None and money_tasks:
        found = sum(t["amount_yuan"] for t in money_tasks)
        tol = half_unit(money_tasks[0]["unit"], 1) * (len(money_tasks) + 1) + total.tolerance
        if abs(found - total.yuan) > tol:
            out.append(Finding("task", "warning",
                               f"整体绩效目标表：the {len(money_tasks)} tasks add to {_wan(found)}, the budget "
                               f"({total.table}) is {_wan(total.yuan)}; {_wan(total.yuan - found)} is not "
                               f"assigned to any task", money_tasks[0]["document"], int(money_tasks[0]["line"]),
                               expected=_wan(total.yuan), found=_wan(found)))
    keys = {"total": "total.expenditure", "basic": "basic", "project": "project"}
    for b in d.performance.get("budget", []):
        fig = figures.get(keys.get(b["key"], ""))
        if fig is None or b["yuan"] is None:
            continue
        tol = half_unit(b["unit"], 2 if "." in b["printed"] and len(b["printed"].split(".")[1]) == 2 else 1)
        if abs(b["yuan"] - fig.yuan) > tol + fig.tolerance:
            out.append(Finding("task", "warning",
                               f"整体绩效目标表：预算情况 “{b['label']}” {b['printed']} {b['unit']} differs from "
                               f"{fig.table}", b["document"], int(b["line"]), expected=_fmt(fig.yuan),
                               found=f"{b['printed']} {b['unit']}"))
    return out


def unit_findings(d: LoadedDisclosure) -> list[Finding]:
    """Each unit row of a project summary table against the projects (or sub-units) under it."""
    out = []
    units = d.performance.get("units", [])
    projects = d.performance.get("projects", [])
    for u in units:
        if u["yuan"] is None:
            continue
        subs = [x for x in units if x["code"] != u["code"] and x["code"].startswith(u["code"])]
        parts = [x["yuan"] or 0 for x in subs] if subs else \
            [p["amount_yuan"] or 0 for p in projects if p["unit_code"] == u["code"]]
        if not parts:
            continue
        found = sum(parts)
        if abs(found - u["yuan"]) > half_unit(u["unit"], 2) * (len(parts) + 1):
            out.append(Finding("project-sum", "warning",
                               f"项目绩效目标表：unit {u['code']} {u['name']} prints {u['printed']} {u['unit']}, its "
                               f"{len(parts)} {'units' if subs else 'projects'} add to {_wan(found)}",
                               u["document"], int(u["line"]), expected=_wan(u["yuan"]), found=_wan(found)))
    return out


def _row_flags(t: dict, trows: list[dict]) -> list[Finding]:
    out = []
    for r in trows:
        for flag in r["flags"]:
            if flag == "unreconciled":
                out.append(Finding("row-sum", "warning",
                                   f"{t['title']}：row “{r['label']}” does not add up (合计 ≠ 基本支出 + 项目支出 or a "
                                   "subtotal ≠ its parts), and no re-alignment of its cells makes it add up",
                                   r["document"], int(r["line"]), table=t["id"]))
            elif flag == "realigned-ambiguous":
                out.append(Finding("realigned", "warning",
                                   f"{t['title']}：row “{r['label']}” had empty cells dropped and more than one "
                                   f"placement of its figures adds up; the smallest shift was taken — compare "
                                   f"with the source", r["document"], int(r["line"]), table=t["id"]))
            elif flag.startswith("realigned"):
                out.append(Finding("realigned", "info",
                                   f"{t['title']}：row “{r['label']}” had empty cells dropped; its figures were "
                                   f"re-aligned ({flag})", r["document"], int(r["line"]), table=t["id"]))
    return out


def _tolerance(t: dict, count: int) -> int:
    unit = t["unit"] or "元"
    return half_unit(unit, int(t["decimals"] or 0)) * (count + 1)


def _sums(t: dict, trows: list[dict]) -> list[Finding]:
    """Total row against the leaf rows, and each coded parent against its children."""
    out = []
    coded = [r for r in trows if r["code"] or r["code2"] or (r["kind"] == "item")]
    codes = {r["code"] for r in coded if r["code"]}
    leaves = [r for r in coded if not r["code"] or not any(c != r["code"] and c.startswith(r["code"]) for c in codes)]
    total = next((r for r in trows if r["kind"] == "total"), None)
    columns = [c["key"] for c in t["columns"] if c["role"] == "money"]
    if total is not None and leaves:
        for col in columns:
            expected = total["amounts"].get(col)
            found = sum(r["amounts"].get(col) or 0 for r in leaves)
            if expected is None and found == 0:
                continue
            if abs((expected or 0) - found) > _tolerance(t, len(leaves)):
                label = next(c["label"] for c in t["columns"] if c["key"] == col)
                out.append(Finding("column-sum", "warning",
                                   f"{t['title']}：合计 of “{label}” differs from the sum of its {len(leaves)} rows",
                                   total["document"], int(total["line"]), expected=_fmt(expected or 0),
                                   found=_fmt(found), table=t["id"]))
    for parent in coded:
        if not parent["code"]:
            continue
        children = [r for r in coded if r["parent"] == parent["code"]]
        if not children:
            continue
        for col in columns:
            expected = parent["amounts"].get(col) or 0
            found = sum(r["amounts"].get(col) or 0 for r in children)
            if abs(expected - found) > _tolerance(t, len(children)):
                out.append(Finding("subtotal", "warning",
                                   f"{t['title']}：{parent['code']} {parent['label']} differs from the sum of its "
                                   f"{len(children)} sub-items in “{col}”", parent["document"], int(parent["line"]),
                                   expected=_fmt(expected), found=_fmt(found), table=t["id"]))
    return out


def _three_public(t: dict, trows: list[dict]) -> list[Finding]:
    parts = {r["code"]: r for r in trows}
    out = []

    def val(key: str) -> int:
        return (parts[key]["amounts"].get("amount") or 0) if key in parts else 0

    if "total" in parts:
        found = val("abroad") + val("reception") + val("vehicles")
        if abs(val("total") - found) > _tolerance(t, 3):
            out.append(Finding("three-public", "warning", f"{t['title']}：“三公”合计 ≠ 出国 + 接待 + 公务用车",
                               t["document"], int(parts["total"]["line"]), expected=_fmt(val("total")),
                               found=_fmt(found), table=t["id"]))
    if "vehicles" in parts:
        found = val("vehicle_operation") + val("vehicle_purchase")
        if abs(val("vehicles") - found) > _tolerance(t, 2):
            out.append(Finding("three-public", "warning", f"{t['title']}：公务用车 ≠ 运行维护 + 购置",
                               t["document"], int(parts["vehicles"]["line"]), expected=_fmt(val("vehicles")),
                               found=_fmt(found), table=t["id"]))
    return out


def _balanced(t: dict, trows: list[dict]) -> list[Finding]:
    income = [r for r in trows if r["kind"] == "total" and r["side"] == "income"]
    spend = [r for r in trows if r["kind"] == "total" and r["side"] == "expenditure"]
    out = []
    if income and spend:
        a = income[-1]["amounts"].get("income") or 0
        b = spend[-1]["amounts"].get("total") or 0
        if abs(a - b) > _tolerance(t, 1):
            out.append(Finding("balance", "warning", f"{t['title']}：收入合计 ≠ 支出合计", t["document"],
                               int(spend[-1]["line"]), expected=_fmt(a), found=_fmt(b), table=t["id"]))
    return out


def headline_total(tables: dict, by_table: dict) -> list[tuple[str, int, int, str]]:
    """The total expenditure as stated by each table that states it: (table, 元, line, document)."""
    out = []
    for tid, trows in by_table.items():
        t = tables[tid]
        if t["kind"] in ("summary", "fiscal_summary"):
            r = next((r for r in trows if r["kind"] == "total" and r["side"] == "expenditure"), None)
            key = "total"
        elif t["kind"] in ("expenditure", "general_budget_function", "income"):
            r = next((r for r in trows if r["kind"] == "total"), None)
            key = "total"
        else:
            continue
        if r is not None and r["amounts"].get(key) is not None:
            out.append((tid, r["amounts"][key], int(r["line"]), r["document"]))
    return out


def _cross_tables(tables: dict, by_table: dict) -> list[Finding]:
    stated = headline_total(tables, by_table)
    out = []
    if stated:
        ref_id, ref, _, _ = stated[0]
        for tid, value, line, doc in stated[1:]:
            if abs(value - ref) > _tolerance(tables[tid], 1):
                out.append(Finding("cross-table", "warning",
                                   f"{tables[tid]['title']}：total differs from {tables[ref_id]['title']}",
                                   doc, line, expected=_fmt(ref), found=_fmt(value), table=tid))
    return out
