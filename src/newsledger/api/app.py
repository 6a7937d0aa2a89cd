"""HTTP API and a one-page web UI: thin routes over the same Store the CLI uses."""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from newsledger import export
from newsledger.store import open_store
from newsledger.store.base import Store, StoreError


def _store(request: Request) -> Iterator[Store]:
    """One connection per request: SQLite connections do not cross threads."""
    try:
        opened = open_store(request.app.state.db, create=False)
    except StoreError as exc:
        raise HTTPException(503, str(exc)) from exc
    try:
        yield opened
    finally:
        opened.close()


StoreDep = Annotated[Store, Depends(_store)]
Limit = Annotated[int, Query(ge=1, le=1000)]


def create_app(db: str | Path) -> FastAPI:
    """An app bound to one knowledge base; each request opens its own connection."""
    app = FastAPI(title="newsledger", description="Political actors and events, with evidence.")
    app.state.db = db

    @app.get("/api/stats")
    def stats(s: StoreDep) -> dict[str, Any]:
        return s.stats()

    @app.get("/api/entities")
    def entities(
        s: StoreDep,
        type: str | None = None,
        search: str | None = None,
        limit: Limit = 100,
    ) -> list[dict[str, Any]]:
        return list(s.list_entities(type=type, search=search, limit=limit))

    @app.get("/api/entities/{name}")
    def entity(name: str, s: StoreDep) -> dict[str, Any]:
        profile = s.entity_profile(name)
        if not profile:
            raise HTTPException(404, f"no entity named {name!r}")
        return profile

    @app.get("/api/events")
    def events(
        s: StoreDep,
        type: str | None = None,
        actor: str | None = None,
        recipient: str | None = None,
        since: str | None = None,
        until: str | None = None,
        negated: bool | None = None,
        attributed_to: str | None = None,
        limit: Limit = 100,
    ) -> list[dict[str, Any]]:
        found = s.query_events(
            type=type.upper() if type else None,
            actor=actor,
            recipient=recipient,
            since=since,
            until=until,
            negated=negated,
            attributed_to=attributed_to,
            limit=limit,
        )
        return _event_views(found)

    @app.get("/", response_class=HTMLResponse)
    def page(s: StoreDep, type: str | None = None, actor: str | None = None) -> str:
        rows = _event_views(
            s.query_events(type=type.upper() if type else None, actor=actor, limit=200)
        )
        return _html(rows, type or "", actor or "")

    return app


def _event_views(found) -> list[dict[str, Any]]:
    """Events as the export writes them, with names beside ids and their document.

    A document's record is built once, however many of its events match.
    """
    records: dict[str, dict[str, Any]] = {}
    views = []
    for doc, index in found:
        if doc.doc_id not in records:
            records[doc.doc_id] = export.record(doc)
        views.append(_event_view(doc, records[doc.doc_id], index))
    return views


def _event_view(doc, record: dict[str, Any], index: int) -> dict[str, Any]:
    event = record["events"][index]
    names = {e["id"]: e["name"] for e in record["entities"]}
    return event | {
        "actor_names": [names.get(i, i) for i in event["actor"]],
        "recipient_names": [names.get(i, i) for i in event["recipient"]],
        "attributed_name": names.get(event["attributed_to"], event["attributed_to"]),
        "document": {"doc_id": doc.doc_id, "source": doc.source, "title": doc.title},
    }


def _html(rows: list[dict[str, Any]], type_: str, actor: str) -> str:
    items = "".join(
        f"<li><b>{escape(r['type'])}</b>{' <em>NOT</em>' if r['negated'] else ''} "
        f"{escape(', '.join(r['actor_names']))} → {escape(', '.join(r['recipient_names']))}"
        f" <small>according to {escape(str(r['attributed_name']))}</small>"
        f"<blockquote>{escape((r['evidence'] or {}).get('text', ''))}</blockquote>"
        f"<small>{escape(str(r['document']['title'] or r['document']['source']))}</small></li>"
        for r in rows
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>newsledger</title>"
        "<style>body{font-family:sans-serif;max-width:60em;margin:auto}"
        "blockquote{color:#444;margin:.3em 1em}li{margin-bottom:1em}</style></head><body>"
        "<h1>newsledger events</h1><form>"
        f"<input name='type' placeholder='type (ACCUSE...)' value='{escape(type_)}'> "
        f"<input name='actor' placeholder='actor' value='{escape(actor)}'> "
        f"<button>filter</button></form><ol>{items}</ol>"
        f"<p>{len(rows)} events · <a href='/docs'>API</a></p></body></html>"
    )
