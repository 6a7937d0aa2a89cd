"""Named mentions from spaCy's NER, repaired where the small model errs.

Repairs: a leading "the" and a trailing possessive leave the name; honorifics
and titles in front of a person's name leave the name (the titles module turns
them into a role); "X and Y" wrongly joined into one entity is split; a country
name or demonym tagged as an organisation or person is re-typed from the
gazetteer; country abbreviations the model missed ("UK officials") are added.
"""

from __future__ import annotations

import calendar
from functools import cache

from spacy.matcher import PhraseMatcher

from newsledger.document import Mention
from newsledger.entities import gazetteer
from newsledger.entities.vocab import (
    honorifics,
    name_particles,
    nominal_nouns,
    portfolio_heads,
    portfolios,
    title_heads,
    title_words,
)

LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"}
_POSSESSIVE = ("'s", "’s", "'", "’")


def named(sdoc, lead: int = 0) -> list[Mention]:
    """Named mentions; `lead` is where the dateline ends: what stands before it is a place."""
    out: list[Mention] = []
    taken: set[int] = set()
    for ent in _joined_people(sdoc):
        if ent.label_ not in LABELS:
            continue
        for start, end in _split_lists(ent):
            m = _repair(sdoc, start, end, ent.label_)
            if m:
                out.append(m)
                taken.update(range(m.start, m.end))
    out = _coordinated_names(sdoc, sorted(out, key=lambda m: m.start))
    out.extend(_abbreviations(sdoc, taken))
    out.extend(_countries(sdoc, taken))
    out = _acronym_expansions(sdoc, out)
    out = _country_prefixed(sdoc, sorted(out, key=lambda m: m.start))
    out = _people_of_country(sdoc, sorted(out, key=lambda m: m.start))
    for m in out:
        _owned_body(m)
    place_end = sdoc.text.find("(", 0, lead) if "(" in sdoc.text[:lead] else lead
    for m in out:
        if m.end <= place_end and m.label in {"ORG", "PERSON", "NORP"}:
            m.label = "GPE"  # "ANKARA (AP) —": the place filed from, not the agency
    return sorted(out, key=lambda m: m.start)


def _joined_people(sdoc) -> list:
    """NER entities, with two PERSON spans that touch read as one name.

    The small model splits long names ("Mirza Fakhrul" + "Islam Alamgir"); two
    people are never written side by side without a comma or "and" between them.
    """
    from spacy.tokens import Span

    out: list = []
    for ent in sdoc.ents:
        prev = out[-1] if out else None
        if prev is not None and prev.start <= ent.start < prev.end:
            continue  # swallowed by a name extended over its particles
        if prev is not None and prev.label_ == ent.label_ == "PERSON" and prev.end == ent.start:
            out[-1] = Span(sdoc, prev.start, ent.end, label="PERSON")
        elif ent.label_ == "PERSON":
            start = ent.start
            while start > 0 and sdoc[start - 1].lower_ in name_particles():
                start -= 1  # "Van den" + "Berg" at the start of a sentence
            if prev is not None and start < prev.end:
                start = ent.start
            start = _given_name_start(sdoc, start, ent.end, prev)
            end = _nickname_end(sdoc, start, ent.end) or _particle_end(sdoc, ent)
            out.append(Span(sdoc, start, _head_surname_end(sdoc, end), label="PERSON"))
        else:
            out.append(ent)
    return out


NICK_QUOTES = {'"', "“", "”", "'", "‘", "’"}


def _nickname_end(sdoc, start: int, end: int) -> int | None:
    """'Jimmy "Barbecue" Cherizier': NER stops at or inside the quoted nickname; the
    name runs on to the surname after the closing quote. None when no nickname follows."""
    inside = sum(t.text in NICK_QUOTES for t in sdoc[start:end]) % 2 == 1
    i = end
    if not inside:
        if i >= len(sdoc) or sdoc[i].text not in NICK_QUOTES:
            return None
        i += 1  # the opening quote
    while i < len(sdoc) and i < end + 4 and sdoc[i].text not in NICK_QUOTES:
        if not sdoc[i].is_title:
            return None
        i += 1
    surname = i + 1
    if surname < len(sdoc) and sdoc[i].text in NICK_QUOTES and sdoc[surname].is_title:
        return surname + 1
    return None


def _head_surname_end(sdoc, end: int) -> int:
    """ "Vladimir Padrino | López announced": NER stops before the name's own head, a
    second surname the parser attaches the rest to. Run on to it."""
    while (
        end < len(sdoc)
        and sdoc[end - 1].dep_ == "compound"
        and sdoc[end - 1].head.i == end
        and sdoc[end].pos_ == "PROPN"
        and sdoc[end].is_title
        and sdoc[end].ent_type_ in ("", "PERSON")
        and not _is_title_token(sdoc[end])
        and not _is_title_token(sdoc[end - 1])
    ):
        end += 1
    return end


