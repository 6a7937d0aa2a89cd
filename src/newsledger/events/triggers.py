"""What: find the words in a sentence that select a PLOVER category.

A verb decides its own category unless it is a light verb carrying an event noun
("held talks", "expressed concern"); nouns also fire in fixed prepositional phrases
("in support of") and, for meetings, on their own ("Ali's meeting with Bo").
A trigger governed by another trigger through an infinitive ("agreed to set up",
"threatened to attack") is absorbed by it: the governing verb names the event.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsledger.events.anaphora import claim_noun
from newsledger.events.lexicon import Entry, actor_noun_types, cues, triggers, words

NOMINAL_DEPS = {"pobj", "dobj", "nsubj", "nsubjpass", "compound", "poss"}
FORCEFUL = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "SANCTION"}
MATERIAL = {"AID", "RETREAT", "COOPERATE", "SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"}


@dataclass
class Trigger:
    token: object  # the spaCy token that carries the category
    entry: Entry
    governor: object  # the verb whose subject is the actor (token itself for verbs)
    kind: str  # "verb" | "light" | "prep" | "standalone" | "adj"
    denied_by: object = None  # the denial verb governing it ("denied meeting")
    inner: object = None  # the trigger it absorbed ("vowed to attack": the attack)
    demanded: object = None  # the clause of a demand ("said X must leave"): X is the recipient
    delegate: object = None  # who was told to act ("ordered a panel to investigate"): no target
    share: object = None  # the part claimed or denied in it ("denied any role in the attack")

    @property
    def category(self) -> str:
        return self.entry.category


def _keys(token) -> set[str]:
    return {token.lemma_.lower(), token.lower_}


def light(token) -> bool:
    """A light verb, also when the lemmatizer stumbles ("staged" → "stag")."""
    low = token.lower_
    forms = {token.lemma_.lower(), low, low[:-1], low[:-2], low[:-3]}
    return bool(forms & words("light_verbs"))


NEAR_DEPS = {
    "prt", "prep", "dobj", "attr", "acomp", "oprd", "compound", "amod", "pobj", "acl",
    "nmod", "dative", "xcomp", "advmod", "npadvmod", "nsubjpass", "dep",
}  # fmt: skip


def _nearby(token) -> set[str]:
    """Words hanging off `token` that can complete a phrase ("rule out", "hunger strike")."""
    out: set[str] = set()
    for child in token.children:
        small = child.dep_ == "ccomp" and child.pos_ in ("ADJ", "NOUN")
        if child.dep_ not in NEAR_DEPS and not small:
            continue  # a verbless clause completes a phrase too: "found X guilty"
        if child.dep_ == "prep" and _dated(child):
            continue  # "fired its chief on Monday" is no "fire on"
        out |= _keys(child)
        for grand in child.children:
            if grand.dep_ in NEAR_DEPS:
                out |= _keys(grand)
    return out


def _dated(prep) -> bool:
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def match(token, pos: str) -> Entry | None:
    """The most specific lexicon entry for `token` as a `pos`, or None."""
    near = None
    for key in _keys(token):
        for entry in triggers().get((pos, key), []):
            rest = (
                [w for w in entry.words if w not in _keys(token)] if pos == "noun" else entry.extra
            )
            if len(rest) == len(entry.words):
                continue
            if rest:
                near = near if near is not None else _nearby(token)
                if not all(w in near for w in rest):
                    continue
            return entry
    return None


def _verb_trigger(token) -> Trigger | None:
    if token.pos_ not in ("VERB",) and not (token.pos_ == "AUX" and token.dep_ == "ROOT"):
        return None
    if token.dep_ in NOMINAL_DEPS:
        return None  # a noun the tagger took for a verb: "will not bow to blackmail"
    entry = match(token, "verb")
    if token.lemma_.lower() in words("naming_verbs") and _naming(token):
        return _slur_trigger(token)
    special = _by_object(token, entry)
    if special is not entry:  # "called off the strike": the verb and its object decide
        return Trigger(token, special, token, "verb") if special is not None else None
    if light(token):
        for child in token.children:
            if child.dep_ in ("dobj", "attr") and match(child, "noun"):
                return None  # the noun names the event
    if entry is None and _armed_shooting(token):
        entry = Entry("ASSAULT", "verb", (token.lemma_.lower(),), "firearms")
    if entry is None or _anonymity(token):
        return None
    if entry.category in ("THREATEN", "COERCE") and _defied(token):
        entry = Entry("REJECT", "verb", entry.words, "yield")  # "will not be intimidated"
    if entry.category == "AGREE" and _objects(token) & words("statement_objects"):
        return None  # "offered no evidence", "gave no details": words, not an agreement
    if entry.category == "AID" and _objects(token) & words("envoy_nouns"):
        return None  # "sent only its ambassador": representation, not aid
    if entry.category == "AID" and _prep_objects(token) & words("press_objects"):
        return None  # "X in Dhaka contributed to this report": a byline
    proposed = _proposal_for_another(token) if entry.category == "AGREE" else None
    if proposed is not None:  # "proposed that Hamas store its weapons": asks Hamas
        return Trigger(
            token, Entry("REQUEST", "verb", entry.words), token, "verb", demanded=proposed
        )
    if entry.category == "RETREAT" and _leaves_body(token):
        entry = Entry("SANCTION", "verb", entry.words, "withdraw")  # "withdrew from IGAD"
    forceful = entry.category in FORCEFUL and entry.mode not in ("boycott", "strike", "demo")
    if forceful and (_objects(token) - set(entry.words)) & words("figurative_objects"):
        return None  # "fight corruption", "blocked the bill": no force used
    if entry.category == "ASSAULT" and _objects(token) & words("symbolic_objects"):
        entry = Entry("PROTEST", "verb", entry.words, "vandalize")  # "burned a flag"
    if entry.category == "ASSAULT" and _verbal_attack(token):
        entry = Entry("ACCUSE", "verb", entry.words, "disapprove")
    if entry.category in MATERIAL and any(
        c.dep_ == "dobj" and c.lemma_.lower() in words("message_nouns") for c in token.children
    ):
        return None
    return Trigger(token, entry, token, "verb")


def _misread_plural(token) -> Trigger | None:
    """ "announced asset freezes and travel bans": a plural event noun the tagger read as
    a verb with the noun before it as subject, under a light verb that carries it."""
    if token.tag_ != "VBZ" or token.dep_ not in ("ccomp", "xcomp") or not light(token.head):
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i != token.i - 1 or subject.pos_ != "NOUN":
        return None
    if subject.lemma_.lower() in actor_noun_types():
        return None  # "the army freezes ...": a real verb
    entry = match(token, "noun")
    return Trigger(token, entry, token.head, "light") if entry is not None else None


def _proposal_for_another(token):
    """The clause of "proposed that X do Y" when X is not the proposer, or None."""
    if token.lemma_.lower() not in words("proposal_verbs"):
        return None
    for clause in (c for c in token.children if c.dep_ == "ccomp"):
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ != "PRON":
            return clause
    return None


def _anonymity(token) -> bool:
    """ "officials who asked not to be named": a condition of the source, no request."""
    return token.lemma_.lower() in ("ask", "request") and any(
        t.lemma_.lower() in words("anonymity_verbs") for t in token.subtree if t.i > token.i
    )


def _leaves_body(token) -> bool:
    """The manual's SANCTION 'withdraw': leaving an organisation, not a territory."""
    if not _phrasal(token) & words("leaving_verbs"):
        return False
    left = [c for c in token.children if c.dep_ == "dobj"]
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "from"):
        left += [p for p in prep.children if p.dep_ == "pobj"]
    return bool(left) and all(t.ent_type_ == "ORG" for t in left)


