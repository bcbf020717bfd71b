"""Throughput of ``kizuna extract --jobs N``: articles per second with N worker processes.

    .venv/bin/python benchmarks/extract_parallel.py [--repeat 40] [--jobs 1 2 4]

Runs ``batch.extract_stream`` over the seeds and dev articles repeated ``--repeat`` times
(640 articles by default) for each number of jobs, wall clock, worker start-up included.
The speed-up can reach the number of free cores; on a machine where other work runs it is
less. Extraction speed on one core is ``extract_speed.py``.
"""
from __future__ import annotations

import argparse
import time

from extract_speed import corpus

from kizuna import gazetteer
from kizuna.batch import Extraction, available_jobs, extract_stream


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--jobs", type=int, nargs="+", default=sorted({1, 2, available_jobs()}))
    args = parser.parse_args()
    documents = corpus() * args.repeat
    gaz = gazetteer.default()
    baseline = None
    for jobs in args.jobs:
        started = time.perf_counter()
        records = sum(len(item.records) for item in extract_stream(documents, gaz, jobs) if isinstance(item, Extraction))
        rate = len(documents) / (time.perf_counter() - started)
        baseline = baseline or rate
        print(f"jobs {jobs}: {len(documents)} articles, {records} records, {rate:.0f} articles/s "
              f"(x{rate / baseline:.2f}); {available_jobs()} cores available")


if __name__ == "__main__":
    main()
