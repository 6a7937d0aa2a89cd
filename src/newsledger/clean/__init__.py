"""Clean stage: keep the article, drop navigation, widgets, captions and teasers.

HTML goes through trafilatura (see `html`); plain-text dumps, which have no markup
left to go by, through a block classifier of our own (see `textdump`).
"""

from __future__ import annotations

from newsledger.clean.html import clean_html
from newsledger.clean.textdump import clean_text
from newsledger.document import Document


def clean(doc: Document) -> Document:
    """Fill `doc.body` from `doc.text`: the article only, paragraphs split by blank lines."""
    text = doc.text or ""
    doc.body = clean_html(text) if doc.kind == "html" else clean_text(text)
    if text.strip() and not doc.body:
        doc.notes.append("no article text found: body is empty")
    return doc
