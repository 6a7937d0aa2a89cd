"""The event index (migration 0003): events by type, date, participant and source.

Names are matched two ways, so queries work with or without a knowledge base:
(1) through the KB's `kb_aliases(entity_id, alias, norm)` when present, giving
every alias the resolver or an analyst added, plus the ids merged into those
entities (`kb_entities.merged_into`); (2) always, through `doc_entity_name`,
the names and aliases each document itself wrote for its entities. Matching is
by whole name: case-insensitive (casefold) for (2), the KB's `norm` for (1).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from newsledger.document import Document
from newsledger.store.base import StoredEvent
from newsledger.store.codec import safe

SPECIAL_SOURCES = ("sources", "outlet")
MAX_MERGE_DEPTH = 10  # merge chains (A into B into C) followed when matching ids


def index_document(conn: sqlite3.Connection, doc: Document) -> None:
    """Replace the index rows of `doc` with its current events and entity names."""
    doc_id = doc.doc_id
    unindex_document(conn, doc_id)
    names = {
        (name.casefold(), entity.local_id)
        for entity in doc.entities
        for name in [entity.name, *entity.aliases]
        if name and name.strip()
    }
    conn.executemany(
        "INSERT OR IGNORE INTO doc_entity_name (name, doc_id, local_id) VALUES (?, ?, ?)",
        [(safe(name), doc_id, safe(local)) for name, local in names],
    )
    for idx, event in enumerate(doc.events):
        attributed = event.attributed_to
        local = attributed if attributed and attributed not in SPECIAL_SOURCES else None
        conn.execute(
            "INSERT INTO event (doc_id, idx, type, negated, date, story, attributed_to,"
            " attributed_local) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc_id,
                idx,
                safe(event.type),
                int(bool(event.negated)),
                safe(event.date or doc.published),
                safe(event.story),
                safe(_global_id(doc, local) if local else attributed),
                safe(local),
            ),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO event_participant (doc_id, idx, role, local_id, entity_id)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (doc_id, idx, role, safe(local_id), safe(_global_id(doc, local_id)))
                for role, ids in (("actor", event.actor), ("recipient", event.recipient))
                for local_id in ids
            ],
        )


def unindex_document(conn: sqlite3.Connection, doc_id: str) -> None:
    conn.execute("DELETE FROM event_participant WHERE doc_id = ?", (doc_id,))
    conn.execute("DELETE FROM event WHERE doc_id = ?", (doc_id,))
    conn.execute("DELETE FROM doc_entity_name WHERE doc_id = ?", (doc_id,))


def _global_id(doc: Document, local_id: str) -> str | None:
    """The KB id of a local entity; an id that is not local is taken as already global."""
    entity = doc.entity(local_id)
    if entity is None:
        return local_id
    return entity.kb_id


def date_clause(column: str, since: str | None, until: str | None) -> tuple[str, list[Any]]:
    """Inclusive bounds on ISO dates of any precision ('2024', '2024-03', '2024-03-05')."""
    parts, params = [], []
    if since:
        parts.append(f"{column} >= ?")
        params.append(since)
    if until:
        parts.append(f"substr({column}, 1, length(?)) <= ?")
        params.extend([until, until])
    return " AND ".join(parts), params


def story_candidates(
    conn: sqlite3.Connection,
    entity_ids: Iterable[str],
    since: str | None,
    until: str | None,
    canonical: Callable[[str], str],
) -> list[StoredEvent]:
    ids = sorted(with_merged(conn, set(entity_ids)))
    if not ids:
        return []
    dates, params = date_clause("e.date", since, until)
    rows = conn.execute(
        "WITH hit AS (SELECT DISTINCT p.doc_id, p.idx FROM event_participant p"
        " JOIN event e ON e.doc_id = p.doc_id AND e.idx = p.idx"
        " WHERE p.entity_id IN (SELECT value FROM json_each(?))"
        + (f" AND {dates}" if dates else "")
        + ") SELECT e.doc_id, e.idx, e.type, e.negated, e.date, e.story, e.attributed_to,"
        " p.role, p.entity_id FROM hit JOIN event e ON e.doc_id = hit.doc_id AND e.idx = hit.idx"
        " LEFT JOIN event_participant p ON p.doc_id = e.doc_id AND p.idx = e.idx"
        " ORDER BY e.doc_id, e.idx, p.role, p.local_id",
        [json.dumps(ids), *params],
    )
    events: dict[tuple[str, int], StoredEvent] = {}
    for row in rows:
        key = (row["doc_id"], row["idx"])
        event = events.get(key)
        if event is None:
            event = events[key] = StoredEvent(
                doc_id=row["doc_id"],
                index=row["idx"],
                type=row["type"],
                actor=[],
                recipient=[],
                negated=bool(row["negated"]),
                date=row["date"],
                story=row["story"],
                attributed_to=row["attributed_to"],
            )
        if row["entity_id"] is not None:
            getattr(event, row["role"]).append(canonical(row["entity_id"]))
    return list(events.values())


class EventQuery:
    """Builds the SQL of `query_events` from the filters actually given."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.where: list[str] = []
        self.params: list[Any] = []

    def type(self, value: str) -> None:
        self.where.append("e.type = ? COLLATE NOCASE")
        self.params.append(value)

    def negated(self, value: bool) -> None:
        self.where.append("e.negated = ?")
        self.params.append(int(value))

    def dates(self, since: str | None, until: str | None) -> None:
        clause, params = date_clause("e.date", since, until)
        if clause:
            self.where.append(clause)
            self.params.extend(params)

    def participant(self, role: str, name: str) -> None:
        self.where.append(
            "EXISTS (SELECT 1 FROM event_participant p WHERE p.doc_id = e.doc_id"
            " AND p.idx = e.idx AND p.role = ? AND (p.entity_id IN (SELECT value FROM"
            " json_each(?)) OR p.local_id IN (SELECT n.local_id FROM doc_entity_name n"
            " WHERE n.name = ? AND n.doc_id = e.doc_id)))"
        )
        self.params.extend([role, json.dumps(kb_ids_named(self.conn, name)), name.casefold()])

    def attributed(self, name: str) -> None:
        if name.casefold() in SPECIAL_SOURCES:
            self.where.append("e.attributed_to = ?")
            self.params.append(name.casefold())
            return
        self.where.append(
            "(e.attributed_to IN (SELECT value FROM json_each(?)) OR e.attributed_local IN"
            " (SELECT n.local_id FROM doc_entity_name n WHERE n.name = ? AND n.doc_id = e.doc_id))"
        )
        self.params.extend([json.dumps(kb_ids_named(self.conn, name)), name.casefold()])

    def run(self, limit: int | None) -> Iterator[tuple[str, int]]:
        sql = "SELECT e.doc_id, e.idx FROM event e JOIN document d ON d.doc_id = e.doc_id"
        if self.where:
            sql += " WHERE " + " AND ".join(self.where)
        sql += " ORDER BY d.seq, e.idx"
        params = list(self.params)
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        for row in self.conn.execute(sql, params):
            yield row[0], row[1]


