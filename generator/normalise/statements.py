"""Figures stated in the narrative, so that the audit can hold them against the tables.

Narratives repeat the tables in prose: “支出预算 8641.20 万元，其中：基本支出
5052.35 万元”, “‘三公’经费预算 98 万元，比上年预算数减少 27 万元”, “政府采购预算
63 万元”, and give facts no table holds (人员编制, 车辆).  Each statement keeps
the figure as printed, its unit and precision (so a comparison allows the
rounding of what was printed) and the line it came from.
"""

from __future__ import annotations

import re

from generator.core import vocabulary as V
from generator.core.model import Statement
from generator.core.money import parse_amount
from generator.core.text import compact
from generator.read.layout import TextLine

_N = r"(\d[\d,]*(?:\.\d+)?)\s*(万元|元)"
# the same, where a zero may stand without its unit (“三公”经费预算数为0，…): 0 is 0 in any unit; a figure
# other than zero without its unit is not taken (the unit would be a guess)
_N0 = r"(\d[\d,]*(?:\.\d+)?)\s*(万元|元|(?=[，,。；;、]))"
_Q = r"[“”\"'‘’]?"
_YEAR = r"\d{4}\s*年"
_NOT_A_PART = r"(?<!预算)(?<!基金)(?<!拨款)(?<!资金)(?<!专户)"
# the words between a “三公” part's (or 会议费's) name and its figure: 公务接待费预算支出 46.51 万元, 会议费为 …
_SPENT = r"(?:预算)?(?:支出)?(?:预算)?(?:为)?\s*"

# (measure, pattern); the first group is the figure, the second its unit
def _measure(part: str) -> str:
    return V.three_public_measure(part)