def _given_name_start(sdoc, start: int, end: int, prev) -> int:
    """A first name NER left out of a compound surname: "Iratxe" + "García Pérez".

    Only one untagged capitalised proper noun in front of a name of two or more
    words, which is itself not preceded by another capitalised word (an
    organisation's name) and is no title or country word.
    """
    k = start - 1
    if end - start < 2 or k < 0 or (prev is not None and k < prev.end):
        return start
    tok = sdoc[k]
    if tok.ent_iob_ != "O" or tok.tag_ != "NNP" or not tok.text.istitle() or not tok.is_alpha:
        return start
    if _is_title_token(tok) or gazetteer.lookup(tok.text) or tok.is_sent_start:
        return start
    if tok.lower_ in portfolios() or tok.lower_ in nominal_nouns():
        return start  # "Secretary Interior <name>": a portfolio, not a first name
    if k > 0 and sdoc[k - 1].text[:1].isupper() and not sdoc[k - 1].is_sent_start:
        return start
    return k


def _particle_end(sdoc, ent) -> int:
    """End of a person's name that NER cut at a lowercase particle: "Ursula von der" +
    "Leyen" is "Ursula von der Leyen"."""
    k = ent.end
    while k < len(sdoc) and sdoc[k].text in name_particles():
        k += 1
    if k == ent.end and sdoc[ent.end - 1].text not in name_particles():
        return ent.end
    if k >= len(sdoc) or not sdoc[k].text[:1].isupper() or sdoc[k].pos_ != "PROPN":
        return ent.end
    while k + 1 < len(sdoc) and sdoc[k + 1].pos_ == "PROPN" and sdoc[k + 1].text[:1].isupper():
        if sdoc[k + 1].ent_iob_ != "I":
            break
        k += 1
    if k + 1 < len(sdoc) and sdoc[k + 1].lemma_.lower() in nominal_nouns():
        return ent.end  # "... coalition", "... party": an organisation's name, not a person's
    return k + 1


def _people_of_country(sdoc, found: list[Mention]) -> list[Mention]:
    """ "Iraqi" + "Kurds" tagged apart: the group as written is "Iraqi Kurds" (country IRQ)."""
    out = list(found)
    for a, b in zip(found, found[1:], strict=False):
        adjacent = sdoc.text[a.end : b.start] == " "
        if a.label == "NORP" and a.country and b.label == "NORP" and not b.country and adjacent:
            out.remove(b)
            text = sdoc.text[a.start : b.end]
            out.append(Mention(a.start, b.end, text, "NORP", country=a.country))
    return out


def _country_prefixed(sdoc, found: list[Mention]) -> list[Mention]:
    """ "US" + "Congress" tagged apart: the organisation as written is "US Congress"."""
    out = list(found)
    for a, b in zip(found, found[1:], strict=False):
        if (
            a.label == "GPE"
            and a.country
            and b.label == "ORG"
            and sdoc.text[a.end : b.start] in {" ", "'s ", "’s "}
        ):
            out.remove(b)
            out.append(
                Mention(a.start, b.end, sdoc.text[a.start : b.end], "ORG", country=a.country)
            )
    return out


STATE_BODIES = {"GOV", "LEG", "MIL", "COP", "JUD"}  # sectors of bodies a state owns


def _owned_body(m: Mention) -> None:
    """ "Government of Nepal", "Embassy of the United States in Bogota": a state body
    named after its state belongs to it, and its head noun gives its sector."""
    if m.label != "ORG" or m.kind != "named" or " of " not in m.text:
        return
    head, _, owner = m.text.partition(" of ")
    noun = head.split()[-1].lower() if head.split() else ""
    found = nominal_nouns().get(noun)
    if found is None or found[1] not in STATE_BODIES:
        return
    m.sector = m.sector or found[1]
    state = owner.rsplit(" of ", 1)[-1].split(" in ")[0].split(" to ")[0]
    hit = gazetteer.lookup(state)
    if not m.country and hit and hit[1] not in ("demonym", "capital"):
        m.country = hit[0]


