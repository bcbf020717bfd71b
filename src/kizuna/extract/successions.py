"""Extractor: succession records — an organisation or locality that became another, as the
text states it:

- "the Ministry of Finance (formerly the Ministry of Planning and Investment, merged in March
  2025)" → predecessor MPI, successor MoF, merged, 2025-03;
- "Bac Giang province, now part of Bac Ninh" → merged;
- "following the merger of Quang Nam and Da Nang" / "A and B merged into C" → merged (the
  successor is named, or the gazetteer says which of the two the other became part of);
- "A was renamed B", "B (renamed from A)" → renamed.

The date is the one the clause states, else the gazetteer's date for that succession.
"""
from __future__ import annotations

import re

from ..gazetteer import Entry, Mention
from ..records import EntityRef, Evidence, Record, Succession
from ..text import Span
from . import Article
from .context import ref, resolve_date

_FORMERLY = re.compile(r"\s*\(\s*(?:formerly|previously|former(?:ly)?\s+known\s+as|renamed\s+from)\s+(?:the\s+)?"
                       r"(?P<pred>[^,;)]+?)\s*(?:,\s*(?P<rest>[^)]*))?\)")
_NOW_PART = re.compile(r"^(?:\s+(?:province|city|prefecture))?\s*,?\s+(?:which\s+is\s+|which\s+has\s+)?now\s+(?:a\s+)?part\s+of\s+(?:the\s+)?(?:new\s+)?$")
_MERGER = re.compile(r"\bmerg(?:er|ing)\s+of\s+(?:the\s+)?(?:\w+\s+){0,2}$")
_MERGED_INTO = re.compile(r"^\s+(?:province\s+|provinces\s+)?(?:was|were|has\s+been|have\s+been|had\s+been)?\s*merged\s+(?:into|with)\s+(?:the\s+)?(?:new\s+)?$")
_RENAMED = re.compile(r"^\s+(?:was|has\s+been|had\s+been)\s+renamed\s+(?:as\s+|to\s+)?(?:the\s+)?$")
_AND = re.compile(r"^\s*(?:province\s+|city\s+)?(?:,|and|,\s*and)\s+$")


def extract(article: Article) -> list[Record]:
    """Succession records stated in the article, one per predecessor and successor."""
    records: list[Succession] = []
    seen: set[tuple[str, str]] = set()
    for span in article.sentences:
        for record in _sentence(article, span):
            key = (record.predecessor.name, record.successor.name)
            if key not in seen and key[0] != key[1]:
                seen.add(key)
                records.append(record)
    return list(records)


def _sentence(article: Article, span: Span) -> list[Succession]:
    text = article.text
    mentions = [m for m in article.mentions_in(span.start, span.end) if m.form == "name"]
    found: list[Succession] = []
    for index, mention in enumerate(mentions):
        formerly = _FORMERLY.match(text, mention.end, span.end)
        if formerly:
            name = re.split(r"\s+(?:merged|renamed|until|before|which)\b", formerly.group("pred"))[0].strip()
            known = article.gazetteer.lookup(name)
            predecessor = ref(known) if known else EntityRef(name, mention.entry.kind, mention.entry.country)
            rest = formerly.group("rest") or ""
            kind = "renamed" if "renamed" in rest or "renamed" in formerly.group(0)[:20] else "merged"
            date = resolve_date(rest, article.published) or _known_date(known, mention.entry)
            found.append(_record(article, span, predecessor, ref(mention.entry), kind, date))
            continue
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if following is None:
            continue
        between = text[mention.end:following.start]
        if _NOW_PART.match(between):
            found.append(_merged(article, span, mention.entry, following.entry))
        elif _MERGED_INTO.match(between):
            found.append(_merged(article, span, mention.entry, following.entry))
            if index > 0 and _AND.match(text[mentions[index - 1].end:mention.start]):
                found.append(_merged(article, span, mentions[index - 1].entry, following.entry))
        elif _RENAMED.match(between):
            found.append(_record(article, span, ref(mention.entry), ref(following.entry), "renamed",
                                 resolve_date(span.text, article.published)))
        elif _AND.match(between) and _MERGER.search(text[max(span.start, mention.start - 40):mention.start]):
            found.extend(_merger_pair(article, span, mention, following))
    return found


def _merger_pair(article: Article, span: Span, first: Mention, second: Mention) -> list[Succession]:
    """"the merger of A and B [into C]": C if named, else whichever the gazetteer says absorbed the other."""
    into = re.match(r"\s+into\s+(?:the\s+)?(?:new\s+)?", article.text[second.end:span.end])
    if into:
        target = next((m for m in article.mentions_in(second.end, span.end) if m.start == second.end + into.end()), None)
        if target is not None:
            return [_merged(article, span, first.entry, target.entry), _merged(article, span, second.entry, target.entry)]
    for predecessor, successor in ((first.entry, second.entry), (second.entry, first.entry)):
        if predecessor.successor == successor.key:
            return [_merged(article, span, predecessor, successor)]
    return []


def _merged(article: Article, span: Span, predecessor: Entry, successor: Entry) -> Succession:
    date = resolve_date(span.text, article.published) or _known_date(predecessor, successor)
    return _record(article, span, ref(predecessor), ref(successor), "merged", date)


def _known_date(predecessor: Entry | None, successor: Entry) -> str | None:
    if predecessor is not None and predecessor.successor == successor.key:
        return predecessor.successor_since
    return None


def _record(article: Article, span: Span, predecessor: EntityRef, successor: EntityRef, kind: str,
            date: str | None) -> Succession:
    return Succession(doc=article.doc_id, evidence=Evidence(span.start, span.end, span.text), confidence=0.85,
                      extractor="successions", predecessor=predecessor, successor=successor, kind=kind, date=date)
