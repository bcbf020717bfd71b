"""HTML pages: main text with trafilatura, title and date from the page's metadata."""
from __future__ import annotations

import re
from datetime import datetime

from ..document import Document
from ..errors import InputError

MIN_WORDS = 10  # fewer words than this is not an article (broken markup, an index page)


def read_html(origin: str, name: str, html: str, now: datetime | None = None) -> Document:
    """The article in an HTML page; ``InputError`` when no article text can be found."""
    import trafilatura  # heavy import, only when a page is read
    from trafilatura.settings import use_config

    from .build import make_document

    if not re.search(r"<\s*(?:html|body|p|div|article|h1)\b", html[:100_000], re.IGNORECASE):
        raise InputError(origin, "malformed HTML: no <html>, <body> or paragraph markup found")
    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True,
                                   deduplicate=False, config=config)  # its dedup cache is process-wide
        meta = trafilatura.extract_metadata(html)
    except Exception as error:  # lxml and trafilatura raise many kinds on broken markup; reported, not hidden
        raise InputError(origin, f"malformed HTML ({type(error).__name__}: {error})") from None
    if not text or len(text.split()) < MIN_WORDS:
        raise InputError(origin, "malformed HTML or no article text found in the page")
    return make_document(name, text, origin=origin, title=meta.title if meta else None,
                         url=meta.url if meta else None, source=meta.sitename if meta else None,
                         published=meta.date if meta else None, now=now)
