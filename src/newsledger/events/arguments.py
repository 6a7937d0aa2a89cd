"""Who: actors and recipients from the dependency parse and the entity mentions.

A token is mapped to the entity whose mention covers it. A noun phrase that no
mention covers ("officials", "Sri Lankan army") reaches into its modifiers and its
"of"/"by" phrases, and, when its head names a political actor, becomes a nominal
entity of its own, so that "Senior Hungarian officials" yields both the officials
and Hungary's mention.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from newsledger.document import Document, Entity, Mention
from newsledger.events import anaphora
from newsledger.events.implied import MODIFIERS, ImpliedActors
from newsledger.events.lexicon import actor_noun_types, words

SUBJECTS = {"nsubj", "csubj", "expl"}
REACH_PREPS = {"of", "by", "from", "between", "among", "including", "like", "with"}
# recipients also reach through these: "a camp for refugees", "a blockade on lorries"
WIDE_PREPS = REACH_PREPS | {"for", "against", "to", "on", "over", "at", "in"}
CORE_DROP = {"det", "predet", "nummod", "quantmod", "punct", "cc", "preconj", "case"}
PRONOUNS_PERSON = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
PRONOUNS_GROUP = {"they", "them", "their", "it", "its", "itself", "themselves", "we", "our", "i"}
PLACE_NOUNS = {
    "province",
    "state",
    "region",
    "city",
    "town",
    "district",
    "county",
    "village",
    "area",
}
STOPS = {",", ";", ":", "(", ")", "—", "–", '"', "“", "”"}  # where a phrase form ends
RELATIVE = {"who", "which", "that", "whom", "whose"}


class Arguments(ImpliedActors):
    """Entity lookup for one document: token → local entity ids."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.mentions = sorted(
            # a mention across a line break joins a headline to the next line: not an actor
            (m for m in doc.mentions if m.entity and "\n" not in m.text),
            key=lambda m: (m.start, -m.end),
        )
        self.starts = [m.start for m in self.mentions]
        self.by_id = {e.local_id: e for e in doc.entities}
        self.named = {m.entity for m in self.mentions if m.kind != "nominal"}
        self.pointers: dict[int, Any] = {}  # id(event) → anaphora.Pointer ("the claims")
        self.fresh: set[int] = set()  # id(event) of acts on a newly introduced object
        # names the document already uses, for a token the tagger did not mark
        self.by_name: dict[str, str] = {}
        for ent in doc.entities:
            if ent.local_id in self.named:
                for form in (ent.name, *ent.aliases):
                    self.by_name.setdefault(form.lower(), ent.local_id)

    def checkpoint(self) -> tuple[int, int]:
        return len(self.doc.entities), len(self.doc.mentions)

    def rollback(self, mark: tuple[int, int]) -> None:
        """Forget nominal entities made for an event that was then dropped."""
        gone = {ent.local_id for ent in self.doc.entities[mark[0] :]}
        for local_id in gone:
            self.by_id.pop(local_id, None)
        del self.doc.entities[mark[0] :], self.doc.mentions[mark[1] :]
        keep = [i for i, m in enumerate(self.mentions) if m.entity not in gone]
        self.mentions = [self.mentions[i] for i in keep]
        self.starts = [self.starts[i] for i in keep]

    def best(self, ids: list[str]) -> str | None:
        """The id to name a source by: a named actor before a description of one, but an
        institution before the country that owns it ("the US embassy", not the US)."""
        if ids and ids[0] not in self.named and self._institution(ids[0]):
            return ids[0]
        return next((i for i in ids if i in self.named), ids[0] if ids else None)

    def _institution(self, eid: str) -> bool:
        ent = self.by_id.get(eid)
        if ent is None or ent.type != "ORG":
            return False
        return ent.name.lower().split()[-1] in words("institution_nouns")

    # --- mentions -------------------------------------------------------------
    def mention_at(self, token) -> Mention | None:
        i = bisect_right(self.starts, token.idx) - 1
        best = None
        while i >= 0 and self.mentions[i].start > token.idx - 200:
            m = self.mentions[i]
            if m.start <= token.idx < m.end and (
                best is None or m.end - m.start < best.end - best.start
            ):
                best = m
            i -= 1
        return best

    def entity_at(self, token) -> str | None:
        m = self.mention_at(token)
        return m.entity if m else None

    def pronoun(self, token) -> str | None:
        return resolve_pronoun(self, token)

    # --- argument noun phrases ---------------------------------------------------
    def reach(
        self, token, *, create: bool = True, alias: bool = True, depth: int = 0, wide: bool = False
    ) -> list[str]:
        """Entity ids a noun phrase headed by `token` stands for (conjuncts included)."""
        out: list[str] = []
        for head in conjuncts(token):
            for eid in self._reach_one(head, create, alias, depth, wide):
                if eid not in out:
                    out.append(eid)
        return out

    def _reach_one(self, token, create: bool, alias: bool, depth: int, wide: bool) -> list[str]:
        if _whose_state(token):  # "Nausėda, whose country closed ...": Lithuania
            owners = self.reach(token.head.head, create=False, alias=False, depth=depth)
            states = [s for o in owners for s in sorted(self.side(o) - {o})]
            return states or owners
        name = anaphora.known_as(token) if token.pos_ == "NOUN" and _actor_noun(token) else None
        named = self.reach(name, create=False, alias=alias, depth=depth) if name else []
        if named:  # "the three countries, known as the E3": the E3
            return named
        stand_in = _stand_in(token)
        if stand_in is not None:  # "X who ...", "among those who ..."
            return self.reach(stand_in, create=create, alias=False, depth=depth)
        eid = self.entity_at(token) or self._known_name(token)
        speaker = _reporting_speaker(token) if not eid and token.pos_ == "PRON" else None
        if speaker is not None:  # "the rebels said they would ...": the rebels
            return self.reach(speaker, create=create, alias=alias, depth=depth)
        if not eid and (token.pos_ == "PRON" or token.lower_ in PRONOUNS_PERSON | PRONOUNS_GROUP):
            eid = resolve_pronoun(self, token)
            return [eid] if eid else []
        found: list[str] = []
        if _role_anaphor(token) and getattr(self.mention_at(token), "kind", "role") in ROLES:
            eid = (
                self._role_holder(token)
                or _nearest(self, token, self._clause_subjects(token), person=True, named_only=True)
                or eid
            )
        if eid:
            if alias:
                self._add_aliases(eid, token)
            mention = self.mention_at(token)
            if mention is None or mention.kind != "nominal":
                seat = self._seat(token, eid)
                if seat:
                    return [seat]  # "Brussels welcomed": the EU, not the city
                owner = self._owner_state(mention, eid)
                return [eid, owner] if owner else [eid]
            found.append(eid)  # "a UNICEF delegation": the delegation, and UNICEF through it
        elif create and token.pos_ in ("NOUN", "PROPN") and _actor_noun(token):
            if anaphora.pair(token):
                return []  # "the two sides": resolved from earlier events, never an entity
            found.append(self.nominal(token))
        elif create and token.pos_ == "PROPN" and token.dep_ != "compound" and _nameable(token):
            found.append(self.nominal(token, "PERSON" if _person_like(token) else "ORG"))
        if depth <= 2:
            for eid in self._inner_ids(token, create, alias, depth, wide):
                if eid not in found:
                    found.append(eid)
        if found:
            found += [e for e in self._implied(token, found) if e not in found]
        return found

    def _clause_subjects(self, token) -> set[str]:
        """Who the clause of an object is about: "Hemeti met the envoy" is not Hemeti."""
        if token.dep_ in SUBJECTS:
            return set()
        verb = token.head.head if token.dep_ == "pobj" else token.head
        subjects = (c for c in verb.children if c.dep_ in SUBJECTS)
        return {eid for s in subjects if (eid := self.entity_at(s))}

    def _known_name(self, token) -> str | None:
        """ "accused ECOWAS of ...": a name used earlier, where the tagger missed it."""
        if token.pos_ not in ("PROPN", "NOUN") or not (token.is_title or token.is_upper):
            return None
        if token.i > token.sent.start and token.is_title and token.pos_ == "NOUN":
            return None
        phrase = " ".join(
            t.text for t in core_tokens(token) if t.dep_ == "compound" or t.i == token.i
        )
        return self.by_name.get(phrase.lower()) or self.by_name.get(token.lower_)

    def _inner_ids(self, token, create: bool, alias: bool, depth: int, wide: bool) -> list[str]:
        """Actors named inside a phrase: its national or named modifiers ("Israeli
        officials") and the objects of its "of"/"by" phrases ("a delegation of X")."""
        out: list[str] = []
        for child in token.children:
            if child.dep_ in MODIFIERS or child.dep_ == "appos":
                if child.dep_ == "amod" and child.ent_type_ not in ("NORP", "GPE", "ORG"):
                    continue
                for deeper in (g for g in child.lefts if g.dep_ == "compound"):
                    eid = self.entity_at(deeper)  # "two RSF field commanders": RSF
                    if eid and eid != self.entity_at(token) and eid in self.named:
                        out.append(eid)
                for head in conjuncts(child):
                    eid = self.entity_at(head)
                    if eid is None or eid == self.entity_at(token):
                        eid = self._country_named(head) or eid  # "Egyptian, Qatari mediators"
                    out += (
                        [eid]
                        if eid
                        else self.reach(head, create=False, alias=False, depth=depth + 1)
                    )
            elif child.dep_ == "prep" and child.lower_ in (WIDE_PREPS if wide else REACH_PREPS):
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    out += self.reach(pobj, create=create, alias=alias, depth=depth + 1, wide=wide)
        return out

    def _add_aliases(self, eid: str, token) -> None:
        """The argument's noun phrase is a surface form of its entity: keep it as an alias.
        Only from the phrase's head: "ANC" inside "ANC Youth League" names another actor."""
        ent = self.by_id.get(eid)
        mention = self.mention_at(token)
        if ent is None or mention is None:
            return
        head = token.head
        if head.i != token.i and mention.start <= head.idx < mention.end:
            return
        forms = {ent.name.lower(), *(a.lower() for a in ent.aliases)}
        for form in phrase_forms(token):
            if ent.type == "PERSON" and (" and " in form or "," in form):
                continue  # "X and French envoy Y": two people, no name of one
            if form.lower() not in forms and len(form) <= 120:
                ent.aliases.append(form)
                forms.add(form.lower())

    def nominal(self, token, etype: str | None = None) -> str:
        """A nominal Entity (and Mention) for an unnamed actor noun phrase."""
        forms = phrase_forms(token) or [token.text]
        name = forms[0]
        key = name.lower()
        for ent in self.doc.entities:
            if ent.name.lower() == key or key in (a.lower() for a in ent.aliases):
                return ent.local_id
        n = sum(1 for e in self.doc.entities if e.local_id.startswith("N")) + 1
        local_id = f"N{n}"
        while local_id in self.by_id:
            n += 1
            local_id = f"N{n}"
        etype = etype or actor_noun_types().get(token.lemma_.lower(), "ORG")
        if etype == "PERSON" and token.tag_ in ("NNS", "NNPS"):
            etype = "ORG"  # a group of people acts as one collective actor
        ent = Entity(local_id=local_id, name=name, type=etype, aliases=forms[1:])
        self.doc.entities.append(ent)
        self.by_id[local_id] = ent
        left = min(t.idx for t in core_tokens(token))
        mention = Mention(left, token.idx + len(token), name, etype, "nominal", local_id)
        self.doc.mentions.append(mention)
        at = bisect_right(self.starts, mention.start)
        self.starts.insert(at, mention.start)
        self.mentions.insert(at, mention)
        return local_id