def _armed_shooting(token) -> bool:
    """ "Border guards fired first": shooting by armed men needs no object to be an attack."""
    if token.lemma_.lower() not in words("armed_verbs"):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    return any(s.lemma_.lower() in words("armed_nouns") for s in subjects)


def _naming(token) -> bool:
    """ "called the junta illegitimate", "described the vote as a sham": naming, not calling."""
    if any(
        c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon", "for", "off", "up")
        for c in token.children
    ):
        return False  # "called on X to ...", "called for talks", "called off the strike"
    return any(
        c.dep_ in ("oprd", "xcomp", "ccomp", "acomp") or (c.dep_ == "prep" and c.lower_ == "as")
        for c in token.children
    ) or any(t.is_quote for t in _own_clause(token))


def _own_clause(token):
    """The verb's clause without the clauses coordinated with it: in "denounced the strike
    and called on X to 'act'", the quotation is the call's."""
    later = [c.left_edge.i for c in token.rights if c.dep_ in ("conj", "parataxis", "advcl")]
    end = min(later, default=token.right_edge.i + 1)  # a closing quote hung on the root
    yield token
    for child in token.children:
        if child.dep_ not in ("conj", "cc", "parataxis", "advcl"):
            yield from (t for t in child.subtree if t.i < end)


def _slur_trigger(token) -> Trigger | None:
    """Naming someone with a slur is an accusation; naming them otherwise is nothing."""
    if not _slur(token):
        return None
    return Trigger(
        token, Entry("ACCUSE", "verb", (token.lemma_.lower(),), "disapprove"), token, "verb"
    )


