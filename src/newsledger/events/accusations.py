"""Implicit speech acts: what a reported clause says makes the speaker's act.

"X told Y that the press has been muzzled in Z" codes as ACCUSE by X
against Z: the cue words (violations, torture, banned, behind the attacks ...) live
in data/events/cues.toml. "X told Y that a referendum should be held" or "... is the
only way out" codes as REQUEST by X (a demand), aimed at the clause's subject or,
failing that, at the person told.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsledger.events import frames
from newsledger.events.lexicon import actor_noun_types, words
from newsledger.events.triggers import has_neg

CLAUSE_DEPS = ("ccomp", "parataxis", "dobj", "xcomp", "advcl")


@dataclass
class Accusation:
    verb: object  # the speech verb
    clause: object  # head of the reported clause
    cue: object  # the cue token


def find(sent, explicit: set[int]) -> list[Accusation]:
    """Speech verbs in `sent` whose reported clause states wrongdoing."""
    out = []
    for verb in sent:
        lemma = verb.lemma_.lower()
        if lemma not in words("speech_verbs") or verb.pos_ not in ("VERB", "AUX"):
            continue
        if verb.i in explicit or any(c.dep_ == "neg" for c in verb.children):
            continue
        if lemma in words("neutral_report_verbs"):
            continue  # "police reported", "sources confirmed": a report, not a charge
        for clause in _clauses(verb):
            if clause.dep_ == "advcl" and not any(c.dep_ == "mark" for c in clause.children):
                continue
            cue = _cue(clause)
            if cue is not None:
                out.append(Accusation(verb, clause, cue))
                break
    return out


def _clauses(verb) -> list:
    """What a speech verb reports: its clause, object, or "about"/"over" phrase."""
    out = []
    for child in verb.children:
        if child.dep_ in CLAUSE_DEPS:
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in ("about", "over", "regarding", "on", "to"):
            out.extend(g for g in child.children if g.dep_ == "pobj")
    return out


def cue_in(clause) -> bool:
    """True when the clause headed by `clause` states wrongdoing."""
    return _cue(clause) is not None


def _cue(clause):
    cues = words("accusation_cues")
    negated_cues = words("negated_accusation_cues")
    tokens = list(clause.subtree)
    text = " ".join(t.lemma_.lower() for t in tokens)
    found = [
        tok
        for tok in tokens
        if (tok.lemma_.lower() in negated_cues and has_neg(tok))
        or (
            tok.lemma_.lower() in cues
            and tok.lemma_.lower() not in negated_cues
            and not (tok.pos_ == "VERB" and has_neg(tok))  # "does not interfere": a denial
            and not _denies_claim(tok)  # "denied that Moscow had ...", unlike "denied access"
        )
    ]
    weak = words("weak_accusation_cues")
    strong = next((t for t in found if t.lemma_.lower() not in weak), None)
    if strong is not None:  # a cue that accuses by itself ("illegal") before one that
        return strong  # needs a culprit ("killings")
    for phrase in (p for p in cues if " " in p and p in text):
        first, second = phrase.split()[:2]
        for tok in tokens:
            nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
            if tok.lemma_.lower() == first and nxt is not None and nxt.lemma_.lower() == second:
                return nxt  # the head of "hit squad" is "squad"
        return clause
    return found[0] if found else None


def _denies_claim(tok) -> bool:
    denial = tok.lemma_.lower() in words("denial_verbs")
    return denial and any(c.dep_ == "ccomp" for c in tok.children)


def _cue_subject(cue) -> list:
    """The subject of the verb nearest the cue: "the agency has hired armed gangs"."""
    tok = cue
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return [
        c
        for c in tok.children
        if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") and not _own_side(c)
    ]


def _own_side(token) -> bool:
    """ "his country", "our government": the speaker's own side is not the accused."""
    return any(g.dep_ == "poss" and g.pos_ == "PRON" for g in token.children)


def _judged_makers(cue) -> list:
    """ "outrageous comments by French officials": whoever made what the cue judges."""
    while cue.dep_ == "conj":
        cue = cue.head
    if cue.dep_ != "amod":
        return []
    return [
        g
        for p in cue.head.children
        if p.dep_ == "prep" and p.lower_ in ("by", "from")
        for g in p.children
        if g.dep_ == "pobj"
    ]