NOT_ACTORS = {
    "DATE",
    "TIME",
    "CARDINAL",
    "ORDINAL",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "WORK_OF_ART",
    "LANGUAGE",
    "LAW",
    "EVENT",
    "PRODUCT",
}
CALENDAR = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
}  # fmt: skip


def _nameable(token) -> bool:
    """A proper noun the tagger left unlabelled may be an actor; a date never is."""
    if token.lower_ in CALENDAR or token.like_num or (token.is_alpha and token.text.islower()):
        return False  # a lower-case "proper noun" is the tagger's slip: "of harassment"
    # "called on Vask last week": the tagger can swallow a name into a DATE
    return token.ent_type_ not in NOT_ACTORS or (token.ent_type_ == "DATE" and token.is_title)


def _stand_in(token):
    """The token a relative or reporting pronoun stands for, or None."""
    low = token.lower_
    deps = SUBJECTS | {"nsubjpass"} | ({"dobj"} if low == "whom" else set())
    if low in RELATIVE and token.dep_ in deps and token.head.dep_ == "relcl":
        return token.head.head  # "it was X who urged Y", "the Governor, whom he accused"
    if low in ("those", "one") and token.head.lower_ == "among":
        # "X was among those who backed Y": X backed Y
        verb = token.head.head
        return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def _whose_state(token) -> bool:
    """ "X, whose country ...": the country of X, who heads the relative clause."""
    return (
        token.lemma_.lower() in ("country", "nation", "government")
        and any(c.lower_ == "whose" and c.dep_ == "poss" for c in token.children)
        and token.head.dep_ == "relcl"
    )


