"""The cleaner for plain-text dumps of web pages.

Trafilatura cannot help here: the dump has no markup left to tell the article from
the menu. Instead every line becomes a block with a kind (see `blocks`), blocks get
a weight (prose positive, furniture negative), and the article is the contiguous
run of blocks with the largest total weight: the densest stretch of prose. Section
headings ("Related", "Comments"), runs of headline + lede teasers and the line after a
wire sign-off ("(Reporting by ...)") are barriers the run may not cross, so teaser lists
and site notes after an article never join it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsledger.clean.blocks import (
    HEADING,
    JUNK,
    LINK,
    SENTENCE,
    SHORT,
    TEXT,
    Block,
    classify,
    is_closing_credit,
    make_block,
    stop_ratio,
)

REPEATED_MAX_WORDS = 30  # a repeated line this short is a headline or caption, never body


@dataclass
class Page:
    """A text dump split into classified blocks, with the article run found in it."""

    blocks: list[Block]
    start: int | None = None  # first block of the article run
    end: int | None = None  # last block of the article run (inclusive)
    kept: list[int] = field(default_factory=list)  # blocks that make the body
    barriers: list[int] = field(default_factory=list)  # where teaser sections begin

    @property
    def body(self) -> str:
        return "\n\n".join(self.blocks[i].text for i in self.kept)

    def after_article(self) -> list[Block]:
        """Blocks between the article's end and the next barrier (credits live here)."""
        if self.end is None:
            return []
        stop = next((b for b in self.barriers if b > self.end), len(self.blocks))
        return self.blocks[self.end + 1 : stop]

    def before_article(self) -> list[Block]:
        return self.blocks[: self.start] if self.start is not None else list(self.blocks)


def split_blocks(text: str) -> list[Block]:
    """One block per non-blank line; a hard-wrapped paragraph is joined back into one."""
    lines: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            lines.append("")
            continue
        prev = lines[-1] if lines else ""
        wrapped = len(prev) >= 50 and not re.search(r"[.!?:;\"”’)\]]\s*$", prev)
        if wrapped and re.match(r"\s*[a-z]", line):
            lines[-1] = prev.rstrip() + " " + line.strip()
        else:
            lines.append(line)
    blocks = [make_block(0, line) for line in lines if line.strip()]
    for n, block in enumerate(blocks):
        block.index = n
    return blocks


def _stopwords_known(blocks: list[Block]) -> bool:
    """Whether the page's language has a stop-word list (else prose is judged by shape)."""
    long = [b for b in blocks if len(b.words) >= 10]
    return not long or max(stop_ratio(b) for b in long) >= 0.1


def _mark_repeats(blocks: list[Block]) -> None:
    counts = Counter(b.key for b in blocks if b.key)
    seen: set[str] = set()
    for block in blocks:
        block.repeats = counts[block.key]
        if block.kind == HEADING or not block.key:
            continue
        if block.repeats > 1 and len(block.words) <= REPEATED_MAX_WORDS:
            block.kind, block.why = JUNK, "repeated"
        elif block.key in seen:
            block.kind, block.why = JUNK, "duplicate"
        seen.add(block.key)


def _is_teaser_pair(blocks: list[Block], i: int) -> bool:
    """A headline-shaped line followed by a short lede or a truncated one."""
    if i + 1 >= len(blocks):
        return False
    head, lede = blocks[i], blocks[i + 1]
    headline = head.kind in (SHORT, JUNK) and len(head.words) >= 4 and not head.ends_sentence
    short_lede = lede.kind == TEXT and len(lede.words) <= 45 or lede.why == "teaser"
    return headline and head.why != "nav" and short_lede


RESUME_WITHIN = 5  # blocks after a soft heading in which the article may go on
RESUME_WORDS = 50  # prose words in two or more paragraphs for it to count as going on


