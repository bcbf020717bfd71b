"""Every extractor on text shaped like news but scrambled: no exception, and exact provenance.

Hypothesis assembles sentences from fragments of the kinds the rules key on (money, counts,
dates, ranks, places in several spellings, titles, names, agreement and project words) mixed
with punctuation, line breaks and odd characters. Whatever the order, ``extract_document``
must not raise, and each record's evidence must slice the document text exactly.
"""
from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kizuna.document import Document
from kizuna.extract.registry import extract_document
from kizuna.gazetteer import default

FRAGMENTS = (
    # figures, money and ranks
    "5,681", "$78.9 billion", "US$1.67 billion", "USD34.6 million", "$35-million", "76.76 billion USD",
    "VND4,927 billion", "1.2 trillion yen", "¥500 billion", "430,000-strong", "2.9 per cent", "2.9%", "fourth",
    "31st", "third-largest", "2012-13", "1,988 new projects", "active projects", "registered capital",
    "two-way trade", "technical interns", "more than", "nearly", "at least", "surpassed", "up 12% year-on-year",
    "the largest investor", "followed by", "among 150 countries and territories", "of which", "accounting for",
    # periods
    "as of October 31", "as of the end of the second quarter this year", "in the first 10 months of 2025",
    "last year", "this year", "so far", "since 2014", "as of late October", "over the past 30 years", "H1",
    "in fiscal 2024", "by mid-2030", "on Monday", "on November 18", "January–September",
    # places, countries, organisations, people
    "Japan", "Japanese", "Vietnam", "Việt Nam", "Đà Nẵng", "Da Nang", "Ha Noi", "Hà Nội", "HCM City", "Saigon",
    "Bac Ninh province", "Gunma prefecture", "Kanagawa-ken", "Chiba City", "the city of Osaka", "South Korea",
    "RoK", "Japan's", "Vietnam's", "the Ministry of Planning and Investment", "JETRO", "JICA", "MOFA",
    "Toyota Motor Vietnam", "Aeon Mall Co., Ltd", "Sojitz Corp.", "the company", "its", "it", "they",
    "Chairman of the People's Committee", "Governor", "Mr.", "Ms", "Prime Minister", "Ambassador", "counterpart",
    "for his part", "Kuroiwa Yuji", "Yuji Kuroiwa", "Nguyễn Văn Thắng", "Nguyen Van Thang", "-san",
    # events, agreements, projects, sectors
    "received", "met", "held talks with", "visited", "paid a courtesy call on", "signed", "a memorandum of "
    "understanding", "MoU", "proposed", "agreed to sign", "broke ground", "inaugurated", "a $168 million resort",
    "a factory", "investment certificate", "interested in", "semiconductors, renewable energy and high-tech "
    "agriculture", "merged into", "was appointed as", "succeeded",
    # glue and noise
    "the", "and", "of", "in", "to", "with", "at", "by", "a", "for", "from", "which", "while",
    ",", ".", ";", ":", "(", ")", "\"", "'", "’s", "–", "—", "-", "/", "\n", "  ", "\u00a0", "?", "!", "...",
    "é", "Đ", "日本", "ベトナム", "\t",
)

fragment_text = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=60).map(" ".join)
published = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=fragment_text, when=published)
def test_scrambled_news_never_raises_and_keeps_exact_evidence(text: str, when: date | None) -> None:
    document = Document("fuzz", text, published=when)
    for record in extract_document(document, default()):
        evidence = record.evidence
        assert 0 <= evidence.start < evidence.end <= len(text)
        assert text[evidence.start:evidence.end] == evidence.text, record


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(min_size=0, max_size=400), when=published)
def test_arbitrary_unicode_never_raises(text: str, when: date | None) -> None:
    document = Document("fuzz", text, published=when)
    for record in extract_document(document, default()):
        assert text[record.evidence.start:record.evidence.end] == record.evidence.text
