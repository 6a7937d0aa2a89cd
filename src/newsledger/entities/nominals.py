"""Unnamed political actors: "US lawmakers", "police", "the government", "Sri Lankan army".

A noun phrase counts when its head noun is in data/entities/nominals.json; weak
heads ("group", "force") need a modifier ("a human rights group"). The country
comes from a demonym or country word in the phrase, the sector from the head.
"""

from __future__ import annotations

from functools import cache

from newsledger.document import Mention
from newsledger.entities import gazetteer
from newsledger.entities.vocab import (
    determiners,
    load,
    nominal_nouns,
    qualifiers,
    weak_nominals,
)

_QUANTITY = {"thousands", "hundreds", "dozens", "scores", "millions", "tens"}


def nominal_mentions(sdoc, taken: set[int]) -> list[Mention]:
    """`taken`: char offsets already inside a person, organisation or place name."""
    out = []
    nouns = nominal_nouns()
    for head, start in _heads(sdoc):
        lemma = head.lemma_.lower()
        if head.idx in taken or (head.pos_ == "PROPN" and head.ent_type_):
            continue
        while (
            start < head.i and not _hyphen_joined(sdoc[start]) and sdoc[start].text not in _HYPHENS
        ) and (
            sdoc[start].lower_ in determiners()
            or sdoc[start].pos_ in {"DET", "PRON", "NUM", "ADV", "PART", "CCONJ", "ADP", "PUNCT"}
            or "\n" in sdoc[start : head.i].text
        ):
            start += 1
        had_det = any(t.pos_ == "DET" or t.dep_ == "poss" for t in sdoc[max(start - 2, 0) : start])
        start = _after_coordinated_demonym(sdoc, start, head.i)
        mods = [
            t
            for t in sdoc[start : head.i]
            if (t.dep_ in _MODIFIERS or t.dep_ == "conj") and t.lower_ not in qualifiers()
        ]
        if lemma in weak_nominals() and (not mods or _abstract(head, mods, had_det)):
            continue
        span = sdoc[start : head.i + 1]
        type_, sector = nouns[lemma]
        out.append(
            Mention(
                span.start_char,
                span.end_char,
                span.text,
                type_,
                "nominal",
                country=_country(span),
                sector=sector,
            )
        )
    return out


_MODIFIERS = {"amod", "compound", "nmod", "poss", "npadvmod"}
_HYPHENS = {"-", "–"}


def _hyphen_joined(tok) -> bool:
    """ "far" in "far-right", "three" in "three-way": half of one hyphenated word."""
    doc = tok.doc
    return not tok.whitespace_ and tok.i + 1 < len(doc) and doc[tok.i + 1].text in _HYPHENS


def _after_coordinated_demonym(sdoc, start: int, head: int) -> int:
    """ "Pakistani and Afghan border forces": the forces as written start after "and";
    the first demonym stays its own mention, linked to its country."""
    for tok in sdoc[start:head]:
        if tok.lower_ in {"and", "or", "&"} and tok.i > start:
            first = sdoc[start : tok.i]
            if all(t.text[:1].isupper() and gazetteer.lookup(t.text) for t in first):
                return tok.i + 1
    return start


@cache
def _mass_senses() -> frozenset[str]:
    return frozenset(load("nominals")["mass_senses"])


def _abstract(head, mods: list, had_det: bool) -> bool:
    """ "excessive force", "full force", "national security": a weak singular head with
    only lowercase adjectives and no article reads as a quality, not a body of people."""
    if had_det or head.tag_ != "NN" or head.lemma_.lower() not in _mass_senses():
        return False
    return all(t.pos_ == "ADJ" and t.is_lower and not gazetteer.lookup(t.text) for t in mods)


def definite_heads(sdoc, taken: set[int], heads: set[str]) -> list[Mention]:
    """ "the court" after "International Criminal Court": a bare weak head ("court",
    "commission") counts when "the" points back to an organisation named with it.
    `heads`: last words (lowercase) of the organisations named in the article."""
    out = []
    nouns = nominal_nouns()
    for tok in sdoc[1:]:
        lemma = tok.lemma_.lower()
        if tok.idx in taken or lemma not in heads or lemma not in nouns:
            continue
        if sdoc[tok.i - 1].lower_ != "the" or tok.tag_ != "NN" or not tok.is_lower:
            continue
        type_, sector = nouns[lemma]
        out.append(
            Mention(tok.idx, tok.idx + len(tok.text), tok.text, type_, "nominal", sector=sector)
        )
    return out


