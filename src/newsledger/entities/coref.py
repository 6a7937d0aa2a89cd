"""In-document linking: every mention to one entity of the document.

Order matters: full names first (they define the people), then short forms
("Lopez", "Dr. Maria") that attach to the one full name containing them, then
acronyms, role references ("the minister") and demonyms. Ambiguity keeps
mentions apart: two people sharing a name part are never fused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rapidfuzz.distance import JaroWinkler

from newsledger.document import Document, Entity, Mention, Role
from newsledger.entities import gazetteer, keys
from newsledger.entities.vocab import (
    acting_members,
    ambiguity_modifiers,
    canonical_title,
    determiners,
    governing_nouns,
    nominal_nouns,
    org_classes,
)

_PRONOUNS = {
    "he": "PERSON",
    "she": "PERSON",
    "him": "PERSON",
    "her": "PERSON",
    "they": "GROUP",
    "them": "GROUP",
}


class Linker:
    """Builds the document's entities while mentions are linked one by one."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.entities: list[Entity] = []
        self.cores: dict[str, list[str]] = {}  # local_id -> core name forms (normalised)

    def new(self, name: str, type_: str, m: Mention, country: str | None = None) -> Entity:
        ent = Entity(
            f"L{len(self.entities) + 1}", name, type_, country=country or m.country, sector=m.sector
        )
        self.entities.append(ent)
        self.cores[ent.local_id] = []
        return ent

    def attach(self, ent: Entity, m: Mention, core: str | None = None) -> None:
        m.entity = ent.local_id
        if m.text != ent.name and m.text not in ent.aliases:
            ent.aliases.append(m.text)
        if core:
            norm = keys.norm(core)
            if norm not in self.cores[ent.local_id]:
                self.cores[ent.local_id].append(norm)
            if (
                len(norm) > len(keys.norm(ent.name))
                and ent.type == "PERSON"
                and core not in ent.aliases
            ):
                if ent.name not in ent.aliases:
                    ent.aliases.append(ent.name)
                ent.name = core
        ent.country = ent.country or m.country
        ent.sector = ent.sector or m.sector


def link(
    doc: Document, mentions: list[Mention], roles: dict[int, Role], cores: dict[int, str]
) -> list[Entity]:
    """`roles`/`cores`: per mention start, the role and the bare name of titled mentions."""
    lk = Linker(doc)

    def core(m: Mention) -> str:
        # keyed by start: "Lula's adviser X" and the owner "Lula" begin at the same place
        return cores.get(m.start, m.text) if m.kind == "titled" else m.text

    persons = [m for m in mentions if m.label == "PERSON" and m.kind in {"named", "titled"}]
    full = [m for m in persons if len(keys.strip_titles(core(m)).split()) >= 2]
    short = [m for m in persons if m not in full]
    longest_first = sorted(full, key=lambda m: -len(core(m).split()))
    for m in longest_first:  # "Ana Maria Lopez" before "Maria Lopez" so the short form can attach
        _link_full_person(lk, m, core(m))
    _add_roles(lk, mentions, roles)  # before short forms: "the former X" needs them
    for m in short:
        _link_short_person(lk, m, core(m))
    _add_roles(lk, mentions, roles)
    for m in (m for m in mentions if m.kind == "role"):
        _link_role(lk, m, roles.get(m.start), mentions)
    others = [m for m in mentions if m.label != "PERSON"]
    for m in sorted(others, key=lambda m: m.kind == "nominal"):  # names first, then "X authorities"
        _link_other(lk, m, mentions)
    _link_acronyms(lk, mentions)
    return lk.entities


def _add_roles(lk: Linker, mentions: list[Mention], roles: dict[int, Role]) -> None:
    for m in mentions:
        if m.label == "PERSON" and m.kind in ("titled", "role") and m.start in roles and m.entity:
            ent = doc_entity(lk, m.entity)
            if roles[m.start] and roles[m.start] not in ent.roles:
                ent.roles.append(roles[m.start])
                ent.country = ent.country or roles[m.start].country


