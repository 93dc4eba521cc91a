"""The model's charts drawn at build time (``svg``), so that a page shows them without a script: a
chart's bars, and an execution's budget beside its actual, each from the same figures as its table."""

from __future__ import annotations

from markupsafe import Markup

from generator.site.model.charts import CARD_WIDTH, PALETTE, Chart
from generator.site.model.execution import ACTUAL_COLOUR, BUDGET_COLOUR, Execution
from generator.site.pages import svg


def chart_svg(chart: Chart) -> Markup:
    """A chart of a page's charts (``chart_svg(c)`` in a template)."""
    return svg.bars(chart.id, chart.title, chart.summary, [label for label, _ in chart.rows],
                    [("金额", PALETTE[0], [yuan for _, yuan in chart.rows])], width=CARD_WIDTH,
                    decimals=chart.decimals)


def execution_svg(e: Execution) -> Markup:
    """Budget and actual side by side for each row of an execution (``execution_svg(e)`` in a template)."""
    return svg.bars(e.id, f"{e.title}：{e.budget_label}与决算数", e.summary, [r.label for r in e.rows],
                    [(e.budget_label, BUDGET_COLOUR, [r.budget for r in e.rows]),
                     ("决算数", ACTUAL_COLOUR, [r.actual for r in e.rows])], decimals=e.decimals)
