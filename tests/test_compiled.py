"""The opt-in compiled build (``KIZUNA_COMPILE=1``, mypyc) extracts exactly what pure Python does.

The build test makes a wheel from a copy of the repository, as ``KIZUNA_COMPILE=1 pip install .``
would (≈ 2.5 minutes on one core), unpacks it, and runs ``kizuna extract`` with it and with
``src/`` on the repository's articles (and the seeds and dev articles of ``../shared`` when they
are there): the output must be the same bytes, and the compiled run must really have loaded the
extension modules. It skips when mypyc, setuptools ≥ 77, a C compiler or the Python headers are
missing (the test extras bring mypy and setuptools).
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from importlib.machinery import EXTENSION_SUFFIXES
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
BUILD_FILES = ("pyproject.toml", "setup.py", "README.md", "build_backend", "src")

# ``kizuna extract ARGS`` in this interpreter, then which kizuna modules it loaded, from which files
DRIVER = """
import json, sys
from kizuna.cli import main
status = 0
try:
    main(sys.argv[1:], prog_name="kizuna")
except SystemExit as stop:
    status = stop.code
loaded = {name: module.__file__ for name, module in sys.modules.items() if name.split(".")[0] == "kizuna"}
sys.stderr.write(json.dumps(loaded) + "\\n")
sys.exit(status)
"""


def _setup_module() -> ModuleType:
    """setup.py as a module (it calls ``setup()`` only when run as a script)."""
    spec = importlib.util.spec_from_file_location("kizuna_setup", REPO / "setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _setuptools_ok() -> bool:
    try:
        return int(version("setuptools").split(".")[0]) >= 77
    except PackageNotFoundError:
        return False


def _missing_for_build() -> str | None:
    """Why a compiled build cannot be made here, or None."""
    if importlib.util.find_spec("mypyc") is None:
        return "mypyc is not installed (it comes with mypy, in the test extras)"
    if not _setuptools_ok():
        return "setuptools >= 77 is not installed (the test extras bring it)"
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler}) on PATH"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").is_file():
        return "the Python headers (Python.h) are not installed"
    return None


def _copy_for_build(target: Path) -> None:
    for name in BUILD_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns(
                "__pycache__", "*.so", "*.pyd", "*.egg-info"))
        else:
            shutil.copy2(source, target / name)


@pytest.fixture(scope="module")
def compiled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding the unpacked compiled wheel, for PYTHONPATH."""
    reason = _missing_for_build()
    if reason:
        pytest.skip(f"compiled build not possible: {reason}")
    work = tmp_path_factory.mktemp("compiled")
    source, wheels, site = work / "source", work / "wheels", work / "site"
    source.mkdir()
    _copy_for_build(source)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"} | {"KIZUNA_COMPILE": "1"}
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                            "-w", str(wheels), str(source)],
                           cwd=work, env=env, capture_output=True, text=True, timeout=1800)
    assert build.returncode == 0, f"compiled build failed:\n{build.stdout[-3000:]}\n{build.stderr[-3000:]}"
    [wheel] = wheels.glob("kizuna-*.whl")
    assert not wheel.name.endswith("-none-any.whl"), "the wheel has no extension modules"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return site


def _inputs() -> list[str]:
    """Every article set the test compares on, as paths relative to the repository."""
    paths = [str(p.relative_to(REPO)) for p in sorted((REPO / "tests" / "data").glob("*/articles.jsonl"))]
    paths.append("examples/articles")
    if (SHARED / "seeds").is_dir():
        paths += sorted(os.path.relpath(p, REPO) for p in (SHARED / "seeds").glob("*.txt"))
        paths.append(os.path.relpath(SHARED / "gold" / "dev" / "dev.articles.jsonl", REPO))
    return paths


def _extract(pythonpath: Path, paths: list[str]) -> tuple[bytes, dict[str, str]]:
    """``kizuna extract`` output with ``pythonpath`` first on the path, and the kizuna modules it loaded."""
    env = os.environ | {"PYTHONPATH": str(pythonpath), "KIZUNA_JOBS": "1"}
    run = subprocess.run([sys.executable, "-c", DRIVER, "extract", *paths],
                         cwd=REPO, env=env, capture_output=True, timeout=600)
    assert run.returncode == 0, run.stderr.decode(errors="replace")[-3000:]
    return run.stdout, json.loads(run.stderr.decode().splitlines()[-1])


def _is_extension(path: str | None) -> bool:
    return path is not None and path.endswith(tuple(EXTENSION_SUFFIXES))


def test_compiled_extraction_is_byte_identical_to_pure_python(compiled_site: Path) -> None:
    paths = _inputs()
    compiled, compiled_modules = _extract(compiled_site, paths)
    pure, pure_modules = _extract(REPO / "src", paths)

    expected = set(_setup_module().compiled_modules(REPO / "src"))
    assert {"kizuna.extract.registry", "kizuna.extract.statistics", "kizuna.gazetteer.matching",
            "kizuna.text"} <= expected & compiled_modules.keys()
    for name, path in compiled_modules.items():
        assert path is not None and path.startswith(str(compiled_site)), f"{name} loaded from {path}"
        assert _is_extension(path) == (name in expected), f"{name} loaded from {path}"
    assert not any(_is_extension(path) for path in pure_modules.values()), "a compiled module in src/"

    records, lines = pure.splitlines(), compiled.splitlines()
    assert len(records) > 100 and {json.loads(r)["type"] for r in records} >= {"statistic", "role", "meeting"}
    if compiled != pure:
        first = next((i for i, (a, b) in enumerate(zip(records, lines)) if a != b), min(len(records), len(lines)))
        pytest.fail(f"compiled output differs from pure Python at line {first + 1} of {len(records)}:\n"
                    f"pure:     {records[first:first + 1]!r}\ncompiled: {lines[first:first + 1]!r}")


def test_mypy_is_a_build_requirement_only_of_a_compiled_build(tmp_path: Path) -> None:
    if not _setuptools_ok():
        pytest.skip("setuptools >= 77 is not installed (the test extras bring it)")
    _copy_for_build(tmp_path)
    ask = ("import json, kizuna_build; "
           "print(json.dumps([kizuna_build.get_requires_for_build_wheel(), kizuna_build.get_requires_for_build_editable()]))")

    def requires(compile_flag: str) -> list[list[str]]:
        env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"} | {
            "KIZUNA_COMPILE": compile_flag, "PYTHONPATH": str(tmp_path / "build_backend")}
        run = subprocess.run([sys.executable, "-c", ask], cwd=tmp_path, env=env, capture_output=True, text=True,
                             timeout=300)
        assert run.returncode == 0, run.stderr[-3000:]
        return json.loads(run.stdout.splitlines()[-1])

    pure_wheel, pure_editable = requires("0")
    compiled_wheel, compiled_editable = requires("1")
    assert not any(r.startswith("mypy") for r in pure_wheel + pure_editable + compiled_editable)
    added = [r for r in compiled_wheel if r not in pure_wheel]
    assert len(added) == 1 and added[0].startswith("mypy")


def test_compiled_modules_cache_nothing_with_cached_property() -> None:
    """mypyc compiles ``functools.cached_property`` into a plain property: the value would be computed
    again on every read (statistics once read the article's topic anew for every sentence). Keep such
    values on the article's memo instead."""
    users = [str(path.relative_to(REPO)) for path in _setup_module().compiled_sources()
             if "cached_property" in path.read_text(encoding="utf-8")]
    assert users == []
