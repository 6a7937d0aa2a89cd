"""Knowledge-base tables (entities, aliases, blocking keys, roles, merges) for SQLite.

Placeholder: the entities work replaces this module. `SQLiteStore` mixes it in.
"""

from __future__ import annotations

import sqlite3

from newsledger.store.base import KBEntity


class KBTables:
    """Entity knowledge base on `self.conn`."""

    conn: sqlite3.Connection

    def entity_candidates(self, keys: set[str]) -> list[KBEntity]:
        return []

    def upsert_entity(self, entity: KBEntity, keys: set[str], reason: str | None) -> str:
        return entity.id

    def canonical_entity_id(self, entity_id: str) -> str:
        return entity_id
