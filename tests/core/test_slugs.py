"""Region levels and slugs: a district is shown under its city (上海市 › 普陀区) and keeps both in its URL."""

from generator.core.slugs import department_slug, region_display, region_levels, region_slug


def test_region_levels_largest_first():
    assert region_levels("上海市普陀区") == ["上海市", "普陀区"]
    assert region_levels("江苏省") == ["江苏省"] and region_levels("郑州市") == ["郑州市"]
    assert region_display("上海市普陀区") == "上海市 › 普陀区" and region_display("济源市") == "济源市"


def test_slugs_keep_every_level():
    assert region_slug("上海市普陀区") == "shanghai-putuo" and region_slug("江苏省") == "jiangsu"
    assert department_slug("江苏省", "江苏省人民检察院") == "renminjianchayuan"
