"""Layouts read for what they print: codes in brackets before their names, a 小计 whose parts open on
“其中：”, a table by spending unit, and narrative figures stated of the 一般公共预算 alone.

Synthetic documents as text with tab-separated tables, each read as a whole document.
"""

from generator.audit import audit, import_notes
from generator.core import codes
from generator.core import vocabulary as V
from generator.normalise import statements
from generator.normalise.disclosure import parse_document
from generator.read import read_source
from generator.read.layout import TextLine
from tests.conftest import row, table

T = "\t"
HEAD = ["珠海市某某局2026年部门预算", ""]


def parse(*tables: list[str]):
    lines = list(HEAD)
    for t in tables:
        lines += t + [""]
    return parse_document(read_source("t.txt", "\n".join(lines).encode("utf-8")))


def findings(d, table_id):
    return [f for f in audit(d) if f.table == table_id]


def test_a_bracketed_code_is_read_as_the_code():
    assert codes.bracketed_code("[201]一般公共服务支出") == ("201", "一般公共服务支出")
    assert codes.bracketed_code("【30101】基本工资") == ("30101", "基本工资")
    assert codes.bracketed_code("一般公共服务支出") is None


def test_a_function_table_with_bracketed_codes_and_a_subtotal_whose_parts_open_on_of_which():
    d = parse(["一般公共预算支出情况表（按功能分类科目）", "单位：万元",
               T.join(["功能科目名称", "一般公共预算支出", "", ""]),
               T.join(["", "小计", "其中：基本支出", "项目支出"]),
               T.join(["合计", "1,000.00", "700.00", "300.00"]),
               T.join(["[201]一般公共服务支出", "1,000.00", "700.00", "300.00"]),
               T.join(["[20113]商贸事务", "1,000.00", "700.00", "300.00"]),
               T.join(["[2011301]行政运行", "700.00", "700.00", "0.00"]),
               T.join(["[2011399]其他商贸事务支出", "300.00", "0.00", "300.00"])])
    t = table(d, "general_budget_function")
    assert [c.key for c in t.columns] == ["total", "basic", "project"]
    assert [(r.code, r.label, r.parent) for r in t.rows[1:]] == [
        ("201", "一般公共服务支出", None), ("20113", "商贸事务", "201"),
        ("2011301", "行政运行", "20113"), ("2011399", "其他商贸事务支出", "20113")]
    assert not [r for r in t.rows if "unreconciled" in r.flags]
    assert not findings(d, t.id)


def test_an_economic_table_with_bracketed_codes_adds_up_by_its_codes():
    d = parse(["一般公共预算基本支出情况表（按经济分类科目）", "单位：万元",
               T.join(["部门预算支出经济科目", "预算"]),
               T.join(["合计", "700.00"]),
               T.join(["[301]工资福利支出", "500.00"]),
               T.join(["[30101]基本工资", "200.00"]),
               T.join(["[30102]津贴补贴", "300.00"]),
               T.join(["[302]商品和服务支出", "200.00"]),
               T.join(["[30201]办公费", "200.00"])])
    t = table(d, "basic_economic")
    assert [r.code for r in t.rows[1:]] == ["301", "30101", "30102", "302", "30201"]
    assert not findings(d, t.id)


def basic_by_unit(*rows):
    return ["部门预算基本支出预算表", "单位：万元",
            T.join(["支出项目类别（资金使用单位）", "总计"]),
            T.join(["合计", "1,000.00"]), *(T.join(r) for r in rows)]


def test_a_table_by_unit_holds_each_unit_to_its_rows_and_the_total_to_the_rows_alone():
    d = parse(basic_by_unit(["珠海市某某局", "800.00"], ["工资和福利支出", "600.00"], ["商品和服务支出", "200.00"],
                            ["珠海市某某服务中心", "200.00"], ["工资和福利支出", "150.00"], ["商品和服务支出", "50.00"]))
    t = table(d, "basic_economic")
    assert [(r.kind, r.parent) for r in t.rows[1:]] == [
        ("group", None), ("item", "珠海市某某局"), ("item", "珠海市某某局"),
        ("group", None), ("item", "珠海市某某服务中心"), ("item", "珠海市某某服务中心")]
    assert not findings(d, t.id)


