"""Metadata stage: title, published date, outlet, dateline and language of a document.

Values the container gave (JSONL fields, WARC headers) win for title and date when
valid; the outlet a page credits wins over the container's, which may be a
republisher. Every date is one the page states: never the ingest or crawl time.
"""

from __future__ import annotations

from newsledger.clean.blocks import Block, make_block
from newsledger.document import Document
from newsledger.metadata import dates, htmlmeta, language, outlet, sitename, title
from newsledger.metadata.dateline import dateline, prefix_end
from newsledger.metadata.page import View, view


def extract(doc: Document) -> Document:
    """Fill title, published, outlet, dateline and language."""
    v = view(doc)
    html = htmlmeta.read(doc.text) if doc.kind == "html" and doc.text else htmlmeta.HtmlMeta()
    given = doc.given or {}
    found = dateline(v.lead)
    doc.dateline = found.place if found else None
    doc.lead = prefix_end(doc.body) if found else 0
    doc.title = _given_str(given, "title") or html.title or title.title(v.header, v.body)
    doc.published = (
        dates.normalise_given(given.get("published"))
        or html.published
        or dates.published(v, found.date if found else None, doc.title)
    )
    doc.outlet = _outlet(doc, v, html, found.agency if found else None)
    doc.language = language.detect(doc.body) or language.normalise_given(given.get("language"))
    if doc.language and doc.language != "en":
        doc.notes.append(f"language {doc.language!r}: English-only stages skipped")
    return doc


def _outlet(doc: Document, v: View, html: htmlmeta.HtmlMeta, agency: str | None) -> str | None:
    """Whom the whole story is credited to, else the site's own name; a source the story
    cites ("according to X") only when the page names no site at all."""
    given = doc.given or {}
    credit = outlet.credited(v.body, v.trailer, agency)
    name = (
        (outlet.expand(credit, [*v.lines, *_given_lines(given, html)]) if credit else None)
        or _given_str(given, "outlet")
        or html.sitename
        or sitename.masthead(v.header, v.lines, doc.title)
        or outlet.copyright_holder(v.lines[v.after :] if v.after is not None else [])
        or outlet.reported(v.body)
        or outlet.reported(v.body, "interview_patterns")
    )
    return sitename.tidy(name, v.lines) if name else None


def _given_lines(given: dict, html: htmlmeta.HtmlMeta) -> list[Block]:
    """Names the container or markup gives, where an acronym credit may be spelled out."""
    names = [_given_str(given, "outlet"), html.sitename]
    return [make_block(0, n) for n in names if n]


def _given_str(given: dict, key: str) -> str | None:
    value = given.get(key)
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None
