"""Blocks of a text dump and the features that tell article prose from page furniture.

A block is one line (or a hard-wrapped paragraph) of the dump. Each block gets a
`kind` from features that hold on any site: how long it is, whether it reads as
sentences (punctuation, stop-word density), separator and markup density, whether it
addresses the reader, whether it is only a date, a credit or a label. No feature
looks for the strings of a particular site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from newsledger.clean.cues import alternation, cues, phrase_set, stop_words
from newsledger.clean.dates import find_dates, strip_dates

# Block kinds: what a block is, as far as the article is concerned.
TEXT = "text"  # running prose: the article is made of these
SENTENCE = "sentence"  # a short complete sentence: kept inside the article
SHORT = "short"  # a heading, headline or other short line: never body
JUNK = "junk"  # navigation, markup, credits, stubs, prompts, teasers, timestamps
HEADING = "heading"  # a section heading (Related, Comments...): the article does not cross it

SENTENCE_END = re.compile(
    r"""[.!?。！？…۔؟।]["'”’»)\]]*(?:\s*[—–-]+\s*\(?[^()]{1,40}\)?\.?|\s*\([^()]{1,40}\)\.?)?$"""
)  # a closing credit ("... planned. — AFP", "... said. (IANS)") still ends a sentence
WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
MARKUP = re.compile(
    r"\[/?[a-z][\w-]*(?:\s+[\w-]+=[^\]]*)?\]|</?[a-z][^>]*>|\b[\w-]+=[\"'][^\"']*[\"']|[{}]\s*$"
    r"|&[a-z]+;|\bfunction\s*\(|\bvar\s+\w+\s*=|\w+_\w+",
    re.IGNORECASE,
)
LINK = re.compile(r"https?://|www\.|\S+@\S+\.\w+|(?:^|\s)[@#]\w+")
NBSP_SEPARATOR = re.compile(r"\xa0[ \t]|[ \t]\xa0")


@dataclass
class Block:
    index: int  # position among the page's blocks
    raw: str  # the line as printed
    text: str  # whitespace-normalised
    words: list[str] = field(default_factory=list)
    kind: str = SHORT
    why: str = ""  # the feature that decided `kind`, for debugging and tests
    repeats: int = 1  # how often this exact text occurs on the page

    @property
    def size(self) -> float:
        """Length in words; scripts without spaces count about six characters a word."""
        return max(len(self.words), len(self.text) / 6 if len(self.words) < 3 else 0)

    @property
    def key(self) -> str:
        return " ".join(w.lower() for w in self.words)

    @property
    def ends_sentence(self) -> bool:
        return bool(SENTENCE_END.search(self.text))


def normalise(line: str) -> str:
    return " ".join(line.split())


def make_block(index: int, raw: str) -> Block:
    text = normalise(raw)
    return Block(index, raw, text, WORD.findall(text))


def stop_ratio(block: Block) -> float:
    if not block.words:
        return 0.0
    stops = stop_words()
    return sum(w.lower() in stops for w in block.words) / len(block.words)


def segments(block: Block) -> list[str]:
    """The pieces of a line between separators ("Home · News · Sport" has three)."""
    line = NBSP_SEPARATOR.sub(" · ", block.raw)
    seps = alternation([s for s in cues()["separators"] if s not in "-–—/"])
    parts = re.split(rf"\s*(?:{seps})\s*|\s+[-–—/]\s+", line)
    return [p for p in (normalise(x) for x in parts) if p]


def is_nav(block: Block) -> bool:
    """A row of short links: three or more pieces of a few words, or a bare separator row."""
    parts = segments(block)
    if not block.words:
        return True
    if len(parts) >= 3:
        mean = sum(len(WORD.findall(p)) for p in parts) / len(parts)
        return mean <= 4.5 and not block.ends_sentence
    return False


def is_menu(block: Block) -> bool:
    """Capitalised menu words without sentence punctuation ("Home About Archive Contact")."""
    if len(block.words) < 3 or block.ends_sentence:
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() for w in block.words):
        return False
    menu = phrase_set("menu_words")
    return sum(w.lower() in menu for w in block.words) / len(block.words) >= 0.6


def is_markup(block: Block) -> bool:
    hits = MARKUP.findall(block.text)
    if not hits:
        return False
    tokens = block.text.split()
    return len(hits) >= 2 or len(tokens) <= 3 or sum(len(h) for h in hits) > len(block.text) / 4


@cache
def _credit_re() -> re.Pattern[str]:
    words = alternation(cues()["credit_words"])
    return re.compile(
        rf"(?P<before>^|[\s(\[—–\-|/])(?P<word>{words})\s*(?::|/|\bby\b|\bcredit\b|\bcourtesy\b)"
        rf"|\((?:[^()]*\s)?(?P<paren>{words})\)\s*$"
        rf"|\s\|\s*[^|]{{0,40}}\b(?P<tail>{words})\s*$",  # "... on Tuesday. | Name/Getty Images"
        re.IGNORECASE,
    )


def is_credit(block: Block) -> bool:
    """An image caption or credit: "Photo: AFP", "... the court on Monday. — Photo: Staff".

    Inside a sentence only a capitalised credit word counts ("... — Photo: AFP"), so
    "shared a video by the ministry." stays prose.
    """
    for m in _credit_re().finditer(block.text):
        inside = m["word"] and m["before"].isspace() and not m["word"][0].isupper()
        if inside:
            continue
        near = m.start() <= 2 or len(block.text) - m.start() <= 60 or len(block.words) <= 12
        if near:
            return True
    return False


