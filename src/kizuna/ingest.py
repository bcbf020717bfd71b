"""Ingesting: read articles, extract their facts, store each document with its facts, reconcile.

A bad file, a bad line or a failing extractor is recorded as a failure with its reason and
the batch goes on; a document already stored (same normalised text) is counted as known
and not extracted again. ``reconcile_stored`` then brings the knowledge base up to date in
its own transaction: if it fails, the documents stored stay stored and the error is reported.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from .batch import Extraction, extract_stream
from .document import Document
from .errors import InputError, StoreError
from .gazetteer import Gazetteer
from .reading import Source, read_source
from .store import Store


@dataclass(frozen=True)
class Failure:
    """Something that could not be ingested: the file (and line) and why."""

    source: str
    reason: str


@dataclass
class IngestReport:
    """What one ingest run did."""

    files: int = 0
    read: int = 0
    new: int = 0
    known: int = 0
    facts: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    reconciled: dict[str, int] | None = None  # entities, facts, multi_source_facts, conflicts
    reconcile_error: str | None = None

    @property
    def facts_stored(self) -> int:
        return sum(self.facts.values())

    def as_dict(self) -> dict[str, object]:
        return {"files": self.files, "read": self.read, "new": self.new, "already_known": self.known,
                "failed": len(self.failures), "facts_stored": self.facts_stored,
                "facts_by_type": dict(sorted(self.facts.items())),
                "failures": [{"source": f.source, "reason": f.reason} for f in self.failures],
                "reconciled": self.reconciled, "reconcile_error": self.reconcile_error}


def reconcile_stored(store: Store, gazetteer: Gazetteer, report: IngestReport) -> None:
    """Reconcile what the batch added (incrementally, one transaction) and note the outcome in ``report``.

    Documents were committed one by one before this runs, so a failure here loses none of
    them: it is recorded as ``reconcile_error`` and ``kizuna reconcile`` can be run later.
    """
    from .reconcile import persist

    try:
        outcome = persist.run(store, gazetteer) if persist.is_stale(store.connection) else \
            persist.counts(store.connection)
    except Exception as error:  # a reconciliation bug must not hide that the documents are stored; reported
        report.reconcile_error = f"reconciliation failed ({type(error).__name__}: {error}); documents are stored, " \
                                 "run `kizuna reconcile` to retry"
        return
    report.reconciled = {k: outcome[k] for k in ("entities", "facts", "multi_source_facts", "conflicts")}


def ingest(sources: Iterable[Source | InputError], store: Store, gazetteer: Gazetteer, *, max_bytes: int,
           now: datetime | None = None, on_failure: Callable[[Failure], None] | None = None,
           on_source_done: Callable[[Source | InputError], None] | None = None, jobs: int = 1) -> IngestReport:
    """Read, extract and store every article in ``sources``; never stops at a bad one.

    ``jobs`` processes extract (0: one per core; see ``batch.extract_stream``); storing stays in
    this process, in input order, so the outcome is the same whatever ``jobs`` is.
    """
    report = IngestReport()

    def fail(source: str, reason: str) -> None:
        failure = Failure(source, reason)
        report.failures.append(failure)
        if on_failure is not None:
            on_failure(failure)

    stream: Iterator[Extraction | InputError | _SourceDone] = extract_stream(
        _unknown_documents(sources, store, max_bytes, now, report), gazetteer, jobs)
    for item in stream:
        if isinstance(item, Extraction):
            if item.error is not None:
                fail(item.document.origin, item.error)
            else:
                _store(item, store, report, fail)
        elif isinstance(item, InputError):
            fail(item.source, item.reason)
        elif on_source_done is not None:
            on_source_done(item.source)
    return report


@dataclass(frozen=True)
class _SourceDone:
    """Marks, in the stream of documents, that every article of ``source`` went before."""

    source: Source | InputError


def _unknown_documents(sources: Iterable[Source | InputError], store: Store, max_bytes: int, now: datetime | None,
                       report: IngestReport) -> Iterator[Document | InputError | _SourceDone]:
    """The documents of ``sources`` not stored yet, with read errors and end-of-source marks in place."""
    for source in sources:
        if isinstance(source, InputError):
            yield source
        else:
            report.files += 1
            for item in read_source(source, max_bytes, now):
                if isinstance(item, InputError):
                    yield item
                    continue
                report.read += 1
                if store.has_document(item.content_hash):
                    report.known += 1
                else:
                    yield item
        yield _SourceDone(source)


def _store(extraction: Extraction, store: Store, report: IngestReport, fail: Callable[[str, str], None]) -> None:
    document, records = extraction.document, list(extraction.records)
    try:
        stored = store.add_document(document, records)
    except StoreError as error:
        fail(document.origin, str(error).removeprefix(f"{document.origin}: "))
        return
    if stored:
        report.new += 1
        report.facts.update(record.type for record in records)
    else:
        report.known += 1  # the same text came twice in this batch