def _heads(sdoc):
    """(head token, phrase start) of every phrase an actor noun heads.

    Noun-chunk roots ("US lawmakers"), and actor nouns inside another phrase:
    possessors ("the Russian government's refusal") and modifiers of a noun that
    is not an actor ("Israeli military policies").
    """
    nouns = nominal_nouns()
    for chunk in sdoc.noun_chunks:
        if chunk.root.lemma_.lower() in nouns:
            yield chunk.root, _quantity_head(sdoc, chunk.start, chunk.start)
        for tok in chunk[:-1]:
            if tok.lemma_.lower() not in nouns or tok.i + 1 >= len(sdoc):
                continue
            possessor = tok.dep_ == "poss" or sdoc[tok.i + 1].text in {"'s", "’s"}
            modifier = tok.dep_ in _MODIFIERS and tok.head.lemma_.lower() not in nouns
            if (possessor or modifier) and tok.pos_ in {"NOUN", "ADJ"}:
                start = _left_edge(sdoc, tok, chunk.start)
                if possessor or _country(sdoc[start : tok.i + 1]):  # not "civilian areas"
                    yield tok, start


def _left_edge(sdoc, tok, floor: int) -> int:
    start = max(tok.left_edge.i, floor)
    while start - 1 >= floor:
        prev = sdoc[start - 1]
        if (
            prev.dep_ in _MODIFIERS
            and prev.head.i in (tok.i, tok.head.i)
            and prev.text[:1].isupper()
        ):
            start -= 1
        else:
            break
    return start


def _quantity_head(sdoc, chunk_start: int, start: int) -> int:
    """ "Thousands of police": the quantity phrase in front is part of the actor as written."""
    if (
        chunk_start >= 2
        and sdoc[chunk_start - 1].lower_ == "of"
        and sdoc[chunk_start - 2].lower_ in _QUANTITY
    ):
        return chunk_start - 2
    return start


def _country(span) -> str | None:
    for tok in span:
        if tok.text[:1].isupper():
            hit = gazetteer.lookup(tok.text)
            if hit and hit[1] != "capital":
                return hit[0]
    for ent in span.ents:
        hit = gazetteer.lookup(ent.text)
        if hit and hit[1] != "capital":
            return hit[0]
    return None


def short_forms(sdoc, m: Mention) -> list[str]:
    """Shorter ways the text names the same unnamed actor, all substrings as written.

    "a senior British minister" -> "British minister"; "Panamanian army officers" ->
    "Panamanian army" (the phrase cut at an earlier actor noun).
    """
    span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return []
    toks = list(span)
    while (
        len(toks) > 1
        and (toks[0].lower_ in determiners() or toks[0].lower_ in qualifiers())
        and not _hyphen_joined(toks[0])
    ):
        toks = toks[1:]
    out = []
    if toks and toks[0].i != span.start:
        out.append(sdoc[toks[0].i : span.end].text)
    for cut in toks[:-1]:
        proper = cut.ent_type_ or not cut.is_lower  # never cut inside a name ("State Department")
        hyphenated = sdoc[cut.i - 1].text in _HYPHENS and not sdoc[cut.i - 1].whitespace_
        if (
            cut.lemma_.lower() in nominal_nouns()
            and cut.i > toks[0].i
            and not (proper or hyphenated)
        ):
            out.append(sdoc[toks[0].i : cut.i + 1].text)
    out.extend(_with_place(sdoc, span))
    return [f for f in out if f != m.text]


def _with_place(sdoc, span) -> list[str]:
    """ "rebels in Darfur", "opposition parties in Nepal": the actor with its place as written."""
    k = span.end
    if k + 1 >= len(sdoc) or sdoc[k].lower_ not in {"in", "from", "of", "throughout"}:
        return []
    k += 1 + (sdoc[k + 1].lower_ == "the")
    if k >= len(sdoc) or sdoc[k].ent_type_ not in {"GPE", "LOC"} or sdoc[k].ent_iob_ != "B":
        return []
    ent = next(e for e in sdoc.ents if e.start == k)
    start = span.start + (span[0].lower_ in determiners())
    return [sdoc[start : ent.end].text]
