"""Events stage: PLOVER events with actors, recipients, attribution and evidence.

For each sentence (cut again at line breaks) of the parsed body:
  triggers.py     words that select a PLOVER category (lexicon in data/events/)
  frames.py       actor and recipient tokens from the dependency parse
  arguments.py    tokens to entities (mentions, pronouns, nominal actors)
  implied.py      actors a description implies ("the junta", "Brussels", "party activists")
  modality.py     negation, auxiliary modes, and the categories they imply
  attribution.py  the source the article gives, and how sure it is
  accusations.py  speech acts made by reporting: accusations and demands
  dates.py, contexts.py  when, where, and why
  anaphora.py     "the claims", "the two sides", "joined the protest": earlier events
  implicit.py     targets the sentence leaves unsaid ("he warned", "X denied it")
then dedup.py folds restatements (headline and body) into one event, and
`group_stories` (stories.py) links reports of one occasion across documents.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from newsledger.document import Document, Event, Span
from newsledger.events import accusations, anaphora, dedup, frames, modality, stories, triggers
from newsledger.events import implicit as aims
from newsledger.events.arguments import Arguments, conjuncts
from newsledger.events.attribution import attribute, certainty, source, speaker_of
from newsledger.events.contexts import contexts, location
from newsledger.events.dates import event_date
from newsledger.events.lexicon import STATEMENTS, words
from newsledger.store.base import Store

MODES = {"SANCTION": "convict", "MOBILIZE": "weapons"}  # modes of categories rules recode to


def extract(doc: Document) -> Document:
    """Fill `doc.events` from `doc.nlp` and `doc.entities`."""
    if doc.nlp is None:
        return doc
    args = Arguments(doc)
    events: list[Event] = []
    implicit: list[int | None] = []
    carry: dict[int, str] = {}
    quotes: dict[int, dict] = {}
    for index, sent in enumerate(segments(doc.nlp)):
        para = doc.body.count("\n", 0, sent.start_char)
        start = len(events)
        try:
            _sentence(doc, args, sent, index, events, implicit)
        except Exception as err:  # one odd parse must not cost the document its events
            doc.notes.append(
                f"events: sentence at {sent.start_char} skipped ({type(err).__name__})"
            )
            del events[start:], implicit[start:]
        _carry_sources(events[start:], para, carry, sent)
        _carry_quotes(events[start:], para, quotes, sent, args)
    people = {eid: args.by_id[eid].type == "PERSON" for eid in args.named if eid in args.by_id}
    kept = {id(e) for e in anaphora.resolve(events, args.pointers, people, args.side)}
    implicit = [k for e, k in zip(events, implicit, strict=True) if id(e) in kept]
    events = [e for e in events if id(e) in kept]
    args.name_described(events)
    aims.fill(
        events,
        args.is_place,
        args.home_country(),
        args.side,
        args.is_target,
        judges=lambda ev: id(ev) not in args.fresh,
        state_of=args.state_of,
    )
    doc.events = dedup.merge(events, implicit, args.side)
    return doc


QUOTES = '"“”«»'  # double quotes only: a single one is an apostrophe as often as not


def _carry_quotes(events: list[Event], para: int, quotes: dict, sent, args: Arguments) -> None:
    """Quoted speech runs over several sentences: '"We will not meet them. They lied,"
    the minister said.' Every quoted sentence of the paragraph is the speaker's."""
    text = sent.text.strip()
    if not text or (text[0] not in QUOTES and text[-1] not in QUOTES and '," ' not in text):
        return
    speaker = next(
        (
            source(args, speaker_of(t))
            for t in sent
            if t.lemma_.lower() in words("quote_verbs") and speaker_of(t) is not None
        ),
        None,
    )
    waiting = quotes.setdefault(para, {"speaker": None, "events": []})
    if speaker:
        waiting["speaker"] = speaker
        for ev in waiting["events"]:
            ev.attributed_to = speaker
        waiting["events"] = []
    for ev in events:
        if ev.attributed_to == "outlet" or (ev.attributed_to in ev.actor and not speaker):
            if waiting["speaker"]:
                ev.attributed_to = waiting["speaker"]
            elif text[0] in QUOTES:
                waiting["events"].append(ev)


def _sentence(doc: Document, args: Arguments, sent, index: int, events: list, implicit: list):
    """Events of one sentence: explicit triggers, then implicit accusations."""
    found = triggers.find(sent)
    ordered = _ordered_clauses(sent)
    made: set[int] = set()  # tokens whose trigger produced an event
    for trig in found:
        if ordered and _within_clause(trig, ordered):
            continue  # "X said Y must withdraw": X's demand (below), not Y's withdrawal
        ev = _event(doc, args, trig, sent)
        if ev is not None:
            events.append(ev)
            implicit.append(None)
            made |= {trig.token.i} | ({trig.governor.i} if trig.governor is not None else set())
    explicit = {t.token.i for t in found} | {t.governor.i for t in found if t.governor is not None}
    for acc in accusations.find(sent, explicit):
        if acc.clause.i in made or _heads_event(acc.clause, made, sent):
            continue  # "X said Y attacked Z": the attack is the event, X its source
        ev = _accusation(doc, args, acc, sent)
        if ev is not None:
            events.append(ev)
            implicit.append(index)
    for etype, find, addressed in SPOKEN_ACTS:  # "said X will be dealt with", "... must go"
        for act in find(sent, explicit):
            if act.clause.i in made:
                continue
            ev = _speech_act(doc, args, act, sent, etype, None, addressed(act))
            if ev is not None:
                events.append(ev)
                implicit.append(index)
                made.add(act.clause.i)


SPOKEN_ACTS = (  # (category, finder of speech verbs with such a clause, whom it addresses)
    ("THREATEN", accusations.find_warnings, accusations.warned_tokens),
    ("REQUEST", accusations.find_demands, accusations.demanded_tokens),
)


def _carry_sources(events: list[Event], para: int, carry: dict[int, str], sent) -> None:
    """A paragraph opened on unnamed sources stays theirs until another source speaks."""
    first = sent[0].lower_
    if first == "according" or any(
        t.lemma_.lower() == "source" and t.dep_ == "nsubj" for t in sent
    ):
        srcs = [e.attributed_to for e in events if e.attributed_to not in (None, "outlet")]
        if srcs:
            carry[para] = srcs[0]
    elif para in carry:
        for ev in events:
            if ev.attributed_to == "outlet":
                ev.attributed_to = carry[para]


def _span(sent) -> Span:
    return Span(sent.text, sent.start_char, sent.end_char)


def _within(sent, tokens: list) -> list:
    """Tokens of this line: a parse arc across a line break joins a headline to the text."""
    return [t for t in tokens if sent.start <= t.i < sent.end]


def _heads_event(clause, made: set[int], sent) -> bool:
    """ "X said Y tried to kill Z": the clause's verb only carries the coded attack."""
    for i in made:
        tok = sent.doc[i]
        while tok.dep_ in ("xcomp", "acomp") and tok.head.i != tok.i:
            tok = tok.head
            if tok.i == clause.i:
                return True
    return False


