"""The SQLite store: what a user relies on when ingesting, re-running and querying."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.document import Document, Entity, Event, Failure, Mention, Role, Span
from newsledger.store import StoreError, dedup, migrate, open_store
from newsledger.store.base import KBEntity
from newsledger.store.sqlite import SQLiteStore

STORY = (
    "The regional assembly of Varnholm voted on Thursday to suspend a planned increase in "
    "water tariffs after three weeks of protests outside the provincial offices. Governor "
    "Maria Ortega told reporters that the council would review the pricing formula with "
    "the utility company before the summer. Opposition members accused the ruling bloc "
    "of ignoring farmers in the eastern valleys, where reservoirs have fallen to their "
    "lowest level in a decade. The utility said it had not been consulted and warned that "
    "maintenance of the northern pipeline could be delayed. Union leaders welcomed the vote "
    "but said the strike would continue until the agreement was signed in writing."
)
OTHER_STORY = (
    "Fishing crews in the harbour town of Keldby returned to port early on Monday after "
    "coast guard vessels reported a storm system moving in from the west. Harbour master "
    "Jonas Brekke said that no boats were missing and that the fish market would reopen "
    "once the wind dropped. Local traders complained that the closure had cost them a "
    "week of sales, and the chamber of commerce asked the ministry for emergency support "
    "for small businesses along the coast, citing rising fuel prices and falling catches."
)


def make_doc(body: str, source: str = "page.txt", raw: bytes | None = None, **fields) -> Document:
    raw = body.encode("utf-8") if raw is None else raw
    text = raw.decode("utf-8", "replace")
    return Document(source=source, raw=raw, kind="text", text=text, body=body, **fields)


def rich_doc(kb: tuple[str, str] = ("Q1", "Q2"), body: str = STORY, **fields) -> Document:
    """A fully analysed document: entities with roles, an event with evidence."""
    start = body.index("Governor")
    doc = make_doc(
        body,
        source="varnholm.html",
        given={"url": "https://example.org/a", "fetched": "2024-03-05"},
        title="Assembly suspends water tariff rise",
        published="2024-03-05",
        outlet="Example Post",
        dateline="VARNHOLM",
        language="en",
        notes=["no byline"],
        **fields,
    )
    doc.sentences = [(0, 120), (121, 260)]
    doc.mentions = [Mention(start, start + 21, "Governor Maria Ortega", "PERSON", "titled", "L1")]
    doc.entities = [
        Entity(
            "L1",
            "Maria Ortega",
            "PERSON",
            aliases=["Ortega", "Governor Ortega"],
            country="VRN",
            sector="GOV",
            roles=[Role("governor", country="VRN", evidence="Governor Maria Ortega")],
            kb_id=kb[0],
            resolution="gazetteer",
        ),
        Entity("L2", "Varnholm utility company", "ORG", kb_id=kb[1]),
        Entity("L3", "Opposition members", "NORP"),
    ]
    doc.events = [
        Event(
            "ACCUSE",
            actor=["L3"],
            recipient=["L1"],
            date="2024-03-07",
            attributed_to="sources",
            evidence=[Span("Opposition members accused the ruling bloc", 10, 50)],
            story="S1",
            trigger="accused",
        ),
        Event(
            "CONSULT",
            actor=["L1"],
            recipient=["L2"],
            negated=True,
            attributed_to="L1",
            certainty="hedged",
            contexts=["economic"],
            story="S2",
        ),
    ]
    return doc


@pytest.fixture
def store(tmp_path: Path):
    s = open_store(tmp_path / "kb.db")
    yield s
    s.close()


def count(store) -> int:
    return store.stats()["documents"]


# --- documents ---------------------------------------------------------------


def test_saved_document_comes_back_whole(tmp_path: Path):
    doc = rich_doc()
    with open_store(tmp_path / "kb.db") as s:
        [result] = s.save_batch([doc])
    assert result.status == "new" and result.doc_id == doc.doc_id
    with open_store(tmp_path / "kb.db") as s:
        [back] = list(s.documents())
    assert back == doc


short = st.text(max_size=12)
spans = st.builds(Span, text=short, start=st.integers(0, 10**6), end=st.integers(0, 10**6))
entities = st.builds(
    Entity,
    local_id=st.text(min_size=1, max_size=4),
    name=short,
    type=st.sampled_from(["PERSON", "ORG", "GPE", "NORP"]),
    aliases=st.lists(short, max_size=3),
    country=st.none() | short,
    roles=st.lists(st.builds(Role, title=short, former=st.booleans()), max_size=2),
    kb_id=st.none() | short,
)
events = st.builds(
    Event,
    type=st.text(min_size=1, max_size=10),
    actor=st.lists(short, max_size=2),
    recipient=st.lists(short, max_size=2),
    negated=st.booleans(),
    date=st.none() | short,
    attributed_to=st.none() | short,
    evidence=st.lists(spans, max_size=2),
    story=st.none() | short,
)
json_values = st.none() | st.booleans() | st.integers() | st.text(max_size=20)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    raw=st.binary(max_size=200),
    text=st.text(max_size=200),
    body=st.text(max_size=300),
    title=st.none() | st.text(max_size=40),
    given_=st.dictionaries(short, json_values, max_size=4),
    notes=st.lists(short, max_size=3),
    sentences=st.lists(st.tuples(st.integers(0, 999), st.integers(0, 999)), max_size=4),
    ents=st.lists(entities, max_size=3),
    evs=st.lists(events, max_size=3),
)
def test_any_document_round_trips(raw, text, body, title, given_, notes, sentences, ents, evs):
    doc = Document("src", raw, "html", text, given_, notes, body=body, title=title)
    doc.sentences, doc.entities, doc.events = sentences, ents, evs
    with open_store(":memory:") as s:
        s.save_batch([doc])
        assert list(s.documents()) == [doc]


def test_text_that_is_not_valid_unicode_is_stored_not_crashed(store):
    body = "A broken \ud800 character in a page " + STORY
    doc = make_doc(body, source="caf\udce9.txt", raw=b"caf\xe9")
    doc.text = "raw \udce9 text"
    doc.entities = [Entity("L1", "Gov \udcff", "PERSON")]
    [result] = store.save_batch([doc])
    assert result.status == "new"
    [back] = list(store.documents())
    assert back.text == doc.text  # exactly, for reprocess
    assert len(back.body) == len(body) and "?" in back.body  # offsets still valid
    assert back.source == "caf?.txt"


def test_loaded_entities_follow_analyst_merges(store):
    store.save_batch([rich_doc()])
    store.canonical_entity_id = lambda eid: {"Q1": "Q9"}.get(eid, eid)
    [back] = list(store.documents())
    assert [e.kb_id for e in back.entities] == ["Q9", "Q2", None]


def test_raw_documents_hold_only_what_the_reader_produced(store):
    doc = rich_doc()
    store.save_batch([doc])
    [raw] = list(store.raw_documents())
    assert (raw.source, raw.raw, raw.kind, raw.text, raw.given) == (
        doc.source,
        doc.raw,
        doc.kind,
        doc.text,
        doc.given,
    )
    assert raw.body == "" and raw.entities == [] and raw.title is None


def test_documents_stream_in_ingest_order_across_pages(store):
    docs = [make_doc(random_text(i), source=f"p{i}") for i in range(150)]
    store.save_batch(docs)
    assert [d.source for d in store.documents()] == [f"p{i}" for i in range(150)]


def test_same_bytes_twice_is_known_and_adds_nothing(store):
    doc = rich_doc()
    assert store.known(doc) is None
    store.save_batch([doc])
    assert store.known(make_doc(STORY, raw=doc.raw)) == doc.doc_id
    [again] = store.save_batch([rich_doc()])
    assert again.status == "known"
    assert count(store) == 1


def test_same_text_in_another_wrapper_is_known_and_remembered(store):
    store.save_batch([make_doc(STORY, raw=b"<html>" + STORY.encode() + b"</html>")])
    wrapper = make_doc(STORY, source="feed.jsonl#3", raw=b'{"text": "..."}')
    [result] = store.save_batch([wrapper])
    assert result.status == "known"
    assert count(store) == 1
    # next run: recognised from the raw bytes alone, before any cleaning
    assert store.known(make_doc("", raw=b'{"text": "..."}')) == result.doc_id


def test_empty_bodies_are_not_taken_for_the_same_story(store):
    results = store.save_batch([make_doc("", raw=b"a"), make_doc("", raw=b"b")])
    assert [r.status for r in results] == ["new", "new"]


def test_near_duplicates_are_linked_to_the_original(store):
    [original] = store.save_batch([make_doc(STORY, source="wire.txt")])
    one_word = make_doc(STORY.replace("Thursday", "Friday"), source="repost.txt")
    credited = make_doc(STORY + " Reporting by Ana Lind; editing by Tom Hale.", source="b.txt")
    different = make_doc(OTHER_STORY, source="harbour.txt")
    results = store.save_batch([one_word, credited, different])
    assert [r.status for r in results] == ["near_duplicate", "near_duplicate", "new"]
    assert results[0].duplicate_of == original.doc_id == results[1].duplicate_of
    stored = {d.source: d for d in store.documents()}
    assert stored["repost.txt"].duplicate_of == original.doc_id
    assert stored["repost.txt"].body == one_word.body  # still stored, just flagged
    stats = store.stats()
    assert (stats["documents"], stats["near_duplicates"], stats["originals"]) == (4, 2, 2)


def test_stats_count_stories_once(store):
    _kb_entity(store, "Maria Ortega")
    wire = rich_doc()
    repost = rich_doc(body=STORY + " Reporting by Ana Lind.")
    repost.outlet = "Other Paper"
    store.save_batch([wire, repost, make_doc(OTHER_STORY, language="de")])
    stats = store.stats()
    assert stats["by_language"] == {"de": 1, "en": 1}
    assert stats["by_outlet"] == {"Example Post": 1, "unknown": 1}
    assert (stats["events"], stats["stories"], stats["entities"]) == (2, 2, 1)


def test_a_story_that_only_shares_a_paragraph_is_new(store):
    store.save_batch([make_doc(STORY)])
    half = STORY[: len(STORY) // 2] + " " + OTHER_STORY
    [result] = store.save_batch([make_doc(half)])
    assert result.status == "new"


def test_reprocess_overwrites_derived_fields_only(store):
    doc = rich_doc()
    store.save_batch([doc])
    again = rich_doc()
    again.title, again.outlet, again.language = "New title", "Other Outlet", "fr"
    again.events = [Event("THREATEN", actor=["L1"], recipient=["L2"])]
    [result] = store.save_batch([again], replace=True)
    assert result.status == "new"
    [back] = list(store.documents())
    assert (back.title, back.outlet, back.language) == ("New title", "Other Outlet", "fr")
    assert [e.type for e in back.events] == ["THREATEN"]
    assert back.raw == doc.raw and back.given == doc.given
    assert count(store) == 1
    assert [idx for _, idx in store.query_events(type="THREATEN")] == [0]
    assert list(store.query_events(type="ACCUSE")) == []


# --- transactions, failures -------------------------------------------------------


def test_an_error_inside_a_transaction_keeps_nothing(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.save_batch([make_doc(STORY)])
        raise RuntimeError("stage crashed")
    assert count(store) == 0


def test_nested_transaction_rolls_back_only_its_part(store):
    with store.transaction():
        store.save_batch([make_doc(STORY)])
        with pytest.raises(RuntimeError), store.transaction():
            store.save_batch([make_doc(OTHER_STORY)])
            raise RuntimeError("inner")
    assert [d.body for d in store.documents()] == [STORY]


def test_a_failure_after_a_rolled_back_first_batch_still_counts(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.save_batch([make_doc(STORY)])
        raise RuntimeError("stage crashed")
    store.record_failure(Failure("a.txt", "empty file"))
    assert store.stats()["failures"] == 1


def test_failures_of_the_latest_run_are_reported(tmp_path: Path):
    with open_store(tmp_path / "kb.db") as s:
        s.record_failure(Failure("a.txt", "empty file"))
        s.record_failure(Failure("b.pdf", "not a kind we read", skipped=True))
        stats = s.stats()
        assert (stats["failures"], stats["skipped"]) == (1, 1)
        assert stats["latest_failures"] == ["a.txt: empty file"]
    with open_store(tmp_path / "kb.db") as s:
        s.save_batch([make_doc(STORY, source="a.txt")])  # fixed and re-read
        stats = s.stats()
    assert (stats["failures"], stats["failures_all_runs"]) == (0, 0)


# --- errors a user meets ----------------------------------------------------------


def test_a_file_that_is_not_a_database_is_one_line_error(tmp_path: Path):
    notes = tmp_path / "notes.db"
    notes.write_text("my shopping list\n" * 100)
    with pytest.raises(StoreError, match=r"notes\.db is not a newsledger database"):
        open_store(notes)
    assert notes.read_text().startswith("my shopping list")


def test_another_programs_database_is_refused(tmp_path: Path):
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not a newsledger database"):
        open_store(other)


def test_a_folder_is_not_a_database(tmp_path: Path):
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)


def test_missing_file_is_refused_when_not_creating(tmp_path: Path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "typo.db", create=False)
    assert not (tmp_path / "typo.db").exists()


def test_unknown_url_scheme_is_one_line_error(tmp_path: Path):
    with pytest.raises(StoreError, match="PostgreSQL"):
        open_store("postgresql://localhost/news")
    with open_store(f"sqlite:///{tmp_path}/url.db") as s:
        assert s.stats()["documents"] == 0
    assert (tmp_path / "url.db").exists()


def test_a_locked_database_fails_fast_with_a_clear_message(tmp_path: Path):
    db = tmp_path / "kb.db"
    open_store(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        start = time.monotonic()
        s = open_store(db, timeout=0.2)
        with pytest.raises(StoreError, match=r"kb\.db is locked by another writer"):
            s.save_batch([make_doc(STORY)])
        assert time.monotonic() - start < 3
        assert s.stats()["documents"] == 0  # readers still work while the writer holds it
        s.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_location_that_cannot_be_created_is_one_line_error(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(StoreError, match=r"kb\.db cannot be created"):
        open_store(tmp_path / "notes.txt" / "kb.db")


def test_a_read_only_folder_is_one_line_error(tmp_path: Path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if _can_write(folder):
            pytest.skip("this user can write to read-only folders (root)")
        with pytest.raises(StoreError, match=r"ro/kb\.db cannot be"):
            open_store(folder / "kb.db")
    finally:
        folder.chmod(0o700)


def _can_write(folder: Path) -> bool:
    try:
        (folder / "probe").write_text("x")
    except OSError:
        return False
    (folder / "probe").unlink()
    return True


# --- schema -------------------------------------------------------------------


def test_migrations_apply_once_and_in_order(tmp_path: Path):
    db = tmp_path / "kb.db"
    open_store(db).close()
    shipped = [m.version for m in migrate.available()]
    con = sqlite3.connect(db)
    first = con.execute("SELECT version, applied_at FROM schema_migrations ORDER BY version")
    first = first.fetchall()
    con.close()
    assert [v for v, _ in first] == shipped and shipped[0] == 1 and 3 in shipped
    open_store(db).close()
    con = sqlite3.connect(db)
    assert con.execute("SELECT version, applied_at FROM schema_migrations").fetchall() == first
    assert con.execute("PRAGMA user_version").fetchone()[0] == max(shipped)
    con.close()


def test_a_migration_added_later_is_applied_on_next_open(tmp_path: Path):
    db = tmp_path / "kb.db"
    con = sqlite3.connect(db, isolation_level=None)
    migrate._apply(con, migrate.available()[0])  # an old database: only 0001
    con.close()
    with open_store(db) as s:
        s.save_batch([rich_doc()])
        assert len(list(s.query_events(type="ACCUSE"))) == 1


def test_a_newer_schema_is_refused(tmp_path: Path):
    db = tmp_path / "kb.db"
    open_store(db).close()
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 999")
    con.close()
    with pytest.raises(StoreError, match="newer newsledger"):
        open_store(db)


def test_migration_scripts_split_into_statements():
    statements = migrate._statements(
        "-- a comment; with a semicolon\nCREATE TABLE a (x);\n\n"
        "CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; SELECT 2; END;\n"
    )
    assert len(statements) == 2 and statements[1].endswith("END;")


# --- kill and resume ----------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import os, random, signal, sys
    from newsledger.document import Document
    from newsledger.store import open_store

    path, batches, kill_at = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    store = open_store(path)
    for b in range(batches):
        docs = []
        for i in range(b * 5, b * 5 + 5):
            rng = random.Random(i)
            body = " ".join(f"w{rng.randrange(5000)}" for _ in range(80))
            docs.append(Document(source=f"p{i}", raw=body.encode(), kind="text", body=body))
        docs = [d for d in docs if not store.known(d)]
        with store.transaction():
            for n, doc in enumerate(docs):
                store.save_batch([doc])
                if b == kill_at and n == 2:
                    os.kill(os.getpid(), signal.SIGKILL)
    print("done")
    """
)


