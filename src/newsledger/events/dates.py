"""When: the event's date, absolute or resolved against the publication date.

"on Monday", "last week", "few days ago" mean nothing without the day the article
was published; dateparser resolves them relative to it, preferring the past (news
reports what happened). A date that only names a month or a year, or that cannot be
resolved, stays unknown.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import cache

FEW = re.compile(r"\b(?:a\s+)?few\b", re.IGNORECASE)


@cache
def _parser(base: str | None):
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(base)
    return DateDataParser(languages=["en"], settings=settings)


WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
BARE_WEEKDAY = re.compile(
    r"^(?:on\s+|last\s+|this\s+(?:past\s+)?)?(" + "|".join(WEEKDAYS) + r")$", re.I
)


def _weekday(text: str, published: str) -> str | None:
    """ "on Monday" in a story published on Monday is that day; else the last Monday."""
    m = BARE_WEEKDAY.match(text.strip())
    if not m:
        return None
    try:
        base = datetime.fromisoformat(published[:10]).date()
    except ValueError:
        return None
    back = (base.weekday() - WEEKDAYS.index(m.group(1).lower())) % 7
    if back == 0 and text.strip().lower().startswith("last"):
        back = 7
    return (base - timedelta(days=back)).isoformat()


def resolve(text: str, published: str | None) -> str | None:
    """ISO date for a date expression, or None when it is not a known day."""
    if published:
        day = _weekday(text, published)
        if day:
            return day
    clean = FEW.sub("3", text.strip())  # "few days ago": about three days back
    clean = re.sub(r"^(?:on|in|at|since|by|during|until|from)\s+", "", clean, flags=re.I)
    relative = bool(
        re.search(
            r"\b(ago|last|yesterday|today|tonight|this|next|on|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
            text,
            re.I,
        )
    )
    if relative and not published and not re.search(r"\d{4}", text):
        return None
    try:
        data = _parser(published[:10] if published else None).get_date_data(clean)
    except Exception:  # dateparser raises on odd input; an unknown date is fine
        return None
    if data is None or data.date_obj is None or data.period not in ("day", "time"):
        return None
    return data.date_obj.date().isoformat()


def event_date(tokens: list, published: str | None, sent) -> str | None:
    """The date of the event: a DATE entity attached to its clause."""
    ids = {t.i for t in tokens if t is not None}
    if not tokens:
        return None
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        root = ent.root
        if (
            root.i in ids
            or root.head.i in ids
            or (root.head.dep_ == "prep" and root.head.head.i in ids)
        ):
            found = resolve(ent.text, published)
            if found:
                return found
    return None