def _within_clause(trig, clauses: set[int]) -> bool:
    """The trigger sits in one of `clauses` ("must be ready to negotiate", "must ensure
    safety to allow access")."""
    tok = trig.governor if trig.governor is not None else trig.token
    while True:
        if tok.i in clauses:
            return True
        if tok.dep_ == "conj" and tok.tag_ == "VBD":
            return False  # "said X should go and criticised Y": the speaker's own act
        if tok.head.i == tok.i:
            return False
        tok = tok.head


def _ordered_clauses(sent) -> set[int]:
    """Reported clauses that say what someone else must or should do.

    The manual codes demands as REQUEST by the speaker; the action demanded has not
    happened, so it is no event of the one told to do it.
    """
    out: set[int] = set()
    for demand in accusations.find_demands(sent, set()):
        if demand.cue.dep_ != "aux" or not accusations.demanded_tokens(demand):
            continue
        if any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in demand.clause.children):
            continue  # "we must defend ourselves": the speaker's own resolve
        out.add(demand.clause.i)
    return out


def _event(doc: Document, args: Arguments, trig, sent) -> Event | None:
    actor_toks, recipient_toks = map(partial(_within, sent), frames.arguments(trig))
    head = trig.governor if trig.governor is not None else trig.token
    punishers = frames.punishers(trig)
    recipient_toks = [t for t in recipient_toks if not _setting(t, trig) and t.i not in punishers]
    if _not_an_event(trig, head, actor_toks, recipient_toks):
        return None
    mark = args.checkpoint()
    pair = _pair_pointer(actor_toks, recipient_toks)
    actor = _ids(args, actor_toks, create=True)
    recipient = _ids(args, recipient_toks, create=True, wide=True)
    if trig.kind != "outbreak":  # a clash between sides: each side is both
        recipient = [r for r in recipient if r not in actor]
    if trig.category != "CONSULT":
        extra = _within(sent, frames.deep_recipients(trig, set(actor_toks)))
        extra = [t for t in extra if not _setting(t, trig) and t.i not in punishers]
        recipient += [r for r in _ids(args, extra, create=True) if r not in actor + recipient]
    aside = {args.entity_at(t) for t in sent if _setting(t, trig)}
    recipient = [r for r in recipient if r not in aside]
    if trig.category == "ASSAULT" and not recipient:  # "police fired tear gas after
        crowd = [t for t in sent if _crowd(t) and t not in actor_toks]  # protesters tried"
        recipient = [r for r in _ids(args, crowd, create=True) if r not in actor]
    pending = pair is not None and not pair.of_recipient  # actors still to come
    if not actor and not pending and _agentless_arrest(trig, head):
        actor = args.security_force(trig.token)  # "37 people were detained": by the police
    if (not actor and not pending) or (trig.entry.needs_recipient and not recipient):
        args.rollback(mark)  # no actor, no event: PLOVER codes who did what
        return None
    attributed, chain = attribute(args, head, sent)
    if _sent_forces(trig, head) and attributed in args.by_id and attributed not in actor:
        actor.append(attributed)  # "the minister said 3,000 soldiers would be sent": his
    mode = modality.aux_mode(trig, under_speech=bool(chain))
    category = modality.recode(_by_state(trig, actor_toks), mode, trig)
    if category == "ASSAULT" and _weapons_test(trig, head):
        aimed = any(args.is_target(r) for r in recipient)
        category = category if aimed else "MOBILIZE"  # "fired two missiles into the sea"
    if category == "THREATEN" and trig.category == "MOBILIZE" and not recipient:
        category = "MOBILIZE"  # "3,000 soldiers will be sent to the border": aimed at no one
    if _alleged_plan(trig, head, mode, attributed, actor):
        args.rollback(mark)
        return None  # "X said Y plans to assassinate Z": X's allegation, not Y's threat
    if trig.denied_by is not None and attributed == "outlet":
        attributed = source(args, speaker_of(trig.denied_by)) or attributed
    if attributed == "outlet" and (
        (trig.category in STATEMENTS and not _deed(trig))
        or (trig.category == "SUPPORT" and _voiced_support(trig))
        or _denial_of_claim(trig)
        or _spoken_demand(trig)
    ):
        attributed = args.best(actor)  # a demand or accusation is its maker's statement
    if attributed == "outlet" and any(_message(speaker_of(v)) for v in chain):
        bodies = [a for a in actor if a in args.by_id and args.by_id[a].type != "PERSON"]
        attributed = args.best(bodies) or attributed  # "..., the statement said": the EU's
    clause = [trig.token, trig.governor]
    event = Event(
        type=category,
        actor=actor,
        recipient=recipient,
        negated=modality.negated(trig) and not modality.refusal(category, mode, trig),
        mode=trig.entry.mode if category == trig.category else MODES.get(category),
        aux_mode=mode,
        contexts=contexts(sent.text),
        date=event_date(clause, doc.published, sent),
        location=location(args, clause),
        attributed_to=attributed,
        certainty=certainty(trig.token, chain),
        evidence=[_span(sent)],
        trigger=" ".join(trig.entry.words),
    )
    if anaphora.joins(trig.token, trig.governor):  # "X joined the protest": that protest
        pair = anaphora.Pointer((category,), "join")
    elif triggers.part_in_named(trig):  # "denied any role in the attacks": on their targets
        pair = anaphora.Pointer((category,), "targets", noun=trig.token.lemma_.lower())
    elif pair is None:
        pair = anaphora.pointer(trig.token, trig.governor)  # "rejected the claims"
        if pair is not None:  # "condemned the attack on X": X is what was attacked
            pair = replace(pair, content=frozenset(_content(args, sent.doc, pair)))
            owners = [o for o in _owners(args, sent.doc[pair.at]) if o not in actor]
            if pair.at == trig.token.i:  # "conveyed India's protest": India protests too
                event.actor += owners
                owners = []
            if owners:  # "rejected the army's account": the army made it, say so
                event.recipient = owners + [r for r in event.recipient if r not in owners]
                pair = None
        if pair is None and category == "REJECT" and not recipient:
            pair = anaphora.echo(trig.token, trig.governor)  # "ruled out a debate"
    if pair is not None:
        args.pointers[id(event)] = pair
    if _new_object(head):
        args.fresh.add(id(event))  # "rejected a proposal": no earlier act is judged
    return event


