"""Build the shipped country gazetteer from maintained package data.

Names, official names and ISO codes come from pycountry (ISO 3166); demonyms,
capitals and common alternative spellings from countryinfo. Run it again when
either package updates; the JSON it writes is committed so nothing is fetched
at run time:

    python scripts/build_gazetteer.py [OUT]
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import pycountry
from countryinfo import CountryInfo

OUT = Path(__file__).resolve().parents[1] / "src/newsledger/data/entities/countries.json"
EXTRA = Path(__file__).resolve().parent / "gazetteer_extra.json"


def _latin(text: str) -> bool:
    """Keep spellings a reader of English news would meet: Latin letters only."""
    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


def _info(alpha3: str) -> dict:
    try:
        return CountryInfo(alpha3).info()
    except Exception:  # countryinfo lacks a few territories
        return {}


def country_record(country) -> dict:
    info = _info(country.alpha_3)
    codes = {country.alpha_2, country.alpha_3}
    names = [getattr(country, "common_name", None), info.get("name"), country.name]
    official = getattr(country, "official_name", None)
    aliases, abbreviations = [], []
    for alt in [official, *info.get("altSpellings", [])]:
        if not alt or not _latin(alt) or alt in codes:
            continue
        if alt.isupper() and len(alt) <= 4:
            abbreviations.append(alt)
        else:
            aliases.append(alt)
    aliases = [a.removeprefix("the ") for a in [*names, *aliases] if a and "," not in a]
    demonym = info.get("demonym") or None
    capital = info.get("capital") or None
    return {
        "iso3": country.alpha_3,
        "iso2": country.alpha_2,
        "name": aliases[0] if aliases else country.name,
        "official_name": official,
        "aliases": sorted(set(aliases)),
        "abbreviations": sorted(set(abbreviations)),
        "demonyms": [demonym] if demonym else [],
        "capital": capital if capital and _latin(capital) else None,
        "population": info.get("population") or 0,
    }


def with_extras(records: list[dict], extra: dict) -> list[dict]:
    """Add the hand-kept forms the packages lack (see gazetteer_extra.json)."""
    for rec in records:
        forms = extra["demonyms"].get(rec["iso3"], [])
        rec["demonyms"] += [f for f in forms if f not in rec["demonyms"]]
        codes = {rec["iso2"], rec["iso3"]} & set(extra["codes_kept"])
        short = set(rec["abbreviations"]) | codes | set(extra["abbreviations"].get(rec["iso3"], []))
        rec["abbreviations"] = sorted(short)
    return records + extra["countries"]


def main(out: Path = OUT) -> None:
    extra = json.loads(EXTRA.read_text(encoding="utf-8"))
    records = with_extras([country_record(c) for c in pycountry.countries], extra)
    # most populous first: where two countries share a demonym, readers mean the larger
    records.sort(key=lambda r: -r["population"])
    out.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {len(records)} countries")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
