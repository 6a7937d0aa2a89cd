"""The whole run: a kill mid-ingest leaves a consistent database and the next run finishes."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

WORDS = [
    "council",
    "minister",
    "border",
    "treaty",
    "river",
    "harbour",
    "election",
    "court",
    "envoy",
    "ministry",
    "protest",
    "budget",
    "tariff",
    "ceasefire",
    "reform",
    "governor",
    "senate",
    "union",
    "strike",
    "pipeline",
    "drought",
]


def write_pages(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        rng = random.Random(i)
        words = [rng.choice(WORDS) for _ in range(40)]
        body = (
            f"Report number {i} from the northern provinces.\n\n"
            f"The {words[0]} said on day {i} that the {words[1]} and the {words[2]} "
            f"would be discussed again. {' '.join(words)} {i}.\n"
        )
        (folder / f"page-{i:04d}.txt").write_text(body, encoding="utf-8")


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM document").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def ingest(folder: Path, db: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "newsledger", "ingest", str(folder), "--db", str(db), "-q"]
    return subprocess.Popen(cmd + ["--batch-size", "4"], stderr=subprocess.PIPE)


def ingest_under_way(tmp_path: Path) -> tuple[subprocess.Popen, Path, Path]:
    """An ingest of 120 pages that has saved a few batches and is still running."""
    folder, db = tmp_path / "pages", tmp_path / "kb.db"
    write_pages(folder, 120)
    proc = ingest(folder, db)
    deadline = time.time() + 120
    while stored(db) < 8 and proc.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    return proc, folder, db


def test_kill_mid_run_then_resume(tmp_path: Path) -> None:
    proc, folder, db = ingest_under_way(tmp_path)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    before = stored(db)
    assert 0 < before < 120, "the run should have been killed part-way"

    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()

    proc = ingest(folder, db)
    _, errors = proc.communicate(timeout=600)
    assert proc.returncode == 0, errors.decode()
    assert stored(db) == 120


def test_a_stage_crash_on_one_page_keeps_the_others(tmp_path: Path, monkeypatch) -> None:
    from newsledger import entities, pipeline
    from newsledger.store import open_store

    folder = tmp_path / "pages"
    write_pages(folder, 3)
    real_find = entities.find

    def flaky(doc):
        if doc.source.endswith("page-0001.txt"):
            raise ValueError("unexpected parse")
        return real_find(doc)

    monkeypatch.setattr(entities, "find", flaky)
    store = open_store(tmp_path / "kb.db")
    try:
        summary = pipeline.ingest([folder], store)
    finally:
        store.close()
    assert summary.new == 3
    assert any("analysis failed" in note and "page-0001" in note for note in summary.notes)


def test_ctrl_c_stops_cleanly_and_keeps_whole_batches(tmp_path: Path) -> None:
    proc, _, db = ingest_under_way(tmp_path)
    proc.send_signal(signal.SIGINT)
    _, errors = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert b"Traceback" not in errors and b"interrupted" in errors
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
