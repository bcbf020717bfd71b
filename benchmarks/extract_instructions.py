"""Instructions per article of the extract pipeline, counted by valgrind's callgrind.

    .venv/bin/python benchmarks/extract_instructions.py [--passes 2]

Counts only the extraction passes over the benchmark corpus (seeds and dev articles), not start-up
or the warm-up pass. Unlike seconds, the count hardly moves with other work on the machine (two
runs of the same tree agree within about 0.1 %), so it tells two trees apart by a percent or
less where timings on a shared VM cannot. It does not see cache misses or mispredicted branches:
confirm a change with ``extract_speed.py`` side by side. Needs ``valgrind`` (Debian package);
a run takes about 15 s.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)  # the run under valgrind
    args = parser.parse_args()
    if args.inner:
        inner(args.passes)
        return
    if shutil.which("valgrind") is None:
        sys.exit("extract_instructions: valgrind is not installed (apt install valgrind)")
    with tempfile.TemporaryDirectory() as tmp:
        command = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={tmp}/out",
                   sys.executable, __file__, "--inner", "--passes", str(args.passes)]
        run = subprocess.run(command, capture_output=True, text=True, check=False)
    found = re.search(r"Collected : (\d+)", run.stderr)
    if run.returncode != 0 or found is None:
        sys.exit(f"extract_instructions: the run under valgrind failed:\n{run.stderr[-2000:]}")
    articles = int(run.stdout.split()[-1])
    total = int(found.group(1))
    print(f"{total:,} instructions for {articles} articles = {total / articles / 1e6:.2f} M instructions per article")


def inner(passes: int) -> None:
    """Warm up, then switch counting on for the timed passes only (``callgrind_control``)."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from extract_speed import corpus

    from kizuna import gazetteer
    from kizuna.extract.registry import extract_document

    docs = corpus()
    gaz = gazetteer.default()
    for doc in docs:
        extract_document(doc, gaz)
    subprocess.run(["callgrind_control", "--instr=on", str(os.getpid())], capture_output=True, check=True)
    for _ in range(passes):
        for doc in docs:
            extract_document(doc, gaz)
    subprocess.run(["callgrind_control", "--instr=off", str(os.getpid())], capture_output=True, check=True)
    print(passes * len(docs))


if __name__ == "__main__":
    main()
