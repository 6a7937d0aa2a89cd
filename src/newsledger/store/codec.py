"""Document <-> database row: JSON for the analysis, zlib for the bytes.

Loading ignores JSON keys a dataclass no longer has and lets missing ones take
their defaults, so adding an optional field to document.py needs no migration.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from newsledger.document import Document, Entity, Event, Mention, Role, Span


def pack(data: bytes) -> bytes:
    return zlib.compress(data, 6)


def unpack(blob: bytes | None) -> bytes:
    return zlib.decompress(blob) if blob else b""


def dumps(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    if not _encodable(text):  # lone surrogates: JSON escapes keep them exactly
        text = json.dumps(value, ensure_ascii=True, default=str)
    return text


def safe(text: str | None) -> str | None:
    """SQLite TEXT must be valid UTF-8: a lone surrogate (a file name read with
    surrogateescape, a broken page) becomes '?', which keeps every offset valid."""
    if text is None or _encodable(text):
        return text
    return text.encode("utf-8", "replace").decode("utf-8")


def content_hash(doc: Document) -> str:
    """Document.content_hash, also for a body holding lone surrogates."""
    if _encodable(doc.body):
        return doc.content_hash
    return Document(source="", raw=b"", kind="", body=safe(doc.body) or "").content_hash


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def derived_fields(doc: Document) -> dict[str, Any]:
    """The columns a pipeline run computes (overwritten by `reprocess`)."""
    return {
        "body": safe(doc.body),
        "title": safe(doc.title),
        "published": safe(doc.published),
        "outlet": safe(doc.outlet),
        "dateline": safe(doc.dateline),
        "language": safe(doc.language),
        "notes": dumps(doc.notes),
        "sentences": dumps([list(s) for s in doc.sentences]),
        "mentions": dumps([dataclasses.asdict(m) for m in doc.mentions]),
        "entities": dumps([dataclasses.asdict(e) for e in doc.entities]),
        "events": dumps([dataclasses.asdict(e) for e in doc.events]),
    }


def input_fields(doc: Document) -> dict[str, Any]:
    """The columns a reader produced (kept as they were first stored)."""
    return {
        "doc_id": doc.doc_id,
        "source": safe(doc.source),
        "kind": safe(doc.kind),
        "raw": pack(doc.raw),
        "text": pack(doc.text.encode("utf-8", "surrogatepass")) if doc.text else None,
        "given": dumps(doc.given),
    }


def raw_document(row: sqlite3.Row) -> Document:
    """What a reader produced, rebuilt from a row (for `reprocess`)."""
    return Document(
        source=row["source"],
        raw=unpack(row["raw"]),
        kind=row["kind"],
        text=unpack(row["text"]).decode("utf-8", "surrogatepass"),
        given=json.loads(row["given"] or "{}"),
    )


def document(row: sqlite3.Row, canonical: Callable[[str], str]) -> Document:
    """A full Document; entity kb_ids follow analyst merges through `canonical`."""
    doc = raw_document(row)
    doc.notes = json.loads(row["notes"] or "[]")
    doc.body = row["body"] or ""
    for name in ("title", "published", "outlet", "dateline", "language", "duplicate_of"):
        setattr(doc, name, row[name])
    doc.sentences = [tuple(s) for s in json.loads(row["sentences"] or "[]")]
    doc.mentions = [_build(Mention, m) for m in json.loads(row["mentions"] or "[]")]
    doc.entities = [_entity(e, canonical) for e in json.loads(row["entities"] or "[]")]
    doc.events = [_event(e) for e in json.loads(row["events"] or "[]")]
    return doc


def _entity(data: dict[str, Any], canonical: Callable[[str], str]) -> Entity:
    entity = _build(Entity, data)
    entity.roles = [_build(Role, r) for r in data.get("roles") or []]
    if entity.kb_id:
        entity.kb_id = canonical(entity.kb_id)
    return entity


def _event(data: dict[str, Any]) -> Event:
    event = _build(Event, data)
    event.evidence = [_build(Span, s) for s in data.get("evidence") or []]
    return event


def _build(cls: type, data: dict[str, Any]) -> Any:
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})
