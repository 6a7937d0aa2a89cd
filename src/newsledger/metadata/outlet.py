"""The original publisher a page credits: "— (Daily Courier)", "(IANS)", "— AFP",
"NEW DELHI (Reuters) -", ", Metro News reported." A credit in the page wins over the
container's outlet (the site that served it may only be republishing)."""

from __future__ import annotations

import re
from functools import cache

from newsledger.clean.blocks import WORD, Block
from newsledger.clean.cues import alternation, cues, data_file

NAME = r"[A-Z][\w&'’.\-]*(?:\s+(?:[A-Z][\w&'’.\-]*|of|the|de|&)){0,4}"
END_PAREN = re.compile(r"(?:^|[.!?”\"’)\]]\s*|[—–-]\s*)\(\s*(?P<name>[^()]{2,50}?)\s*\)\.?\s*$")
END_DASH = re.compile(rf"(?:^|[.!?”\"’]\s*)[—–-]+\s*(?P<name>{NAME})\.?\s*$")
WIRE_START = re.compile(r"^[^()]{2,80}?\((?P<name>[^()]{2,40})\)\s*(?::|—|–|--|-)")


@cache
def table() -> dict:
    return data_file("metadata", "outlets.toml")


@cache
def _known() -> dict[str, str]:
    return {n.lower(): n for n in table()["agencies"]}


def _strip_prefix(name: str) -> str:
    prefixes = alternation(table()["credit_prefixes"])
    name = re.sub(rf"^(?:{prefixes})\b\s*:?\s*", "", name.strip(), flags=re.IGNORECASE)
    return name.strip(" .,:;—–-")


def looks_like_outlet(name: str) -> bool:
    """A known agency or broadcaster, or a name ending like a publication ("Metro News")."""
    if name.lower() in _known():
        return True
    words = name.split()
    return bool(words) and words[-1] in set(table()["name_heads"])


def credit_name(name: str, strict: bool) -> str | None:
    """`name` cleaned, if it can be a publisher; `strict` also asks that it look like one."""
    name = _strip_prefix(re.split(r"(?<=[a-z]{2})\.\s", name)[0])
    words = WORD.findall(name)
    if not words or len(words) > 5 or not name[:1].isupper():
        return None
    furniture = {*cues()["credit_words"], *cues()["legal_phrases"], *cues()["stub_labels"]}
    if name.lower() in furniture or any(c.isdigit() for c in name):
        return None
    if strict and not looks_like_outlet(name):
        return None
    return _known().get(name.lower(), name)


def end_credit(lines: list[str]) -> str | None:
    """A credit closing the article, or standing alone on a line just after it."""
    for n, line in enumerate(lines):
        text = line.strip()
        standalone = n > 0 or len(text.split()) <= 6
        m = END_PAREN.search(text)
        if m and (name := credit_name(m["name"], strict=False)):
            # "(BLA)." closing a sentence has no sentence end or dash before it: not matched
            return name
        m = END_DASH.search(text)
        if m and (name := credit_name(m["name"], strict=not standalone)):
            return name
        if n > 0 and len(text.split()) <= 4 and (name := credit_name(text, strict=True)):
            return name
    return None


def reported(paragraphs: list[str], key: str = "reported_patterns") -> str | None:
    """A publication named in a sentence shape from the data file's list `key`."""
    for template in table()[key]:
        pattern = re.compile(template.format(name=f"(?P<name>{NAME})"))
        for para in paragraphs:
            for sentence in re.split(r"(?<=[.!?])\s+", para):
                m = pattern.search(sentence)
                if m and (name := credit_name(m["name"], strict=True)):
                    return name
    return None


YEARS = r"(?:(?:19|20)\d{2}\s*(?:[-–]\s*\d{2,4})?\s*)?"
COPYRIGHT = re.compile(
    rf"(?i:(?:©|\(c\)|copyright)\s*)+{YEARS}(?:by\s+)?(?P<name>{NAME})"
    rf"|(?:^|[|·•]\s*)(?P<before>{NAME})\s*(?:©|\(c\))"
)


def copyright_holder(lines: list[Block]) -> str | None:
    """The site a footer names ("© 2023 The Daily Courier. All rights reserved.")."""
    for block in reversed(lines):
        m = COPYRIGHT.search(block.text)
        found = m and _before_legal(m["name"] or m["before"] or "")
        if found and len(block.words) <= 15 and (name := credit_name(found, strict=False)):
            return name
    return None


def _before_legal(name: str) -> str:
    """ "Example Media LLC. All" → "Example Media LLC": the notice's own words are no name."""
    legal = alternation([p for p in cues()["legal_phrases"] if p[0].isalpha()])
    name = re.split(rf"\s+(?:{legal}|all\b)", name, maxsplit=1, flags=re.IGNORECASE)[0]
    return name.strip(" .,;|")


def expand(name: str, lines: list[Block]) -> str:
    """An unknown acronym credit ("MWS") spelled out where the page prints the full name."""
    if not re.fullmatch(r"[A-Z]{2,6}", name) or name.lower() in _known():
        return name
    words = r"\s+".join(rf"{c}[\w'’&.\-]+" for c in name)
    for block in lines:
        if m := re.search(rf"\b{words}", block.text):
            return m.group(0)
    return name


def credited(body: list[str], trailer: list[Block], wire_agency: str | None) -> str | None:
    """The publisher the whole article is credited to (closing credit, wire dateline), or None.

    "According to X" or "X reported" inside the story is attribution of one claim, not a
    credit: the page's own site name outranks it (see `reported`, a last resort)."""
    tail = [body[-1]] if body else []
    name = end_credit(tail + [b.text for b in trailer[:3]])
    if name:
        return name
    if wire_agency and (name := credit_name(wire_agency, strict=False)):
        return name
    wire = WIRE_START.match(body[0]) if body else None
    if wire and (name := credit_name(wire["name"], strict=True)):
        return name
    return None
