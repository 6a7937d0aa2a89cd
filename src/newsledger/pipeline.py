"""The pipeline: a stream of Documents through every stage, in batches.

read → clean → metadata → nlp → entities → events → store. Batches keep memory
flat (nothing holds more than one batch) and give spaCy's `nlp.pipe` something
to batch over; each batch is saved in one transaction, so a kill loses at most
the batch in flight and the next run carries on where this one stopped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from newsledger import clean, entities, events, metadata, nlp, read
from newsledger.document import Document, Failure
from newsledger.store.base import Store

BATCH_SIZE = 32


@dataclass
class Summary:
    """What a run did, for the CLI's closing lines and `--json`."""

    read: int = 0
    new: int = 0
    known: int = 0
    near_duplicates: int = 0
    failures: list[Failure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "read": self.read,
            "new": self.new,
            "known": self.known,
            "near_duplicates": self.near_duplicates,
            "failed": len(self.failures),
            "failures": [str(f) for f in self.failures],
            "notes": self.notes,
        }


def batched(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def prepare(doc: Document) -> Document:
    """The per-document stages that need no model: clean, then metadata."""
    return metadata.extract(clean.clean(doc))


def analyse(docs: list[Document], store: Store) -> None:
    """Model-backed stages for a batch: NLP once, then entities and events."""
    nlp.annotate(docs)
    for doc in docs:
        try:
            events.extract(entities.find(doc))
        except Exception as err:  # one odd page must not cost the batch
            doc.mentions, doc.entities, doc.events = [], [], []
            doc.notes.append(f"analysis failed ({type(err).__name__}: {err}); stored without it")
    entities.resolve(docs, store)
    events.group_stories(docs, store)


def process(
    stream: Iterable[Document | Failure],
    store: Store,
    *,
    batch_size: int = BATCH_SIZE,
    on_document: Callable[[], None] | None = None,
    replace: bool = False,
) -> Summary:
    """Run every stage over `stream` and save each batch; returns what happened."""
    summary = Summary()
    for chunk in batched(stream, batch_size):
        docs: list[Document] = []
        for item in chunk:
            if on_document:
                on_document()
            if isinstance(item, Failure):
                summary.failures.append(item)
                store.record_failure(item)
                continue
            summary.read += 1
            if not replace and store.known(item):
                summary.known += 1
                continue
            docs.append(item)
        if not docs:
            continue
        _run_batch(docs, store, summary, replace)
    return summary


def _run_batch(docs: list[Document], store: Store, summary: Summary, replace: bool) -> None:
    prepared: list[Document] = []
    for doc in docs:
        try:
            prepared.append(prepare(doc))
        except Exception as err:  # a bug on one page must not stop the run
            failure = Failure(doc.source, f"could not be processed ({type(err).__name__}: {err})")
            summary.failures.append(failure)
            store.record_failure(failure)
    with store.transaction():
        analyse(prepared, store)
        for result in store.save_batch(prepared, replace=replace):
            if result.status == "new":
                summary.new += 1
            elif result.status == "known":
                summary.known += 1
            else:
                summary.near_duplicates += 1
    for doc in prepared:
        summary.notes.extend(f"{doc.source}: {note}" for note in doc.notes)


def ingest(paths: Iterable[str | Path], store: Store, **kwargs) -> Summary:
    """Read `paths` (files or folders) into `store`."""
    return process(read.iter_inputs(paths), store, **kwargs)


def reprocess(store: Store, **kwargs) -> Summary:
    """Re-run the current pipeline over the raw bytes already stored."""
    return process(store.raw_documents(), store, replace=True, **kwargs)