MONEY_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # a qualified income or expenditure (一般公共预算收入, 财政拨款支出) is a part, not the department's total
    (V.TOTAL_INCOME, re.compile(rf"{_NOT_A_PART}收入(?:总计|合计|预算(?:总计)?)\s*(?:为)?\s*{_N}")),
    # (收入预算合计 X 万元，包括本年收入 … 上年结转结余 …; 收入预算：2026 年年初预算数 X 万元)
    (V.TOTAL_INCOME, re.compile(rf"(?<!本年){_NOT_A_PART}收入预算合计\s*(?:为)?\s*{_N}")),
    (V.TOTAL_INCOME, re.compile(rf"收入预算[：:。.]\s*{_YEAR}\s*年初预算数\s*(?:为)?\s*{_N}")),
    (V.TOTAL_EXPENDITURE, re.compile(rf"支出预算[：:。.]\s*{_YEAR}\s*年初预算数\s*(?:为)?\s*{_N}")),
    (V.TOTAL_EXPENDITURE, re.compile(rf"{_NOT_A_PART}支出(?:预算)?(?:总计|合计)\s*(?:为)?\s*{_N}")),
    (V.TOTAL_EXPENDITURE, re.compile(rf"(?<!基本)(?<!项目)(?<!经费){_NOT_A_PART}支出预算\s*(?:为)?\s*{_N}")),
    (V.BASIC, re.compile(rf"{_NOT_A_PART}基本支出(?:预算)?\s*(?:数为|为)?\s*{_N}")),
    # (the appropriations' 基本支出, and the 一般公共预算's: 一般公共预算财政拨款基本支出预算 2,281.84 万元)
    (V.FISCAL_BASIC, re.compile(rf"(?<!预算)(?<!基金)财政拨款基本支出(?:预算)?\s*(?:数为|为)?\s*{_N}")),
    (f"{V.GENERAL_BUDGET}.{V.BASIC}",
     re.compile(rf"一般公共预算(?:财政)?拨款基本支出(?:预算)?\s*(?:数为|为)?\s*{_N}")),
    (V.PROJECT, re.compile(rf"项目支出(?:预算)?\s*{_N}")),
    # (every project given its targets: 项目支出均实行了绩效目标管理，涉及一般公共预算财政拨款 94823.35 万元)
    (f"{V.GENERAL_BUDGET}.{V.PROJECT}",
     re.compile(rf"项目支出(?:均|全部)实行了?绩效目标管理[，,]\s*涉及一般公共预算(?:财政)?拨款\s*{_N}")),
    (V.THREE_PUBLIC, re.compile(rf"{_Q}三公{_Q}\s*经费(?:支出)?预算(?:为|数为)?\s*{_N0}")),
    (_measure("abroad"), re.compile(rf"因公出国[（(]境[)）]费(?:用)?{_SPENT}{_N0}")),
    (_measure("reception"), re.compile(rf"公务接待费{_SPENT}{_N0}")),
    (_measure("vehicles"), re.compile(rf"公务用车购置及运行(?:维护)?费{_SPENT}{_N0}")),
    (_measure("vehicle_purchase"), re.compile(rf"公务用车购置(?:费)?{_SPENT}{_N0}")),
    (_measure("vehicle_operation"), re.compile(rf"公务用车运行(?:维护)?费{_SPENT}{_N0}")),
    (V.MEETINGS, re.compile(rf"会议费{_SPENT}{_N}")),
    (V.TRAINING, re.compile(rf"培训费{_SPENT}{_N}")),
    (V.RUNNING_COSTS, re.compile(rf"机关运行经费{_SPENT}{_N}")),
    # (政府采购预算总额, 政府采购支出预算总额, 政府采购预算总金额为, 政府采购安排: the same whole)
    (V.PROCUREMENT, re.compile(rf"政府采购(?:支出)?(?:预算|安排)(?:总额|总金额)?\s*(?:为)?\s*{_N}")),
    # the concepts stated besides the headline figures (V.CONCEPTS): the year's income of each source …
    (V.INCOME_FISCAL, re.compile(rf"(?<!预算)(?<!基金)财政拨款收入(?:预算(?:总计|合计)?)?\s*(?:为)?\s*{_N0}")),
    # (涉及一般公共预算财政拨款 X 万元: the money of the projects with targets, no income)
    (V.INCOME_GENERAL_BUDGET,
     re.compile(rf"(?<!涉及)一般公共预算(?:(?:财政)?拨款(?:收入)?|收入)(?:预算)?\s*(?:为)?\s*{_N0}")),
    (V.INCOME_GOV_FUND, re.compile(rf"(?<!涉及)政府性基金预算(?:(?:财政)?拨款(?:收入)?|收入)\s*(?:为)?\s*{_N0}")),
    (V.INCOME_SPECIAL_ACCOUNT, re.compile(rf"财政专户管理资金(?:收入)?\s*(?:为)?\s*{_N0}")),
    (V.INCOME_BUSINESS, re.compile(rf"(?<!单位)事业收入(?:资金)?\s*(?:为)?\s*{_N0}")),
    (V.INCOME_OPERATING, re.compile(rf"事业单位经营收入(?:资金)?\s*(?:为)?\s*{_N0}")),
    (V.INCOME_OTHER, re.compile(rf"其他收入(?:资金)?\s*(?:为)?\s*{_N0}")),
    # … the appropriations' spending, and that of each fund …
    (V.FISCAL_EXPENDITURE, re.compile(rf"(?<!预算)(?<!基金)财政拨款(?:支出(?:预算)?|预算支出)\s*(?:为)?\s*{_N0}")),
    (V.GENERAL_BUDGET_EXPENDITURE, re.compile(rf"一般公共预算(?:财政)?拨款支出(?:预算)?\s*(?:为)?\s*{_N0}")),
    (V.GOV_FUND_EXPENDITURE, re.compile(rf"政府性基金(?:预算)?(?:(?:财政)?拨款)?支出(?:预算)?\s*(?:为)?\s*{_N0}")),
    # … the two parts of the 基本支出 as a list item (（一）人员经费 3,916.57 万元) …
    (V.GENERAL_BUDGET_PERSONNEL, re.compile(rf"^\s*[（(][一二][)）]\s*人员经费\s*{_N}")),
    (V.GENERAL_BUDGET_PUBLIC, re.compile(rf"^\s*[（(][一二][)）]\s*公用经费\s*{_N}")),
    # … and the procurement of each type (政府采购货物预算, 拟采购货物支出, 拟购买服务, 货物类采购预算)
    *((f"{V.PROCUREMENT}.{key}",
       re.compile(rf"(?:政府采购{word}预算|拟(?:采购|购买){word}(?:支出)?|{word}类采购预算)\s*(?:为)?\s*{_N0}"))
      for key, word in V.PROCUREMENT_TYPES.items()),
]

# the change of the totals: “与上年预算相比，收、支总计各减少 1004.7 万元”, “收入增加 89.3 万元”
_TOTAL_CHANGE = re.compile(rf"(?:与\s*(?:{_YEAR}|上年)(?:预算)?相比[，,]\s*)(?:收、?支总计各|收入(?:总计)?)\s*(增加|减少)\s*{_N}")

