"""Entities stage: mentions, in-document linking, then knowledge-base resolution."""

from __future__ import annotations

from newsledger.document import Document
from newsledger.store.base import Store


def find(doc: Document) -> Document:
    """Fill `doc.mentions` and `doc.entities` (local ids) from `doc.nlp`."""
    return doc


def resolve(docs: list[Document], store: Store) -> None:
    """Give every entity a global knowledge-base id (inside the batch's transaction)."""
