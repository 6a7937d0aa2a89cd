"""The bundled sample corpus and the synthetic page generator used by the benchmark."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from itertools import combinations
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402

INPUT_STYLES = {".txt", ".txt.gz", ".html", ".jsonl", ".warc.gz"}
NOT_INPUTS = {"README.md", "build_warc.py"}


def style(path: Path) -> str:
    return "".join(path.suffixes[-2:]) if path.suffix == ".gz" else path.suffix


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.is_file() and p.name not in NOT_INPUTS)


def shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: str, b: str) -> float:
    left, right = shingles(a), shingles(b)
    return len(left & right) / len(left | right)


# --- the sample corpus ------------------------------------------------------------


def test_samples_cover_every_input_style():
    assert {style(p) for p in sample_files()} == INPUT_STYLES


def test_readme_says_fictional_and_describes_every_sample():
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    assert "fictional" in readme.lower()
    undocumented = [p.name for p in sample_files() if f"`{p.name}`" not in readme]
    assert undocumented == []


def test_corpus_stays_small():
    assert sum(p.stat().st_size for p in SAMPLES.iterdir()) < 100 * 1024


def test_feed_has_three_articles_with_metadata_and_one_not_in_english():
    lines = (SAMPLES / "09-news-feed.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 3
    for record in records:
        assert {"text", "url", "title", "published", "outlet", "language"} <= record.keys()
    assert [r["language"] for r in records].count("en") == 2


def test_warc_holds_two_html_responses():
    with (SAMPLES / "10-crawl.warc.gz").open("rb") as stream:
        responses = [
            record.http_headers.get_header("Content-Type")
            for record in ArchiveIterator(stream)
            if record.rec_type == "response"
        ]
    assert len(responses) == 2
    assert all(kind.startswith("text/html") for kind in responses)


def load_build_warc(monkeypatch):
    """Import samples/build_warc.py without leaving a __pycache__ among the samples."""
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    spec = importlib.util.spec_from_file_location("build_warc", SAMPLES / "build_warc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_warc_rebuild_is_byte_identical(tmp_path, monkeypatch):
    rebuilt = load_build_warc(monkeypatch).build(tmp_path / "again.warc.gz")
    assert rebuilt.read_bytes() == (SAMPLES / "10-crawl.warc.gz").read_bytes()


def test_gzipped_dump_decompresses_to_an_article():
    text = gzip.decompress((SAMPLES / "04-hri-urges-release-of-journalists.txt.gz").read_bytes())
    assert "Harbor Rights Initiative (HRI)" in text.decode("utf-8")


def story(text: str) -> str:
    """The wire copy inside a page: from the dateline to the last shared paragraph."""
    start = text.index("BRISA, March 10")
    return text[start : text.index("summit in May.", start)]


def test_repost_is_a_near_duplicate_of_the_wire_story_but_not_a_copy():
    wire = (SAMPLES / "01-wire-tarrow-pass-talks.txt").read_text(encoding="utf-8")
    repost = (SAMPLES / "05-courier-repost-tarrow-pass-talks.txt").read_text(encoding="utf-8")
    assert story(wire) != story(repost)
    assert jaccard(story(wire), story(repost)) > 0.8


# --- the read stage over the samples -------------------------------------------------


def read_samples():
    read = pytest.importorskip("newsledger.read")
    from newsledger.document import Document, Failure

    try:
        items = list(read.iter_inputs([SAMPLES]))
    except NotImplementedError:
        pytest.skip("the read stage is not implemented yet")
    docs = [i for i in items if isinstance(i, Document)]
    failures = [i for i in items if isinstance(i, Failure)]
    return docs, failures


def test_reader_reads_every_sample_page_without_failures():
    docs, failures = read_samples()
    assert len(docs) >= 12
    assert [f for f in failures if not f.skipped] == []
    assert {Path(f.source).name for f in failures} <= NOT_INPUTS


def test_reader_gives_each_sample_page_its_own_id():
    docs, _ = read_samples()
    assert len({d.doc_id for d in docs}) == len(docs)


def test_samples_ingest_without_nlp_links_the_repost_and_keeps_articles_whole(tmp_path):
    from newsledger.pipeline import prepare
    from newsledger.store import open_store

    docs = [prepare(doc) for doc in read_samples()[0]]
    store = open_store(tmp_path / "samples.db")
    try:
        with store.transaction():
            results = store.save_batch(docs)
    finally:
        store.close()
    by_name = {Path(d.source).name: r for d, r in zip(docs, results, strict=True)}
    repost = by_name["05-courier-repost-tarrow-pass-talks.txt"]
    assert repost.status == "near_duplicate"
    assert repost.duplicate_of == by_name["01-wire-tarrow-pass-talks.txt"].doc_id
    assert [r.status for r in results].count("new") == len(docs) - 1
    assert all(150 <= len(d.body.split()) <= 400 for d in docs)
    assert [d.language for d in docs].count("fr") == 1


# --- the synthetic generator ---------------------------------------------------------


def test_generator_is_deterministic(tmp_path):
    generate.write_pages(tmp_path / "a", 20, seed=7)
    generate.write_pages(tmp_path / "b", 20, seed=7)
    first = {p.name: p.read_bytes() for p in (tmp_path / "a").iterdir()}
    second = {p.name: p.read_bytes() for p in (tmp_path / "b").iterdir()}
    assert len(first) == 20
    assert first == second


def test_a_page_does_not_depend_on_how_many_are_generated():
    assert dict(generate.iter_pages(3, seed=1))["synthetic-1-000002.txt"] == generate.page(2, 1)


def test_different_seeds_give_different_pages():
    assert generate.page(0, seed=1) != generate.page(0, seed=2)


def test_generated_pages_are_not_near_duplicates_of_each_other():
    pages = [text for _, text in generate.iter_pages(40, seed=3)]
    worst = max(jaccard(a, b) for a, b in combinations(pages, 2))
    assert worst < 0.2


def test_generated_pages_look_like_scraped_news():
    text = generate.page(5, seed=0)
    assert "— Photo: Staff" in text
    assert "[newsletter_form id=" in text
    assert "..." in text
    assert 200 <= len(text.split()) <= 700


def test_generated_documents_are_reader_output():
    docs = list(generate.iter_documents(5, seed=0))
    assert all(d.kind == "text" and d.raw == d.text.encode("utf-8") for d in docs)
    assert len({d.doc_id for d in docs}) == 5
