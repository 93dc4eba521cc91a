"""The data of many disclosures as tidy pandas tables: one row per figure, indicator, project or glossary term.

This is what analysts load (``generator.api.load_frames``) and what the
site publishes as ``open-data/all/*.csv.gz`` and ``*.parquet``.  Years, rows and line numbers
are pandas' nullable integers (``Int64``).  Money columns hold the exact
values themselves (``int`` 元, or ``Decimal`` when the document prints 分):
pandas has no exact decimal dtype of its own, and a float column would round
``91016775.35``.  ``frame["yuan"].sum()`` stays exact.

Each field is described once here (``Field``): its meaning, its type, its
code list; the published data package, the Parquet files' types and the
docs are made from these.  Field names are plain words that no SQL dialect
reserves (``table_id``, ``row_no``, ``column_key``), so that a query needs no
quotes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.core import vocabulary as V
from generator.core.model import Disclosure
from generator.core.money import UNIT_FACTORS

if TYPE_CHECKING:                  # pandas is imported when a frame is made: a build never makes one, and
    import pandas as pd            # importing it took half a second of every build command's start


@dataclass(frozen=True)
class Field:
    """One column of a tidy table, as the data package describes it."""

    name: str
    title: str                                  # what a reader calls it
    description: str
    type: str = "string"                        # Table Schema: string | integer | number
    codes: dict[str, str] | None = None         # a code list: each value and what it means
    money: bool = False                         # a number of 元, exact (two decimals where 分 are printed)

    @property
    def unit(self) -> str | None:
        return "元" if self.money else None


def _codes(codes: dict[str, str]) -> str:
    return "；".join(f"{k}：{v}" for k, v in codes.items())


# --- the fields ------------------------------------------------------------------------------------------

REGION = Field("region", "地区", "发布文件的地区（市、区或省），如 郑州市")
DEPARTMENT = Field("department", "部门", "部门（或单位）名称，以登记名为准")
YEAR = Field("year", "年度", "预算或决算的年度", "integer")
PHASE = Field("phase", "阶段", "预算或决算", codes={V.BUDGET: "部门（单位）预算", V.FINAL: "部门（单位）决算"})
SCOPE = Field("scope", "范围", "部门或单位", codes={V.DEPARTMENT_SCOPE: "部门（含所属单位）的公开文件",
                                                  V.UNIT_SCOPE: "一个单位本级的公开文件"})
DOCUMENT = Field("document", "来源文件", "来源文件名（open-data/sources/ 下的原始文件）")
LINE = Field("line", "原文行号", "来源文件文本形式中的行号（网站上逐行查看页的 #L 行）", "integer")
UNIT = Field("unit", "原表单位", "原表印的金额单位（金额列已换算为元）", codes={u: u for u in UNIT_FACTORS})
PRINTED = Field("printed", "原文数字", "原表印的数字，原样")
YUAN = Field("yuan", "金额（元）", "金额，单位元（人民币），精确：整数，或原表印有角分时两位小数；空为原表空白",
             "number", money=True)
TABLE_ID = Field("table_id", "表编号", "表的种类，同一部门年度的第二张同类表加 -2："
                 + _codes({k: t.label for k, t in V.KINDS.items() if t.family != V.Family.PERFORMANCE}))
TABLE_CODES = {V.THREE_PUBLIC_TOTAL: "“三公”经费合计", **{p.key: p.label for p in V.THREE_PUBLIC_PARTS},
               V.RUNNING_COSTS: "机关运行经费", V.MEETINGS: "会议费", V.TRAINING: "培训费",
               V.TABLE_TOTAL: "“三公”经费、会议费和培训费的合计"}
IDENTITY_FIELDS = [REGION, DEPARTMENT, YEAR, PHASE, SCOPE]

MONEY = [*IDENTITY_FIELDS, TABLE_ID,
         Field("table_title", "表名", "表名，原样"),
         Field("row_no", "行序号", "本表中的行序号，从 1 起", "integer"),
         LINE,
         Field("kind", "行类型", "行的类型。各表都重复部门的总数，合计行不可跨表相加；要部门的总数请用 headline",
               codes=V.ROW_KINDS),
         Field("side", "收支方向", "收支表中这一行所在的一侧；其他表为空", codes=V.SIDES),
         Field("code", "科目编码", "功能分类编码（类、款、项：3、5、7 位，如 2010301）或经济分类编码（如 30101），"
               "均为文本；“三公”表的行：" + _codes(TABLE_CODES)),
         Field("label", "名称", "行的名称，原样"),
         Field("canonical", "规范名称", "编码在功能、经济分类目录中的名称"),
         Field("unit_code", "单位编码", "所属单位的编码，文本（如 003001，保留前导零）"),
         Field("column_key", "列键", "列的规范名，如 total（合计）、basic（基本支出）、basic.wages（工资福利支出）"),
         Field("column_label", "列名", "列的表头，原样，多层表头以“ / ”相连"),
         YUAN, PRINTED, UNIT, DOCUMENT]

INDICATORS = [*IDENTITY_FIELDS,
              Field("indicator_no", "指标序号", "这一部门年度中指标的序号，从 1 起", "integer"),
              Field("indicator_scope", "指标范围", "部门整体指标或项目指标",
                    codes={V.IndicatorScope.DEPARTMENT: "部门整体绩效指标", V.IndicatorScope.PROJECT: "项目绩效指标"}),
              Field("project", "项目", "项目名称（部门整体指标为空）"),
              Field("project_code", "项目编码", "项目编码，文本（汇总表印有时）"),
              Field("level1", "一级指标", "一级指标，原样"),
              Field("level2", "二级指标", "二级指标，原样（汇总表不印，为空）"),
              Field("level3", "三级指标", "三级指标，原样"),
              Field("value", "指标值", "指标值，原样"),
              Field("op", "比较", "指标值的比较方式（= 写作 '=，使电子表格不把它当公式）",
                    codes={"≥": "不低于", "≤": "不高于", ">": "高于", "<": "低于", "'=": "等于",
                           "range": "区间（number 至 number2）", "qualitative": "定性指标，无数值"}),
              Field("number", "数值", "指标值中的数，精确十进制文本；截止日期写作 YYYY-MM-DD（unit 为 日期）"),
              Field("number2", "数值二", "区间的上限，精确十进制文本"),
              Field("unit", "指标单位", "指标值的单位，原样（%、个、次、万元、日期……）"),
              Field("explanation", "指标说明", "指标的说明，原样"),
              Field("note", "备注", "指标解释或备注，原样"),
              DOCUMENT, LINE]

PROJECTS = [*IDENTITY_FIELDS,
            Field("project_no", "项目序号", "这一部门年度中项目的序号，从 1 起", "integer"),
            Field("name", "项目名称", "项目名称，原样"),
            Field("code", "项目编码", "项目编码，文本"),
            Field("unit_code", "单位编码", "实施单位的编码，文本（如 003001，保留前导零）"),
            Field("unit_name", "单位名称", "实施单位名称"),
            Field("category", "资金用途", "资金用途或项目类别，原样"),
            Field("amount_yuan", "金额（元）", "项目金额，单位元（人民币），精确", "number", money=True),
            PRINTED, UNIT,
            Field("source", "出处", "项目取自哪种表",
                  codes={V.ProjectSource.SHEET: "项目支出绩效目标表（每个项目一张）",
                         V.ProjectSource.SUMMARY: "项目绩效目标汇总表"}),
            DOCUMENT, LINE]

GLOSSARY = [*IDENTITY_FIELDS,
            Field("term_no", "术语序号", "这一部门年度中名词解释的序号，从 1 起", "integer"),
            Field("term", "术语", "名词解释的术语，原样"),
            Field("definition", "解释", "术语的解释，原样（跨行处已连接）"),
            DOCUMENT, LINE]


def names(fields: list[Field]) -> list[str]:
    return [f.name for f in fields]


IDENTITY = names(IDENTITY_FIELDS)
MONEY_FIELDS = names(MONEY)
INDICATOR_FIELDS = names(INDICATORS)
PROJECT_FIELDS = names(PROJECTS)
GLOSSARY_FIELDS = names(GLOSSARY)
INTEGER_FIELDS = frozenset(f.name for fs in (MONEY, INDICATORS, PROJECTS, GLOSSARY) for f in fs
                           if f.type == "integer")
AMOUNT_FIELDS = frozenset(f.name for fs in (MONEY, PROJECTS) for f in fs if f.money)


def _frame(fields: list[str], rows: list[list]) -> pd.DataFrame:
    import pandas as pd

    columns = list(zip(*rows)) if rows else [() for _ in fields]
    return pd.DataFrame({name: pd.array(list(values), dtype="Int64" if name in INTEGER_FIELDS else object)
                         for name, values in zip(fields, columns)}, columns=fields)


def identity(d: Disclosure) -> list:
    return [d.region, d.department, d.year, d.phase, d.scope]


def blank(value: object) -> object:
    """An absent value as an empty text cell."""
    return "" if value is None else value


def money_rows(d: Disclosure) -> list[list]:
    """Every printed figure of every table, with its row's identity and provenance."""
    out = []
    who = identity(d)
    for t in d.tables:
        columns = [(c.key, c.label) for c in t.money_columns]
        for r in t.rows:
            by_key = r.cells_by_column()
            head = who + [t.id, t.title, r.row, r.line, r.kind, blank(r.side), blank(r.code), r.label,
                          blank(r.canonical), blank(r.unit_code)]
            for key, label in columns:
                cell = by_key.get(key)
                if cell is not None:
                    out.append(head + [key, label, cell.yuan, cell.printed, t.unit, t.document])
    return out


