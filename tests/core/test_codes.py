"""Classification codes: split and merged forms, one normaliser."""

from generator.core import codes


def test_codes_normalised():
    assert codes.function_code(["201", "03", "01"]).code == "2010301"
    assert codes.function_code(["2010301"]).parent == "20103"
    assert codes.function_code(["201"]).level == 1
    assert codes.function_code(["", "", "0030 01"]) is None
    assert codes.unit_code("0030 01") == "003001"
    assert codes.economic_code(["301", "01"]).code == "30101"
    assert codes.economic_code(["301", "30101"]).code == "30101"
    assert codes.economic_code(["50101"]).scheme == codes.ECONOMIC_GOV
    # 重庆 prints a level under the 款: 3010201 规范性津补贴 under 30102 津贴补贴
    assert (codes.economic_code(["3010201"]).level, codes.economic_code(["3010201"]).parent) == (3, "30102")
    assert codes.economic_code(["301020"]) is None
    assert codes.function_class_by_name("二十一、住房保障支出").code == "221"
