"""The parser and the entity recognizer stepped from Python parse as spaCy's own loop does."""

import importlib

from spacy.tokens import Span

from newsdesk.understand.attribution import DEFAULT_MODEL, load_pipeline
from newsdesk.understand.attribution.analysis import use_numpy_blas
from newsdesk.understand.attribution.steps import SteppedParse
from newsdesk.understand.attribution.tagging import replace_attributes

TEXTS = [
    "Harbour officials said on Tuesday that 2,400 containers had been held at the port of "
    "Valby. “We are doing what we can,” said Mira Lund, the port authority's director.",
    "",
    "The union disagreed.\n\nIts chairman, Tomas Berg, told Radio North that crews were "
    "exhausted and that the Harbour Workers Union would strike in May.",
    "   ",
    "Mayor Hanna Berg has promised repairs.",
    # A paragraph break the pipeline marks as a sentence start before the parser runs.
    "Berg Says Harbour Will Reopen in May\n\nVALBY -- Mayor Hanna Berg said it would reopen.",
]


def analyses(docs):
    return [
        ([(t.head.i, t.dep_) for t in doc], [(e.start, e.text, e.label_) for e in doc.ents])
        for doc in docs
    ]


def test_the_parser_and_the_recognizer_are_stepped_under_their_own_names():
    nlp = load_pipeline()
    assert isinstance(nlp.get_pipe("parser"), SteppedParse)
    assert isinstance(nlp.get_pipe("ner"), SteppedParse)
    assert nlp.get_pipe("ner").component.name == "ner"


def spacys_own_loop():
    reference = replace_attributes(use_numpy_blas(importlib.import_module(DEFAULT_MODEL).load()))
    reference.add_pipe("paragraph_sentences", before="parser")
    assert not any(isinstance(c, SteppedParse) for _, c in reference.pipeline)
    return reference


def test_a_batch_parses_as_in_spacys_own_loop():
    ours = analyses(load_pipeline().pipe(TEXTS, batch_size=4))
    assert ours == analyses(spacys_own_loop().pipe(TEXTS, batch_size=4))
    assert ("Mira Lund", "PERSON") in [(text, label) for _, text, label in ours[0][1]]
    assert ours[1] == ([], []) and ours[4][0][2] == (4, "nsubj")


def test_entities_set_before_the_recognizer_are_kept_as_in_spacys_own_loop():
    def run(nlp):
        doc = nlp.make_doc(TEXTS[2])
        doc.ents = [Span(doc, 8, 10, "ORG")]  # "Tomas Berg", named before the recognizer
        for _, component in nlp.pipeline:
            doc = component(doc)
        return analyses([doc])

    ours = run(load_pipeline())
    assert (8, "Tomas Berg", "ORG") in ours[0][1]  # which would otherwise find a person
    assert ours == run(spacys_own_loop())
