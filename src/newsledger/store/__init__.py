"""Storage: `open_store` picks the backend for a location.

Today every location is an SQLite file (a plain path or `sqlite:///path`); a
PostgreSQL backend plugs in here by URL scheme and implements `Store`.
"""

from __future__ import annotations

from pathlib import Path

from newsledger.store.base import SaveResult, Store, StoredEvent, StoreError
from newsledger.store.connect import DEFAULT_TIMEOUT

__all__ = ["SaveResult", "Store", "StoreError", "StoredEvent", "open_store"]


def open_store(path: str | Path, *, timeout: float = DEFAULT_TIMEOUT, create: bool = True) -> Store:
    """Open (creating and migrating when needed) the store at `path`.

    `timeout` is how long to wait for another writer; `create=False` refuses a
    missing file instead of creating an empty database (for read-only commands).
    """
    location = str(path)
    scheme, sep, rest = location.partition("://")
    if sep and len(scheme) > 1:
        if scheme == "sqlite":
            # SQLAlchemy's form: sqlite:///relative.db, sqlite:////absolute.db
            location = rest[1:] if rest.startswith("/") else rest
        elif scheme in ("postgres", "postgresql"):
            raise StoreError(f"{location}: PostgreSQL storage is not available yet; use a file")
        else:
            raise StoreError(f"{location}: unknown database scheme {scheme!r}; use a file path")
    from newsledger.store.sqlite import SQLiteStore  # imports numpy/datasketch only when used

    return SQLiteStore(location, timeout=timeout, create=create)
