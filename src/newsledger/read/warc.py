"""WARC archives (plain or gzip): a Document per HTML page a crawler fetched.

We decompress the archive ourselves and hand warcio the plain stream: warcio
forgives a truncated gzip silently, and the user should hear about it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from newsledger.document import Document, Failure
from newsledger.read.decode import charset_param
from newsledger.read.files import ReadError, failure_reason, open_input, read_head, read_limited
from newsledger.read.page import make_page
from newsledger.read.sniff import looks_like_html

ARCHIVE_STARTS = (b"WARC/", b"filedesc://")  # WARC, and the older ARC warcio also reads
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xhtml"})


def read_warc(path: Path, max_bytes: int) -> Iterator[Document | Failure]:
    """HTML responses as Documents; other records are skipped without a word."""
    if not read_head(path, 64).lstrip().startswith(ARCHIVE_STARTS):
        raise ReadError("not a WARC archive (it does not start with a WARC record)")
    with open_input(path) as stream:
        try:
            records = iter(ArchiveIterator(stream))
            number = 0
            for number, record in enumerate(records, 1):
                if _is_page_response(record):
                    item = _read_record(path, number, record, max_bytes)
                    if item is not None:
                        yield item
        except ArchiveLoadFailed as err:
            raise ReadError(f"not a readable WARC archive ({_first_line(err)})") from err
    if number == 0:
        yield Failure(str(path), "empty file (no WARC records)")


def _is_page_response(record: ArcWarcRecord) -> bool:
    """A successful HTTP response whose body is (or may be) an HTML page."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return False  # redirects and error pages are not articles
    mime = _mime(record)
    return mime in HTML_TYPES or mime == ""


def _read_record(
    path: Path, number: int, record: ArcWarcRecord, max_bytes: int
) -> Document | Failure | None:
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<> ") or None
    where = f"{path}#{uri or f'record-{number}'}"
    try:
        payload, truncated = read_limited(record.content_stream(), max_bytes)
    except EOFError:
        raise
    except Exception as err:  # over the limit, or a body warcio cannot un-chunk or inflate
        return Failure(where, failure_reason(err))
    if truncated:
        raise EOFError  # the archive itself broke off: nothing after this is readable
    if not payload.strip():
        return Failure(where, "response record has no payload")
    if _mime(record) == "":
        text_head = payload[:4096].decode("latin-1")
        if not looks_like_html(text_head):
            return None  # untyped and not HTML: an image or script, not our business
    charset = charset_param(record.http_headers.get_header("Content-Type"))
    try:
        doc = make_page(uri or where, payload, "html", charset=charset)
    except ReadError as err:
        return Failure(where, str(err))
    doc.given = {"url": uri} if uri else {}
    crawled = record.rec_headers.get_header("WARC-Date")
    if crawled:
        doc.given["crawled"] = crawled
    return doc


def _mime(record: ArcWarcRecord) -> str:
    content_type = record.http_headers.get_header("Content-Type") or ""
    return content_type.split(";")[0].strip().lower()


def _first_line(err: Exception) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]
