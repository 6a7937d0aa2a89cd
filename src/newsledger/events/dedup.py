"""One event, many sentences: merge restatements into one event with several spans.

The headline and the body, or two paragraphs, often state the same event. Two
events are the same when type, negation and participants agree (for CONSULT the
participants as one unordered set, a subset counting when two or more are shared).
Implicit accusations are only merged within one sentence: two reported grievances
by one speaker are two accusations.
"""

from __future__ import annotations

from collections.abc import Callable

from newsledger.document import Event

Side = Callable[[str], set[str]]


def _alone(eid: str) -> set[str]:
    return {eid}


def _same(a: Event, b: Event, sa: int | None, sb: int | None, side: Side = _alone) -> bool:
    if a.type != b.type or a.negated != b.negated:
        return False
    one_sentence = bool(a.evidence and b.evidence and a.evidence[0].start == b.evidence[0].start)
    if one_sentence and sa is None and sb is None and _sides(a, side) & _sides(b, side):
        # "the US ambassador expressed support, writing that Washington stands by ...":
        # one side's one act, said twice in one sentence
        return True
    if one_sentence and sa is None and sb is None and _voiced(a, b):
        # "X rejected the plan, saying Bavaria would not ...": the speaker's act, restated
        return not a.recipient or not b.recipient or bool(set(a.recipient) & set(b.recipient))
    if one_sentence and (sa is None) != (sb is None) and set(a.actor) & set(b.actor):
        # "X hit back, accusing Y of lying": the verb and the accusation it reports are one
        return not a.recipient or not b.recipient or bool(set(a.recipient) & set(b.recipient))
    if (sa is not None or sb is not None) and sa != sb:
        # one speaker's grievances against one named party are one accusation
        return (
            bool(a.recipient)
            and set(a.actor) == set(b.actor)
            and set(a.recipient) == set(b.recipient)
        )
    if one_sentence and set(a.actor) & set(b.actor):
        return True  # "bombers killed 23 people when they blew themselves up in X": one attack
    if a.date and b.date and a.date != b.date:
        return False
    if a.type == "CONSULT":
        pa, pb = set(a.actor) | set(a.recipient), set(b.actor) | set(b.recipient)
        small, large = sorted((pa, pb), key=len)
        return bool(small) and small <= large
    if set(a.actor) != set(b.actor):
        return False
    ra, rb = set(a.recipient), set(b.recipient)
    return ra == rb or bool(ra & rb) or (sa is not None and (ra <= rb or rb <= ra))


def _voiced(a: Event, b: Event) -> bool:
    """One event is told by the other's actor: the speaker's own act, in their words."""
    return (b.attributed_to in a.actor and b.attributed_to not in b.actor) or (
        a.attributed_to in b.actor and a.attributed_to not in a.actor
    )


def _sides(event: Event, side: Side) -> set[str]:
    return {s for a in event.actor for s in side(a)}


def merge(events: list[Event], implicit: list[int | None], side: Side = _alone) -> list[Event]:
    """Events with restatements folded into the first report (evidence appended).

    `implicit[i]` is the sentence index of event i when it is an implicit accusation;
    `side(eid)` the entity with the state it speaks for.
    """
    kept: list[Event] = []
    kept_keys: list[int | None] = []
    for ev, key in zip(events, implicit, strict=True):
        target = next(
            (k for k, kk in zip(kept, kept_keys, strict=True) if _same(k, ev, kk, key, side)),
            None,
        )
        if target is None:
            kept.append(ev)
            kept_keys.append(key)
            continue
        if ev.type == "CONSULT":
            extra = [p for p in ev.actor + ev.recipient if p not in target.actor + target.recipient]
            target.actor.extend(extra)
        else:
            target.actor.extend(a for a in ev.actor if a not in target.actor)
            target.recipient.extend(r for r in ev.recipient if r not in target.recipient)
        for span in ev.evidence:
            if all(span.start != s.start for s in target.evidence):
                target.evidence.append(span)
        target.date = target.date or ev.date
        target.location = target.location or ev.location
        target.mode = target.mode or ev.mode
        target.contexts.extend(c for c in ev.contexts if c not in target.contexts)
        if target.attributed_to == "outlet" and ev.attributed_to not in (None, "outlet"):
            target.attributed_to = ev.attributed_to
    return kept
