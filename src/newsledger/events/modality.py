"""Negation and PLOVER's auxiliary modes, and the category changes they imply.

PLOVER codes a promised meeting as AGREE, a promised withdrawal as CONCEDE and a
promised attack as THREATEN (the manual's "single category, not category +
auxiliary" rule); a negated event keeps its category with `negated` set.
"""

from __future__ import annotations

from newsledger.events.lexicon import words

COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
MATERIAL_CONFLICT = {"PROTEST", "SANCTION", "COERCE", "ASSAULT", "MOBILIZE"}


def clause_chain(trig) -> list:
    """The trigger, its light verb and the verbs it hangs from by infinitives."""
    out = [trig.token]
    tok = trig.governor if trig.governor is not None else trig.token
    if tok.i != trig.token.i:
        out.append(tok)
    for _ in range(4):
        if tok.dep_ in ("xcomp", "acomp") or (tok.dep_ == "pcomp" and tok.head.dep_ == "prep"):
            tok = tok.head if tok.dep_ != "pcomp" else tok.head.head
            out.append(tok)
        elif tok.dep_ == "acl" and tok.head.lemma_.lower() in words("intent_nouns"):
            tok = tok.head  # "has no plan to go to war": the plan's act
            out.append(tok)
        else:
            break
    return out


def refusal(category: str, mode: str | None, trig) -> bool:
    """True when a negated promise was recoded as REJECT (then it is not negated), or a
    refused acceptance ("does not accept the claims") was read as one."""
    if category == "REJECT" and trig.token.lemma_.lower() in words("acceptance_verbs"):
        return True
    if category == "REJECT" and trig.entry.mode == "yield":
        return True  # "will not be intimidated": the refusal itself
    return category == "REJECT" and trig.category != "REJECT" and mode is not None


def negated(trig) -> bool:
    if trig.denied_by is not None:
        return True
    neg = words("negation_words")
    chain = clause_chain(trig)
    if any(t.i != trig.token.i and t.lemma_.lower() in words("negating_verbs") for t in chain):
        return True  # "failed to reach", "refrained from meeting"
    for tok in chain:
        for child in tok.children:
            if child.dep_ == "neg" or (child.dep_ in ("det", "advmod") and child.lower_ in neg):
                return True
    return False


def aux_mode(trig, under_speech: bool) -> str | None:
    """'future', 'hypothetical' or None."""
    for tok in clause_chain(trig):
        for child in tok.children:
            low = child.lower_
            if child.dep_ in ("aux", "auxpass"):
                if low in words("future_aux"):
                    return "future"
                if low == "would" and under_speech:
                    return "future"
                if low in words("hypothetical_aux") and low != "must":
                    return "hypothetical"
            if child.dep_ == "mark" and low in words("condition_marks"):
                return "hypothetical"
        if tok.i != trig.token.i and tok.lemma_.lower() in words("future_verbs"):
            return "future"
        if tok.lemma_.lower() in words("intent_nouns"):
            return "future"  # "has no intention of invading"
        if tok.i != trig.token.i and tok.lemma_.lower() in words("hypothetical_verbs"):
            return "hypothetical"
        if tok.lower_ == "going" and any(c.dep_ == "xcomp" for c in tok.children):
            return "future"
    return None


def conditional(trig) -> bool:
    """ "... unless X does Y", "... if X does Y": a conditional commitment."""
    for tok in clause_chain(trig):
        for child in tok.children:
            if child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children
            ):
                return True
    return False


def recode(category: str, mode: str | None, trig=None) -> str:
    """The PLOVER category for an event with an auxiliary mode.

    A promise of force ("vowed to attack", "is ready to impose martial law") and a
    conditional sanction ("will withdraw unless ...") are threats.
    """
    inner = getattr(trig, "inner", None)
    if category == "CONSULT" and inner is not None and _letter(trig, inner):
        return inner.category  # "wrote to X asking him to ...": the letter asks
    if category == "AGREE" and inner is not None and _decided_sanction(trig, inner):
        return "SANCTION"  # "ministers agreed to impose sanctions": the decision is the act
    if category == "AGREE" and inner is not None and inner.category in MATERIAL_CONFLICT:
        return "THREATEN"
    if category == "AGREE" and inner is not None and inner.entry.mode == "allege":
        return "THREATEN"  # "vowed to take them to court": a warning of legal action
    if category == "AGREE" and trig is not None and _punishment(trig.token):
        return "THREATEN"  # "vowed that those responsible would be punished"
    if trig is not None and conditional(trig) and category in MATERIAL_CONFLICT | {"RETREAT"}:
        return "THREATEN"
    holding = trig is not None and trig.entry.words[0] == "hold"
    if category == "ACCUSE" and mode == "future" and holding:
        return "THREATEN"  # "will hold those responsible accountable": a promise of punishment
    if mode in ("future", "hypothetical"):
        if (
            category in COOPERATIVE | {"RETREAT", "CONCEDE", "AGREE"}
            and trig is not None
            and negated(trig)
        ):
            return "REJECT"  # "will not meet", "would not release": a refusal
        if category in COOPERATIVE:
            return "AGREE"
        if category == "RETREAT":
            return "CONCEDE"  # the manual: an announced withdrawal or release concedes
        if category in MATERIAL_CONFLICT:
            return "THREATEN"
    return category


def _punishment(token) -> bool:
    """A promise whose content is someone's punishment."""
    return any(
        t.lemma_.lower() in words("punishment_words")
        for c in token.children
        if c.dep_ in ("ccomp", "xcomp")
        for t in c.subtree
    )


def _letter(trig, inner) -> bool:
    """A written message whose participle says what it does."""
    return trig.token.lemma_.lower() in words("letter_verbs") and inner.category in (
        "REQUEST",
        "ACCUSE",
        "THREATEN",
        "REJECT",
        "SUPPORT",
    )


def _decided_sanction(trig, inner) -> bool:
    """A body that decides or agrees to sanction has sanctioned; a vow to do so threatens."""
    return (
        inner.category == "SANCTION"
        and trig.token.lemma_.lower() in words("decision_verbs")
        and not negated(trig)
    )
