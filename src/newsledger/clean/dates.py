"""Find date and time strings in a line.

Shared by the cleaner (a line that is only a date or a timestamp is page furniture)
and the metadata stage (which parses the strings found here with dateparser).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsledger.clean.cues import alternation, date_words


@dataclass(frozen=True)
class DateMatch:
    text: str  # the date string as printed
    start: int
    end: int
    numeric: tuple[int, int] | None = None  # the two leading fields of 4/22/2019, if numeric
    has_year: bool = True


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    words = date_words()
    month = rf"(?:{alternation(words['months'])})\.?"
    day = r"\d{1,2}(?:st|nd|rd|th|er|º|°)?"
    year = r"(?:19|20)\d{2}"
    return {
        "iso": re.compile(r"\b(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?!\d)"),
        "numeric": re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-]((?:19|20)?\d{2})\b(?![/.\-]\d)"),
        "day_month": re.compile(
            rf"\b{day}(?:\s+of|\s+de)?\s+{month}(?:(?:,|\s+de)?\s+{year}\b)?", re.IGNORECASE
        ),
        "month_day": re.compile(rf"\b{month}\s+{day}\b(?:,?\s+{year}\b)?", re.IGNORECASE),
        "time": re.compile(
            r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\b\.?)?(?:\s*(?:[A-Z]{2,4}|GMT[+-]?\d*))?",
            re.IGNORECASE,
        ),
        "weekday": re.compile(rf"\b(?:{alternation(words['weekdays'])})\b\.?,?", re.IGNORECASE),
    }


def find_dates(line: str) -> list[DateMatch]:
    """Every date string in `line`, left to right, without overlaps."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for name in ("iso", "numeric", "day_month", "month_day"):
        for m in _patterns()[name].finditer(line):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            numeric = (int(m.group(1)), int(m.group(2))) if name == "numeric" else None
            has_year = name in ("iso", "numeric") or bool(re.search(r"\d{4}", m.group(0)))
            found.append(DateMatch(m.group(0), m.start(), m.end(), numeric, has_year))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def strip_dates(line: str) -> str:
    """`line` without its dates, times and weekday names: what is said around a date."""
    for d in reversed(find_dates(line)):
        line = line[: d.start] + " " + line[d.end :]
    line = _patterns()["time"].sub(" ", line)
    return _patterns()["weekday"].sub(" ", line)