def doc_entity(lk: Linker, local_id: str) -> Entity:
    return next(e for e in lk.entities if e.local_id == local_id)


def _same_person(a: str, b: str) -> bool:
    """Spelling variants inside one article: same given name, near-identical surname."""
    wa, wb = keys.norm(a).split(), keys.norm(b).split()
    if wa == wb:
        return True
    if len(wa) != len(wb) or wa[0] != wb[0] and keys.skeleton(wa[0]) != keys.skeleton(wb[0]):
        return False
    return (
        keys.skeleton(wa[-1]) == keys.skeleton(wb[-1])
        or JaroWinkler.similarity(wa[-1], wb[-1]) >= 0.9
    )


def _link_full_person(lk: Linker, m: Mention, core: str) -> None:
    core = _strip_honorifics(core)
    for ent in lk.entities:
        if ent.type == "PERSON" and any(_same_person(core, c) for c in lk.cores[ent.local_id]):
            lk.attach(ent, m, core)
            return
    words = keys.norm(core).split()
    holders = [
        e
        for e in lk.entities
        if e.type == "PERSON" and any(_contains(c.split(), words) for c in lk.cores[e.local_id])
    ]
    if len(holders) == 1:  # "Cortez Masto" inside "Catherine Cortez Masto"
        lk.attach(holders[0], m, core)
        return
    variants = [
        e
        for e in lk.entities
        if e.type == "PERSON"
        and any(_given_name_variant(c.split(), words) for c in lk.cores[e.local_id])
    ]
    if len(variants) == 1:  # "Muhammad Al Sudani" after "Mohammed Shia Al Sudani"
        lk.attach(variants[0], m, None)
        return
    lk.attach(lk.new(core, "PERSON", m), m, core)


def _given_name_variant(a: list[str], b: list[str]) -> bool:
    """One person written once in full and once with a middle name left out and the
    given name transliterated another way: same last name words, similar given name."""
    if len(a) < 2 or len(b) < 2 or a == b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if long_[-(len(short) - 1) :] != short[1:]:
        return False
    g1, g2 = short[0], long_[0]
    return (
        g1 == g2
        or JaroWinkler.similarity(g1, g2) >= 0.84
        or (keys.skeleton(g1) == keys.skeleton(g2) and len(keys.skeleton(g1)) >= 3)
    )


def _contains(longer: list[str], shorter: list[str]) -> bool:
    """The shorter name is the longer one's tail (or head) of two words or more."""
    n = len(shorter)
    return 2 <= n < len(longer) and (longer[-n:] == shorter or longer[:n] == shorter)


def _strip_honorifics(text: str) -> str:
    words = text.split()
    while len(words) > 1 and keys.droppable(words[0]):
        words = words[1:]
    return " ".join(words)


def _link_short_person(lk: Linker, m: Mention, core: str) -> None:
    word = keys.strip_titles(core)
    cands = [
        e
        for e in lk.entities
        if e.type == "PERSON" and any(word in c.split() for c in lk.cores[e.local_id])
    ]
    if len(cands) > 1:  # a surname names the person whose last name it is
        cands = [e for e in cands if any(keys.surname(c) == word for c in lk.cores[e.local_id])]
    if len(cands) > 1:  # two people share it: only a clear cue picks one
        cands = _disambiguate(lk, m, cands)
    if len(cands) == 1:
        lk.attach(cands[0], m)
        return
    if cands:  # still ambiguous: the form keeps its own entity, fused with neither person
        _attach_ambiguous(lk, m)
        return
    same = [e for e in lk.entities if e.type == "PERSON" and keys.norm(e.name) == word]
    if same:
        lk.attach(same[0], m)
        return
    variants = [  # "Zelensky" for "Zelenskyy": the surname spelt another way
        e
        for e in lk.entities
        if e.type == "PERSON"
        and len(word) >= 5
        and any(
            len(c.split()) >= 2
            and keys.skeleton(c.split()[-1]) == keys.skeleton(word)
            and JaroWinkler.similarity(c.split()[-1], word) >= 0.93
            for c in lk.cores[e.local_id]
        )
    ]
    if len(variants) == 1:
        lk.attach(variants[0], m)
        return
    lk.attach(lk.new(_strip_honorifics(core), "PERSON", m), m, None)


