"""The ``budgetsite`` command line: import, check, build, serve."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.core.errors import BudgetsiteError


def _import(args: argparse.Namespace) -> int:
    from generator.store.write import write_data
    from generator.read.plaintext import decode
    from generator.normalise.disclosure import merge, parse_document
    from generator.store.registry import load as load_registry

    data_dir = Path(args.data)
    documents: dict[str, tuple[str, bytes]] = {}     # file name -> (path shown in errors, bytes)
    if (data_dir / "sources").is_dir():
        for path in sorted((data_dir / "sources").glob("*.txt")):
            documents[path.name] = (str(path), path.read_bytes())
    for name in args.files:
        path = Path(name)
        try:
            documents[path.name] = (str(path), path.read_bytes())
        except OSError as exc:
            raise BudgetsiteError(f"{path}: cannot read the file: {exc.strerror}") from None
    if not documents:
        raise BudgetsiteError(f"nothing to import: give the disclosure text files, or put them in {data_dir}/sources")
    extra = str(data_dir / "reference") if (data_dir / "reference").is_dir() else None
    registry = load_registry(data_dir)
    parts = []
    for name in sorted(documents):
        shown, raw = documents[name]
        part = parse_document(decode(shown, raw), extra)
        _rename_document(part, name)
        part.department = registry.canonical(part.department)
        parts.append(part)
    disclosures = merge(parts)
    for d in disclosures:
        registry.ensure(d.region, d.department)
    write_data(data_dir, {Path(f).name: documents[Path(f).name][1] for f in args.files}, disclosures, registry)
    for d in disclosures:
        print(f"{d.region} {d.department} {d.year}{d.phase}: {len(d.tables)} tables, "
              f"{len(d.glossary)} terms, {len(d.sections)} sections from {', '.join(s.name for s in d.sources)}")
    return 0


def _rename_document(part, name: str) -> None:
    """Provenance names the file as stored under DIR/sources, not the path given."""
    for s in part.sources:
        s.name = name
    for item in [*part.tables, *part.glossary, *part.sections, *part.indicators, *part.tasks, *part.targets,
                 *part.budget, *part.projects]:
        item.document = name
    for record in [*part.units, *part.statements]:
        record["document"] = name


def _check(args: argparse.Namespace) -> int:
    from generator.audit.check import check_data

    return check_data(Path(args.data))


def _build(args: argparse.Namespace) -> int:
    from generator.site.build import build

    result = build(Path(args.site), Path(args.data), Path(args.out), args.base_url, args.jobs)
    print(f"built {result.pages} pages ({result.rendered} rendered, {result.reused} unchanged) and "
          f"{result.files} files, {result.bytes / 1e6:.1f} MB, into {result.out}")
    print(f"open {result.out / 'index.html'} in a browser, or run: budgetsite serve")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from generator.site.serve import serve

    return serve(Path(args.site), Path(args.data), Path(args.out), args.port)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="budgetsite", description="部门预算公开 data importer and site generator")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("import", help="import raw disclosure text files into the data directory "
                                      "(with no FILE: re-import everything in DIR/sources)")
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--data", default="data", help="data directory (default: data)")
    p.set_defaults(func=_import)
    p = sub.add_parser("check", help="validate the data directory and print the audit")
    p.add_argument("--data", default="data", help="data directory (default: data)")
    p.set_defaults(func=_check)
    for name, func, text in (("build", _build, "render the website from the data directory"),
                             ("serve", _serve, "build, then preview on 127.0.0.1 with live reload")):
        p = sub.add_parser(name, help=text)
        p.add_argument("--data", default="data", help="data directory (default: data)")
        p.add_argument("--out", default="output", help="output directory (default: output)")
        p.add_argument("--site", default=".", help="site folder with site.yaml, content/, templates/ (default: .)")
        if name == "build":
            p.add_argument("--base-url", default=None, help="public URL of the site, e.g. https://example.org/budget/")
            p.add_argument("--jobs", type=int, default=1, help="render pages in this many processes")
        else:
            p.add_argument("--port", type=int, default=8000)
        p.set_defaults(func=func)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BudgetsiteError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
