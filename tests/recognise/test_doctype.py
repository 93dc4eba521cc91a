"""A budget disclosure told apart from what else sits behind a budget-shaped link, by what it prints."""

import pytest

from generator.read import read_source
from generator.recognise.doctype import not_a_disclosure


def verdict(text, name="x.txt"):
    return not_a_disclosure(read_source(name, text.encode("utf-8")))


NOTICE = """包府办发〔2026〕11 号
包头市人民政府办公室
关于印发包头市建筑垃圾污染环境
防治工作规划（2025—2035 年）的通知
各旗、县、区人民政府，市直有关部门、单位：
经市人民政府同意，现将《包头市建筑垃圾污染环境防治工作规划（2025—2035 年）》印发给你们，请认真贯彻落实。
包头市人民政府办公室
2026 年 3 月 6 日
表 1 建筑垃圾处理设施
序号\t旗县区\t设施（座）\t规模（万吨/年）
1\t昆都仑区\t2\t120
2\t青山区\t1\t80
"""

GONGBAO = """22002266年年第第22期期刊刊登登惠惠州州市市人人民民政政府府公公报报
22002266年年22月月1111日日电电子子公公报报发发布布
惠州市民政局关于贯彻实施最低生活保障家庭经济状况核对办法的通知
惠民发〔2026〕10号
各县（区）民政局：
现结合我市实际提出如下意见，请一并执行。
"""

STATISTICS = """2026年1—2月某市国民经济主要指标
指标\t单位\t增长（%）
规模以上工业增加值\t亿元\t6.8
地方一般公共预算收入\t亿元\t-9.3
一般公共预算支出\t亿元\t6.8
"""

FORM = """某市审计局政府信息公开申请表
申请人信息\t姓名\t\t工作单位\t
\t证件号码\t\t联系电话\t
所需信息\t内容描述\t\t\t
"""

FLOWCHART = """某市应急管理局依申请信息公开流程图
依申请信息公开
申请
书面形式口头申请
受理
"""

CIRCULAR = """中共某省统计局党组关于巡视集中整改进展情况的通报
根据省委统一部署，省委巡视组对省统计局党组开展了常规巡视。
一、党组及主要负责人组织整改落实情况
"""

# a notice about budgets: it says 部门预算, but in a notice's title, and it carries no budget table
BUDGET_NOTICE = """某财预〔2026〕3 号
某市财政局关于做好2026年部门预算公开工作的通知
各部门：
现就做好2026年部门预算公开工作通知如下。
一、部门预算公开的范围
二、公开的时间
"""


@pytest.mark.parametrize("text, reads_as, line, title", [
    (NOTICE, "a notice (通知, 包府办发〔2026〕11号)", 3, "关于印发包头市建筑垃圾污染环境防治工作规划"),
    (GONGBAO, "an issue of a 公报 (惠州市人民政府公报 2026年第2期) carrying a notice (通知, 惠民发〔2026〕10号)", 3,
     "惠州市民政局关于贯彻实施"),
    (STATISTICS, "a statistics table (统计数据)", 1, "2026年1—2月某市国民经济主要指标"),
    (FORM, "a form (申请表)", 1, "某市审计局政府信息公开申请表"),
    (FLOWCHART, "a flowchart (流程图)", 1, "某市应急管理局依申请信息公开流程图"),
    (CIRCULAR, "a notice (通报)", 1, "中共某省统计局党组关于巡视"),
    (BUDGET_NOTICE, "a notice (通知, 某财预〔2026〕3号)", 2, "某市财政局关于做好2026年部门预算公开工作的通知"),
])
def test_what_a_document_that_is_not_a_disclosure_reads_as(text, reads_as, line, title):
    found = verdict(text)
    assert found is not None
    assert (found.reads_as, found.line) == (reads_as, line)
    assert found.title.startswith(title)
    message = found.message()
    assert message.startswith("this is not a budget disclosure (部门预算/决算): it reads as " + reads_as)
    assert message.endswith("nothing was imported")


def test_a_notice_about_budgets_is_said_to_mention_one():
    assert verdict(BUDGET_NOTICE).mentions_budget
    assert "it mentions a budget but carries no budget table" in verdict(BUDGET_NOTICE).message()
    assert "it names no 部门预算" in verdict(NOTICE).message()
    # the notice's title alone is enough to say so
    assert verdict("某财预〔2026〕3 号\n某市财政局关于做好2026年部门预算公开工作的通知\n各部门：\n").mentions_budget


def test_a_document_that_names_nothing_is_refused_with_its_first_line():
    found = verdict("会议纪要\n参加人员：张三、李四\n一、会议议定事项\n")
    assert (found.reads_as, found.line, found.title) == (None, 1, "会议纪要")
    assert "its head reads: “会议纪要”" in found.message()


SUMMARY = """2026年部门收支总体情况表
单位：万元
收入\t\t支出\t
项目\t预算数\t项目\t预算数
一般公共预算拨款收入\t100.00\t一般公共服务支出\t100.00
收入总计\t100.00\t支出总计\t100.00
"""


@pytest.mark.parametrize("text", [
    # the title names it, and it carries a summary with its totals
    "2026年某市某局部门预算\n" + SUMMARY,
    # tables alone, no title (江苏 publishes the tables as a file of their own)
    SUMMARY,
    # the narrative alone: its cover and its table of contents name it (江苏's other file)
    "某省政协办公厅 2019 年度部门预算公开\n目录\n第一部分 部门概况\n第二部分 2019 年度部门预算表\n一、收支预算总表\n"
    "二、收入预算总表\n第三部分 2019 年度部门预算情况说明\n",
    # a cover printed as an image: the table of contents still lists the budget tables
    "目录\n第一部分 部门概况\n第二部分 2019 年度部门预算表\n一、收支预算总表\n二、收入预算总表\n",
    # a 决算 report without tables is not taken for a report of another kind
    "2024年度某市某局部门决算报告\n一、部门基本情况\n",
    # a title whose year the text layer printed on its own line
    "重庆市气象局年部门预算情况说明\n2026\n一单位基本情况\n",
    # a department's performance targets alone
    "市级部门整体绩效目标申报表\n( 2020 年度 )\n部门名称\t某市某局\t\t\n年度主要任务\t任务名称\t主要内容\t预算金额\n"
    "\t日常运转\t保障机关运转\t100.00\n",
    # published with the 批复 in front: a 文号 and a notice's title, but the budget tables follow
    "某财预〔2026〕12号\n某市财政局关于批复2026年部门预算的通知\n某市某局：\n" + SUMMARY,
])
def test_a_disclosure_is_never_refused(text):
    assert verdict(text) is None


def test_rows_by_function_code_make_a_budget_table():
    text = ("某某表\n单位：万元\n科目编码\t科目名称\t金额\n201\t一般公共服务支出\t100.00\n"
            "20103\t政府办公厅（室）及相关机构事务\t100.00\n2010301\t行政运行\t100.00\n")
    assert verdict(text) is None


def test_the_file_name_never_decides():
    assert verdict(NOTICE, "2026年包头市人民政府办公室部门预算.txt") is not None
    assert verdict("2026年某市某局部门预算\n" + SUMMARY, "notice-2026.txt") is None
