"""Entity resolution: which names in which facts stand for one entity, and why.

Resolution is a pure function of every mention seen, the gazetteer and the user's
decisions, so reconciling incrementally and from scratch agree. Each union is recorded as a
``MergeDecision`` whose ``features`` say, splink-style, which comparison levels agreed.

Rules, in order:

1. ``gazetteer``: the name (after accent folding) is a name or alias of a gazetteer entry.
2. ``same_key``: non-gazetteer places/organisations share a normalised key
   (``place_key``/``org_key``: legal suffixes and subsidiary country words dropped).
3. ``acronym``: an acronym whose letters spell the start of a known full name's words.
4. ``same_name_tokens``: persons with the same name tokens in any order.
5. ``short_form``: a one-word person name (``Pham``, ``Chinh``) that is the first or last
   word of exactly one full name with the same organisation and title.
6. user ``split`` (a name keeps its own entity) and user ``merge`` (two names are one).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..gazetteer import Gazetteer
from ..text import key
from .names import (is_acronym_of, looks_like_acronym, org_key_parts, person_key, person_tokens,
                    place_key, title_key)

PLACE_KINDS = frozenset({"country", "province", "prefecture", "city"})
ORG_KINDS = frozenset({"organisation", "company", "group"})


def kind_class(kind: str | None) -> str:
    """``place``, ``org`` or ``person``: kinds that may name one another."""
    if kind in PLACE_KINDS:
        return "place"
    if kind == "person":
        return "person"
    return "org"


@dataclass(frozen=True)
class Mention:
    """A name as one fact used it. Persons carry their title and organisation as context."""

    name: str
    kind: str
    country: str | None = None
    title: str | None = None
    org: "Mention | None" = None

    @property
    def signature(self) -> tuple[Any, ...]:
        org_sig = self.org.signature if self.org else None
        if self.kind == "person":
            return ("person", self.name, self.country, title_key(self.title), org_sig)
        return (kind_class(self.kind), self.name, self.kind, self.country)


@dataclass(frozen=True)
class MergeDecision:
    """Why a name joined an entity: the rule and its feature comparisons."""

    entity_id: str
    name: str
    rule: str
    features: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"entity_id": self.entity_id, "name": self.name, "rule": self.rule, "features": self.features}


@dataclass(frozen=True)
class UserDecision:
    """A user's ``merge`` (``name`` and ``other`` are one) or ``split`` (``name`` stands alone)."""

    action: str
    name: str
    other: str | None = None


@dataclass
class Entity:
    """One resolved entity with every surface name it was written as."""

    entity_id: str
    name: str
    kind: str
    country: str | None
    gazetteer_key: str | None = None
    aliases: set[str] = field(default_factory=set)

    def to_dict(self) -> dict[str, Any]:
        return {"entity_id": self.entity_id, "name": self.name, "kind": self.kind, "country": self.country,
                "gazetteer_key": self.gazetteer_key, "aliases": sorted(self.aliases)}


@dataclass
class Resolution:
    """Signature → entity id, the entities, and every merge reason."""

    entity_of: dict[tuple[Any, ...], str]
    entities: dict[str, Entity]
    decisions: list[MergeDecision]

    def resolve(self, mention: Mention | None) -> str | None:
        return self.entity_of.get(mention.signature) if mention else None

    def find(self, name: str) -> list[Entity]:
        """Entities answering to a name (any alias, accents and order ignored)."""
        wanted = {key(name), person_key(name), place_key(name)}
        return [e for e in self.entities.values()
                if {key(a) for a in e.aliases} & wanted or {person_key(a) for a in e.aliases} & wanted
                or key(e.name) in wanted]


