"""Synthetic news pages for benchmarks: plain-text dumps with real-looking boilerplate.

Each page is built from its own `random.Random(f"{seed}:{index}")`, so page 7 of seed 0
is the same text whether 10 or 10,000 pages are generated, pages can be produced one at
a time (memory stays flat), and two runs with the same seed give the same bytes.
Names are assembled from syllables and every sentence has several random slots, so no
two pages come near the near-duplicate threshold: the benchmark measures ingest, not
deduplication. The word lists are test scaffolding, not vocabularies the pipeline
uses, which is why they live here rather than under src/newsledger/data/.

Use as a module (`iter_pages`, `write_pages`, `iter_documents`) or from the shell:
`python benchmarks/generate.py 1000 /tmp/pages --seed 3`.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from newsledger.document import Document

# fmt: off
SYLLABLES = (
    "var", "ne", "kel", "dor", "sol", "mer", "bri", "tan", "lo", "ven", "ris", "ma", "qua",
    "ost", "ral", "fen", "hal", "dar", "vin", "sel", "mo", "ka", "tru", "pel", "zan", "gor",
    "li", "via", "bel", "nor", "tes", "ru", "cam", "dra", "fi", "lun", "sa", "gev", "pra",
    "hor", "ula", "yen", "dus", "kor", "ami", "tal", "be", "sti",
)
ROLES = (
    "foreign minister", "defence minister", "interior minister", "prime minister", "president",
    "opposition leader", "finance minister", "army chief", "mayor", "speaker of parliament",
    "party spokesperson", "trade minister", "ambassador",
)
BODIES = (
    "Unity Front", "National Renewal", "Green Alliance", "Farmers' Union", "Bar Association",
    "Coastal League", "Workers' Congress", "Reform Party", "Human Rights Watchers",
    "Red Lantern Society", "Press Freedom Council", "Chamber of Commerce",
)
ACTIONS = (
    "met", "accused", "urged", "criticised", "praised", "threatened", "thanked", "warned",
    "called on", "endorsed", "rejected an offer from", "signed a deal with", "condemned",
    "sent aid to", "imposed sanctions on", "held talks with", "appealed to", "denied claims by",
)
TOPICS = (
    "border crossings", "fishing quotas", "grain exports", "detained journalists",
    "early elections", "arms smuggling", "flood relief", "customs duties", "a gas pipeline",
    "water rights", "refugee camps", "a railway link", "teachers' pay", "port fees",
    "mining licences", "a disputed census", "election monitors", "prison conditions",
)
DAYS = (
    "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
    "on Sunday", "last week", "earlier this month", "yesterday",
)
SAYS = (
    "told reporters", "said in a statement", "said at a news conference",
    "wrote on social media", "told parliament", "said in an interview",
)
ADJECTIVES = (
    "serious", "unacceptable", "constructive", "urgent", "historic", "fragile", "long-awaited",
    "controversial", "modest", "decisive", "cautious", "bitter",
)
NOUNS = (
    "agreement", "proposal", "investigation", "ceasefire", "reform", "inquiry", "budget",
    "protest", "ruling", "treaty", "plan", "campaign", "summit", "report",
)
SEPARATORS = (
    " | ", " · ", "  ",
)
SECTIONS = (
    "Home", "News", "Politics", "World", "Region", "Economy", "Opinion", "Sport", "Culture",
    "Video", "Weather", "Contact",
)
# fmt: on


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


class _Cast:
    """The people and places one page talks about, so its sentences hang together."""

    def __init__(self, rng: random.Random) -> None:
        self.countries = [_word(rng, 3) + rng.choice(("ia", "a", "and", "istan")) for _ in range(3)]
        self.cities = [_word(rng, 2) for _ in range(4)]
        self.people = [f"{_word(rng, 2)} {_word(rng, 3)}" for _ in range(5)]
        self.bodies = rng.sample(BODIES, 3)


def _slots(rng: random.Random, cast: _Cast) -> dict[str, str]:
    return {
        "person": rng.choice(cast.people),
        "other": rng.choice(cast.people),
        "role": rng.choice(ROLES),
        "country": rng.choice(cast.countries),
        "city": rng.choice(cast.cities),
        "body": rng.choice(cast.bodies),
        "action": rng.choice(ACTIONS),
        "topic": rng.choice(TOPICS),
        "day": rng.choice(DAYS),
        "says": rng.choice(SAYS),
        "adj": rng.choice(ADJECTIVES),
        "noun": rng.choice(NOUNS),
        "n": str(rng.randint(2, 9800)),
    }


TEMPLATES = (
    "{country}'s {role} {person} {action} {other} in {city} {day} over {topic}.",
    "\u201cThis {noun} is {adj},\u201d {person} {says}, adding that {n} people were affected.",
    "According to sources in {city}, the {body} {action} the government over {topic} {day}.",
    "The {body} said the {adj} {noun} on {topic} would be put to a vote within {n} days.",
    "{person}, the {role}, {action} officials from {country} {day}, the {body} said.",
    "Critics called the {noun} {adj} and said {topic} had been ignored for {n} weeks.",
    "{other} reportedly {action} the {body} after a {adj} meeting in {city}.",
    "In {city}, about {n} supporters of the {body} gathered to demand action on {topic}.",
    "Officials in {country} denied that the {noun} was linked to {topic}, {person} {says}.",
    "{country} and its neighbours have argued about {topic} since a {adj} {noun} in {city}.",
)


def _paragraph(rng: random.Random, cast: _Cast) -> str:
    count = rng.randint(2, 4)
    return " ".join(rng.choice(TEMPLATES).format(**_slots(rng, cast)) for _ in range(count))


def _headline(rng: random.Random, cast: _Cast) -> str:
    slots = _slots(rng, cast)
    return f"{slots['person']} {slots['action']} {slots['country']} over {slots['topic']}"


def _boilerplate_top(rng: random.Random, outlet: str, headline: str, day: date) -> list[str]:
    nav = rng.choice(SEPARATORS).join([outlet, *rng.sample(SECTIONS, 7)])
    dated = rng.choice((f"Published: {day:%d %B %Y}", "Date:", f"Posted on: {day:%m/%d/%Y}"))
    lines = [nav, "", headline, headline if rng.random() < 0.5 else "", dated, ""]
    lines.append(
        f"{headline.split(' over ')[0]} in {rng.choice(SYLLABLES).title()}. — Photo: Staff"
    )
    lines.append(f'[newsletter_form id="{rng.randint(1, 9)}"]')
    return lines


def _boilerplate_bottom(rng: random.Random, cast: _Cast, outlet: str, day: date) -> list[str]:
    teasers = [f"{_headline(rng, cast)[: rng.randint(30, 60)].rstrip()}..." for _ in range(3)]
    stamp = f"{day:%Y-%m-%d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00"
    return [
        rng.choice(("Related", "Popular", "More like this")),
        *teasers,
        "",
        f"Subscribe to {outlet} for unlimited access. Already a subscriber? Sign in",
        f"© {day.year} {outlet} · Page rendered {stamp}",
    ]


def page(index: int, seed: int = 0) -> str:
    """Page `index` of the synthetic corpus `seed`, as a scraped text dump."""
    rng = random.Random(f"{seed}:{index}")
    cast = _Cast(rng)
    outlet = f"{rng.choice(cast.cities)} {rng.choice(('Herald', 'Post', 'Courier', 'Voice'))}"
    day = date(2024, 1, 1) + timedelta(days=rng.randint(0, 700))
    headline = _headline(rng, cast)
    dateline = f"{rng.choice(cast.cities).upper()} — "
    paragraphs = [_paragraph(rng, cast) for _ in range(rng.randint(5, 7))]
    paragraphs[0] = dateline + paragraphs[0]
    body = "\n\n".join(paragraphs).split("\n")
    lines = _boilerplate_top(rng, outlet, headline, day) + [""] + body + [""]
    return "\n".join(lines + _boilerplate_bottom(rng, cast, outlet, day)) + "\n"


def iter_pages(n: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """(file name, text) for pages 0..n-1, one at a time."""
    for index in range(n):
        yield f"synthetic-{seed}-{index:06d}.txt", page(index, seed)


def write_pages(folder: str | Path, n: int, seed: int = 0) -> int:
    """Write n pages into `folder` (created if missing); returns how many were written."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in iter_pages(n, seed):
        (out / name).write_text(text, encoding="utf-8")
    return n


def iter_documents(n: int, seed: int = 0) -> Iterator[Document]:
    """The same pages as reader output, for benchmarks that skip the file system."""
    for name, text in iter_pages(n, seed):
        raw = text.encode("utf-8")
        yield Document(source=f"synthetic/{name}", raw=raw, kind="text", text=text)


def main() -> None:
    parser = argparse.ArgumentParser(description="Write synthetic text-dump news pages.")
    parser.add_argument("n", type=int, help="how many pages")
    parser.add_argument("folder", help="where to write them")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(f"wrote {write_pages(args.folder, args.n, args.seed)} pages to {args.folder}")


if __name__ == "__main__":
    main()