def _disambiguate(lk: Linker, m: Mention, cands: list[Entity]) -> list[Entity]:
    """ "the former Duterte" -> the one with a former role; otherwise the only one of them
    named earlier in the same paragraph. "the elder X" is left unresolved."""
    before = _word_before(lk.doc.body, m.start)
    mods = ambiguity_modifiers()
    if before in mods["unresolved"]:
        return cands
    if before in mods["former"]:
        former = [e for e in cands if any(r.former for r in e.roles)]
        return former if len(former) == 1 else cands
    ids = {c.local_id for c in cands}
    end = m.start
    for _ in range(2):  # this paragraph, or the one before when this one names neither
        para = lk.doc.body.rfind("\n", 0, max(end - 1, 0)) + 1
        near = {x.entity for x in lk.doc.mentions if x.entity in ids and para <= x.start < end}
        if near:
            return [e for e in cands if e.local_id in near] if len(near) == 1 else cands
        end = para
    return cands


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 40) : start].split()
    return words[-1].lower() if words else ""


def _attach_ambiguous(lk: Linker, m: Mention) -> None:
    """A surname two people share, with no cue: one entity per form ("elder X", "X")."""
    before = _word_before(lk.doc.body, m.start)
    name = m.text if before not in ambiguity_modifiers()["unresolved"] else f"{before} {m.text}"
    for e in lk.entities:
        if e.type == "PERSON" and e.name == name and not lk.cores[e.local_id]:
            break
    else:
        e = lk.new(name, "PERSON", m)
    lk.attach(e, m, None)
    if name != m.text:  # the bare surname is either person's form, not this entity's
        e.aliases = [a for a in e.aliases if a != m.text]


def _link_role(lk: Linker, m: Mention, role: Role | None, mentions: list[Mention]) -> None:
    """ "the minister" -> the latest titled person before it holding that role."""
    if role is None:
        return
    if m.text.split()[0].lower() not in {"a", "an"}:
        holder = _role_holder(lk, m, role, mentions)
        if holder is not None:
            lk.attach(holder, m)
            return
    words = m.text.split()
    name = " ".join(words[1:]) if words[0].lower() in {"a", "an", "the"} else m.text
    ent = lk.new(name, "PERSON", m)
    ent.roles.append(role)
    lk.attach(ent, m, None)


def _role_holder(lk: Linker, m: Mention, role: Role, mentions: list[Mention]) -> Entity | None:
    title = canonical_title(role.title)
    best = None
    for ent in lk.entities:
        for r in ent.roles:
            if canonical_title(r.title).endswith(title) or title.endswith(canonical_title(r.title)):
                if role.country and r.country and role.country != r.country:
                    continue
                if (
                    role.former
                    and not r.former
                    and any(x.former for e in lk.entities for x in e.roles)
                ):
                    continue
                last = max(
                    (x.start for x in mentions if x.entity == ent.local_id and x.start < m.start),
                    default=-1,
                )
                if best is None or last > best[0]:
                    best = (last, ent)
    return best[1] if best is not None else None


