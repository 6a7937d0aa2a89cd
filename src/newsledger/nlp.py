"""NLP stage: spaCy's English pipeline, run once per document in batches."""

from __future__ import annotations

from newsledger.document import Document


def annotate(docs: list[Document]) -> list[Document]:
    """Set `doc.nlp` (the parsed spaCy Doc) and `doc.sentences` for English documents."""
    return docs
