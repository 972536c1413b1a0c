"""Command line: python -m generator {validate,generate,build,serve,paragraphs,reanchor,schema}.

Data errors are printed as a list of file:line:column messages and the command
exits with status 1; an editor never sees a traceback for a data mistake.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.errors import DataErrors
from generator.pipeline import ROOT, ProjectPaths, build_dataset
from generator.source_text import normalise_whitespace


def _validate(paths: ProjectPaths, _: argparse.Namespace) -> int:
    dataset = build_dataset(paths)
    print(f"ok: {len(dataset.plans)} plan(s), {len(dataset.sources)} source document(s), "
          f"{sum(len(dataset.registry(name)) for name in ('indicators', 'sectors', 'places', 'organisations'))} registry entries")
    return 0


def _generate(paths: ProjectPaths, _: argparse.Namespace) -> int:
    from generator.render import generate_site_content

    report = generate_site_content(paths)
    print(report.summary())
    return 0


def _build(paths: ProjectPaths, args: argparse.Namespace) -> int:
    from generator.build import build_site

    return build_site(paths, strict=not args.no_strict)


def _paragraphs(paths: ProjectPaths, args: argparse.Namespace) -> int:
    from generator.link import load_sources
    from generator.models import SourceRegistry
    from generator.validate import validate_file

    registry, errors = validate_file(paths.data / "sources.yaml", SourceRegistry, "data/sources.yaml")
    if registry is None:
        raise DataErrors(errors)
    sources, errors = load_sources(registry.model, paths.data, registry.loaded)
    if args.source not in sources and errors:  # a broken entry may be the one asked for
        raise DataErrors(errors)
    if args.source not in sources:
        print(f"no source {args.source!r}; sources: {', '.join(sorted(sources))}", file=sys.stderr)
        return 2
    needle = normalise_whitespace(args.text or "")
    for block in sources[args.source].text.blocks:
        if needle in normalise_whitespace(block.text):
            print(f"{block.anchor}\t{block.kind}\tline {block.line}\t{block.text}")
    return 0


def _coverage(paths: ProjectPaths, args: argparse.Namespace) -> int:
    """List the number-bearing sentences of a source that no captured item quotes."""
    from generator.coverage import source_coverage

    coverage = source_coverage(build_dataset(paths))
    if args.source not in coverage:
        print(f"no source with id {args.source!r}; sources: {', '.join(sorted(coverage))}", file=sys.stderr)
        return 1
    report = coverage[args.source]
    missing = report.uncaptured_number_sentences()
    print(f"{args.source}: {len(report.captured_paragraphs)}/{report.paragraphs} paragraphs quoted, "
          f"{len(report.number_sentences) - len(missing)}/{len(report.number_sentences)} number-bearing sentences captured")
    for anchor, sentence in missing:
        print(f"  {anchor}\t{sentence}")
    return 0


def _reanchor(paths: ProjectPaths, _: argparse.Namespace) -> int:
    from generator.reanchor import reanchor

    for line in reanchor(paths):
        print(line)
    return 0


def _serve(paths: ProjectPaths, args: argparse.Namespace) -> int:
    from generator.preview import serve

    return serve(paths, host=args.host, port=args.port)


def _schema(paths: ProjectPaths, args: argparse.Namespace) -> int:
    from generator.schema import write_schemas

    for path in write_schemas(Path(args.out)):
        print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="规划对照 site generator")
    parser.add_argument("--root", default=str(ROOT), help="project root (default: this checkout)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check data/ without writing anything").set_defaults(run=_validate)
    commands.add_parser("generate", help="validate and write the Markdown pages into content/").set_defaults(run=_generate)
    build = commands.add_parser("build", help="validate, generate and build the site into site/")
    build.add_argument("--no-strict", action="store_true", help="do not pass --strict to MkDocs")
    build.set_defaults(run=_build)
    paragraphs = commands.add_parser("paragraphs", help="list a source's paragraphs with their anchors")
    paragraphs.add_argument("source", help="source document id, e.g. haizhu-sti-13")
    paragraphs.add_argument("text", nargs="?", help="only paragraphs containing this text (whitespace ignored)")
    paragraphs.set_defaults(run=_paragraphs)
    coverage = commands.add_parser("coverage", help="list a source's number-bearing sentences that no item captures")
    coverage.add_argument("source", help="a source id from data/sources.yaml, e.g. haizhu-sti-14")
    coverage.set_defaults(run=_coverage)
    commands.add_parser("reanchor", help="rewrite anchors whose quote moved to another paragraph "
                        "(after a change to the cleaning rules)").set_defaults(run=_reanchor)
    serve = commands.add_parser("serve", help="preview: serve the pages from memory, regenerate on every change "
                                "of data/ or site_templates/, show data errors in the browser")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000, help="0 picks a free port (printed)")
    serve.set_defaults(run=_serve)
    schema = commands.add_parser("schema", help="write JSON Schemas of the data files for editors' tooling")
    schema.add_argument("--out", default=str(ROOT / "schemas"))
    schema.set_defaults(run=_schema)
    args = parser.parse_args(argv)
    paths = ProjectPaths(Path(args.root).resolve())
    try:
        return args.run(paths, args)
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error of ours.
        sys.stderr.close()
        return 0
