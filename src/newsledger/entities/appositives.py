"""Appositive roles: "Guinea's foreign minister, Ana Diallo, said" names one person.

A role mention ("the head of the committee", "Guinea's foreign minister") set off by
commas next to a name is that person's role, not a second actor. The small model
sometimes tags such a name as a place or an organisation; the role beside it says it
is a person.
"""

from __future__ import annotations

from newsledger.document import Entity, Mention
from newsledger.entities import coref, gazetteer, keys


def pairs(sdoc, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """(role mention, named mention) pairs in apposition, either order ("the Chief of
    Defence Forces, Gen X," pairs with a titled name too)."""
    named = [m for m in mentions if m.kind in ("named", "titled")]
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


def known_as(sdoc, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """(name, other name) pairs a writer equates: "Dagalo, known as Hemeti", "Prachanda,
    as Dahal is widely known"."""
    named = [m for m in mentions if m.kind in ("named", "titled")]
    out = []
    for tok in sdoc:
        if tok.lower_ != "known" or tok.tag_ != "VBN":
            continue
        if tok.dep_ == "acl":  # "X, known as Y"
            alias = next(
                (
                    g
                    for c in tok.children
                    if c.lower_ == "as"
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            owner = tok.head
        elif tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in tok.children
        ):  # "X, as Y is known"
            alias = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            owner = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        else:
            continue
        if owner is not None and any(c.dep_ == "conj" for c in owner.children):
            continue  # "Britain, France and Germany, known as the E3": the three together
        a, b = _covering(named, alias), _covering(named, owner)
        if a is not None and b is not None and a is not b:
            out.append((b, a))
    return out


def equate(entities: list[Entity], mentions: list[Mention], pairs_: list[tuple]) -> list[Entity]:
    """Fold the second name's entity into the first's."""
    for first, second in pairs_:
        keep = next((e for e in entities if e.local_id == first.entity), None)
        if keep is None:
            continue
        # the second name as its own entity, and the same name tagged differently ("Dahal"
        # once ORG, once PERSON) or spelt differently ("Hemedti", then "Hemeti")
        others = [
            e
            for e in entities
            if e is not keep and (e.local_id == second.entity or _variant(e.name, second.text))
        ]
        for same in others:
            keep.type = "PERSON" if "PERSON" in (keep.type, same.type) else keep.type
            coref.fold(entities, keep, same, mentions)
    return entities


def _variant(name: str, other: str) -> bool:
    if name == other:
        return True
    single = " " not in name and " " not in other
    return single and keys.similarity(name, other) >= VARIANT_SIMILARITY


VARIANT_SIMILARITY = 0.95  # one-word names this close are one name spelt two ways


def _covering(named: list[Mention], token) -> Mention | None:
    if token is None:
        return None
    return next((m for m in named if m.start <= token.idx < m.end), None)


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
