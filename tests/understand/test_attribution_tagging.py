"""The parts of speech and lemmas set from the tagger's tags, against the pipeline's own
attribute ruler and lemmatizer on text written for these tests."""

import importlib

from newsdesk.understand.attribution import DEFAULT_MODEL, load_pipeline

TEXT = (
    "There is something the council has not said. Officials were told that the bridge had "
    "been closed, and the mayor, who did not comment, hoped it would reopen. “We can't "
    "wait,” residents said, adding that nobody does anything about it. Those who know say "
    "the ferries got delayed again; reports suggested they're being rebuilt."
)


def test_parts_of_speech_and_lemmas_match_the_pipelines_own():
    nlp = load_pipeline()
    assert "attribute_ruler" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    reference = importlib.import_module(DEFAULT_MODEL).load()
    ours, theirs = nlp(TEXT), reference(TEXT)
    assert [t.tag_ for t in ours] == [t.tag_ for t in theirs]
    assert [(t.text, t.pos_) for t in ours] == [(t.text, t.pos_) for t in theirs]
    lemmas = [(t.text, t.lemma_) for t in ours if t.pos_ in ("VERB", "AUX", "NOUN")]
    assert lemmas == [(t.text, t.lemma_) for t in theirs if t.pos_ in ("VERB", "AUX", "NOUN")]
    assert ("said", "say") in lemmas and ("reports", "report") in lemmas


def test_other_words_get_no_lemma():
    doc = load_pipeline()("Mayor Hanna Berg said it quickly.")
    assert [t.lemma_ for t in doc if t.pos_ not in ("VERB", "AUX", "NOUN")] == [""] * 6
