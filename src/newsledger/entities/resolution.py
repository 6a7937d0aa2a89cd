"""Cross-document resolution: each document entity to one knowledge-base entity.

Candidates come only from blocking keys (keys.py), a bounded number per key, so
the work per document does not depend on the size of the knowledge base. A
candidate is accepted when the type agrees, the names match (exactly, or as a
spelling/transliteration variant) and nothing in the context contradicts it
(roles, country); weaker name matches need positive context (a shared country,
role or co-occurring actor). Two candidates that fit equally well, or a bare
single name, make a new entity: ambiguity keeps actors apart. Every link is
recorded with its reason and score.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import JaroWinkler

from newsledger.document import Document, Entity
from newsledger.entities import keys
from newsledger.entities.vocab import (
    ambiguity_modifiers,
    nominal_nouns,
    portfolio_heads,
    portfolios,
)
from newsledger.store.base import KBEntity

STATS = {"comparisons": 0}  # candidate comparisons made, for the flat-cost test and benchmarks
_SAME_TYPES = {frozenset({"GPE", "LOC"})}
_MAX_CONTEXT = 30  # named actors per document recorded as each other's context


@dataclass
class Verdict:
    score: float
    reason: str


def forms(ent: Entity) -> set[str]:
    """Normalised name forms without titles (a PERSON's single-word forms are left out)."""
    out = set()
    for text in (ent.name, *ent.aliases):
        core = keys.strip_titles(text)
        if ent.type != "PERSON" and core in nominal_nouns() and text != ent.name:
            continue  # "Commission", "the court": a short form only its own article resolves
        if core and (ent.type != "PERSON" or len(core.split()) >= 2 or core == keys.norm(ent.name)):
            out.add(core)
    return out


def entity_keys(ent: Entity, unnamed: bool = False) -> set[str]:
    """Blocking keys; an unnamed actor ("police", "Kenyan police") is only filed by country."""
    if unnamed:
        if ent.type == "PERSON" or not ent.country:
            return set()  # "a senior minister", "the rebels": nothing says which ones
        return {f"u:{ent.type}:{ent.country}:{keys.drop_country(keys.norm(ent.name))}"}
    if ent.type == "PERSON" and len(_name_words(ent.name)) < 2:
        return set()  # a bare surname ("the elder X" too) never merges across documents
    if ent.type == "ORG" and not ent.country and _generic_body(ent.name):
        return set()  # "Interior Ministry" with no country: every state has one
    if ent.type == "PERSON" and not ent.name[:1].isupper():
        return {f"x:PERSON:{keys.norm(ent.name)}"}  # "senior British minister": exact only
    out: set[str] = set()
    for f in forms(ent):
        out |= keys.blocking_keys(f, ent.type, ent.country)
    if ent.type == "GPE" and ent.country:
        out.add(f"country:{ent.country}")
    return out


def _name_words(name: str) -> list[str]:
    """The name without "elder"/"younger": coref names an unresolved bare surname so."""
    return [w for w in keys.norm(name).split() if w not in ambiguity_modifiers()["unresolved"]]


def _generic_body(name: str) -> bool:
    """A state body named only by its function ("Finance Ministry", "Ministry of the
    Interior", "Foreign Office"): without a country it names no particular one."""
    words = [w for w in keys.norm(name).split() if w not in {"of", "the", "and", "for"}]
    heads = portfolio_heads() | {"office", "department"}
    return (
        len(words) >= 2
        and any(w in heads for w in words)
        and all(w in heads or w in portfolios() for w in words)
    )


def resolve_documents(docs: list[Document], store) -> None:
    for doc in docs:
        if hasattr(store, "forget_document"):
            store.forget_document(doc.doc_id)
        resolve_document(doc, store)


def resolve_document(doc: Document, store) -> None:
    countries = {e.country for e in doc.entities if e.country}
    used: set[str] = set()
    pending = sorted(doc.entities, key=lambda e: (e.type != "GPE", -len(e.name)))
    context: set[str] = set()
    named = {m.entity for m in doc.mentions if m.kind not in {"nominal", "role"}}
    for ent in pending:
        unnamed = ent.local_id not in named and bool(doc.mentions)
        ks = entity_keys(ent, unnamed)
        eid, verdict = _match(ent, ks, store, countries, context, used)
        kb = KBEntity(
            eid or "", ent.name, ent.type, set(ent.aliases), ent.country, ent.sector, context=set()
        )
        ent.kb_id = store.upsert_entity(kb, ks, None)
        ent.resolution = verdict.reason
        _use_anchored_name(store, ent)
        used.add(ent.kb_id)
        context.add(ent.kb_id)
        _record(store, doc, ent, verdict)
    actors = [e.kb_id for e in doc.entities if e.kb_id and e.local_id in named][:_MAX_CONTEXT]
    if hasattr(store, "add_context"):  # co-occurrence is context for later documents
        store.add_context(actors)


def _use_anchored_name(store, ent: Entity) -> None:
    """A gazetteer's canonical name wins; the document's form stays as an alias."""
    name = store.anchored_name(ent.kb_id) if hasattr(store, "anchored_name") else None
    if name and name != ent.name:
        if ent.name not in ent.aliases:
            ent.aliases.append(ent.name)
        ent.aliases = [a for a in ent.aliases if a != name]
        ent.name = name


def _record(store, doc: Document, ent: Entity, verdict: Verdict) -> None:
    if hasattr(store, "record_link"):
        store.record_link(ent.kb_id, doc.doc_id, ent.name, verdict.score, verdict.reason)
    if hasattr(store, "add_roles") and ent.roles:
        store.add_roles(
            ent.kb_id,
            [dict(vars(r), as_of=doc.published) for r in ent.roles],
            doc.published,
            doc.doc_id,
        )
    if hasattr(store, "add_mention"):
        store.add_mention(ent.kb_id, doc.doc_id, ent.local_id)


def _match(
    ent: Entity, ks: set[str], store, countries: set[str], context: set[str], used: set[str]
) -> tuple[str | None, Verdict]:
    mine = forms(ent)
    if hasattr(store, "correction_for"):
        target = store.correction_for(mine | {keys.norm(a) for a in ent.aliases})
        if target:
            return target, Verdict(1.0, "analyst correction")
    if not ks:
        return None, Verdict(0.0, "new: a single name or unnamed actor is too ambiguous to link")
    scored = []
    for cand in store.entity_candidates(ks):
        STATS["comparisons"] += 1
        if cand.id in used:
            continue
        v = _compare(ent, mine, cand, countries, context)
        if v is not None:
            scored.append((v.score, cand.id, v))
    if not scored:
        return None, Verdict(0.0, "new entity: no candidate fits")
    scored.sort(reverse=True)
    if len(scored) > 1 and scored[0][0] - scored[1][0] < 0.02:
        return None, Verdict(
            0.0, f"new entity: ambiguous between {scored[0][1]} and {scored[1][1]}"
        )
    return scored[0][1], scored[0][2]


def _types_agree(a: str, b: str) -> bool:
    return a == b or frozenset({a, b}) in _SAME_TYPES


def _compare(
    ent: Entity, mine: set[str], cand: KBEntity, countries: set[str], context: set[str]
) -> Verdict | None:
    """Why `ent` is `cand`, or None when it is not (or cannot be told)."""
    if not _types_agree(ent.type, cand.type):
        return None
    if ent.type == "GPE" and ent.country and cand.country:
        return Verdict(1.0, f"same country {ent.country}") if ent.country == cand.country else None
    if ent.country and cand.country and ent.country != cand.country:
        return None
    theirs = {keys.strip_titles(a) for a in cand.aliases | {cand.name}}
    support = _support(ent, cand, countries, context)
    if mine & theirs:
        return Verdict(
            1.0, f"same name '{sorted(mine & theirs)[0]}'" + (f"; {support}" if support else "")
        )
    if ent.type == "PERSON":
        return _person(mine, theirs, support)
    return _organisation(ent, mine, theirs, cand, countries, support)


def _support(ent: Entity, cand: KBEntity, countries: set[str], context: set[str]) -> str:
    why = []
    if ent.country and ent.country == cand.country:
        why.append(f"country {ent.country}")
    titles = {r.title for r in ent.roles} & {r["title"] for r in cand.roles}
    if titles:
        why.append(f"role {sorted(titles)[0]}")
    shared = context & cand.context
    if shared:
        why.append(f"{len(shared)} co-occurring actors")
    return ", ".join(why)


def _person(mine: set[str], theirs: set[str], support: str) -> Verdict | None:
    best = 0.0
    for a in mine:
        for b in theirs:
            wa, wb = a.split(), b.split()
            if len(wa) < 2 or len(wb) < 2:
                continue
            first_ok = (
                wa[0] == wb[0]
                or keys.skeleton(wa[0]) == keys.skeleton(wb[0])
                or (JaroWinkler.similarity(wa[0], wb[0]) >= 0.85)
            )
            last = JaroWinkler.similarity(wa[-1], wb[-1])
            last_ok = keys.skeleton(wa[-1]) == keys.skeleton(wb[-1]) or last >= 0.9
            if first_ok and last_ok:
                best = max(best, JaroWinkler.similarity(a, b))
    if best >= 0.93 or (best >= 0.85 and support):
        return Verdict(
            best,
            f"spelling variant (Jaro-Winkler {best:.2f})" + (f"; {support}" if support else ""),
        )
    return None


def _organisation(
    ent: Entity, mine: set[str], theirs: set[str], cand: KBEntity, countries: set[str], support: str
) -> Verdict | None:
    bare_mine = {keys.drop_country(f) for f in mine}
    bare_theirs = {keys.drop_country(f) for f in theirs}
    if bare_mine & bare_theirs:
        country = ent.country or cand.country
        if country and country not in countries:
            return None
        return Verdict(0.95, f"same organisation without its country prefix ({country} in context)")
    acr_mine = {f.upper() for f in (ent.name, *ent.aliases) if keys.is_acronym(f)}
    acr_theirs = {a for a in cand.aliases | {cand.name} if keys.is_acronym(a)}
    if acr_mine & acr_theirs:
        return Verdict(0.95, f"same acronym {sorted(acr_mine & acr_theirs)[0]}")
    skel = lambda f: " ".join(keys.skeleton(w) for w in f.split() if len(w) > 2)  # noqa: E731
    long_mine, long_theirs = ({f for f in fs if len(f) >= 6} for fs in (mine, theirs))
    if {skel(f) for f in long_mine} & {skel(f) for f in long_theirs}:
        return Verdict(0.9, "transliteration variant (same consonant skeleton)")
    best = max((JaroWinkler.similarity(a, b) for a in mine for b in theirs), default=0.0)
    if best >= 0.95 or (best >= 0.9 and support):
        return Verdict(best, f"spelling variant (Jaro-Winkler {best:.2f})")
    return None
