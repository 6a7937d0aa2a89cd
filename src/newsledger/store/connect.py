"""Opening an SQLite file, and turning SQLite's errors into one line a user can act on.

SQLite reports a wrong file, a busy writer or a read-only folder as generic
`OperationalError`/`DatabaseError`s, often only at the first statement. Every
store call runs under `sql_errors`, so the CLI can print `StoreError` as is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsledger.store.base import StoreError

DEFAULT_TIMEOUT = 5.0  # seconds to wait for another writer before giving up

# SQLite primary result codes (sqlite_errorname without extended suffix) -> message.
_MESSAGES = {
    "SQLITE_NOTADB": "{path} is not a newsledger database (file is not a database)",
    "SQLITE_BUSY": "{path} is locked by another writer; try again when it finishes",
    "SQLITE_LOCKED": "{path} is locked by another writer; try again when it finishes",
    "SQLITE_READONLY": "{path} cannot be written (read-only file or folder)",
    "SQLITE_CANTOPEN": "{path} cannot be opened (missing folder or no permission)",
    "SQLITE_PERM": "{path} cannot be opened (no permission)",
    "SQLITE_CORRUPT": "{path} is damaged (database disk image is malformed)",
    "SQLITE_FULL": "{path} cannot be written (disk full)",
    "SQLITE_IOERR": "{path} cannot be read or written (disk I/O error)",
}


def describe(err: sqlite3.Error, path: str) -> str | None:
    """The user's one-line reason for `err`, or None when it is a bug, not a condition."""
    name = getattr(err, "sqlite_errorname", None) or ""
    primary = "_".join(name.split("_")[:2])
    template = _MESSAGES.get(primary)
    if template is None and "database is locked" in str(err):
        template = _MESSAGES["SQLITE_BUSY"]
    return template.format(path=path) if template else None


@contextmanager
def sql_errors(path: str) -> Iterator[None]:
    """Re-raise SQLite conditions as `StoreError`; programming errors keep their traceback."""
    try:
        yield
    except sqlite3.Error as err:
        message = describe(err, path)
        if message is None:
            raise
        raise StoreError(message) from err


def connect(path: str, *, timeout: float = DEFAULT_TIMEOUT, create: bool = True):
    """An autocommit connection in WAL mode; transactions are managed by the store."""
    if path != ":memory:":
        _check_location(Path(path), create)
    with sql_errors(path):
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
        try:
            conn.row_factory = sqlite3.Row
            # The first statement is where SQLite notices a file that is not a database.
            conn.execute("PRAGMA schema_version").fetchone()
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if path != ":memory:" and str(mode).lower() != "wal":
                raise StoreError(f"{path} cannot be switched to WAL mode (journal mode {mode})")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
        except BaseException:
            conn.close()
            raise
    return conn


def _check_location(path: Path, create: bool) -> None:
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    if path.exists():
        return
    if not create:
        raise StoreError(f"{path} does not exist")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StoreError(f"{path} cannot be created ({err.strerror or err})") from err
