"""The dateline: the place a story is filed from, as printed at the start of the article.

A generic shape, not a gazetteer: one to four capitalised words, an optional
", Region", an optional date, an optional "(Agency)", then a colon or a dash
("Springfield, IL:", "Lagos —", "NEW DELHI (Reuters) -", "Quetta, May 12:").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsledger.clean.blocks import Block
from newsledger.clean.cues import alternation, cues, data_file, date_words, stop_words

WORD = r"[^\W\d_][^\s,:;()—–]*"


@dataclass
class Dateline:
    place: str
    date: str | None  # the date printed with it, if any
    agency: str | None  # "(Reuters)" in "NEW DELHI (Reuters) -"


@cache
def _rules() -> dict:
    return data_file("metadata", "datelines.toml")


@cache
def _pattern() -> re.Pattern[str]:
    month = rf"(?:{alternation(date_words()['months'])})\.?"
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    date = (
        rf"(?:{month}\s+{day}|{day}\s+{month})(?:,?\s+(?:19|20)\d{{2}})?"
        r"|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}"
    )
    return re.compile(
        rf"^(?P<place>{WORD}(?:\s+{WORD}){{0,3}}?)"
        rf"(?:,\s*(?!{month}\b)(?P<region>{WORD}(?:\s+{WORD}){{0,2}}?))?"
        rf"(?:,?\s+(?P<date>{date}))?"
        r"\s*(?:\((?P<agency>[^()]{2,40})\)\s*(?::|—|–|--|-)?|(?P<sep>:|—|–|--|\s-\s?))"
        r"\s*(?P<rest>.*)$",
        re.IGNORECASE | re.DOTALL,
    )


@cache
def _labels() -> frozenset[str]:
    """Words that open furniture lines ("Posted on:", "Photo:", "UPDATE —"), not places."""
    words = [*_rules()["not_places"], *cues()["stub_labels"], *cues()["credit_words"]]
    words += [*date_words()["published_labels"], *date_words()["updated_labels"]]
    return frozenset(w.lower() for w in words)


def _place_ok(place: str) -> bool:
    words = place.split()
    joiners = set(_rules()["place_joiners"])
    if not words or not words[0][:1].isupper():
        return False
    if any(not (w[:1].isupper() or w.lower() in joiners) for w in words):
        return False
    if place.lower() in _labels() or words[0].lower() in _labels():
        return False
    # "But —" or "The:" are sentence openings; an ALL CAPS single word is a dateline
    return place.isupper() or not (len(words) == 1 and words[0].lower() in stop_words())


def display(place: str) -> str:
    """The page's spelling, except that ALL CAPS words of three letters or more are title-cased."""

    def fix(word: str) -> str:
        letters = [c for c in word if c.isalpha()]
        if len(letters) >= 3 and all(c.isupper() for c in letters):
            return "-".join(p.capitalize() for p in word.split("-"))
        return word

    return " ".join(fix(w) for w in place.split())


def find(line: str) -> Dateline | None:
    m = _pattern().match(line.strip())
    if not m:
        return None
    place, region, date, rest = m["place"], m["region"], m["date"], m["rest"].strip()
    if not _place_ok(place) or (region and not _place_ok(region)):
        return None
    if not rest and not date:
        return None
    # "Jane Doe: “We will ...”" is a speaker, not a place; "KAMO — “This ...”" is a dateline
    quoted = rest[:1] in "\"“'‘«" and m["sep"] == ":" and not place.isupper()
    if quoted or (rest and rest[:1].islower()):
        return None
    full = f"{place}, {region}" if region else place
    return Dateline(display(full), date, m["agency"])


def dateline(lead: list[Block]) -> Dateline | None:
    """The first dateline among the lines where the article begins."""
    for block in lead:
        if found := find(block.text):
            return found
    return None


KICKER_LINES = 4  # short lines ("WEST PHILIPPINE SEA", blank lines) a dateline may follow
KICKER_WORDS = 6


def prefix_end(body: str) -> int:
    """Where the article's own words start when the body opens with a dateline.

    "NAIROBI, July 12 (Reuters) - Kenyan President ..." → the offset of "Kenyan":
    the parser should not read the place as the subject of the first sentence. A short
    kicker line ("WEST PHILIPPINE SEA") may stand above the dateline.
    """
    offset = 0
    for line in body.split("\n")[: KICKER_LINES + 1]:
        stripped = line.lstrip()
        m = _pattern().match(stripped)
        if m and find(stripped) is not None:
            return offset + len(line) - len(stripped) + m.start("rest")
        if len(stripped.split()) > KICKER_WORDS:
            return 0  # prose before any dateline: the story has none up front
        offset += len(line) + 1
    return 0