def _slur(token) -> bool:
    objects = {t.i for c in token.children if c.dep_ == "dobj" for t in c.subtree}
    return any(
        t.lemma_.lower() in words("pejoratives") or t.lower_ in words("pejoratives")
        for t in _own_clause(token)
        if t.i not in objects or t.dep_ in ("oprd", "acomp") or _quoted_label(t)
    )


def _quoted_label(tok) -> bool:
    """ "called the remarks 'regrettable'": a quoted adjective the parser hung on the object."""
    return tok.dep_ == "amod" and tok.i > 0 and tok.nbor(-1).is_quote


def _verbal_attack(token) -> bool:
    """ "attacked the government over the price rise": words, not force."""
    if token.lemma_.lower() not in words("verbal_attack_verbs"):
        return False
    preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
    dobj = next((c for c in token.children if c.dep_ == "dobj"), None)
    return bool(preps & words("verbal_attack_preps")) and dobj is not None


def _defied(token) -> bool:
    """ "Manila will not be intimidated (by Beijing)": pressure refused, not applied."""
    return has_neg(token) and any(c.dep_ == "auxpass" for c in token.children)


def _prep_objects(token) -> set[str]:
    return {
        g.lemma_.lower()
        for c in token.children
        if c.dep_ == "prep"
        for g in c.children
        if g.dep_ == "pobj"
    }


def _objects(token) -> set[str]:
    out = set()
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            out |= _keys(child)
            out |= {g.lemma_.lower() for g in child.children if g.dep_ == "compound"}
            for prep in child.children:  # "a state of emergency"
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    out |= {g.lemma_.lower() for g in prep.children if g.dep_ == "pobj"}
        elif child.dep_ == "prt":
            out |= {g.lemma_.lower() for g in child.children if g.dep_ == "dobj"}
    return out


