"""Headline figures of a disclosure, each taken from the table that states it.

One place decides where “total expenditure” or “三公” comes from, so the
audit, the department-year page and the comparison indexes agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.store.read import LoadedDisclosure

THREE_PUBLIC_PARTS = {
    "three_public.abroad": "因公出国（境）费",
    "three_public.reception": "公务接待费",
    "three_public.vehicles": "公务用车购置及运行费",
    "three_public.vehicle_operation": "其中：公务用车运行维护费",
    "three_public.vehicle_purchase": "其中：公务用车购置费",
}

LABELS = {
    "total.income": "收入总计",
    "total.expenditure": "支出总计",
    "basic": "基本支出",
    "project": "项目支出",
    "three_public": "“三公”经费",
    **THREE_PUBLIC_PARTS,
    "procurement": "政府采购预算",
}


@dataclass(frozen=True)
class Figure:
    measure: str
    yuan: int
    table: str         # table id
    unit: str
    decimals: int
    document: str
    line: int

    @property
    def tolerance(self) -> int:
        from generator.core.money import half_unit
        return half_unit(self.unit, self.decimals)


def _figure(measure: str, table, row: dict | None, column: str) -> Figure | None:
    if row is None or row["amounts"].get(column) is None:
        return None
    return Figure(measure, row["amounts"][column], table.id, table.meta["unit"] or "元",
                  int(table.meta["decimals"] or 0), row["document"], int(row["line"]))


def headline(d: LoadedDisclosure) -> dict[str, Figure]:
    out: dict[str, Figure] = {}

    def put(fig: Figure | None) -> None:
        if fig is not None and fig.measure not in out:
            out[fig.measure] = fig

    summary = d.table("summary")
    expenditure = d.table("expenditure")
    if summary:
        put(_figure("total.income", summary, summary.total_row("income"), "income"))
        put(_figure("total.expenditure", summary, summary.total_row("expenditure"), "total"))
    for kind in ("expenditure", "general_budget_function"):
        t = d.table(kind)
        if t:
            total = t.total_row()
            put(_figure("total.expenditure", t, total, "total"))
            put(_figure("basic", t, total, "basic"))
            put(_figure("project", t, total, "project"))
    if expenditure is None and summary:
        for r in summary.rows:
            label = r["label"]
            if r["side"] == "expenditure" and r["kind"] != "total":
                if label.endswith("基本支出"):
                    put(_figure("basic", summary, r, "total"))
                elif label.endswith("项目支出"):
                    put(_figure("project", summary, r, "total"))
    tp = d.table("three_public")
    if tp:
        for r in tp.rows:
            measure = "three_public" if r["code"] == "total" else f"three_public.{r['code']}"
            put(_figure(measure, tp, r, "amount"))
    proc = d.table("procurement")
    if proc:
        put(_figure("procurement", proc, proc.total_row(), "amount"))
    return out


def staff(d: LoadedDisclosure) -> dict[str, int]:
    """Staff and vehicle counts stated in the narrative (first statement of each)."""
    out: dict[str, int] = {}
    for s in d.statements:
        if s["count"] is not None and s["measure"] not in out:
            out[s["measure"]] = s["count"]
    return out
