"""Countries (shipped, built by scripts/build_gazetteer.py) and user gazetteers.

The country table answers "which country does this word name?" for names,
official names, abbreviations ("US", "UK"), demonyms ("Pakistani", "Americans")
and capitals (which name a government: "Washington said"). A user gazetteer
(CSV or JSON) anchors knowledge-base resolution: its entries become KB entities
whose canonical names win.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from newsledger.entities import keys
from newsledger.entities.vocab import load


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    abbreviations: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None


@cache
def countries() -> dict[str, Country]:
    out = {}
    for rec in load("countries"):
        out[rec["iso3"]] = Country(
            rec["iso3"],
            rec["name"],
            tuple(rec["aliases"]),
            tuple(rec["abbreviations"]),
            tuple(rec["demonyms"]),
            rec.get("capital"),
        )
    return out


@cache
def _index() -> dict[str, tuple[str, str]]:
    """normalised form -> (iso3, how: name|abbr|demonym|capital)."""
    idx: dict[str, tuple[str, str]] = {}
    for c in countries().values():
        for cap in [c.capital] if c.capital else []:
            idx.setdefault(keys.norm(cap), (c.iso3, "capital"))
        for dem in c.demonyms:
            idx.setdefault(keys.norm(dem), (c.iso3, "demonym"))
            idx.setdefault(keys.norm(dem) + "s", (c.iso3, "demonym"))
        for name in (c.name, *c.aliases):
            if idx.get(keys.norm(name), ("", ""))[1] != "name":
                idx[keys.norm(name)] = (c.iso3, "name")
    return idx


@cache
def _abbreviations() -> dict[str, str]:
    out: dict[str, str] = {}
    for c in countries().values():
        for abbr in c.abbreviations:
            out.setdefault(abbr, c.iso3)
            out.setdefault(".".join(abbr) + ".", c.iso3)  # U.S.
    return out


def lookup(text: str, allow_abbreviation: bool = True) -> tuple[str, str] | None:
    """(iso3, how) when `text` names a country, its people or its capital."""
    text = text.strip()
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    if allow_abbreviation and text.replace(".", "").isupper():
        iso = _abbreviations().get(text) or _abbreviations().get(text.replace(".", ""))
        if iso:
            return iso, "abbr"
    hit = _index().get(keys.norm(text.removeprefix("the ").removeprefix("The ")))
    return hit


def country_name(iso3: str) -> str:
    c = countries().get(iso3)
    return c.name if c else iso3


# --- user gazetteers ---------------------------------------------------------


class GazetteerError(ValueError):
    """A gazetteer file that cannot be read: one line naming the file and the reason."""


def read_entries(path: str | Path) -> list[dict[str, Any]]:
    """Entries of a CSV or JSON gazetteer, each with name, aliases, type, ... normalised."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise GazetteerError(f"{path}: cannot read ({err})") from err
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise GazetteerError(f"{path}: not JSON ({err})") from err
        rows = data.get("entities", data) if isinstance(data, dict) else data
    else:
        rows = list(csv.DictReader(text.splitlines()))
    if not isinstance(rows, list):
        raise GazetteerError(f"{path}: expected a list of entries")
    return [_entry(path, n, row) for n, row in enumerate(rows, 1)]


def _entry(path: Path, n: int, row: Any) -> dict[str, Any]:
    if not isinstance(row, dict) or not (row.get("name") or "").strip():
        raise GazetteerError(f"{path}: entry {n} has no name")
    aliases = row.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [a.strip() for a in aliases.split("|") if a.strip()]
    roles = row.get("roles") or []
    if isinstance(roles, str):
        roles = json.loads(roles) if roles.strip().startswith("[") else []
    return {
        "name": row["name"].strip(),
        "aliases": aliases,
        "type": (row.get("type") or "ORG").strip().upper(),
        "country": (row.get("country") or None),
        "sector": (row.get("sector") or None),
        "wikidata": (row.get("wikidata") or None),
        "roles": roles,
    }


def load_gazetteer(path: str | Path, store: Any) -> int:
    """Anchor the knowledge base with a user's reference list; returns entries loaded."""
    entries = read_entries(path)
    for entry in entries:
        store.anchor_entity(entry)
    return len(entries)
