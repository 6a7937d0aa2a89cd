"""JSON Lines feeds: one article per line, read line by line.

A feed can be gigabytes; only one line is ever held, and no line longer than
the per-document limit gets into memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from newsledger.document import Document, Failure
from newsledger.read.decode import decode, fix_text, is_garbled
from newsledger.read.files import CHUNK, open_input, too_large
from newsledger.read.sniff import looks_like_html

GIVEN_KEYS = ("url", "title", "published", "outlet", "language")


def read_jsonl(path: Path, max_bytes: int) -> Iterator[Document | Failure]:
    """A Document per line with a `text`, a Failure per line without one."""
    blank = True
    with open_input(path) as stream:
        for lineno, line in _lines(stream, max_bytes):
            if line is None:
                yield Failure(str(path), f"line {lineno}: {too_large(max_bytes)}")
            elif line.strip():
                yield parse_line(path, lineno, line)
            else:
                continue
            blank = False
    if blank:
        yield Failure(str(path), "empty file (no lines)")


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes without the newline), or None for a line over the limit."""
    lineno = 0
    while line := stream.readline(max_bytes + 1):
        lineno += 1
        content = line.rstrip(b"\r\n")
        if len(content) <= max_bytes:
            yield lineno, content
            continue
        while not line.endswith(b"\n"):  # skip the rest of the long line, chunk by chunk
            line = stream.readline(CHUNK)
            if not line:
                break
        yield lineno, None


def parse_line(path: Path, lineno: int, line: bytes) -> Document | Failure:
    """One feed line to a Document, or a Failure saying what is wrong with it."""
    text = decode(line, fix=False)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as err:
        return Failure(str(path), f"line {lineno}: not JSON ({err.msg})")
    if not isinstance(record, dict):
        return Failure(str(path), f"line {lineno}: not a JSON object")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        return Failure(str(path), f'line {lineno}: no text (needs a non-empty "text" field)')
    body = fix_text(body)
    if is_garbled(body):
        return Failure(str(path), f"line {lineno}: undecodable text")
    kind = "html" if looks_like_html(body) else "text"
    return Document(source=f"{path}:{lineno}", raw=line, kind=kind, text=body, given=_given(record))


def _given(record: dict[str, Any]) -> dict[str, str]:
    """The container's metadata we know how to use, as clean strings."""
    given = {}
    for key in GIVEN_KEYS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            given[key] = fix_text(value.strip())
        elif isinstance(value, int | float) and not isinstance(value, bool):
            given[key] = str(value)
    return given