def test_a_kill_mid_batch_keeps_whole_batches_and_the_next_run_finishes(tmp_path: Path):
    db = tmp_path / "kb.db"
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    killed = subprocess.run([sys.executable, str(script), str(db), "4", "2"], timeout=120)
    assert killed.returncode == -9
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM document").fetchone()[0] == 10  # batches 0 and 1
    con.close()
    done = subprocess.run(
        [sys.executable, str(script), str(db), "4", "-1"], timeout=120, capture_output=True
    )
    assert done.returncode == 0, done.stderr.decode()
    with open_store(db) as s:
        assert sorted(d.source for d in s.documents()) == sorted(f"p{i}" for i in range(20))


# --- event index ----------------------------------------------------------------------


def test_story_candidates_by_participant_and_date(store):
    store.save_batch([rich_doc()])
    later = rich_doc(kb=("Q7", "Q8"), body="Governor Brekke spoke. " + OTHER_STORY)
    later.published = "2024-06-01"
    later.events[0].date = None
    store.save_batch([later])
    found = store.story_candidates({"Q1"}, "2024-03-01", "2024-03-31")
    assert [(e.type, e.recipient, e.story) for e in found] == [
        ("ACCUSE", ["Q1"], "S1"),
        ("CONSULT", ["Q2"], "S2"),
    ]
    negated = [e for e in store.story_candidates({"Q2"}, "2024-03", "2024-03") if e.negated]
    assert [(e.actor, e.recipient, e.attributed_to) for e in negated] == [(["Q1"], ["Q2"], "Q1")]
    # an event without a date of its own is filed under the publication date
    assert [e.date for e in store.story_candidates({"Q8"}, "2024-06-01", None)] == ["2024-06-01"]
    assert store.story_candidates({"Q1"}, "2025-01-01", None) == []
    assert store.story_candidates(set(), None, None) == []


