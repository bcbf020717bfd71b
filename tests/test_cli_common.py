"""Shared CLI output: JSON, JSON Lines, tables that never interpret markup."""
from __future__ import annotations

import json

import click
from click.testing import CliRunner

from kizuna.cli_common import emit, output_options, setting_option

ROWS = [{"doc_id": "a.txt", "snippet": "[Bắc] [Ninh] and [bold]x[/bold]", "facts": 3, "tags": ["x", "y"]}]


@click.command()
@setting_option("db")
@output_options
def show(db: str, table: bool, nl: bool) -> None:
    emit(ROWS, table=table, nl=nl)
    click.echo(db)


def test_json_by_default_then_nl_and_table() -> None:
    runner = CliRunner()
    out = runner.invoke(show, []).stdout
    assert json.loads(out[:out.rindex("]") + 1]) == ROWS and out.strip().endswith("kizuna.db")
    assert json.loads(runner.invoke(show, ["--nl"]).stdout.splitlines()[0]) == ROWS[0]
    table = runner.invoke(show, ["--table"]).stdout
    assert "[Bắc]" in table and "[bold]x[/bold]" in table and "x, y" in table


def test_setting_option_reads_the_environment() -> None:
    result = CliRunner().invoke(show, ["--nl"], env={"KIZUNA_DB": "other.db"})
    assert result.stdout.strip().endswith("other.db")
