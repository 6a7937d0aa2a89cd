"""The site's own name: the masthead a dump prints at its top, in the form readers use.

A masthead ("The Evening Star" alone on one of the first lines) names the site better
than a footer's copyright holder, which is often the publishing company behind it
("Example Publications Pvt. Ltd."). A short top line only counts as a masthead when
it is title-cased and either looks like a publication or the page names it again
elsewhere ("Follow The Evening Star on ...", "© 2024 The Evening Star"), so a short
headline or section label at the top is not taken for one.
"""

from __future__ import annotations

import re
from functools import cache

import pycountry

from newsledger.clean.blocks import SHORT, WORD, Block
from newsledger.clean.cues import alternation, phrase_set
from newsledger.metadata.outlet import credit_name, looks_like_outlet, table

TOP_LINES = 3  # a masthead stands among the first lines of the page
CONNECTORS = {"of", "the", "de", "la", "el", "and", "&", "for", "on"}


def _title_cased(name: str) -> bool:
    words = WORD.findall(name)
    return bool(words) and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in CONNECTORS for w in words
    )


def _named_elsewhere(name: str, block: Block, lines: list[Block]) -> bool:
    """Whether another line of the page mentions `name` (not just repeats the same line)."""
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
    return any(b.key != block.key and pattern.search(b.text) for b in lines)


def _menu_label(name: str) -> bool:
    """ "Latest News", "World": a section label, however often the page repeats it."""
    menu = phrase_set("menu_words") | CONNECTORS
    return all(w.lower() in menu for w in WORD.findall(name))


def masthead(header: list[Block], lines: list[Block], headline: str | None) -> str | None:
    """The site name printed alone on one of the page's first lines, if corroborated."""
    for block in header[:TOP_LINES]:
        plain = block.kind == SHORT or block.why == "repeated"  # not a byline, menu or stub
        if not plain or block.text == headline or block.ends_sentence:
            continue
        name = credit_name(block.text, strict=False)
        if not name or not _title_cased(name) or _menu_label(name):
            continue
        if looks_like_outlet(name) or _named_elsewhere(name, block, lines):
            return name
    return None


@cache
def _countries() -> str:
    names = set()
    for country in pycountry.countries:
        names.update(
            getattr(country, key, None) for key in ("name", "common_name") if hasattr(country, key)
        )
    return alternation([n for n in names if n and "," not in n])


def tidy(name: str, lines: list[Block]) -> str:
    """The outlet as readers name it: without a domain ending ("Example.com" → "Example")
    and without a trailing country ("Example Times Kenya") when the page itself also
    prints the shorter name."""
    suffixes = alternation(table()["domain_suffixes"])
    bare = re.sub(rf"(?<=\w)\.(?:{suffixes})$", "", name, flags=re.IGNORECASE)
    if bare != name and bare:
        return bare
    m = re.match(rf"(?P<short>.+?\w)\s+(?P<country>{_countries()})$", name)
    if not m or m["short"].split()[-1].lower() in CONNECTORS:
        return name
    short, country = (re.escape(m[k]) for k in ("short", "country"))
    alone = re.compile(rf"(?<!\w){short}(?!\w)(?!\s+{country})", re.IGNORECASE)
    return m["short"] if any(alone.search(b.text) for b in lines) else name
