"""The ``budgetsite`` command line: it parses arguments and calls the functions ``generator.api`` gathers
(imported from their own modules, so that ``import`` and ``check`` do not load the site's libraries)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator.core.errors import BudgetsiteError


def _import(args: argparse.Namespace) -> int:
    from generator.audit import import_notes
    from generator.normalise.coverage import report
    from generator.store.cache import default_dir
    from generator.store.importing import import_documents

    cache = None if args.no_cache else Path(args.cache) if args.cache else default_dir()
    result = import_documents(Path(args.data), [Path(f) for f in args.files], args.jobs, cache, args.scheduler,
                              args.strict)
    for given, name, why in result.stored:
        if why.startswith("the same document"):
            print(f"{given}: {why} as {args.data}/sources/{name}: imported once")
        else:
            print(f"{given}: stored as {args.data}/sources/{name} ({why})")
    for c in result.coverage:
        print("\n".join(report(c)))
    for d in result.disclosures:
        notes = import_notes(d)
        print(f"{d.region} {d.department} {d.name}: {len(d.tables)} tables, "
              f"{len(d.glossary)} terms, {len(d.sections)} sections from {', '.join(s.name for s in d.sources)}"
              + (f"; {len(notes)} import notes (budgetsite check lists them)" if notes else ""))
    cached = len(result.coverage) - result.parsed
    print(f"imported {len(result.disclosures)} disclosures from {len(result.coverage)} documents "
          f"({result.parsed} parsed, {cached} unchanged since the last import)")
    return 0


def _check(args: argparse.Namespace) -> int:
    from generator.audit.check import check_data, format_report

    report = check_data(Path(args.data))
    print(format_report(report, Path(args.data)), end="")
    if not report.valid:
        return 1
    if args.strict and report.findings:
        print(f"--strict: {report.findings} audit findings", file=sys.stderr)
        return 2
    return 0


def _summary(args: argparse.Namespace) -> int:
    import json

    from generator.audit.check import check_data, format_report
    from generator.audit.summary import format_summary, summarise

    report = check_data(Path(args.data))
    if not report.valid:
        print(format_report(report, Path(args.data)), end="", file=sys.stderr)
        return 1
    entries = summarise(report, Path(args.data))
    if args.json:
        print(json.dumps(entries, ensure_ascii=False, indent=1))
    else:
        print(format_summary(entries), end="")
    return 0


def _build(args: argparse.Namespace) -> int:
    from generator.site.build import build as build_site

    result = build_site(Path(args.site), Path(args.data), Path(args.out), args.base_url, args.jobs,
                        Path(args.cache) if args.cache else None, not args.no_cache)
    print(f"built {result.pages} pages ({result.rendered} rendered, {result.reused} unchanged) and "
          f"{result.files} files, {result.bytes / 1e6:.1f} MB, into {result.out}")
    if args.timings:
        for stage, seconds in result.timings.items():
            print(f"  {seconds:7.2f} s  {stage}")
    print(f"open {result.out / 'index.html'} in a browser, or run: budgetsite serve")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from generator.site.serve import serve

    return serve(Path(args.site), Path(args.data), Path(args.out), args.port)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("budgetsite")
    except PackageNotFoundError:
        return "unknown (not installed)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="budgetsite", description="部门预算公开 data importer and site generator")
    parser.add_argument("--version", action="version", version=f"budgetsite {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("import", help="import published disclosures (PDF or text) into the data directory "
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
    p = sub.add_parser("check", help="validate the data directory and print the audit (exit 0: valid; 1: invalid; "
                                     "2: valid, with findings, under --strict)")
    p.add_argument("--data", default="data", help="data directory (default: data)")
    p.add_argument("--strict", action="store_true", help="exit 2 when the audit raises any finding (for CI)")
    p.set_defaults(func=_check)
    p = sub.add_parser("summary", help="one line per disclosure: identity, headline figures, coverage, findings "
                                       "(--json: exact figures in 元 for scripts)")
    p.add_argument("--data", default="data", help="data directory (default: data)")
    p.add_argument("--json", action="store_true", help="print a JSON list, one object per disclosure")
    p.set_defaults(func=_summary)
    for name, func, text in (("build", _build, "render the website from the data directory"),
                             ("serve", _serve, "build, then preview on 127.0.0.1 with live reload")):
        p = sub.add_parser(name, help=text)
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
            p.add_argument("--port", type=int, default=8000)
        p.set_defaults(func=func)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BudgetsiteError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # the reader of our output went away (``budgetsite build | head``): the work is done, say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
