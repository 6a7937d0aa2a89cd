"""According to whom: the source the article gives for an event, and how sure it is.

The outermost source in the sentence wins: "According to sources, X said Y met Z"
is the sources' report. A speaker that is a news outlet becomes that outlet's
entity, an unnamed one "sources", and no source at all the outlet's own voice.
"""

from __future__ import annotations

from newsledger.events.arguments import Arguments
from newsledger.events.lexicon import words
from newsledger.events.triggers import answered_charge, fronted_unquoted


def speech_chain(token) -> list:
    """Speech verbs governing `token`, nearest first ("said" in "X said Y met Z")."""
    out = []
    child = token
    for anc in token.ancestors:
        if _narrated(child) or fronted_unquoted(child) or answered_charge(child):
            break  # "X warned Y after Z burned a flag": the writer tells of the burning
        if anc.lemma_.lower() in words("speech_verbs") and anc.pos_ in ("VERB", "AUX"):
            out.append(anc)
        child = anc
    return out


def _narrated(clause) -> bool:
    """A clause of time or cause hung on a speech verb: the outlet's account, not the
    speaker's words."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in words("narrating_marks") for c in clause.children
    )


def according_to(sent) -> object | None:
    """The object of "according to" in the sentence, if any."""
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            pobj = next((c for c in tok.nbor().children if c.dep_ == "pobj"), None)
            if pobj is None:
                pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is None:
                for c in tok.children:
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), pobj)
            if pobj is not None:
                return pobj
    return None


def _elsewhere(acc, token) -> bool:
    """ "X asked Y to act against Z, who, according to W, operate freely": W vouches for
    the relative clause only, not for X's request."""
    clause = next((a for a in acc.ancestors if a.dep_ == "relcl"), None)
    return clause is not None and token not in clause.subtree


def speaker_of(verb):
    """The subject of a speech verb (its agent when passive); for "X quoted Y as saying",
    Y, whose words they are."""
    quoted = _quoted_speaker(verb)
    if quoted is not None:
        return quoted
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return speaker_of(verb.head)
    return None


def _quoted_speaker(verb):
    if verb.lemma_.lower() not in ("quote", "cite"):
        return None
    says = any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.lemma_ == "say" for g in c.children)
        for c in verb.children
    )
    return next((c for c in verb.children if c.dep_ == "dobj"), None) if says else None


def source(args: Arguments, token) -> str | None:
    """'sources', an outlet or speaker entity id, or None for an unresolved speaker.

    Unnamed speakers are sources: "sources say", "officials said on condition of
    anonymity", "a senior diplomat said"; an unnamed speaker tied to a named body
    ("State Department officials") speaks for that body.
    """
    if token is None:
        return None
    lemma = token.lemma_.lower()
    if lemma in words("source_nouns") or token.lower_ in words("source_nouns"):
        return "sources"
    if lemma in words("collective_media"):
        return "sources"  # "according to local media", "state media reported"
    placed = set(args.stationed(token))  # "officials in Dushanbe said": still unnamed
    ids = [i for i in args.reach(token, create=False, alias=False) if i not in placed]
    titled = [i for i in ids if i in args.named and args.by_id[i].type == "ORG"]
    if titled and _is_outlet(token):
        return titled[0]  # "the Azerbaijani news agency APA": APA, not "news agency"
    if any(i in args.named for i in ids):
        return args.best(ids)  # the named body; "China's foreign ministry" before China
    anonymous = any(t.lower_ in words("anonymity_words") for t in token.sent)
    if token.pos_ == "NOUN" and (anonymous or lemma in words("unnamed_speakers")):
        return "sources"
    if ids:
        return ids[0]
    if _is_outlet(token) and token.pos_ in ("NOUN", "PROPN"):
        return args.nominal(token)
    return args.best(args.reach(token, create=True, alias=False))


def _is_outlet(token) -> bool:
    names = {t.lower_ for t in token.subtree} | {token.lemma_.lower()}
    return bool(names & words("outlet_words"))


def attribute(args: Arguments, token, sent, speaker_token=None) -> tuple[str, list]:
    """(attributed_to, speech verbs) for an event whose clause is headed by `token`.

    `speaker_token` is the event's own speaker when the event is a speech act
    (an implicit accusation): with no outer source, the speaker is the source.
    """
    chain = [v for v in speech_chain(token) if sent.start <= v.i < sent.end]
    acc = according_to(sent)
    if acc is not None and not _elsewhere(acc, token):
        src = source(args, acc)
        if src:
            return src, chain
    for verb in reversed(chain):  # outermost first
        src = source(args, speaker_of(verb))
        if src:
            return src, chain
    if speaker_token is not None:
        src = source(args, speaker_token)
        if src:
            return src, chain
    return "outlet", chain


def certainty(token, chain: list) -> str:
    """'alleged' for a claim, 'hedged' for reportedly/is said to, else 'asserted'."""
    if any(v.lemma_.lower() in words("claim_verbs") for v in chain):
        return "alleged"
    near = [token, *token.children, *list(token.ancestors)[:3]]
    for tok in near:
        for child in tok.children:
            if child.lower_ in words("hedge_adverbs") and child.dep_ == "advmod":
                return "hedged"
            if child.lower_ in words("hedge_modifiers") and child.dep_ == "amod":
                return "alleged"
    for anc in token.ancestors:
        if anc.lemma_.lower() in words("hedge_passives") and any(
            c.dep_ == "auxpass" for c in anc.children
        ):
            return "hedged"
    return "asserted"
