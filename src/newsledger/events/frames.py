"""Argument frames: which tokens of the parse are the actor and the recipient."""

from __future__ import annotations

from newsledger.events.anaphora import claim_noun
from newsledger.events.implicit import FORCE
from newsledger.events.lexicon import (
    STATEMENTS,
    actor_noun_types,
    recipient_preps,
    speech_act,
    triggers,
    words,
)
from newsledger.events.triggers import Trigger, answered_charge

STATEMENT_NOUNS = {"declaration", "statement", "resolution", "communique", "appeal", "letter"}

OBJECT_CONTROL = {
    "urge", "ask", "order", "force", "persuade", "invite", "allow", "tell", "call", "press",
    "encourage", "request", "instruct", "direct", "compel", "pressure", "help", "enable",
    "appeal", "push", "want", "expect", "advise", "require", "implore", "beg",
}  # fmt: skip


def subject_of(verb, depth: int = 0) -> tuple[list, list]:
    """(actor tokens, patient tokens) of a verb: subject, or agent when passive."""
    if spoken_charge(verb) and _on_head(verb):
        clause = next((a for a in verb.head.ancestors if a.pos_ == "VERB"), None)
        if clause is not None:  # "X sanctioned firms it accused of ...": it is X, not the firms
            return subject_of(clause, depth + 1)
    actors, patients = [], []
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            actors.append(child)
        elif child.dep_ == "nsubjpass":
            patients.append(child)
        elif child.dep_ == "agent":
            actors.extend(g for g in child.children if g.dep_ == "pobj")
    if patients and not actors:
        actors = _stray_agent(verb)
    if not actors and not patients:
        actors = _stray_subject(verb)
    if actors or patients or depth > 4:
        return actors, patients
    head = verb.head
    if head.i == verb.i:
        return [], []
    if verb.dep_ == "dobj" and verb.lemma_.lower() in words("intent_nouns"):
        return subject_of(head, depth + 1)  # "X has no intention of ...": X's intent
    if verb.dep_ == "acl" and head.lemma_.lower() in words("intent_nouns"):
        return subject_of(head, depth + 1)  # "has no plan to go to war"
    if verb.dep_ == "relcl":
        return [head], []
    if verb.dep_ == "acl" and head.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBN"):
        # "The envoys called on ...", misread as "envoys (who were) called": the sentence
        # has no other verb, so this one is its predicate
        return [head], []
    if verb.dep_ == "xcomp":
        if head.lemma_.lower() in OBJECT_CONTROL:
            objs = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            objs += [
                g
                for c in head.children
                if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to")
                for g in c.children
                if g.dep_ == "pobj"
            ]
            if objs:
                return objs, []
        return subject_of(head, depth + 1)
    if (
        verb.tag_ == "VBN"
        and verb.dep_ not in ("conj", "acomp")  # "was concerned and called on": the subject's
        and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    ):
        return [], []  # "..., tortured in custody": a passive participle names no agent
    if verb.dep_ == "conj" and _tense_break(verb, head):
        return subject_of(head.head, depth + 1)  # 'said X should ... and criticised Y'
    if verb.dep_ in ("conj", "advcl", "acomp"):
        return subject_of(head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        return subject_of(head.head, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        if head.lemma_.lower() in words("message_nouns") | STATEMENT_NOUNS:
            return subject_of(head.head, depth + 1)  # "issued a statement demanding ..."
        addressing = _addressing_verb(head)
        if addressing is not None:
            return subject_of(addressing, depth + 1)  # "wrote to X making allegations"
        return [head], []
    return [], []


def _addressing_verb(noun):
    """The verb that writes or speaks to `noun` ("wrote to Guterres", "told reporters"):
    a participle after the addressee is the writer's act, not the addressee's."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "to":
        verb = verb.head
    elif noun.dep_ not in ("dative", "dobj"):
        return None
    lemma = verb.lemma_.lower()
    if verb.pos_ == "VERB" and lemma in words("letter_verbs") | words("pure_speech_verbs"):
        return verb
    return None


def _stray_agent(verb) -> list:
    """ "X was accused of misusing funds by Y": the parser hangs the passive's agent
    on the gerund after it."""
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for ger in prep.children:
            if ger.dep_ != "pcomp" or ger.tag_ != "VBG":
                continue
            if any(c.dep_ == "auxpass" for c in ger.children):
                continue
            for by in ger.children:
                if by.dep_ == "prep" and by.lower_ == "by":
                    return [g for g in by.children if g.dep_ == "pobj" and g.pos_ != "VERB"]
    return []


def _stray_subject(verb) -> list:
    """ "In a statement on Telegram, spokesman X accused ...": the parser hangs the
    subject on the fronted phrase (X conjoined to "Telegram"), or reads a name and its
    verb as one noun ("Beijing reserves"). A finite verb with no subject takes the name
    right before it when that name sits inside its fronted phrase or compounds it."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == verb.sent.start:
        return []
    prev = verb.doc[verb.i - 1]
    if prev.pos_ == "PROPN" and prev.dep_ == "compound" and prev.head.i == verb.i:
        return [prev]  # "Beijing reserves the right": read as one noun, "Beijing reserves"
    if prev.pos_ not in ("PROPN", "NOUN") or prev.dep_ not in ("conj", "appos", "pobj"):
        return []
    fronted = [c for c in verb.children if c.dep_ == "prep" and c.i < prev.i]
    return [prev] if any(f in prev.ancestors for f in fronted) else []


def _named_whose(verb) -> list:
    """ "condemned what it called X's aggression": X, whose act the speaker names."""
    out = []
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.lemma_.lower() not in words("naming_verbs"):
            continue
        if not any(c.lower_ == "what" for c in clause.children):
            continue
        named = [c for c in clause.children if c.dep_ == "oprd"]
        named += [g for c in clause.children if c.lower_ == "as" for g in c.children]
        out += [p for n in named for p in n.children if p.dep_ == "poss"]
    return out


def _tense_break(verb, head) -> bool:
    """A past-tense verb the parser hung on the reported clause of a speech verb belongs to
    the speaker when that clause is modal ("Wang said Japan should face history and
    criticised Tokyo"), about a thing ("said the memorandum was lawful and accused
    Greece"), or a passive report followed by a charge ("said three soldiers were killed
    and accused the SDF"). A participle with a direct object is active, so it counts."""
    active = verb.tag_ == "VBD" or any(c.dep_ == "dobj" for c in verb.children)
    if not active or head.dep_ != "ccomp" or head.head.pos_ != "VERB":
        return False
    if head.head.lemma_.lower() not in words("speech_verbs") and not speech_act(head.head):
        return False
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
    if (modal or _thing_subject(head)) and not _same_deed(verb, head):
        return True
    if verb.tag_ == "VBD" and _past_perfect(head) and speech_act(verb):
        return True  # "said the government had abandoned X, and demanded ...": a step back
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)
    return passive and verb.lemma_.lower() in words("speech_verbs")


def _same_deed(verb, head) -> bool:
    """ "said the strike killed one and wounded three": a second act of force in the
    reported clause, done by what did the first."""
    kinds = [
        {e.category for e in triggers().get(("verb", t.lemma_.lower()), [])} for t in (verb, head)
    ]
    return bool(kinds[0] & FORCE and kinds[1] & FORCE)


def _past_perfect(clause) -> bool:
    return clause.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in clause.children
    )


