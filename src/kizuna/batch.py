"""Extraction over a stream of documents, in this process or in worker processes.

Extraction is a pure function of a document and the gazetteer, so with ``jobs > 1`` the
documents of each window of the stream go to a pool of worker processes and come back in
input order: what is printed or stored is the same whatever ``jobs`` is. Items of the
stream that are not documents (read errors, markers of the caller) pass through in place
without leaving this process.

An extractor's exception becomes the document's ``error``, so one bad document does not
stop the batch; a bad bundled data file (``DataFileError``) is raised, as it would fail
every document.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TypeVar

from .document import Document
from .errors import DataFileError
from .extract.registry import extract_document
from .gazetteer import Gazetteer
from .records import Record

T = TypeVar("T")

WINDOW_PER_JOB = 32  # documents in flight per worker: enough to even out long and short articles


@dataclass(frozen=True)
class Extraction:
    """The records of one document, or why extraction failed on it."""

    document: Document
    records: tuple[Record, ...] = ()
    error: str | None = None


def extract_one(document: Document, gazetteer: Gazetteer) -> Extraction:
    """Every record of ``document``; an extractor's exception is returned as the error, not raised."""
    try:
        return Extraction(document, tuple(extract_document(document, gazetteer)))
    except DataFileError:
        raise  # a bad bundled vocabulary fails every document: the caller stops and reports it
    except Exception as error:  # one extractor's bug must not stop the batch; the caller reports it
        return Extraction(document, error=f"extraction failed ({type(error).__name__}: {error})")


def available_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_stream(items: Iterable[Document | T], gazetteer: Gazetteer, jobs: int = 1) -> Iterator[Extraction | T]:
    """Each document of ``items`` as its ``Extraction``, other items as they are, in input order.

    ``jobs`` is the number of processes extracting (0: one per available core).
    """
    jobs = available_jobs() if jobs == 0 else jobs
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (one per core) or more, not {jobs}")
    if jobs <= 1:
        for item in items:
            yield extract_one(item, gazetteer) if isinstance(item, Document) else item
        return
    stream = iter(items)
    with multiprocessing.get_context(_start_method()).Pool(jobs, _start_worker, (gazetteer,)) as pool:
        while window := list(islice(stream, jobs * WINDOW_PER_JOB)):
            documents = [item for item in window if isinstance(item, Document)]
            done = iter(pool.map(_extract_in_worker, documents, chunksize=max(1, len(documents) // (4 * jobs))))
            for item in window:
                yield next(done) if isinstance(item, Document) else item


def _start_method() -> str:
    """``forkserver`` where it exists, else ``spawn``: never ``fork``, which copies the threads' locks of a
    process that may be drawing a progress bar into workers that would wait on them forever."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


_worker_gazetteer: list[Gazetteer] = []  # the gazetteer of a worker process, set once when it starts


def _start_worker(gazetteer: Gazetteer) -> None:
    _worker_gazetteer.append(gazetteer)


def _extract_in_worker(document: Document) -> Extraction:
    return extract_one(document, _worker_gazetteer[0])
