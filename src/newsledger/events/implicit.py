"""Implicit recipients: whom an event is aimed at when its sentence names nobody.

Reporters name a target once and let the next sentences lean on it: "Tashiev accused
Tajik soldiers of firing first. 'Any repetition will receive a firm answer,' he
warned." The warning is aimed at the same side. A reader also knows that "X denied
it" answers whoever just acted against X, and that a demonstration with no named
target is aimed at the government of the country it happens in. Praise or criticism
of "the step" judges whoever took the last step, and an appeal or a commitment to no
one named is made to the article's state. Failing all these, an act or a commitment by
one side is aimed at whoever that side deals with most often in the article. Only
events the parse left without a named recipient (none, or only a description or a
place: "the diplomat", "the country") are filled, next to what they have, and only
from the article's other events or its country.
"""

from __future__ import annotations

from collections.abc import Callable

from newsledger.document import Event
from newsledger.events.anaphora import evidence_words
from newsledger.events.lexicon import words

AIMED = {"ACCUSE", "REJECT", "THREATEN", "REQUEST", "SANCTION", "ASSAULT", "COERCE"}
ANSWERS = {"REJECT", "ACCUSE", "THREATEN"}  # what may answer an act against the actor
RECIPROCAL = {"COOPERATE"}  # done together: each actor is the other's recipient
REACTIONS = {"SUPPORT", "ACCUSE", "REJECT"}  # what may judge another party's latest act
STATEWARD = {"ACCUSE", "REQUEST", "AGREE"}  # with no one named, aimed at the article's state
PLEDGES = {"AGREE"}  # a commitment naming no one is made to the usual counterpart
WINDOW = 3  # how many earlier events a continuation or an answer may lean on


def fill(
    events: list[Event],
    is_place: Callable[[str], bool],
    home: str | None,
    side: Callable[[str], set[str]] = lambda eid: {eid},
    is_actor: Callable[[str], bool] = lambda eid: True,
    judges: Callable[[Event], bool] = lambda ev: True,
    state_of: Callable[[str], list[str]] = lambda eid: [],
) -> None:
    """Give events with no named target the one their neighbours make plain (in place).
    `side(eid)`: the entity and the state it speaks for (a spokesman and his country);
    `is_actor(eid)`: a named party a protest can be aimed at, not a description;
    `judges(event)`: the event may judge an earlier act (not "rejected a proposal");
    `state_of(eid)`: the state an official or a state body acts for."""
    for index, event in enumerate(events):
        # a recipient that is only a description or a place ("the diplomat", "the
        # country") leaves the named target to be found, next to it
        if not event.actor:
            continue
        ours = {s for a in event.actor for s in side(a)}
        if any(is_actor(r) and r not in ours for r in event.recipient):
            continue
        before = events[max(0, index - WINDOW) : index]
        if event.type == "PROTEST":
            if home and home not in event.actor and not event.recipient:
                event.recipient = [home]
            continue
        if event.type not in AIMED | REACTIONS | PLEDGES:
            continue
        if event.attributed_to:  # "X rejected ..., saying Mexico will not ...": X's own side
            ours |= side(event.attributed_to)
        found = (
            (_continued(ours, before) if event.type in AIMED else [])
            or (_answered(ours, before) if event.type in ANSWERS else [])
            or (_culprit(ours, events[:index]) if event.type == "ACCUSE" else [])
            or (_reacted(ours, before) if event.type in REACTIONS and judges(event) else [])
            or (_usual_target(ours, events, is_actor) if event.type in AIMED | PLEDGES else [])
            or ([home] if home and home not in ours and event.type in STATEWARD else [])
        )
        event.recipient += [r for r in found if r not in event.recipient]
    for event in events:  # "X and Y held joint drills": each side works with the other
        sides = [a for a in event.actor if is_actor(a)]
        if event.type not in RECIPROCAL or len(sides) < 2:
            continue
        if not any(is_actor(r) and r not in sides for r in event.recipient):
            event.recipient += [a for a in sides if a not in event.recipient]
    for index, event in enumerate(events):  # "demanded the man's release": of his jailers
        if _asks_release(event) and not any(is_actor(r) for r in event.recipient):
            ours = {s for a in event.actor for s in side(a)}
            jailers = _jailers(ours, events[:index])
            event.recipient += [j for j in jailers if j not in event.recipient]
    for index, event in enumerate(events):  # "police fired tear gas at the crowd": at
        # the named group whose protest it was
        if event.type in CROWD_FORCE and not any(is_actor(r) for r in event.recipient):
            marchers = _marchers(event, index, events, is_actor)
            event.recipient += [m for m in marchers if m not in event.recipient + event.actor]
    for event in events:  # "rallied in Bamako": a place is no target of a protest
        if _placed_protest(event, is_place, home):
            event.recipient = [home]
        elif _untargeted_protest(event, is_actor, home):
            event.recipient.append(home)  # "marched demanding the release of X": at the state
    for event in events:  # "rejected the foreign minister's charge": the state's charge too
        states = [s for r in event.recipient for s in state_of(r)]
        event.recipient += [
            s for s in dict.fromkeys(states) if s not in event.recipient + event.actor
        ]


