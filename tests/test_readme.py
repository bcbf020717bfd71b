"""The README's promises: exactly two one-line set-up commands, and CI runs the second one."""
from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def setup_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```(?:bash|sh)\n(.*?)```", section, re.DOTALL)]


def test_exactly_two_single_line_setup_commands() -> None:
    commands = setup_commands()
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)
    assert "ingest examples/articles" in commands[0] and "kizuna.db" in commands[0]
    assert "'.[test]'" in commands[1] and commands[1].endswith("pytest")


def test_ci_runs_the_second_command_verbatim() -> None:
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in script
    assert setup_commands()[1] in script.splitlines()


def test_settings_table_lists_every_setting_with_its_default() -> None:
    from kizuna.settings import SETTINGS

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Settings", 1)[1].split("\n## ", 1)[0]
    rows = {line.split("|")[2].strip(" `"): line.split("|")[3].strip(" `") for line in table.splitlines()
            if line.startswith("| `-")}
    assert rows == {s.envvar: str(s.default) for s in SETTINGS}
