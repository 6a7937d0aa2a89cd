"""The one interface every storage backend implements.

Stages never talk SQL: the pipeline hands a batch of finished `Document`s to
`Store.save_batch`, and the CLI reads through the query methods. A PostgreSQL
backend or a distributed runner implements this class and nothing else changes.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

from newsledger.document import Document, Failure


class StoreError(Exception):
    """The database cannot be used (not a database, locked, newer schema): one line for the user."""


@dataclass
class SaveResult:
    """What happened to one document of a batch."""

    doc_id: str
    status: str  # "new" | "known" (same content already stored) | "near_duplicate"
    duplicate_of: str | None = None


@dataclass
class KBEntity:
    """A knowledge-base entity as the resolver sees it."""

    id: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    country: str | None = None
    sector: str | None = None
    roles: list[dict[str, Any]] = field(default_factory=list)
    context: set[str] = field(default_factory=set)  # ids of co-occurring entities


@dataclass
class StoredEvent:
    """An event as the index holds it: enough to group reports into stories and to query."""

    doc_id: str
    index: int  # position in the document's event list
    type: str
    actor: list[str]  # global entity ids
    recipient: list[str]
    negated: bool
    date: str | None
    story: str | None
    attributed_to: str | None = None


class Store(ABC):
    """Documents, failures, knowledge-base entities and events behind one interface."""

    # --- lifecycle -------------------------------------------------------
    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """One batch = one transaction: a kill mid-batch loses only that batch."""

    # --- documents -------------------------------------------------------
    @abstractmethod
    def known(self, doc: Document) -> str | None:
        """doc_id of a stored document with the same raw bytes or cleaned text, else None."""

    @abstractmethod
    def save_batch(self, docs: list[Document], replace: bool = False) -> list[SaveResult]:
        """Store documents (with their entities and events); near-duplicates are linked.

        With `replace` (used by `reprocess`), a document already stored under the same
        doc_id has its derived fields (body, metadata, entities, events) overwritten.
        """

    @abstractmethod
    def record_failure(self, failure: Failure) -> None: ...

    @abstractmethod
    def documents(self) -> Iterator[Document]:
        """Every stored document with all its fields, in ingest order (for export)."""

    @abstractmethod
    def raw_documents(self) -> Iterator[Document]:
        """Stored documents reduced to what a reader produced (for `reprocess`)."""

    @abstractmethod
    def stats(self) -> dict[str, Any]: ...

    # --- knowledge base --------------------------------------------------
    @abstractmethod
    def entity_candidates(self, keys: set[str]) -> list[KBEntity]:
        """Entities sharing at least one blocking key: resolution never scans the KB."""

    @abstractmethod
    def upsert_entity(self, entity: KBEntity, keys: set[str], reason: str | None) -> str:
        """Create (empty id) or extend an entity; returns its global id."""

    @abstractmethod
    def canonical_entity_id(self, entity_id: str) -> str:
        """Follow analyst merges: the id an old id now lives under."""

    # --- events ------------------------------------------------------------
    @abstractmethod
    def story_candidates(
        self, entity_ids: set[str], since: str | None, until: str | None
    ) -> list[StoredEvent]:
        """Stored events with a participant among `entity_ids`, dated within [since, until]."""

    @abstractmethod
    def query_events(
        self,
        *,
        type: str | None = None,
        actor: str | None = None,
        recipient: str | None = None,
        since: str | None = None,
        until: str | None = None,
        negated: bool | None = None,
        attributed_to: str | None = None,
        limit: int | None = None,
    ) -> Iterator[tuple[Document, int]]:
        """Documents and the index of each matching event; names match any alias of an entity."""