FORCE = {"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"}  # acts of force, not of words
CROWD_FORCE = {"ASSAULT", "COERCE"}  # force that can be used on a crowd


def _marchers(
    event: Event, index: int, events: list[Event], is_actor: Callable[[str], bool]
) -> list[str]:
    """The named protesters of the protest nearest a use of force on a crowd ("arrested
    40 protesters"): the latest before it, else the next one after it."""
    if not {w.removesuffix("s") for w in evidence_words(event)} & words("crowd_nouns"):
        return []
    nearest = [*reversed(events[:index]), *events[index + 1 : index + 1 + WINDOW]]
    for other in nearest:
        named = [a for a in other.actor if is_actor(a)]
        if other.type == "PROTEST" and named:
            return named
    return []


def _asks_release(event: Event) -> bool:
    return event.type == "REQUEST" and bool(evidence_words(event) & words("release_words"))


def _jailers(ours: set[str], before: list[Event]) -> list[str]:
    """Whoever last detained someone, not the asking side."""
    return _last_actors(ours, before, {"COERCE"})


def _culprit(ours: set[str], before: list[Event]) -> list[str]:
    """ "Japan also expressed serious concern": concern at whoever last used force."""
    return _last_actors(ours, before, FORCE)


def _last_actors(ours: set[str], before: list[Event], types: set[str]) -> list[str]:
    """The actors of the latest event of `types` that really happened, not `ours`."""
    for earlier in reversed(before):
        if earlier.type in types and not earlier.negated and not set(earlier.actor) & ours:
            return list(earlier.actor)
    return []


def _placed_protest(event: Event, is_place: Callable[[str], bool], home: str | None) -> bool:
    if event.type != "PROTEST" or not home or not event.recipient or home in event.actor:
        return False
    return all(is_place(r) for r in event.recipient)


def _untargeted_protest(event: Event, is_actor: Callable[[str], bool], home: str | None) -> bool:
    if event.type != "PROTEST" or not home or home in event.actor + event.recipient:
        return False
    return not any(is_actor(r) for r in event.recipient)


def _continued(ours: set[str], before: list[Event]) -> list[str]:
    """The same side's latest target: "X accused Y ... X warned"."""
    for earlier in reversed(before):
        if set(earlier.actor) & ours and earlier.recipient:
            return [r for r in earlier.recipient if r not in ours]
    return []


def _usual_target(
    ours: set[str], events: list[Event], is_actor: Callable[[str], bool]
) -> list[str]:
    """The party the actor's side deals with most often in the whole article: in a
    dispute between two sides, "Manila ruled out withdrawing" is aimed at the other side
    and "Abuja remains committed to dialogue" is a commitment to it, even when the last
    few events were about someone else."""
    counts: dict[str, int] = {}
    for ev in events:
        if set(ev.actor) & ours:
            for r in ev.recipient:
                if is_actor(r) and r not in ours:
                    counts[r] = counts.get(r, 0) + 1
    return [max(counts, key=counts.__getitem__)] if counts else []


def _answered(ours: set[str], before: list[Event]) -> list[str]:
    """Whoever last acted against the actor's side: "Y accused X ... X denied it"."""
    for earlier in reversed(before):
        if set(earlier.recipient) & ours:
            return [a for a in earlier.actor if a not in ours]
    return []


def _reacted(ours: set[str], before: list[Event]) -> list[str]:
    """ "Y launched a procedure against X. Z welcomed the step": the judgement is of
    the latest act by another side, so aimed at whoever did it."""
    for earlier in reversed(before):
        if set(earlier.actor) - ours:
            return [a for a in earlier.actor if a not in ours]
    return []
