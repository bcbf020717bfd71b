"""The ``kizuna`` command line: a thin shell over the library."""
from __future__ import annotations

import json
import sys

import click

from . import gazetteer
from .errors import InputError
from .extract.registry import extract_document
from .reading import DEFAULT_MAX_BYTES, read_paths


def _report(error: InputError) -> None:
    click.echo(f"kizuna: {error.source}: {error.reason}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kizuna")
def main() -> None:
    """Kizuna: a source-cited knowledge base of Japan–Vietnam investment and cooperation news."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, help="Refuse files larger than this.")
def extract(paths: tuple[str, ...], max_bytes: int) -> None:
    """Print the fact records found in articles as JSON Lines (no database touched).

    \b
    Example:
      kizuna extract examples/articles/*.txt > facts.jsonl
    """
    gaz = gazetteer.default()
    failed = False
    out = sys.stdout
    for item in read_paths(paths, max_bytes=max_bytes):
        if isinstance(item, InputError):
            _report(item)
            failed = True
            continue
        for record in extract_document(item, gaz):
            out.write(json.dumps(record.to_contract(), ensure_ascii=False) + "\n")
    out.flush()
    sys.exit(1 if failed else 0)


def _register_knowledge_commands() -> None:
    from .cli_knowledge import COMMANDS
    for command in COMMANDS:
        main.add_command(command)


_register_knowledge_commands()
