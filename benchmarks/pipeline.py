"""Full-pipeline throughput as a ratio to spaCy alone.

    python benchmarks/pipeline.py [N]

Generates N short news-like texts (default 200), times `nlp.pipe` alone, then
nlp + entities.find + entities.resolve (+ events.extract when it exists) over
the same texts in the same process, and prints a table. The ratio says what the
pipeline around the model costs.
"""

from __future__ import annotations

import random
import sqlite3
import sys
import time
from pathlib import Path

from newsledger import entities, events, nlp
from newsledger.document import Document
from newsledger.entities import resolution
from newsledger.store.sqlite_kb import KBTables

MIGRATION = (
    Path(__file__).resolve().parents[1] / "src/newsledger/store/migrations/0002_knowledge_base.sql"
)
GIVEN = ["Amina", "Carlos", "Tariq", "Maria", "Peter", "Olga", "Kwame", "Rachel", "Javed", "Lena"]
FAMILY = [
    "Bello",
    "Mendes",
    "Mehmood",
    "Lopez",
    "Mwangi",
    "Ivanova",
    "Mensah",
    "Whitfield",
    "Akhtar",
]
COUNTRIES = [
    "Kenyan",
    "Brazilian",
    "Pakistani",
    "Mexican",
    "Russian",
    "Ghanaian",
    "Canadian",
    "Indian",
]
TITLES = ["Foreign Minister", "President", "Interior Minister", "Senator", "opposition leader"]
VERBS = ["met", "criticised", "urged", "thanked", "accused", "called on"]


class MemoryKB(KBTables):
    def __init__(self) -> None:
        self.conn = sqlite3.connect(":memory:", isolation_level=None)
        self.conn.executescript(MIGRATION.read_text())


def person(rng: random.Random) -> str:
    return f"{rng.choice(COUNTRIES)} {rng.choice(TITLES)} {rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def text(rng: random.Random) -> str:
    a, b = person(rng), person(rng)
    sentences = [
        f"{a} {rng.choice(VERBS)} {b} on Monday, officials said.",
        "The talks in Nairobi followed weeks of protests, and police detained dozens of students.",
        f"{a.split()[-1]} told reporters that the government would not back down.",
        "US lawmakers and the European Union (EU) urged both sides to show restraint.",
        "Militants attacked a checkpoint near the border, the army said in a statement.",
    ]
    rng.shuffle(sentences)
    return " ".join(sentences * 2)


def docs_for(texts: list[str]) -> list[Document]:
    return [
        Document(f"b{n}.txt", t.encode(), "text", text=t, body=t, language="en")
        for n, t in enumerate(texts)
    ]


def _spacy_alone(model, texts: list[str]) -> float:
    t0 = time.perf_counter()
    list(model.pipe(texts))
    return time.perf_counter() - t0


def main(n: int = 200) -> None:
    rng = random.Random(7)
    texts = [text(rng) for _ in range(n)]
    model = nlp.model()
    list(model.pipe(texts[:10]))  # warm-up

    spacy_s = _spacy_alone(model, texts)

    docs, kb = docs_for(texts), MemoryKB()
    t0 = time.perf_counter()
    nlp.annotate(docs)
    t1 = time.perf_counter()
    for doc in docs:
        entities.find(doc)
    t2 = time.perf_counter()
    entities.resolve(docs, kb)
    t3 = time.perf_counter()
    for doc in docs:
        events.extract(doc)
    t4 = time.perf_counter()
    spacy_s = min(spacy_s, _spacy_alone(model, texts))  # before and after: the machine is shared

    total = t4 - t0
    rows = [
        ("spaCy nlp.pipe alone", spacy_s),
        ("nlp.annotate", t1 - t0),
        ("entities.find", t2 - t1),
        ("entities.resolve", t3 - t2),
        ("events.extract", t4 - t3),
        ("full pipeline", total),
    ]
    print(f"{n} documents, {sum(len(t) for t in texts) / n:.0f} chars each")
    print(f"{'stage':<24}{'seconds':>10}{'docs/s':>10}{'x spaCy':>10}")
    for name, secs in rows:
        print(f"{name:<24}{secs:>10.2f}{n / secs if secs else 0:>10.1f}{secs / spacy_s:>10.2f}")
    print(f"candidate comparisons per document: {resolution.STATS['comparisons'] / n:.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
