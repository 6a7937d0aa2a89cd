"""Finding inputs on disk and opening them, gzip or not, with bounded memory.

Everything here works on streams: a folder of a million files or a 10 GB
`.jsonl.gz` costs the same memory as a single page.
"""

from __future__ import annotations

import errno
import gzip
import os
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from newsledger.document import Failure

GZIP_MAGIC = b"\x1f\x8b"
COMPRESSED_SUFFIXES = (".gz", ".gzip")
EXTENSION_KINDS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
}
# Names that web pages get when saved from their URL: the content says what they are.
PAGE_EXTENSIONS = frozenset({".shtml", ".php", ".asp", ".aspx", ".jsp", ".cfm", ".cgi"})
CHUNK = 1 << 16


class ReadError(Exception):
    """A whole input cannot be read; the message is the one line the user sees."""


def walk(paths: Iterable[str | Path]) -> Iterator[tuple[Path, bool] | Failure]:
    """Files under `paths` as (path, named_explicitly); folders in sorted order, depth first.

    Hidden files and folders are skipped inside folders, but a hidden file named
    on the command line is read: the user asked for it.
    """
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk_dir(path, seen)
        elif path.exists() or path.is_symlink():
            yield path, True
        else:
            yield Failure(str(path), "no such file or directory")


def _walk_dir(directory: Path, seen: set[Path]) -> Iterator[tuple[Path, bool] | Failure]:
    real = directory.resolve()
    if real in seen:  # a symlink loop, or the same folder named twice
        return
    seen.add(real)
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as err:
        yield Failure(str(directory), os_reason(err))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = directory / entry.name
        if _is_dir(entry):
            yield from _walk_dir(path, seen)
        elif entry.is_file() or entry.is_symlink():  # a broken link is reported, a pipe is not
            yield path, False


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def kind_from_name(path: Path) -> str | None:
    """The input kind its name promises ("text", "html", "jsonl", "warc"), "" if the
    name has no extension (look at the content), None for a kind we do not read."""
    name = path.name.lower()
    for suffix in COMPRESSED_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    extension = Path(name).suffix
    if not extension or not extension[1:].isalnum() or extension[1:].isdigit():
        return ""  # "notes", "2024.05.01", "report.": no real extension
    if extension in PAGE_EXTENSIONS:
        return ""
    return EXTENSION_KINDS.get(extension)


def is_gzip(path: Path) -> bool:
    with open(path, "rb") as file:
        return file.read(2) == GZIP_MAGIC


@contextmanager
def open_input(path: Path) -> Iterator[BinaryIO]:
    """A binary stream of the file's content, decompressed on the fly if it is gzip."""
    with open(path, "rb") as file:
        if file.read(2) == GZIP_MAGIC:
            file.seek(0)
            with gzip.GzipFile(fileobj=file, mode="rb") as unzipped:
                yield _MemberCut(unzipped)  # type: ignore[misc]
        else:
            file.seek(0)
            yield file


class _MemberCut:
    """A gzip stream whose cut inside a later member's header reads as truncation.

    gzip raises BadGzipFile when the file ends a byte or two into the next
    member's header; to the user that is the same broken-off file as an EOFError.
    """

    def __init__(self, stream: gzip.GzipFile) -> None:
        self._stream = stream

    def _guard(self, method, *args):
        try:
            return method(*args)
        except gzip.BadGzipFile:
            if self._stream.tell() > 0:
                raise EOFError("gzip stream cut inside a member header") from None
            raise

    def read(self, size: int = -1) -> bytes:
        return self._guard(self._stream.read, size)

    def read1(self, size: int = -1) -> bytes:
        return self._guard(self._stream.read1, size)

    def readline(self, size: int = -1) -> bytes:
        return self._guard(self._stream.readline, size)

    def __iter__(self):
        return iter(self.readline, b"")

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def read_limited(stream: BinaryIO, max_bytes: int) -> tuple[bytes, bool]:
    """Up to `max_bytes` from `stream`, and whether a gzip stream broke off early.

    Raises ReadError past the limit: we stop there, so a gzip bomb or an
    oversize record never gets into memory. Reads in chunks, so what a truncated
    stream gave before breaking is kept.
    """
    read = _read_some(stream)
    chunks: list[bytes] = []
    size = 0
    while True:
        try:
            chunk = read(min(CHUNK, max_bytes + 1 - size))
        except EOFError:
            return b"".join(chunks), True
        if not chunk:
            return b"".join(chunks), False
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise ReadError(too_large(max_bytes))


def _read_some(stream: BinaryIO):
    """`read1` where there is one: a buffered `read(n)` insists on n bytes and drops
    what it had gathered when a truncated gzip stream breaks off underneath it."""
    return getattr(stream, "read1", stream.read)


def too_large(max_bytes: int) -> str:
    return f"larger than the {human_size(max_bytes)} per-document limit"


def human_size(size: int) -> str:
    for unit, factor in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= factor and size % factor == 0:
            return f"{size // factor} {unit}"
    return f"{size} bytes"


def failure_reason(err: BaseException) -> str:
    """One line for the user about a read that went wrong."""
    if isinstance(err, ReadError):
        return str(err)
    if isinstance(err, EOFError):
        return "truncated gzip stream"
    if isinstance(err, gzip.BadGzipFile):
        return f"corrupt gzip data ({err})"
    if isinstance(err, zlib.error):
        return f"corrupt gzip data ({err})"
    if isinstance(err, OSError):
        return os_reason(err)
    return f"could not be read ({type(err).__name__}: {err})"


def os_reason(err: OSError) -> str:
    if err.errno == errno.ENOENT:
        return "no such file or directory"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if err.errno == errno.EISDIR:
        return "is a directory"
    return (err.strerror or str(err)).lower()


def read_head(path: Path, size: int = CHUNK) -> bytes:
    """The first `size` bytes of the (decompressed) content, to sniff what it is."""
    with open_input(path) as stream:
        read = _read_some(stream)
        chunks: list[bytes] = []
        got = 0
        while got < size:
            try:
                chunk = read(size - got)
            except EOFError:
                break
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)