def indicator_rows(d: Disclosure) -> list[list]:
    fields = ["scope" if k == "indicator_scope" else k for k in INDICATOR_FIELDS[len(IDENTITY) + 1:]]
    return [identity(d) + [n] + [getattr(i, k) for k in fields] for n, i in enumerate(d.indicators, 1)]


def project_rows(d: Disclosure) -> list[list]:
    fields = PROJECT_FIELDS[len(IDENTITY) + 1:]
    return [identity(d) + [n] + [getattr(p, k) for k in fields] for n, p in enumerate(d.projects, 1)]


def glossary_rows(d: Disclosure) -> list[list]:
    """Each 名词解释 term with its definition as this disclosure prints it."""
    return [identity(d) + [n, g.term, g.definition, g.document, g.line] for n, g in enumerate(d.glossary, 1)]


# the tidy tables: name -> (columns, the rows of one disclosure)
TABLES = {"money": (MONEY_FIELDS, money_rows), "indicators": (INDICATOR_FIELDS, indicator_rows),
          "projects": (PROJECT_FIELDS, project_rows), "glossary": (GLOSSARY_FIELDS, glossary_rows)}
# each table's fields, described; and the fields that tell its rows apart
DESCRIBED = {"money": MONEY, "indicators": INDICATORS, "projects": PROJECTS, "glossary": GLOSSARY}
KEYS = {"money": [*IDENTITY, "table_id", "row_no", "column_key"], "indicators": [*IDENTITY, "indicator_no"],
        "projects": [*IDENTITY, "project_no"], "glossary": [*IDENTITY, "term_no"]}


def tidy_frames(disclosures: Iterable[Disclosure]) -> dict[str, pd.DataFrame]:
    """Each of ``TABLES`` over all the disclosures, in their order."""
    rows: dict[str, list] = {name: [] for name in TABLES}
    for d in disclosures:
        for name, (_, of) in TABLES.items():
            rows[name] += of(d)
    return {name: _frame(fields, rows[name]) for name, (fields, _) in TABLES.items()}