def test_a_unit_that_is_not_the_sum_of_its_rows_is_the_documents_inconsistency():
    d = parse(basic_by_unit(["珠海市某某局", "800.00"], ["工资和福利支出", "600.00"], ["商品和服务支出", "100.00"],
                            ["珠海市某某服务中心", "200.00"], ["工资和福利支出", "200.00"]))
    t = table(d, "basic_economic")
    assert not [r for r in t.rows if r.kind == "group"]        # not read as a table by unit
    assert findings(d, t.id)


def test_a_list_of_units_alone_is_not_grouped():
    d = parse(basic_by_unit(["珠海市某某局", "800.00"], ["珠海市某某服务中心", "200.00"]))
    t = table(d, "basic_economic")
    assert [r.kind for r in t.rows[1:]] == ["item", "item"]
    assert not findings(d, t.id)


def aid_table(*lines):
    return ["一般公共预算支出表", "单位：万元",
            T.join(["科目编码", "科目名称", "合计", "基本支出", "项目支出"]),
            T.join(["合计", "", "1,002.00", "500.00", "502.00"]),
            T.join(["201", "一般公共服务支出", "500.00", "500.00", ""]),
            T.join(["20101", "人大事务", "500.00", "500.00", ""]),
            T.join(["2010101", "行政运行", "500.00", "500.00", ""]),
            T.join(["219", "援助其他地区支出", "502.00", "", "502.00"]), *(T.join(r) for r in lines)]


def test_a_line_that_repeats_the_code_above_and_adds_up_to_it_is_its_sub_line():
    """A 项 printed with its 款's code (21999 其他支出 twice): the lower line is the 款's one 项, counted once."""
    d = parse(aid_table(["21999", "其他支出", "502.00", "", "502.00"], ["21999", "其他支出", "502.00", "", "502.00"]))
    t = table(d, "general_budget_function")
    upper, lower = [r for r in t.rows if r.code == "21999"]
    assert (upper.level, upper.parent, upper.flags) == (2, "219", [])
    assert (lower.level, lower.parent, lower.flags) == (3, "21999", ["code-repeated"])
    assert not findings(d, t.id)
    (note,) = [n for n in import_notes(d) if n.check == "code-repeated"]
    assert note.line == lower.line and "21999" in note.message


def test_lines_that_repeat_a_code_but_do_not_add_up_to_it_are_left_as_printed():
    """Two lines 21999 whose figures differ are no 款 and its 项: both are read as printed, side by side."""
    d = parse(aid_table(["21999", "其他支出", "302.00", "", "302.00"], ["21999", "其他支出", "200.00", "", "200.00"]))
    t = table(d, "general_budget_function")
    assert [(r.level, r.parent, r.flags) for r in t.rows if r.code == "21999"] == [(2, "219", []), (2, "219", [])]
    assert not [n for n in import_notes(d) if n.check == "code-repeated"]
    assert not findings(d, t.id)                              # 302 + 200 is the class's 502, as printed
    d = parse(aid_table(["21999", "其他支出", "502.00", "", "502.00"], ["21999", "其他支出", "200.00", "", "200.00"]))
    t = table(d, "general_budget_function")
    assert not [r for r in t.rows if "code-repeated" in r.flags]
    assert ("subtotal", row(t, code="219").line) in {(f.check, f.line) for f in findings(d, t.id)}


def said(text):
    return {s.measure: s.yuan for s in statements.extract([TextLine(16, text)], "t.txt")}


def test_parts_of_the_general_budget_are_its_own_measures():
    found = said("2026年一般公共预算财政拨款支出192,446.79万元,比2025年减少8,648.06万元。其中:基本支出43,908.7万元,"
                 "主要用于保障运转;项目支出148,538.09万元,主要用于重点工作。")
    assert found == {V.GENERAL_BUDGET_EXPENDITURE: 1924467900,
                     f"{V.GENERAL_BUDGET}.{V.BASIC}": 439087000, f"{V.GENERAL_BUDGET}.{V.PROJECT}": 1485380900}
    assert said("支出预算8,641.20万元,其中:基本支出5,052.35万元,项目支出3,588.85万元。") == {
        V.TOTAL_EXPENDITURE: 86412000, V.BASIC: 50523500, V.PROJECT: 35888500}


