"""CLI commands over the reconciled knowledge base (entity, series, latest, conflicts, timeline, entities).

Each command opens the database, reconciles if facts or decisions changed since the last
run, asks ``kizuna.reconcile.views`` and prints JSON (``--table`` for people).
"""
from __future__ import annotations

import json
import sys
from typing import Any, Callable

import click

from .errors import KizunaError

DB_OPTION = click.option("--db", "db", default="kizuna.db", show_default=True, help="Database file.")
TABLE_OPTION = click.option("--table", "as_table", is_flag=True, help="Print a table for people instead of JSON.")


def _with_reader(db: str, action: Callable[[Any], Any]) -> Any:
    from .reconcile import persist
    from .reconcile.readers import DatabaseReader
    from .store import Store
    try:
        with Store.open(db) as store:
            if persist.is_stale(store.connection):
                persist.run(store)
            return action(DatabaseReader(store.connection))
    except KizunaError as error:
        click.echo(f"kizuna: {error}", err=True)
        sys.exit(1)


def _emit(data: Any, as_table: bool, rows: list[dict[str, Any]] | None = None, columns: tuple[str, ...] = ()) -> None:
    if not as_table:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return
    rows = rows or []
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths)))
    click.echo("  ".join("-" * w for w in widths))
    for row in cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths)))


