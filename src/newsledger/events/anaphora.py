"""Event anaphora: "the claims", "the deal", "the decision" name an earlier event.

"X rejected the claims" has no named recipient, yet a reader knows it is aimed at
whoever made the claims a sentence before. The noun's class (data/events/
anaphora.toml) says which earlier events it can point at and whom to take from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newsledger.document import Event
from newsledger.events.lexicon import _load

DEFINITE = {"the", "this", "these", "those", "such", "that"}
OBJECT_DEPS = {"dobj", "pobj", "nsubjpass", "attr"}


@dataclass(frozen=True)
class Pointer:
    categories: frozenset[str]
    take: str  # "makers" | "parties"


@cache
def _classes() -> dict[str, Pointer]:
    out: dict[str, Pointer] = {}
    for table in _load("anaphora.toml").values():
        pointer = Pointer(frozenset(table["categories"]), table["take"])
        for noun in table["nouns"]:
            out[noun] = pointer
    return out


def pointer(*heads) -> Pointer | None:
    """The class of a definite event noun governed by the trigger, if any."""
    for head in heads:
        if head is None:
            continue
        for tok in [*head.children, *(g for c in head.children for g in c.children)]:
            if tok.dep_ not in OBJECT_DEPS or tok.pos_ != "NOUN":
                continue
            found = _classes().get(tok.lemma_.lower())
            if found and any(c.lower_ in DEFINITE or c.dep_ == "poss" for c in tok.children):
                return found
    return None


def resolve(events: list[Event], pointers: dict[int, Pointer]) -> None:
    """Give each pointing event with no recipient the people its noun points back to."""
    for index, event in enumerate(events):
        ptr = pointers.get(id(event))
        if ptr is None or event.recipient:
            continue
        earlier = next(
            (e for e in reversed(events[:index]) if e.type in ptr.categories and e is not event),
            None,
        )
        if earlier is None:
            continue
        people = earlier.actor + (earlier.recipient if ptr.take == "parties" else [])
        event.recipient = [p for p in dict.fromkeys(people) if p not in event.actor]