def _link_other(lk: Linker, m: Mention, mentions: list[Mention]) -> None:
    if m.label == "GPE" and m.country:
        _link_country(lk, m)
        return
    demonym = gazetteer.lookup(m.text)
    if (
        m.kind == "named"
        and m.label == "NORP"
        and demonym
        and demonym[1] == "demonym"
        and (not m.text.endswith("s"))
    ):
        _link_country(lk, m)  # "American" as an adjective refers to the country
        return
    name = keys.strip_titles(m.text) if m.kind != "nominal" else keys.norm(m.text)
    if m.kind == "named" and m.label in {"ORG", "GPE", "NORP"} and not m.country:
        owners = [
            e
            for e in lk.entities
            if e.type == "PERSON" and _name_part(lk, e, name, first=m.label == "ORG")
        ]
        if len(owners) == 1:  # "Trump" tagged ORG next to "Donald Trump"; "Wang" of "Wang Yi"
            m.label = "PERSON"
            lk.attach(owners[0], m)
            return
    last = name.split()[-1] if name else ""
    if m.kind == "nominal" and len(name.split()) >= 2 and last in _member_heads():
        ruler = " ".join(_bare(m.text).split()[:-1])  # "Hamas authorities" -> the Hamas entity
        owners = [e for e in lk.entities if e.type == "ORG" and _rules(lk, e, ruler)]
        if len(owners) == 1 and not gazetteer.lookup(ruler):
            lk.attach(owners[0], m)
            return
    same = _named_head(lk, m) or _same_nominal(lk, m)
    if same is not None:
        lk.attach(same, m)
        return
    for ent in lk.entities:
        if ent.type != m.label and not (m.kind == "nominal" and ent.sector):
            continue
        if any(name == c for c in lk.cores[ent.local_id]) or _org_variant(m, ent, lk):
            lk.attach(ent, m, m.text if len(m.text) > len(ent.name) and m.label == "ORG" else None)
            if m.label == "ORG" and len(_bare(m.text)) > len(_bare(ent.name)):
                if ent.name not in ent.aliases:
                    ent.aliases.append(ent.name)
                ent.aliases = [a for a in ent.aliases if a != _bare(m.text)]
                ent.name = _bare(m.text)
            return
    ent = lk.new(_bare(m.text) if m.kind != "nominal" else _nominal_name(m.text), m.label, m)
    lk.attach(ent, m, ent.name)


def _member_heads() -> frozenset[str]:
    return governing_nouns() | acting_members()


def _rules(lk: Linker, ent: Entity, ruler: str) -> bool:
    """ "Taliban" in "Taliban government" names "Afghan Taliban": a core, or its last words."""
    key = keys.norm(ruler)
    return bool(key) and any(c == key or c.endswith(" " + key) for c in lk.cores[ent.local_id])


def _name_part(lk: Linker, ent: Entity, word: str, first: bool) -> bool:
    """`word` is the last (or, with `first`, the first) name word of a person, or the
    whole name: surnames come first in many languages ("Wang" of "Wang Yi"), given names
    stand alone too, and one name the tagger calls a person here and a place there
    ("Hasina") is one party. Only for names the gazetteer does not know: the place
    "Paris" is not Paris Hilton, the adjective "Christian" is not Christian Lindner."""
    part = word.split()
    for core in lk.cores[ent.local_id] or [keys.norm(ent.name)]:
        words = keys.name_words(core)
        if len(words) >= len(part) and (words[-len(part) :] == part or first and words[:1] == part):
            return True
    return False


def _named_head(lk: Linker, m: Mention) -> Entity | None:
    """ "the Commission" after "European Commission", "the court" after "International
    Criminal Court": the head word of exactly one organisation named before it."""
    words = m.text.split()
    if m.label != "ORG":
        return None
    if m.kind == "nominal" and (len(words) != 1 or _word_before(lk.doc.body, m.start) != "the"):
        return None
    head = words[-1]
    if m.kind == "named" and (len(words) != 1 or not head[:1].isupper()):
        return None
    if head.lower() not in nominal_nouns():
        return None
    # "the government" is often the article's own, unnamed: only a proper name fixes it
    kinds = {"named"} if head.lower() in governing_nouns() else {"named", "nominal"}
    before = {
        x.entity for x in lk.doc.mentions if x.entity and x.start < m.start and x.kind in kinds
    }
    owners = [
        e
        for e in lk.entities
        if e.type == "ORG"
        and e.local_id in before
        and e.name[:1].isupper()
        and any(len(c.split()) >= 2 and c.split()[-1] == head.lower() for c in lk.cores[e.local_id])
    ]
    if len(owners) == 1:
        return owners[0]
    return None if owners else _latest_of_class(lk, m, head.lower(), before)


