"""Vocabularies the cleaner reads from data files, loaded once."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from newsledger.datafiles import data_file


@cache
def cues() -> dict[str, Any]:
    return data_file("clean", "cues.toml")


@cache
def stop_words() -> frozenset[str]:
    """Stop words of several languages: their density tells running prose from lists."""
    table = data_file("clean", "stop_words.json")
    return frozenset(w for k, words in table.items() if not k.startswith("_") for w in words)


@cache
def date_words() -> dict[str, Any]:
    return data_file("clean", "dates.toml")


def phrase_set(key: str) -> frozenset[str]:
    return frozenset(cues()[key])


def alternation(words: list[str]) -> str:
    """A regex alternation that tries longer phrases first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
