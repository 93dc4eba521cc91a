"""Figures stated in the narrative against the tables, within the rounding of both."""

from __future__ import annotations

from generator.core import vocabulary as V
from generator.core.model import Disclosure, Finding
from generator.core.money import format_wan, format_yuan
from generator.audit.figures import Figure


def wan(yuan: int | None) -> str:
    return "blank" if yuan is None else f"{format_wan(yuan)} 万元"


def narrative_figures(d: Disclosure, figures: dict[str, Figure]) -> list[Finding]:
    """Each figure the narrative states against the table that states it."""
    out = []
    for s in d.statements:
        fig = figures.get(s.measure)
        if fig is None or s.yuan is None:
            continue
        if abs(s.yuan - fig.yuan) > s.tolerance + fig.tolerance:
            out.append(Finding("narrative", "warning",
                               f"the narrative states {V.MEASURES.get(s.measure, s.measure)} as "
                               f"{s.printed} {s.unit}, the table ({fig.table}, line {fig.line}) prints "
                               f"{format_yuan(fig.yuan)} 元", s.document, s.line,
                               expected=f"{format_yuan(fig.yuan)} 元", found=f"{s.printed} {s.unit}",
                               table=fig.table))
    return out


def three_public_change(d: Disclosure, figures: dict[str, Figure]) -> list[Finding]:
    """The stated change of “三公” against the stated changes of its three parts."""
    changes = {s.measure: s for s in d.statements if s.measure.endswith(V.CHANGE)}
    total = changes.get(V.THREE_PUBLIC + V.CHANGE)
    parts = [changes.get(V.three_public_measure(p.key) + V.CHANGE) for p in V.three_public_parts()]
    if total is None or not all(parts):
        return []
    found = sum(p.yuan for p in parts)
    if abs(total.yuan - found) <= total.tolerance * 4:
        return []
    return [Finding("narrative", "warning",
                    f"the narrative says “三公” changed by {wan(total.yuan)} from last year, but its "
                    f"three parts change by {wan(found)} in total ({'; '.join(p.quote for p in parts)})",
                    total.document, total.line, expected=wan(total.yuan), found=wan(found))]
