"""Vocabularies of the entities stage, read once from data/entities/*.json."""

from __future__ import annotations

from functools import cache
from typing import Any

from newsledger.datafiles import data_file


@cache
def load(name: str) -> Any:
    return data_file("entities", f"{name}.json")


@cache
def honorifics() -> frozenset[str]:
    return frozenset(h.strip(".").lower() for h in load("honorifics")["honorifics"])


@cache
def determiners() -> frozenset[str]:
    return frozenset(load("honorifics")["determiners"])


@cache
def titles() -> dict[str, str]:
    """title (lowercase, as written) -> sector."""
    return load("titles")["titles"]


@cache
def title_words() -> frozenset[str]:
    """Every word that can be part of a title: lets a left scan know where a title ends."""
    words = set()
    for title in titles():
        words.update(title.replace("-", " ").split())
    return frozenset(words - {"of", "the", "in"})


@cache
def title_heads() -> frozenset[str]:
    """Last words of titles: a title phrase must end on one of these."""
    return frozenset(t.replace("-", " ").split()[-1] for t in titles())


@cache
def modifiers() -> frozenset[str]:
    return frozenset(load("titles")["modifiers"])


@cache
def former_words() -> frozenset[str]:
    return frozenset(load("titles")["former"])


@cache
def portfolio_heads() -> frozenset[str]:
    return frozenset(load("titles")["portfolio_heads"])


def canonical_title(title: str) -> str:
    synonyms = load("titles")["role_synonyms"]
    words = title.lower().replace("–", "-").split()
    return " ".join(synonyms.get(w, w) for w in words)


@cache
def nominal_nouns() -> dict[str, tuple[str, str]]:
    return {k: tuple(v) for k, v in load("nominals")["nouns"].items()}


@cache
def weak_nominals() -> frozenset[str]:
    return frozenset(load("nominals")["weak"])


@cache
def qualifiers() -> frozenset[str]:
    """Words a reader drops when naming the same actor shorter ("a senior British minister")."""
    return frozenset(load("nominals")["qualifiers"])


@cache
def org_classes() -> dict[str, frozenset[str]]:
    """Bare class noun ("party") -> the name words that make an organisation one."""
    return {k: frozenset(v) for k, v in load("org_classes").items() if not k.startswith("_")}


@cache
def governing_nouns() -> frozenset[str]:
    """Heads that make "<Organisation> authorities" the organisation itself."""
    return frozenset(load("nominals")["governing"])


@cache
def acting_members() -> frozenset[str]:
    """Heads that make "<Armed group> fighters" the group itself (PLOVER codes the group)."""
    return frozenset(load("nominals")["acting_members"])


@cache
def portfolios() -> frozenset[str]:
    """Words naming a ministry's field ("Interior" in "Interior Minister"), not an organisation."""
    return frozenset(load("titles")["portfolios"])


@cache
def name_suffixes() -> frozenset[str]:
    """ "Jr", "III": generational suffixes that follow a surname but are not one."""
    return frozenset(load("honorifics")["name_suffixes"])


@cache
def ambiguity_modifiers() -> dict[str, frozenset[str]]:
    """Words before a bare surname ("the former X", "the elder X") that pick, or fail
    to pick, one of two people sharing it."""
    return {k: frozenset(v) for k, v in load("honorifics")["ambiguity_modifiers"].items()}


@cache
def name_particles() -> frozenset[str]:
    """Lowercase words inside surnames ("von der Leyen", "da Silva") that NER cuts at."""
    return frozenset(load("honorifics")["name_particles"])