def _by_object(token, entry: Entry | None) -> Entry | None:
    """Verbs whose category depends on their object: ending a strike concedes,
    ending talks sanctions, accepting demands concedes, sending inspectors investigates."""
    objs = _objects(token)
    lemma = token.lemma_.lower()
    if _phrasal(token) & words("ending_verbs"):
        if objs & words("conflict_objects"):
            return Entry("CONCEDE", "verb", (lemma,))
        if objs & words("cooperation_objects"):
            return Entry("SANCTION", "verb", (lemma,), "discontinue")
    if lemma == "sign" and objs & words("pact_nouns"):
        return Entry("AGREE", "verb", (lemma,))  # "signed an agreement": agreeing, not backing
    if lemma == "call" and _courtesy_call(token):
        return Entry("CONSULT", "verb", (lemma, "on"), "visit")  # "called on the minister"
    if lemma in words("acceptance_verbs") and objs & words("claim_nouns") and has_neg(token):
        return Entry("REJECT", "verb", (lemma,))  # "does not accept the accusations"
    if lemma in words("blocking_verbs") and objs & words("policy_objects"):
        return Entry("REJECT", "verb", (lemma,))  # "blocked the sanctions package": a veto
    if lemma in words("litigation_verbs") and _in_court(token):
        return Entry("ACCUSE", "verb", (lemma, "court"), "allege")  # "challenge it in court"
    if lemma in words("granting_verbs") and objs & words("aid_objects"):
        return Entry("AID", "verb", (lemma,))
    if lemma == "strike" and _military_strike(token):
        return Entry("ASSAULT", "verb", (lemma,))  # "jets struck positions", not a walkout
    if lemma == "propose" and _proposes_sanctions(token):
        return Entry("THREATEN", "verb", (lemma,))  # "would propose new sanctions"
    if entry is None:
        return None
    if entry.category == "AGREE" and objs & words("concession_objects"):
        return Entry("CONCEDE", "verb", entry.words)
    if lemma == "evacuate" and objs & words("evacuee_nouns"):
        return Entry("AID", "verb", entry.words)  # "evacuated the wounded": a rescue
    if entry.category in ("PROTEST", "ASSAULT") and objs & words("cyber_objects"):
        return Entry("COERCE", "verb", entry.words, "cyber")  # "defaced/attacked websites"
    if (
        entry.category in ("AID", "MOBILIZE")
        and objs & words("investigator_nouns")
        and not objs & words("access_objects")  # "grant monitors access": admitted, not sent
    ):
        return Entry("ACCUSE", "verb", entry.words, "investigate")
    return entry


def _share_of(noun) -> bool:
    """ "role", "responsibility" as the object of a verb: the act it is a part in."""
    if noun.dep_ != "dobj" or noun.lemma_.lower() not in words("share_nouns"):
        return False
    return noun.head.lemma_.lower() in words("share_verbs")


def _share_at(prep):
    """The share noun whose act a preposition introduces: "role in", "responsibility
    for", also when the parser hangs the preposition on the verb ("had no hand | in")."""
    if prep.lower_ not in ("in", "for", "to"):
        return None
    above = prep.head
    if _share_of(above):
        return above
    return next((c for c in above.children if c.i < prep.i and _share_of(c)), None)


def _part_in(share, found: dict):
    """The act a share noun is a part in: "denied any role in the attacks"."""
    return next((t for t in found.values() if t.share is not None and t.share == share), None)


def _violent_sense(token, entry: Entry) -> Entry:
    """A part one claims or denies is in an attack, not a walkout: "the strike"."""
    senses = triggers().get(("noun", token.lemma_.lower()), [])
    return next((e for e in senses if e.category == "ASSAULT"), entry)


def part_in_named(trig: Trigger) -> bool:
    """A part in an act told before: "denied any role in the attacks"."""
    definite = any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in trig.token.children)
    return trig.share is not None and definite


def _apply_no_part(found: dict[int, Trigger]) -> None:
    """ "had no hand in the attack": no part in it, so the act is negated."""
    for trig in found.values():
        share = trig.share
        if share is None or trig.denied_by is not None:
            continue
        refused = share.head.lemma_.lower() in words("denial_verbs") | {"reject"}
        if refused or any(c.lower_ == "no" for c in share.children):
            trig.denied_by = share.head  # "rejected any link to the attack"


def _military_strike(token) -> bool:
    """ "strike" attacks when it has a target (not "struck a deal") or weapons or
    forces do it ("drones struck near the airport"); workers who "struck" walk out."""
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "agent")]
    if any(_keys(s) & words("striking_nouns") for s in subjects):
        return True
    objs = [c for c in token.children if c.dep_ == "dobj"]
    return any(not (_keys(o) & words("struck_objects")) for o in objs)


def _proposes_sanctions(token) -> bool:
    """A proposal whose object is a sanction warns of it before anyone imposes it (a
    recommendation asks another body to impose it, so only "propose" counts)."""
    for child in token.children:
        entry = match(child, "noun") if child.dep_ == "dobj" else None
        if entry is not None and entry.category == "SANCTION":
            return True
    return False


