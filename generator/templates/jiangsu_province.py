"""江苏's provincial departments: twelve 公开表 (公开01表, 公开表一 …) in one file or as two (narrative and
tables), titles that put the department before the year or that omit 部门, and a narrative whose
sentences name the department where the cover is an image."""

from __future__ import annotations

from generator.core.vocabulary import Kind
from generator.templates.family import ALL, HEAD, Clue, Family, NameForm, TableRule as R

FAMILY = Family(
    name="江苏 · 省级部门预算公开表",
    seen="江苏省人大常委会办公厅, 省政协办公厅, 省人民检察院, 省高级人民法院 … 2017–2019",
    samples=("js-jianchayuan-2018-budget.pdf", "js-zhengxie-2018-budget-narrative.pdf",
             "js-zhengxie-2018-budget-tables.pdf"),
    tables=(
        R(110, Kind.RUNNING_COSTS_ECONOMIC, Clue(title=("机关运行经费",))),   # 一般公共预算机关运行经费支出预算表
        R(200, Kind.FISCAL_FUNCTION, Clue(title=("财政拨款支出",))),           # 财政拨款支出预算表, by function
        # 公开02表 收入预算总表, 公开03表 支出预算总表; the same titles in 福建 and in 江苏's cities
        R(290, Kind.INCOME, Clue(title=("收入预算总表",))),
        R(350, Kind.EXPENDITURE, Clue(title=("支出预算总表",))),
    ),
    names=(
        # “江苏省政协办公厅 2018 年度部门预算公开”
        NameForm(20, r"(?P<name>.{4,}?)(?P<year>20\d{2})年度?(?:部门|单位)(?:预算|决算)", HEAD),
        # “2018 年度江苏省高级人民法院预算公开”
        NameForm(30, r"(?P<year>20\d{2})年度?(?P<name>.{4,}?)(?:部门|单位)?(?:预算|决算)公开", HEAD),
        # “江苏省政协办公厅 2019 年度收入、支出预算总计 …”
        NameForm(60, r"(?P<name>[^，。、：:；;（）()\d]{4,20}?)20\d{2}年度?(?:收入、支出|收支|部门预算|财政拨款)", ALL,
                 regional=True),
    ),
)
