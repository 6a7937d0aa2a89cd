"""Actors a description implies without naming them.

"The junta" with no country named governs the country the article is about; "West
African leaders" act as ECOWAS when the article names it; "Brussels welcomed" is the
EU; "party activists" stand for the party named last; "the US Treasury" acts for the
United States; an arrest with no agent is by the police the article named. These are
the lookups behind them, mixed into `Arguments` (arguments.py).
"""

from __future__ import annotations

from newsledger.document import Document, Entity, Mention
from newsledger.entities import gazetteer
from newsledger.entities.coref import latest_of_kind
from newsledger.entities.vocab import org_classes, titles
from newsledger.events.lexicon import actor_noun_types, cues, regional_blocs, seats, words

MODIFIERS = {"compound", "amod", "poss", "nmod", "npadvmod"}
DATELINE_WEIGHT = 1.0  # extra weight per mention of the country a story is filed from
STATE_SECTORS = {"GOV", "MIL", "COP"}  # who acts for a state: officials, soldiers, police


def is_country(name: str) -> bool:
    hit = gazetteer.lookup(name)
    return hit is not None and hit[1] in ("name", "abbr")


class ImpliedActors:
    """Mixed into `Arguments`: needs its `doc`, `by_id`, `named`, `mentions`,
    `entity_at` and `pronoun`."""

    doc: Document
    by_id: dict[str, Entity]
    named: set[str]
    mentions: list[Mention]

    def _implied(self, token, found: list[str]) -> list[str]:
        """Actors a description stands for without naming them: "the junta" with no
        country named is the government of the country the article is about; "West
        African leaders" act as ECOWAS when the article names it."""
        lemma = token.lemma_.lower()
        if lemma in words("government_nouns"):
            states = self._governed(token, found)
            self._name_government(token, found, states)
            return [s for s in states if s not in found]
        out = []
        if lemma in words("bloc_member_nouns"):
            out += [b for b in (self._bloc(c) for c in token.children) if b]
            out += self.stationed(token)
        if lemma in words("member_nouns") or lemma in org_classes():
            out += [o for o in (self._of_class(c, token) for c in [token, *token.lefts]) if o]
        return out

    def _governed(self, token, found: list[str]) -> list[str]:
        """The state an unnamed government governs: the country named in its phrase,
        the owner's ("his government"), else the article's country."""
        countries = [e for e in found if e in self.by_id and self.by_id[e].type == "GPE"]
        if countries:
            return countries[:1]  # "Sudan's government", "the Nepali government"
        if any(e in self.named for e in found):
            return []  # "the Bush administration": named already
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None:  # "Kenya's cabinet": the owner; "his government": his state
            return self._owners_state(owner) if owner.pos_ == "PRON" else []
        home = self.home_country()
        return [home] if home else []

    def _name_government(self, token, found: list[str], states: list[str]) -> None:
        """Give "the government" the name a knowledge base wants: "Government of Nepal"."""
        if len(states) != 1 or token.lemma_.lower() != "government":
            return
        state = self.by_id.get(states[0])
        mention = self.mention_at(token)
        ent = self.by_id.get(mention.entity or "") if mention is not None else None
        if state is None or ent is None or mention.kind != "nominal":
            return
        name = f"Government of {state.name}"
        if name != ent.name and name not in ent.aliases:
            ent.aliases.append(name)

    def security_force(self, token) -> list[str]:
        """Who arrests when no one is named: the police the article named last, else the
        government of the article's country."""
        police = self._last_of_kind("police", token)
        home = self.home_country()
        return [police] if police else [home] if home else []

    def _role_holder(self, token) -> str | None:
        return self._holder_of(token.lemma_.lower(), token.idx)

    def _holder_of(self, role: str, at: int) -> str | None:
        """ "The envoy" after "Ambassador Yao Wen ... BNP leader X": the last person named
        before offset `at` with a title of that kind, not merely the last person."""
        kinds = cues()["role_synonyms"].get(role, [])
        last = None
        for m in self.mentions:
            if m.start >= at:
                break
            ent = self.by_id.get(m.entity or "")
            if ent is None or ent.type != "PERSON" or m.kind not in ("named", "titled"):
                continue
            titles = [r.title.lower() for r in ent.roles] + [m.text.lower()]
            if any(k in t.split() or " " in k and k in t for k in kinds for t in titles):
                last = ent.local_id
        return last

    def _of_class(self, word, token) -> str | None:
        """ "party activists", "the police": the party or force named last before."""
        if word.lower_ not in org_classes() or (word.i != token.i and word.dep_ != "compound"):
            return None
        if (
            any(c.dep_ in MODIFIERS for c in word.children)
            or word.i != token.i
            and any(c.dep_ in ("amod", "poss") and c.ent_type_ for c in token.children)
        ):
            return None  # "Kenyan police officers": the country's own, not the last named
        return self._last_of_kind(word.lower_, token)

    def _last_of_kind(self, kind: str, token) -> str | None:
        last = latest_of_kind(self.mentions, self._named_entity, kind, token.idx)
        return last.local_id if last is not None else None

    def name_described(self, events: list) -> None:
        """ "The senators urged ...", "officers detained ...": an actor only described
        gets the named one it stands for, the last holder of that title or the last
        body of that kind ("officers": the police named last). Crowds stay unnamed."""
        for event in events:
            if not event.actor or any(self.is_target(a) for a in event.actor):
                continue
            at = event.evidence[0].start if event.evidence else 0
            found = [n for a in event.actor if a not in self.named for n in self._described(a, at)]
            event.actor += [n for n in dict.fromkeys(found) if n not in event.actor]

    def _described(self, eid: str, at: int) -> list[str]:
        ent = self.by_id.get(eid)
        words = ent.name.lower().split() if ent is not None else []
        head = words[-1].removesuffix("s") if words and len(words[-1]) > 3 else ""
        if not words or not {head, words[-1]} & actor_noun_types().keys():
            return []  # a name the tagger missed ("Rae Hamoonga") is no description
        holder = self._holder_of(head, at)
        if holder is not None:
            return [holder]
        kinds = {**{k: k for k in org_classes()}, **cues()["described_kinds"]}
        kind = kinds.get(words[-1]) or next((kinds[w] for w in words[:-1] if w in kinds), None)
        if kind is None:
            return []
        last = latest_of_kind(self.mentions, self._named_entity, kind, at)
        return [last.local_id] if last is not None else []

    def _named_entity(self, eid: str) -> Entity | None:
        return self.by_id.get(eid) if eid in self.named else None

    def _bloc(self, modifier) -> str | None:
        if modifier.dep_ not in MODIFIERS or modifier.ent_type_ not in ("NORP", "ORG", "GPE"):
            return None
        span = next((e for e in modifier.doc.ents if e.start <= modifier.i < e.end), None)
        names = regional_blocs().get(span.text if span is not None else modifier.text)
        return self._named_among(names or [])

    def _owners_state(self, pronoun) -> list[str]:
        holder = self.pronoun(pronoun)
        if holder is None:
            return []
        ent = self.by_id.get(holder)
        if ent is not None and ent.type == "GPE":
            return [holder]
        return sorted(self.side(holder) - {holder})

    def _owner_state(self, mention: Mention | None, eid: str) -> str | None:
        """ "the US Treasury", "the Chinese Embassy": a body named after its state acts for
        that state too (coders list both)."""
        ent = self.by_id.get(eid)
        if mention is None or ent is None or ent.type != "ORG":
            return None
        doc = self.doc.nlp
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        first = next((t for t in span if t.lower_ != "the"), None) if span is not None else None
        owner = (
            self._country_named(first) if first is not None and first.i != span.end - 1 else None
        )
        return owner if owner != eid else None

    def _seat(self, token, eid: str) -> str | None:
        """ "Brussels welcomed the text", "accused Kabul of ...": a seat or a capital
        acting or acted upon stands for its organisation or its state."""
        if not _party_role(token):
            return None  # "talks in Brussels": the city
        name = (self.by_id[eid].name if eid in self.by_id else token.text).removeprefix("the ")
        # a seat's objects are split: the EU, or its Commission
        return self._seated(name.strip(), with_body=token.dep_ in ("nsubj", "poss"))

    def stationed(self, token) -> list[str]:
        """ "officials in Dushanbe", "diplomats in Brussels": people of the state or the
        body seated in that capital."""
        out = []
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "in"):
            for place in (g for g in prep.children if g.dep_ == "pobj"):
                eid = self.entity_at(place)
                name = self.by_id[eid].name if eid in self.by_id else place.text
                out += [x for x in (self._seated(name, with_body=True),) if x]
        return out

    def _seated(self, name: str, with_body: bool) -> str | None:
        """The body seated in a place (`seats`: Brussels → the EU), when `with_body`, else
        the state whose capital it is, when the article names them."""
        seat = self._named_among(seats().get(name, [])) if with_body else None
        if seat:
            return seat
        hit = gazetteer.lookup(name)
        if hit and hit[1] == "capital":
            return next(iter(self._country_ids(hit[0])), None)
        return None

    def _named_among(self, names: list[str]) -> str | None:
        """The article's named entity going by one of `names`, if any."""
        wanted = {n.lower() for n in names}
        return next(
            (
                e.local_id
                for e in self.doc.entities
                if e.local_id in self.named and wanted & {f.lower() for f in (e.name, *e.aliases)}
            ),
            None,
        )

    def _country_named(self, token) -> str | None:
        """The article's entity for the country a demonym or name token stands for."""
        hit = gazetteer.lookup(token.text)
        return next(iter(self._country_ids(hit[0])), None) if hit else None

    def side(self, eid: str) -> set[str]:
        """The entity and the country it speaks for, when the article names that country."""
        ent = self.by_id.get(eid)
        if ent is None or ent.type == "GPE":
            return {eid}
        if not ent.country:
            return {eid, *self._seat_state(ent)}
        return {eid, *self._country_ids(ent.country)}

    def _seat_state(self, ent: Entity) -> list[str]:
        """ "Kremlin spokesman Peskov", "the White House": a seat of government, or an
        office held there, speaks for the state seated there (when the article names it).
        Looked up once per entity: `side` asks for every actor of every event."""
        if not hasattr(self, "_seat_states"):
            self._seat_states: dict[str, list[str]] = {}
        if ent.local_id not in self._seat_states:
            self._seat_states[ent.local_id] = self._find_seat_state(ent)
        return self._seat_states[ent.local_id]

    def _find_seat_state(self, ent: Entity) -> list[str]:
        for name in [ent.name, *(r.organisation for r in ent.roles if r.organisation)]:
            state = self._named_among(seats().get(name, []))
            found = self.by_id.get(state or "")
            if found is not None and found.type == "GPE" and is_country(found.name):
                return [found.local_id]
        return []

    def state_of(self, eid: str) -> list[str]:
        """The state an official or a state body acts for, when the article names it: a
        charge rejected from Pakistan's foreign minister is rejected from Pakistan too.
        An opposition leader or a party speaks for no state, so it gets none."""
        ent = self.by_id.get(eid)
        if ent is None or ent.type == "GPE":
            return []
        if not ent.country:
            return self._seat_state(ent)  # an office at a seat of government is official
        if ent.type == "PERSON":
            official = any(
                not r.former and _title_sector(r.title) in STATE_SECTORS for r in ent.roles
            )
        else:
            official = ent.sector in STATE_SECTORS
        return [s for s in self._country_ids(ent.country) if s != eid] if official else []

    def _country_ids(self, iso3: str) -> list[str]:
        """The article's entities naming the country `iso3` (built once per document)."""
        if not hasattr(self, "_countries"):
            self._countries: dict[str, list[str]] = {}
            for e in self.doc.entities:
                if e.type == "GPE" and e.country and is_country(e.name):
                    self._countries.setdefault(e.country, []).append(e.local_id)
        return self._countries.get(iso3, [])

    def is_target(self, eid: str) -> bool:
        """A named party (not a place, not a description) an act can be aimed at."""
        return eid in self.named and not self.is_place(eid)

    def is_place(self, eid: str) -> bool:
        """A location rather than an actor: a city, a square, a region."""
        ent = self.by_id.get(eid)
        if ent is None:
            return False
        return ent.type in ("LOC", "FAC") or (ent.type == "GPE" and not is_country(ent.name))

    def home_country(self) -> str | None:
        """The country the article is most about: its most often mentioned country, with
        the country it is filed from counting extra ("KAMPALA - ... the government")."""
        if not hasattr(self, "_home"):
            counts: dict[str, float] = {}
            filed = gazetteer.lookup(self.doc.dateline or "")
            for m in self.mentions:
                ent = self.by_id.get(m.entity or "")
                if ent is not None and ent.type == "GPE" and is_country(ent.name):
                    counts[ent.local_id] = counts.get(ent.local_id, 0) + 1
                    if filed and ent.country == filed[0]:
                        counts[ent.local_id] += DATELINE_WEIGHT
            self._home = max(counts, key=lambda k: counts[k]) if counts else None
        return self._home


def _title_sector(title: str) -> str | None:
    """ "defence minister" is a minister: the sector of the title or of its last word."""
    known = titles()
    title = title.lower()
    return known.get(title) or known.get(title.split()[-1] if title else "")


def _party_role(token) -> bool:
    """Subject, possessor or object: a role a party plays, never the place of the act."""
    if token.dep_ in ("nsubj", "poss", "nsubjpass", "dobj", "dative"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in ("against", "on", "with", "of", "to", "by")
