"""The headline of a text dump.

Dumps print the headline above the article, often two or three times, among menus,
captions, bylines and date stubs. A candidate is headline-shaped: a few words, no
final period, not a menu row, credit, stub or date. A repeated candidate wins;
otherwise the top-most one below the last menu row above the article,
preferring one that shares a word with the lede (a site name or section label does not).
"""

from __future__ import annotations

import re

from newsledger.clean.blocks import JUNK, WORD, Block, heading_kind, junk_reason
from newsledger.clean.cues import stop_words

FURNITURE = {"nav"}  # menus sit at the top; widgets and markup can be anywhere
# a photo caption ends with its credit: "... on Tuesday. (Yonhap)", "... in Cairo (AFP)",
# "... in Islamabad. — APP"; dumps repeat captions, so they must never pass as headlines
CREDIT_TAIL = re.compile(r"(\(\s*[A-Z][\w/&.' -]{1,30}\)|\.\s*[—–]\s*[A-Z][\w/&.' -]{1,30})\s*$")


def headline_shaped(block: Block) -> bool:
    words = len(block.words)
    if not 3 <= words <= 30 or len(block.text) > 220 or len(block.text) < 12:
        return False
    if block.text.endswith((".", ":", ",", ";")) and not block.text.endswith("..."):
        return False
    if heading_kind(block) or junk_reason(block) or CREDIT_TAIL.search(block.text):
        return False
    if _menu_row(block) or _branding(block):
        return False
    return any(c.isupper() for c in block.text[:3])


def _menu_row(block: Block) -> bool:
    """ "Colombia  Venezuela  Ecuador  Region  Economy": five or more capitalised words
    and no function word. A headline, even in title case, has "to", "after", "as"..."""
    words = WORD.findall(block.text)
    stops = stop_words()
    return (
        len(words) >= 5
        and all(w[:1].isupper() for w in words)
        and not any(w.lower() in stops for w in words)
    )


def _branding(block: Block) -> bool:
    """ "ANDES MONITOR | English Edition": short pieces between bars are site furniture."""
    parts = [p for p in re.split(r"\s[|•·]\s", block.text) if p.strip()]
    return len(parts) >= 2 and all(len(WORD.findall(p)) <= 3 for p in parts)


def last_furniture(header: list[Block]) -> int:
    """Index of the last menu row above the article (-1 if none)."""
    return max((b.index for b in header if b.kind == JUNK and b.why in FURNITURE), default=-1)


def _content_words(text: str) -> set[str]:
    stops = stop_words()
    return {w.lower() for w in WORD.findall(text) if len(w) > 3 and w.lower() not in stops}


def _captioned(block: Block, header: list[Block]) -> bool:
    """A line within three blocks after a photo credit ("Photo: Staff") is its caption."""
    return any(b.why == "credit" and 0 < block.index - b.index <= 3 for b in header)


def title(header: list[Block], body: list[str]) -> str | None:
    candidates = [b for b in header if headline_shaped(b) and not _captioned(b, header)]
    repeated = [b for b in candidates if b.repeats > 1]
    if repeated:
        return max(repeated, key=lambda b: (b.repeats, b.index)).text
    top = last_furniture(header)
    below = [b for b in candidates if b.index > top and len(b.words) >= 4]
    lede = _content_words(" ".join(body[:2]))
    # a site name or section label shares no word with the lede; the headline does
    related = [b for b in below if _content_words(b.text) & lede]
    chosen = related or below
    return chosen[0].text if chosen else None
