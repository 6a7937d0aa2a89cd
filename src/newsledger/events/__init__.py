"""Events stage: PLOVER events with actors, recipients, attribution and evidence."""

from __future__ import annotations

from newsledger.document import Document
from newsledger.store.base import Store


def extract(doc: Document) -> Document:
    """Fill `doc.events` from `doc.nlp` and `doc.entities`."""
    return doc


def group_stories(docs: list[Document], store: Store) -> None:
    """Give events that report the same real-world occasion one global story id."""
