"""The parts of a “三公” table, recognised by their printed names."""

from generator.normalise.three_public import three_public_part


def test_three_public_components():
    assert three_public_part("公务用车购置及运行费") == "vehicles"
    assert three_public_part("其中：（1）公务用车运行维护费") == "vehicle_operation"
    assert three_public_part("（2）公务车购置") == "vehicle_purchase"
    assert three_public_part("1、因公出国（境）费用") == "abroad"