# changes against last year: “比 2019 年减少 2.4 万元”, “与 2019 年持平”
_CHANGE = re.compile(rf"比\s*(?:{_YEAR}|上年)(?:预算)?数?\s*((?:增加|减少|增长|下降)+)\s*{_N}")
_FLAT = re.compile(rf"与\s*(?:{_YEAR}|上年)(?:预算)?\s*持平")

# a 决算's execution sentence: “年初预算为 0 万元，全年预算为 321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%”
_EXECUTION_FIGURES = {"年初预算": "execution.initial", "全年预算": "execution.full", "支出决算": "execution.actual"}
_EXECUTION_FIGURE = re.compile(rf"(年初预算|全年预算|支出决算)(?:数)?为\s*{_N}")
_EXECUTION_RATE = re.compile(r"完成(年初|全年)预算(?:数)?的\s*(\d+(?:\.\d+)?)\s*%")

COUNT_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("staff.authorised", re.compile(r"(?:共有|核定)?编制\s*(\d+)\s*人")),
    ("staff.active", re.compile(r"在职(?:职工|人员)\s*(\d+)\s*人")),
    ("staff.retired", re.compile(r"离退休人员\s*(\d+)\s*人")),
    ("vehicles", re.compile(r"(?:现有|共有)车辆\s*(\d+)\s*辆")),
]

# the parts of 公务用车 are named inside its own phrase: they carry no change of their own
_VEHICLE_PARTS = tuple(_measure(p.key) for p in V.three_public_parts(within="vehicles"))


def _quote(text: str, start: int, end: int) -> str:
    return text[max(0, start - 12):min(len(text), end + 12)]


# a numbered item of a 决算's execution narrative: “1、一般公共服务支出（类）社会工作事务（款）行政运行（项）。”
_ITEM = re.compile(r"^\s*\d{1,2}\s*[、.．]\s*(\S.*)")
_ITEM_END = re.compile(r"。|主要用于")
# a heading of the narrative (“六、…”, “（三）…”) closes the item before it
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")


# the appropriations' spending by function, listed after “财政拨款支出主要内容如下”: “1.“一般公共服务支出”科目
# 1,744万元”, “1. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目…”, “1、公共安全支出（204类）
# 司法（06款）行政运行（01项）1434.89万元”; the list ends at the next heading
_FUNCTION_LIST = re.compile(r"财政拨款支出主要内容")
_FUNCTION_ITEM = re.compile(rf"^\s*\d{{1,2}}\s*[、.．]\s*“?([^“”，,。；;：:]{{2,80}}?)”?\s*(?:科目)?\s*{_N}")
_FUNCTION_LEVEL = re.compile(r"[（(]\d*[类款项][)）]|-")


# the item's figure said again further on its line: “…（01项）1434.89万元。主要用于：…，2026年预算安排1434.89万元”
_ITEM_AGAIN = re.compile(rf"(?:{_YEAR})?预算安排\s*{_N}")


def _function_item(text: str, document: str, line: int) -> list[Statement]:
    """The figure of a listed function class or item, named by its path of names (class, 款, 项), and the same
    figure said again on its line (预算安排 …), if it is."""
    m = _FUNCTION_ITEM.match(text)
    if not m:
        return []
    names = [compact(n) for n in _FUNCTION_LEVEL.split(m.group(1)) if compact(n)]
    if not names or not names[0].endswith("支出"):          # a function class's name ends so
        return []
    measure = V.FISCAL_FUNCTION + "/".join(names)
    out = [_stated(measure, m.group(2), m.group(3), _quote(text, m.start(1), m.end()), document, line)]
    again = _ITEM_AGAIN.search(text, m.end())
    if again:
        out.append(_stated(measure, again.group(1), again.group(2), _quote(text, again.start(), again.end()),
                           document, line))
    return out


def _stated(measure: str, printed: str, unit: str, quote: str, document: str, line: int) -> Statement:
    amount = parse_amount(printed.replace(",", ""), unit)
    return Statement(measure, printed, unit, amount.decimals, amount.yuan, quote, document, line)