def _in_court(token) -> bool:
    """ "challenge the ban in court", "contest it before the courts"."""
    return any(
        t.lemma_.lower() in words("court_nouns")
        and t.dep_ == "pobj"
        and t.head.lower_ in ("in", "before")
        and t.head.head.i in {token.i, *(c.i for c in token.children)}
        for t in token.subtree
    )


def _noun_trigger(token) -> Trigger | None:
    if token.pos_ not in ("NOUN", "PROPN", "VERB"):
        return None
    entry = match(token, "noun")
    if entry is None:
        return None
    head = token.head
    if token.dep_ in ("dobj", "nsubjpass") and _by_object(head, None) is not None:
        return None  # "lifted the curfew": the verb names the event
    refuser = _refused_by(token)
    if refuser is not None:  # "ruled out sanctions": the sanctions are an act, negated
        return Trigger(token, entry, refuser, "light")
    if token.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and light(head):
        if entry.category == "PROTEST" and _lemma_in(head, "diplomatic_light_verbs"):
            entry = Entry("ACCUSE", "noun", entry.words, "disapprove")
        return Trigger(token, entry, head, "light")
    if token.dep_ == "nsubj" and _phrase_in(head, "outbreak_verbs"):
        return Trigger(token, entry, head, "outbreak")  # "clashes broke out between X and Y"
    if token.dep_ == "conj" and token.head.dep_ == "dobj":
        return None  # "held talks and discussions": one event
    if token.dep_ == "pobj" and head.dep_ == "prep":
        verb = head.head
        if head.lower_ == "of" and verb.dep_ == "dobj" and light(verb.head):
            return Trigger(token, entry, verb.head, "light")  # "launched ten days of war games"
        if head.lower_ == "in" and _lemma_in(verb, "engage_verbs"):
            return Trigger(token, entry, verb, "light")  # "engaged in ethnic cleansing"
        if head.lower_ in ("in", "of") and _amount(verb) and light(verb.head):
            return Trigger(token, entry, verb.head, "light")  # "announced $5m in aid"
        share = _share_at(head)
        if share is not None:  # "denied any role in the attack", "responsibility for the strike"
            return Trigger(token, _violent_sense(token, entry), share.head, "light", share=share)
        phrases = cues()["prep_phrases"].get(head.lower_, [])
        if any(p.split()[-1] in _keys(token) for p in phrases):
            return Trigger(token, entry, _verb_above(head), "prep")
    if " ".join(entry.words) in words("standalone_nouns") or any(
        c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in token.children
    ):
        return Trigger(token, entry, None, "standalone")
    if entry.category in ("PROTEST", "ASSAULT") and any(
        c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE", "ORG")
        for c in token.children
    ):
        return Trigger(token, entry, None, "standalone")  # "Israeli air strikes on Gaza"
    return None