def test_query_events_filters(store):
    doc = rich_doc()
    store.save_batch([doc, make_doc(OTHER_STORY)])

    def found(**filters):
        return [(d.doc_id, i) for d, i in store.query_events(**filters)]

    accuse, consult = (doc.doc_id, 0), (doc.doc_id, 1)
    assert found() == [accuse, consult]
    assert found(type="accuse") == [accuse]
    assert found(recipient="governor ortega") == [accuse]  # an alias, any case
    assert found(actor="Maria Ortega") == [consult]
    assert found(actor="Nobody") == []
    assert found(negated=True) == [consult]
    assert found(negated=False) == [accuse]
    assert found(attributed_to="sources") == [accuse]
    assert found(attributed_to="ortega") == [consult]
    assert found(since="2024-03-06") == [accuse]  # 07 own date; 05 from publication
    assert found(until="2024-03-05") == [consult]
    assert found(limit=1) == [accuse]
    [(loaded, _)] = store.query_events(type="CONSULT")
    assert loaded.events[1].evidence == [] and loaded.title == doc.title


def _kb_entity(store: SQLiteStore, name: str, aliases: set[str] = frozenset()) -> str:
    entity = KBEntity(id="", name=name, type="PERSON", aliases=set(aliases))
    with store.transaction():
        return store.upsert_entity(entity, {name.casefold()}, "test")


