"""Read stage: files and folders in, `Document`s (or `Failure`s) out, one at a time.

Each input kind has its own small reader (page, jsonl, warc); this module finds
the files, decides which reader applies and turns every problem into a one-line
`Failure`, so a bad file never stops a run of a million good ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from newsledger.document import Document, Failure
from newsledger.read.decode import decode
from newsledger.read.files import ReadError, failure_reason, kind_from_name, read_head, walk
from newsledger.read.jsonl import read_jsonl
from newsledger.read.page import read_page
from newsledger.read.sniff import sniff_kind
from newsledger.read.warc import read_warc

MAX_BYTES = 20 * 1024 * 1024  # per document

Reader = Callable[[Path, int], Iterator[Document | Failure]]
READERS: dict[str, Reader] = {
    "text": partial(read_page, kind="text"),
    "html": partial(read_page, kind="html"),
    "jsonl": read_jsonl,
    "warc": read_warc,
}
SKIPPED = "skipped: not a supported input kind"

__all__ = ["MAX_BYTES", "decode", "iter_inputs", "read_file"]


def iter_inputs(
    paths: Iterable[str | Path], max_bytes: int = MAX_BYTES
) -> Iterator[Document | Failure]:
    """Yield a Document per article found under `paths`, a Failure per unreadable input."""
    for item in walk(paths):
        if isinstance(item, Failure):
            yield item
        else:
            path, explicit = item
            yield from read_file(path, max_bytes, explicit=explicit)


def read_file(
    path: Path, max_bytes: int = MAX_BYTES, *, explicit: bool = True
) -> Iterator[Document | Failure]:
    """Every article in one file; never raises for a problem with the file itself.

    Documents read before a problem (the first lines of a broken feed) stay yielded.
    """
    source = str(path)
    try:
        kind = _kind(path, explicit)
        if kind is None:
            yield Failure(source, SKIPPED, skipped=True)
            return
        yield from READERS[kind](path, max_bytes)
    except Exception as err:  # a reader bug on one odd file must not end the run
        yield Failure(source, failure_reason(err))


def _kind(path: Path, explicit: bool) -> str | None:
    """The reader for `path`: its extension, else (for a named file or no extension) its content."""
    kind = kind_from_name(path)
    if kind is None and not explicit:
        return None
    if path.stat().st_size == 0:
        raise ReadError("empty file")
    if kind:
        return kind
    try:
        sniffed = sniff_kind(read_head(path))
    except ReadError:
        if explicit:
            raise
        return None  # a binary file met in a folder (a database, an image): not ours
    if sniffed is None and explicit:
        raise ReadError("not a supported input kind (not text, HTML, JSON Lines or WARC)")
    return sniffed
