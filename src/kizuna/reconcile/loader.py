"""Read contract JSON Lines into the fact dicts the engine takes (the shape ``Store.facts`` yields).

``fact_id`` is ``doc#n`` (the n-th record of that document in the file), so ids are stable
whichever other documents are loaded with it.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Iterator


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """Every JSON object of a JSON Lines file (blank lines skipped)."""
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as error:
                    raise ValueError(f"{path}:{number}: not JSON: {error}") from error


def article_metadata(path: str | Path) -> dict[str, dict[str, Any]]:
    """``id`` → published, source, url, title from a JSON Lines articles file."""
    return {a["id"]: {k: a.get(k) for k in ("published", "source", "url", "title")} for a in read_jsonl(path)}


def as_facts(records: Iterable[dict[str, Any]], metadata: dict[str, dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Contract records with ``fact_id`` and their document's metadata added."""
    metadata = metadata or {}
    counters: dict[str, int] = {}
    facts = []
    for record in records:
        doc = str(record.get("doc"))
        counters[doc] = counters.get(doc, 0) + 1
        meta = metadata.get(doc, {})
        fact = dict(record)
        fact.update(fact_id=f"{doc}#{counters[doc]}", published=meta.get("published"), source=meta.get("source"),
                    url=meta.get("url"), document_title=meta.get("title"))
        if fact.get("type") != "role":
            fact["title"] = meta.get("title")
        facts.append(fact)
    return facts
