"""Metadata stage: title, published date, outlet, dateline and language of a document."""

from __future__ import annotations

from newsledger.document import Document


def extract(doc: Document) -> Document:
    """Fill title, published, outlet, dateline and language."""
    doc.language = doc.language or "en"
    return doc
