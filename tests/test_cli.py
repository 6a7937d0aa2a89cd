"""The command line as a user meets it: exit codes, one-line errors, exports, summaries."""

from __future__ import annotations

import gzip
import json
import sqlite3
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsledger import cli

ARTICLE = (
    "Home | World | Politics | Contact\n\n"
    "Ministers agree to reopen the river border\n\n"
    "Keldor — Foreign Minister Dalia Orvath met with her Tarsian counterpart Jon Mereth "
    "on Tuesday and agreed to reopen the river crossings closed since the spring floods, "
    "officials said.\n\n"
    "Orvath told reporters that the talks had been frank and that both governments would "
    "sign a trade protocol before the end of the year.\n\n"
    "The opposition Unity Front accused the government of selling out fishermen on the "
    "northern bank, a charge Orvath denied.\n"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str):
    return runner.invoke(cli.app, list(args), catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "border.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "border-copy.txt.gz").write_bytes(gzip.compress(ARTICLE.encode("utf-8")))
    return folder


def test_ingest_then_export_writes_one_record_per_document(runner, corpus, tmp_path):
    db = tmp_path / "kb.db"
    result = invoke(runner, "ingest", str(corpus), "--db", str(db), "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["read"] == 2 and summary["failed"] == 0
    # the gzipped copy has the same cleaned text: stored once
    assert summary["new"] == 1 and summary["known"] == 1

    out = tmp_path / "out.jsonl"
    result = invoke(runner, "export", "--db", str(db), "-o", str(out))
    assert result.exit_code == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 1
    record = records[0]
    assert "reopen the river crossings" in record["body"]
    assert "Home | World" not in record["body"]
    assert record["language"] == "en"
    assert {"doc_id", "source", "title", "published", "outlet", "entities", "events"} <= set(record)


def test_second_ingest_reports_everything_already_known(runner, corpus, tmp_path):
    db = tmp_path / "kb.db"
    invoke(runner, "ingest", str(corpus), "--db", str(db), "--quiet")
    result = invoke(runner, "ingest", str(corpus), "--db", str(db), "--json")
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["new"] == 0 and summary["known"] == 2


def test_bad_inputs_fail_with_one_line_each_and_exit_1(runner, corpus, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "broken.txt.gz").write_bytes(gzip.compress(ARTICLE.encode())[:40])
    db = tmp_path / "kb.db"
    result = invoke(runner, "ingest", str(corpus), str(tmp_path / "missing.txt"), "--db", str(db))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert len(failed) == 3
    assert any("missing.txt" in line for line in failed)
    assert any("empty.txt" in line for line in failed)
    # the good page was still stored
    result = invoke(runner, "stats", "--db", str(db), "--json")
    assert json.loads(result.stdout)["documents"] >= 1


def test_database_that_is_not_sqlite_is_one_line_error(runner, corpus, tmp_path):
    db = tmp_path / "notes.db"
    db.write_text("these are my notes, not a database\n" * 50)
    result = invoke(runner, "ingest", str(corpus), "--db", str(db))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "notes.db" in result.stderr
    assert db.read_text().startswith("these are my notes")  # untouched


def test_locked_database_is_reported_not_crashed(runner, corpus, tmp_path):
    db = tmp_path / "kb.db"
    invoke(runner, "ingest", str(corpus), "--db", str(db), "--quiet")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        (corpus / "more.txt").write_text(ARTICLE.replace("Tuesday", "Friday"), encoding="utf-8")
        result = invoke(runner, "ingest", str(corpus), "--db", str(db))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1
    assert "locked" in result.stderr
    assert "Traceback" not in result.output


def test_usage_error_exits_2(runner):
    result = runner.invoke(cli.app, ["ingest"])
    assert result.exit_code == 2
    result = runner.invoke(cli.app, ["export", "--format", "xml", "--db", "x.db"])
    assert result.exit_code == 2


def test_db_comes_from_environment(runner, corpus, tmp_path, monkeypatch):
    db = tmp_path / "env.db"
    monkeypatch.setenv("NEWSLEDGER_DB", str(db))
    result = invoke(runner, "ingest", str(corpus), "--quiet")
    assert result.exit_code == 0
    assert db.exists()


def test_csv_export_has_a_header_and_a_row_per_document(runner, corpus, tmp_path):
    db = tmp_path / "kb.db"
    invoke(runner, "ingest", str(corpus), "--db", str(db), "--quiet")
    out = tmp_path / "out.csv"
    invoke(runner, "export", "--db", str(db), "--format", "csv", "-o", str(out))
    lines = out.read_text().splitlines()
    assert lines[0].startswith("doc_id,source,title")
    assert len([line for line in lines[1:] if line.strip()]) >= 1


def test_entity_shortcut_shows_a_profile(runner, corpus, tmp_path, monkeypatch):
    db = tmp_path / "kb.db"
    invoke(runner, "ingest", str(corpus), "--db", str(db), "--quiet")
    monkeypatch.setattr(sys, "argv", ["newsledger", "entity", "Dalia Orvath", "--db", str(db)])
    with pytest.raises(SystemExit) as stop:
        cli.main()
    assert stop.value.code in (0, None)


def test_analyst_corrections_survive_reprocess(runner, corpus, tmp_path):
    db = tmp_path / "kb.db"
    invoke(runner, "ingest", str(corpus), "--db", str(db), "--quiet")
    result = invoke(
        runner, "entity", "alias", "add", "Dalia Orvath", "the Iron Lady", "--db", str(db)
    )
    assert result.exit_code == 0, result.output
    result = invoke(runner, "entity", "merge", "Dalia Orvath", "Jon Mereth", "--db", str(db))
    assert result.exit_code == 0, result.output

    result = invoke(runner, "reprocess", "--db", str(db), "--quiet")
    assert result.exit_code == 0, result.output

    result = invoke(runner, "entity", "show", "the Iron Lady", "--db", str(db))
    assert result.exit_code == 0 and "Dalia Orvath" in result.stdout
    result = invoke(runner, "entity", "show", "Jon Mereth", "--db", str(db))
    assert "Dalia Orvath" in result.stdout  # still merged after the pipeline ran again


def test_unknown_entity_is_one_line(runner, corpus, tmp_path):
    db = tmp_path / "kb.db"
    invoke(runner, "ingest", str(corpus), "--db", str(db), "--quiet")
    result = runner.invoke(cli.app, ["entity", "show", "Nobody At All", "--db", str(db)])
    assert result.exit_code == 1
    assert "no entity named" in result.stderr


def test_events_are_filtered_and_shown_with_evidence(runner, corpus, tmp_path):
    db = tmp_path / "kb.db"
    invoke(runner, "ingest", str(corpus), "--db", str(db), "--quiet")
    result = invoke(runner, "events", "--db", str(db), "--type", "consult", "--actor", "Orvath")
    assert result.exit_code == 0, result.output
    assert "CONSULT" in result.stdout and "met with her Tarsian counterpart" in result.stdout
    assert "ACCUSE" not in result.stdout
    result = invoke(runner, "events", "--db", str(db), "--type", "ACCUSE")
    assert "Unity Front" in result.stdout and "CONSULT" not in result.stdout
    result = invoke(runner, "events", "--db", str(db), "--since", "2999-01-01")
    assert result.stdout.strip().endswith("0 events")


def test_a_loaded_gazetteer_anchors_names_and_bad_files_are_one_line(runner, tmp_path):
    db = tmp_path / "kb.db"
    ref = tmp_path / "people.csv"
    ref.write_text(
        "name,aliases,type,country,sector\nDalia Orvath,D. Orvath|Dalia Orvat,PERSON,VRN,GOV\n",
        encoding="utf-8",
    )
    result = invoke(runner, "gazetteer", "load", str(ref), "--db", str(db))
    assert result.exit_code == 0 and "1 entries" in result.stdout
    page = tmp_path / "page.txt"
    page.write_text(
        "Keldor — Foreign Minister Dalia Orvat met the Tarsian envoy on Monday.\n",
        encoding="utf-8",
    )
    invoke(runner, "ingest", str(page), "--db", str(db), "--quiet")
    result = invoke(runner, "entity", "show", "Dalia Orvat", "--db", str(db))
    assert "Dalia Orvath" in result.stdout  # the reference list's canonical name

    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = runner.invoke(cli.app, ["gazetteer", "load", str(broken), "--db", str(db)])
    assert result.exit_code == 1
    assert "broken.json" in result.stderr and "Traceback" not in result.output
