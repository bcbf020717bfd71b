"""Reconciliation time for synthetic facts (default 100,000), from scratch and incrementally.

    .venv/bin/python benchmarks/reconcile_speed.py [--facts 100000] [--db]

Facts are statistics, meetings, roles, investments and sector claims spread over 40 places,
200 companies and 400 people, published over ten years by 8 outlets, so many facts repeat
across articles (the work reconciliation exists for). The incremental run adds 1 % more
articles to a reconciled 99 % and checks the result equals reconciling everything from scratch.
With ``--db`` the same runs go through a real SQLite store (``persist.run``), facts included.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from kizuna.gazetteer import Gazetteer, default
from kizuna.reconcile import persist
from kizuna.reconcile.engine import KnowledgeBase, State, reconcile, update
from kizuna.store import Store

METRICS = ("active_projects", "registered_capital", "exports", "imports", "trade_turnover", "enterprises")
OUTLETS = ("VietnamPlus (VNA)", "VnExpress", "Nhan Dan", "VOV", "NHK World", "Nikkei Asia", "Japan Times", "Reuters")


def synthetic(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """``count`` per-article facts in contract shape with document metadata."""
    rng = random.Random(seed)
    places = [f"Province {i}" for i in range(40)]
    companies = [f"Company {i} Co., Ltd" for i in range(200)]
    people = [(f"Family{i} Given{i}", f"Given{i} Family{i}") for i in range(400)]
    facts = []
    for n in range(count):
        doc = f"doc{n // 10}"
        year = 2015 + (n // 10) % 10
        month = 1 + (n // 10) % 12
        published = f"{year}-{month:02d}-{1 + (n // 10) % 28:02d}"
        base = {"doc": doc, "fact_id": n, "published": published, "source": OUTLETS[(n // 10) % len(OUTLETS)],
                "evidence": {"start": 0, "end": 20, "text": f"sentence {n} of {doc} with some words"}}
        place = {"name": rng.choice(places), "kind": "province", "country": "VN"}
        kind = rng.random()
        if kind < 0.6:
            value = rng.choice((100, 150, 1.2e9, 3.45e9, 210))
            facts.append({**base, "type": "statistic", "metric": rng.choice(METRICS),
                          "subject": {"name": "Japan", "kind": "country", "country": "JP"}, "target": place,
                          "value": value, "unit": "USD" if value > 1e6 else "count", "qualifier": "exact",
                          "period": {"start": None, "end": f"{year}-{month:02d}"}, "rank_of": None})
        elif kind < 0.75:
            person = rng.choice(people)
            facts.append({**base, "type": "meeting", "date": published, "location": place, "kind": "reception",
                          "topics": [], "participants": [
                              {"name": rng.choice(person), "title": "Governor", "country": "JP", "role": "guest",
                               "org": {"name": f"Pref {hash(person[0]) % 47}", "kind": "prefecture", "country": "JP"}},
                              {"name": "Nguyen Van A", "title": "Chairman", "country": "VN", "role": "host", "org": place}]})
        elif kind < 0.85:
            person = rng.choice(people)
            facts.append({**base, "type": "role", "person": rng.choice(person), "title": "Governor",
                          "org": {"name": f"Pref {hash(person[0]) % 47}", "kind": "prefecture", "country": "JP"},
                          "country": "JP", "as_of": published})
        elif kind < 0.95:
            facts.append({**base, "type": "investment", "investor": {"name": rng.choice(companies), "kind": "company",
                                                                      "country": "JP"},
                          "origin": {"name": "Japan", "kind": "country", "country": "JP"}, "host": place, "site": None,
                          "project": None, "amount": None, "sectors": ["manufacturing"], "year": str(year),
                          "status": "operating"})
        else:
            facts.append({**base, "type": "sector_interest", "actor": place, "stance": "seeks",
                          "sectors": rng.sample(["semiconductors", "tourism", "agriculture", "logistics"], 2)})
    return facts


def digest(kb: KnowledgeBase) -> str:
    """A fingerprint of a knowledge base, to compare two without keeping both."""
    return hashlib.sha256(json.dumps(kb.comparable(), sort_keys=True).encode()).hexdigest()


def store_facts(store: Store, facts: list[dict[str, Any]]) -> None:
    """Store facts with one document row per ``doc`` (stand-in text), as ingest would."""
    connection = store.connection
    with persist.transaction(connection):
        documents: dict[str, int] = {}
        for fact in facts:
            doc = fact["doc"]
            if doc not in documents:
                documents[doc] = connection.execute(
                    "INSERT INTO documents (key, doc_id, origin, source, published, date_source, text, ingested_at) "
                    "VALUES (?, ?, ?, ?, ?, 'metadata', ?, '2026-01-01T00:00:00')",
                    (f"k-{doc}", doc, doc, fact["source"], fact["published"], doc)).lastrowid
            record = {k: v for k, v in fact.items() if k not in ("fact_id", "published", "source")}
            connection.execute("INSERT INTO facts (document_id, type, doc, evidence_start, evidence_end, record) "
                               "VALUES (?, ?, ?, 0, 20, ?)", (documents[doc], fact["type"], doc, json.dumps(record)))


def database_run(facts: list[dict[str, Any]], cut: int, gazetteer: Gazetteer) -> None:
    """From scratch and 1 % incremental through ``persist.run`` on a real SQLite file."""
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "bench.db") as store:
        store_facts(store, facts[:cut])
        started = time.perf_counter()
        persist.run(store, gazetteer)
        scratch = time.perf_counter() - started
        store_facts(store, facts[cut:])
        started = time.perf_counter()
        counts = persist.run(store, gazetteer)
        incremental = time.perf_counter() - started
    print(f"db_99pct_from_scratch_seconds={scratch:.2f} db_incremental_1pct_seconds={incremental:.2f} "
          f"db_blocks_recomputed={counts['blocks_recomputed']}/{counts['blocks']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--db", action="store_true", help="Also time runs through a SQLite store.")
    args = parser.parse_args()
    facts = synthetic(args.facts)
    gazetteer = default()
    started = time.perf_counter()
    kb = reconcile(facts, gazetteer)
    scratch = time.perf_counter() - started
    print(f"facts={len(facts)} reconciled_facts={len(kb.facts)} entities={len(kb.resolution.entities)} "
          f"conflicts={len(kb.conflicts)}")
    expected = digest(kb)
    del kb  # the incremental run gets the heap a long-lived process would have
    cut = int(len(facts) * 0.99)
    state = update(State(), facts[:cut], gazetteer)
    started = time.perf_counter()
    state = update(state, facts, gazetteer)
    incremental = time.perf_counter() - started
    same = digest(state.knowledge()) == expected
    print(f"from_scratch_seconds={scratch:.2f} incremental_1pct_seconds={incremental:.2f} "
          f"blocks_recomputed={state.recomputed_blocks}/{len(state.block_facts)} incremental_equals_scratch={same}")
    if args.db:
        database_run(facts, cut, gazetteer)


if __name__ == "__main__":
    main()
