"""CLI commands over the reconciled knowledge base (entity, series, latest, conflicts, timeline, entities)."""
from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
