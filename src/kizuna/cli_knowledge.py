"""CLI commands over the reconciled knowledge base (entity, series, latest, conflicts, timeline, entities).

Each command opens the database, reconciles if facts or decisions changed since the last
run, asks ``kizuna.reconcile.views`` and prints through ``cli_common``: JSON by default,
``--nl`` for one JSON object per line, ``--table`` for people (rich tables, built by
``kizuna.reconcile.tables``).
"""
from __future__ import annotations

import sys
from typing import Any, Callable

import click

from .cli_common import emit, emit_sections, open_store, output_options, setting_option
from .errors import KizunaError


def _with_reader(db: str, action: Callable[[Any], Any]) -> Any:
    """``action(reader)`` on an up-to-date knowledge base; a clean error and exit status 1 if it fails."""
    from .reconcile import persist
    from .reconcile.readers import DatabaseReader
    try:
        with open_store(db) as store:
            if persist.is_stale(store.connection):
                persist.run(store)
            return action(DatabaseReader(store.connection))
    except KizunaError as error:
        click.echo(f"kizuna: {error}", err=True)
        sys.exit(1)


@click.command("reconcile")
@setting_option("db")
@output_options
def reconcile_command(db: str, table: bool, nl: bool) -> None:
    """Reconcile stored facts into entities, facts with sources, series and conflicts.

    Incremental: only facts stored since the last run are read, and only the blocks they
    touch are recomputed. `kizuna ingest` already does this after each batch.

    \b
    Example:
      kizuna reconcile --db kizuna.db
    """
    from .reconcile import persist
    try:
        with open_store(db) as store:
            emit(persist.run(store), table=table, nl=nl, title="reconciled")
    except KizunaError as error:
        click.echo(f"kizuna: {error}", err=True)
        sys.exit(1)


@click.command("entity")
@click.argument("name")
@setting_option("db")
@output_options
def entity_command(name: str, db: str, table: bool, nl: bool) -> None:
    """Profile of an entity: aliases, lineage, roles, meetings, agreements, investments, statistics, sectors.

    Facts of predecessors (a province merged into this one) appear with ``inherited_from``
    and the date of the merger; every fact lists its sources.

    \b
    Example:
      kizuna entity "Kanagawa" --table
      kizuna entity "HCMC"
    """
    from .reconcile import tables, views
    data = _with_reader(db, lambda reader: views.profile(reader, name))
    emit_sections(data, tables.profile_sections(data), table=table, nl=nl)


def _series_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed((click.argument("metric"),
                            click.option("--subject", help="Who invests/exports (e.g. Japan)."),
                            click.option("--target", help="Where (e.g. Vietnam)."),
                            click.option("--domain", help="For partner_rank: oda, labour, investment, trade, tourism."),
                            setting_option("db"), output_options)):
        command = option(command)
    return command


@click.command("series")
@_series_options
def series_command(metric: str, subject: str | None, target: str | None, domain: str | None, db: str,
                   table: bool, nl: bool) -> None:
    """Time series of METRIC for (subject, target), one point per as-of date, with sources.

    \b
    Example:
      kizuna series active_projects --subject Japan --target Vietnam --table
    """
    from .reconcile import tables, views
    data = _with_reader(db, lambda reader: views.series(reader, metric, subject, target, domain))
    title = f"{metric}: {subject or 'any'} → {target or 'any'}"
    rows = tables.series_rows(data)
    emit_sections(data, [(title, rows, tables.series_columns(rows))], table=table, nl=nl)


@click.command("latest")
@_series_options
def latest_command(metric: str, subject: str | None, target: str | None, domain: str | None, db: str,
                   table: bool, nl: bool) -> None:
    """Latest value of METRIC for (subject, target) with its source sentence.

    \b
    Example:
      kizuna latest registered_capital --subject Japan --target Vietnam
    """
    from .reconcile import tables, views
    data = _with_reader(db, lambda reader: views.latest(reader, metric, subject, target, domain))
    if data is None:
        click.echo("kizuna: no dated value found", err=True)
        sys.exit(1)
    emit_sections(data, [(f"latest {metric}", tables.latest_row(data), ())], table=table, nl=nl)


@click.command("conflicts")
@click.option("--all", "show_all", is_flag=True, help="Also show suspect figures and differences within rounding.")
@setting_option("db")
@output_options
def conflicts_command(show_all: bool, db: str, table: bool, nl: bool) -> None:
    """Figures that cannot all be true, each with both sources and the reason.

    \b
    Example:
      kizuna conflicts --all --table
    """
    from .reconcile import tables, views
    include = ("conflict", "suspect", "note") if show_all else ("conflict",)
    data = _with_reader(db, lambda reader: views.conflicts(reader, include))
    emit_sections(data, [(f"Conflicts ({len(data)})", tables.conflict_rows(data), tables.CONFLICT_COLUMNS)],
                  table=table, nl=nl)


@click.command("timeline")
@click.option("--entity", "name", help="Only facts about this entity (and its predecessors).")
@setting_option("db")
@output_options
def timeline_command(name: str | None, db: str, table: bool, nl: bool) -> None:
    """Dated facts, oldest first.

    \b
    Example:
      kizuna timeline --entity "Bac Ninh" --table
    """
    from .reconcile import tables, views
    data = _with_reader(db, lambda reader: views.timeline(reader, name))
    title = f"Timeline of {name}" if name else "Timeline"
    emit_sections(data, [(f"{title} ({len(data)})", tables.timeline_rows(data), tables.TIMELINE_COLUMNS)],
                  table=table, nl=nl)


@click.group("entities")
def entities_group() -> None:
    """Correct entity resolution: merge two names into one entity, or split a name off.

    Decisions are stored by name, so they survive re-ingesting articles.

    \b
    Example:
      kizuna entities merge "Kuroiwa Yuji" "Yuji Kuroiwa"
      kizuna entities split "Pham"
    """


def _decide(db: str, action: str, name: str, other: str | None, table: bool, nl: bool) -> None:
    from .reconcile import persist
    from .reconcile.entities import UserDecision
    try:
        with open_store(db) as store:
            persist.add_user_decision(store.connection, UserDecision(action, name, other))
            result = {"decision": action, "name": name, "other": other, **persist.run(store)}
    except KizunaError as error:
        click.echo(f"kizuna: {error}", err=True)
        sys.exit(1)
    emit(result, table=table, nl=nl, title=f"entities {action}")


@entities_group.command("merge")
@click.argument("name")
@click.argument("other")
@setting_option("db")
@output_options
def merge_command(name: str, other: str, db: str, table: bool, nl: bool) -> None:
    """Declare that NAME and OTHER are one entity.

    \b
    Example:
      kizuna entities merge "Meitoku Engineering" "Meitoku Vietnam"
    """
    _decide(db, "merge", name, other, table, nl)


@entities_group.command("split")
@click.argument("name")
@setting_option("db")
@output_options
def split_command(name: str, db: str, table: bool, nl: bool) -> None:
    """Declare that NAME is an entity of its own (undo an automatic or user merge).

    \b
    Example:
      kizuna entities split "Pham"
    """
    _decide(db, "split", name, None, table, nl)


COMMANDS: list[click.Command] = [reconcile_command, entity_command, series_command, latest_command,
                                 conflicts_command, timeline_command, entities_group]