def _article_resumes(blocks: list[Block], at: int, barriers: set[int]) -> bool:
    """After a "Related" box inside an article, paragraphs of prose come back within a few
    lines. A teaser list alternates headline and lede, so its prose never runs two deep."""
    i = at + 1
    while i < len(blocks) and blocks[i].kind != TEXT:
        if i in barriers or blocks[i].kind == HEADING or i - at > RESUME_WITHIN:
            return False
        i += 1
    words = paragraphs = 0
    while i < len(blocks) and blocks[i].kind in (TEXT, SENTENCE, JUNK) and i not in barriers:
        if blocks[i].kind == TEXT:
            words += len(blocks[i].words)
            paragraphs += 1
        i += 1
    return paragraphs >= 2 and words >= RESUME_WORDS


def _barriers(blocks: list[Block]) -> list[int]:
    """Section headings, the start of three teaser pairs in a row (two if truncated), and
    the line after a sign-off.

    A soft heading ("Related") or a sign-off is no barrier when the article visibly goes
    on after it.
    """
    teasers = _teaser_starts(blocks)
    out = set(teasers)
    for b in blocks:
        if b.kind == HEADING and not (b.why == "soft" and _article_resumes(blocks, b.index, out)):
            out.add(b.index)
    for b in blocks:  # after a sign-off only site notes follow, unless the story goes on
        if is_closing_credit(b) and not _article_resumes(blocks, b.index, out):
            out.add(b.index + 1)
    return sorted(i for i in out if i < len(blocks))


def _teaser_starts(blocks: list[Block]) -> list[int]:
    out = []
    i = 0
    while i < len(blocks):
        pairs = 0
        while _is_teaser_pair(blocks, i + 2 * pairs):
            pairs += 1
        truncated = pairs >= 2 and blocks[i + 1].why == "teaser"
        if pairs >= 3 or truncated:
            out.append(i)
            i += 2 * pairs
        else:
            i += 1
    return out


def weight(block: Block) -> float:
    if block.kind == HEADING:
        return -3.0  # a soft heading the article crosses
    if block.kind == TEXT:
        return block.size
    if block.kind == SENTENCE:
        return 1.0
    if block.kind == SHORT:
        return -3.0
    return -min(12.0, 3.0 + block.size / 4)


def _best_run(blocks: list[Block], barriers: list[int]) -> tuple[int, int] | None:
    """The contiguous run of blocks with the largest total weight, not crossing a barrier."""
    best: tuple[float, int, int] | None = None
    total, start = 0.0, 0
    for block in blocks:
        if block.index in barriers:
            total, start = 0.0, block.index + 1
            continue
        if total <= 0:
            total, start = 0.0, block.index
        total += weight(block)
        if total > 0 and (best is None or total > best[0]):
            best = (total, start, block.index)
    if best is None:
        return None
    return best[1], best[2]


def analyse(text: str) -> Page:
    blocks = split_blocks(text)
    known = _stopwords_known(blocks)
    for block in blocks:
        classify(block, known)
    _mark_repeats(blocks)
    page = Page(blocks, barriers=_barriers(blocks))
    run = _best_run(blocks, page.barriers)
    if run is None:
        return page
    page.start, page.end = run
    page.kept = _trim_edges(
        [b.index for b in blocks[run[0] : run[1] + 1] if b.kind == TEXT or b.kind == SENTENCE],
        blocks,
    )
    return page


def _trim_edges(kept: list[int], blocks: list[Block]) -> list[int]:
    """Drop contact lines at the article's ends: author bios with handles, mail or links."""

    def contact(i: int) -> bool:
        return bool(LINK.search(blocks[i].text)) and len(blocks[i].words) <= 40

    while kept and contact(kept[-1]):
        kept = kept[:-1]
    while kept and contact(kept[0]):
        kept = kept[1:]
    return kept


def clean_text(text: str) -> str:
    """The article of a text dump, paragraphs separated by blank lines."""
    return analyse(text).body
