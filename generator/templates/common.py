"""The national 部门预算 template (财政部's eight tables), as most provinces print it.

Its words are the base every other family varies: 部门收支总体情况表, 部门收入总体情况表, 部门支出总体情况表,
财政拨款收支总体情况表, 一般公共预算支出情况表 (by function, or by economic class where its header says so),
一般公共预算基本支出情况表, “三公”经费支出情况表, 政府性基金 and 国有资本经营 tables, 政府采购预算表.
"""

from __future__ import annotations

from generator.core.vocabulary import Column, Kind
from generator.templates.family import HEAD, Clue, ColumnKey, Family, NameForm, TableRule as R

FAMILY = Family(
    name="全国通用 · 部门预算公开表",
    seen="every province in the corpus (河南, 上海, 江苏, 重庆, 福建, 广东), 2017–2026",
    samples=("000_0794aadfb6c0e8a0.txt", "sh-putuo-wanlijiedao-2024-budget.pdf", "js-wx-shangwuju-2026-budget.pdf"),
    tables=(
        R(100, Kind.THREE_PUBLIC, Clue(title=("三公",))),
        R(120, Kind.PROCUREMENT, Clue(title=("政府采购",))),
        R(130, Kind.GOV_FUND, Clue(title=("政府性基金",))),
        R(140, Kind.STATE_CAPITAL, Clue(title=("国有资本经营",))),
        R(150, Kind.ECONOMIC_SUMMARY, Clue(title=("经济分类汇总",))),
        R(160, Kind.BASIC_ECONOMIC, Clue(title=("基本支出",))),
        R(170, Kind.FISCAL_SUMMARY, Clue(title=("财政拨款收支",))),
        # the one title covers two tables: by economic class where the header says so, else by function
        R(210, Kind.GENERAL_BUDGET_ECONOMIC, Clue(title=("一般公共预算支出",), header=("经济分类",), window=40)),
        R(220, Kind.GENERAL_BUDGET_FUNCTION, Clue(title=("一般公共预算支出",))),
        R(250, Kind.SUMMARY, Clue(title=("收支",))),
        R(270, Kind.INCOME, Clue(title=("收入", "部门"))),
        R(320, Kind.PROJECT_LIST, Clue(title=("项目支出",))),
        R(330, Kind.EXPENDITURE, Clue(title=("支出", "部门"))),
    ),
    total_labels=("合计", "总计", "共计", "本年收入合计", "本年支出合计", "收入合计", "支出合计", "收入总计", "支出总计"),
    columns=(
        ColumnKey(r"^(合计|总计|共计|本年支出合计)$", Column.TOTAL),
        ColumnKey(r"工资福利", "wages"),
        ColumnKey(r"对个人和家庭", "family"),
        ColumnKey(r"商品(和)?服务", "goods"),
        ColumnKey(r"资本性支出", "capital"),
        ColumnKey(r"^公用经费$", "public"),
        ColumnKey(r"^人员经费$", "personnel"),
        ColumnKey(r"社会事业和经济发展", "social_economic"),
        ColumnKey(r"债务项目", "debt"),
        ColumnKey(r"基本建设", "construction"),
        ColumnKey(r"^其他项目$", "other"),
        ColumnKey(r"其他运转类|运转类经费", "operating"),
        ColumnKey(r"特定目标类", "specific"),
        ColumnKey(r"一般性项目", "general"),
        ColumnKey(r"专项资金", "special"),
        ColumnKey(r"其中[:：]?财政拨款|^财政拨款$", "appropriation"),
        ColumnKey(r"^一般公共预算", "general_budget"),
        ColumnKey(r"政府性基金", "gov_fund"),
        ColumnKey(r"国有资本经营", "state_capital"),
        ColumnKey(r"财政专户|专户管理", "special_account"),
        ColumnKey(r"其他各项收入|^其他收入$", "other_income"),
        ColumnKey(r"上级转移支付", "transfer"),
        ColumnKey(r"事业收入", "business_income"),
        ColumnKey(r"经营收入", "operating_income"),
        ColumnKey(r"事业基金", "career_fund"),
        ColumnKey(r"部门结转|上年结转|结转结余", "carryover"),
        ColumnKey(r"单位资金", "unit_funds"),
        ColumnKey(r"“三公”经费", Column.TOTAL),
        ColumnKey(r"^基本支出", "basic", group=True),
        ColumnKey(r"^项目支出", "project", group=True),
        ColumnKey(r"^一般公共预算", "general_budget", group=True),
        ColumnKey(r"本年拨款|本年支出|^本年收入$", "current", group=True),
        ColumnKey(r"财政拨款结转结余|财政上年结转", "carryover", group=True),
        ColumnKey(r"本年一般公共预算基本支出", "", group=True),     # over the whole table: its total
    ),
    names=(
        # “2024年度郑州市人民政府办公厅部门预算”, “2024年XX局部门整体绩效目标表”
        NameForm(10, r"(?P<year>20\d{2})年度?(?P<name>.{3,}?)部门(?:预算|整体)", HEAD, search=True),
    ),
    sections=(
        ("fiscal", ("财政拨款收入支出", "财政拨款收支")), ("duties", ("职责", "职能")), ("structure", ("单位构成", "机构")),
        ("staff", ("人员构成",)), ("vehicles", ("车辆构成",)),
        ("overview", ("收支预算总体", "收入支出预算总体", "收支总体", "预算编制说明")),
        ("income", ("收入预算",)), ("expenditure", ("支出预算说明", "支出预算总体")),
        ("changes", ("增减变化",)), ("fiscal", ("财政拨款",)), ("general_budget", ("一般公共预算支出",)),
        ("basic", ("基本支出",)), ("three_public", ("三公",)), ("gov_fund", ("政府性基金",)),
        ("state_capital", ("国有资本经营",)), ("running_costs", ("运行经费", "运转经费")),
        ("economic", ("经济分类",)), ("procurement", ("政府采购",)), ("assets", ("国有资产",)),
        ("performance", ("绩效",)), ("transfers", ("转移支付",)), ("empty_tables", ("空表",)),
        ("other", ("其他重要事项",)),
    ),
)
