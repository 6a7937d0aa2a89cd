"""Bytes to text, for pages scraped from anywhere.

Scraped news arrives in every encoding the web ever used, often mislabelled and
often already double-encoded ("Itâ€™s"). The order below goes from the most to
the least certain evidence: a byte-order mark, valid UTF-8 (other encodings
almost never validate as UTF-8 by accident), a charset the page or server
declares, then charset-normalizer's statistical guess. ftfy then repairs
mojibake the page carried in from its own history.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter

import ftfy
from charset_normalizer import CharsetMatch, from_bytes

# Byte-order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Browsers read these labels as windows-1252 (WHATWG Encoding standard), and so do we:
# pages labelled latin-1 routinely contain curly quotes from the 0x80-0x9F range.
WEB_ALIASES = {"latin_1": "cp1252", "iso8859_1": "cp1252", "ascii": "cp1252"}
# Magic numbers of formats that are never text, even when their first bytes look tame.
BINARY_SIGNATURES = (b"%PDF-", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF")
# Control bytes that do occur in text: tab, newlines, form feed, backspace, escape (ISO-2022).
TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\b\x1b")
SAMPLE = 8192
MAX_CONTROL_SHARE = 0.1
MAX_REPLACEMENT_SHARE = 0.1

WESTERN = "cp1252"
CHAOS_TOLERANCE = 0.01
TIE = 0.005  # charset-normalizer coherence scores this close are a tie
SHORT_TEXT = 200  # bytes: below this, charset-normalizer's language scores are noise
IN_WORD_MARKS = frozenset("’‘ʼ·‐‑\u00ad")  # apostrophes, hyphens, soft hyphen
IN_WORD = re.compile(r"(?<=[^\W\d_])[^\x00-\x7f](?=[^\W\d_])")
NEXT_TO_LATIN = re.compile(r"(?<=[A-Za-z])[^\x00-\x7f]|[^\x00-\x7f](?=[A-Za-z])")
META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
FIX_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, explain=False)


def decode(
    data: bytes, *, declared: str | None = None, html: bool = False, fix: bool = True
) -> str:
    """Decode bytes of unknown encoding; never raises.

    `declared` is a charset named outside the bytes (an HTTP header); with `html`
    a `<meta charset>` in the page counts as declared too. `fix=False` skips the
    ftfy repair for callers that repair fields after parsing (JSON Lines).
    """
    if html and not declared:
        declared = declared_charset(data)
    text = _decode(data, declared)
    return ftfy.fix_text(text, FIX_CONFIG) if fix else text


def fix_text(text: str) -> str:
    """The same mojibake repair `decode` applies, for text that arrived already decoded."""
    return ftfy.fix_text(text, FIX_CONFIG)


def _decode(data: bytes, declared: str | None) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    encoding = _codec(declared)
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    guessed = guess_encoding(data)
    if guessed:
        return data.decode(guessed, errors="replace")
    return data.decode("utf-8", errors="replace")


def guess_encoding(data: bytes) -> str | None:
    """charset-normalizer's pick, checked for the marks of a wrong code page.

    Several single-byte code pages often score the same. Among those, prefer the
    one whose text has no stray symbols inside words ("wspó³praca") and no words
    mixing Latin with another script ("cafщ"); on a tie, or on short text where
    the scores are noise, prefer windows-1252, by far the likeliest on the web.
    """
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    close = [m for m in matches if m.chaos <= best.chaos + CHAOS_TOLERANCE]
    sample = data[: SAMPLE * 2]
    short = len(data) < SHORT_TEXT

    def rank(item: tuple[int, CharsetMatch]) -> tuple[int, bool, int]:
        index, match = item
        oddities = _oddities(sample.decode(match.encoding, errors="replace"))
        tied = short or match.coherence >= best.coherence - TIE
        return oddities, not (tied and WESTERN in match.could_be_from_charset), index

    return min(enumerate(close), key=rank)[1].encoding


def _oddities(text: str) -> int:
    """Characters a right decoding would not produce: symbols or foreign letters in words."""
    symbols = Counter(IN_WORD.findall(text))
    by_latin = Counter(NEXT_TO_LATIN.findall(text))
    return sum(n for char, n in symbols.items() if _is_stray_symbol(char)) + sum(
        n for char, n in by_latin.items() if char.isalpha() and not _is_latin(char)
    )


def _is_stray_symbol(char: str) -> bool:
    return not char.isalpha() and char not in IN_WORD_MARKS and unicodedata.category(char)[0] != "M"


def _is_latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def declared_charset(data: bytes) -> str | None:
    """The charset a page names in its `<meta>` tags (first 4 KB, as browsers look)."""
    found = META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii", errors="ignore") if found else None


def charset_param(content_type: str | None) -> str | None:
    """The `charset=` parameter of a Content-Type header value."""
    found = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_:.\-]+)", content_type or "", re.I)
    return found.group(1) if found else None


def _codec(label: str | None) -> str | None:
    """A Python codec name for a declared charset label, or None if unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    name = name.replace("-", "_")
    if name.startswith(("utf_16", "utf_32")):
        return None  # a page whose tags we could read is not UTF-16 (WHATWG: read as UTF-8)
    return WEB_ALIASES.get(name, name)


def is_binary(data: bytes) -> bool:
    """Whether bytes are not text at all: NUL bytes, a binary format, or many control bytes."""
    if any(data.startswith(bom) for bom, _ in BOMS):
        return False  # UTF-16/32 text is full of NULs
    if data.startswith(BINARY_SIGNATURES):
        return True
    sample = data[:SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in TEXT_CONTROLS)
    return bool(sample) and controls / len(sample) > MAX_CONTROL_SHARE


def is_garbled(text: str) -> bool:
    """Whether decoding failed for most of the text (replacement characters everywhere)."""
    return bool(text) and text.count("\ufffd") / len(text) > MAX_REPLACEMENT_SHARE