def _voiced_support(trig) -> bool:
    """ "praised", "expressed solidarity", "reaffirmed its support": given by saying it."""
    if trig.token.lemma_.lower() in words("praise_verbs"):
        return True
    gov = trig.governor
    return gov is not None and gov.lemma_.lower() in words("voicing_verbs")


def _message(token) -> bool:
    """A statement, communique or letter that speaks with no maker named in it."""
    return token is not None and token.lemma_.lower() in frames.STATEMENT_NOUNS


def _crowd(token) -> bool:
    """A crowd the sentence names: force used with no target named is used on it."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in words("crowd_nouns")


def _sent_forces(trig, head) -> bool:
    """Forces "would be sent" with nobody named as sending them: the one who announces it
    sends them."""
    if trig.category != "MOBILIZE" or not any(c.dep_ == "auxpass" for c in head.children):
        return False
    return not any(c.dep_ == "agent" for c in head.children)


def _weapons_test(trig, head) -> bool:
    """A missile or rocket fired as a test or into the sea, not at anyone."""
    weapon = set(trig.entry.words) & words("test_weapons") or any(
        c.dep_ == "dobj" and c.lemma_.lower() in words("test_weapons") for c in head.children
    )
    return bool(weapon) and any(t.lower_ in words("test_cues") for t in head.subtree)


def _new_object(verb) -> bool:
    """The act's object is introduced here ("a proposal") or is a name ("accused Solmere"),
    so it judges no earlier act."""
    for c in verb.children:
        if c.dep_ == "advmod" and c.text[:1].isupper():
            return True  # a name the tagger took for an adverb
        indefinite = any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)
        if c.dep_ == "dobj" and (c.pos_ == "PROPN" or indefinite):
            return True
    return False


def _pair_pointer(actor_toks: list, recipient_toks: list) -> anaphora.Pointer | None:
    """ "The two sides agreed", "talks with officials of the two countries": a pair the
    reader knows from earlier events, resolved by anaphora.py once all are found."""
    for toks, of_recipient in ((actor_toks, False), (recipient_toks, True)):
        pairs = anaphora.pair_within([c for t in toks for c in conjuncts(t)])
        if pairs:
            kind, size = anaphora.pair_kind(pairs[0]), anaphora.pair(pairs[0])
            return anaphora.Pointer(kind, "pair", size, of_recipient=of_recipient)
    return None


def _payment(trig) -> bool:
    """ "ordered X to pay damages": a court-ordered payment."""
    return trig.category == "REQUEST" and any(
        c.dep_ == "xcomp" and c.lemma_.lower() == "pay" for c in trig.token.children
    )


AUDIENCE_VERBS = {"speak", "accord", "interview", "talk", "brief"}


def _setting(tok, trig) -> bool:
    """Who heard it and where, not whom it targets: "speaking to reporters, X said ...",
    "vowed to challenge it in court", "wrote on Telegram"."""
    if tok.lemma_.lower() in words("court_nouns"):
        return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "before", "to")
    if tok.lower_ in words("platforms"):  # "in a statement on Telegram"
        return tok.dep_ == "pobj" and tok.head.lower_ in ("on", "via", "through")
    if tok.dep_ == "poss" or not _press(tok):
        return False  # "the agency's board passes ...": an owner, not an audience
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.i in (trig.token.i, getattr(trig.governor, "i", -1)):
        return False
    return verb.lemma_.lower() in words("speech_verbs") | AUDIENCE_VERBS  # "told reporters"


def _by_state(trig, actor_toks: list) -> str:
    """A blockade or roadblock by a state is coercion (COERCE), by citizens a protest;
    a finding of guilt by a court convicts (SANCTION), by anyone else it accuses."""
    court = any(t.lemma_.lower() in words("court_nouns") for t in actor_toks)
    if court and ("guilty" in trig.entry.words or _payment(trig)):
        return "SANCTION"  # the manual: court-ordered payments are SANCTION too
    if trig.category != "PROTEST" or trig.entry.mode not in ("obstruct", None):
        return trig.category
    state = any(
        t.ent_type_ == "GPE" or t.lemma_.lower() in words("state_nouns") for t in actor_toks
    )
    return "COERCE" if state else trig.category


def _alleged_plan(trig, head, mode, attributed, actor: list[str]) -> bool:
    """Someone else's claim that the actor intends violence: coded as the claimant's
    accusation (accusations.py), not as a threat the actor never made."""
    if not mode or trig.category not in modality.MATERIAL_CONFLICT:
        return False
    return attributed not in (*actor, "outlet", "sources") and accusations.cue_in(head)


def _not_an_event(trig, head, actor_toks: list, recipient_toks: list) -> bool:
    """Triggers whose words do not report an event (each case says why)."""
    if trig.category == "CONSULT" and recipient_toks and all(map(_press, recipient_toks)):
        return True  # talking to reporters is how news is made, not a consultation
    if trig.category == "CONSULT" and trig.entry.mode == "visit" and any(map(_armed, actor_toks)):
        return True  # "troops arrived in X" is a deployment, not a visit (talks still count)
    # "if the government does not make an offer", "declined to comment", "amid speculation"
    if _permitted(head):
        return True  # "refused to let planes land and evacuate X": what was (not) allowed
    if _demand_content(head):
        return True  # "its demand that X ease restrictions": X has conceded nothing
    if _conditional_clause(trig) or _no_comment(trig) or _speculative(head):
        return True
    if _attempt(trig):
        return True  # "sought to ease tensions": an effort, not a request
    if _terms(head) or _idle_gathering(trig, actor_toks):
        return True
    return _background(head)


def _attempt(trig) -> bool:
    return (
        trig.category == "REQUEST"
        and trig.token.lemma_.lower() in words("attempt_verbs")
        and any(
            c.dep_ == "xcomp" and triggers.match(c, "verb") is None for c in trig.token.children
        )
    )  # "sought to meet X" stays a request for a meeting


def _terms(tok) -> bool:
    """ "Under the deal, X will hand over ...": the terms of an agreement or ruling
    reported before, not a new event."""
    first = tok.sent[0]
    if first.lower_ == "under" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in words("terms_nouns") for g in first.children
    ):
        return True  # the whole sentence restates them, however the parser joins its clauses
    for node in [tok, *list(tok.ancestors)[:2]]:
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ == "under":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if any(g.lemma_.lower() in words("terms_nouns") for g in objs):
                    return True
        if node.dep_ not in ("xcomp", "conj", "ccomp", "advcl"):
            break  # "..., while Y will release the funds" is of the same terms
    return False


def _idle_gathering(trig, actor_toks: list) -> bool:
    """ "protesters gathered outside parliament" protests; "leaders gathered" does not."""
    if trig.entry.words[0] not in words("gathering_verbs"):
        return False
    return not any(
        t.lemma_.lower() in words("crowd_nouns") for a in actor_toks for t in conjuncts(a)
    )


def _background(tok) -> bool:
    """ "the agreement it signed last year": a relative clause on an object recalls
    the past to explain the news; it is not reported as news itself."""
    for node in [tok, *list(tok.ancestors)[:2]]:
        if node.dep_ in ("advcl", "pcomp") and any(
            c.dep_ == "mark" and c.lower_ == "since" for c in node.children
        ):
            return True  # "tensions have risen since X returned to power": the starting point
        if node.dep_ == "relcl":
            if node.head.lower_ in ("those", "one", "some", "many"):
                return False  # "X was among those who backed Y": X's act
            if _standing(node):
                return True  # "Hamas, which rejects the plan, ...": a stance, not news
            if _news_about(node) or frames.spoken_charge(node) or triggers.answered_charge(node):
                return False  # "the motion was tabled by X, who accused Y of ...": X's act
            return node.head.dep_ in ("dobj", "pobj", "appos")
        if node.dep_ not in ("xcomp", "conj"):
            return False
    return False


def _standing(relcl) -> bool:
    """A relative clause in the simple present describes what someone stands for,
    not something that happened: "the party, which opposes the deal"."""
    return relcl.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass", "neg") for c in relcl.children
    )


def _news_about(relcl) -> bool:
    """ "X, who accused Y of ...": a relative clause on a person that reports the news,
    unless it recalls an earlier time ("who overran it last month", "who has vowed")."""
    if not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in relcl.children):
        return False
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in relcl.children):
        return False
    return not any(t.ent_type_ == "DATE" for t in relcl.subtree)


def _accusation(doc: Document, args: Arguments, acc, sent) -> Event | None:
    recipients = _within(sent, accusations.accused_tokens(acc))
    weak = acc.cue.lemma_.lower() in words("weak_accusation_cues")
    if weak and not recipients:
        return None  # a death or an arrest reported without a culprit accuses nobody
    return _speech_act(doc, args, acc, sent, "ACCUSE", "allege", recipients, needs_target=weak)


def _speech_act(
    doc: Document, args: Arguments, act, sent, etype, mode, recipients, needs_target=False
) -> Event | None:
    """An event a speaker makes by saying something: an accusation or a demand.

    `act` is an accusations.Accusation or .Demand (speech verb, reported clause, cue).
    """
    speaker = speaker_of(act.verb)
    if speaker is None or not _within(sent, [speaker]):
        return None
    recipients = [r for r in _within(sent, recipients) if not _press(r)]  # "told reporters"
    if source(args, speaker) == "sources" or _press(speaker) or _reporter(speaker):
        return None  # sources, outlets, police spokesmen report; they do not accuse
    actor = args.reach(speaker, create=True)
    if not actor:
        return None
    recipient = [r for r in _ids(args, recipients, create=True) if r not in actor]
    if needs_target and not recipient:
        return None  # "said the talks failed": a failure, but no one's
    attributed, chain = attribute(args, act.verb, sent, speaker_token=speaker)
    return Event(
        type=etype,
        actor=actor,
        recipient=recipient,
        mode=mode,
        contexts=contexts(sent.text),
        date=event_date([act.verb], doc.published, sent),
        location=location(args, [act.clause]),
        attributed_to=attributed,
        certainty=certainty(act.verb, [act.verb, *chain]),
        evidence=[_span(sent)],
        trigger=act.cue.text,
    )


def segments(sdoc) -> list:
    """Sentences, cut again at line breaks: a headline is never part of the next line."""
    out = []
    for sent in sdoc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                if tok.i > start:
                    out.append(sdoc[start : tok.i])
                start = tok.i + 1
        if start < sent.end:
            out.append(sdoc[start : sent.end])
    return [s for s in out if s.text.strip()]


def _speculative(token) -> bool:
    """Inside "speculation that ...", "fears that ...": nobody reports it happened."""
    return any(
        a.pos_ == "NOUN" and a.lemma_.lower() in words("speculative_nouns") for a in token.ancestors
    )


def _permitted(token) -> bool:
    """The token's clause is what a verb of permission allows ("allowed X to return")."""
    tok = token
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in words("permission_verbs")