def test_a_three_public_figure_of_zero_needs_no_unit_and_another_figure_does():
    """“三公”经费预算数为0：0 is 0 in any unit, so it is taken; a figure other than zero printed without its unit is
    not (its unit would be a guess)."""
    lines = [TextLine(1, "2026年“三公”经费预算数为0，与2025年预算持平。其中："),
             TextLine(2, "（一）因公出国（境）费为0，与2025年预算持平。"),
             TextLine(3, "（三）公务接待费为12，与2025年预算持平。"),
             TextLine(4, "公务接待费为 1.20 万元。")]
    found = {(s.measure, s.line): s.yuan for s in statements.extract(lines, "a.pdf")
             if not s.measure.endswith(".change")}
    assert found == {("three_public", 1): 0, ("three_public.abroad", 2): 0, ("three_public.reception", 4): 12_000}


def test_a_figure_after_a_verb_of_change_is_the_change_not_the_measure():
    found = {s.measure: s.yuan for s in statements.extract(
        [TextLine(1, "主要原因是提租补贴调整等原因，增加基本支出 844.15 万元。此外，基本支出预算数为 7666.68 万元。"),
         TextLine(2, "压减项目支出 12.00 万元。")], "a.pdf")}
    assert found == {V.BASIC + V.CHANGE: 8_441_500, V.BASIC: 76_666_800, V.PROJECT + V.CHANGE: -120_000}


def test_a_total_named_after_of_which_is_a_part_not_the_departments_total():
    assert said("2017年政府采购预算1,271.22万元。其中，货物类政府采购支出预算 259.32 万元,占 20.40%；服务类政府采购"
                "支出预算 1,011.90 万元,占 79.60%。") == {V.PROCUREMENT: 12_712_200}
    assert said("本年支出预算合计 9,146.79 万元，其中：基本支出 5,916.27 万元。") == {
        V.TOTAL_EXPENDITURE: 91_467_900, V.BASIC: 59_162_700}


def test_each_source_of_income_and_each_funds_spending_is_a_concept_of_its_own():
    assert said("2026年，某中心收入预算2,144万元，其中：财政拨款收入2,114万元，比2025年预算增加19万元；事业收入30万元；"
                "事业单位经营收入为0；其他收入为0。") == {
        V.TOTAL_INCOME: 21_440_000, V.INCOME_FISCAL: 21_140_000, V.INCOME_BUSINESS: 300_000,
        V.INCOME_OPERATING: 0, V.INCOME_OTHER: 0}
    assert said("支出预算2,144万元，其中：财政拨款支出预算2,114万元。财政拨款支出预算中，一般公共预算拨款支出预算2,114万元；"
                "政府性基金拨款支出预算为0。") == {
        V.TOTAL_EXPENDITURE: 21_440_000, V.FISCAL_EXPENDITURE: 21_140_000, V.GENERAL_BUDGET_EXPENDITURE: 21_140_000,
        V.GOV_FUND_EXPENDITURE: 0}
    # last year's money carried over is no income of the year; the money of the projects with targets is none, and
    # where every project has them it is the 一般公共预算's 项目支出
    assert said("上年结转结余的一般公共预算收入 0 万元，占 0%；") == {}
    assert said("2026 年项目支出均实行了绩效目标管理，涉及一般公共预算财政拨款 94823.35 万元。") == {
        f"{V.GENERAL_BUDGET}.{V.PROJECT}": 948_233_500}
    assert said("本单位共 6 个项目纳入绩效目标管理，涉及一般公共预算财政拨款 183,959.16 万元。") == {}


def test_the_parts_of_three_public_meetings_and_procurement_however_worded():
    assert said("3．公务接待费预算支出 46.51 万元，") == {V.three_public_measure("reception"): 465_100}
    assert said("（1）公务用车购置预算支出 154.97 万元，") == {V.three_public_measure("vehicle_purchase"): 1_549_700}
    assert said("某局 2026 年度一般公共预算拨款安排的会议费预算支出 30 万元，") == {V.MEETINGS: 300_000}
    assert said("2026年上海市审计局财政拨款的机关运行经费预算为2,180.26万元。") == {V.RUNNING_COSTS: 21_802_600}
    assert said("2026年度本单位政府采购预算983.05万元，其中：政府采购货物预算50.55万元、政府采购工程预算0.00万元、"
                "政府采购服务预算932.50万元。") == {
        V.PROCUREMENT: 9_830_500, "procurement.goods": 505_500, "procurement.works": 0, "procurement.services": 9_325_000}
    # the share of one fund, listed after the whole: not the whole's parts
    assert said("政府采购预算总额 9 4 7 万元 : 政府采购货物预算 4 7 万元、其中一般公共预算拨款政府采购0万元:"
                "政府采购货物预算0万元") == {}