def _thing_subject(clause) -> bool:
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return (
        subject is not None
        and subject.pos_ == "NOUN"
        and not subject.ent_type_
        and subject.lemma_.lower() not in actor_noun_types()
    )


STATIVE = {
    "opposed", "committed", "prepared", "determined", "willing", "ready", "resolved",
    "dedicated", "devoted", "inclined", "disposed", "obliged",
}  # fmt: skip


def _pobjs(prep) -> list:
    return [g for g in prep.children if g.dep_ == "pobj"]


def objects_of(tok, preps: set[str]) -> list:
    """Direct/dative objects and objects of the frame's prepositions."""
    out = []
    for child in tok.children:
        if child.dep_ in ("dobj", "dative", "iobj"):
            out.extend(_pobjs(child) if child.pos_ == "ADP" else [child])
        elif child.dep_ in ("advmod", "npadvmod") and child.pos_ == "PROPN" and not child.ent_type_:
            out.append(child)  # a name the parser took for an adverb: "accused Solmere of"
        elif child.dep_ == "prep" and child.lower_ in preps:
            out.extend(_pobjs(child))
        elif child.dep_ == "prt":
            for prep in child.children:
                if prep.dep_ == "prep":
                    out.extend(_pobjs(prep))
    return out


def arguments(trig: Trigger) -> tuple[list, list]:
    """(actor tokens, recipient tokens) for a trigger."""
    preps = set(recipient_preps(trig.category)) | set(trig.entry.extra)
    token = trig.token
    if trig.kind == "standalone":
        return _standalone(token, preps)
    if trig.kind == "outbreak":  # "fighting erupted between X and Y", "X's deployment occurred"
        return _sides(token, trig.governor, trig.category) or _standalone(token, preps)
    gov = trig.governor if trig.governor is not None else token
    actors, patients = subject_of(gov)
    if not actors and patients and token.lower_ in STATIVE:
        actors, patients = patients, []  # "is opposed to", "is committed to"
    if trig.category == "REJECT" and trig.entry.mode == "yield" and patients:
        actors, patients = patients, actors  # "X will not be intimidated by Y": X refuses Y
    if not actors and patients and trig.category == "MOBILIZE":
        actors, patients = patients, []  # "Polish jets were scrambled": the forces move
    recipients = list(patients)
    recipients += objects_of(token, preps)
    if trig.category == "CONSULT":  # "spoke by phone with X": "with" hangs on the phone
        recipients += [
            o
            for c in token.children
            if c.dep_ == "prep"
            for p in _pobjs(c)
            for o in objects_of(p, {"with"})
            if p.lemma_.lower() in words("channel_nouns")
        ]
    if gov.i != token.i:
        recipients += objects_of(gov, preps - {"in", "at"})
        recipients = [r for r in recipients if r.i != token.i]
    for tok in {token, gov}:
        for child in tok.children:
            if child.dep_ in ("xcomp", "acl") and child.pos_ == "VERB":
                recipients += objects_of(child, {"to", "against", "on", "with"})
    if trig.inner is not None:  # "travelled to X to meet Y", "vowed to attack Y"
        inner = trig.inner
        recipients += objects_of(inner.token, set(recipient_preps(inner.category)))
    if trig.demanded is not None:
        recipients += [c for c in trig.demanded.children if c.dep_ in ("nsubj", "nsubjpass")]
    if trig.category in ("THREATEN", "AGREE", "REJECT") or trig.inner is not None:
        deps = ("xcomp", "ccomp") if trig.category == "THREATEN" else ("xcomp",)
        heads = [token, gov, *(c for h in (token, gov) for c in h.children if c.dep_ in deps)]
        recipients += condition_subjects(*heads)
    recipients += _named_whose(token)
    if _charge_clause(token) and _on_head(token):
        recipients.append(token.head)  # "officials they accused of abuses": the officials
    if answered_charge(token):  # "X said ..., an allegation Z dismissed": aimed at X
        recipients += subject_of(token.head.head)[0]
    if trig.delegate is not None:
        recipients = [r for r in recipients if r.i != trig.delegate.i]
    if trig.category == "REQUEST":
        for child in token.children:
            if child.dep_ == "ccomp":
                recipients += [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
    if gov.lemma_.lower() in words("permission_verbs"):
        for child in gov.children:  # "allowed refugees to return": the refugees
            if child.dep_ == "ccomp":
                recipients += [c for c in child.children if c.dep_ == "nsubj"]
    phrase = set(trig.entry.words[1:])  # "laid down their arms": the arms are the act
    return actors, [r for r in recipients if r.lemma_.lower() not in phrase]


def spoken_charge(relcl) -> bool:
    """ "the Governor, whom he accused of ...", "firms it accused of ...": a speaker's
    charge told in a relative clause on its target."""
    return _charge_clause(relcl) and any(
        c.dep_ == "nsubj" and c.pos_ == "PRON" and c.lower_ not in ("who", "which", "that")
        for c in relcl.children
    )


def _charge_clause(token) -> bool:
    return token.dep_ == "relcl" and token.lemma_.lower() in words("charge_verbs")


def _on_head(relcl) -> bool:
    """The relative clause has no object of its own: the noun it hangs on is its object."""
    return not any(c.dep_ in ("dobj", "advmod") for c in relcl.children)


def condition_subjects(*heads) -> list:
    """ "... unless Baghdad accepts": whoever must meet the condition is the target."""
    out = []
    for head in heads:
        for clause in head.children:
            if clause.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in clause.children
            ):
                out += [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    return out


def punishers(trig: Trigger) -> set[int]:
    """Tokens of whoever a threat says will act: "warned that Beijing would take measures
    if Ottawa continues" is aimed at Ottawa; Beijing is the warner's side. A subject that
    undergoes the act ("X could face sanctions") or a passive one stays the target."""
    if trig.category != "THREATEN":
        return set()
    heads = {trig.token, trig.governor if trig.governor is not None else trig.token}
    out: set[int] = set()
    for head in heads:
        for clause in head.children:
            if clause.dep_ != "ccomp" or clause.lemma_.lower() in words("undergo_verbs"):
                continue
            for subj in clause.children:
                if subj.dep_ == "nsubj":
                    out |= _name_tokens(subj)
    return out


def _name_tokens(tok) -> set[int]:
    """The token and the words that name it ("the Chinese government"), without the
    phrases hanging on it ("aggression by X against Y")."""
    out = {tok.i}
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "poss", "conj", "appos", "nmod"):
            out |= _name_tokens(child)
    return out


