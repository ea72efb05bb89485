"""The pipeline multiplies with numpy's BLAS instead of blis, and parses as it did with blis;
a batch of articles analysed together comes out as each analysed alone."""

import importlib

from thinc.api import NumpyOps

from newsdesk.understand.attribution import DEFAULT_MODEL, analyse, analyse_many, load_pipeline

TEXT = (
    "Harbour officials said on Tuesday that 2,400 containers had been held at the port. "
    "“We are doing what we can,” said Mira Lund, the port authority's director, adding that "
    "the backlog would clear within a week, according to the Valley Ledger.\n\n"
    "The union disagreed. Its chairman, Tomas Berg, told Radio North that crews were "
    "exhausted. He said another 300 workers were needed. “Nobody listens,” he added."
)
OTHERS = [
    "“The ferry runs late again,” Olav Dunn said. The council did not reply.",
    "Residents say the bridge is unsafe, and Mayor Hanna Berg has promised repairs.",
]


def layers(nlp):
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is not None:
            yield from model.walk()


def test_every_layer_multiplies_with_numpy():
    ops = [node.ops for node in layers(load_pipeline())]
    assert ops and all(isinstance(o, NumpyOps) and not o.use_blis for o in ops)


def test_parses_and_entities_are_those_of_the_blis_pipeline():
    reference = importlib.import_module(DEFAULT_MODEL).load()
    assert all(node.ops.use_blis for node in layers(reference))
    ours, theirs = load_pipeline()(TEXT), reference(TEXT)
    parse = [(t.tag_, t.head.i, t.dep_) for t in ours]
    assert parse == [(t.tag_, t.head.i, t.dep_) for t in theirs]
    assert [(e.start, e.end, e.label_) for e in ours.ents] == [
        (e.start, e.end, e.label_) for e in theirs.ents
    ]


def test_articles_analysed_together_come_out_as_alone():
    texts = [TEXT, *OTHERS]
    together = [found.to_json() for found in analyse_many(texts)]
    assert together == [analyse(text).to_json() for text in texts]
    assert [a["speaker"] for a in together[0]["attributions"]][:2] == [
        "Harbour officials",
        "Mira Lund",
    ]
