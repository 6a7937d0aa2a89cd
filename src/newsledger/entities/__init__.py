"""Entities stage: mentions, in-document linking, then knowledge-base resolution.

find(doc): named, titled, role and nominal mentions from the spaCy parse, linked
into the document's entities (coref.py). resolve(docs, store): each entity to a
global knowledge-base id (resolve.py), inside the batch's transaction.
"""

from __future__ import annotations

from newsledger.document import Document, Mention, Role
from newsledger.entities import coref, keys, mentions, nominals, titles
from newsledger.store.base import Store


def find(doc: Document) -> Document:
    """Fill `doc.mentions` and `doc.entities` (local ids) from `doc.nlp`."""
    if doc.nlp is None:
        return doc
    sdoc = doc.nlp
    named = mentions.named(sdoc, doc.lead)
    persons = [m for m in named if m.label == "PERSON"]
    titled = titles.titled_people(sdoc, persons, named)
    roles: dict[int, Role | None] = {}
    cores: dict[int, str] = {}
    by_name = {t.name_start: t for t in titled}
    found: list[Mention] = []
    for m in named:
        t = by_name.get(m.start) if m.label == "PERSON" else None
        if t is not None:
            found.append(t.mention)
            roles[t.mention.start] = t.role
            cores[t.mention.start] = m.text
        else:
            found.append(m)
    taken = {i for m in found for i in range(m.start, m.end)}
    for t in titles.role_references(sdoc, taken):
        found.append(t.mention)
        roles[t.mention.start] = t.role
    taken = {
        i
        for m in found
        if m.label in {"PERSON", "ORG", "GPE", "LOC", "FAC"}
        for i in range(m.start, m.end)
    }
    found.extend(nominals.nominal_mentions(sdoc, taken))
    found.sort(key=lambda m: (m.start, -m.end))
    doc.mentions = found
    doc.entities = coref.link(doc, found, roles, cores)
    _add_short_forms(doc)
    return doc


def _add_short_forms(doc: Document) -> None:
    """Surface forms a reader would also quote: "Liberation Front (LF)", "British minister"."""
    for ent in doc.entities:
        acronyms = [a for a in ent.aliases if keys.is_acronym(a)]
        for full in [ent.name, *ent.aliases]:
            for acr in acronyms:
                if f"{full} ({acr})" in doc.body and f"{full} ({acr})" not in ent.aliases:
                    ent.aliases.append(f"{full} ({acr})")
    named = {m.entity for m in doc.mentions if m.kind in {"named", "titled"}}
    for m in doc.mentions:
        ent = doc.entity(m.entity) if m.entity and m.kind in {"nominal", "role"} else None
        if ent is None or ent.local_id in named:
            continue
        for form in nominals.short_forms(doc.nlp, m):
            if form != ent.name and form not in ent.aliases:
                ent.aliases.append(form)


def resolve(docs: list[Document], store: Store) -> None:
    """Give every entity a global knowledge-base id (inside the batch's transaction)."""
    from newsledger.entities.resolution import resolve_documents

    resolve_documents(docs, store)