def _sides(token, gov, category: str) -> tuple[list, list] | None:
    """ "Clashes broke out between X and Y": a fight with no aggressor named has each
    side as actor and as recipient, so either direction of the coding is kept."""
    sides = [
        p
        for head in (token, gov)
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in ("between", "among")
        for p in _pobjs(c)
    ]
    if not sides:
        return None
    return sides, [] if category == "CONSULT" else list(sides)


def _standalone(token, preps: set[str]) -> tuple[list, list]:
    actors, recipients = [], []
    for child in token.children:
        if child.dep_ == "poss" or (
            child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE", "ORG")
        ):
            actors.append(child)
        elif (
            child.dep_ == "agent"
            or (child.dep_ == "prep" and child.lower_ == "by")
            or child.dep_ == "prep"
            and child.lower_ in ("between", "among")
            or child.dep_ == "prep"
            and child.lower_ == "of"
            and not actors
        ):
            actors.extend(_pobjs(child))
        elif child.dep_ == "prep" and child.lower_ in preps:
            recipients.extend(_pobjs(child))
    if not actors and _fresh_setting(token):
        verb = token.head.head  # "told X in a phone call": the teller and X took part
        actors = subject_of(verb)[0]
        recipients += [c for c in verb.children if c.dep_ == "dative"]
        recipients += objects_of(verb, {"with"})
    return actors, recipients


