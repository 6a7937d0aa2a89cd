"""Appositive roles: "Guinea's foreign minister, Ana Diallo, said" names one person.

A role mention ("the head of the committee", "Guinea's foreign minister") set off by
commas next to a name is that person's role, not a second actor. The small model
sometimes tags such a name as a place or an organisation; the role beside it says it
is a person.
"""

from __future__ import annotations

from newsledger.document import Entity, Mention
from newsledger.entities import gazetteer


def pairs(sdoc, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """(role mention, named mention) pairs in apposition, either order."""
    named = [m for m in mentions if m.kind == "named"]
    out = []
    for role in (m for m in mentions if m.kind == "role" and m.label == "PERSON"):
        r = _root(sdoc, role)
        if r is None:
            continue
        for m in named:
            n = _root(sdoc, m)
            if n is None or n.i == r.i or not _apposed(r, n):
                continue
            if m.label == "PERSON" or _could_be_person(m):
                out.append((role, m))
                break
    return out


def retype(found: list[tuple[Mention, Mention]]) -> None:
    """A name apposed to a person's role is a person, whatever NER guessed."""
    for _, m in found:
        m.label = "PERSON"


def merge(entities: list[Entity], mentions: list[Mention], found: list[tuple]) -> list[Entity]:
    """Give each apposed role mention the entity of its name; drop emptied role entities."""
    by_id = {e.local_id: e for e in entities}
    for role, m in found:
        person = by_id.get(m.entity or "")
        if person is None or role.entity == person.local_id:
            continue
        old = by_id.get(role.entity or "")
        role.entity = person.local_id
        if role.text not in person.aliases and role.text != person.name:
            person.aliases.append(role.text)
        if old is None:
            continue
        person.roles.extend(r for r in old.roles if r not in person.roles)
        person.country = person.country or old.country
        if not any(x.entity == old.local_id for x in mentions):
            entities.remove(old)
            del by_id[old.local_id]
    return entities


def _root(sdoc, m: Mention):
    span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
    return span.root if span is not None else None


def _apposed(a, b) -> bool:
    """One heads the other as an apposition, with a comma between them."""
    if b.dep_ == "appos" and b.head.i == a.i or a.dep_ == "appos" and a.head.i == b.i:
        lo, hi = sorted((a.i, b.i))
        return any(t.text == "," for t in a.doc[lo:hi])
    return False


def _could_be_person(m: Mention) -> bool:
    """Two or three capitalised words that name no country: "Ruben Apaza" tagged GPE."""
    words = m.text.split()
    return (
        m.label in {"GPE", "ORG", "NORP", "LOC"}
        and 2 <= len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and gazetteer.lookup(m.text) is None
    )
