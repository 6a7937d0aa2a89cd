"""Same occasion, many outlets: give reports of one real-world event one story id.

Two reports belong to one story when they have the same type and negation, share
participants (two for a meeting, actor and recipient otherwise), and their dates,
where known, are a few days apart at most. Unsure means a new story: merging two
different meetings is worse than keeping one meeting as two stories.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

from newsledger.document import Document, Event
from newsledger.store.base import Store

EVENT_DAYS = 3  # two known event dates further apart are different occasions
PUBLISHED_DAYS = 7  # window when only publication dates are known


@dataclass
class Report:
    type: str
    negated: bool
    actor: set[str]
    recipient: set[str]
    date: str | None
    dated_by_event: bool
    story: str | None


def _global(doc: Document, ids: list[str]) -> set[str]:
    out = set()
    for local in ids:
        ent = doc.entity(local)
        if ent is not None and ent.kb_id:
            out.add(ent.kb_id)
    return out


def _report(doc: Document, ev: Event) -> Report:
    return Report(
        ev.type,
        ev.negated,
        _global(doc, ev.actor),
        _global(doc, ev.recipient),
        ev.date or doc.published,
        ev.date is not None,
        ev.story,
    )


def _days(a: str, b: str) -> int | None:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


def same_occasion(a: Report, b: Report) -> bool:
    if a.type != b.type or a.negated != b.negated:
        return False
    if a.type == "CONSULT":
        shared = (a.actor | a.recipient) & (b.actor | b.recipient)
        smallest = min(len(a.actor | a.recipient), len(b.actor | b.recipient))
        if len(shared) < min(2, smallest) or not shared:
            return False
    else:
        if not (a.actor & b.actor):
            return False
        if (a.recipient or b.recipient) and not (a.recipient & b.recipient):
            return False
    if a.date and b.date:
        days = _days(a.date, b.date)
        limit = EVENT_DAYS if a.dated_by_event and b.dated_by_event else PUBLISHED_DAYS
        return days is not None and days <= limit
    # a date on one side only: a meeting of the same two or more actors is the same one
    return a.type == "CONSULT" and len(_participants(a) & _participants(b)) >= 2


def _participants(r: Report) -> set[str]:
    return r.actor | r.recipient


def _story_id(doc: Document, index: int) -> str:
    return "S" + hashlib.sha1(f"{doc.doc_id}:{index}".encode()).hexdigest()[:10]


def _window(day: str | None) -> tuple[str | None, str | None]:
    if not day:
        return None, None
    try:
        d = date.fromisoformat(day[:10])
    except ValueError:
        return None, None
    pad = timedelta(days=PUBLISHED_DAYS)
    return (d - pad).isoformat(), (d + pad).isoformat()


def group(docs: list[Document], store: Store) -> None:
    """Set `Event.story` on every event of `docs`, joining stored and in-batch reports."""
    batch: list[Report] = []
    for doc in docs:
        for index, ev in enumerate(doc.events):
            mine = _report(doc, ev)
            story = None
            for other in batch:
                if same_occasion(mine, other):
                    story = other.story
                    break
            if story is None and (mine.actor or mine.recipient):
                story = _stored_story(store, mine)
            ev.story = story or _story_id(doc, index)
            mine.story = ev.story
            batch.append(mine)


def _stored_story(store: Store, mine: Report) -> str | None:
    since, until = _window(mine.date)
    try:
        candidates = store.story_candidates(mine.actor | mine.recipient, since, until)
    except NotImplementedError:
        return None
    for cand in candidates:
        other = Report(
            cand.type,
            cand.negated,
            set(cand.actor),
            set(cand.recipient),
            cand.date,
            cand.date is not None,
            cand.story,
        )
        if cand.story and same_occasion(mine, other):
            return cand.story
    return None
