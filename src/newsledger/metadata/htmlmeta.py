"""Metadata the HTML itself declares: title, publication date, site name.

trafilatura reads og:title, <h1> and <title>; htmldate reads article:published_time,
<time> and JSON-LD, asked for the original date and searching markup only, so it never
guesses from body text or falls back to today.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import htmldate
import trafilatura


@dataclass
class HtmlMeta:
    title: str | None = None
    published: str | None = None
    sitename: str | None = None


def _strip_site(title: str, sitename: str | None) -> str:
    """ "Talks resume | Daily Planet" → "Talks resume"."""
    parts = re.split(r"\s+[|–—-]\s+|\s+::\s+|\s+»\s+", title)
    if len(parts) > 1:
        if sitename and parts[-1].strip().lower() == sitename.lower():
            parts = parts[:-1]
        elif sitename and parts[0].strip().lower() == sitename.lower():
            parts = parts[1:]
        elif len(parts[-1].split()) <= 4 and len(parts[0].split()) >= 4:
            parts = parts[:-1]
    return " - ".join(p.strip() for p in parts).strip()


def read(html: str) -> HtmlMeta:
    try:
        meta = trafilatura.extract_metadata(html, extensive=False)
    except Exception:  # broken markup: no metadata rather than no document
        meta = None
    try:
        date = htmldate.find_date(html, extensive_search=False, original_date=True)
    except Exception:
        date = None
    sitename = getattr(meta, "sitename", None) or None
    title = getattr(meta, "title", None) or None
    return HtmlMeta(_strip_site(title, sitename) if title else None, date, sitename)