def accused_tokens(acc: Accusation) -> list:
    """Who the clause accuses: its agent-like subject, else where the wrong happened."""
    clause = acc.clause
    out = _judged_makers(acc.cue)
    for child in clause.children:
        if child.dep_ in ("nsubj", "attr") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            out += [] if _own_side(child) else [child]
        if child.dep_ == "agent":
            out.extend(g for g in child.children if g.dep_ == "pobj")
    if not any(t.ent_type_ for o in out for t in o.subtree):
        out.extend(_cue_subject(acc.cue))
    if not out and clause.dep_ == "dobj":
        out.append(clause)
    for child in clause.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "by", "against"):
            out.extend(
                g
                for g in child.children
                if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "ORG", "NORP")
            )
    return out


@dataclass
class Demand:
    verb: object  # the speech verb
    clause: object  # head of the reported clause
    cue: object  # the modal or cue word


def find_demands(sent, explicit: set[int]) -> list[Demand]:
    """Speech verbs in `sent` whose reported clause says what someone must do."""
    out = []
    for verb in sent:
        lemma = verb.lemma_.lower()
        if verb.i in explicit or (
            lemma not in words("pure_speech_verbs") and not _message_clauses(verb)
        ):
            continue
        if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in verb.children):
            continue
        for clause in [*verb.children, *_message_clauses(verb)]:
            if clause.dep_ not in ("ccomp", "parataxis", "acl"):
                continue
            cue = _demand_cue(clause)
            if cue is not None:
                out.append(Demand(verb, clause, cue))
                break
    return out


def find_warnings(sent, explicit: set[int]) -> list[Demand]:
    """Speech verbs whose reported clause promises someone punishment: "said anyone who
    tries will be dealt with", "any attack would be met with a response"."""
    out = []
    for verb in sent:
        if verb.i in explicit or verb.lemma_.lower() not in words("speech_verbs"):
            continue
        if verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
            continue
        for clause in verb.children:
            if clause.dep_ in ("ccomp", "parataxis") and _promised_punishment(clause):
                out.append(Demand(verb, clause, clause))
                break
    return out


def _promised_punishment(clause) -> bool:
    if not any(
        c.dep_ == "aux" and c.lower_ in words("future_aux") | {"would"} for c in clause.children
    ):
        return False
    if any(c.dep_ == "neg" for c in clause.children):
        return False
    inside = {t.lemma_.lower() for t in clause.subtree} - {clause.lemma_.lower()}
    passive = any(c.dep_ == "auxpass" for c in clause.children)
    phrases = [*words("punitive_clauses"), *(words("punitive_passives") if passive else [])]
    return any(
        clause.lemma_.lower() == first and set(rest) <= inside
        for first, *rest in map(str.split, phrases)
    )


def warned_tokens(warning: Demand) -> list:
    """Who is warned: the clause's subject ("anyone who ...") and whom it is "against"."""
    clause = warning.clause
    out = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    out += [t for t in clause.subtree if t.dep_ == "pobj" and t.head.lower_ == "against"]
    return out + frames.condition_subjects(clause)  # "if the secretary does not appear"


def _message_clauses(verb) -> list:
    """ "issued a reminder to X that it must ...": the clause of the message sent."""
    return [
        c
        for obj in verb.children
        if obj.dep_ == "dobj" and obj.lemma_.lower() in words("message_nouns")
        for c in obj.children
        if c.dep_ in ("acl", "ccomp")
    ]


def _demand_cue(clause):
    for child in clause.children:
        if child.dep_ == "aux" and child.lower_ in words("obligation_words"):
            return child
    if clause.lemma_.lower() in ("need", "have") and any(
        c.dep_ == "xcomp" for c in clause.children
    ):
        return clause  # "X needs to go", "Y has to step down"
    text = " ".join(t.lower_ for t in clause.subtree)
    for phrase in words("demand_phrases"):
        if phrase in text:
            return clause
    return None


def demanded_tokens(demand: Demand) -> list:
    """Who must act: the clause's agent-like subject, else the person the speaker told."""
    subj = [
        c
        for c in demand.clause.children
        if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") and not _abstract(c)
    ]
    if subj:
        return subj
    told = [c for c in demand.verb.children if c.dep_ in ("dobj", "dative")]
    told += [  # "issued a reminder to X that ..."
        g
        for c in demand.verb.children
        if c.dep_ in ("prep", "dative") and c.lower_ == "to"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    told = [t for t in told if t.pos_ != "ADP"]
    return [t for t in told if t.lemma_.lower() not in words("message_nouns")]


def _abstract(token) -> bool:
    return (
        token.ent_type_ == ""
        and token.pos_ == "NOUN"
        and token.lemma_.lower() not in actor_noun_types()
    )