def _label(text: str) -> str:
    return re.sub(r"[\s:|\-–—]+$", "", text.lower()).strip()


def is_stub(block: Block) -> bool:
    """A "label: value" line of furniture ("Date:", "Posted on: 4/22/2019", "By Jane Doe")."""
    if len(block.words) > 10:
        return False
    text = block.text.lower()
    labels = alternation(cues()["stub_labels"])
    m = re.match(rf"(?:{labels})\b\s*(?::|$)", text)
    if m:
        return True
    byline = re.match(r"(?:by|par|por|von|di|door)\s+\S", text)
    return bool(byline) and not block.ends_sentence


def is_date_line(block: Block) -> bool:
    """Only a date or a timestamp, perhaps with a label: a render stamp or a date line."""
    if not find_dates(block.text) and not re.search(r"\d{1,2}:\d{2}", block.text):
        return False
    rest = WORD.findall(strip_dates(block.text))
    labels = phrase_set("stub_labels")
    rest = [w for w in rest if w.lower() not in labels and w.lower() not in stop_words()]
    return len(rest) <= 1


def is_prompt(block: Block) -> bool:
    """Text addressing the reader (cookies, newsletters, subscriptions), not quoted speech."""
    if re.search(r"[\"“”«»]", block.text):
        return False
    if len(block.words) <= 40 and (_prompt_start_re().match(block.text) or _social(block)):
        return True
    words = [w.lower() for w in block.words]
    if len(words) <= 60 and phrase_set("consent_words") & set(words):
        return True  # a cookie or consent banner, however it is worded
    reader = sum(w in phrase_set("reader_words") for w in words)
    site = sum(w in phrase_set("site_words") for w in words)
    share = len(words) or 1
    if reader >= 2 and reader / share >= 0.06:
        return True
    return reader >= 1 and reader + site >= 4 and (reader + site) / share >= 0.12


def _social(block: Block) -> bool:
    """ "Follow <someone> on X/Facebook ...": an invitation to a social network."""
    verbs = alternation(cues()["social_verbs"])
    networks = alternation(cues()["social_networks"])
    pattern = rf"(?i:{verbs})\b.{{0,80}}\b(?i:on|sur|en|auf)\s+(?:{networks})\b"
    return bool(re.match(pattern, block.text, re.IGNORECASE))


@cache
def _prompt_start_re() -> re.Pattern[str]:
    return re.compile(
        rf"(?:{alternation(cues()['prompt_starts'])})(?:(?<=\W)|(?![\w’'-]))", re.IGNORECASE
    )


def heading_kind(block: Block) -> str | None:
    """ "section" for a heading that ends the article, "inline" for one inside it."""
    if block.ends_sentence and not block.text.endswith("..."):
        return None
    if len(block.words) > 7 and not re.match(r"\d+\s", block.text):
        return None
    counted = re.match(r"\d+\s+(\w+(?:\s+\w+)?)", block.text)  # "12 Comments", "2 thoughts on"
    label = _label(re.sub(r"^\d+\s+|\s*\(\d+\)$|\s+\d+$", "", block.text))
    if label in phrase_set("soft_headings"):
        return "soft"
    if label in phrase_set("section_headings"):
        return "section"
    if counted and _label(counted[1]) in phrase_set("section_headings"):
        return "section"
    if label in phrase_set("inline_headings"):
        return "inline"
    return None


def is_legal(block: Block) -> bool:
    """A copyright notice ("© 2023 Example Media. All rights reserved.")."""
    text = block.text.lower()
    if len(block.words) > 20:
        return False
    if re.match(r"copyright\b", text):
        return True
    return any(p in text for p in cues()["legal_phrases"] if p != "copyright")


@cache
def _closing_credit_re() -> re.Pattern[str]:
    return re.compile(rf"[(\[]?\s*(?:{alternation(cues()['closing_credits'])})\b", re.IGNORECASE)


def is_closing_credit(block: Block) -> bool:
    """A wire story's sign-off ("(Reporting by A; Editing by B)"): the article ends there."""
    return len(block.words) <= 40 and bool(_closing_credit_re().match(block.text))


def is_teaser(block: Block) -> bool:
    """A truncated lede: "New Delhi, June 30: General X on Tuesday..."."""
    return bool(re.search(r"(?:\.\.\.|…)\s*$", block.text)) and len(block.words) <= 45


def junk_reason(block: Block) -> str | None:
    checks = [
        ("markup", is_markup),
        ("link", lambda b: bool(LINK.search(b.text)) and len(b.words) <= 12),
        ("nav", is_nav),
        ("nav", is_menu),
        ("credit", is_credit),
        ("stub", is_stub),
        ("date", is_date_line),
        ("teaser", is_teaser),
        ("prompt", is_prompt),
        ("legal", is_legal),
    ]
    return next((name for name, check in checks if check(block)), None)


def classify(block: Block, stopwords_known: bool) -> None:
    """Set `block.kind`; `stopwords_known` is false for pages in a language we have no list for."""
    heading = heading_kind(block)
    if heading:
        block.kind, block.why = (JUNK if heading == "inline" else HEADING), heading
        return
    reason = junk_reason(block)
    if reason:
        block.kind, block.why = JUNK, reason
        return
    prose = stop_ratio(block) >= 0.15 or not stopwords_known
    if prose and block.size >= 6 and (block.ends_sentence or block.size >= 15):
        block.kind, block.why = TEXT, "prose"
    elif prose and block.ends_sentence and len(block.words) >= 3:
        block.kind, block.why = SENTENCE, "short sentence"
    else:
        block.kind, block.why = SHORT, "short"
