"""NLP stage: parsed once, batched, non-English skipped with a note."""

from newsledger import nlp
from newsledger.document import Document


def make(body: str, language: str | None = "en") -> Document:
    return Document("t.txt", body.encode(), "text", text=body, body=body, language=language)


def test_english_documents_are_parsed_with_sentence_offsets():
    body = "The mayor opened the bridge. Residents cheered loudly."
    doc = nlp.annotate([make(body)])[0]
    assert doc.nlp is not None
    assert [body[s:e] for s, e in doc.sentences] == [
        "The mayor opened the bridge.",
        "Residents cheered loudly.",
    ]


def test_non_english_and_empty_documents_are_skipped_with_a_note():
    fr, empty = make("Le ministre a parlé.", "fr"), make("   ")
    nlp.annotate([fr, empty])
    assert fr.nlp is None and empty.nlp is None
    assert fr.notes == ["language 'fr': NLP skipped"]


def test_model_is_loaded_once():
    assert nlp.model() is nlp.model()


def test_a_dateline_prefix_is_its_own_sentence():
    body = "KELDOR, May 3 (Wire) - Foreign Minister Dalia Orvath met her Tarsian counterpart."
    doc = make(body)
    doc.lead = body.index("Foreign")
    nlp.annotate([doc])
    first, second = (body[s:e] for s, e in doc.sentences[:2])
    assert first.startswith("KELDOR") and second.startswith("Foreign Minister")
    met = next(t for t in doc.nlp if t.lemma_ == "meet")
    assert [c.text for c in met.children if c.dep_ == "nsubj"] == ["Orvath"]


def test_a_line_break_ends_a_sentence():
    body = "Ministers meet over river border\nThe two ministers met in Keldor on Monday."
    doc = nlp.annotate([make(body)])[0]
    assert [body[s:e].strip() for s, e in doc.sentences] == [
        "Ministers meet over river border",
        "The two ministers met in Keldor on Monday.",
    ]


def test_no_sentence_starts_without_final_punctuation_before_it():
    body = (
        "The alliance urged both sides to show restraint. Its ameer Dr Shafiqur Rahman called "
        'on Chief Adviser Professor Muhammad Yunus to convene a dialogue "without delay". '
        '"We will wait," she said. Talks resume on Monday.'
    )
    doc = nlp.annotate([make(body)])[0]
    starts = [body[s:e].split()[0] for s, e in doc.sentences]
    assert "Chief" not in starts
    assert starts[0] == "The" and "Talks" in starts
