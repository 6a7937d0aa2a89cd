"""What the metadata stage looks at: the page split around its article.

For a text dump this is the cleaner's own analysis (lines before the article, the
article, lines after it up to the teasers); for HTML the header is empty and the
markup's own metadata is used instead (see `htmlmeta`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsledger.clean.blocks import Block, make_block
from newsledger.clean.html import page_text
from newsledger.clean.textdump import analyse
from newsledger.document import Document


@dataclass
class View:
    header: list[Block] = field(default_factory=list)  # lines above the article
    body: list[str] = field(default_factory=list)  # the article's paragraphs
    trailer: list[Block] = field(default_factory=list)  # lines after it, before teasers
    lines: list[Block] = field(default_factory=list)  # every line of the page
    lead: list[Block] = field(default_factory=list)  # where a dateline can stand
    after: int | None = None  # index in `lines` of the first line after the article


def view(doc: Document) -> View:
    paragraphs = [p for p in doc.body.split("\n\n") if p.strip()]
    if doc.kind == "html":
        return _html_view(doc.text or "", paragraphs)
    page = analyse(doc.text or "")
    header = page.before_article()
    lead = header[-3:]
    if page.kept:
        second = page.kept[min(1, len(page.kept) - 1)]
        lead += page.blocks[page.start : second + 1]
    after = page.end + 1 if page.end is not None else None
    return View(header, paragraphs, page.after_article(), page.blocks, lead, after)


def _html_view(html: str, paragraphs: list[str]) -> View:
    """The page's visible lines around trafilatura's article: dates and credits live there."""
    body = [make_block(n, p) for n, p in enumerate(paragraphs)]
    blocks = analyse(page_text(html)).blocks if html else []
    keys = [b.key for b in blocks]
    first = keys.index(body[0].key) if body and body[0].key in keys else None
    last = keys.index(body[-1].key) if body and body[-1].key in keys else None
    header = blocks[:first] if first is not None else []
    trailer = blocks[last + 1 : last + 4] if last is not None else []
    after = last + 1 if last is not None else None
    return View(header, paragraphs, trailer, blocks or body, header[-3:] + body[:2], after)
