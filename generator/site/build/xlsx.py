"""A small XLSX writer: text and number cells in a few styles, frozen header rows, column widths.

Every department-year's workbook is written on each build, and a general writer (XlsxWriter, which
this replaced) spent a third of a department-year's build time on it, a call per cell and a shared
string table for text each cell holds once.  A workbook of tables needs much less of the format:

- text goes to the shared string table, each distinct text once: readers (Excel, WPS, LibreOffice,
  openpyxl, pandas) read a cell of it as text, never as a formula or a number, whatever it looks like
  (and openpyxl reads the escapes below only there, not in a cell's own inline text);
- a figure is written as its decimal text (``Decimal`` or ``int``), so the number in the file is the
  one printed, to the 分, and no float rounding happens here;
- the styles are fixed: plain, bold, a bold wrapped header with a rule under it, and the figures with
  thousands separators (Excel's built-in formats 3 and 4);
- characters XML cannot hold (control characters) are written as the format's ``_xHHHH_`` escapes, and
  a text that itself looks like such an escape is escaped too, so every text reads back as it was.

The same sheets give the same bytes: the zip entries carry a fixed date and the document a fixed
creation time.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

# the cell styles: indexes into the ``cellXfs`` of STYLES
PLAIN, BOLD, HEADER, WHOLE, CENTS = 0, 1, 2, 3, 4

_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_CREATED = "1980-01-01T00:00:00Z"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
_XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{_MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"""


@dataclass
class Worksheet:
    """One sheet: its name (at most 31 characters, none of ``[]:*?/\\``), its rows of cells, the rows
    frozen at its top and its columns' widths.  A cell is ``(value, style)``: a ``str`` is text, an
    ``int`` or ``Decimal`` a number, None nothing."""

    name: str
    rows: list[list[tuple[object, int]]] = field(default_factory=list)
    frozen_rows: int = 0
    widths: list[float] = field(default_factory=list)


def workbook(sheets: list[Worksheet], title: str) -> bytes:
    """The sheets as the bytes of one XLSX file."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        def put(name: str, text: str) -> None:
            info = zipfile.ZipInfo(name, _ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))

        count = len(sheets)
        strings: dict[str, int] = {}
        parts = [sheet_xml(sheet, strings) for sheet in sheets]
        put("[Content_Types].xml", _content_types(count))
        put("_rels/.rels", _root_rels())
        put("docProps/core.xml", _core(title))
        put("docProps/app.xml", _app())
        put("xl/workbook.xml", _workbook(sheets))
        put("xl/_rels/workbook.xml.rels", _workbook_rels(count))
        put("xl/styles.xml", STYLES)
        put("xl/sharedStrings.xml", _shared(strings))
        for n, part in enumerate(parts, 1):
            put(f"xl/worksheets/sheet{n}.xml", part)
    return buf.getvalue()


def sheet_xml(sheet: Worksheet, strings: dict[str, int]) -> str:
    """One worksheet's XML; its texts are added to ``strings`` (each text's place in the shared table)."""
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_MAIN}" '
           f'xmlns:r="{_REL}">']
    width = max((len(r) for r in sheet.rows), default=0)
    if sheet.rows and width:
        out.append(f'<dimension ref="A1:{column_name(width - 1)}{len(sheet.rows)}"/>')
    if sheet.frozen_rows:
        top = f"A{sheet.frozen_rows + 1}"
        out.append(f'<sheetViews><sheetView workbookViewId="0"><pane ySplit="{sheet.frozen_rows}" '
                   f'topLeftCell="{top}" activePane="bottomLeft" state="frozen"/>'
                   f'<selection pane="bottomLeft" activeCell="{top}" sqref="{top}"/></sheetView></sheetViews>')
    else:
        out.append('<sheetViews><sheetView workbookViewId="0"/></sheetViews>')
    out.append('<sheetFormatPr defaultRowHeight="15"/>')
    if sheet.widths:
        out.append("<cols>" + "".join(f'<col min="{c}" max="{c}" width="{w:g}" customWidth="1"/>'
                                      for c, w in enumerate(sheet.widths, 1)) + "</cols>")
    out.append("<sheetData>")
    names = [column_name(c) for c in range(width)]
    for r, row in enumerate(sheet.rows, 1):
        cells = []
        for c, (value, style) in enumerate(row):
            if value is None or value == "":
                continue
            s = f' s="{style}"' if style else ""
            ref = f"{names[c]}{r}"
            if type(value) is str:
                index = strings.setdefault(value, len(strings))
                cells.append(f'<c r="{ref}"{s} t="s"><v>{index}</v></c>')
            else:
                cells.append(f'<c r="{ref}"{s}><v>{number(value)}</v></c>')
        if cells:
            out.append(f'<row r="{r}">{"".join(cells)}</row>')
    out.append('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
               'footer="0.3"/></worksheet>')
    return "".join(out)


def text(value: str) -> str:
    """A text for an XML element: markup escaped, and what XML cannot hold as the format's escapes."""
    if _CONTROL.search(value):
        value = _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_" if len(m.group()) == 1 else "_x005F" + m.group(),
                             value)
    return value.translate(_XML_ESCAPES)


def _shared(strings: dict[str, int]) -> str:
    items = "".join(f'<si><t xml:space="preserve">{text(t)}</t></si>' if t[:1].isspace() or t[-1:].isspace()
                    else f"<si><t>{text(t)}</t></si>" for t in strings)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst xmlns="{_MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>')


def number(value: object) -> str:
    """A figure as the decimal text a reader parses: exactly the digits of an ``int`` or ``Decimal``."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    raise TypeError(f"not a figure: {value!r}")


def column_name(index: int) -> str:
    """The letters of the 0-based column ``index``: 0 → A, 25 → Z, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _content_types(count: int) -> str:
    sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
                     f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for n in range(1, count + 1))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f'{sheets}'
            '<Override PartName="/xl/styles.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/'
            'vnd.openxmlformats-package.core-properties+xml"/>'
            '<Override PartName="/docProps/app.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>')


def _root_rels() -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
            'core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>'
            '</Relationships>')


def _core(title: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{text(title)}</dc:title>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{_CREATED}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{_CREATED}</dcterms:modified>'
            '</cp:coreProperties>')


def _app() -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            '<Application>budgetsite</Application></Properties>')


def _workbook(sheets: list[Worksheet]) -> str:
    names = "".join(f'<sheet name="{text(s.name)}" sheetId="{n}" r:id="rId{n}"/>' for n, s in enumerate(sheets, 1))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView/></bookViews>'
            f'<sheets>{names}</sheets></workbook>')


def _workbook_rels(count: int) -> str:
    sheets = "".join(f'<Relationship Id="rId{n}" Type="{_REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                     for n in range(1, count + 1))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{_PKG_REL}">{sheets}'
            f'<Relationship Id="rId{count + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId{count + 2}" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
            '</Relationships>')
