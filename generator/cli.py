"""The ``budgetsite`` command line: it parses arguments and calls the functions ``generator.api`` gathers
(imported from their own modules, so that ``import`` and ``check`` do not load the site's libraries)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from generator.console import Terminal
from generator.core.errors import BudgetsiteError
from generator.core.messages import LANGUAGES, language


def _import(args: argparse.Namespace, term: Terminal) -> int:
    from generator.audit import import_notes
    from generator.normalise.coverage import report
    from generator.store.cache import default_dir
    from generator.store.importing import SAME, TAKEN, import_documents

    began = time.perf_counter()
    cache = None if args.no_cache else Path(args.cache) if args.cache else default_dir()
    with term.progress() as progress:
        result = import_documents(Path(args.data), [Path(f) for f in args.files], args.jobs, cache, args.scheduler,
                                  args.strict, progress)
    for given, name, why in result.stored:
        key = "import.same" if why == SAME else "import.renamed.taken" if why == TAKEN else "import.renamed.unsafe"
        term.line(key, given=given, path=f"{args.data}/sources/{name}")
    for c in result.coverage:
        lines = report(c, term.lang)
        for line in lines[1:] if term.quiet else lines:      # -q: only what was not taken
            print(line)
    for d in result.disclosures if not term.quiet else ():
        notes = import_notes(d)
        print(term.say("import.disclosure", region=d.region, department=d.department, name=d.name,
                       tables=len(d.tables), terms=len(d.glossary), sections=len(d.sections),
                       sources=", ".join(s.name for s in d.sources))
              + (term.say("import.disclosure.notes", n=len(notes)) if notes else ""))
    term.line("import.done", disclosures=len(result.disclosures), documents=len(result.coverage),
              parsed=result.parsed, cached=len(result.coverage) - result.parsed, seconds=_seconds(began))
    return 0


def _check(args: argparse.Namespace, term: Terminal) -> int:
    from generator.audit.check import check_data, format_report

    report = check_data(Path(args.data))
    print(format_report(report, Path(args.data), term.lang, term.quiet), end="")
    if not report.valid:
        return 1
    if args.strict and report.findings:
        term.line("check.strict", file=sys.stderr, n=report.findings)
        return 2
    return 0


def _summary(args: argparse.Namespace, term: Terminal) -> int:
    import json

    from generator.audit.check import check_data, format_report
    from generator.audit.summary import format_summary, summarise

    report = check_data(Path(args.data))
    if not report.valid:
        print(format_report(report, Path(args.data), term.lang), end="", file=sys.stderr)
        return 1
    entries = summarise(report, Path(args.data))
    if args.json:
        print(json.dumps(entries, ensure_ascii=False, indent=1))
    else:
        print(format_summary(entries, term.lang), end="")
    return 0


def _build(args: argparse.Namespace, term: Terminal) -> int:
    from generator.site.build.run import build as build_site

    began = time.perf_counter()
    with term.progress() as progress:
        result = build_site(Path(args.site), Path(args.data), Path(args.out), args.base_url, args.jobs,
                            Path(args.cache) if args.cache else None, not args.no_cache, progress)
    if args.timings or term.verbose:
        for stage, seconds in result.timings.items():
            print(f"  {seconds:7.2f} s  {stage}")
    if not result.disclosures:
        term.line("build.empty")
    term.line("build.done", pages=result.pages, rendered=result.rendered, reused=result.reused, files=result.files,
              mb=f"{result.bytes / 1e6:.1f}", out=result.out, seconds=_seconds(began))
    if not term.quiet:
        term.line("build.open", index=result.out / "index.html")
    return 0


def _serve(args: argparse.Namespace, term: Terminal) -> int:
    from generator.site.build.serve import serve

    return serve(Path(args.site), Path(args.data), Path(args.out), args.port, args.bind, lang=term.lang,
                 verbose=term.verbose)


def _init(args: argparse.Namespace, term: Terminal) -> int:
    from generator.site.starter import ABOUT, SETTINGS, WORKFLOW, init_site

    folder = Path(args.folder)
    written = init_site(folder)
    term.line("init.wrote", folder=folder)
    for name in written:
        print(f"  {folder / name}")
    if not term.quiet:
        term.line("init.next")
        term.line("init.step.settings", path=folder / SETTINGS)
        term.line("init.step.about", path=folder / ABOUT)
        term.line("init.step.import", folder=folder)
        term.line("init.step.build", workflow=folder / WORKFLOW)
    return 0


def _seconds(began: float) -> str:
    return f"{time.perf_counter() - began:.1f}"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("budgetsite")
    except PackageNotFoundError:
        return "unknown (not installed)"


def _options(parser: argparse.ArgumentParser, defaults: bool) -> None:
    """The options every command takes, before the command or after it (``budgetsite -q build``, ``budgetsite
    build -q``): on a command they are given no default, so that they do not undo the same option given before."""
    def default(value):
        return value if defaults else argparse.SUPPRESS

    parser.add_argument("-q", "--quiet", action="store_true", default=default(False),
                        help="say only what needs attention and a one-line summary; no progress bar")
    parser.add_argument("-v", "--verbose", action="count", default=default(0),
                        help="say more: how long each stage of a build took, each request of the preview")
    parser.add_argument("--lang", choices=LANGUAGES, default=default(None),
                        help="the language of the reports: en or zh (default: from the locale, LANG=zh_CN… gives "
                             "zh; else en)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="budgetsite", description="部门预算公开 data importer and site generator",
                                     epilog="exit codes: 0 done; 1 an error, or invalid data; 2 check --strict "
                                            "found audit findings")
    parser.add_argument("--version", action="version", version=f"budgetsite {_version()}")
    _options(parser, defaults=True)
    common = argparse.ArgumentParser(add_help=False)
    _options(common, defaults=False)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("init", parents=[common],
                       help="start a new site in DIR (new or empty): site.yaml, content/, data/, a CI workflow")
    p.add_argument("folder", metavar="DIR")
    p.set_defaults(func=_init)
    p = sub.add_parser("import", parents=[common],
                       help="import published disclosures (PDF or text) into the data directory "
                            "(with no FILE: re-import everything in DIR/sources)")
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--data", default="data", help="data directory (default: data)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                   help="parse documents in this many processes (default: one per core)")
    p.add_argument("--cache", default=None, help="where parsed documents are kept, so that a document whose "
                                                 "bytes did not change is not parsed again (default: "
                                                 "~/.cache/budgetsite)")
    p.add_argument("--no-cache", action="store_true", help="parse every document again")
    p.add_argument("--strict", action="store_true", help="refuse a document with a table that is not of a known "
                                                         "kind (by default it is kept as printed, as a generic "
                                                         "table, and listed as an import note)")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="parse on a Dask cluster's workers instead of --jobs processes (tcp://HOST:8786; "
                        "needs budgetsite[cluster] here and on the workers)")
    p.set_defaults(func=_import)
    p = sub.add_parser("check", parents=[common],
                       help="validate the data directory and print the audit (exit 0: valid; 1: invalid; "
                            "2: valid, with findings, under --strict)")
    p.add_argument("--data", default="data", help="data directory (default: data)")
    p.add_argument("--strict", action="store_true", help="exit 2 when the audit raises any finding (for CI)")
    p.set_defaults(func=_check)
    p = sub.add_parser("summary", parents=[common],
                       help="one line per disclosure: identity, headline figures, coverage, findings "
                            "(--json: exact figures in 元 for scripts)")
    p.add_argument("--data", default="data", help="data directory (default: data)")
    p.add_argument("--json", action="store_true", help="print a JSON list, one object per disclosure")
    p.set_defaults(func=_summary)
    for name, func, text in (("build", _build, "render the website from the data directory"),
                             ("serve", _serve, "build, then preview with live reload (on 127.0.0.1:8000)")):
        p = sub.add_parser(name, parents=[common], help=text)
        p.add_argument("--data", default="data", help="data directory (default: data)")
        p.add_argument("--out", default="output", help="output directory (default: output)")
        p.add_argument("--site", default=".", help="site folder with site.yaml, content/, templates/ (default: .)")
        if name == "build":
            p.add_argument("--base-url", default=None, help="public URL of the site, e.g. https://example.org/budget/")
            p.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                           help="build in this many processes (default: every core)")
            p.add_argument("--cache", default=None, help="where the build keeps what each disclosure gave, so that "
                           "an unchanged one is not built again (default: ~/.cache/budgetsite/build)")
            p.add_argument("--no-cache", action="store_true", help="build every disclosure again")
            p.add_argument("--timings", action="store_true", help="print how long each stage of the build took")
        else:
            p.add_argument("--port", type=int, default=8000, help="the port to serve on (default: 8000)")
            p.add_argument("--bind", default="127.0.0.1", metavar="ADDRESS",
                           help="the address to serve on (default: 127.0.0.1, this machine only; 0.0.0.0 shows "
                                "the preview to the network)")
        p.set_defaults(func=func)
    args = parser.parse_args(argv)
    term = Terminal(language(args.lang), -1 if args.quiet else args.verbose)
    try:
        return args.func(args, term)
    except BudgetsiteError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # the reader of our output went away (``budgetsite build | head``): the work is done, say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
