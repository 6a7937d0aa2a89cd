"""The `newsledger` command: a thin layer over the library.

Each command opens the store, calls one library function and prints. User
mistakes (a missing file, a database that is not ours, a locked database) end
in one line on stderr, never a traceback. Exit status: 0 when every input was
handled, 1 when some failed, 2 for usage errors (click's own convention).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsledger import export as exporter
from newsledger import pipeline
from newsledger.cli_views import print_entities, print_events, print_profile, print_stats
from newsledger.cli_views import progress as make_progress
from newsledger.store import open_store
from newsledger.store.base import Store, StoreError

app = typer.Typer(
    help="Turn raw news pages into a knowledge base of political actors and events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, soft_wrap=True)
out = Console()

DbOption = Annotated[
    Path,
    typer.Option(
        "--db",
        envvar="NEWSLEDGER_DB",
        help="SQLite knowledge base (default ./newsledger.db, or $NEWSLEDGER_DB).",
    ),
]
DEFAULT_DB = Path("newsledger.db")


def fail(message: str, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code)


@contextmanager
def opened(db: Path, create: bool = False) -> Iterator[Store]:
    """Open the store or end with one line; only writers create a missing database."""
    try:
        store = open_store(db, create=create)
    except StoreError as exc:
        fail(str(exc))
    try:
        yield store
    except StoreError as exc:
        fail(str(exc))
    finally:
        store.close()


def _run(db: Path, quiet: bool, as_json: bool, job) -> None:
    """Run an ingest-like job with progress, a summary and the right exit status."""
    with opened(db, create=True) as store:
        bar = make_progress(disable=quiet or as_json)
        with bar:
            task = bar.add_task("documents", total=None)
            try:
                summary = job(store, lambda: bar.advance(task))
            except KeyboardInterrupt:
                err.print("interrupted: whole batches already saved are kept; run again to go on")
                raise typer.Exit(130) from None
    _report(summary, db, quiet, as_json)
    if summary.failures and any(not f.skipped for f in summary.failures):
        raise typer.Exit(1)


def _report(summary: pipeline.Summary, db: Path, quiet: bool, as_json: bool) -> None:
    failed = [f for f in summary.failures if not f.skipped]
    skipped = [f for f in summary.failures if f.skipped]
    if as_json:
        data = summary.as_dict() | {"db": str(db), "skipped": len(skipped), "failed": len(failed)}
        data["failures"] = [str(f) for f in failed]
        print(json.dumps(data))
        return
    for failure in failed:
        err.print(f"[yellow]failed:[/yellow] {failure}", highlight=False)
    if quiet:
        return
    for note in summary.notes:
        err.print(f"note: {note}", highlight=False)
    err.print(
        f"{summary.read} read · {summary.new} new · {summary.known} already known · "
        f"{summary.near_duplicates} near-duplicates · {len(failed)} failed · "
        f"{len(skipped)} skipped → {db}",
        highlight=False,
    )


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (read recursively).")],
    db: DbOption = DEFAULT_DB,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable summary.")] = False,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch.")] = 32,
) -> None:
    """Read pages (txt, html, jsonl, warc, and .gz of each) into the knowledge base."""
    _run(
        db,
        quiet,
        as_json,
        lambda store, tick: pipeline.ingest(paths, store, batch_size=batch_size, on_document=tick),
    )


@app.command()
def reprocess(
    db: DbOption = DEFAULT_DB,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Re-run the current pipeline over every stored document's raw bytes."""
    _run(db, quiet, as_json, lambda store, tick: pipeline.reprocess(store, on_document=tick))


@app.command("export")
def export_cmd(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl or csv.")] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File (default stdout).")
    ] = None,
) -> None:
    """Write one record per document (entities and events included in JSONL)."""
    writers = {"jsonl": exporter.write_jsonl, "csv": exporter.write_csv}
    if fmt not in writers:
        fail(f"unknown format {fmt!r}: use jsonl or csv", 2)
    with opened(db) as store:
        if output is None:
            n = writers[fmt](store.documents(), sys.stdout)
        else:
            with output.open("w", encoding="utf-8", newline="") as fh:
                n = writers[fmt](store.documents(), fh)
            err.print(f"{n} documents → {output}", highlight=False)