def test_query_events_uses_knowledge_base_aliases(store):
    kb_id = _kb_entity(store, "Maria Ortega", {"The Steward of Varnholm"})
    store.save_batch([rich_doc(kb=(kb_id, "Q2"))])
    types = [d.events[i].type for d, i in store.query_events(recipient="the steward of varnholm")]
    assert types == ["ACCUSE"]


def test_events_follow_an_analyst_merge(store):
    keep, other = _kb_entity(store, "Maria Ortega"), _kb_entity(store, "M. Ortega-Vidal")
    store.save_batch([rich_doc(kb=(keep, "Q2"))])
    second = rich_doc(kb=(other, "Q3"), body="Governor Ortega-Vidal said. " + OTHER_STORY)
    second.entities[0].name, second.entities[0].aliases = "M. Ortega-Vidal", []
    store.save_batch([second])
    with store.transaction():
        store.merge(keep, other)
    found = store.query_events(actor="Maria Ortega")  # the consult event of both documents
    assert [(d.doc_id, i) for d, i in found] == [(rich_doc().doc_id, 1), (second.doc_id, 1)]
    candidates = store.story_candidates({keep}, None, None)
    assert {e.doc_id for e in candidates} == {rich_doc().doc_id, second.doc_id}
    assert all(keep in e.actor + e.recipient for e in candidates)
    assert other not in {i for e in candidates for i in e.actor + e.recipient}