# the appropriations' spending by function, as a section of its own lists it (of them all, or of one fund: an item
# one fund alone spends on): its class on a heading line (“（一）公共安全（类）”), then each 款 and 项 with its figure
# (“1．法院（款）行政运行（项）支出 14857.61 万元”), or all three on one line; the section ends at the next
# numbered heading (“六、…”)
_FISCAL_SECTION = re.compile(r"^\s*[一二三四五六七八九十]+、.*(?:财政拨款|一般公共预算|政府性基金预算)支出预算表?情况说明")
_TOP_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+、")
_CLASS_HEADING = re.compile(r"^\s*[（(][一二三四五六七八九十]+[)）]\s*([^（()）\s]+?)\s*[（(]类[)）]\s*$")
_CLASS_ITEM = re.compile(rf"^\s*(?:\d{{1,2}}\s*[、.．]\s*)?(?:([^（()）\s]+?)\s*[（(]类[)）])?\s*([^（()）\s]+?)\s*[（(]款[)）]"
                         rf"\s*([^（()）\s]+?)\s*[（(]项[)）]\s*支出\s*{_N}")


# the 一般公共预算's spending listed by item code under its own heading: “二、一般公共预算拨款支出情况” then
# “（三）2040202-一般行政管理事务 3233.69万元。”; the list ends at the next numbered heading
_GENERAL_SECTION = re.compile(r"^\s*[一二三四五六七八九十]+、\s*一般公共预算(?:拨款)?支出(?:预算)?情况")
_CODED_ITEM = re.compile(rf"^\s*[（(][一二三四五六七八九十]+[)）]\s*(\d{{3}}(?:\d{{2}}){{0,2}})\s*[-－—]\s*[^\d\s]+?\s*{_N}")


def _class_name(name: str) -> str:
    """A function class as the tables name it: 公共安全 is printed 公共安全支出."""
    name = compact(name)
    return name if name.endswith("支出") else name + "支出"


# the department's spending listed by function class in one sentence: “按支出功能分类，包括教育支出 54.94 万元，
# 社会保障和就业支出 25,763.40 万元，…”, “支出预算。2026 年年初预算数 19,230.18 万元，其中：一般公共服务支出 …”
_BY_FUNCTION = re.compile(rf"(?:按支出功能分类[，,：:]?\s*(?:包括|其中)|支出预算[：:。.]\s*{_YEAR}\s*年初预算数\s*{_N}"
                          rf"\s*[，,]\s*其中)[：:]?")
_FUNCTION_CLASS = re.compile(rf"([^\s，,、；;。:：\d]+?支出)\s*{_N}")


# … or one class a line, after the year's spending: “1．本年支出合计 186,241 万元。” then “（1）科学技术支出（类）支出
# 185,263.17 万元，…”; the list ends at the next numbered line (“2．结转下年 …”) or heading
_YEAR_SPENDING = re.compile(r"^\s*\d{1,2}\s*[．.、]\s*本年支出合计")
_CLASS_LINE = re.compile(rf"^\s*[（(]\d{{1,2}}[)）]\s*([^（()）\s]+?)\s*[（(]类[)）]\s*支出\s*{_N}")
_LIST_END = re.compile(r"^\s*(?:\d{1,2}\s*[．.、]|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)")


def _by_function(text: str, document: str, line: int) -> list[Statement]:
    """The department's spending on each function class a sentence lists, up to the sentence's end."""
    m = _BY_FUNCTION.search(text)
    if not m:
        return []
    end = text.find("。", m.end())
    out = []
    for item in _FUNCTION_CLASS.finditer(text, m.end(), len(text) if end < 0 else end):
        name = compact(item.group(1))
        out.append(_stated(V.EXPENDITURE_FUNCTION + name, item.group(2), item.group(3),
                           _quote(text, item.start(), item.end()), document, line))
    return out


class _Items:
    """The numbered item the lines are in, its name joined when it wraps (even over a page break)."""

    def __init__(self) -> None:
        self.name = ""
        self.open = False             # the name has not ended yet: the next line continues it

    def feed(self, text: str) -> None:
        m = _ITEM.match(text)
        if m:
            self.name, self.open = "", True
            text = m.group(1)
        elif _HEADING.match(text):
            self.name, self.open = "", False
            return
        if self.open:
            end = _ITEM_END.search(text)
            self.name += (text[:end.start()] if end else text).strip()
            self.open = end is None and len(self.name) < 120

    @property
    def subject(self) -> str:
        return self.name.rstrip("。；;，, ")


