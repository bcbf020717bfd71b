"""The analysed article (``kizuna.extract``): derived data computed once and shared."""
from dataclasses import replace

from kizuna.document import Document
from kizuna.extract import Article, analyse, per_article
from kizuna.extract.tokens import tokenize
from kizuna.gazetteer import default
from kizuna.text import fold

from ._articles import article

TEXT = ("HÀ NỘI — Minister Nguyễn Văn Thắng received Governor Kuroiwa Yuji of Kanagawa prefecture in Hà Nội on "
        "Monday. Japan’s Chiba and Đà Nẵng signed a deal. The two sides agreed to boost trade between Vietnam and "
        "Japan, Osaka and Hải Phòng.")


def _naive(art: Article, start: int, end: int) -> list:
    return [m for m in art.mentions if m.start >= start and m.end <= end]


def test_folded_text_is_the_fold_of_the_whole_text() -> None:
    art = article(TEXT)
    assert art.folded == fold(TEXT)
    assert art.folded is art.folded
    assert art.folded[3:9] == fold(TEXT[3:9])


def test_tokens_of_a_sentence_are_computed_once_and_equal_tokenize() -> None:
    art = article(TEXT)
    span = art.sentences[0]
    tokens = art.tokens(span.start, span.end)
    assert tokens == tokenize(TEXT, span.start, span.end)
    assert art.tokens(span.start, span.end) is tokens
    assert [t.low for t in tokens][:4] == ["ha", "noi", "-", "minister"]


def test_mentions_in_matches_a_scan_of_every_mention() -> None:
    art = article(TEXT)
    assert len(art.mentions) >= 6
    stretches = [(start, end) for start in range(0, len(TEXT), 7)
                 for end in (start, start + 5, start + 40, start + 120, len(TEXT))]
    stretches += [(m.start + da, m.end + db) for m in art.mentions for da in (-1, 0, 1) for db in (-1, 0, 1)]
    for start, end in stretches:
        assert art.mentions_in(start, end) == _naive(art, start, end)
    assert all(art.mentions_in(m.start, m.end) == [m] for m in art.mentions)


def test_mentions_in_works_when_mentions_are_not_in_text_order() -> None:
    art = article(TEXT)
    shuffled = Article(art.document, art.gazetteer, art.sentences, tuple(reversed(art.mentions)))
    for start, end in ((0, len(TEXT)), (10, 90), (60, 200)):
        assert shuffled.mentions_in(start, end) == _naive(shuffled, start, end)


def test_per_article_computes_once_per_article() -> None:
    calls: list[str] = []

    @per_article
    def sentence_count(art: Article) -> int:
        calls.append(art.doc_id)
        return len(art.sentences)

    first, second = article(TEXT, doc_id="a"), article(TEXT, doc_id="b")
    assert sentence_count(first) == sentence_count(first) == 3
    assert sentence_count(second) == 3
    assert calls == ["a", "b"]


def test_memo_is_private_to_each_article() -> None:
    document = Document("d", TEXT)
    one, two = analyse(document, default()), analyse(document, default())
    one.tokens(0, 20)
    assert one == two
    assert ("tokens", 0, 20) not in two.memo.values
    changed = replace(one, sentences=one.sentences[:1])  # derived data never leaks into a changed copy
    assert changed.memo is not one.memo and not changed.memo.values



def test_sentence_at_finds_the_sentence_holding_an_offset() -> None:
    text = "Japan invests. Vietnam grows fast."
    analysed = article(text)
    assert analysed.sentence_at(0) == 0
    assert analysed.sentence_at(text.index("grows")) == 1
    assert analysed.sentence_at(text.index(" Vietnam")) is None  # the space between sentences
