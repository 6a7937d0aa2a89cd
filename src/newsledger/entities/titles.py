"""Titled persons ("Kenyan Interior Minister Jane Doe") and role references ("the minister").

A title is read leftwards from a person's name over title words, modifiers
("former", "new"), portfolio words ("defence"), countries, organisations and
possessives, and split into separate facts: the role, the organisation, the
country, and whether the role is a former one.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsledger.document import Mention, Role
from newsledger.entities import gazetteer
from newsledger.entities.vocab import (
    canonical_title,
    former_words,
    honorifics,
    modifiers,
    title_heads,
    title_words,
    titles,
)

_POSS = {"'s", "’s"}
_MAX_TITLE_TOKENS = 9


@dataclass
class Titled:
    mention: Mention  # the whole phrase, kind "titled" or "role"
    role: Role | None
    name_start: int | None = None  # char offset where the bare name begins (titled only)


def _word(tok) -> str:
    return tok.lower_.strip(".")


def _is_titleish(tok) -> bool:
    w = _word(tok)
    return w in title_words() or w in honorifics() or w in modifiers()


def _accept(tok, right_is_title: bool) -> bool:
    """May `tok` stand inside a title phrase, given what stands to its right?"""
    if _is_titleish(tok) or tok.text in _POSS or tok.lower_ == "of" or tok.text == "-":
        return True
    if tok.text == "." and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_:
        return _word(tok.doc[tok.i - 1]) in honorifics()  # "Lt" "." split by the tokenizer
    if tok.is_punct or tok.like_num or tok.ent_type_ in {"DATE", "TIME", "CARDINAL", "ORDINAL"}:
        return False
    if tok.ent_type_ == "PERSON" and not (
        tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text in _POSS
    ):
        return False  # another person's name, unless possessive ("the President's aide")
    if tok.text[:1].isupper() and tok.pos_ in {"PROPN", "ADJ", "NOUN"}:
        return True
    return right_is_title and tok.pos_ in {"NOUN", "ADJ"} and tok.is_lower and tok.is_alpha


def titled_people(sdoc, persons: list[Mention], named: list[Mention]) -> list[Titled]:
    """Extend each person mention leftwards over its title."""
    out = []
    for m in persons:
        first = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if first is None or first.start == 0:
            continue
        j = first.start - 1
        if not (_is_titleish(sdoc[j])):
            continue
        start = first.start
        while j >= 0 and first.start - j <= _MAX_TITLE_TOKENS:
            right_is_title = _word(sdoc[j + 1]) in title_words() if j + 1 < len(sdoc) else False
            if not _accept(sdoc[j], right_is_title):
                break
            start = j
            j -= 1
        while start < first.start and (
            sdoc[start].lower_ == "of" or sdoc[start].text in _POSS or sdoc[start].is_punct
        ):
            start += 1  # "- Kenyan President X" after a dateline: the dash is not the title
        words = sdoc[start : first.start]
        if not any(_word(t) in title_words() or _word(t) in honorifics() for t in words):
            continue
        role = _role(words, named)
        begin = sdoc[start].idx
        mention = Mention(
            begin,
            m.end,
            sdoc.text[begin : m.end],
            "PERSON",
            "titled",
            role=role.title if role else None,
            country=role.country if role else None,
        )
        out.append(Titled(mention, role, m.start))
    return out


def _role(words, named: list[Mention]) -> Role | None:
    """Split a title phrase into role, organisation, country and former."""
    former = any(_word(t) in former_words() for t in words)
    country, org_parts, title_parts = None, [], []
    ents = {(n.start, n.end): n for n in named if n.label in {"ORG", "GPE", "NORP"}}
    in_ent = {i for (s, e) in ents for i in range(s, e)}
    states = {}  # a country named in words: "United States Ambassador X"
    for (s, e), n in ents.items():
        hit = gazetteer.lookup(n.text) if n.label in {"GPE", "NORP"} else None
        if hit and hit[1] in {"name", "abbr", "demonym"}:
            states.update({i: hit for i in range(s, e)})
    for tok in words:
        w = _word(tok)
        hit = states.get(tok.idx)
        if hit is None:
            hit = gazetteer.lookup(tok.text) if tok.text[:1].isupper() else None
        if hit and hit[1] in {"name", "abbr", "demonym"} and w not in title_words():
            country = country or hit[0]
        elif tok.idx in in_ent and w not in title_words():
            org_parts.append(tok.text)
        elif w in title_words() or (
            tok.pos_ in {"NOUN", "ADJ", "PROPN"}
            and w not in modifiers()
            and tok.text not in _POSS
            and w not in honorifics()
        ):
            if (
                tok.text[:1].isupper()
                and tok.pos_ == "PROPN"
                and w not in title_words()
                and not (tok.i + 1 < len(tok.doc) and _word(tok.doc[tok.i + 1]) in title_words())
            ):
                org_parts.append(tok.text)
            else:
                title_parts.append(w)
        elif w == "of" and title_parts:
            title_parts.append("of")
    while title_parts and title_parts[-1] == "of":
        title_parts.pop()
    title = canonical_title(" ".join(title_parts)) if title_parts else None
    if not title or title.split()[-1] not in title_heads():
        heads = [p for p in title_parts if p in title_heads()]
        if not heads:
            return None
        title = canonical_title(" ".join(title_parts))
    evidence = " ".join(t.text for t in words if _word(t) not in honorifics() and t.text != ".")
    return Role(title, " ".join(org_parts) or None, country, former, evidence)


def role_references(sdoc, taken: set[int]) -> list[Titled]:
    """ "the Vice President", "the former premier", "the US Vice President of ..." with no name."""
    out = []
    for tok in sdoc:
        if tok.idx in taken or _word(tok) not in title_heads() or tok.tag_ not in {"NN", "NNP"}:
            continue
        nxt = sdoc[tok.i + 1] if tok.i + 1 < len(sdoc) else None
        if nxt is not None and nxt.ent_type_ == "PERSON":
            continue
        j, start = tok.i - 1, None
        while j >= 0 and tok.i - j <= 6:
            t = sdoc[j]
            if t.lower_ in {"the", "a", "an"}:
                start = j
                break
            if t.text in _POSS and j > 0 and sdoc[j - 1].ent_type_ == "GPE":
                start = next(e.start for e in sdoc.ents if e.start <= j - 1 < e.end)
                break
            if not (
                _is_titleish(t)
                or gazetteer.lookup(t.text)
                or (t.is_lower and t.pos_ in {"NOUN", "ADJ"})
            ):
                break
            j -= 1
        if start is None:
            continue
        end = tok.i + 1
        if nxt is not None and nxt.lower_ == "of" and tok.i + 2 < len(sdoc):
            k = tok.i + 2 + (sdoc[tok.i + 2].lower_ == "the")
            if k < len(sdoc) and sdoc[k].ent_type_ == "GPE":
                while k < len(sdoc) and sdoc[k].ent_type_ == "GPE":
                    k += 1
                end = k
        words = sdoc[start + (sdoc[start].lower_ in {"the", "a", "an"}) : end]
        role = _role(words, [])
        if role is None or role.title not in {canonical_title(t) for t in titles()}:
            continue
        if role.country is None:
            for t in words:
                hit = gazetteer.lookup(t.text) if t.text[:1].isupper() else None
                if hit:
                    role.country = hit[0]
        span = sdoc[start:end]
        out.append(
            Titled(
                Mention(
                    span.start_char,
                    span.end_char,
                    span.text,
                    "PERSON",
                    "role",
                    role=role.title,
                    country=role.country,
                ),
                role,
            )
        )
    return out
