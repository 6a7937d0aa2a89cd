"""Read stage: files and folders in, `Document`s (or `Failure`s) out, one at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from newsledger.document import Document, Failure

MAX_BYTES = 20 * 1024 * 1024  # per document


def iter_inputs(paths: Iterable[str | Path], max_bytes: int = MAX_BYTES) -> Iterator[Document | Failure]:
    """Yield a Document per article found under `paths`, a Failure per unreadable input."""
    raise NotImplementedError