def _demand_content(token) -> bool:
    """The token's clause hangs from a demand noun ("a reminder that it must cooperate")."""
    tok = token
    for _ in range(4):
        if tok.dep_ in ("acl", "ccomp", "relcl") and tok.head.pos_ == "NOUN":
            return tok.dep_ != "relcl" and tok.head.lemma_.lower() in words("demand_nouns")
        if tok.dep_ not in ("xcomp", "conj", "advcl") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _reporter(token) -> bool:
    if token.ent_type_ in ("PERSON", "GPE", "NORP") or token.pos_ == "PRON":
        return False
    return token.lemma_.lower() in words("reporter_nouns")


def _conditional_clause(trig) -> bool:
    """The trigger states a condition ("if X does not ..."), not an event."""
    tok = trig.governor if trig.governor is not None else trig.token
    for node in [tok, *list(tok.ancestors)[:2]]:
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether", "until", "once")
            for c in node.children
        ):
            return True
        if node.dep_ not in ("xcomp", "conj", "advcl"):
            break
    return False


def _no_comment(trig) -> bool:
    """ "declined to comment", "did not comment on the strike", "did not say whether X
    would ...", "neither confirmed nor denied": nothing is stated."""
    tok = trig.governor if trig.governor is not None else trig.token
    if any(c.lower_ == "nor" for c in tok.children) or any(
        c.lower_ == "neither" for c in tok.head.children
    ):
        return True
    node = tok
    for _ in range(5):  # up through what the silent verb would have said
        silent = node.lemma_.lower() in words("no_comment_verbs") and node.i != trig.token.i
        if silent and any(c.dep_ == "neg" for c in node.children):
            return True
        if node.dep_ not in ("xcomp", "ccomp", "pobj", "prep", "dobj") or node.head.i == node.i:
            break
        node = node.head
    if trig.category != "REJECT":
        return False
    return any(
        c.dep_ == "xcomp" and c.lemma_.lower() in words("no_comment_verbs")
        for c in trig.token.children
    )


