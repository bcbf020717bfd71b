"""Reconciliation time for synthetic facts (default 100,000), from scratch and incrementally.

    .venv/bin/python benchmarks/reconcile_speed.py [--facts 100000]

Facts are statistics, meetings, roles, investments and sector claims spread over 40 places,
200 companies and 400 people, published over ten years by 8 outlets, so many facts repeat
across articles (the work reconciliation exists for). The incremental run adds 1 % more
articles to a reconciled 99 %.
"""
from __future__ import annotations

import argparse
import random
import time
from typing import Any

from kizuna.gazetteer import default
from kizuna.reconcile.engine import State, reconcile, update

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=100_000)
    args = parser.parse_args()
    facts = synthetic(args.facts)
    gazetteer = default()
    started = time.perf_counter()
    kb = reconcile(facts, gazetteer)
    scratch = time.perf_counter() - started
    cut = int(len(facts) * 0.99)
    state = update(State(), facts[:cut], gazetteer)
    started = time.perf_counter()
    state = update(state, facts, gazetteer)
    incremental = time.perf_counter() - started
    print(f"facts={len(facts)} reconciled_facts={len(kb.facts)} entities={len(kb.resolution.entities)} "
          f"conflicts={len(kb.conflicts)}")
    print(f"from_scratch_seconds={scratch:.2f} incremental_1pct_seconds={incremental:.2f} "
          f"blocks_recomputed={state.recomputed_blocks}/{len(state.block_facts)}")


if __name__ == "__main__":
    main()
