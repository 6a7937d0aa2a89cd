"""How the CLI shows things: tables and lists with rich, kept apart from the commands."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from newsledger.document import Document


class RateColumn(ProgressColumn):
    """Documents per second: the figure a user watching a long run wants."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} docs/s" if speed else "", style="progress.data.speed")


def progress(disable: bool) -> Progress:
    """A progress line with a running count and documents per second, on stderr."""
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        TextColumn("{task.completed:,.0f}"),
        TimeElapsedColumn(),
        RateColumn(),
        console=Console(stderr=True),
        disable=disable,
        transient=True,
    )


def print_stats(out: Console, data: dict[str, Any]) -> None:
    table = Table(title="newsledger knowledge base", show_header=False)
    table.add_column("what")
    table.add_column("value", justify="right")
    for key, value in data.items():
        if isinstance(value, dict):
            table.add_row(f"[bold]{key}[/bold]", "")
            for sub, n in value.items():
                table.add_row(f"  {escape(str(sub))}", str(n))
        elif isinstance(value, list):
            table.add_row(f"[bold]{key}[/bold]", str(len(value)))
            for item in value[:20]:
                table.add_row(f"  {escape(str(item))}", "")
        else:
            table.add_row(f"[bold]{key}[/bold]", escape(str(value)))
    out.print(table)


def print_entities(out: Console, rows: Iterable[dict[str, Any]]) -> None:
    table = Table("id", "name", "type", "country", "sector", "documents", "aliases")
    for row in rows:
        cells = [
            row.get("id"),
            row.get("name"),
            row.get("type") or "",
            row.get("country") or "",
            row.get("sector") or "",
            row.get("documents", ""),
            ", ".join(sorted(row.get("aliases", []))[:6]),
        ]
        table.add_row(*(Text(str(c)) for c in cells))
    out.print(table)


def print_profile(out: Console, profile: dict[str, Any]) -> None:
    out.print(
        f"[bold]{escape(profile['name'])}[/bold]  {profile['id']}  {profile.get('type') or ''}"
    )
    for key in ("country", "sector"):
        if profile.get(key):
            out.print(f"{key}: {profile[key]}", markup=False)
    if profile.get("aliases"):
        out.print("aliases: " + ", ".join(sorted(profile["aliases"])), markup=False)
    if profile.get("roles"):
        out.print("[bold]roles over time[/bold]")
        for role in profile["roles"]:
            out.print(
                f"  {role.get('as_of') or 'undated'}  {role.get('title')}"
                f"{' (former)' if role.get('former') else ''}"
                f"{', ' + role['organisation'] if role.get('organisation') else ''}"
                f"{', ' + role['country'] if role.get('country') else ''}"
                f"  — {role.get('evidence', '')}",
                markup=False,
                highlight=False,
            )
    if profile.get("documents"):
        out.print("[bold]documents[/bold]")
        for doc in profile["documents"]:
            out.print(f"  {doc}", markup=False, highlight=False)
    if profile.get("merges"):
        out.print("[bold]why merged[/bold]")
        for merge in profile["merges"]:
            out.print(f"  {merge}", markup=False, highlight=False)


def print_events(out: Console, found: Iterable[tuple[Document, int]]) -> None:
    n = 0
    for doc, index in found:
        ev = doc.events[index]
        names = {e.local_id: e.name for e in doc.entities}

        def who(ids: list[str], names: dict[str, str] = names) -> str:
            return ", ".join(names.get(i, i) for i in ids) or "?"

        source = ev.attributed_to
        source = names.get(source, source) if source else "unattributed"
        flags = " [red]NOT[/red]" if ev.negated else ""
        out.print(
            f"[bold]{ev.type}[/bold]{flags} {escape(who(ev.actor))} → {escape(who(ev.recipient))}"
            f"  ({ev.date or doc.published or 'undated'}; according to {escape(source)};"
            f" {ev.certainty})",
        )
        for span in ev.evidence:
            out.print(
                f"    “{span.text.strip()}”  [{doc.source} @{span.start}]",
                markup=False,
                highlight=False,
            )
        n += 1
    out.print(f"{n} events")