SETTING_PREPS = ("in", "during", "at")  # "in a phone call with", "during a meeting with"


def _fresh_setting(noun) -> bool:
    """ "said in a phone call", "during a meeting": an encounter first told here, as the
    setting of what was said or done ("in the meeting" points back to one told before)."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in SETTING_PREPS:
        return False
    if noun.head.head.pos_ not in ("VERB", "AUX"):
        return False
    return not any(c.dep_ == "det" and c.lower_ not in ("a", "an") for c in noun.children)


ACTOR_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
DEEP_DEPS = {"dobj", "dative", "xcomp", "prep", "acl", "attr", "oprd", "ccomp"}


def deep_recipients(trig: Trigger, actors: set) -> list:
    """Named tokens deeper in the event's clause: "threatened action against X",
    "cut off electricity to X". Reported clauses and relative clauses stay out."""
    roots = [trig.token]
    if trig.governor is not None and trig.governor.i != trig.token.i:
        roots.append(trig.governor)
    if trig.inner is not None:
        roots.append(trig.inner.token)
    if trig.demanded is not None:
        roots.append(trig.demanded)
    out, seen = [], set()
    # an absorbed act's own clause is no charge: "accused X of allowing arms smuggling"
    inner = trig.inner
    deed = inner.token.i if inner is not None and inner.category not in STATEMENTS else None
    stack = [
        c
        for r in roots
        for c in r.children
        if _deep_child(c, trig.category, r.i != deed) and not _source_phrase(c)
    ]
    while stack:
        tok = stack.pop()
        if tok.i in seen or tok in actors or tok == trig.delegate:
            continue
        seen.add(tok.i)
        if tok.lemma_.lower() in trig.entry.words[1:]:
            pass  # "laid down their arms": a word of the trigger's phrase
        elif tok.ent_type_ in ACTOR_TYPES and tok.pos_ in ("PROPN", "NOUN", "ADJ"):
            out.append(tok)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in actor_noun_types():
            out.append(tok)  # "disperse fundamentalist demonstrators"
        stack.extend(
            c
            for c in tok.children
            if (c.dep_ not in ("relcl", "advcl", "parataxis", "ccomp") or _infinitive(c))
            and not _source_phrase(c)
            and not (c.dep_ == "poss" and tok == trig.token)  # "conveyed Pakistan's concern"
            and not (trig.category == "REJECT" and _claim_content(c))
            and not (trig.category in STATEMENTS and _owner_of_own(c))
        )
    return out


def _owner_of_own(tok) -> bool:
    """ "Eritrean" in "violation of Eritrean sovereignty": whose sovereignty it is."""
    owned = tok.head.lemma_.lower() in words("sovereign_nouns")
    return owned and tok.dep_ in ("poss", "amod", "compound", "nmod")


def _claim_content(tok) -> bool:
    """ "rejected the accusation that X was ...": X is the accused, while the rejection
    answers whoever accused (anaphora.py finds them)."""
    return (
        tok.dep_ in ("acl", "ccomp")
        and claim_noun(tok.head)
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
    )


def _source_phrase(tok) -> bool:
    """ "according to diplomats" names who reports the event, never its target; "near
    the X crossing" where it happened."""
    return tok.dep_ == "prep" and (tok.lower_ == "according" or tok.lower_ in words("place_preps"))


def _infinitive(tok) -> bool:
    """ "... to be deployed in X": an infinitive clause, part of what is asked or refused."""
    return tok.dep_ in ("advcl", "ccomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    )


def _deep_child(child, category: str, own: bool) -> bool:
    """`own`: the child hangs on the trigger's own verb, not on an act absorbed into it
    ("accused X of allowing arms smuggling": the smuggling clause names no accused)."""
    if child.pos_ == "ADJ" and child.dep_ == "ccomp":
        return True  # "found X guilty"
    if child.dep_ == "ccomp":  # "demanded that X ...", "warned that X ...", "charged that X"
        return category in ("REQUEST", "THREATEN") or (category == "ACCUSE" and own)
    if child.dep_ == "advcl":
        return _infinitive(child)
    return child.dep_ in DEEP_DEPS
