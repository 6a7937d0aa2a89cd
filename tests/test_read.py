"""The read stage: every input kind in, one Document per article, one Failure per problem."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsledger.document import Document, Failure
from newsledger.read import MAX_BYTES, iter_inputs

ARTICLE = "The foreign minister met her counterpart in Vienna on Tuesday.\nTalks went well.\n"
PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Talks</title></head>"
    "<body><article><p>The foreign minister met her counterpart in Vienna.</p>"
    "<p>Both sides spoke of progress.</p></article></body></html>"
)


def read(*paths, **kwargs) -> list[Document | Failure]:
    return list(iter_inputs(paths, **kwargs))


def docs(items) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def failures(items) -> list[Failure]:
    return [item for item in items if isinstance(item, Failure)]


def only_failure(items) -> Failure:
    assert len(items) == 1 and isinstance(items[0], Failure), items
    return items[0]


def jsonl(*records) -> bytes:
    return b"".join(
        (r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records
    )


def write_warc(path: Path, records: list[tuple[str, str, str, bytes]]) -> Path:
    """records: (type, uri, content type, payload)."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        for rec_type, uri, content_type, payload in records:
            if rec_type == "response":
                headers = StatusAndHeaders(
                    "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
                )
                record = writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(payload), http_headers=headers
                )
            else:
                record = writer.create_warc_record(
                    uri, rec_type, payload=io.BytesIO(payload), warc_content_type=content_type
                )
            writer.write_record(record)
    return path


# --- single pages -----------------------------------------------------------------


def test_text_dump_is_one_text_document(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,) = read(path)
    assert isinstance(doc, Document)
    assert doc.kind == "text"
    assert doc.text == ARTICLE
    assert doc.raw == ARTICLE.encode()
    assert doc.source == str(path)
    assert doc.given == {}


