"""The record that flows through the pipeline.

Every stage takes a `Document` and returns it with more fields filled in, so a
newcomer can follow one article from raw bytes to stored events by reading this
file top to bottom. Offsets (`start`, `end`) always index into `Document.body`,
the cleaned text, because that is what the user sees and what evidence quotes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Span:
    """A piece of the cleaned body: evidence for an event or a mention."""

    text: str
    start: int
    end: int


@dataclass
class Mention:
    """One place in the body that refers to an actor.

    `kind` says how it refers: "named" (a proper name), "titled" (a name with a
    role in front), "nominal" (an unnamed political actor: "police", "US
    lawmakers"), "role" ("the Vice President"), "pronoun" or "acronym".
    """

    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, NORP, LOC, ...
    kind: str = "named"
    entity: str | None = None  # Entity.local_id within the document
    role: str | None = None
    country: str | None = None  # ISO 3166 alpha-3 where known
    sector: str | None = None  # PLOVER-style sector: GOV, LEG, MIL, COP, ...


@dataclass
class Role:
    """A role an entity holds as of the document's date, with the words that say so."""

    title: str  # "prime minister", "defence minister"
    organisation: str | None = None
    country: str | None = None
    former: bool = False
    evidence: str = ""


@dataclass
class Entity:
    """One real-world actor as it appears in one document."""

    local_id: str  # "L1", unique within the document
    name: str  # fullest form found in the document
    type: str  # PERSON, ORG, GPE, NORP, LOC, EVENT, LAW
    aliases: list[str] = field(default_factory=list)  # other surface forms, as written
    country: str | None = None
    sector: str | None = None
    roles: list[Role] = field(default_factory=list)
    kb_id: str | None = None  # global knowledge-base id, set by resolution
    resolution: str | None = None  # why it was linked to kb_id (for `entity NAME`)


@dataclass
class Event:
    """A PLOVER event as one document reports it."""

    type: str  # PLOVER category
    actor: list[str] = field(default_factory=list)  # Entity.local_id values
    recipient: list[str] = field(default_factory=list)
    negated: bool = False
    mode: str | None = None  # PLOVER mode, where the text makes it clear
    aux_mode: str | None = None  # PLOVER auxiliary mode: future, hypothetical, historical...
    contexts: list[str] = field(default_factory=list)
    date: str | None = None  # ISO date, resolved against Document.published
    location: str | None = None
    attributed_to: str | None = None  # Entity.local_id, "sources", "outlet" or None
    certainty: str = "asserted"  # asserted | hedged | alleged
    evidence: list[Span] = field(default_factory=list)  # first is the main sentence
    story: str | None = None  # global id of the real-world event (cross-document)
    trigger: str = ""  # the words that selected the category


@dataclass
class Document:
    """One article. Readers fill the first block, later stages the rest."""

    source: str  # path (or path#line / URL) it was read from
    raw: bytes  # the bytes as read: kept so `reprocess` can rerun the pipeline
    kind: str  # "text" or "html": which cleaner applies
    text: str = ""  # the decoded input (page text or HTML source)
    given: dict[str, Any] = field(default_factory=dict)  # metadata from the container
    notes: list[str] = field(default_factory=list)  # warnings a user should see

    # clean
    body: str = ""
    # metadata
    title: str | None = None
    published: str | None = None  # ISO YYYY-MM-DD stated by the page, or None
    outlet: str | None = None
    dateline: str | None = None
    lead: int = 0  # body offset where the story's own words start, after a dateline prefix
    language: str | None = None  # ISO 639-1
    # store
    duplicate_of: str | None = None  # doc_id of the original when a near-duplicate
    # nlp and later
    sentences: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    nlp: Any = None  # the spaCy Doc, in memory only: parsed once, shared by later stages

    @property
    def doc_id(self) -> str:
        """Stable id: the same bytes always get the same id."""
        return hashlib.sha256(self.raw).hexdigest()[:16]

    @property
    def content_hash(self) -> str:
        """Hash of the cleaned text: identical stories from different wrappers collide."""
        return hashlib.sha256(" ".join(self.body.split()).encode("utf-8")).hexdigest()

    def entity(self, local_id: str) -> Entity | None:
        return next((e for e in self.entities if e.local_id == local_id), None)


@dataclass
class Failure:
    """An input that could not be read: one line for the user, nothing stored lost."""

    source: str
    reason: str
    skipped: bool = False  # not an error: a file of a kind we do not read, met in a folder walk

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"