def test_the_appropriations_spending_by_function_is_read_as_a_path_of_names():
    lines = [TextLine(1, "财政拨款支出主要内容如下："),
             TextLine(2, "1.“一般公共服务支出”科目1,744万元，主要用于人员经费。"),
             TextLine(3, "2. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元，主要用于…"),
             TextLine(4, "3、公共安全支出（204类）司法（06款）行政运行（01项）1434.89万元。主要用于：行政单位的基本支出。"),
             TextLine(5, "三、“三公”经费"),
             TextLine(6, "1.“卫生健康支出”科目107万元，主要用于…")]
    found = {s.measure: s.yuan for s in statements.extract(lines, "a.pdf")}
    assert found == {V.FISCAL_FUNCTION + "一般公共服务支出": 17_440_000,
                     V.FISCAL_FUNCTION + "一般公共服务支出/政府办公厅（室）及相关机构事务/行政运行": 12_029_500,
                     V.FISCAL_FUNCTION + "公共安全支出/司法/行政运行": 14_348_900}


def test_the_totals_and_the_basic_spending_however_a_province_words_them():
    assert said("苏州市交通运输局 2026 年收入预算合计 249,977.11 万元，包括本年收入 249,977.11 万元，上年结转结余 0 万元。") \
        == {V.TOTAL_INCOME: 2_499_771_100}
    assert said("江苏省人大常委会办公厅本年收入预算合计13649.07万元，全部为公共财政拨款。") == {}   # the year's, not the whole
    assert said("(一)收入预算:2026年年初预算数14,770.62万元,其中:一般公共预算拨款12,672.73万元,")[V.TOTAL_INCOME] \
        == 147_706_200
    assert said("（二）支出预算：2026 年年初预算数 583,429.56 万元。") == {V.TOTAL_EXPENDITURE: 5_834_295_600}
    assert said("无锡市信访局 2025 年度财政拨款基本支出预算 1,692.29 万元，其中：") == {V.FISCAL_BASIC: 16_922_900}
    assert said("1．财政拨款收入预算总计18330.37万元。") == {V.INCOME_FISCAL: 183_303_700}
    assert said("（1）一般公共预算收入预算18330.37万元，与上年相比增加2432.93万元。") == {
        V.INCOME_GENERAL_BUDGET: 183_303_700}
    assert said("某局 2026 年度一般公共预算财政拨款基本支出预算 2,281.84 万元，其中：") == {
        f"{V.GENERAL_BUDGET}.{V.BASIC}": 22_818_400}
    assert said("2018年度政府采购支出预算总额 2064.25 万元，其中：拟采购货物支出59万元、拟采购工程支出 0 万元、"
                "拟购买服务支出 2005.25 万元。") == {V.PROCUREMENT: 20_642_500, "procurement.goods": 590_000,
                                           "procurement.works": 0, "procurement.services": 20_052_500}


def test_the_spending_by_function_class_in_a_sentence_or_a_line_each_is_the_departments():
    found = said("（二）支出预算：2026 年年初预算数 583,429.56 万元。按支出功能分类，包括教育支出54.94 万元，社会保障和就业"
                 "支出 25,763.40 万元，农林水支出 650 万元。比 2025 年减少 1,000 万元。")
    assert {m: y for m, y in found.items() if m.startswith(V.EXPENDITURE_FUNCTION)} == {
        V.EXPENDITURE_FUNCTION + "教育支出": 549_400, V.EXPENDITURE_FUNCTION + "社会保障和就业支出": 257_634_000,
        V.EXPENDITURE_FUNCTION + "农林水支出": 6_500_000}
    lines = [TextLine(1, "（二）支出预算总计 186,241 万元。包括："),
             TextLine(2, "1．本年支出合计 186,241 万元。"),
             TextLine(3, "（1）科学技术支出（类）支出 185,263.17 万元，主要用于科技项目的支出。"),
             TextLine(4, "（2）社会保障和就业支出（类）支出 247.46 万元，主要用于养老保险缴费支出。"),
             TextLine(5, "2．结转下年 0 万元。"),
             TextLine(6, "（1）卫生健康支出（类）支出 12 万元。")]
    found = {s.measure: s.yuan for s in statements.extract(lines, "a.pdf") if s.measure.startswith("expenditure.")}
    assert found == {V.EXPENDITURE_FUNCTION + "科学技术支出": 1_852_631_700,
                     V.EXPENDITURE_FUNCTION + "社会保障和就业支出": 2_474_600}


