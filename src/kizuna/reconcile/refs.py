"""Where the entity references sit inside each contract record type.

``mentions_in(fact)`` lists ``(path, Mention)`` pairs: ``subject``, ``participants.1``,
``participants.1.org``, ``parties.0``… Facts keep the name their article used; the path lets
the engine attach the resolved entity id next to it.
"""
from __future__ import annotations

import json
from typing import Any

from .entities import Mention

REF_FIELDS: dict[str, tuple[str, ...]] = {
    "statistic": ("subject", "target"),
    "meeting": ("location",),
    "agreement": (),
    "investment": ("investor", "origin", "host"),
    "role": ("org",),
    "sector_interest": ("actor",),
    "succession": ("predecessor", "successor"),
}


def ref_mention(ref: dict[str, Any] | None) -> Mention | None:
    """A contract entity reference as a mention (None stays None)."""
    if not ref or not ref.get("name"):
        return None
    return Mention(ref["name"], ref.get("kind") or "organisation", ref.get("country"))


def person_mention(name: str | None, title: str | None, org: dict[str, Any] | None,
                   country: str | None) -> Mention | None:
    """A person with the title and organisation the article gave."""
    if not name:
        return None
    org_mention = ref_mention(org)
    if org_mention is not None and org_mention.name == name:
        return None  # a participant that is an organisation, not a person
    return Mention(name, "person", country, title, org_mention)


def mentions_in(fact: dict[str, Any]) -> list[tuple[str, Mention]]:
    """Every entity mention of one fact with its path."""
    out: list[tuple[str, Mention]] = []
    for field_name in REF_FIELDS.get(fact.get("type", ""), ()):
        mention = ref_mention(fact.get(field_name))
        if mention is not None:
            out.append((field_name, mention))
    if fact.get("type") == "agreement":
        for index, party in enumerate(fact.get("parties") or []):
            mention = ref_mention(party)
            if mention is not None:
                out.append((f"parties.{index}", mention))
    if fact.get("type") == "meeting":
        for index, participant in enumerate(fact.get("participants") or []):
            org = ref_mention(participant.get("org"))
            if org is not None:
                out.append((f"participants.{index}.org", org))
            person = person_mention(participant.get("name"), participant.get("title"),
                                    participant.get("org"), participant.get("country"))
            if person is not None:
                out.append((f"participants.{index}", person))
    if fact.get("type") == "role":
        person = person_mention(fact.get("person"), fact.get("title"), fact.get("org"), fact.get("country"))
        if person is not None:
            out.append(("person", person))
    return out


def mention_key(mention: Mention) -> str:
    """A stable text key of a mention's signature (what resolution tells mentions apart by)."""
    return repr(mention.signature)


def mention_to_json(mention: Mention) -> str:
    """A mention as JSON, to be cached and read back with ``mention_from_json``."""
    return json.dumps(_mention_dict(mention), ensure_ascii=False, sort_keys=True)


def _mention_dict(mention: Mention) -> dict[str, Any]:
    return {"name": mention.name, "kind": mention.kind, "country": mention.country, "title": mention.title,
            "org": _mention_dict(mention.org) if mention.org else None}


def mention_from_json(text: str) -> Mention:
    return _mention_from_dict(json.loads(text))


def _mention_from_dict(data: dict[str, Any]) -> Mention:
    org = _mention_from_dict(data["org"]) if data.get("org") else None
    return Mention(data["name"], data["kind"], data.get("country"), data.get("title"), org)


def entity_ids_in(value: Any, found: set[str]) -> set[str]:
    """Every ``entity_id`` inside a reconciled fact (its sources and match reasons excluded)."""
    if isinstance(value, dict):
        if isinstance(value.get("entity_id"), str):
            found.add(value["entity_id"])
        for name, inner in value.items():
            if name not in ("sources", "match_reasons"):
                entity_ids_in(inner, found)
    elif isinstance(value, list):
        for inner in value:
            entity_ids_in(inner, found)
    return found
