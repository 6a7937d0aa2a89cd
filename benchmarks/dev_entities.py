"""Dev loop for the entities stage: seed-style .txt files -> export JSONL -> score.

    python benchmarks/dev_entities.py GOLD_DIR OUT.jsonl

Uses the clean/metadata stages when they work, otherwise the raw text; resolves
against an in-memory knowledge base (the KB migration on sqlite3 ':memory:').
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

from newsledger import entities, export, nlp
from newsledger.document import Document
from newsledger.store.sqlite_kb import KBTables

MIGRATION = (
    Path(__file__).resolve().parents[1] / "src/newsledger/store/migrations/0002_knowledge_base.sql"
)


class MemoryKB(KBTables):
    def __init__(self) -> None:
        self.conn = sqlite3.connect(":memory:", isolation_level=None)
        self.conn.executescript(MIGRATION.read_text())


def load(path: Path) -> Document:
    text = path.read_text(encoding="utf-8")
    doc = Document(str(path), text.encode(), "text", text=text, body=text, language="en")
    try:
        from newsledger.pipeline import prepare

        prepared = prepare(doc)
        if prepared.body.strip():
            doc = prepared
    except Exception:
        pass
    doc.body = doc.body or text
    doc.language = doc.language or "en"
    return doc


def main(gold_dir: str, out: str) -> None:
    docs = [load(p) for p in sorted(Path(gold_dir).glob("*.txt"))]
    nlp.annotate(docs)
    for doc in docs:
        entities.find(doc)
    entities.resolve(docs, MemoryKB())
    with open(out, "w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(export.record(doc), ensure_ascii=False) + "\n")
    print(f"{out}: {len(docs)} documents")


if __name__ == "__main__":
    main(*sys.argv[1:3])
