"""Build backend: setuptools', plus mypy as a build requirement when ``KIZUNA_COMPILE=1``.

``[build-system] requires`` is the same for every build, and a default (pure Python) install
should not fetch mypy. setuptools documents this wrapper for dynamic build requirements; every
other hook is setuptools' own. See ``setup.py`` for what a compiled build does.
"""
from __future__ import annotations

import os

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403

MYPYC = "mypy>=1.10,<3"  # mypyc comes with mypy; the same range as the test extras


def get_requires_for_build_wheel(config_settings: dict[str, str | list[str]] | None = None) -> list[str]:
    extra = [MYPYC] if os.environ.get("KIZUNA_COMPILE") == "1" else []
    return _setuptools.get_requires_for_build_wheel(config_settings) + extra
