"""The ``kizuna`` command line: a thin shell over the library."""
from __future__ import annotations

import csv
import json
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any, TextIO

import click

from . import gazetteer
from .cli_common import emit, open_store, output_options, setting_option
from .errors import DataFileError, InputError
from .reading import list_sources, read_paths

if TYPE_CHECKING:
    from .ingest import Failure, IngestReport

# Extraction (and ingest, which uses it) is imported inside the commands that need it: the
# commands that only read the database start fast and keep working whatever the extractors do.


def _report(error: InputError | Failure) -> None:
    click.echo(f"kizuna: {error.source}: {error.reason}", err=True)


@contextmanager
def _data_files_checked() -> Iterator[None]:
    """A bad bundled data file (a vocabulary the extractors load when first needed) is a clean CLI
    error naming its bad rows, not a traceback; documents stored before it was met stay stored."""
    try:
        yield
    except DataFileError as error:
        raise click.ClickException(str(error)) from error


def _gazetteer() -> gazetteer.Gazetteer:
    """The bundled gazetteer, or a clean CLI error listing its bad rows."""
    try:
        return gazetteer.default()
    except DataFileError as error:
        raise click.ClickException(str(error)) from error


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="kizuna")
def main() -> None:
    """Kizuna: a source-cited knowledge base of Japan–Vietnam investment and cooperation news.

    \b
    Example:
      kizuna ingest examples/articles && kizuna search "Bac Ninh" --table
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@setting_option("max_bytes")
@setting_option("jobs", "--jobs", "-j")
def extract(paths: tuple[str, ...], max_bytes: int, jobs: int) -> None:
    """Print the fact records found in articles as JSON Lines (no database touched).

    PATHS are .txt, .html or .jsonl files, directories (read recursively) or - for stdin.

    \b
    Example:
      kizuna extract examples/articles/*.txt > facts.jsonl
    """
    gaz = _gazetteer()
    failed = False
    out = sys.stdout
    with _data_files_checked():
        from .batch import extract_stream

        for item in extract_stream(read_paths(paths, max_bytes=max_bytes), gaz, jobs):
            if isinstance(item, InputError):
                _report(item)
                failed = True
            elif item.error is not None:
                _report(InputError(item.document.origin, item.error))
                failed = True
            else:
                for record in item.records:
                    out.write(json.dumps(record.to_contract(), ensure_ascii=False) + "\n")
    out.flush()
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@setting_option("db")
@setting_option("max_bytes")
@setting_option("jobs", "--jobs", "-j")
@click.option("--json", "as_json", is_flag=True, help="Print the closing summary as JSON.")
def ingest(paths: tuple[str, ...], db: str, max_bytes: int, jobs: int, as_json: bool) -> None:
    """Read articles, extract their facts and store both; print a summary.

    A document already stored (same text) is not stored again. Each bad file or line is
    named on stderr with the reason; the rest of the batch goes on; exit status 1 if any failed.

    \b
    Example:
      kizuna ingest examples/articles --db kizuna.db
    """
    started = time.monotonic()
    sources = list_sources(paths)
    gaz = _gazetteer()
    with _data_files_checked(), open_store(db) as store:
        from .ingest import ingest as ingest_sources
        from .ingest import reconcile_stored

        with ExitStack() as stack:
            advance, report_failure = _progress(stack, len(sources))
            report = ingest_sources(sources, store, gaz, max_bytes=max_bytes, now=datetime.now(),
                                    on_failure=report_failure, on_source_done=lambda source: advance(), jobs=jobs)
        reconcile_stored(store, gaz, report)
    if report.reconcile_error:
        click.echo(f"kizuna: {report.reconcile_error}", err=True)
    seconds = round(time.monotonic() - started, 2)
    if as_json:
        click.echo(json.dumps({"database": db, **report.as_dict(), "seconds": seconds}, ensure_ascii=False, indent=2))
    else:
        click.echo(_summary_text(report, db, seconds))
    sys.exit(1 if report.failures or report.reconcile_error else 0)


def _progress(stack: ExitStack, total: int) -> tuple[Any, Any]:
    """A progress bar on a terminal (stderr), nothing when piped: an ``advance`` and a failure reporter."""
    if not sys.stderr.isatty():
        return (lambda: None), _report
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    progress = stack.enter_context(Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                                            TimeElapsedColumn(), console=console, transient=True))
    task = progress.add_task("ingest", total=total)

    def report_failure(failure: Failure) -> None:
        console.print(f"kizuna: {failure.source}: {failure.reason}", markup=False, highlight=False, soft_wrap=True)

    return (lambda: progress.advance(task)), report_failure


def _summary_text(report: IngestReport, db: str, seconds: float) -> str:
    by_type = ", ".join(f"{kind} {count}" for kind, count in sorted(report.facts.items()))
    lines = [
        f"ingested into {db} in {seconds:.1f} s",
        f"  files read     {report.files}",
        f"  articles read  {report.read}",
        f"  new            {report.new}",
        f"  already known  {report.known}",
        f"  failed         {len(report.failures)}",
        f"  facts stored   {report.facts_stored}" + (f" ({by_type})" if by_type else ""),
    ]
    lines += [f"    failed: {failure.source}: {failure.reason}" for failure in report.failures]
    if report.reconciled is not None:
        r = report.reconciled
        lines.append(f"  reconciled     {r['entities']} entities, {r['facts']} facts "
                     f"({r['multi_source_facts']} from several sources), {r['conflicts']} conflicts")
    else:
        lines.append("  reconciled     no (see the error above)")
    return "\n".join(lines)


@main.command()
@setting_option("db")
@output_options
def summary(db: str, table: bool, nl: bool) -> None:
    """What the database holds: documents, facts by type, dates and sources.

    \b
    Example:
      kizuna summary --table
    """
    with open_store(db) as store:
        emit(store.summary(), table=table, nl=nl, title=f"kizuna: {db}")


@main.command()
@setting_option("db")
@output_options
def documents(db: str, table: bool, nl: bool) -> None:
    """List the stored documents (no text), in the order they were stored.

    \b
    Example:
      kizuna documents --table
    """
    with open_store(db) as store:
        rows = store.documents()
    emit(rows, table=table, nl=nl, columns=("doc_id", "title", "published", "date_source", "facts") if table else None)


@main.command()
@click.argument("query", nargs=-1, required=True)
@setting_option("db")
@setting_option("search_limit", "--limit", "-n")
@output_options
def search(query: tuple[str, ...], db: str, search_limit: int, table: bool, nl: bool) -> None:
    """Full-text search over titles and texts (every word must match; accents optional).

    \b
    Example:
      kizuna search Bắc Ninh semiconductor --table
    """
    with open_store(db) as store:
        rows = store.search(" ".join(query), limit=search_limit)
    emit(rows, table=table, nl=nl, columns=("doc_id", "published", "title", "snippet") if table else None)


@main.command()
@setting_option("db")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True,
              help="jsonl: the contract records exactly; csv: one row per fact, nested fields flattened.")
@click.option("--type", "types", multiple=True, help="Only facts of this type (repeatable).")
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-", help="File to write (default stdout).")
def export(db: str, fmt: str, types: tuple[str, ...], output: TextIO) -> None:
    """Export the stored facts.

    \b
    Examples:
      kizuna export > facts.jsonl
      kizuna export --format csv --type statistic -o statistics.csv
    """
    with open_store(db) as store:
        if fmt == "jsonl":
            for record in store.records(types or None):
                output.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            _write_csv(output, store.fact_rows(types or None))


def _write_csv(output: TextIO, facts: Iterator[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    """Facts as CSV: document columns, then the record with nested objects as dotted columns
    (``subject.name``) and lists as JSON."""
    rows = [{**{f"document.{k.removeprefix('document_')}": v for k, v in metadata.items() if k != "fact_id"}, "fact_id": metadata["fact_id"],
             **_flatten(contract)} for contract, metadata in facts]
    lead = ["fact_id", "type", "doc", "document.published", "evidence.start", "evidence.end", "evidence.text",
            "confidence"]
    rest = sorted({key for row in rows for key in row} - set(lead), key=lambda k: (k.startswith("document."), k))
    writer = csv.DictWriter(output, fieldnames=lead + rest, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)


def _flatten(value: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, item in value.items():
        name = f"{prefix}{key}"
        if isinstance(item, Mapping):
            flat.update(_flatten(item, name + "."))
        elif isinstance(item, (list, tuple)):
            flat[name] = json.dumps(item, ensure_ascii=False)
        else:
            flat[name] = item
    return flat


def _register_knowledge_commands() -> None:
    from .cli_knowledge import COMMANDS
    for command in COMMANDS:
        main.add_command(command)


_register_knowledge_commands()
