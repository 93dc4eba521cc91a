"""The audit: reconcile each table and the tables with each other.

Every finding names the document, the line and both figures.  Sums are
allowed the rounding of the printed precision: half a unit of the last
printed digit for every figure in the sum (002 prints class 201 as 2,432.7
while its rows add to 2,432.8; that is rounding, not an error).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from generator.datastore import read_csv
from generator.model import Finding
from generator.money import format_yuan, half_unit

GRID_KINDS = {"income", "expenditure", "general_budget_function", "general_budget_economic",
              "basic_economic", "economic_summary", "gov_fund", "state_capital", "project_list", "procurement"}


def _fmt(yuan: int) -> str:
    return f"{format_yuan(yuan)} 元"


def audit_disclosure(path: Path) -> list[Finding]:
    meta = json.loads((path / "disclosure.json").read_text(encoding="utf-8"))
    rows = read_csv(path / "rows.csv")
    money = read_csv(path / "money.csv")
    tables = {t["id"]: t for t in meta["tables"]}
    amounts: dict[tuple[str, str], dict[str, int | None]] = defaultdict(dict)
    for m in money:
        amounts[(m["table"], m["row"])][m["column"]] = int(m["yuan"]) if m["yuan"] else None
    by_table: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        r["amounts"] = amounts[(r["table"], r["row"])]
        by_table[r["table"]].append(r)
    findings: list[Finding] = []
    for f in meta.get("merge_findings", []):
        findings.append(Finding(**f))
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
    return findings


def _row_flags(t: dict, trows: list[dict]) -> list[Finding]:
    out = []
    for r in trows:
        for flag in filter(None, r["flags"].split(";")):
            if flag == "unreconciled":
                out.append(Finding("row-sum", "warning",
                                   f"{t['title']}：row “{r['label']}” does not add up (合计 ≠ 基本支出 + 项目支出 or a "
                                   "subtotal ≠ its parts), and no re-alignment of its cells makes it add up",
                                   r["document"], int(r["line"]), table=t["id"]))
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
