"""The event vocabularies, loaded once from data/events/*.toml.

Data, not code: a linguist extends the lexicon by editing TOML, and every rule in
this package reads its words from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from newsledger.datafiles import data_file

PLOVER = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(frozen=True)
class Entry:
    """One trigger: the words that select a PLOVER category, with its mode."""

    category: str
    pos: str  # "verb" | "noun" | "adj"
    words: tuple[str, ...]
    mode: str | None = None
    needs_recipient: bool = False

    @property
    def extra(self) -> tuple[str, ...]:
        return self.words[1:]


def _load(name: str) -> dict[str, Any]:
    return data_file("events", name)


def _parse(category: str, pos: str, text: str) -> Entry:
    words, mode, needs = [], None, False
    for part in text.split():
        if part.startswith("@"):
            mode = part[1:] or None
        elif part == "!":
            needs = True
        else:
            words.append(part.lower())
    return Entry(category, pos, tuple(words), mode, needs)


@cache
def triggers() -> dict[tuple[str, str], list[Entry]]:
    """Entries indexed by (pos, word): every word of a noun entry may be its head."""
    index: dict[tuple[str, str], list[Entry]] = {}
    for category, table in _load("triggers.toml").items():
        if category not in PLOVER:
            raise ValueError(f"triggers.toml: {category} is not a PLOVER category")
        for field, pos in (("verbs", "verb"), ("nouns", "noun"), ("adjectives", "adj")):
            for text in table.get(field, []):
                entry = _parse(category, pos, text)
                heads = entry.words[:1] if pos != "noun" else entry.words
                for head in heads:
                    index.setdefault((pos, head), []).append(entry)
    for entries in index.values():
        entries.sort(key=lambda e: -len(e.words))
    return index


STATEMENTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN"})  # acts done by saying


def speech_act(verb) -> bool:
    """A verb that can name an act done by saying it: "urged", "accused", "warned"."""
    entries = triggers().get(("verb", verb.lemma_.lower()), [])
    return any(e.category in STATEMENTS for e in entries)


@cache
def recipient_preps(category: str) -> frozenset[str]:
    return frozenset(_load("triggers.toml")[category].get("recipient_preps", []))


@cache
def cues() -> dict[str, Any]:
    return _load("cues.toml")


@cache
def words(name: str) -> frozenset[str]:
    """A cue list from cues.toml as a set."""
    return frozenset(cues()[name])


@cache
def regional_blocs() -> dict[str, list[str]]:
    """Regional adjective → the names of its bloc ("West African" → ECOWAS)."""
    return _load("regional_blocs.toml")["blocs"]


@cache
def seats() -> dict[str, list[str]]:
    """City → the names of the organisation it stands for ("Brussels" → the EU)."""
    return _load("regional_blocs.toml")["seats"]


@cache
def actor_noun_types() -> dict[str, str]:
    out: dict[str, str] = {}
    for etype, nouns in cues()["actor_nouns"].items():
        for noun in nouns:
            out.setdefault(noun, etype)
    return out
