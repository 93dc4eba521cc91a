"""Bar charts drawn at build time as inline SVG: every chart shows without JavaScript and costs no script.

A chart here is a picture of a table that is printed beside it; it carries
its own title and summary for screen readers (``role="img"``).  Each label
sits on its own line above its bars, so that long Chinese names of
function items stay readable on a phone.  All text is escaped: labels come
from published documents.
"""

from __future__ import annotations

from decimal import Decimal

from markupsafe import Markup, escape

from generator.core.money import Yuan, format_wan

WIDTH = 400
VALUE_SPACE = 84             # room right of the longest bar for its figure
LABEL_HEIGHT = 20
BAR_HEIGHT = 16
BAR_GAP = 3
ROW_GAP = 12
LEGEND_HEIGHT = 26
FONT = 13


def bars(chart_id: str, title: str, summary: str, labels: list[str], series: list[tuple[str, str, list[Yuan | None]]],
         unit: str = "万元", width: int = WIDTH, decimals: int = 2) -> Markup:
    """Horizontal bars, one group per label and one bar per series ``(name, colour, values in 元)``, each
    labelled in 万元 with ``decimals`` (those of the page's other figures).

    A blank value (None) draws no bar and says “—”; the scale starts at zero.  ``width`` is the width
    the text is set for: a chart in a narrow card is drawn narrower so that its text keeps its size.
    """
    values = [v for _, _, vs in series for v in vs if v is not None]
    top = max([v for v in values if v > 0], default=0)
    area = width - VALUE_SPACE
    legend = len(series) > 1
    y = LEGEND_HEIGHT if legend else 4
    parts: list[str] = []
    if legend:
        x = 0
        for name, colour, _ in series:
            parts.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{colour}"/>'
                         f'<text x="{x + 17}" y="15">{escape(name)}</text>')
            x += 30 + FONT * len(name)
    for i, label in enumerate(labels):
        parts.append(f'<text x="0" y="{y + FONT + 2}">{escape(label)}</text>')
        y += LABEL_HEIGHT
        for name, colour, vs in series:
            v = vs[i]
            length = _length(v, top, area)
            if length and legend:       # which series a bar is: its colour, and for a reader who hovers, its title
                parts.append(f'<rect x="0" y="{y}" width="{length}" height="{BAR_HEIGHT}" fill="{colour}">'
                             f'<title>{escape(label)} {escape(name)}：{_figure(v, decimals)} {unit}</title></rect>')
            elif length:                # one series: the label above and the figure beside say it all
                parts.append(f'<rect x="0" y="{y}" width="{length}" height="{BAR_HEIGHT}" fill="{colour}"/>')
            parts.append(f'<text class="v" x="{length + 6}" y="{y + BAR_HEIGHT - 3}">{_figure(v, decimals)}</text>')
            y += BAR_HEIGHT + BAR_GAP
        y += ROW_GAP
    height = y
    return Markup(
        f'<svg class="bars" id="{escape(chart_id)}-svg" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-labelledby="{escape(chart_id)}-svg-t {escape(chart_id)}-svg-d" '
        f'preserveAspectRatio="xMinYMin meet" font-size="{FONT}">'
        f'<title id="{escape(chart_id)}-svg-t">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-svg-d">{escape(summary)}</desc>{"".join(parts)}</svg>')


def _length(value: Yuan | None, top: Yuan, area: int) -> int:
    """The bar's length in SVG units: at least 1 for a figure above zero, so that it is seen."""
    if value is None or value <= 0 or not top:
        return 0
    return max(1, int(Decimal(value) * area / Decimal(top)))


def _figure(value: Yuan | None, decimals: int) -> str:
    return "—" if value is None else format_wan(value, decimals)