def _actor_noun(token) -> bool:
    lemma = token.lemma_.lower()
    nouns = actor_noun_types()
    if lemma in nouns or token.lower_ in nouns:
        return True
    # "the Sri Lankan army", "Israeli settlers": a nationality makes a group an actor
    return any(c.ent_type_ in ("NORP", "GPE") for c in token.children if c.dep_ in MODIFIERS)


ROLES = ("role", "nominal")  # mention kinds a bare "the lawmaker" may carry


def _role_anaphor(token) -> bool:
    """ "Senator Ana Ruiz ... The lawmaker said": a bare role noun with "the" names the
    person last named, as pronouns do."""
    if token.tag_ != "NN" or token.lemma_.lower() not in words("role_anaphors"):
        return False
    deps = [c.dep_ for c in token.children]
    return deps == ["det"] and token.children.__next__().lower_ == "the"


def _person_like(token) -> bool:
    """A proper name the tagger missed: "Ana Ruiz" (two capitalised words, no org word)."""
    parts = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return (
        len(parts) in (1, 2)
        and token.ent_type_ in ("", "PERSON")
        and not any(t.lemma_.lower() in actor_noun_types() for t in [*parts, token])
    )


def conjuncts(token) -> list:
    """`token` and the heads coordinated with it ("X, Y and Z")."""
    out, stack = [], [token]
    while stack:
        tok = stack.pop(0)
        if tok in out:
            continue
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ == "conj")
    return out