def _refused_by(noun):
    """The "rule out" verb whose object is this event noun, directly or through "of"
    ("ruled out sanctions", "ruled out the reimposition of sanctions"), else None."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj":
        noun = noun.head.head
    if noun.dep_ != "dobj" or "rule out" not in _phrasal(noun.head):
        return None
    return noun.head


def _phrase_in(token, name: str) -> bool:
    """The verb, or the verb with one of its children ("take place"), is in the list."""
    forms = {token.lemma_.lower(), token.lower_}
    children = {c.lower_ for c in token.children}
    return any(
        first in forms and set(rest) <= children for first, *rest in map(str.split, words(name))
    )


def _lemma_in(token, name: str) -> bool:
    low = token.lower_
    return bool({token.lemma_.lower(), low, low[:-1], low[:-2]} & words(name))


def _adj_trigger(token) -> Trigger | None:
    if token.dep_ not in ("acomp", "ROOT", "ccomp", "xcomp", "conj", "amod"):
        return None
    if token.pos_ != "ADJ" and not (token.tag_ == "VBN" and token.dep_ == "acomp"):
        return None
    for key in _keys(token):
        for entry in triggers().get(("adj", key), []):
            has_comp = any(c.dep_ in ("xcomp", "prep") for c in token.children)
            if has_comp:
                return Trigger(token, entry, _verb_above(token), "adj")
    return None


def _verb_above(token):
    tok = token
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def find(sent) -> list[Trigger]:
    """All triggers of a sentence, the absorbed ones removed."""
    found: dict[int, Trigger] = {}
    for token in sent:
        trig = _misread_plural(token) or _verb_trigger(token) or _adj_trigger(token)
        if trig is None and (token.pos_ in ("NOUN", "PROPN") or token.dep_ in NOMINAL_DEPS):
            trig = _noun_trigger(token)  # also a noun the tagger took for a verb: "freezes"
        if trig is not None:
            found[token.i] = trig
    _apply_denials(found)
    _apply_no_part(found)
    _apply_obligations(found)
    kept = [t for t in found.values() if not _absorbed(t, found) and not _alleged(t)]
    for trig in kept:
        _apply_inquiry(trig)
        _apply_allegation(trig)
    return kept


def _allegation_clause(noun):
    """The clause of "a petition alleging that ...", "a complaint claiming ...", or None."""
    for child in noun.children:
        if child.dep_ == "acl" and child.lemma_.lower() in words("claim_verbs"):
            return child
    return None


def _apply_allegation(trig: Trigger) -> None:
    """ "submitted a petition alleging that X ...": a written accusation against X, not
    a request."""
    if trig.kind != "light" or trig.category not in ("REQUEST", "ACCUSE"):
        return
    clause = _allegation_clause(trig.token)
    if clause is None:
        return
    trig.entry = Entry("ACCUSE", trig.entry.pos, trig.entry.words, "allege")
    trig.demanded = next((c for c in clause.children if c.dep_ == "ccomp"), None)


def _alleged(trig: Trigger) -> bool:
    """An event inside what a petition or complaint alleges is its content: the
    allegation is the event (see _apply_allegation)."""
    tok = trig.governor if trig.governor is not None else trig.token
    for node in [tok, *list(tok.ancestors)[:3]]:
        if node.dep_ == "ccomp" and node.head.dep_ == "acl":
            claim = node.head
            return claim.lemma_.lower() in words("claim_verbs") and claim.head.pos_ == "NOUN"
    return False


def _apply_inquiry(trig: Trigger) -> None:
    """ "X ordered a committee to investigate": PLOVER codes an investigation as X's
    ACCUSE (investigate); the committee is X's instrument, not its target."""
    inner = trig.inner
    if trig.category != "REQUEST" or inner is None or inner.category != "ACCUSE":
        return
    if inner.entry.mode != "investigate" and inner.token.lemma_.lower() not in words(
        "inquiry_verbs"
    ):
        return
    if trig.token.lemma_.lower() not in words("command_verbs"):
        return  # "urged Kabul to investigate": a request to a party that answers to no one
    trig.entry = Entry("ACCUSE", trig.entry.pos, trig.entry.words, "investigate")
    trig.delegate = next((c for c in trig.token.children if c.dep_ in ("dobj", "dative")), None)


OBLIGATION = {"must", "should", "ought"}


def _apply_obligations(found: dict[int, Trigger]) -> None:
    """ "X said Y must do Z" is a demand by X on Y, whatever Z is."""
    request = Entry("REQUEST", "verb", ("must",))
    for i, trig in list(found.items()):
        clause = trig.governor if trig.governor is not None else trig.token
        if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in clause.children):
            continue
        speech = clause.head
        if clause.dep_ not in ("ccomp", "parataxis") or speech.lemma_.lower() not in words(
            "speech_verbs"
        ):
            continue
        if speech.i in found:
            continue
        found[speech.i] = Trigger(speech, request, speech, "verb", demanded=clause)
        del found[i]