def _latest_of_class(lk: Linker, m: Mention, noun: str, before: set) -> Entity | None:
    """ "the party" after "the Democratic Alliance": the organisation of that kind named
    last before it."""
    if m.kind != "nominal":
        return None
    kinds = {e.local_id: e for e in lk.entities if e.local_id in before}
    return latest_of_kind(lk.doc.mentions, kinds.get, noun, m.start)


def latest_of_kind(
    mentions: Iterable[Mention], entity_of: Callable[[str], Entity | None], kind: str, at: int
) -> Entity | None:
    """The organisation of `kind` ("party", "police", ...) mentioned last before offset
    `at`; `entity_of` says which entity a mention's id stands for, None to skip it.
    org_classes.json says which name words make the kind ("Democratic Alliance": party)."""
    signs = org_classes().get(kind)
    last = None
    for m in mentions if signs else []:
        if m.start >= at:
            break
        ent = entity_of(m.entity or "")
        if ent is not None and ent.type == "ORG" and {w.lower() for w in ent.name.split()} & signs:
            last = ent
    return last


def _same_nominal(lk: Linker, m: Mention) -> Entity | None:
    """ "Japan's foreign ministry" / "the Japanese foreign ministry": one body of one country."""
    if m.kind != "nominal" or m.label != "ORG" or not m.country:
        return None
    key = _nominal_key(m.text)
    for ent in lk.entities:
        forms = [ent.name, *ent.aliases]
        if ent.type == "ORG" and ent.country == m.country and key in map(_nominal_key, forms):
            return ent
    return None


def _nominal_key(text: str) -> str:
    words = keys.norm(text).split()
    while len(words) > 1 and words[0] in determiners():
        words = words[1:]
    return keys.drop_country(" ".join(words))


def _bare(text: str) -> str:
    for det in ("the ", "The "):
        text = text.removeprefix(det)
    return text


def _nominal_name(text: str) -> str:
    return _bare(text)


def _org_variant(m: Mention, ent: Entity, lk: Linker) -> bool:
    """One organisation named with and without its country or a leading part.

    "US State Department" / "State Department"; "House Ethics Committee" / "Ethics Committee".
    """
    if m.label != "ORG" or ent.type != "ORG" or m.kind == "nominal":
        return False
    a = _drop_country(keys.norm(m.text)).split()
    own = _country_words(keys.norm(m.text))
    for core in lk.cores[ent.local_id]:
        b = _drop_country(core).split()
        if not a or not b:
            continue
        other = _country_words(core)
        if own and other and own != other:
            continue  # "China Coast Guard" and "Philippine Coast Guard": two bodies
        if a == b:
            return True
        short, long_ = (a, b) if len(a) < len(b) else (b, a)
        if len(short) >= 2 and long_[-len(short) :] == short:
            if (own if short is a else other) and len(long_) > len(short):
                continue  # "China Coast Guard" / "Philippine Coast Guard": another country
            return True
        if (
            len(short) >= 2
            and long_[: len(short)] == short
            and len(long_) - len(short) <= 2
            and gazetteer.lookup(" ".join(long_[len(short) :]).removeprefix("of "))
        ):
            return True
    return False


def _drop_country(norm: str) -> str:
    return keys.drop_country(norm)


def _country_words(norm: str) -> frozenset[str]:
    """The country an organisation's name carries ("china coast guard" → CHN), if any."""
    kept = set(_drop_country(norm).split())
    found = set()
    for word in norm.split():
        if word not in kept and (hit := gazetteer.lookup(word)):
            found.add(hit[0])
    return frozenset(found)


