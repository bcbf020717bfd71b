"""Page furniture is marked as spans; the text is never changed; article sentences are never marked."""
from __future__ import annotations

from kizuna.reading.furniture import furniture_spans


def marked(text: str, title: str | None = None) -> list[str]:
    return [text[start:end].strip() for start, end in furniture_spans(text, title)]


def test_skip_share_print_and_related_links() -> None:
    text = ("Skip to content\n\nJapan tops FDI in Bac Ninh\n\nJapanese firms invested more in 2024.\n\n"
            "Share on Facebook\nPrint\nRelated news\nTags: FDI, Japan\nLatest\n")
    assert marked(text) == ["Skip to content", "Share on Facebook", "Print", "Related news", "Tags: FDI, Japan", "Latest"]


def test_image_descriptions_and_repeated_title() -> None:
    title = "Vietnam courts Japan's top investors"
    text = (f"{title}\n\nThe image shows an old banknote with writing on it.\nIllustrative photo\n\n{title}\n\n"
            "Vietnam is bolstering economic ties with Japan.")
    assert marked(text, title) == ["The image shows an old banknote with writing on it.", "Illustrative photo", title]


def test_caption_run_into_the_first_paragraph_is_cut_at_the_photo_credit() -> None:
    text = ("Prime Minister Pham Minh Chinh (R) and Governor Shiota Koichi in Hanoi on July 10. (Photo: VNA) "
            "Hanoi (VNA) - Prime Minister Pham Minh Chinh received Governor Shiota Koichi in Hanoi on July 10.")
    (span,) = furniture_spans(text)
    assert text[span[0]:span[1]].endswith("(Photo: VNA)")
    assert text[span[1]:].strip().startswith("Hanoi (VNA) - Prime Minister")


def test_source_credit_and_position_captions() -> None:
    text = ("Illustrative image (Source: vinakyoeisteel)\n\nBa Ria – Vung Tau is drawing investment from Japan.\n\n"
            "Perspective of the Meitoku Engineering factory (Source: Internet)\n\n"
            "Minister Nguyen Van Thang (right) receives Governor Kuroiwa Yuji\n")
    assert len(marked(text)) == 3


def test_caption_that_repeats_the_body_without_a_mark() -> None:
    text = ("Fostering collaboration between Bac Ninh and Kanagawa\n\n"
            "Mr. Nguyen Anh Tuan, Secretary of the Bac Ninh Provincial Party Committee, held discussions "
            "with Mr. Kuroiwa Yuji, Governor of Kanagawa Prefecture, on cooperation.\n\n"
            "Bac Ninh Provincial Party Committee Secretary Nguyen Anh Tuan discusses cooperation with Governor Kuroiwa Yuji\n\n"
            "Secretary Tuan presented the achievements of Bac Ninh.")
    assert marked(text) == ["Bac Ninh Provincial Party Committee Secretary Nguyen Anh Tuan discusses cooperation with "
                            "Governor Kuroiwa Yuji"]


def test_article_sentences_and_headline_are_not_furniture() -> None:
    text = ("Japan remains Quang Ninh's second largest investor\n\n"
            "The vice chairman said Japan had 38 valid projects worth more than US$1.2 billion (Source: GSO).\n\n"
            "Sharing experience in food safety is a priority, he said.\n\n"
            "Japanese investors said they will expand, with sources saying more is to come in 2025.")
    assert marked(text) == []


def test_spans_slice_the_text_exactly() -> None:
    text = "Skip to content\r\n\r\nBody sentence here.\r\nShare\r\n"
    for start, end in furniture_spans(text):
        assert 0 <= start < end <= len(text)
        assert text[start:end].strip() in {"Skip to content", "Share"}