def test_a_section_of_the_appropriations_spending_names_each_item_under_its_class_heading():
    lines = [TextLine(1, "五、财政拨款支出预算情况说明"),
             TextLine(2, "江苏省高级人民法院 2018 年财政拨款预算支出 33172.15 万元，占本年支出合计的 100%。"),
             TextLine(3, "（一）公共安全（类）"),
             TextLine(4, "1．法院（款）行政运行（项）支出 14857.61 万元，与上年相比增加 3070.69 万元。"),
             TextLine(5, "（二）社会保障和就业支出（类）"),
             TextLine(6, "行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）支出 260.05 万元。"),
             TextLine(7, "城乡社区支出（类）国有土地使用权出让收入安排的支出（款）城市建设支出（项）支出 143,999 万元。"),
             TextLine(8, "六、“三公”经费支出预算情况说明"),
             TextLine(9, "1．法院（款）机关服务（项）支出 1600 万元。"),
             TextLine(10, "八、一般公共预算支出预算表情况说明"),
             TextLine(11, "（一）一般公共服务支出（类）"),
             TextLine(12, "3. 政协事务（款）政协会议（项）支出 1,027.90 万元，与上年数一致。")]
    found = {s.measure: s.yuan for s in statements.extract(lines, "a.pdf") if s.measure.startswith(V.FISCAL_FUNCTION)}
    assert found == {V.FISCAL_FUNCTION + "公共安全支出/法院/行政运行": 148_576_100,
                     V.FISCAL_FUNCTION + "社会保障和就业支出/行政事业单位养老支出/机关事业单位基本养老保险缴费支出": 2_600_500,
                     V.FISCAL_FUNCTION + "城乡社区支出/国有土地使用权出让收入安排的支出/城市建设支出": 1_439_990_000,
                     V.FISCAL_FUNCTION + "一般公共服务支出/政协事务/政协会议": 10_279_000}


def test_an_items_figure_said_again_on_its_line_is_a_second_statement_of_it():
    lines = [TextLine(1, "财政拨款支出主要内容如下："),
             TextLine(2, "7、社会保障和就业支出（208类）行政事业单位养老支出（05款）行政单位离退休（01项）56.12万元。主要用于："
                         "退休人员支出。2025年当年预算执行数为57.43万元，2026年预算安排57.8万元，比2025年预算执行数减少2.27%。")]
    found = [(s.measure, s.yuan) for s in statements.extract(lines, "a.pdf")]
    item = V.FISCAL_FUNCTION + "社会保障和就业支出/行政事业单位养老支出/行政单位离退休"
    assert found == [(item, 561_200), (item, 578_000)]                  # last year's 执行数 is neither


def test_the_general_budgets_spending_listed_by_item_code_under_its_heading():
    lines = [TextLine(1, "二、一般公共预算拨款支出情况"),
             TextLine(2, "2026年度一般公共预算拨款支出 69059.36万元，比上年减少 2493.38万元。"),
             TextLine(3, "（三）2040202-一般行政管理事务 3233.69万元。主要用于基础设施改造建设等支出。"),
             TextLine(4, "（十三）2101101-行政单位医疗 1192.75万元。主要用于在职人员医保基金支出。"),
             TextLine(5, "三、财政拨款“三公”经费支出情况"),
             TextLine(6, "（一）2040203-机关服务 60.00万元。")]
    found = {s.measure: s.yuan for s in statements.extract(lines, "a.pdf") if s.measure.startswith("general_budget.")}
    assert found == {V.GENERAL_BUDGET_EXPENDITURE: 690_593_600, V.GENERAL_BUDGET_CODE + "2040202": 32_336_900,
                     V.GENERAL_BUDGET_CODE + "2101101": 11_927_500}
