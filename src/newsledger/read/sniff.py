"""What an input is, from its content, when its name does not say."""

from __future__ import annotations

import json
import re

from newsledger.read.decode import decode, is_binary
from newsledger.read.files import ReadError

# A whole HTML document: optional XML prolog and comments, then doctype/html/head/body.
HTML_DOCUMENT = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.I | re.S,
)
HTML_SKELETON = re.compile(r"<(?:html|head|body)\b[^>]*>", re.I)
HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|hr|h[1-6]|ul|ol|li|table|tr|td|article|section|header|footer|nav"
    r"|main|script|style|meta|link|img|strong|em|b|i|blockquote|figure|title)\b[^<>]*>",
    re.I,
)
MIN_FRAGMENT_TAGS = 3


def is_html_document(text: str) -> bool:
    """Whether text is a full HTML page (doctype, <html>, <head> or <body> up front)."""
    head = text[:4096]
    return bool(HTML_DOCUMENT.match(head) or HTML_SKELETON.search(head))


def looks_like_html(text: str) -> bool:
    """A full page, or a fragment with enough markup that a text cleaner would leave tags."""
    if is_html_document(text):
        return True
    return len(HTML_TAG.findall(text[:20000], 0)) >= MIN_FRAGMENT_TAGS


def sniff_kind(head: bytes) -> str | None:
    """ "warc", "jsonl", "html" or "text" from a file's first bytes; None if none fits.

    Raises ReadError for binary content, the one case worth a specific message.
    """
    if head.lstrip().startswith(b"WARC/"):
        return "warc"
    if is_binary(head):
        raise ReadError("binary file, not text")
    text = decode(head, fix=False)
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if first.startswith("{"):
        return "jsonl" if _is_json_line(first) else None
    if looks_like_html(text):
        return "html"
    return "text"


def _is_json_line(line: str) -> bool:
    """A JSON object on one line; one cut off by the sniffing window still counts.

    A pretty-printed .json file opens with a lone "{" and is not JSON Lines.
    """
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return line.startswith('{"')
