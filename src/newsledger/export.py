"""Export: one record per document, in the evaluation's OUTPUT_FORMAT.

Entity ids in a record are knowledge-base ids, so the same actor carries the
same id in every document; events refer to those ids.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from newsledger.document import Document, Event

CSV_FIELDS = ["doc_id", "source", "title", "published", "outlet", "dateline", "language"]


def record(doc: Document) -> dict[str, Any]:
    """The export record of one document."""
    ids = {e.local_id: (e.kb_id or e.local_id) for e in doc.entities}
    return {
        "doc_id": doc.doc_id,
        "source": doc.source,
        "title": doc.title,
        "published": doc.published,
        "outlet": doc.outlet,
        "dateline": doc.dateline,
        "language": doc.language,
        "duplicate_of": doc.duplicate_of,
        "notes": doc.notes,
        "body": doc.body,
        "entities": [
            {
                "id": ids[e.local_id],
                "name": e.name,
                "type": e.type,
                "aliases": e.aliases,
                "country": e.country,
                "sector": e.sector,
                "roles": [vars(r) for r in e.roles],
            }
            for e in doc.entities
        ],
        "events": [_event(n, ev, ids) for n, ev in enumerate(doc.events, 1)],
    }


def _event(n: int, ev: Event, ids: dict[str, str]) -> dict[str, Any]:
    attributed = ev.attributed_to
    if attributed not in (None, "sources", "outlet"):
        attributed = ids.get(attributed, attributed)
    main = ev.evidence[0] if ev.evidence else None
    return {
        "id": f"V{n}",
        "type": ev.type,
        "actor": [ids.get(a, a) for a in ev.actor],
        "recipient": [ids.get(r, r) for r in ev.recipient],
        "negated": ev.negated,
        "mode": ev.mode,
        "aux_mode": ev.aux_mode,
        "contexts": ev.contexts,
        "date": ev.date,
        "location": ev.location,
        "attributed_to": attributed,
        "certainty": ev.certainty,
        "story": ev.story,
        "evidence": vars(main) if main else None,
        "mentions": [vars(s) for s in ev.evidence],
    }


def write_jsonl(docs: Iterable[Document], out: IO[str]) -> int:
    n = 0
    for doc in docs:
        out.write(json.dumps(record(doc), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(docs: Iterable[Document], out: IO[str]) -> int:
    """A flat table of documents (entities and events counted, not nested)."""
    writer = csv.DictWriter(out, fieldnames=[*CSV_FIELDS, "entities", "events", "body"])
    writer.writeheader()
    n = 0
    for doc in docs:
        rec = record(doc)
        row = {k: rec[k] for k in CSV_FIELDS}
        row.update(entities=len(rec["entities"]), events=len(rec["events"]), body=rec["body"])
        writer.writerow(row)
        n += 1
    return n
