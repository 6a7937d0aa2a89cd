"""Versioned schema: numbered .sql files in store/migrations/, each applied once.

Applied versions are recorded one per row in `schema_migrations` (not only as a
high-water mark), so a migration added later with a lower number than one
already applied (the knowledge-base tables, 0002, written in parallel with
0003) is still applied on the next open. `PRAGMA user_version` mirrors the
highest applied version so other tools can read it; a database whose version
is above anything this code knows was written by a newer newsledger and is
refused rather than silently misread.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

from newsledger.store.base import StoreError

_NAME = re.compile(r"^(\d{4})_[\w-]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def available() -> list[Migration]:
    """Migrations shipped with the package, in version order."""
    folder = resources.files("newsledger.store").joinpath("migrations")
    found: list[Migration] = []
    for item in folder.iterdir():
        match = _NAME.match(item.name)
        if match:
            found.append(Migration(int(match.group(1)), item.name, item.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"two migrations share a version number: {versions}")
    return found


def upgrade(conn: sqlite3.Connection, path: str) -> list[int]:
    """Bring the schema up to date; returns the versions applied now."""
    migrations = available()
    known = max((m.version for m in migrations), default=0)
    _refuse_foreign(conn, path)
    _refuse_newer(conn, path, known)
    applied_now: list[int] = []
    for migration in migrations:
        if migration.version in _applied(conn):
            continue
        _apply(conn, migration)
        applied_now.append(migration.version)
    return applied_now


def _applied(conn: sqlite3.Connection) -> set[int]:
    if not _has_table(conn, "schema_migrations"):
        return set()
    return {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None


def _refuse_foreign(conn: sqlite3.Connection, path: str) -> None:
    """An SQLite file of another program: never add our tables to it."""
    if _has_table(conn, "schema_migrations"):
        return
    other = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchone()[0]
    if other:
        raise StoreError(f"{path} is not a newsledger database (it holds other tables)")


def _refuse_newer(conn: sqlite3.Connection, path: str, known: int) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    newest = max(_applied(conn) | {version})
    if newest > known:
        raise StoreError(
            f"{path} was written by a newer newsledger (schema version {newest}, "
            f"this version knows up to {known}); upgrade newsledger to open it"
        )


def _apply(conn: sqlite3.Connection, migration: Migration) -> None:
    """One migration in one transaction: a kill leaves it either applied or not."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have applied it while we waited for the write lock.
        if migration.version not in _applied(conn):
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            for statement in _statements(migration.sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                (migration.version, migration.name, datetime.now(UTC).isoformat()),
            )
            top = max(_applied(conn))
            conn.execute(f"PRAGMA user_version = {int(top)}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _statements(sql: str) -> list[str]:
    """Split a script into statements (triggers included) so it runs inside our transaction.

    `executescript` would commit first, breaking the one-transaction-per-migration rule.
    """
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if _has_code(buffer):
                statements.append(buffer.strip())
            buffer = ""
    if _has_code(buffer):
        raise RuntimeError(f"incomplete SQL statement at the end of a migration: {buffer!r}")
    return statements


def _has_code(sql: str) -> bool:
    lines = (line.split("--", 1)[0].strip() for line in sql.splitlines())
    return any(line and line != ";" for line in lines)
