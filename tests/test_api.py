"""The HTTP API answers from the same knowledge base the CLI builds."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsledger import pipeline
from newsledger.api.app import create_app
from newsledger.store import open_store

PAGE = (
    "Keldor — Foreign Minister Dalia Orvath met with Tarsian Prime Minister Jon Mereth "
    "on Tuesday to discuss the river border, officials said.\n\n"
    "The opposition Unity Front accused the government of abandoning the fishermen.\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    folder = tmp_path_factory.mktemp("kb")
    (folder / "page.txt").write_text(PAGE, encoding="utf-8")
    db = folder / "kb.db"
    store = open_store(db)
    try:
        pipeline.ingest([folder / "page.txt"], store)
    finally:
        store.close()
    return TestClient(create_app(db))


def test_stats_counts_the_document(client):
    assert client.get("/api/stats").json()["documents"] == 1


def test_entities_can_be_searched_and_shown(client):
    rows = client.get("/api/entities", params={"search": "Orvath"}).json()
    assert any(row["name"] == "Dalia Orvath" for row in rows)
    profile = client.get("/api/entities/Dalia Orvath").json()
    assert "Foreign Minister Dalia Orvath" in profile["aliases"]
    assert client.get("/api/entities/Nobody Known").status_code == 404


def test_events_carry_names_and_evidence(client):
    events = client.get("/api/events", params={"type": "consult"}).json()
    assert events, "the meeting should be found"
    meeting = events[0]
    assert "Dalia Orvath" in meeting["actor_names"] + meeting["recipient_names"]
    assert "met with" in meeting["evidence"]["text"]


def test_web_page_lists_events(client):
    page = client.get("/", params={"type": "CONSULT"})
    assert page.status_code == 200
    assert "Dalia Orvath" in page.text


def test_missing_database_is_a_clear_error(tmp_path: Path):
    app = create_app(tmp_path / "nope.db")
    with TestClient(app, raise_server_exceptions=False) as c:
        response = c.get("/api/stats")
    assert response.status_code == 503
    assert "nope.db" in response.json()["detail"]