def _denial_of_claim(trig) -> bool:
    """ "X dismissed the reports", "Y denied the allegations": a statement by X or Y."""
    if trig.category != "REJECT":
        return False
    return any(
        c.dep_ == "dobj" and c.lemma_.lower() in words("claim_nouns") for c in trig.token.children
    )


def _spoken_demand(trig) -> bool:
    """ "X urged Y to ...": a demand voiced by X (an order or a petition is a deed)."""
    return (
        trig.category == "REQUEST"
        and trig.kind == "verb"
        and (trig.token.lemma_.lower() in words("voiced_demand_verbs"))
    )


def _deed(trig) -> bool:
    """Accusations done rather than said: a summons, an investigation, a lawsuit."""
    if trig.entry.mode == "investigate":
        return True
    return bool({trig.token.lemma_.lower(), *trig.entry.words} & words("accusing_deeds"))


def _armed(token) -> bool:
    """An armed unit, also counted out: "a first batch of troops"."""
    if token.lemma_.lower() in words("armed_nouns") or token.lower_ in words("armed_nouns"):
        return True
    if token.lemma_.lower() not in words("portion_nouns"):
        return False
    return any(
        p.dep_ == "prep" and p.lower_ == "of" and any(_armed(g) for g in p.children)
        for p in token.children
    )


