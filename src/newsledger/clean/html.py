"""The cleaner for HTML pages: trafilatura finds the main content.

When trafilatura finds nothing (a page of odd markup, a fragment), the page's text,
one line per block element, goes through the text-dump cleaner instead.
"""

from __future__ import annotations

import logging
import re

import lxml.html
import trafilatura
from lxml import etree

from newsledger.clean.blocks import heading_kind, junk_reason, make_block
from newsledger.clean.textdump import clean_text

BLOCK_TAGS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td",
    "section", "article", "header", "footer", "nav", "aside", "blockquote", "figcaption",
    "figure", "pre", "table", "dd", "dt", "main", "title",
}  # fmt: skip
STRONG_JUNK = {"markup", "credit", "date", "stub", "link", "nav", "prompt"}

logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def parse(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.fromstring(html.encode("utf-8", "replace"))
    except (etree.ParserError, ValueError):
        return None


def page_text(html: str) -> str:
    """The visible text of a page, one line per block element; scripts and styles dropped."""
    tree = parse(html)
    if tree is None:
        return ""
    for el in tree.iter(etree.Comment, "script", "style", "noscript", "template"):
        if el.getparent() is not None:
            el.drop_tree()
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag.lower() in BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
            if el.tag.lower() == "br":
                continue
            el.text = "\n" + (el.text or "")
    return tree.text_content()


def headlines(html: str) -> list[str]:
    """The page's own headline strings (<h1>, og:title, <title>), lower-cased words."""
    tree = parse(html)
    if tree is None:
        return []
    found = [h.text_content() for h in tree.iter("h1")]
    found += tree.xpath("//meta[@property='og:title' or @name='twitter:title']/@content")
    found += [t.text_content() for t in tree.iter("title")]
    return [make_block(0, h).key for h in found if h and h.strip()]


def main_text(html: str) -> str:
    """Trafilatura's main content, paragraphs separated by blank lines."""
    try:
        text = trafilatura.extract(
            html, output_format="txt", include_comments=False, include_tables=False,
            include_images=False, deduplicate=False, with_metadata=False,
        )  # fmt: skip
    except Exception:  # trafilatura raises assorted errors on broken markup
        text = None
    if not text:
        return ""
    paragraphs = []
    titles = headlines(html)
    for n, line in enumerate(text.splitlines()):
        block = make_block(n, line)
        if not block.text:
            continue
        if junk_reason(block) in STRONG_JUNK and len(block.words) <= 25:
            continue
        if heading_kind(block):  # "Advertisement", "Related", "Share this:" left in
            continue
        if not block.ends_sentence and any(block.key and block.key in t for t in titles):
            continue
        paragraphs.append(block.text)
    return "\n\n".join(paragraphs)


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_html(html: str) -> str:
    html = CONTROL.sub(" ", html)  # lxml refuses control characters in text
    return main_text(html) or clean_text(page_text(html))
