"""Typed fact records and their contract shape (``../shared/contract/records.md``).

Every record carries the document it came from, the evidence span that states it, a
confidence and the name of the extractor that made it. ``to_contract()`` gives the exact
JSON-ready dict that ``kizuna extract`` prints and the scorer reads.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

ENTITY_KINDS = ("country", "province", "prefecture", "city", "organisation", "company", "person", "group")
QUALIFIERS = ("exact", "approx", "more_than", "less_than", "at_least")
UNITS = ("count", "USD", "percent", "rank", "persons")  # plus ISO currency codes
MEETING_KINDS = ("reception", "talks", "visit", "event")
PARTICIPANT_ROLES = ("host", "guest", "speaker", "participant")
AGREEMENT_KINDS = ("mou", "moc", "cooperation_agreement", "friendship")
AGREEMENT_STATUSES = ("signed", "proposed", "planned")
INVESTMENT_STATUSES = ("planned", "licensed", "operating", "opened", "expanding")
STANCES = ("seeks", "offers", "interested", "active")
SUCCESSION_KINDS = ("merged", "renamed", "split")
DOMAINS = ("oda", "labour", "investment", "trade", "tourism")


@dataclass(frozen=True)
class Evidence:
    """A span of the document text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_contract(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class EntityRef:
    """A named entity as the contract writes it."""

    name: str
    kind: str
    country: str | None = None
    alt: tuple[str, ...] = ()

    def to_contract(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "kind": self.kind, "country": self.country}
        if self.alt:
            out["alt"] = list(self.alt)
        return out


WORLD = EntityRef("World", "group", None)


@dataclass(frozen=True)
class Period:
    """Start and end dates as ISO strings at the text's precision (``2025``, ``2025-10``, ``2025-10-31``)."""

    start: str | None = None
    end: str | None = None

    def to_contract(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True)
class Participant:
    name: str
    title: str | None = None
    org: EntityRef | None = None
    country: str | None = None
    role: str = "participant"

    def to_contract(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "org": _ref(self.org),
            "country": self.country,
            "role": self.role,
        }


@dataclass(frozen=True)
class Amount:
    value: float
    currency: str = "USD"

    def to_contract(self) -> dict[str, Any]:
        return {"value": self.value, "currency": self.currency}


def _ref(value: Any) -> Any:
    return value.to_contract() if value is not None else None


@dataclass(frozen=True, kw_only=True)
class Record:
    """Fields every fact record has."""

    type: ClassVar[str] = ""
    doc: str
    evidence: Evidence
    confidence: float = 0.8
    extractor: str = ""

    def body(self) -> dict[str, Any]:
        """The type-specific fields in contract shape."""
        raise NotImplementedError

    def to_contract(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type}
        out.update(self.body())
        out["doc"] = self.doc
        out["evidence"] = self.evidence.to_contract()
        out["confidence"] = round(self.confidence, 3)
        return out


@dataclass(frozen=True, kw_only=True)
class Statistic(Record):
    type: ClassVar[str] = "statistic"
    metric: str
    subject: EntityRef | None
    target: EntityRef | None
    value: float
    unit: str
    qualifier: str = "exact"
    period: Period = field(default_factory=Period)
    rank_of: int | None = None
    domain: str | None = None

    def body(self) -> dict[str, Any]:
        out = {
            "metric": self.metric,
            "subject": _ref(self.subject),
            "target": _ref(self.target),
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "period": self.period.to_contract(),
            "rank_of": self.rank_of,
        }
        if self.metric == "partner_rank":
            out["domain"] = self.domain
        return out


@dataclass(frozen=True, kw_only=True)
class Meeting(Record):
    type: ClassVar[str] = "meeting"
    date: str | None
    location: EntityRef | None
    kind: str
    participants: tuple[Participant, ...]
    topics: tuple[str, ...] = ()

    def body(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "location": _ref(self.location),
            "kind": self.kind,
            "participants": [p.to_contract() for p in self.participants],
            "topics": list(self.topics),
        }


@dataclass(frozen=True, kw_only=True)
class Agreement(Record):
    type: ClassVar[str] = "agreement"
    kind: str
    status: str
    parties: tuple[EntityRef, ...]
    date: str | None = None
    topics: tuple[str, ...] = ()

    def body(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "status": self.status,
            "parties": [p.to_contract() for p in self.parties],
            "date": self.date,
            "topics": list(self.topics),
        }


@dataclass(frozen=True, kw_only=True)
class Investment(Record):
    type: ClassVar[str] = "investment"
    investor: EntityRef
    origin: EntityRef | None
    host: EntityRef | None
    site: str | None = None
    project: str | None = None
    amount: Amount | None = None
    sectors: tuple[str, ...] = ()
    year: str | None = None
    status: str = "operating"

    def body(self) -> dict[str, Any]:
        return {
            "investor": self.investor.to_contract(),
            "origin": _ref(self.origin),
            "host": _ref(self.host),
            "site": self.site,
            "project": self.project,
            "amount": _ref(self.amount),
            "sectors": list(self.sectors),
            "year": self.year,
            "status": self.status,
        }


@dataclass(frozen=True, kw_only=True)
class Role(Record):
    type: ClassVar[str] = "role"
    person: str
    title: str
    org: EntityRef | None
    country: str | None
    as_of: str | None = None

    def body(self) -> dict[str, Any]:
        return {
            "person": self.person,
            "title": self.title,
            "org": _ref(self.org),
            "country": self.country,
            "as_of": self.as_of,
        }


@dataclass(frozen=True, kw_only=True)
class SectorInterest(Record):
    type: ClassVar[str] = "sector_interest"
    actor: EntityRef
    stance: str
    sectors: tuple[str, ...]

    def body(self) -> dict[str, Any]:
        return {"actor": self.actor.to_contract(), "stance": self.stance, "sectors": list(self.sectors)}


@dataclass(frozen=True, kw_only=True)
class Succession(Record):
    type: ClassVar[str] = "succession"
    predecessor: EntityRef
    successor: EntityRef
    kind: str = "merged"
    date: str | None = None

    def body(self) -> dict[str, Any]:
        return {
            "predecessor": self.predecessor.to_contract(),
            "successor": self.successor.to_contract(),
            "kind": self.kind,
            "date": self.date,
        }


RECORD_TYPES: dict[str, type[Record]] = {
    cls.type: cls for cls in (Statistic, Meeting, Agreement, Investment, Role, SectorInterest, Succession)
}