def extract(lines: list[TextLine], document: str) -> list[Statement]:
    """Every recognised statement, in document order (first statement of a measure per line)."""
    out: list[Statement] = []
    items = _Items()
    functions = False                  # in the list of the appropriations' spending by function
    section: str | None = None         # in a section of that spending by class: the class of its heading
    classes = False                    # in the list of the year's spending by class, one class a line
    coded = False                      # in the list of the 一般公共预算's spending by item code
    for tl in lines:
        text = tl.text
        if "\t" in text:
            continue
        items.feed(text)
        if _FUNCTION_LIST.search(text):
            functions = True
            continue
        if functions:
            listed = _function_item(text, document, tl.line)
            if listed:
                out += listed
                continue
            if _HEADING.match(text):
                functions = False
        if _TOP_HEADING.match(text):          # a numbered heading ends the sections below, and may open one
            coded = bool(_GENERAL_SECTION.match(text))
            section = "" if _FISCAL_SECTION.match(text) else None
            if coded or section is not None:
                continue
        if coded and (item := _CODED_ITEM.match(text)):
            out.append(_stated(V.GENERAL_BUDGET_CODE + item.group(1), item.group(2), item.group(3),
                               _quote(text, item.start(1), item.end()), document, tl.line))
            continue
        if section is not None:
            if (heading := _CLASS_HEADING.match(text)):
                section = _class_name(heading.group(1))
                continue
            if (item := _CLASS_ITEM.match(text)) and (item.group(1) or section):
                names = [_class_name(item.group(1) or section), compact(item.group(2)), compact(item.group(3))]
                out.append(_stated(V.FISCAL_FUNCTION + "/".join(names), item.group(4), item.group(5),
                                   _quote(text, item.start(2), item.end()), document, tl.line))
                continue
        out += _by_function(text, document, tl.line)
        if classes:
            if (listed := _CLASS_LINE.match(text)):
                out.append(_stated(V.EXPENDITURE_FUNCTION + _class_name(listed.group(1)), listed.group(2),
                                   listed.group(3), _quote(text, listed.start(1), listed.end()), document, tl.line))
                continue
            classes = not _LIST_END.match(text)
        if _YEAR_SPENDING.search(text):
            classes = True
        if len(text) < 6:
            continue
        seen: set[str] = set()
        for measure, pattern in MONEY_PATTERNS:
            for m in pattern.finditer(text):
                if measure in seen:
                    break
                # a component named inside the vehicles phrase is not the vehicles total
                if measure == _measure("vehicle_operation") and "购置及运行" in text[max(0, m.start() - 4):m.end()]:
                    continue
                if measure in (V.TOTAL_INCOME, V.TOTAL_EXPENDITURE) and _of_which(text, m.start()):
                    continue                   # 其中，货物类政府采购支出预算 259.32 万元: a part of the figure before
                if measure.startswith("income.") and re.search(r"结转|结余", _clause(text, m.start())):
                    continue                   # 上年结转结余的一般公共预算收入: last year's money, not the year's income
                if measure.startswith(V.PROCUREMENT + ".") and "拨款政府采购" in text[:m.start()]:
                    break                      # 其中一般公共预算拨款政府采购 …：政府采购货物预算: one fund's share
                unit = m.group(2)
                if not unit:                   # a figure printed without its unit: only a zero is taken
                    if m.group(1).strip("0.,") != "":
                        continue
                    unit = "元"
                amount = parse_amount(m.group(1).replace(",", ""), unit)
                sign = _changed_by(text, m.start())
                if sign:
                    # “增加基本支出 844.15 万元”: the figure is how much the measure changed, not the measure
                    out.append(Statement(measure + V.CHANGE, m.group(1), unit, amount.decimals,
                                         sign * (amount.yuan or 0), _quote(text, m.start(), m.end()), document,
                                         tl.line))
                    continue
                seen.add(measure)
                if measure in (V.BASIC, V.PROJECT) and _of_general_budget(text, m.start()):
                    measure = f"{V.GENERAL_BUDGET}.{measure}"
                out.append(Statement(measure, m.group(1), unit, amount.decimals, amount.yuan,
                                     _quote(text, m.start(), m.end()), document, tl.line))
                change = _change_after(text, m.end(), measure, document, tl.line)
                if change is not None:
                    out.append(change)
        m = _TOTAL_CHANGE.search(text)
        if m:
            amount = parse_amount(m.group(2).replace(",", ""), m.group(3))
            sign = -1 if m.group(1) == "减少" else 1
            out.append(Statement(V.TOTAL + V.CHANGE, m.group(0), m.group(3), amount.decimals,
                                 sign * (amount.yuan or 0), _quote(text, m.start(), m.end()), document, tl.line))
        out += _execution(text, document, tl.line, items.subject)
        for measure, pattern in COUNT_PATTERNS:
            m = pattern.search(text)
            if m:
                out.append(Statement(measure, m.group(1), "人" if "staff" in measure else "辆", 0, None,
                                     _quote(text, m.start(), m.end()), document, tl.line, count=int(m.group(1))))
    return out


