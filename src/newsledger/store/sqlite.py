"""The SQLite backend: one file, WAL mode, one transaction per batch.

A process killed mid-batch loses only the uncommitted batch (WAL keeps the file
consistent); on the next run the stored documents are `known` and skipped.
WAL also lets `stats` or `export` read while an `ingest` writes.

Deduplication, in order of cost: same raw bytes (`doc_id`), raw bytes seen
before as a wrapper of a stored article (`raw_alias`), same cleaned text
(`content_hash`): all three are "known" and add no document; then MinHash LSH
(`dedup.py`): a near-duplicate is stored, with `duplicate_of` naming the
earliest original, but neither its bands nor its events are indexed, so it
never becomes another story.

Failures are recorded per run (one run = one store opened for writing). `stats`
reports the latest run's failures; a failure is deleted once the same source is
stored successfully, so old errors do not linger after they were fixed.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsledger.document import Document, Failure
from newsledger.store import codec, events_index, migrate
from newsledger.store.base import SaveResult, Store, StoredEvent
from newsledger.store.connect import DEFAULT_TIMEOUT, connect, sql_errors
from newsledger.store.dedup import NearDuplicateIndex, dedupable, signature, to_blob
from newsledger.store.sqlite_kb import KBTables

PAGE = 64  # rows fetched per query while streaming documents
LATEST_FAILURES = 20  # failures listed by `stats`
TOP_COUNTS = 25  # languages/outlets listed by `stats`; the rest are summed


def _casefold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


class SQLiteStore(KBTables, Store):
    """Documents, failures, the knowledge base and the event index in one SQLite file."""

    def __init__(
        self, path: str | Path, *, timeout: float = DEFAULT_TIMEOUT, create: bool = True
    ) -> None:
        self.path = str(path)
        self.conn = connect(self.path, timeout=timeout, create=create)
        self._depth = 0
        self._run_id: str | None = None
        try:
            self.conn.create_function("casefold", 1, _casefold, deterministic=True)
            with sql_errors(self.path):
                migrate.upgrade(self.conn, self.path)
        except BaseException:
            self.conn.close()
            raise
        self.near = NearDuplicateIndex(self.conn)

    # --- lifecycle -------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE ... COMMIT; inside another transaction, a savepoint."""
        outer = self._depth == 0 and not self.conn.in_transaction
        name = f"newsledger_{self._depth}"
        with sql_errors(self.path):
            self.conn.execute("BEGIN IMMEDIATE" if outer else f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield
                self.conn.execute("COMMIT" if outer else f"RELEASE {name}")
            except BaseException:
                self._undo(outer, name)
                raise
            finally:
                self._depth -= 1

    def _undo(self, outer: bool, name: str) -> None:
        if not self.conn.in_transaction:
            return  # SQLite already rolled back (e.g. disk full)
        try:
            if outer:
                self.conn.execute("ROLLBACK")
            else:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
        except sqlite3.Error:
            pass  # the original error is the one worth reporting
        if (
            self._run_id
            and not self.conn.execute(
                "SELECT 1 FROM run WHERE run_id = ?", (self._run_id,)
            ).fetchone()
        ):
            self._run_id = None  # its row was rolled back: register it again on the next write

    def _run(self) -> str:
        """This process's run id, registered on its first write."""
        if self._run_id is None:
            run_id = uuid.uuid4().hex
            self.conn.execute(
                "INSERT INTO run (run_id, started_at) VALUES (?, ?)", (run_id, codec.now())
            )
            self._run_id = run_id
        return self._run_id

    # --- documents -------------------------------------------------------
    def known(self, doc: Document) -> str | None:
        doc_id = doc.doc_id
        with sql_errors(self.path):
            if self._stored_seq(doc_id) is not None:
                return doc_id
            alias = self.conn.execute(
                "SELECT doc_id FROM raw_alias WHERE raw_id = ?", (doc_id,)
            ).fetchone()
            if alias:
                return alias[0]
            if dedupable(doc.body):
                return self._same_content(codec.content_hash(doc), doc_id, None)
        return None

    def save_batch(self, docs: list[Document], replace: bool = False) -> list[SaveResult]:
        with self.transaction():
            self._run()
            return [self._save_one(doc, replace) for doc in docs]

    def _save_one(self, doc: Document, replace: bool) -> SaveResult:
        doc_id = doc.doc_id
        seq = self._stored_seq(doc_id)
        if seq is not None and not replace:
            return SaveResult(doc_id, "known")
        if seq is None:
            alias = self.conn.execute(
                "SELECT doc_id FROM raw_alias WHERE raw_id = ?", (doc_id,)
            ).fetchone()
            if alias:
                return SaveResult(alias[0], "known")
        content_hash = codec.content_hash(doc) if dedupable(doc.body) else None
        same = self._same_content(content_hash, doc_id, seq) if content_hash else None
        if same and seq is None:
            self.conn.execute("INSERT OR IGNORE INTO raw_alias VALUES (?, ?)", (doc_id, same))
            return SaveResult(same, "known")
        sig = signature(doc.body)
        if seq is not None:
            self.near.remove(doc_id)
        original = same or (self.near.find(sig, before=seq) if sig is not None else None)
        doc.duplicate_of = self._root(original) if original else None
        self._write(doc, seq, content_hash, None if sig is None else to_blob(sig))
        if doc.duplicate_of is None:
            if sig is not None:
                self.near.add(doc_id, sig)
            events_index.index_document(self.conn, doc)
        else:
            events_index.unindex_document(self.conn, doc_id)
        self.conn.execute("DELETE FROM failure WHERE source = ?", (codec.safe(doc.source),))
        if doc.duplicate_of:
            return SaveResult(doc_id, "near_duplicate", doc.duplicate_of)
        return SaveResult(doc_id, "new")

    def _write(self, doc: Document, seq: int | None, content_hash: str | None, sig: bytes | None):
        fields = codec.derived_fields(doc) | {
            "content_hash": content_hash,
            "duplicate_of": doc.duplicate_of,
            "minhash": sig,
        }
        if seq is None:
            fields |= codec.input_fields(doc) | {"ingested_at": codec.now()}
            names = ", ".join(fields)
            marks = ", ".join("?" for _ in fields)
            sql = f"INSERT INTO document ({names}) VALUES ({marks})"
            self.conn.execute(sql, list(fields.values()))
        else:
            fields["updated_at"] = codec.now()
            sets = ", ".join(f"{name} = ?" for name in fields)
            self.conn.execute(f"UPDATE document SET {sets} WHERE seq = ?", [*fields.values(), seq])

    def _stored_seq(self, doc_id: str) -> int | None:
        row = self.conn.execute("SELECT seq FROM document WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def _same_content(self, content_hash: str, doc_id: str, before: int | None) -> str | None:
        """The earliest other document with this cleaned text (ingested before `before`)."""
        row = self.conn.execute(
            "SELECT doc_id FROM document WHERE content_hash = ? AND doc_id != ?"
            " AND seq < coalesce(?, 9223372036854775807) ORDER BY seq LIMIT 1",
            (content_hash, doc_id, before),
        ).fetchone()
        return row[0] if row else None

    def _root(self, doc_id: str) -> str:
        """Follow duplicate_of links (a reprocessed original may have become a duplicate)."""
        seen = {doc_id}
        while True:
            row = self.conn.execute(
                "SELECT duplicate_of FROM document WHERE doc_id = ?", (doc_id,)
            ).fetchone()
            if not row or not row[0] or row[0] in seen:
                return doc_id
            doc_id = row[0]
            seen.add(doc_id)

    def record_failure(self, failure: Failure) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO failure (run_id, source, reason, skipped, at) VALUES (?, ?, ?, ?, ?)",
                (
                    self._run(),
                    codec.safe(failure.source),
                    codec.safe(failure.reason),
                    int(failure.skipped),
                    codec.now(),
                ),
            )

    def documents(self) -> Iterator[Document]:
        for row in self._rows("*"):
            yield codec.document(row, self.canonical_entity_id)

    def raw_documents(self) -> Iterator[Document]:
        for row in self._rows("seq, source, kind, raw, text, given"):
            yield codec.raw_document(row)

    def document(self, doc_id: str) -> Document | None:
        """One stored document by id (for the CLI and the API)."""
        with sql_errors(self.path):
            row = self.conn.execute("SELECT * FROM document WHERE doc_id = ?", (doc_id,)).fetchone()
        return codec.document(row, self.canonical_entity_id) if row else None

    def _rows(self, columns: str) -> Iterator[sqlite3.Row]:
        """Rows in ingest order, a page at a time: memory stays flat, and the caller may
        write between rows (reprocess) without disturbing an open cursor."""
        with sql_errors(self.path):
            top = self.conn.execute("SELECT coalesce(max(seq), 0) FROM document").fetchone()[0]
            last = 0
            while True:
                rows = self.conn.execute(
                    f"SELECT {columns} FROM document WHERE seq > ? AND seq <= ?"
                    " ORDER BY seq LIMIT ?",
                    (last, top, PAGE),
                ).fetchall()
                if not rows:
                    return
                yield from rows
                last = rows[-1]["seq"]

    def stats(self) -> dict[str, Any]:
        with sql_errors(self.path):
            one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
            total = one("SELECT count(*) FROM document")
            duplicates = one("SELECT count(*) FROM document WHERE duplicate_of IS NOT NULL")
            result: dict[str, Any] = {
                "documents": total,
                "originals": total - duplicates,
                "near_duplicates": duplicates,
                "by_language": self._counts("language"),
                "by_outlet": self._counts("outlet"),
                "events": one("SELECT count(*) FROM event"),
                "stories": one("SELECT count(DISTINCT story) FROM event"),
                "schema_version": one("PRAGMA user_version"),
            }
            result |= self._failure_stats()
            if self._has_table("kb_entities"):  # the knowledge base (migration 0002)
                result["entities"] = one(
                    "SELECT count(*) FROM kb_entities WHERE merged_into IS NULL"
                )
        return result

    def _counts(self, column: str) -> dict[str, int]:
        """Originals per value (near-duplicates would count one story twice)."""
        rows = self.conn.execute(
            f"SELECT coalesce({column}, 'unknown') AS k, count(*) AS n FROM document"
            " WHERE duplicate_of IS NULL GROUP BY k ORDER BY n DESC, k"
        )
        counts = {row[0]: row[1] for row in rows}
        if len(counts) <= TOP_COUNTS:
            return counts
        top = dict(list(counts.items())[:TOP_COUNTS])
        top[f"({len(counts) - TOP_COUNTS} others)"] = sum(counts.values()) - sum(top.values())
        return top

    def _failure_stats(self) -> dict[str, Any]:
        """Failures of the latest run; `failures_all_runs` counts those never since resolved."""
        run = self.conn.execute("SELECT run_id FROM run ORDER BY rowid DESC LIMIT 1").fetchone()
        run_id = run[0] if run else None
        rows = self.conn.execute(
            "SELECT source, reason FROM failure WHERE run_id = ? AND skipped = 0 ORDER BY id",
            (run_id,),
        ).fetchall()
        skipped = self.conn.execute(
            "SELECT count(*) FROM failure WHERE run_id = ? AND skipped = 1", (run_id,)
        ).fetchone()[0]
        unresolved = self.conn.execute("SELECT count(*) FROM failure WHERE skipped = 0")
        return {
            "failures": len(rows),
            "skipped": skipped,
            "failures_all_runs": unresolved.fetchone()[0],
            "latest_failures": [f"{r[0]}: {r[1]}" for r in rows[:LATEST_FAILURES]],
        }

    def _has_table(self, name: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).fetchone()
        return row is not None

    # --- events ------------------------------------------------------------
    def story_candidates(
        self, entity_ids: set[str], since: str | None, until: str | None
    ) -> list[StoredEvent]:
        with sql_errors(self.path):
            return events_index.story_candidates(
                self.conn, entity_ids, since, until, self.canonical_entity_id
            )

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
        with sql_errors(self.path):
            query = events_index.EventQuery(self.conn)
            if type:
                query.type(type)
            if negated is not None:
                query.negated(negated)
            query.dates(since, until)
            if actor:
                query.participant("actor", actor)
            if recipient:
                query.participant("recipient", recipient)
            if attributed_to:
                query.attributed(attributed_to)
            current: tuple[str, Document | None] = ("", None)
            for doc_id, idx in query.run(limit):
                if current[0] != doc_id:
                    current = (doc_id, self.document(doc_id))
                if current[1] is not None:
                    yield current[1], idx
