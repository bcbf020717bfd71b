"""HTML pages: main text with trafilatura, title and date from the page's metadata."""
from __future__ import annotations

from datetime import datetime

from ..document import Document
from ..errors import InputError


def read_html(origin: str, name: str, html: str, now: datetime | None = None) -> Document:
    """The article in an HTML page; ``InputError`` when no article text can be found."""
    import trafilatura  # heavy import, only when a page is read
    from trafilatura.settings import use_config

    from . import make_document

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True,
                                   deduplicate=True, config=config)
        meta = trafilatura.extract_metadata(html)
    except Exception as error:  # trafilatura raises many kinds on broken markup
        raise InputError(origin, f"malformed HTML ({type(error).__name__})") from None
    if not text or not text.strip():
        raise InputError(origin, "no article text found in the HTML page")
    title = meta.title if meta else None
    published = meta.date if meta else None
    return make_document(name, text, origin=origin, title=title, url=meta.url if meta else None,
                         source=meta.sitename if meta else None, published=published, now=now)