def core_tokens(token) -> list:
    """Left modifiers and the head: "Pakistan's new Defence Minister" of "Minister"."""
    keep = [token]
    for child in token.lefts:
        if child.dep_ in CORE_DROP or (child.dep_ == "poss" and child.pos_ == "PRON"):
            continue
        keep.extend(t for t in child.subtree if t.dep_ not in ("det", "punct", "cc"))
    return sorted(set(keep), key=lambda t: t.i)


def _text(tokens) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    text = doc[tokens[0].i : tokens[-1].i + 1].text
    return re.sub(r"\s+", " ", text).strip(" ,;:-–—\"'")


def phrase_forms(token) -> list[str]:
    """Surface forms of the noun phrase headed by `token`, fullest useful first.

    The phrase with its left modifiers, then shorter versions of it (without
    numbers, without leading descriptive words), each also extended by its first
    prepositional or participial phrase ("students at Cumhuriyet University",
    "refugees fleeing the war in Liberia"): an analyst may name the actor by any.
    """
    core = core_tokens(token)
    doc = token.doc
    forms = [_text(list(doc[core[0].i : token.i + 1]))]
    trimmed = [t for t in core if t.dep_ not in ("nummod", "quantmod")]
    starts = [t for t in trimmed if t.dep_ != "case" and not t.is_punct]
    if token.pos_ == "PROPN" and len(starts) > 1:
        starts = starts[:-1]  # "Nigeria" alone is not a name of "Labour Party of Nigeria"
    ends = _right_ends(token)
    if token.lemma_.lower() in PLACE_NOUNS and len(starts) > 1:
        forms.append(_text(starts[:-1]))  # "Montenegro province" is Montenegro
    acronym = _acronym_after(token)
    for first in starts[:4]:
        forms.append(_text(list(doc[first.i : token.i + 1])))
        forms.extend(_text(list(doc[first.i : end])) for end in ends)
        if acronym:  # "Ceasefire Violations Committee (CFVC)"
            forms.append(f"{_text(list(doc[first.i : token.i + 1]))} ({acronym})")
    return [f for f in dict.fromkeys(forms) if f]


def _acronym_after(token) -> str | None:
    doc = token.doc
    if token.i + 3 < len(doc) and doc[token.i + 1].text == "(" and doc[token.i + 3].text == ")":
        word = doc[token.i + 2].text
        if word.isupper() and 2 <= len(word) <= 8:
            return word
    return None


def _right_ends(token) -> list[int]:
    """Where a right extension of the phrase may stop: after the object of its first
    preposition, or after that phrase's first clause, never across a comma."""
    child = next((c for c in token.rights if c.dep_ in ("prep", "acl", "amod")), None)
    if child is None:
        return []
    stop = next(
        (t.i for t in token.doc[token.i + 1 : child.right_edge.i + 1] if t.text in STOPS), None
    )
    limit = stop if stop is not None else child.right_edge.i + 1
    ends = {limit}
    pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
    if pobj is not None and pobj.i < limit:
        ends.add(pobj.i + 1)
    return sorted(ends)