def _link_country(lk: Linker, m: Mention) -> None:
    for ent in lk.entities:
        if ent.type == "GPE" and ent.country == m.country:
            lk.attach(ent, m)
            return
    ent = lk.new(gazetteer.country_name(m.country), "GPE", m, m.country)
    lk.attach(ent, m)


def _link_acronyms(lk: Linker, mentions: list[Mention]) -> None:
    """ "National Liberation Front ... NLF": merge an acronym entity into its expansion."""
    orgs = [e for e in lk.entities if e.type in {"ORG", "NORP", "GPE", "LAW", "EVENT", "FAC"}]
    for ent in list(orgs):
        if not keys.is_acronym(ent.name):
            continue
        letters = ent.name.replace(".", "").upper()
        cands = [
            e
            for e in orgs
            if e is not ent
            and not keys.is_acronym(e.name)
            and e in lk.entities
            and any(letters in _acronyms(f) for f in [e.name, *e.aliases])
        ]
        if len(cands) == 1:
            _merge(lk, cands[0], ent, mentions)


OWNER_LINKS = {"of", "to", "for", "in"}


def _acronyms(name: str) -> set[str]:
    """Initials of the name and of its trailing parts ("... Central Organizing Committee")."""
    words = name.split()
    out = {keys.acronym(name), keys.acronym(name, connectors=True)}
    # a tail after "of"/"to"/"for" is another body: "Delegation of the European Union" is
    # not the EU
    out.update(
        keys.acronym(" ".join(words[k:]))
        for k in range(1, len(words) - 1)
        if not any(w.lower() in OWNER_LINKS for w in words[:k])
    )
    return {a for a in out if len(a) >= 2} | {a + "S" for a in out if len(a) >= 2}


def _merge(lk: Linker, keep: Entity, gone: Entity, mentions: list[Mention]) -> None:
    fold(lk.entities, keep, gone, mentions)


def fold(entities: list[Entity], keep: Entity, gone: Entity, mentions: list[Mention]) -> None:
    """Make `gone` part of `keep`: its names, roles, country and mentions move over."""
    for alias in [gone.name, *gone.aliases]:
        if alias != keep.name and alias not in keep.aliases:
            keep.aliases.append(alias)
    keep.roles.extend(r for r in gone.roles if r not in keep.roles)
    keep.country = keep.country or gone.country
    for m in mentions:
        if m.entity == gone.local_id:
            m.entity = keep.local_id
    entities.remove(gone)


QUOTES = '"“”'


def _quoted(text: str, sent_start: int, at: int) -> bool:
    """Inside a quotation: an odd number of double quotes since the sentence began."""
    return sum(text.count(q, sent_start, at) for q in QUOTES) % 2 == 1


def antecedent(doc: Document, token) -> str | None:
    """Local id of the entity a pronoun ("he", "they") most likely refers to.

    The nearest preceding mention of a compatible entity in the same or the
    previous sentence, preferring grammatical subjects.
    """
    want = _PRONOUNS.get(token.lower_)
    if want is None:
        return None
    sent = token.sent
    floor = sent.start_char
    if sent.start > 0:
        floor = doc.nlp[sent.start - 1].sent.start_char
    best, best_subj = None, None
    for m in doc.mentions:
        if m.entity is None or m.end > token.idx or m.start < floor:
            continue
        ent = doc.entity(m.entity)
        if ent is None or (want == "PERSON") != (ent.type == "PERSON"):
            continue
        span = doc.nlp.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and _quoted(doc.body, span.sent.start_char, m.start):
            continue  # '"Zangnan is ours," Lin said. He ...': a name quoted is not spoken of
        best = m
        if span is not None and span.root.dep_ in {"nsubj", "nsubjpass"}:
            best_subj = m
    chosen = best_subj or best
    return chosen.entity if chosen else None
