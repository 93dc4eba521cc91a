"""What the command line says to the person running it, in English and in Chinese: the one catalogue.

A publisher reads the site in Chinese, so the reports they act on (the
import report, ``check``, ``summary``, and the other commands' own lines)
can be read in Chinese too: ``--lang zh``, or a Chinese locale (``LANG``,
``LC_MESSAGES`` or ``LC_ALL`` starting with ``zh``).  Every such line is
made here from a key and its values, so the two languages cannot drift
apart (a test holds each key's two texts to the same placeholders).

What stays in one language: error messages that stop the work and
warnings (English, with the file and line they name), the finding's own
words (Chinese, as the site publishes them) and ``--json`` output (keys
and values for scripts).  English plurals take ``{s}`` (of ``n``) or
``{x_s}`` (of ``x``): ``say`` fills them; Chinese does without.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGUAGES = ("en", "zh")

# key -> (English, Chinese)
CATALOGUE: dict[str, tuple[str, str]] = {
    # budgetsite import: what happened to a file given, then per document, per disclosure and in all
    "import.same": ("{given}: the same document is already there as {path}: imported once",
                    "{given}：同一份文件已在 {path}，只导入一次"),
    "import.renamed.taken": ("{given}: stored as {path} (another document has that name)",
                             "{given}：已存为 {path}（已有另一份文件用了这个名字）"),
    "import.renamed.unsafe": ("{given}: stored as {path} (a name that is safe in every file system and URL)",
                              "{given}：已存为 {path}（在各种文件系统和网址中都安全的名字）"),
    "import.document": ("{document}: {recognised} of {tables} tables, {landed} of {printed} figures",
                        "{document}：识别表格 {recognised}/{tables} 张，取得数字 {landed}/{printed} 个"),
    "import.document.generic": (" ({n} table{s} of no known kind kept as printed)",
                                "（{n} 张表不是已知种类，已按原样保存）"),
    "import.where": ("{document}:{line}", "{document}:{line}"),
    "import.where.page": ("{document}:{line} (page {page})", "{document}:{line}（第 {page} 页）"),
    "import.generic": ("  note: {where} “{title}” is not a table of a known kind: kept as printed ({printed} figures), "
                       "shown as not recognised (import --strict refuses it)",
                       "  说明：{where} “{title}”不是已知种类的表格：已按原样保存（{printed} 个数字），"
                       "页面上标为未识别（import --strict 会拒绝这样的文件）"),
    "import.block": ("  warning: {where} a table-like block was not recognised and holds no figures: “{title}”",
                     "  警告：{where} 一个像表格的文字块未能识别，其中没有数字：“{title}”"),
    "import.unplaced": ("  warning: {where} the figure {printed} in “{table}” was not placed in any cell of the data",
                        "  警告：{where} “{table}”中的数字 {printed} 没有放入数据的任何单元格"),
    "import.disclosure": ("{region} {department} {name}: {tables} tables, {terms} terms, {sections} sections from "
                          "{sources}",
                          "{region} {department} {name}：{tables} 张表，{terms} 个名词，{sections} 段说明，来自 {sources}"),
    "import.disclosure.notes": ("; {n} import note{s} (budgetsite check lists them)",
                                "；{n} 条导入说明（budgetsite check 列出）"),
    "import.done": ("imported {disclosures} disclosure{disclosures_s} from {documents} document{documents_s} "
                    "({parsed} parsed, {cached} unchanged since the last import) in {seconds} s",
                    "从 {documents} 份文件导入 {disclosures} 份公开（解析 {parsed} 份，{cached} 份自上次导入后未变），"
                    "用时 {seconds} 秒"),
    # budgetsite check
    "check.invalid": ("invalid: {problem}", "无效：{problem}"),
    "check.invalid.done": ("{n} problem{s}: the data is invalid", "{n} 个问题：数据无效"),
    "check.disclosure": ("{department} {name} ({folder}): {n} finding{s}", "{department} {name}（{folder}）：{n} 条核对发现"),
    "check.disclosure.notes": (", {n} import note{s}", "，{n} 条导入说明"),
    "check.finding": ("  [{tag}] {document}:{line} {message}{figures}", "  [{tag}] {document}:{line} {message}{figures}"),
    "check.figures": (" (expected {expected}, found {found})", "（应为 {expected}，实为 {found}）"),
    "check.severity.warning": ("warning", "警告"),
    "check.severity.info": ("info", "提示"),
    "check.severity.error": ("error", "错误"),
    "check.note": ("import note, {severity}", "导入说明，{severity}"),
    "check.valid": ("data valid: {disclosures} disclosure{disclosures_s}, {findings} audit finding{findings_s}",
                    "数据有效：{disclosures} 份公开，{findings} 条核对发现"),
    "check.valid.notes": (", {n} import note{s} (the importer's own decisions, not the documents' errors)",
                          "，{n} 条导入说明（导入工具自己的处理，不是文件的错误）"),
    "check.empty": ("no disclosures yet: import the published documents with budgetsite import FILE",
                    "还没有公开：用 budgetsite import 文件 导入各部门公开的文件"),
    "check.strict": ("--strict: {n} audit finding{s}", "--strict：{n} 条核对发现"),
    # budgetsite summary
    "summary.line": ("{region} {department} {year} {phase} ({scope}): {figures}; {tables} tables, {printed} figures; "
                     "{findings} finding{findings_s}, {notes} import note{notes_s}",
                     "{region} {department} {year} {phase}（{scope}）：{figures}；{tables} 张表，{printed} 个数字；"
                     "{findings} 条核对发现，{notes} 条导入说明"),
    "summary.figure": ("{measure} {wan} 万元", "{measure} {wan} 万元"),
    "summary.join": (", ", "，"),
    "summary.none": ("no headline figures found", "未找到主要数字"),
    "summary.total": ("total", "收支总计"),
    "summary.basic": ("basic", "基本支出"),
    "summary.project": ("project", "项目支出"),
    "summary.three_public": ("“three public”", "“三公”经费"),
    # budgetsite build
    "build.done": ("built {pages} pages ({rendered} rendered, {reused} unchanged) and {files} files, {mb} MB, into "
                   "{out} in {seconds} s",
                   "生成 {pages} 个页面（新生成 {rendered} 个，{reused} 个未变）和 {files} 个文件，共 {mb} MB，"
                   "在 {out}，用时 {seconds} 秒"),
    "build.open": ("open {index} in a browser, or run: budgetsite serve",
                   "在浏览器中打开 {index}，或运行 budgetsite serve 预览"),
    "build.empty": ("no disclosures yet: the site has no department pages until budgetsite import FILE",
                    "还没有公开：用 budgetsite import 文件 导入后，网站才有部门页面"),
    # budgetsite serve
    "serve.serving": ("serving {out} at {url} (Ctrl-C stops)", "在 {url} 预览 {out}（按 Ctrl-C 停止）"),
    "serve.exposed": ("note: --bind {bind} makes the preview visible to other machines on the network",
                      "注意：--bind {bind} 让网络上的其他机器也能看到预览"),
    "serve.rebuilt": ("rebuilt: {rendered} pages rendered, {reused} unchanged",
                      "已重新生成：新生成 {rendered} 个页面，{reused} 个未变"),
    "serve.failed": ("error: {error} (the previous preview is still served, with this error on every page)",
                     "错误：{error}（仍在预览上一次生成的网站，每个页面顶部显示这个错误）"),
    "serve.banner": ("The last rebuild failed: this is the last site that built, without your latest change.",
                     "最近一次重新生成失败：这里显示的是上一次成功生成的网站，不含最新的修改。"),
    # budgetsite init
    "init.wrote": ("wrote a new site in {folder}:", "已在 {folder} 建立新网站："),
    "init.next": ("next:", "接下来："),
    "init.step.settings": ("  1. edit {path}: the site's title, description and footer (the lines marked 修改)",
                           "  1. 修改 {path}：网站名称、简介和页脚（标有“修改”的行）"),
    "init.step.about": ("  2. edit {path}: who publishes the site and how to reach them",
                        "  2. 修改 {path}：主办单位和联系方式"),
    "init.step.import": ("  3. cd {folder} && budgetsite import FILE.pdf   (each department's disclosure as published: "
                         "PDF or text)",
                         "  3. cd {folder} && budgetsite import 文件.pdf   （各部门公开的文件原件：PDF 或文本）"),
    "init.step.build": ("  4. budgetsite serve   (preview), then budgetsite build; commit, and {workflow} publishes it",
                        "  4. budgetsite serve   （预览），然后 budgetsite build；提交后由 {workflow} 发布"),
    # progress on a terminal
    "progress.parse": ("parsing documents", "解析文件"),
    "progress.units": ("building department-years", "生成部门年度页面"),
    "progress.pages": ("rendering pages", "生成网站页面"),
    "progress.search": ("indexing for search", "建立搜索索引"),
}


def say(key: str, lang: str = "en", /, **values: object) -> str:
    """The message ``key`` in ``lang`` with its ``values``.  For each whole number ``x`` among them, ``{x_s}`` is
    its English plural ending (``{s}`` for ``n``'s)."""
    for name, value in list(values.items()):
        if isinstance(value, int) and not isinstance(value, bool):
            values[f"{name}_s"] = "" if value == 1 else "s"
    if "n_s" in values:
        values["s"] = values["n_s"]
    return CATALOGUE[key][LANGUAGES.index(lang)].format(**values)


def language(choice: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language of the messages: ``choice`` (``--lang``) when given, else the locale's (the first of
    ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set, as POSIX reads them): Chinese for ``zh…``, else English."""
    if choice:
        return choice
    env = os.environ if environ is None else environ
    locale = next((env[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(k)), "")
    return "zh" if locale.lower().startswith("zh") else "en"
