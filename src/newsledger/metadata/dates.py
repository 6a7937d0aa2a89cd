"""The publication date a page states, as ISO YYYY-MM-DD, or None.

Where a page states it: a labelled line ("Posted on: 4/22/2019"), a date after the
dateline ("Springfield, IL: 21st May, 2019"), or a bare date line above the article.
Never: dates inside the article's sentences (events), lines after the article
(render and print stamps, teasers) unless labelled as the publication date, an
"updated" date when any other date is stated, or anything relative ("Monday"). Nothing
falls back to today.

Day/month order of numeric dates (5/6/2021): a page that prints a numeric date whose
first field is above 12 is day-first, one whose second field is above 12 is
month-first; otherwise the order of its written dates ("13 July" vs "July 13")
decides, and month-first (the most common in English-language dumps) is the default. Dotted
dates (05.06.2024) are always day-first.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

import dateparser

from newsledger.clean.blocks import Block, is_date_line
from newsledger.clean.cues import alternation, date_words
from newsledger.clean.dates import find_dates
from newsledger.metadata.page import View
from newsledger.metadata.title import last_furniture

SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["custom-formats", "absolute-time"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}


@cache
def _label_re(key: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(date_words()[key])})(?!\w)", re.IGNORECASE)


def date_order(lines: list[Block]) -> str:
    day_first = month_first = 0
    for block in lines:
        for d in find_dates(block.text):
            if d.numeric:
                day_first += d.numeric[0] > 12
                month_first += d.numeric[1] > 12
            elif d.text[:1].isdigit():
                day_first += 0.1  # "13 July": a weak hint
            else:
                month_first += 0.1
    return "DMY" if day_first > month_first else "MDY"


def parse(text: str, order: str = "MDY") -> str | None:
    """ISO date of one date string; None when it lacks a day, month or year."""
    try:
        when = dateparser.parse(text, settings={**SETTINGS, "DATE_ORDER": order})
    except (ValueError, OverflowError, TypeError):
        return None
    if when is None or not when.year >= 1990 or when.date() > dt.date.today():
        return None
    return when.date().isoformat()


def _first_date(text: str, order: str) -> str | None:
    for d in find_dates(text):
        dotted = d.numeric is not None and "." in d.text  # 05.06.2024 is day-first everywhere
        if d.has_year and (iso := parse(d.text, "DMY" if dotted else order)):
            return iso
    return None


def labelled(block: Block, order: str) -> str | None:
    """The date after a publication label, unless an "updated" label comes first."""
    m = _label_re("published_labels").search(block.text)
    if not m or len(block.words) > 16:
        return None
    rest = block.text[m.end() :]
    updated = _label_re("updated_labels").search(rest)
    return _first_date(rest[: updated.start()] if updated else rest, order)


def published(v: View, dateline_date: str | None, headline: str | None = None) -> str | None:
    order = date_order(v.lines)
    for block in [*v.header, *v.trailer]:
        if iso := labelled(block, order):
            return iso
    if dateline_date and (iso := _first_date(dateline_date, order)):
        return iso
    # a bare date above the menu or the headline is the site's "today", not the story's
    top = last_furniture(v.header)
    top = max([top, *(b.index for b in v.header if headline and b.text == headline)])
    last = max((b.index for b in v.header), default=-1)
    # a standfirst can open the article's run, with the byline and date below it
    opening = [b for b in v.lead if b.index > last and b.kind == "junk"]
    for block in [*v.header, *opening]:
        if block.index < top:
            continue
        short = is_date_line(block) or (len(block.words) <= 12 and not block.ends_sentence)
        if short and (iso := _first_date(_before_update(block.text), order)):
            return iso
    return _only_update(v, top, order)


def _only_update(v: View, top: int, order: str) -> str | None:
    """A page whose one stamp is "Updated: March 12, 2026" states no earlier date: the
    update is the closest it comes to a publication date (readers and annotators take
    it). Never used when any other date is stated."""
    for block in v.header:
        if block.index < top or len(block.words) > 12:
            continue
        updated = _label_re("updated_labels").search(block.text)
        if updated and (iso := _first_date(block.text[updated.end() :], order)):
            return iso
    return None


def _before_update(text: str) -> str:
    """The part of a date line before any "Updated" label: "March 3, 2024 Updated 2 hours
    ago" states its publication date first; "Updated: March 4, 2024" states none."""
    updated = _label_re("updated_labels").search(text)
    return text[: updated.start()] if updated else text


def normalise_given(value: object) -> str | None:
    """A container's date (JSONL field, WARC header) as ISO, if it parses."""
    if not value:
        return None
    text = str(value).strip()
    m = re.match(r"((?:19|20)\d{2})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    return parse(text)