def _cell(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("name") or value.get("text") or json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        value = "; ".join(_cell(v) for v in value)
    text = "" if value is None else str(value)
    return text if len(text) <= 70 else text[:67] + "..."


@click.command("reconcile")
@DB_OPTION
def reconcile_command(db: str) -> None:
    """Reconcile stored facts into entities, facts with sources, series and conflicts.

    Incremental: only the blocks touched by new facts are recomputed.

    \b
    Example:
      kizuna reconcile --db kizuna.db
    """
    from .reconcile import persist
    from .store import Store
    try:
        with Store.open(db) as store:
            click.echo(json.dumps(persist.run(store), indent=2))
    except KizunaError as error:
        click.echo(f"kizuna: {error}", err=True)
        sys.exit(1)


@click.command("entity")
@click.argument("name")
@DB_OPTION
@TABLE_OPTION
def entity_command(name: str, db: str, as_table: bool) -> None:
    """Profile of an entity: aliases, lineage, roles, meetings, agreements, investments, statistics, sectors.

    Facts of predecessors (a province merged into this one) appear with ``inherited_from``.

    \b
    Example:
      kizuna entity "Kanagawa" --table
      kizuna entity "HCMC"
    """
    from .reconcile import views
    data = _with_reader(db, lambda reader: views.profile(reader, name))
    rows = [{"section": section, "when": views._when(fact), "what": views.headline(fact),
             "inherited": (fact.get("inherited_from") or {}).get("name"), "sources": fact.get("independent_sources")}
            for section in views.PROFILE_SECTIONS for fact in data[section]]
    if as_table:
        entity = data["entity"]
        click.echo(f"{entity['name']} ({entity['kind']}, {entity['country']}) aliases: {', '.join(entity['aliases'])}")
        for link in data["lineage"]["predecessors"]:
            click.echo(f"  predecessor: {link['predecessor_name']} ({link['kind']} {link['since']})")
        for link in data["lineage"]["successors"]:
            click.echo(f"  successor: {link['successor_name']} ({link['kind']} {link['since']})")
    _emit(data, as_table, rows, ("section", "when", "what", "inherited", "sources"))


def _series_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed((click.argument("metric"),
                            click.option("--subject", help="Who invests/exports (e.g. Japan)."),
                            click.option("--target", help="Where (e.g. Vietnam)."),
                            click.option("--domain", help="For partner_rank: oda, labour, investment, trade, tourism."),
                            DB_OPTION, TABLE_OPTION)):
        command = option(command)
    return command


@click.command("series")
@_series_options
def series_command(metric: str, subject: str | None, target: str | None, domain: str | None, db: str,
                   as_table: bool) -> None:
    """Time series of METRIC for (subject, target), one point per as-of date, with sources.

    \b
    Example:
      kizuna series active_projects --subject Japan --target Vietnam --table
    """
    from .reconcile import views
    data = _with_reader(db, lambda reader: views.series(reader, metric, subject, target, domain))
    _emit(data, as_table, data["points"] + data["undated"],
          ("as_of", "value", "unit", "qualifier", "domain", "consistent", "independent_sources", "sources"))


@click.command("latest")
@_series_options
def latest_command(metric: str, subject: str | None, target: str | None, domain: str | None, db: str,
                   as_table: bool) -> None:
    """Latest value of METRIC for (subject, target) with its source sentence.

    \b
    Example:
      kizuna latest registered_capital --subject Japan --target Vietnam
    """
    from .reconcile import views
    data = _with_reader(db, lambda reader: views.latest(reader, metric, subject, target, domain))
    if data is None:
        click.echo("kizuna: no dated value found", err=True)
        sys.exit(1)
    _emit(data, as_table, [data], ("as_of", "value", "unit", "qualifier", "sources"))


@click.command("conflicts")
@click.option("--all", "show_all", is_flag=True, help="Also show suspect figures and differences within rounding.")
@DB_OPTION
@TABLE_OPTION
def conflicts_command(show_all: bool, db: str, as_table: bool) -> None:
    """Figures that cannot all be true, each with both sources and the reason.

    \b
    Example:
      kizuna conflicts --all --table
    """
    from .reconcile import views
    include = ("conflict", "suspect", "note") if show_all else ("conflict",)
    data = _with_reader(db, lambda reader: views.conflicts(reader, include))
    rows = [{"severity": c["severity"], "rule": c["rule"], "metric": c.get("metric"),
             "values": [s.get("value") for s in c["sources"]], "docs": [s.get("doc") for s in c["sources"]]}
            for c in data]
    _emit(data, as_table, rows, ("severity", "rule", "metric", "values", "docs"))


@click.command("timeline")
@click.option("--entity", "name", help="Only facts about this entity (and its predecessors).")
@DB_OPTION
@TABLE_OPTION
def timeline_command(name: str | None, db: str, as_table: bool) -> None:
    """Dated facts, oldest first.

    \b
    Example:
      kizuna timeline --entity "Bac Ninh" --table
    """
    from .reconcile import views
    data = _with_reader(db, lambda reader: views.timeline(reader, name))
    _emit(data, as_table, data, ("when", "type", "what", "independent_sources"))


@click.group("entities")
def entities_group() -> None:
    """Correct entity resolution: merge two names into one entity, or split a name off.

    Decisions are stored by name, so they survive re-ingesting articles.

    \b
    Example:
      kizuna entities merge "Kuroiwa Yuji" "Yuji Kuroiwa"
      kizuna entities split "Pham"
    """


def _decide(db: str, action: str, name: str, other: str | None) -> None:
    from .reconcile import persist
    from .reconcile.entities import UserDecision
    from .store import Store
    try:
        with Store.open(db) as store:
            persist.add_user_decision(store.connection, UserDecision(action, name, other))
            click.echo(json.dumps({"decision": action, "name": name, "other": other, **persist.run(store)}, indent=2))
    except KizunaError as error:
        click.echo(f"kizuna: {error}", err=True)
        sys.exit(1)


@entities_group.command("merge")
@click.argument("name")
@click.argument("other")
@DB_OPTION
def merge_command(name: str, other: str, db: str) -> None:
    """Declare that NAME and OTHER are one entity.

    \b
    Example:
      kizuna entities merge "Meitoku Engineering" "Meitoku Vietnam"
    """
    _decide(db, "merge", name, other)


@entities_group.command("split")
@click.argument("name")
@DB_OPTION
def split_command(name: str, db: str) -> None:
    """Declare that NAME is an entity of its own (undo an automatic or user merge).

    \b
    Example:
      kizuna entities split "Pham"
    """
    _decide(db, "split", name, None)


COMMANDS: list[click.Command] = [reconcile_command, entity_command, series_command, latest_command,
                                 conflicts_command, timeline_command, entities_group]