def test_html_page_keeps_its_source_for_the_cleaner(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = read(path)
    assert doc.kind == "html"
    assert doc.text == PAGE


def test_htm_and_xhtml_are_html(tmp_path):
    for name in ("a.htm", "b.xhtml"):
        (tmp_path / name).write_text(PAGE)
    assert [d.kind for d in read(tmp_path)] == ["html", "html"]


def test_txt_holding_a_saved_html_page_is_read_as_html(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text(PAGE)
    assert read(path)[0].kind == "html"


def test_malformed_html_passes_through(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text("<html><body><p>Unclosed <b>tags <div>everywhere")
    (doc,) = read(path)
    assert doc.kind == "html" and "everywhere" in doc.text


def test_cp1252_file_is_decoded(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("café – naïve".encode("cp1252"))
    (doc,) = read(path)
    assert doc.text == "café – naïve"
    assert doc.raw == "café – naïve".encode("cp1252")


def test_mojibake_text_is_repaired(tmp_path):
    path = tmp_path / "mojibake.txt"
    path.write_text("The minister’s reply".encode().decode("cp1252"), encoding="utf-8")
    assert read(path)[0].text == "The minister’s reply"


def test_html_meta_charset_decides_the_encoding(tmp_path):
    path = tmp_path / "cyrillic.html"
    page = '<html><head><meta charset="windows-1251"></head><body><p>Москва</p></body></html>'
    path.write_bytes(page.encode("cp1251"))
    assert "Москва" in read(path)[0].text


def test_empty_file_fails(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    failure = only_failure(read(path))
    assert failure.source == str(path)
    assert failure.reason == "empty file"
    assert not failure.skipped


def test_whitespace_only_file_fails(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n \t ")
    assert "empty" in only_failure(read(path)).reason


def test_binary_file_fails(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert only_failure(read(path)).reason == "binary file, not text"


def test_oversize_file_fails_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    failure = only_failure(read(path, max_bytes=100))
    assert failure.reason == "larger than the 100 bytes per-document limit"
    assert read(path, max_bytes=500)[0].kind == "text"


def test_default_limit_message_says_20_mb():
    assert MAX_BYTES == 20 * 1024 * 1024
    from newsledger.read.files import too_large

    assert too_large(MAX_BYTES) == "larger than the 20 MB per-document limit"


def test_missing_path_fails(tmp_path):
    failure = only_failure(read(tmp_path / "nope.txt"))
    assert failure.reason == "no such file or directory"
    assert failure.source == str(tmp_path / "nope.txt")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_fails_and_the_stream_goes_on(tmp_path):
    locked = tmp_path / "a_locked.txt"
    locked.write_text(ARTICLE)
    locked.chmod(0)
    (tmp_path / "b_open.txt").write_text(ARTICLE)
    try:
        items = read(tmp_path)
    finally:
        locked.chmod(0o644)
    assert [type(i).__name__ for i in items] == ["Failure", "Document"]
    assert items[0].reason == "permission denied"


# --- gzip ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [("a.txt.gz", ARTICLE, "text"), ("a.html.gz", PAGE, "html"), ("a.htm.gz", PAGE, "html")],
)
def test_gzipped_pages_are_decompressed(tmp_path, name, content, kind):
    path = tmp_path / name
    path.write_bytes(gzip.compress(content.encode()))
    (doc,) = read(path)
    assert (doc.kind, doc.text, doc.raw) == (kind, content, content.encode())


def test_gzip_is_found_by_its_bytes_not_its_name(tmp_path):
    path = tmp_path / "compressed_but_named.txt"
    path.write_bytes(gzip.compress(ARTICLE.encode()))
    assert read(path)[0].text == ARTICLE


def test_gzip_bomb_stops_at_the_limit(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 1_000_000))
    assert path.stat().st_size < 10_000  # the stat check alone cannot catch it
    assert "per-document limit" in only_failure(read(path, max_bytes=50_000)).reason


def test_truncated_gzip_page_keeps_the_readable_part(tmp_path):
    path = tmp_path / "cut.txt.gz"
    text = "".join(f"Paragraph {i} about the summit in Geneva.\n" for i in range(3000))
    data = gzip.compress(text.encode())
    path.write_bytes(data[: len(data) // 2])
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Document", "Failure"]
    assert items[0].text.startswith("Paragraph 0 about")
    assert text.startswith(items[0].text.rsplit("\n", 1)[0])
    assert "truncated" in items[0].notes[0]
    assert items[1].reason == "truncated gzip stream"


def test_truncated_gzip_feed_keeps_the_lines_read(tmp_path):
    path = tmp_path / "feed.jsonl.gz"
    lines = [{"text": f"Article {i}: the council voted on the budget." * 5} for i in range(2000)]
    data = gzip.compress(jsonl(*lines))
    path.write_bytes(data[: len(data) // 2])
    items = read(path)
    assert len(docs(items)) > 100
    assert docs(items)[0].text == lines[0]["text"]
    assert items[-1] == Failure(str(path), "truncated gzip stream")
    assert len(failures(items)) == 1


def test_corrupt_gzip_fails(tmp_path):
    path = tmp_path / "bad.txt.gz"
    path.write_bytes(b"\x1f\x8b" + b"\x00garbage" * 20)
    assert "gzip" in only_failure(read(path)).reason


# --- JSON Lines ------------------------------------------------------------------


def test_jsonl_feed_gives_a_document_per_line_with_its_metadata(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(
        jsonl(
            {
                "text": ARTICLE,
                "url": "https://news.example/a",
                "title": "Talks",
                "published": "2024-03-01",
                "outlet": "Example News",
                "language": "en",
                "ignored": "x",
            },
            {"text": PAGE},
        )
    )
    first, second = read(path)
    assert first.kind == "text" and first.text == ARTICLE
    assert first.given == {
        "url": "https://news.example/a",
        "title": "Talks",
        "published": "2024-03-01",
        "outlet": "Example News",
        "language": "en",
    }
    assert first.source == f"{path}:1"
    assert json.loads(first.raw)["url"] == "https://news.example/a"
    assert second.kind == "html" and second.given == {} and second.source == f"{path}:2"


def test_jsonl_html_fragment_is_html(tmp_path):
    path = tmp_path / "feed.ndjson"
    path.write_bytes(jsonl({"text": "<p>One.</p><p>Two.</p><p>Three <b>bold</b>.</p>"}))
    assert read(path)[0].kind == "html"


def test_jsonl_bad_lines_fail_one_by_one_and_the_rest_is_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(
        jsonl(
            {"text": "First story."},
            b"{not json",
            b"",
            {"title": "no text here"},
            b"[1, 2]",
            {"text": "Last story."},
        )
    )
    items = read(path)
    assert [d.text for d in docs(items)] == ["First story.", "Last story."]
    assert [d.source for d in docs(items)] == [f"{path}:1", f"{path}:6"]
    reasons = [f.reason for f in failures(items)]
    assert reasons[0].startswith("line 2: not JSON (")
    assert reasons[1].startswith("line 4: no text")
    assert reasons[2] == "line 5: not a JSON object"
    assert all(f.source == str(path) for f in failures(items))


def test_jsonl_line_over_the_limit_fails_alone(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(jsonl({"text": "short"}, {"text": "x" * 5000}, {"text": "also short"}))
    items = read(path, max_bytes=1000)
    assert [d.text for d in docs(items)] == ["short", "also short"]
    assert docs(items)[1].source == f"{path}:3"
    assert only_failure(failures(items)).reason == (
        "line 2: larger than the 1000 bytes per-document limit"
    )


def test_jsonl_file_bigger_than_the_limit_is_fine(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(jsonl(*[{"text": f"Story {i}."} for i in range(100)]))
    assert len(docs(read(path, max_bytes=200))) == 100


def test_jsonl_text_mojibake_is_repaired_and_cp1252_lines_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    moji = {"text": "It’s done".encode().decode("cp1252")}
    legacy = json.dumps({"text": "café – naïve"}, ensure_ascii=False).encode("cp1252")
    path.write_bytes(jsonl(moji, legacy))
    assert [d.text for d in read(path)] == ["It’s done", "café – naïve"]


def test_empty_jsonl_fails(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"\n\n")
    assert "empty" in only_failure(read(path)).reason


# --- WARC ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_gives_html_responses_only(tmp_path, name):
    path = write_warc(
        tmp_path / name,
        [
            ("response", "https://news.example/world/talks.html", "text/html", PAGE.encode()),
            ("response", "https://news.example/logo.png", "image/png", b"\x89PNG\r\n"),
            ("resource", "https://news.example/notes", "text/plain", b"not a response"),
            ("response", "https://news.example/empty.html", "text/html; charset=utf-8", b""),
            ("response", "https://news.example/second.html", "application/xhtml+xml", b"<p>2</p>"),
        ],
    )
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Document"]
    page, empty, second = items
    assert page.kind == "html" and page.text == PAGE and page.raw == PAGE.encode()
    assert page.source == "https://news.example/world/talks.html"
    assert page.given["url"] == "https://news.example/world/talks.html"
    assert page.given["crawled"].startswith("20")
    assert empty.source == f"{path}#https://news.example/empty.html"
    assert empty.reason == "response record has no payload"
    assert second.source == "https://news.example/second.html"


def test_warc_uses_the_http_charset(tmp_path):
    page = "<html><body><p>Президент</p></body></html>".encode("cp1251")
    path = write_warc(
        tmp_path / "c.warc.gz",
        [("response", "https://ru.example/a", "text/html; charset=windows-1251", page)],
    )
    assert "Президент" in read(path)[0].text


def test_warc_record_over_the_limit_fails_alone(tmp_path):
    big = ("<html><body>" + "<p>word</p>" * 500 + "</body></html>").encode()
    path = write_warc(
        tmp_path / "c.warc.gz",
        [
            ("response", "https://a.example/big", "text/html", big),
            ("response", "https://a.example/small", "text/html", PAGE.encode()),
        ],
    )
    items = read(path, max_bytes=1000)
    assert "per-document limit" in items[0].reason
    assert items[1].source == "https://a.example/small"


def test_truncated_warc_gz_keeps_complete_records(tmp_path):
    records = [
        ("response", f"https://a.example/{i}.html", "text/html", (PAGE * 20).encode())
        for i in range(30)
    ]
    path = write_warc(tmp_path / "c.warc.gz", records)
    data = path.read_bytes()
    cut = len(data) // 2
    while not _cut_inside_a_record(data[:cut]):
        cut += 1  # a cut between two records leaves a shorter, sound archive: cut inside one
    path.write_bytes(data[:cut])
    items = read(path)
    assert len(docs(items)) >= 5
    assert items[-1].reason == "truncated gzip stream"


def _cut_inside_a_record(data: bytes) -> bool:
    try:
        gzip.decompress(data)
    except EOFError:
        return True
    except gzip.BadGzipFile:
        return False  # inside the next record's gzip header: move on into its body
    return False


def test_file_named_warc_that_is_not_one_fails(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_text("hello, this is not an archive\n")
    assert "WARC" in only_failure(read(path)).reason


# --- folders and sniffing -----------------------------------------------------------


def test_folder_walk_is_recursive_sorted_and_skips_what_it_cannot_read(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "inner.txt").write_text("Inner story.")
    (tmp_path / "a.txt").write_text("First story.")
    (tmp_path / "c.html").write_text(PAGE)
    (tmp_path / "notes.md").write_text("# not an article")
    (tmp_path / "data.json").write_text('{"text": "x"}')
    (tmp_path / ".hidden.txt").write_text("Hidden story.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref")
    items = read(tmp_path)
    names = [Path(i.source).name for i in items]
    assert names == ["a.txt", "inner.txt", "c.html", "data.json", "notes.md"]
    skipped = failures(items)
    assert all(f.skipped and f.reason == "skipped: not a supported input kind" for f in skipped)
    assert [d.text for d in docs(items)][:2] == ["First story.", "Inner story."]


def test_empty_folder_yields_nothing(tmp_path):
    (tmp_path / "sub").mkdir()
    assert read(tmp_path) == []


def test_explicit_file_of_unknown_kind_is_sniffed(tmp_path):
    page = tmp_path / "page.aspx"
    page.write_text(PAGE)
    feed = tmp_path / "feed.data"
    feed.write_bytes(jsonl({"text": "A story."}))
    plain = tmp_path / "README.md"
    plain.write_text(ARTICLE)
    archive = tmp_path / "crawl.bin"
    write_warc(archive, [("response", "https://a.example/x", "text/html", PAGE.encode())])
    assert read(page)[0].kind == "html"
    assert read(feed)[0].text == "A story."
    assert read(plain)[0].text == ARTICLE
    assert read(archive)[0].source == "https://a.example/x"


def test_extensionless_files_in_a_folder_are_sniffed(tmp_path):
    (tmp_path / "article").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "blob").write_bytes(bytes(range(256)))
    items = read(tmp_path)
    assert items[0].kind == "html" and items[0].text == PAGE
    assert items[1].skipped  # a binary file met in a folder walk is not ours to read


def test_explicit_pretty_json_is_not_taken_for_a_feed(tmp_path):
    path = tmp_path / "config.json"
    path.write_text('{\n  "a": 1\n}\n')
    failure = only_failure(read(path))
    assert "not a supported input kind" in failure.reason and not failure.skipped


def test_stream_is_lazy(tmp_path):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Story {i}.")
    stream = iter_inputs([tmp_path])
    assert next(stream).text == "Story 0."
    (tmp_path / "2.txt").unlink()  # a file vanishing mid-run is a failure, not a crash
    rest = list(stream)
    assert rest[0].text == "Story 1."
    assert rest[1].reason == "no such file or directory"


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), name=st.sampled_from(["x.txt", "x.html", "x.jsonl", "x"]))
def test_any_bytes_give_documents_or_failures_never_an_exception(tmp_path, data, name):
    path = tmp_path / name
    path.write_bytes(data)
    for item in iter_inputs([path]):
        assert isinstance(item, Document | Failure)
        if isinstance(item, Failure):
            assert item.reason and "\n" not in item.reason


def test_permission_denied_is_one_failure(tmp_path, monkeypatch):
    import newsledger.read.files as files

    locked = tmp_path / "a_locked.txt"
    locked.write_text(ARTICLE)
    (tmp_path / "b_open.txt").write_text(ARTICLE)

    def guarded_open(path, *args, **kwargs):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(files, "open", guarded_open, raising=False)
    items = read(tmp_path)
    assert [type(i).__name__ for i in items] == ["Failure", "Document"]
    assert items[0] == Failure(str(locked), "permission denied")


def test_broken_link_in_a_folder_is_reported(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "here.txt").write_text("A story.")
    items = read(tmp_path)
    assert items[0] == Failure(str(tmp_path / "gone.txt"), "no such file or directory")
    assert items[1].text == "A story."


def test_symlink_loop_is_walked_once(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("A story.")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    assert [d.text for d in read(tmp_path)] == ["A story."]


def test_extensionless_json_in_a_folder_is_skipped(tmp_path):
    (tmp_path / "settings").write_text('{\n  "a": 1\n}\n')
    failure = only_failure(read(tmp_path))
    assert failure.skipped and failure.reason == "skipped: not a supported input kind"


def test_utf16_text_file_is_read(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_text("Zürich summit ends.", encoding="utf-16")
    assert read(path)[0].text == "Zürich summit ends."


def test_gzip_cut_inside_the_next_member_header_is_truncation(tmp_path):
    first = gzip.compress(b"The first member holds a whole line of text.\n" * 20)
    second = gzip.compress(b"The second member never arrives.\n" * 20)
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(first + second[:1])
    items = list(iter_inputs([path]))
    assert isinstance(items[0], Document)
    assert "first member" in items[0].text
    assert isinstance(items[-1], Failure) and items[-1].reason == "truncated gzip stream"


def test_binary_file_without_extension_in_a_folder_is_skipped(tmp_path):
    (tmp_path / "page.txt").write_text("A short page about a border treaty.\n", encoding="utf-8")
    (tmp_path / "kb.db-wal").write_bytes(bytes(range(256)) * 8)
    items = list(iter_inputs([tmp_path]))
    skipped = [i for i in items if isinstance(i, Failure)]
    assert [s.skipped for s in skipped] == [True]
    named = list(iter_inputs([tmp_path / "kb.db-wal"]))
    assert named[0].reason == "binary file, not text" and not named[0].skipped
