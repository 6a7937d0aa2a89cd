"""Event anaphora: "the claims", "the deal", "the decision" name an earlier event.

"X rejected the claims" has no named recipient, yet a reader knows it is aimed at
whoever made the claims a sentence before. The noun's class (data/events/
anaphora.toml) says which earlier events it can point at and whom to take from them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from newsledger.document import Event
from newsledger.events.lexicon import _load

DEFINITE = {"the", "this", "these", "those", "such", "that"}
OBJECT_DEPS = {"dobj", "pobj", "nsubjpass", "attr"}


RECENT = 4  # how many earlier events a noun's preferred category is looked for among


@dataclass(frozen=True)
class Pointer:
    categories: tuple[str, ...]  # likeliest first
    take: str  # "makers" | "parties" | "targets" | "pair" (the actors are "the two sides")
    size: int = 0  # for "pair": how many parties
    of_recipient: bool = False  # for "pair": the pair is among the recipients ("officials
    # of the two countries"), not the actors
    noun: str = ""  # the pointing noun: "the protest" prefers an earlier event so triggered
    echo: bool = False  # any noun: only an earlier event whose sentence used it counts
    at: int = -1  # the pointing noun's token index
    content: frozenset[str] = frozenset()  # recipients named inside the noun's phrase


@cache
def _classes() -> dict[str, Pointer]:
    out: dict[str, Pointer] = {}
    for name, table in _load("anaphora.toml").items():
        if name == "pairs":
            continue
        pointer = Pointer(tuple(table["categories"]), table["take"])
        for noun in table["nouns"]:
            out[noun] = pointer
    return out


def pointer(*heads) -> Pointer | None:
    """The class of a definite event noun governed by the trigger, if any."""
    for head in heads:
        if head is None:
            continue
        for tok in [*head.children, *(g for c in head.children for g in c.children)]:
            if tok.dep_ not in OBJECT_DEPS or tok.pos_ != "NOUN":
                continue
            found = _classes().get(tok.lemma_.lower())
            if found and _definite(tok):
                return replace(found, noun=tok.lemma_.lower(), at=tok.i)
    return None


def _definite(tok) -> bool:
    """ "the claims", "these attacks", "Monday's attack", "the Kaura Namoda attack"."""
    return any(c.lower_ in DEFINITE or c.dep_ == "poss" for c in tok.children)


def content_tokens(noun) -> list:
    """Names inside the pointing noun's phrase that say what it was about, not who made
    it: "the attack on the village", "the Kaura attack", but not "the claims by X" or
    "Israel's strikes"."""
    out = []
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.pos_ == "PROPN":
            out.append(child)  # "the Kaura Namoda attack" (the caller keeps only places)
        elif child.dep_ == "prep" and child.lower_ not in ("by", "from"):
            out += [g for g in child.subtree if g.dep_ == "pobj"]
    return out


def echo(*heads) -> Pointer | None:
    """ "ruled out a debate" after "Y demanded a debate": a refusal whose object an
    earlier demand asked for answers that demand."""
    for head in heads:
        for tok in head.children if head is not None else []:
            if tok.dep_ == "dobj" and tok.pos_ == "NOUN":
                return Pointer(("REQUEST",), "makers", noun=tok.lemma_.lower(), echo=True)
    return None


def claim_noun(token) -> bool:
    """ "the accusation", "claims": a noun naming what someone said against someone."""
    found = _classes().get(token.lemma_.lower())
    return found is not None and "ACCUSE" in found.categories and found.take == "makers"


PEOPLE = ("PERSON",)  # a pair pointer's `categories` when it names persons


def pair_kind(token) -> tuple[str, ...]:
    """ "the two ministers" name persons; "the two sides" states or groups."""
    persons = _load("anaphora.toml")["pairs"]["persons"]
    return PEOPLE if token.lemma_.lower() in persons else ()


def pair_within(tokens: list) -> list:
    """Pairs named by a noun phrase or its "of" phrase: "officials of the two countries"."""
    out = []
    for tok in tokens:
        out += [tok] if pair(tok) else []
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                out += [p for p in prep.children if p.dep_ == "pobj" and pair(p)]
    return out


def pair(token) -> int:
    """How many parties "the two sides", "both countries", "the three ministers" name
    (0 when the phrase is not such a reference)."""
    table = _load("anaphora.toml")["pairs"]
    if token.lemma_.lower() not in table["nouns"] or token.tag_ not in ("NNS", "NNPS"):
        return 0
    if _named_here(token):
        return 0  # "the three European countries, known as the E3": named on the spot
    sizes = table["quantifiers"]
    return next(
        (
            sizes[c.lower_]
            for c in token.children
            if c.dep_ in ("det", "nummod", "predet", "amod") and c.lower_ in sizes
        ),
        0,
    )


def _named_here(token) -> bool:
    """The phrase gives its own name: an appositive or "known as"/"called" a name."""
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children):
        return True
    return known_as(token) is not None


def known_as(token):
    """The name a phrase is given on the spot: "the three countries, known as the E3"."""
    for child in token.children:
        if child.dep_ != "acl" or child.lemma_.lower() not in ("know", "call", "dub"):
            continue
        between = token.doc[token.i + 1 : child.i]
        if any(t.pos_ != "PUNCT" and t.head.i != child.i for t in between):
            continue  # "the winner with 71 percent ..., known as X": a misattached clause
        names = [g for g in child.children if g.dep_ == "oprd" and g.pos_ == "PROPN"]
        names += [g for p in child.children if p.lower_ == "as" for g in p.children]
        if names and names[0].pos_ == "PROPN":
            return names[0]  # "known as the E3", "dubbed the Quad", never "called on X"
    return None


def _parties(events: list[Event], index: int, size: int, named: dict[str, bool]) -> list[str]:
    """The participants of the nearest earlier event with `size` or more named ones of the
    pair's kind (`named`: the ids of that kind), or failing that with `size` or more
    participants of which one is named and of that kind."""
    earlier = [list(dict.fromkeys(e.actor + e.recipient)) for e in reversed(events[:index])]
    for people in earlier:
        known = [p for p in people if p in named]
        if len(known) >= size:
            return known
    return next(
        (people for people in earlier if len(people) >= size and set(people) & set(named)), []
    )


def _same_sentence(events: list[Event], index: int, size: int, named: dict) -> list[str]:
    """ "Wang invited Cho to Beijing, and the two sides agreed ...": the parties of an
    earlier event of the same sentence, of whatever kind."""
    here = events[index].evidence[0].start if events[index].evidence else None
    same = [e for e in events[:index] if e.evidence and e.evidence[0].start == here]
    return _parties(same, len(same), size, named) if same else []


def joins(noun, verb) -> bool:
    """ "X joined the demonstration": X takes part in one reported before."""
    if verb is None or verb.i == noun.i or verb.lemma_.lower() != "join":
        return False
    return noun.dep_ == "dobj" and any(c.lower_ in DEFINITE for c in noun.children)


def resolve(
    events: list[Event],
    pointers: dict[int, Pointer],
    named: dict[str, bool] | None = None,
    side: Callable[[str], set[str]] = lambda eid: {eid},
) -> list[Event]:
    """Give each pointing event with no named recipient the people its noun points back
    to (over descriptions a misparse attached to the noun: "the plan in a statement");
    "the two sides" become the parties of the earlier event. Events whose only actor was
    such a pair and that find none are dropped: PLOVER codes who did what. `side(eid)`:
    the entity and the state it speaks for (no one rejects their own side's claims)."""
    for index, event in enumerate(events):
        ptr = pointers.get(id(event))
        if ptr is not None and ptr.take == "join":
            earlier = next((e for e in reversed(events[:index]) if e.type in ptr.categories), None)
            if earlier is not None:
                earlier.actor.extend(a for a in event.actor if a not in earlier.actor)
                event.actor = []  # told once: the earlier event now has this actor too
            continue
        if ptr is not None and ptr.take == "pair":
            parties = _same_sentence(events, index, ptr.size, named or {})
            if not parties:
                kind = {k: v for k, v in (named or {}).items() if v == (ptr.categories == PEOPLE)}
                parties = _parties(events, index, ptr.size, kind)
            if ptr.of_recipient:
                event.recipient += [p for p in parties if p not in event.actor + event.recipient]
            else:
                event.actor = [p for p in parties if p not in event.recipient]
            continue
        own = [r for r in event.recipient if r not in ptr.content] if ptr else []
        if ptr is None or any(r in (named or {}) for r in own):
            continue  # a named recipient beats the noun's: "rejected the claims by X"
        ours = {s for a in event.actor for s in side(a)}
        earlier = _antecedent(events[:index], ptr, ours)
        if earlier is None:
            continue
        if ptr.take == "targets":  # a part denied in an act: the act's targets
            event.recipient += [r for r in earlier.recipient if r not in event.actor]
            continue
        people = earlier.actor + (earlier.recipient if ptr.take == "parties" else [])
        event.recipient = [p for p in dict.fromkeys(people) if p not in event.actor]
        event.recipient += [r for r in own if r not in event.recipient + event.actor]
    return [e for e in events if e.actor]


def _antecedent(before: list[Event], ptr: Pointer, ours: set[str]) -> Event | None:
    """The earlier event the noun names, made by another side than the pointer's. One
    the same word triggered ("lodged a protest" for "the protest") wins; then, for
    claims, the latest one aimed at the pointer's side ("Y accused X ... Z accused W ...
    X rejected the charge"); then, among the last few events, the noun's likeliest
    category ("the ultimatum" is a threat before it is a demand); then the nearest."""
    fits = [e for e in reversed(before) if e.type in ptr.categories and not set(e.actor) <= ours]
    if ptr.echo:
        return next((e for e in fits if _says(e, ptr.noun)), None)
    same = next((e for e in fits if ptr.noun and ptr.noun in e.trigger.split()), None)
    if same is not None:
        return same
    if ptr.take == "makers" and "ACCUSE" in ptr.categories:
        aimed = next((e for e in fits if set(e.recipient) & ours), None)
        if aimed is not None:
            return aimed
    order = list(ptr.categories)
    recent = [e for e in reversed(before[-RECENT:]) if e.type in ptr.categories]
    if recent:
        return min(recent, key=lambda e: order.index(e.type))
    return next(iter(fits), None)


def _says(event: Event, noun: str) -> bool:
    said = evidence_words(event)
    return noun in said or noun + "s" in said


def evidence_words(event: Event) -> set[str]:
    """The lower-cased words of an event's evidence sentences."""
    return {w.strip('.,;:"“”()').lower() for e in event.evidence for w in e.text.split()}
