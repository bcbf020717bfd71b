"""What every CLI command shares: options built from the settings list, opening the store, output.

Output is JSON by default (machines and ``jq``), ``--nl`` for one JSON object per line and
``--table`` for people::

    @main.command()
    @setting_option("db")
    @output_options
    def things(db: str, table: bool, nl: bool) -> None:
        with open_store(db) as store:
            emit(store.documents(), table=table, nl=nl, columns=("doc_id", "title"))
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import click

from .errors import StoreError
from .settings import setting
from .store import Store

F = TypeVar("F", bound=Callable[..., Any])
SHORT_COLUMN = 12  # columns no wider than this (dates, counts) are never wrapped in tables


def setting_option(name: str, *flags: str) -> Callable[[F], F]:
    """A click option for the setting ``name`` (``--db``), defaulting to its value, settable by env var.

    ``flags`` replace the setting's own flag (``setting_option("search_limit", "--limit", "-n")``).
    """
    item = setting(name)
    return click.option(*(flags or (item.flag,)), name, default=item.default, show_default=True, envvar=item.envvar,
                        type=type(item.default), help=f"{item.help} [env: {item.envvar}]")


def output_options(function: F) -> F:
    """``--table`` and ``--nl`` for commands that print rows."""
    function = click.option("--nl", is_flag=True, help="One JSON object per line instead of a JSON array.")(function)
    return click.option("--table", "-t", is_flag=True, help="A table for people instead of JSON.")(function)


def open_store(db: str) -> Store:
    """The store at ``db``, or a clean CLI error."""
    try:
        return Store.open(db)
    except StoreError as error:
        raise click.ClickException(str(error)) from error


def emit(rows: Sequence[Mapping[str, Any]] | Mapping[str, Any], *, table: bool = False, nl: bool = False,
         columns: Sequence[str] | None = None, title: str | None = None) -> None:
    """Print rows (or one mapping) as JSON, JSON Lines or a rich table."""
    if table:
        _print_table(rows, columns, title)
    elif nl:
        for row in rows if not isinstance(rows, Mapping) else [rows]:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
    else:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))


def emit_sections(data: Any, sections: Sequence[tuple[str, Sequence[Mapping[str, Any]] | Mapping[str, Any],
                                                     Sequence[str] | None]], *, table: bool = False,
                  nl: bool = False) -> None:
    """``data`` as JSON (or one JSON line), or, for people, one titled table per section.

    A section is ``(title, rows or one mapping, columns)``; an empty section prints its title
    with ``none``.
    """
    if not table:
        emit(data, nl=nl)
        return
    console = _console()
    for title, rows, columns in sections:
        if rows:
            _print_table(rows, columns, title, console)
        else:
            console.print(f"{title}: none", markup=False, highlight=False)


def _console() -> Any:
    from rich.console import Console
    return Console(file=sys.stdout, soft_wrap=False)


def _print_table(rows: Sequence[Mapping[str, Any]] | Mapping[str, Any], columns: Sequence[str] | None,
                 title: str | None, console: Any = None) -> None:
    from rich.table import Table
    from rich.text import Text

    console = console or _console()
    if isinstance(rows, Mapping):
        grid = Table(title=title, title_justify="left", show_header=False)
        grid.add_column(style="bold")
        grid.add_column()
        for key, cell in rows.items():
            grid.add_row(Text(str(key)), Text(_cell(cell)))
        console.print(grid)
        return
    names = list(columns) if columns else list(dict.fromkeys(key for row in rows for key in row))
    names = [name for name in names if any(_cell(row.get(name)) for row in rows)]  # no all-empty columns
    grid = Table(title=title, title_justify="left")
    cells = [[_cell(row.get(name)) for name in names] for row in rows]
    for index, name in enumerate(names):
        short = max([len(name)] + [len(row[index]) for row in cells]) <= SHORT_COLUMN
        longest_word = max(len(word) for word in name.split()) if name.strip() else 1
        grid.add_column(name, overflow="fold", no_wrap=short, min_width=longest_word)  # headers break between words
    for row in cells:
        grid.add_row(*(Text(cell) for cell in row))
    console.print(grid)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {_cell(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    return str(value)