class _Unions:
    """Union-find over node ids, keeping the reason of each union."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def add(self, node: str) -> None:
        self.parent.setdefault(node, node)

    def root(self, node: str) -> str:
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def union(self, a: str, b: str) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            keep, drop = sorted((ra, rb), key=_id_rank)
            self.parent[drop] = keep


def _id_rank(node: str) -> tuple[int, int, str]:
    """Prefer gazetteer ids, then the longest key, then alphabetical: deterministic roots."""
    return (0 if node.startswith("gz:") else 1, -len(node), node)


def resolve(mentions: Iterable[Mention], gazetteer: Gazetteer,
            user_decisions: Iterable[UserDecision] = ()) -> Resolution:
    """Resolve every mention (and every person's organisation) to an entity."""
    user = list(user_decisions)
    split_keys = {key(d.name) for d in user if d.action == "split"}
    unique: dict[tuple[Any, ...], Mention] = {}
    for mention in mentions:
        unique.setdefault(mention.signature, mention)
        if mention.org is not None:
            unique.setdefault(mention.org.signature, mention.org)
    unions = _Unions()
    node_of: dict[tuple[Any, ...], str] = {}
    reasons: list[tuple[str, str, str, dict[str, Any]]] = []
    entries: dict[str, Any] = {}
    for signature in sorted(unique, key=repr):
        mention = unique[signature]
        if mention.kind == "person":
            continue
        node, rule, features = _named_node(mention, gazetteer, split_keys)
        if node.startswith("gz:"):
            entries[node] = gazetteer.get(node[3:])
        node_of[signature] = node
        unions.add(node)
        reasons.append((node, mention.name, rule, features))
    _acronyms(unique, node_of, unions, reasons, split_keys)
    _persons(unique, node_of, unions, reasons, split_keys)
    _user_merges(user, unique, node_of, unions, reasons)
    resolution = _collect(unique, node_of, unions, reasons, entries)
    _add_successors(resolution, gazetteer)
    return resolution


def _add_successors(resolution: Resolution, gazetteer: Gazetteer) -> None:
    """Gazetteer successors of known entities are entities too (their pages inherit facts)."""
    pending = [e.gazetteer_key for e in resolution.entities.values() if e.gazetteer_key]
    while pending:
        entry = gazetteer.get(pending.pop())
        successor = gazetteer.successor_of(entry) if entry else None
        if successor is None or f"gz:{successor.key}" in resolution.entities:
            continue
        resolution.entities[f"gz:{successor.key}"] = Entity(f"gz:{successor.key}", successor.name, successor.kind,
                                                            successor.country, successor.key, set(successor.names))
        pending.append(successor.key)


def _named_node(mention: Mention, gazetteer: Gazetteer, split_keys: set[str]) -> tuple[str, str, dict[str, Any]]:
    name_key = key(mention.name)
    klass = kind_class(mention.kind)
    if name_key in split_keys:
        return f"{klass}:{name_key}", "user_split", {"name": name_key}
    entry = _gazetteer_entry(mention, gazetteer)
    if entry is not None:
        level = "name" if key(entry.name) == name_key else "alias"
        return f"gz:{entry.key}", "gazetteer", {"name_key": name_key, "level": level, "gazetteer_key": entry.key}
    if klass == "place":
        return f"place:{place_key(mention.name)}", "same_key", {"place_key": place_key(mention.name)}
    org, dropped = org_key_parts(mention.name)
    return f"org:{org or name_key}", "same_key", {"org_key": org, "dropped_suffixes": dropped}


def _gazetteer_entry(mention: Mention, gazetteer: Gazetteer) -> Any:
    klass = kind_class(mention.kind)
    candidates = [mention.name]
    if klass == "place":
        stripped = " ".join(w for w in mention.name.split() if key(w) not in {"province", "prefecture", "city"})
        if stripped and stripped != mention.name:
            candidates.append(stripped)
    for candidate in candidates:
        entry = gazetteer.lookup(candidate, country=mention.country) or gazetteer.lookup(candidate)
        if entry is not None and kind_class(entry.kind) == klass:
            return entry
    return None


def _acronyms(unique: dict[tuple[Any, ...], Mention], node_of: dict[tuple[Any, ...], str], unions: _Unions,
              reasons: list[tuple[str, str, str, dict[str, Any]]], split_keys: set[str]) -> None:
    full_names = [(sig, m) for sig, m in unique.items() if m.kind != "person" and not looks_like_acronym(m.name)]
    for signature, mention in sorted(unique.items(), key=lambda item: repr(item[0])):
        if mention.kind == "person" or not looks_like_acronym(mention.name) or key(mention.name) in split_keys:
            continue
        if node_of[signature].startswith("gz:"):
            continue
        matches = {node_of[sig] for sig, full in full_names
                   if kind_class(full.kind) == kind_class(mention.kind)
                   and (mention.country is None or full.country in (None, mention.country))
                   and is_acronym_of(mention.name, full.name)}
        if len(matches) == 1:
            target = matches.pop()
            unions.union(node_of[signature], target)
            reasons.append((node_of[signature], mention.name, "acronym",
                            {"acronym": mention.name, "expands_to": target, "candidates": 1}))


def _persons(unique: dict[tuple[Any, ...], Mention], node_of: dict[tuple[Any, ...], str], unions: _Unions,
             reasons: list[tuple[str, str, str, dict[str, Any]]], split_keys: set[str]) -> None:
    people = sorted(((sig, m) for sig, m in unique.items() if m.kind == "person"), key=lambda item: repr(item[0]))
    full: dict[str, list[Mention]] = defaultdict(list)
    for signature, mention in people:
        tokens = person_tokens(mention.name)
        split = key(mention.name) in split_keys
        node = f"person:{key(mention.name)}" if split else f"person:{person_key(mention.name)}"
        node_of[signature] = node
        unions.add(node)
        order = "same" if tokens == tuple(sorted(tokens)) else "any"
        reasons.append((node, mention.name, "user_split" if split else "same_name_tokens",
                        {"name_tokens": " ".join(sorted(tokens)), "order": order}))
        if len(tokens) > 1 and not split:
            full[node].append(mention)
    for signature, mention in people:
        tokens = person_tokens(mention.name)
        if len(tokens) != 1 or key(mention.name) in split_keys:
            continue
        org_node = node_of.get(mention.org.signature) if mention.org else None
        candidates = set()
        for node, fulls in full.items():
            for other in fulls:
                other_tokens = person_tokens(other.name)
                other_org = node_of.get(other.org.signature) if other.org else None
                if tokens[0] not in (other_tokens[0], other_tokens[-1]):
                    continue
                if org_node is None or other_org is None or unions.root(org_node) != unions.root(other_org):
                    continue
                if title_key(mention.title) != title_key(other.title):
                    continue
                candidates.add(unions.root(node))
        if len(candidates) == 1:
            target = candidates.pop()
            unions.union(node_of[signature], target)
            reasons.append((node_of[signature], mention.name, "short_form",
                            {"name": "first_or_last_word", "org": "same", "title": "same", "candidates": 1,
                             "joined": target}))


def _user_merges(user: list[UserDecision], unique: dict[tuple[Any, ...], Mention],
                 node_of: dict[tuple[Any, ...], str], unions: _Unions,
                 reasons: list[tuple[str, str, str, dict[str, Any]]]) -> None:
    for decision in user:
        if decision.action != "merge" or not decision.other:
            continue
        left = _nodes_named(decision.name, unique, node_of)
        right = _nodes_named(decision.other, unique, node_of)
        for a in left:
            for b in right:
                unions.union(a, b)
        if left and right:
            reasons.append((sorted(left)[0], decision.other, "user_merge",
                            {"merged_with": decision.name, "by": "user"}))


def _nodes_named(name: str, unique: dict[tuple[Any, ...], Mention], node_of: dict[tuple[Any, ...], str]) -> set[str]:
    wanted = {key(name), person_key(name)}
    return {node_of[sig] for sig, m in unique.items()
            if sig in node_of and (key(m.name) in wanted or (m.kind == "person" and person_key(m.name) in wanted))}


def _collect(unique: dict[tuple[Any, ...], Mention], node_of: dict[tuple[Any, ...], str], unions: _Unions,
             reasons: list[tuple[str, str, str, dict[str, Any]]], entries: dict[str, Any]) -> Resolution:
    entity_of = {sig: unions.root(node) for sig, node in node_of.items()}
    surfaces: dict[str, list[Mention]] = defaultdict(list)
    for sig, entity_id in entity_of.items():
        surfaces[entity_id].append(unique[sig])
    entities: dict[str, Entity] = {}
    for entity_id, members in surfaces.items():
        entry = entries.get(entity_id)
        if entry is not None:
            name, kind, country = entry.name, entry.kind, entry.country
        else:
            best = max(members, key=lambda m: (len(person_tokens(m.name)) if m.kind == "person" else 0,
                                               len(m.name), m.name))
            name, kind, country = best.name, best.kind, best.country
        names = {m.name for m in members} | (set(entry.names) if entry is not None else set())
        entities[entity_id] = Entity(entity_id, name, kind, country, entry.key if entry else None, names)
    decisions = sorted({(unions.root(node), name, rule, repr(sorted(features.items()))): MergeDecision(
        unions.root(node), name, rule, features) for node, name, rule, features in reasons}.values(),
        key=lambda d: (d.entity_id, d.name, d.rule))
    return Resolution(entity_of, entities, decisions)