def kb_ids_named(conn: sqlite3.Connection, name: str) -> list[str]:
    """KB entity ids that `name` is a name or alias of (and the ids merged into them).

    `name` itself is kept too, so an entity id works wherever a name does.
    """
    ids = {name}
    if _has_columns(conn, "kb_aliases", {"entity_id", "norm"}):
        rows = conn.execute("SELECT entity_id FROM kb_aliases WHERE norm = ?", (_kb_norm(name),))
        ids.update(row[0] for row in rows)
    return sorted(with_merged(conn, ids))


def with_merged(conn: sqlite3.Connection, ids: set[str]) -> set[str]:
    """`ids` plus every id an analyst merged into one of them: the event index keeps
    the id an entity had when its document was saved."""
    if not ids or not _has_columns(conn, "kb_entities", {"id", "merged_into"}):
        return set(ids)
    found, frontier = set(ids), set(ids)
    for _ in range(MAX_MERGE_DEPTH):
        rows = conn.execute(
            "SELECT id FROM kb_entities WHERE merged_into IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(frontier)),),
        )
        frontier = {row[0] for row in rows} - found
        if not frontier:
            break
        found |= frontier
    return found


def _kb_norm(name: str) -> str:
    """The knowledge base's own normal form of a name (how kb_aliases.norm is keyed)."""
    try:
        from newsledger.entities.keys import norm
    except ImportError:  # the entities package without its key functions
        return name.casefold()
    return norm(name)


def _has_columns(conn: sqlite3.Connection, table: str, columns: set[str]) -> bool:
    found = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    return columns <= found