def _acronym_expansions(sdoc, found: list[Mention]) -> list[Mention]:
    """ "Movimiento al Socialismo (MAS)": the acronym's letters fix the name's extent."""
    from newsledger.entities.keys import acronym, is_acronym

    out = list(found)
    for tok in sdoc[2:-1]:
        if not (
            is_acronym(tok.text) and sdoc[tok.i - 1].text == "(" and sdoc[tok.i + 1].text == ")"
        ):
            continue
        end = tok.i - 1
        for start in range(end - 1, max(end - 9, -1), -1):
            words = sdoc[start:end]
            if acronym(words.text) == tok.text and words[0].text[:1].isupper():
                out = [m for m in out if m.end <= words.start_char or m.start >= words.end_char]
                out.append(Mention(words.start_char, words.end_char, words.text, "ORG"))
                out.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "ORG"))
                break
    seen, unique = set(), []
    for m in out:
        if (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            unique.append(m)
    return unique


def _coordinated_names(sdoc, found: list[Mention]) -> list[Mention]:
    """ "the Socialists and Democrats", "the Greens and Liberals group": one name.

    Two capitalised plurals (no country or demonym) joined by "and", under one
    "the" or followed by a group noun, name one party group; NER tags the halves.
    """
    out = list(found)
    for a, b in zip(found, found[1:], strict=False):
        if sdoc.text[a.end : b.start] != " and ":
            continue
        if a.country or b.country or a.label not in _GROUP_LABELS or b.label not in _GROUP_LABELS:
            continue
        sa, sb = sdoc.char_span(a.start, a.end), sdoc.char_span(b.start, b.end)
        if sa is None or sb is None or not (_plural_name(sa[-1]) and _plural_name(sb[-1])):
            continue
        if len(sb) > 1:
            continue
        after = sdoc[sb.end].lower_ if sb.end < len(sdoc) else ""
        before = sdoc[sa.start - 1].lower_ if sa.start > 0 else ""
        families = _party_families()
        the_pair = before == "the" and len(sa) == 1 and {a.text.lower(), b.text.lower()} <= families
        if not (after in _list_name_heads() or the_pair):
            continue
        if a not in out or b not in out:
            continue
        out.remove(a)
        out.remove(b)
        end = sdoc[sb.end].idx + len(sdoc[sb.end]) if after in _list_name_heads() else b.end
        out.append(Mention(a.start, end, sdoc.text[a.start : end], "ORG"))
    return sorted(out, key=lambda m: m.start)


_GROUP_LABELS = {"NORP", "ORG"}


def _plural_name(tok) -> bool:
    """ "Democrats", "Greens": a capitalised plural (the tagger calls some NNP)."""
    return tok.tag_ == "NNPS" or (tok.tag_ == "NNP" and tok.text.endswith("s") and tok.is_title)


@cache
def _party_families() -> frozenset[str]:
    from newsledger.entities.vocab import load

    return frozenset(load("nominals")["party_families"])


@cache
def _list_name_heads() -> frozenset[str]:
    from newsledger.entities.vocab import load

    return frozenset(load("nominals")["list_name_heads"])


def _split_lists(ent) -> list[tuple[int, int]]:
    """Token ranges of an entity, split at "and"/"&" for people and places."""
    if ent.label_ not in {"PERSON", "GPE", "NORP"}:
        return [(ent.start, ent.end)]
    parts, start = [], ent.start
    for tok in ent:
        if tok.lower_ in {"and", "&", ","}:
            if tok.i > start:
                parts.append((start, tok.i))
            start = tok.i + 1
    if start < ent.end:
        parts.append((start, ent.end))
    return parts


def _repair(sdoc, start: int, end: int, label: str) -> Mention | None:
    while start < end and (sdoc[start].lower_ in {"the", "a", "an"} or sdoc[start].is_punct):
        start += 1
    while end > start and (sdoc[end - 1].text in _POSSESSIVE or sdoc[end - 1].is_punct):
        end -= 1
    if end <= start:
        return None
    if label == "PERSON":
        while end - start > 1 and _is_title_token(sdoc[start]):
            start += 1
        while end - start > 1 and sdoc[end - 1].lemma_.lower() in nominal_nouns():
            end -= 1  # "<name> Administration": the government is not part of the name
    if all(_is_title_token(t) or not _lettered(t) for t in sdoc[start:end]):
        return None  # "Brigadier", "Founder & Leader": a title alone is not a name
    if not any(t.text[:1].isupper() for t in sdoc[start:end]):
        return None  # "democratic": names are capitalised
    if _portfolio(sdoc, start, end, label):
        return None
    if _is_time_word(sdoc[start:end].text, label):
        return None
    if label == "NORP" and start > 0 and sdoc[start - 1].lower_ in _group_prefixes():
        start -= 1  # "ethnic Albanians" is the group as written
    span = sdoc[start:end]
    text = span.text
    if "\n" in text:  # a name never runs across lines: keep the first line's part
        text = text.split("\n")[0].strip()
    for suffix in _POSSESSIVE[:2]:
        text = text.removesuffix(suffix)
    if not any(c.isalpha() for c in text):
        return None
    label, country = _retype(span, text, label)
    if label == "PERSON" and len(text) < 2:
        return None
    return Mention(
        span.start_char, span.start_char + len(text), text, label, "named", country=country
    )


def _lettered(token) -> bool:
    """A word with letters: "E3" and "G20" are names, "&" and "2024" are not."""
    return any(c.isalpha() for c in token.text)


@cache
def _time_words() -> tuple[frozenset[str], frozenset[str]]:
    days = {d.lower() for d in calendar.day_name} | {d.lower() for d in calendar.day_abbr}
    months = {m.lower() for m in calendar.month_name if m}
    return frozenset(days), frozenset(months)


def _is_time_word(text: str, label: str) -> bool:
    """ "Wednesday" tagged ORG, "March" tagged GPE: a date is never an actor.
    A month may be a surname ("May"), so a month tagged PERSON stays."""
    days, months = _time_words()
    word = text.lower().removesuffix("s").strip(".")
    return word in days or (word in months and label != "PERSON")


def _portfolio(sdoc, start: int, end: int, label: str) -> bool:
    """ "Interior" in "Interior Minister X" is a portfolio, not an organisation."""
    if label != "ORG" or end >= len(sdoc) or sdoc[end].lower_ not in portfolio_heads():
        return False
    words = [t.lower_ for t in sdoc[start:end]]
    return any(w in portfolios() for w in words) and all(
        w in portfolios() or w in title_words() for w in words
    )


@cache
def _group_prefixes() -> frozenset[str]:
    from newsledger.entities.vocab import load

    return frozenset(load("nominals")["group_prefixes"])


def _is_title_token(tok) -> bool:
    word = tok.lower_.strip(".")
    return word in honorifics() or word in title_words() or word in {"former", "ex"}


def _retype(span, text: str, label: str) -> tuple[str, str | None]:
    hit = gazetteer.lookup(text, allow_abbreviation=label != "PERSON")
    if not hit and label == "ORG" and _titled_name(span):
        return "PERSON", None
    if not hit:
        if (
            label == "ORG"
            and span.start > 0
            and span.doc[span.start - 1].lower_.strip(".")
            in {
                "mr",
                "mrs",
                "ms",
                "dr",
            }
        ):
            return "PERSON", None
        return label, None
    iso3, how = hit
    if how == "demonym":
        return "NORP", iso3
    if how == "capital":
        return "GPE", None  # the city; it names a government only in some sentences
    return "GPE", iso3


def _titled_name(span) -> bool:
    """ "police spokesperson Dinesh Kumar Acharya" tagged ORG: a plain run of capitalised
    words right after a lowercase person title ("spokesperson", "senator") is a name."""
    if span.start == 0 or len(span) < 2:
        return False
    prev = span.doc[span.start - 1]
    if not prev.is_lower or prev.text not in title_heads() or prev.text in _ORG_TITLE_HEADS:
        return False
    return all(
        t.is_title
        and t.is_alpha
        and t.pos_ == "PROPN"
        and t.lower_ not in nominal_nouns()
        and t.lower_ not in title_words()
        for t in span
    )


_ORG_TITLE_HEADS = {"party", "parliament"}


def _abbreviations(sdoc, taken: set[int]) -> list[Mention]:
    """Country abbreviations ("UK envoy") and organisation acronyms that NER left out."""
    out = []
    for tok in sdoc:
        if tok.idx in taken or not tok.text.replace(".", "").isupper() or len(tok.text) < 2:
            continue
        if tok.pos_ not in {"PROPN", "NOUN"}:
            continue
        hit = gazetteer.lookup(tok.text)
        if hit and hit[1] == "abbr":
            out.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "GPE", country=hit[0]))
        elif tok.pos_ == "PROPN" and 3 <= len(tok.text) <= 6 and tok.text.isalpha():
            out.append(
                Mention(tok.idx, tok.idx + len(tok.text), tok.text, "ORG")
            )  # an acronym NER missed
    return out


@cache
def _country_matcher(vocab) -> PhraseMatcher:
    """Country names from the gazetteer, for the ones NER missed ("Uzbekistan opened ...")."""
    matcher = PhraseMatcher(vocab)
    names = {n for c in gazetteer.countries().values() for n in (c.name, *c.aliases) if n.isascii()}
    matcher.add("COUNTRY", [vocab_doc(vocab, n) for n in sorted(names)])
    return matcher


def vocab_doc(vocab, text: str):
    from spacy.tokens import Doc

    return Doc(vocab, words=text.replace("-", " - ").split())


def _countries(sdoc, taken: set[int]) -> list[Mention]:
    out = []
    for _, start, end in _country_matcher(sdoc.vocab)(sdoc):
        span = sdoc[start:end]
        if any(i in taken for i in range(span.start_char, span.end_char)):
            continue
        hit = gazetteer.lookup(span.text)
        if hit:
            out.append(Mention(span.start_char, span.end_char, span.text, "GPE", country=hit[0]))
            taken.update(range(span.start_char, span.end_char))
    return out