# a verb of change right before a measure's name makes its figure the change: “增加基本支出 844.15 万元”
_CHANGED_BY = {"增加": 1, "增长": 1, "新增": 1, "减少": -1, "下降": -1, "压减": -1}


def _changed_by(text: str, start: int) -> int:
    """+1 or -1 when the measure named at ``start`` is the object of a verb of change (增加基本支出 …), else 0."""
    before = text[:start].rstrip()
    return next((sign for verb, sign in _CHANGED_BY.items() if before.endswith(verb)), 0)


def _clause(text: str, start: int) -> str:
    """The words of the clause before ``start`` (from the last ，；。 on)."""
    return re.split(r"[，,；;。]", text[:start])[-1]


def _of_which(text: str, start: int) -> bool:
    """Whether the figure at ``start`` follows a 其中 in its own sentence (the parts it opens run on over ；
    to the 。): a part of the figure stated before it (其中，货物类政府采购支出预算 259.32 万元；服务类政府采购
    支出预算 1,011.90 万元), never the department's total."""
    sentence = text.rfind("。", 0, start)
    return text.find("其中", sentence + 1, start) >= 0


# a figure of spending stated before a 其中, with the words that qualify it (一般公共预算财政拨款支出 192,446.79 万元)
_WHOLE = re.compile(rf"([^,，。;；:：]*?)支出(?:预算)?(?:数)?\s*(?:为)?\s*{_N}")


def _of_general_budget(text: str, start: int) -> bool:
    """Whether the figure at ``start`` is a part (其中：基本支出 …) of a 一般公共预算 figure stated before it in
    the paragraph, rather than of the department's whole spending."""
    of = text.rfind("其中", 0, start)
    if of < 0:
        return False
    whole = None
    for whole in _WHOLE.finditer(text, 0, of):
        pass
    return whole is not None and V.GENERAL_BUDGET_LABEL in whole.group(1)


def _execution(text: str, document: str, line: int, subject: str) -> list[Statement]:
    """The budget, the actual and any stated rate of an execution sentence (a budget and the actual, or
    nothing).

    The rate is kept as printed, with the budget it names (``execution.rate.initial`` or ``.full``),
    so that the audit can hold it against the figures beside it.  A sentence inside a numbered item
    carries the item's name as its subject: the overall sentence has none.
    """
    rate = _EXECUTION_RATE.search(text)
    out = []
    for m in _EXECUTION_FIGURE.finditer(text[:rate.start()] if rate else text):
        amount = parse_amount(m.group(2).replace(",", ""), m.group(3))
        out.append(Statement(_EXECUTION_FIGURES[m.group(1)], m.group(2), m.group(3), amount.decimals, amount.yuan,
                             _quote(text, m.start(), m.end()), document, line, subject=subject))
    measures = {s.measure for s in out}
    if "execution.actual" not in measures or not measures & {"execution.initial", "execution.full"}:
        return []
    if rate:
        basis = "initial" if rate.group(1) == "年初" else "full"
        digits = len(rate.group(2).partition(".")[2])
        out.append(Statement(f"execution.rate.{basis}", rate.group(2), "%", digits, None,
                             _quote(text, rate.start(), rate.end()), document, line, subject=subject))
    return out


def _change_after(text: str, pos: int, measure: str, document: str, line: int) -> Statement | None:
    """The change from last year stated right after a “三公” figure, if any."""
    if not measure.startswith(V.THREE_PUBLIC) or measure in _VEHICLE_PARTS:
        return None
    window = text[pos:pos + 120]
    stops = [p for name, p in MONEY_PATTERNS if name not in _VEHICLE_PARTS]
    nxt = min((m.start() for p in stops for m in [p.search(window)] if m), default=len(window))
    window = window[:nxt]
    m = _CHANGE.search(window)
    if m:
        sign = -1 if ("减少" in m.group(1) or "下降" in m.group(1)) else 1
        amount = parse_amount(m.group(2).replace(",", ""), m.group(3))
        return Statement(measure + V.CHANGE, m.group(0), m.group(3), amount.decimals, sign * (amount.yuan or 0),
                         m.group(0), document, line)
    m = _FLAT.search(window)
    if m:
        return Statement(measure + V.CHANGE, m.group(0), "万元", 0, 0, m.group(0), document, line)
    return None