def _apply_denials(found: dict[int, Trigger]) -> None:
    """ "X denied meeting Y": the meeting is the event, negated and attributed to X."""
    for i, trig in list(found.items()):
        if trig.token.lemma_.lower() not in words("denial_verbs") and not _ruling_out(trig):
            continue
        for child in trig.token.children:
            inner = child
            if child.dep_ == "prep":
                inner = next((c for c in child.children if c.dep_ == "pcomp"), child)
            if inner.dep_ not in ("xcomp", "ccomp", "pcomp", "dobj") or fronted_unquoted(inner):
                continue
            inner = _reported_content(inner) or inner  # "denied a report that X ..."
            denied = _denied_trigger(inner, found) or _part_in(inner, found)
            if denied is None and _ruling_out(trig):
                carried = (t for t in found.values() if t is not trig and t.kind == "light")
                denied = next((t for t in carried if t.governor.i == trig.token.i), None)
            if denied is not None:
                denied.denied_by = trig.token
                if not _ruling_out(trig):
                    del found[i]
                break


def fronted_unquoted(clause) -> bool:
    """ "X accused Y of ..., a charge Z has denied": the parser makes the accusation the
    content of the later denial. The clause comes first, unquoted, and an apposed claim
    noun (", a charge", ", an allegation") stands between it and the verb: that noun
    is what the verb really takes."""
    head = clause.head
    if clause.dep_ != "ccomp" or clause.i > head.i or any(t.is_quote for t in clause.subtree):
        return False
    doc = clause.doc
    for t in doc[clause.i + 1 : head.i]:
        before = doc[t.i - 1] if doc[t.i - 1].dep_ != "det" else doc[t.i - 2]
        if claim_noun(t) and before.text == "," and not (t.dep_ == "nsubj" and t.head == head):
            return True  # not ", the statement said": a statement that speaks
    return False


def answered_charge(relcl) -> bool:
    """ "X accused Y of ..., a charge Z rejected as unfounded": the answer to a charge
    set beside it is Z's act, news in its own right (not X's words, not background)."""
    head = relcl.head
    start = head.left_edge.i
    if relcl.dep_ != "relcl" or not claim_noun(head):
        return False
    return start > 0 and head.doc[start - 1].text == ","


def _ruling_out(trig: Trigger) -> bool:
    """ "ruled out signing the deal" reports a refusal and an act that will not happen:
    both are kept (the REJECT and the negated act)."""
    return trig.category == "REJECT" and "rule out" in _phrasal(trig.token)


def _phrasal(token) -> set[str]:
    """The verb with and without its particle: {"call", "call off"}."""
    lemma = token.lemma_.lower()
    return {lemma} | {f"{lemma} {c.lower_}" for c in token.children if c.dep_ == "prt"}