@app.command()
def stats(
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Documents by language and outlet, duplicates, failures, entities, events."""
    with opened(db) as store:
        data = store.stats()
    if as_json:
        print(json.dumps(data, default=str))
    else:
        print_stats(out, data)


@app.command()
def entities(
    db: DbOption = DEFAULT_DB,
    type_: Annotated[str | None, typer.Option("--type", "-t", help="PERSON, ORG, GPE...")] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Name or alias text.")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 100,
) -> None:
    """List knowledge-base entities."""
    with opened(db) as store:
        rows = store.list_entities(type=type_, search=search, limit=limit)
    print_entities(out, rows)


@app.command()
def events(
    db: DbOption = DEFAULT_DB,
    type_: Annotated[str | None, typer.Option("--type", "-t", help="PLOVER category.")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor name or alias.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient name or alias.")] = None,
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    negated: Annotated[
        bool | None, typer.Option("--negated/--affirmed", help="Only negated (or only affirmed).")
    ] = None,
    attributed_to: Annotated[
        str | None, typer.Option(help="Speaker name, 'sources' or 'outlet'.")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 200,
) -> None:
    """Print events with their evidence, filtered."""
    with opened(db) as store:
        found = store.query_events(
            type=type_.upper() if type_ else None,
            actor=actor,
            recipient=recipient,
            since=since,
            until=until,
            negated=negated,
            attributed_to=attributed_to,
            limit=limit,
        )
        print_events(out, found)


entity_app = typer.Typer(help="Show one entity, or correct the knowledge base.")
app.add_typer(entity_app, name="entity")


@entity_app.command("show")
def entity_show(name: str, db: DbOption = DEFAULT_DB) -> None:
    """Aliases, roles over time, documents and why merged."""
    with opened(db) as store:
        profile = store.entity_profile(name)
    if not profile:
        fail(f"no entity named {name!r}")
    print_profile(out, profile)


@entity_app.command("merge")
def entity_merge(keep: str, other: str, db: DbOption = DEFAULT_DB) -> None:
    """Merge OTHER into KEEP (names or ids); survives reprocess."""
    with opened(db) as store, store.transaction():
        merged = store.merge_entities(keep, other)
    out.print(f"merged {other} into {merged}")


@entity_app.command("split")
def entity_split(
    name: str,
    aliases: Annotated[list[str], typer.Argument(help="Aliases that belong to a new entity.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Move ALIASES of NAME to a new entity; survives reprocess."""
    with opened(db) as store, store.transaction():
        new_id = store.split_entity(name, aliases)
    out.print(f"split {', '.join(aliases)} from {name} into {new_id}")


alias_app = typer.Typer(help="Add aliases.")
entity_app.add_typer(alias_app, name="alias")


@alias_app.command("add")
def alias_add(name: str, alias: str, db: DbOption = DEFAULT_DB) -> None:
    """Record ALIAS as another name of NAME; survives reprocess."""
    with opened(db) as store, store.transaction():
        entity_id = store.add_alias(name, alias)
    out.print(f"{alias!r} is now an alias of {entity_id}")


gazetteer_app = typer.Typer(help="Reference lists that anchor entity resolution.")
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("load")
def gazetteer_load(path: Path, db: DbOption = DEFAULT_DB) -> None:
    """Load a gazetteer (CSV or JSON: name, aliases, type, country, sector, wikidata, roles)."""
    from newsledger.entities.gazetteer import GazetteerError, load_gazetteer

    with opened(db, create=True) as store, store.transaction():
        try:
            n = load_gazetteer(path, store)
        except GazetteerError as exc:
            fail(str(exc))
    out.print(f"{n} entries loaded from {path}")


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: str = "127.0.0.1",
    port: int = 8000,
) -> None:
    """Serve the HTTP API and web UI (needs the `api` extra)."""
    try:
        import uvicorn

        from newsledger.api.app import create_app
    except ImportError:
        fail("the HTTP API needs the api extra: pip install 'newsledger[api]'")
    uvicorn.run(create_app(db), host=host, port=port)


def main() -> None:
    """Entry point: `newsledger entity NAME` is short for `newsledger entity show NAME`."""
    args = sys.argv[1:]
    if (
        len(args) >= 2
        and args[0] == "entity"
        and args[1]
        not in {
            "show",
            "merge",
            "split",
            "alias",
            "--help",
            "-h",
        }
    ):
        sys.argv.insert(2, "show")
    app()