def _press(token) -> bool:
    return bool({t.lemma_.lower() for t in token.subtree} & words("press_nouns"))


def _agentless_arrest(trig, head) -> bool:
    """A passive arrest or detention with no agent named ("were arrested on Sunday")."""
    return (
        trig.category == "COERCE"
        and trig.entry.mode == "arrest"
        and any(c.dep_ == "auxpass" for c in head.children)
        and not any(c.dep_ == "agent" for c in head.children)
    )


def _owners(args: Arguments, noun) -> list[str]:
    """Who a pointing noun's possessor says made it: "the army's account"."""
    owners = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    return _ids(args, owners, create=True)


def _content(args: Arguments, doc, pointer: anaphora.Pointer) -> list[str]:
    """What a pointing noun's phrase names as its subject matter: the objects of its
    prepositions, and places among its modifiers ("the Kaura attack"); a modifier that
    is an actor is the maker ("the Congress demand")."""
    out: list[str] = []
    for tok in anaphora.content_tokens(doc[pointer.at]) if pointer.at >= 0 else []:
        ids = _ids(args, [tok], create=False)
        if tok.dep_ == "pobj" or (ids and all(args.is_place(i) for i in ids)):
            out += ids
    return out


def _ids(args: Arguments, tokens: list, create: bool, wide: bool = False) -> list[str]:
    out: list[str] = []
    for tok in tokens:
        for eid in args.reach(tok, create=create, wide=wide):
            if eid not in out:
                out.append(eid)
    return out


def group_stories(docs: list[Document], store: Store) -> None:
    """Give events that report the same real-world occasion one global story id."""
    stories.group(docs, store)
