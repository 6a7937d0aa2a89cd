"""Normalised names, phonetic skeletons and blocking keys.

Blocking keys let resolution fetch a handful of candidates instead of comparing
a new entity with the whole knowledge base: two spellings of one actor should
share at least one key ("Mohammed"/"Muhammad", "Hizbullah"/"Hezbollah",
"Sanchez"/"Sánchez"), and unrelated actors should rarely share one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler
from unidecode import unidecode

from newsledger.entities.vocab import determiners, honorifics, name_suffixes, title_words

_CONNECTORS = {"of", "the", "and", "for", "on", "in", "e", "i", "al", "el", "ul", "ur", "de", "&"}


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Lowercase ASCII words: what two spellings of one name share before fuzzing."""
    text = re.sub(r"[’'`]s\b", "", unidecode(text or "").lower())
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


@lru_cache(maxsize=65536)
def droppable(word: str) -> bool:
    """A leading word that is not part of a name: determiner, honorific, title word."""
    w = norm(word)
    return (
        w in determiners()
        or w in honorifics()
        or w in title_words()
        or w in {"former", "new", "ex"}
    )


@lru_cache(maxsize=65536)
def strip_titles(text: str) -> str:
    """The name without leading determiners, honorifics and title words."""
    words = norm(text).split()
    while len(words) > 1 and droppable(words[0]):
        words = words[1:]
    return " ".join(words)


def name_words(normed: str) -> list[str]:
    """A normalised person name without generational suffixes ("marcos jr" -> ["marcos"])."""
    words = normed.split()
    while len(words) > 1 and words[-1] in name_suffixes():
        words = words[:-1]
    return words


def surname(normed: str) -> str:
    """The last name of a normalised person name, skipping "Jr."/"III"."""
    words = name_words(normed)
    return words[-1] if words else ""


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Consonant skeleton: first letter kept, vowels and y/h/w dropped, doubles collapsed."""
    word = re.sub(r"[^a-z]", "", unidecode(word).lower())
    if not word:
        return ""
    rest = re.sub(r"[aeiouyhw]", "", word[1:])
    rest = word[0] + rest.replace("ck", "k").replace("c", "k").replace("q", "k").replace("z", "s")
    return re.sub(r"(.)\1+", r"\1", rest)


@lru_cache(maxsize=65536)
def acronym(name: str, connectors: bool = False) -> str:
    """Initials of the content words: "National Liberation Front" -> "NLF"; with
    `connectors`, of every word ("Economic Community of West African States" -> ECOWAS)."""
    parts = re.split(r"[\s\-]+", unidecode(name))
    return "".join(
        p[0].upper()
        for p in parts
        if p and p[0].isalpha() and (connectors or p.lower() not in _CONNECTORS)
    )


def is_acronym(text: str) -> bool:
    core = text.replace(".", "")
    return 2 <= len(core) <= 8 and core.isalpha() and core.isupper()


def similarity(a: str, b: str) -> float:
    """Name similarity in [0, 1] on normalised forms (Jaro-Winkler)."""
    return JaroWinkler.similarity(norm(a), norm(b))


def blocking_keys(name: str, type_: str, country: str | None = None) -> set[str]:
    return set(_blocking_keys(name, type_, country))


@lru_cache(maxsize=65536)
def _blocking_keys(name: str, type_: str, country: str | None) -> frozenset[str]:
    """Keys under which an entity is filed; a bare single-word person gets no fuzzy key.

    A country (GPE whose `country` is set) is filed under its ISO code, so every
    spelling of it ("US", "America") lands on one entity.
    """
    core = strip_titles(name)
    words = core.split()
    if not words:
        return set()
    keys = {f"x:{type_}:{core}"}
    if type_ == "PERSON":
        if len(words) >= 2:
            keys.add(f"p:{words[0][0]}:{skeleton(words[-1])}")
            keys.add(f"q:{skeleton(words[0])}:{words[-1][0]}")
        return keys
    if is_acronym(name):
        return keys | {f"a:{name.replace('.', '').upper()}"}  # no skeleton: "NUT" is not "NATO"
    if len(words) >= 2:
        keys.add(f"a:{acronym(core)}")
    content = [w for w in words if w not in _CONNECTORS]
    keys.add(f"o:{type_}:{' '.join(skeleton(w) for w in content)}")
    bare = drop_country(core)
    if bare != core and bare:
        keys.add(f"o:{type_}:{' '.join(skeleton(w) for w in bare.split() if w not in _CONNECTORS)}")
    if country and type_ == "GPE":
        keys.add(f"country:{country}")
    return keys


@lru_cache(maxsize=65536)
def drop_country(normed: str) -> str:
    """ "us state department" -> "state department": the organisation without its country."""
    from newsledger.entities.gazetteer import lookup

    words = normed.split()
    for n in (3, 2, 1):
        head = " ".join(words[:n])
        hit = lookup(head, False) or (lookup(head.upper()) if len(head) <= 3 else None)
        if len(words) > n and hit and hit[1] != "capital":
            return " ".join(words[n:])
    return normed