def _courtesy_call(token) -> bool:
    """ "called on the minister at his office": a visit, when nothing is asked of anyone
    (no "to ..." clause, no "for ...")."""
    on = [c for c in token.children if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon")]
    if not on:
        return False
    asked = [c for c in token.children if c.dep_ in ("xcomp", "ccomp", "advcl")]
    asked += [g for c in on for g in c.subtree if g.dep_ in ("xcomp", "ccomp", "acl", "relcl")]
    return not asked


def has_neg(token) -> bool:
    """The word itself carries a negation ("does not interfere", "not allowed")."""
    return any(c.dep_ == "neg" for c in token.children)


def _amount(token) -> bool:
    """A sum or count standing for what it counts: "EUR 25 million in assistance"."""
    return token.dep_ == "dobj" and (
        token.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY")
        or any(c.dep_ == "nummod" for c in token.children)
    )


CARRIED = ("light", "outbreak")  # kinds whose verb only carries the event noun


def _denied_trigger(inner, found: dict):
    """The trigger a denial denies: the clause's own, one a light verb carries ("denied
    ordering a crackdown"), or one an attempt or aspect verb governs ("denied trying to
    silence critics")."""
    for _ in range(3):
        hit = found.get(inner.i) or next(
            (t for t in found.values() if t.kind in CARRIED and t.governor.i == inner.i), None
        )
        if hit is not None:
            return hit
        if inner.lemma_.lower() not in words("attempt_verbs") | words("aspect_verbs"):
            return None
        inner = next((c for c in inner.children if c.dep_ == "xcomp"), None)
        if inner is None:
            return None
    return None


def _reported_content(noun):
    """The clause of "a report that ...", "claims that ...": what the report says."""
    if noun.pos_ != "NOUN":
        return None
    return next((c for c in noun.children if c.dep_ in ("acl", "ccomp")), None)


def _purpose(tok) -> bool:
    """An infinitive of purpose: "staged a strike to demand ...", "rallied, calling for"."""
    if tok.dep_ not in ("advcl", "acl", "xcomp"):
        return False
    return tok.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


CLAUSE_OWNERS = {"REQUEST", "AGREE", "THREATEN", "REJECT"}


def _climb(tok, found=None):
    """The verb governing `tok` through an infinitive or gerund, or None."""
    if tok.dep_ == "xcomp" or (tok.dep_ == "advcl" and _purpose(tok)):
        return tok.head
    if tok.dep_ == "ccomp" and found is not None and not fronted_unquoted(tok):
        # "demanded that X release Y", "warned that X would attack": one event
        head = found.get(tok.head.i)
        if head is not None and head.category in CLAUSE_OWNERS:
            return tok.head
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
        return tok.head.head
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head  # "threats to attack": the threat names the event
    return None


def _protest_topic(trig: Trigger, found: dict[int, Trigger]) -> bool:
    """The demand or grievance of a protest is its topic, not another event."""
    if trig.category not in ("REQUEST", "ACCUSE"):
        return False
    protests = {}
    for t in found.values():
        if t.category == "PROTEST":
            protests[t.token.i] = t
            if t.governor is not None:
                protests[t.governor.i] = t
    for anc in list(trig.token.ancestors)[:4]:
        if anc.i in protests:
            owner = protests[anc.i]
            owner.inner = owner.inner or trig  # its recipients are the protest's targets
            return True
    return False


def _own_participle(trig: Trigger, tok) -> bool:
    """ "expelled two diplomats, accusing them of spying": the charge is a second act of
    the same actor, not the content of the first (as "rallied, calling for" is). A
    letter "making allegations" is the accusation itself."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or trig.category != "ACCUSE":
        return False
    return tok.head.lemma_.lower() not in words("letter_verbs")  # "wrote to X, accusing"


def _earlier_meeting(trig: Trigger, tok) -> bool:
    """ "spoke hours after meeting X": a meeting told as the time of another act is an
    event of its own."""
    timed = tok.dep_ == "pcomp" and tok.head.lower_ in words("narrating_marks")
    return trig.category == "CONSULT" and timed


def _via(trig: Trigger) -> str:
    """How a trigger hangs from the one that absorbed it (its clause's relation)."""
    tok = trig.governor if trig.governor is not None else trig.token
    return tok.dep_


def _absorbed(trig: Trigger, found: dict[int, Trigger]) -> bool:
    """True when a governing trigger names the event ("agreed to meet" is AGREE)."""
    if trig.denied_by is not None:
        return False  # "ruled out meeting X": the negated meeting stands on its own
    if _protest_topic(trig, found):
        return True
    if trig.kind == "standalone":
        return any(a.i in found and found[a.i].kind != "standalone" for a in trig.token.ancestors)
    tok = trig.governor if trig.governor is not None else trig.token
    if _own_participle(trig, tok) or _earlier_meeting(trig, tok):
        return False
    for _ in range(5):
        if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
            tok = tok.head  # "urged X to drop the charges and release them": one demand
            continue
        head = _climb(tok, found)
        if head is None:
            return False
        if head.i in found and head.i != trig.token.i:
            held = found[head.i].inner
            if held is None or (tok.dep_ == "xcomp" and _via(held) != "xcomp"):
                found[head.i].inner = trig  # "vowed to X" names the vow's content
            return True
        owner = next(
            (
                t
                for t in found.values()
                if t.governor is not None and t.governor.i == head.i and t.token.i != trig.token.i
            ),
            None,
        )
        if owner is not None and (tok.dep_ == "xcomp" or owner.category == "PROTEST"):
            owner.inner = owner.inner or trig
            return True  # "held talks to ...", "staged a strike to demand ..."
        if head.lemma_.lower() not in words("aspect_verbs"):
            return False
        tok = head
    return False
