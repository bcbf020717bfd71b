"""Extraction time on ever longer sentences: a guard against regexes that grow faster than the text.

    .venv/bin/python benchmarks/extract_long.py [--sizes 1 2 4 8 16]

Web pages whose text lost its full stops (tables, lists, bad HTML) reach the extractors as one
very long "sentence". This joins the first N benchmark articles (seeds, then dev) into a single
sentence (full stops and line breaks become commas) and prints, per extractor, the best of two
runs in milliseconds and in milliseconds per 10 kB. Time per 10 kB should stay roughly flat as
the text grows; a stage whose figure keeps climbing has a super-linear pattern (for example a
lazy repeat tried at every position), which a user with messy input would feel first.
"""
from __future__ import annotations

import argparse
import re
import time

from extract_speed import corpus

from kizuna import gazetteer
from kizuna.document import Document
from kizuna.extract import analyse
from kizuna.extract.registry import EXTRACTORS, extract_document


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 2, 4, 8, 16],
                        help="how many articles to join into one sentence, per row")
    args = parser.parse_args()
    docs = corpus()
    gaz = gazetteer.default()
    for doc in docs:  # warm up: vocabularies and regexes load once
        extract_document(doc, gaz)
    names = [extractor.__module__.rsplit(".", 1)[-1] for extractor in EXTRACTORS]
    print(f"{'chars':>7} {'sentences':>9}  " + "  ".join(f"{n[:12]:>12}" for n in names) + "   (ms; ms per 10 kB)")
    for size in args.sizes:
        text = " ".join(re.sub(r"[.!?\n]+", ",", doc.text) for doc in docs[:size])
        document = Document(doc_id=f"long-{size}", text=text, published=docs[0].published)
        best: dict[str, float] = {}
        for _ in range(2):
            article = analyse(document, gaz)
            for name, extractor in zip(names, EXTRACTORS):
                started = time.perf_counter()
                extractor(article)
                best[name] = min(best.get(name, float("inf")), time.perf_counter() - started)
        cells = [f"{best[n] * 1000:5.1f};{best[n] * 1000 * 10_000 / len(text):5.1f}" for n in names]
        print(f"{len(text):>7} {len(article.sentences):>9}  " + "  ".join(f"{c:>12}" for c in cells))


if __name__ == "__main__":
    main()
