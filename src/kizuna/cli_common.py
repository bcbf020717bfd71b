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
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))


def _print_table(rows: Sequence[Mapping[str, Any]] | Mapping[str, Any], columns: Sequence[str] | None,
                 title: str | None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=sys.stdout, soft_wrap=False)
    if isinstance(rows, Mapping):
        grid = Table(title=title, show_header=False)
        grid.add_column(style="bold")
        grid.add_column()
        for key, cell in rows.items():
            grid.add_row(Text(str(key)), Text(_cell(cell)))
        console.print(grid)
        return
    names = list(columns) if columns else list(dict.fromkeys(key for row in rows for key in row))
    grid = Table(title=title)
    for name in names:
        grid.add_column(name, overflow="fold")
    for row in rows:
        grid.add_row(*(Text(_cell(row.get(name))) for name in names))
    console.print(grid)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {_cell(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    return str(value)