def test_near_duplicates_add_no_events_to_the_index(store):
    store.save_batch([rich_doc()])
    repost = rich_doc(body=STORY + " Reporting by Ana Lind.")
    [result] = store.save_batch([repost])
    assert result.status == "near_duplicate"
    assert len(list(store.query_events(type="ACCUSE"))) == 1
    assert store.stats()["events"] == 2


# --- cost ------------------------------------------------------------------------------


def random_text(seed: int, n: int = 80) -> str:
    rng = random.Random(seed)
    return " ".join(f"w{rng.randrange(20000)}" for _ in range(n))


def test_near_duplicate_lookup_reads_a_bounded_number_of_rows(store):
    store.save_batch([make_doc(random_text(i), source=f"p{i}") for i in range(300)])
    probe = dedup.signature(random_text(10_000))
    assert store.near.find(probe) is None
    assert store.near.rows_read == 0  # unrelated stories share no band
    # worst case: 500 stored originals collide with the probe in every band
    store.conn.executemany(
        "INSERT INTO minhash_band (band, hash, doc_id) VALUES (?, ?, ?)",
        [(band, key, f"fake{n}") for n in range(500) for band, key in dedup.band_keys(probe)],
    )
    store.near.find(probe)
    bands, _ = dedup._bands()
    assert 0 < store.near.rows_read <= bands * dedup.MAX_PER_BAND