def resolve_pronoun(args: Arguments, token) -> str | None:
    """The entity a pronoun stands for.

    "He"/"she" is the nearest earlier person (a role mention like "the Leader" only
    when no named person precedes), "they" a sentence-opening continuation of the
    previous subject; the entities stage's resolver decides the rest.
    """
    low = token.lower_
    if low not in PRONOUNS_PERSON | PRONOUNS_GROUP or low in ("we", "our", "i"):
        return None  # "those", "you", or a "we" no speaker claims: no antecedent to trust
    # "X supported him": an object pronoun is not the subject of its own clause
    own = set()
    if token.dep_ not in ("nsubj", "nsubjpass", "poss"):
        own = {args.entity_at(c) for c in token.head.children if c.dep_ == "nsubj"}
    if low in ("they", "we") and token.i == token.sent.start and token.dep_ == "nsubj":
        subject = _previous_root_subject(args, token)
        if subject:
            return subject
    try:
        from newsledger.entities import coref  # type: ignore[attr-defined]

        eid = coref.antecedent(args.doc, token)
        if eid and eid not in own and (eid in args.named or low not in PRONOUNS_PERSON):
            return eid
    except Exception:  # the resolver is another stage's: never let it stop events
        pass
    if low in PRONOUNS_PERSON:
        named = _nearest(args, token, own, person=True, named_only=True)
        if named:
            return named
    return _nearest(args, token, own, person=low in PRONOUNS_PERSON, named_only=False)


POSSESSIVE_AS_SUBJECT = {"its": "it", "their": "they", "his": "he", "her": "she", "our": "we"}


def _reporting_speaker(token):
    """ "Iraq said it would allow ...", "the rebels said they would release ...":
    the subject pronoun of a reported clause is its speaker when the number fits."""
    anchor, low = token, token.lower_
    if token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass"):
        anchor, low = token.head, POSSESSIVE_AS_SUBJECT.get(low, low)  # "denied its vessels had"
    if anchor.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = anchor.head
    if clause.dep_ not in ("ccomp", "parataxis") or clause.head.pos_ not in ("VERB", "AUX"):
        return None
    from newsledger.events.lexicon import words

    if clause.head.lemma_.lower() not in words("speech_verbs"):
        return None
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or (speaker.pos_ == "PRON" and speaker.lower_ in ("we", "i", "it")):
        return None
    if speaker.pos_ == "PRON" and low not in ("we", "i"):
        return None  # '"We ...," he said': he, resolved in turn; "he said he" needs no help
    plural = speaker.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in speaker.children)
    if low in ("we", "i"):
        return speaker  # '"We will not negotiate," the minister said': the minister's side
    if low == "they" and (plural or speaker.ent_type_ in ("ORG", "NORP", "GPE")):
        return speaker
    if low in ("he", "she") and not plural and speaker.ent_type_ in ("PERSON", ""):
        return speaker
    if low == "it" and not plural and speaker.ent_type_ != "PERSON":
        return speaker
    return None


def _nearest(args: Arguments, token, own: set, person: bool, named_only: bool) -> str | None:
    """The nearest earlier mention (within ~1500 characters) of a compatible kind."""
    low = token.lower_
    best = None
    for m in args.mentions:
        if m.start >= token.idx:
            break
        if token.idx - m.start > 1500 or (named_only and m.kind not in ("named", "titled")):
            continue
        ent = args.by_id.get(m.entity or "")
        if ent is None or m.entity in own:
            continue
        if person and ent.type != "PERSON":
            continue
        if not person and ent.type in ("PERSON", "LOC", "EVENT", "LAW", "DATE"):
            continue
        if not person and ent.type == "GPE" and low in ("they", "them", "their"):
            continue
        best = m
    return best.entity if best else None


def _previous_root_subject(args: Arguments, token) -> str | None:
    sent = token.sent
    if sent.start == 0:
        return None
    prev = token.doc[sent.start - 1].sent
    root = prev.root
    for child in root.children:
        if child.dep_ == "nsubj":
            ids = args.reach(child, create=False, alias=False)
            named = [i for i in ids if args.by_id.get(i) and args.by_id[i].type != "PERSON"]
            if named:
                return args.best(named)
    return None
