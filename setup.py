"""Build script beside pyproject.toml, which holds the package metadata.

A default install (``pip install .`` or ``-e .``) is pure Python. ``KIZUNA_COMPILE=1 pip install .``
compiles the extraction core with mypyc into C extension modules: same output byte for byte
(``tests/test_compiled.py`` checks it), less time per article. The build needs a C compiler and
the Python headers; mypy (which includes mypyc) is added to the build requirements by
``build_backend/kizuna_build.py`` only for a compiled build.
"""
from __future__ import annotations

import os
from pathlib import Path

from setuptools import Distribution, setup
from setuptools.command.build_ext import build_ext

SRC = Path(__file__).resolve().parent / "src"
# The hot path of ``kizuna extract``: analysis, extractors, gazetteer matching, text folding, word-start finding
COMPILED = ("kizuna/extract/*.py", "kizuna/gazetteer/*.py", "kizuna/text.py", "kizuna/word_starts.py")


def compile_requested() -> bool:
    """True when ``KIZUNA_COMPILE=1``; unset, empty or 0 build pure Python."""
    value = os.environ.get("KIZUNA_COMPILE", "")
    if value not in ("", "0", "1"):
        raise SystemExit(f"KIZUNA_COMPILE must be 1 (compile with mypyc) or 0 (pure Python), not {value!r}")
    return value == "1"


def compiled_sources(src: Path = SRC) -> list[Path]:
    """The source files a compiled build turns into extension modules."""
    return sorted({path for pattern in COMPILED for path in src.glob(pattern)})


def compiled_modules(src: Path = SRC) -> list[str]:
    """The dotted names of those modules (``kizuna.gazetteer`` for ``kizuna/gazetteer/__init__.py``)."""
    parts = (path.relative_to(src).with_suffix("").parts for path in compiled_sources(src))
    return [".".join(p[:-1] if p[-1] == "__init__" else p) for p in parts]


class MypycBuildExt(build_ext):
    """``build_ext`` that generates the extension modules with mypyc when it is set up."""

    def finalize_options(self) -> None:
        if self.inplace or {"editable_wheel", "develop"} & set(self.distribution.commands):
            raise SystemExit("KIZUNA_COMPILE=1 needs a normal install (pip install .), not an editable or "
                             "in-place one: compiled modules in src/ would keep running after the .py files change")
        from mypyc.build import mypycify

        # pip installs the dependencies after building: a module missing now (trafilatura, imported
        # by reading/ which extract/ imports from) is typed Any, as no compiled code uses its types
        options = ["--ignore-missing-imports"]
        sources = [os.path.relpath(path) for path in compiled_sources()]
        self.distribution.ext_modules = mypycify(options + sources, opt_level="3", group_name="kizuna")
        super().finalize_options()


class CompiledDistribution(Distribution):
    """A distribution whose extension modules ``MypycBuildExt`` makes.

    Only for commands that build: pip also runs ``setup.py`` to ask for the build requirements
    (before mypy is installed) and for the metadata, which need no C code.
    """

    def has_ext_modules(self) -> bool:
        return bool(set(self.commands) - {"egg_info", "dist_info", "sdist"})


if __name__ == "__main__":
    if compile_requested():
        setup(distclass=CompiledDistribution, cmdclass={"build_ext": MypycBuildExt})
    else:
        setup()
