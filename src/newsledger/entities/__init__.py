"""Entities stage: mentions, in-document linking, then knowledge-base resolution.

find(doc): named, titled, role and nominal mentions from the spaCy parse, linked
into the document's entities (coref.py). resolve(docs, store): each entity to a
global knowledge-base id (resolve.py), inside the batch's transaction.
"""

from __future__ import annotations

import re

from newsledger.document import Document, Mention, Role
from newsledger.entities import appositives, coref, gazetteer, keys, mentions, nominals, titles
from newsledger.entities.vocab import name_suffixes, org_classes
from newsledger.store.base import Store

NICKNAME = re.compile(r'\s["“‘][^"”’]{1,30}["”’]\s')


def find(doc: Document) -> Document:
    """Fill `doc.mentions` and `doc.entities` (local ids) from `doc.nlp`."""
    if doc.nlp is None:
        return doc
    sdoc = doc.nlp
    named = _surnames_are_people(sdoc, mentions.named(sdoc, doc.lead))
    named = sorted([*named, *_missed_surnames(sdoc, named)], key=lambda m: m.start)
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
    taken |= {i for m in found for i in range(m.start, m.end)}
    heads = {  # not "the group" after "the Greens and Liberals group": any group is "the group"
        m.text.split()[-1].lower()
        for m in named
        if m.label == "ORG" and " " in m.text and " and " not in m.text
    }
    named_words = {w.lower() for m in named if m.label == "ORG" for w in m.text.split()}
    heads |= {noun for noun, signs in org_classes().items() if signs & named_words}
    found.extend(nominals.definite_heads(sdoc, taken, heads))
    found.sort(key=lambda m: (m.start, -m.end))
    doc.mentions = found
    apposed = appositives.pairs(sdoc, found)
    appositives.retype(apposed)
    doc.entities = appositives.merge(coref.link(doc, found, roles, cores), found, apposed)
    doc.entities = appositives.equate(doc.entities, found, appositives.known_as(sdoc, found))
    _add_short_forms(doc)
    return doc


def _surnames(named: list[Mention]) -> set[str]:
    """Last names as written, skipping "Jr."/"III" ("Marcos" in "Ferdinand Marcos Jr.")."""
    out = set()
    for m in named:
        words = m.text.split()
        while len(words) > 2 and keys.norm(words[-1]) in name_suffixes():
            words = words[:-1]
        if m.label == "PERSON" and len(words) > 1:
            out.add(words[-1])
    return out


def _missed_surnames(sdoc, named: list[Mention]) -> list[Mention]:
    """Bare surnames NER left untagged ("Ruto met envoys"), as person mentions."""
    surnames = _surnames(named)
    taken = {i for m in named for i in range(m.start, m.end)}
    return [
        Mention(t.idx, t.idx + len(t.text), t.text, "PERSON")
        for t in sdoc
        if t.text in surnames and t.idx not in taken and _name_like(t)
    ]


def _name_like(token) -> bool:
    """The tagger may call a surname anything, even a verb ("accused PM Modi of"), but a
    capitalised verb inside a sentence is a name."""
    if token.pos_ in {"PROPN", "NOUN", "ADJ"}:
        return True
    return token.pos_ == "VERB" and token.is_title and token.i != token.sent.start


def _surnames_are_people(sdoc, named: list[Mention]) -> list[Mention]:
    """A lone word tagged ORG/GPE, acting as a subject, that is the surname of a person
    named in the same article is that person: the small model often mislabels a
    sentence-initial "Odinga rejected ..." once the full name has been given."""
    surnames = _surnames(named)
    for m in named:
        if m.label in {"ORG", "GPE", "NORP"} and " " not in m.text and m.text in surnames:
            token = sdoc.char_span(m.start, m.end)
            if token is not None and token.root.dep_ in {"nsubj", "nsubjpass"}:
                m.label = "PERSON"
    return named


def _add_short_forms(doc: Document) -> None:
    """Surface forms a reader would also quote: "Liberation Front (LF)", "British minister"."""
    for ent in doc.entities:
        acronyms = [a for a in ent.aliases if keys.is_acronym(a)]
        for full in [ent.name, *ent.aliases]:
            for acr in acronyms:
                if f"{full} ({acr})" in doc.body and f"{full} ({acr})" not in ent.aliases:
                    ent.aliases.append(f"{full} ({acr})")
    for ent in doc.entities:  # 'Jimmy "Barbecue" Cherizier' is also Jimmy Cherizier
        bare = NICKNAME.sub(" ", ent.name).strip()
        if ent.type == "PERSON" and bare != ent.name and " " in bare:
            ent.aliases.append(ent.name)
            ent.name = re.sub(r"\s+", " ", bare)
    for ent in doc.entities:  # "China's foreign ministry" is the Ministry of Foreign Affairs
        formal = _formal_ministry(ent)
        if formal and formal != ent.name and formal not in ent.aliases:
            ent.aliases.append(formal)
    named = {m.entity for m in doc.mentions if m.kind in {"named", "titled"}}
    for m in doc.mentions:
        ent = doc.entity(m.entity) if m.entity and m.kind in {"nominal", "role"} else None
        if ent is None or ent.local_id in named:
            continue
        for form in nominals.short_forms(doc.nlp, m):
            if form != ent.name and form not in ent.aliases:
                ent.aliases.append(form)


FOREIGN_MINISTRY = re.compile(
    r"\bforeign (?:affairs )?ministry\b|\bministry of foreign affairs\b", re.IGNORECASE
)


def _formal_ministry(ent) -> str | None:
    """The formal name of a country's foreign ministry, the one reference lists use:
    "China's foreign ministry", "the Chinese Foreign Ministry"."""
    if ent.type != "ORG" or not FOREIGN_MINISTRY.search(ent.name):
        return None
    owner = gazetteer.lookup(ent.name.split()[0]) if not ent.country else None
    country = ent.country or (owner[0] if owner else None)
    return f"Ministry of Foreign Affairs of {gazetteer.country_name(country)}" if country else None


def resolve(docs: list[Document], store: Store) -> None:
    """Give every entity a global knowledge-base id (inside the batch's transaction)."""
    from newsledger.entities.resolution import resolve_documents

    resolve_documents(docs, store)
