"""The message catalogue: every message in both languages, with the same values, and the language chosen as the
command line chooses it."""

import string

import pytest

from generator.core.messages import CATALOGUE, language, say


def _fields(text: str) -> set[str]:
    """The values a message shows; English plural endings (``{s}``, ``{x_s}``) are not values."""
    names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    return {n for n in names if n != "s" and not n.endswith("_s")}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_each_message_says_the_same_in_both_languages(key):
    english, chinese = CATALOGUE[key]
    assert english.strip() and chinese.strip()
    assert _fields(english) == _fields(chinese), key
    assert not any("\u4e00" <= c <= "\u9fff" for c in english.replace("修改", "").replace("万元", "")), key


def test_english_plurals():
    assert say("check.invalid.done", "en", n=1) == "1 problem: the data is invalid"
    assert say("check.invalid.done", "en", n=3) == "3 problems: the data is invalid"
    assert say("check.invalid.done", "zh", n=3) == "3 个问题：数据无效"


@pytest.mark.parametrize("choice, environ, expected", [
    (None, {}, "en"),
    (None, {"LANG": "zh_CN.UTF-8"}, "zh"),
    (None, {"LANG": "zh_TW.UTF-8"}, "zh"),
    (None, {"LANG": "en_US.UTF-8"}, "en"),
    (None, {"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, "en"),            # LC_ALL wins, as POSIX reads the locale
    (None, {"LANG": "C", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh"),
    ("en", {"LANG": "zh_CN.UTF-8"}, "en"),                           # --lang wins over the locale
    ("zh", {}, "zh"),
])
def test_the_language_is_chosen_by_lang_then_the_locale(choice, environ, expected):
    assert language(choice, environ) == expected


def test_every_key_the_code_asks_for_is_in_the_catalogue_and_every_key_is_asked_for():
    import re

    from tests.conftest import ROOT

    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "generator").rglob("*.py"))
    sections = "|".join(sorted({k.split(".")[0] for k in CATALOGUE}))
    asked = set(re.findall(rf"""["']((?:{sections})\.[a-z_]+(?:\.[a-z_]+)*)["']""", code))
    assert asked and asked - set(CATALOGUE) == set()
    built = {k for k in CATALOGUE if k.startswith(("check.severity.", "summary."))}   # keys made from a name
    assert set(CATALOGUE) - asked - built == set()


def test_a_warning_during_a_progress_bar_is_shown_by_the_bar(capsys):
    from generator.core import notices

    shown = []
    with notices.shown_by(shown.append):
        notices.warn("the cache cannot be written")
    notices.warn("after the bar")
    assert shown == ["warning: the cache cannot be written"]
    assert capsys.readouterr().err == "warning: after the bar\n"
