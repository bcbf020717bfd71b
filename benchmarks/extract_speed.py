"""Extraction speed: articles per second on one core over the seeds and dev articles, repeated.

    .venv/bin/python benchmarks/extract_speed.py [--repeat 30] [--only statistics] [--stages] [--articles FILE…]

Times the seeds and dev articles (≈ 2.2 kB of text each) unless ``--articles`` names other files
(text, HTML or JSON Lines, as ``kizuna extract`` reads them): articles per second depend on their
length, so it also prints kB of text per second. Runs the whole extract pipeline (``registry.extract_document``: analysis + every extractor)
unless ``--only`` names one extractor module. ``--stages`` also prints the mean time per
article of the analysis and of each extractor in pipeline order (later extractors reuse what
earlier ones cached on the article). The target is ≥ 500 articles/s. Besides the mean rate it
prints the best pass, which other work on the machine disturbs least. Its first line says whether
the ``kizuna.extract`` modules measured are compiled (``KIZUNA_COMPILE=1 pip install .``) or pure.
"""
from __future__ import annotations

import argparse
import importlib
import sys
import time
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from kizuna import gazetteer
from kizuna.document import Document
from kizuna.errors import InputError
from kizuna.extract import analyse
from kizuna.reading import read_paths

SHARED = Path("/work/shared")
TARGET = 500.0


def corpus(paths: list[str] | None = None) -> list[Document]:
    """The articles of ``paths``; by default the seeds and the dev articles."""
    if not paths:
        paths = sorted(str(p) for p in (SHARED / "seeds").glob("*.txt"))
        paths.append(str(SHARED / "gold" / "dev" / "dev.articles.jsonl"))
    docs = []
    for item in read_paths(paths):
        if isinstance(item, InputError):
            print(f"skipped: {item}", file=sys.stderr)
        else:
            docs.append(item)
    if not docs:
        raise SystemExit(f"no readable article in {', '.join(paths)}")
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--only", help="time one extractor module (e.g. statistics) instead of the pipeline")
    parser.add_argument("--stages", action="store_true", help="also print milliseconds per article per stage")
    parser.add_argument("--articles", nargs="+", metavar="FILE", help="time these articles instead")
    args = parser.parse_args()
    docs = corpus(args.articles)
    gaz = gazetteer.default()
    print(build_kind())
    if args.stages:
        print_stages(docs, gaz, args.repeat)
    if args.only:
        module = importlib.import_module(f"kizuna.extract.{args.only}")

        def run(doc: Document) -> int:
            return len(module.extract(analyse(doc, gaz)))
    else:
        from kizuna.extract.registry import extract_document

        def run(doc: Document) -> int:
            return len(extract_document(doc, gaz))
    for doc in docs:  # warm up: vocabularies and regexes load once
        run(doc)
    records = 0
    passes: list[float] = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        for doc in docs:
            records += run(doc)
        passes.append(time.perf_counter() - started)
    elapsed = sum(passes)
    count = len(docs) * args.repeat
    rate = count / elapsed
    best = len(docs) / min(passes)  # the pass least disturbed by other work on the machine
    what = args.only or "pipeline"
    print(f"{what}: {count} articles in {elapsed:.2f}s = {rate:.0f} articles/s "
          f"({records} records); target {TARGET:.0f}/s: {'ok' if rate >= TARGET else 'BELOW'}")
    size = sum(len(doc.text) for doc in docs) / len(docs) / 1000
    print(f"best of {args.repeat} passes over the {len(docs)} articles: {best:.0f} articles/s "
          f"({1000 / best:.2f} ms/article); on a shared VM the mean can swing by half from run to run")
    print(f"text: {size:.2f} kB per article on average; {rate * size:.0f} kB/s (mean), {best * size:.0f} kB/s (best)")


def build_kind() -> str:
    """One line: are the ``kizuna.extract`` modules measured compiled extension modules or pure Python?"""
    import kizuna.extract.registry  # noqa: F401  (imports every extractor)

    files = [m.__file__ or "" for name, m in sys.modules.items() if name.startswith("kizuna.extract")]
    compiled = sum(f.endswith(tuple(EXTENSION_SUFFIXES)) for f in files)
    kind = "compiled (mypyc)" if compiled == len(files) else "pure Python" if not compiled else "partly compiled"
    where = Path(sys.modules["kizuna.extract"].__file__ or "").parent
    where = where.relative_to(Path.cwd()) if where.is_relative_to(Path.cwd()) else where
    return f"kizuna.extract: {kind}, {compiled} of {len(files)} modules are extension modules, from {where}"


def print_stages(docs: list[Document], gaz: gazetteer.Gazetteer, repeat: int) -> None:
    """Mean milliseconds per article of the analysis and of each extractor, in pipeline order."""
    from kizuna.extract.registry import EXTRACTORS

    totals: dict[str, float] = {}
    for round_ in range(repeat + 1):  # round 0 warms up and is not counted
        for doc in docs:
            started = time.perf_counter()
            article = analyse(doc, gaz)
            stages = [("analyse", time.perf_counter() - started)]
            for extractor in EXTRACTORS:
                started = time.perf_counter()
                extractor(article)
                stages.append((extractor.__module__.rsplit(".", 1)[-1], time.perf_counter() - started))
            if round_:
                for name, seconds in stages:
                    totals[name] = totals.get(name, 0.0) + seconds
    count = len(docs) * repeat
    for name, seconds in totals.items():
        print(f"  {name:<18} {seconds / count * 1000:6.3f} ms/article")
    print(f"  {'total':<18} {sum(totals.values()) / count * 1000:6.3f} ms/article")


if __name__ == "__main__":
    main()
