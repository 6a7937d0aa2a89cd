"""One file, one article: plain-text dumps and HTML pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsledger.document import Document, Failure
from newsledger.read.decode import decode, is_binary, is_garbled
from newsledger.read.files import ReadError, is_gzip, open_input, read_limited, too_large
from newsledger.read.sniff import is_html_document


def read_page(path: Path, max_bytes: int, kind: str) -> Iterator[Document | Failure]:
    """The file as one Document of `kind` ("text" or "html").

    A truncated gzip still gives the part that could be read, with a note, followed
    by a Failure so the user knows the file is damaged.
    """
    if not is_gzip(path) and path.stat().st_size > max_bytes:
        raise ReadError(too_large(max_bytes))  # no need to read what we will refuse
    with open_input(path) as stream:
        data, truncated = read_limited(stream, max_bytes)
    if not truncated:
        yield make_page(str(path), data, kind)
        return
    if data.strip():
        doc = make_page(str(path), data, kind)
        doc.notes.append(f"truncated gzip stream: only the first {len(data)} bytes were read")
        yield doc
    yield Failure(str(path), "truncated gzip stream")


def make_page(source: str, data: bytes, kind: str, charset: str | None = None) -> Document:
    """A Document from one page's bytes; raises ReadError when they hold no text."""
    if not data:
        raise ReadError("empty file")
    if is_binary(data):
        raise ReadError("binary file, not text")
    text = decode(data, declared=charset, html=kind == "html")
    if is_garbled(text):
        raise ReadError("undecodable bytes: no text encoding fits")
    if not text.strip():
        raise ReadError("empty file (only whitespace)")
    return Document(source=source, raw=data, kind=_actual_kind(text, kind), text=text)


def _actual_kind(text: str, kind: str) -> str:
    """Trust the name, except for a saved HTML page named .txt or an .html with no markup."""
    if kind == "text" and is_html_document(text):
        return "html"
    if kind == "html" and "<" not in text:
        return "text"
    return kind
