"""The tok2vec networks' word vectors, computed the faster way, are the networks' own."""

import numpy
import pytest
import spacy

from newsdesk.understand.attribution import load_pipeline
from newsdesk.understand.attribution import vectors as fast
from newsdesk.understand.attribution.vectors import WordTable

TEXTS = [
    "Harbour officials said on Tuesday that 2,400 containers had been held at the port of "
    "Valby. “We are doing what we can,” said Mira Lund, the port authority's director.",
    "",
    "Strike.",
    "The union disagreed.\n\nIts chairman, Tomas Berg, told Radio North that crews were "
    "exhausted and that the Harbour Workers Union would strike in May.",
]


def replaced_layers():
    """Every layer the pipeline computes the faster way, by component."""
    nlp = load_pipeline()
    found = []
    for name in ("tok2vec", "ner"):
        model = nlp.get_pipe(name).model
        found += [(name, node) for node in model.walk() if node.name.startswith("fast(")]
    return nlp, found


def test_both_networks_have_their_first_and_window_layers_replaced():
    _, found = replaced_layers()
    kinds = sorted((name, type(node.attrs["compute"]).__name__) for name, node in found)
    networks = ("ner", "tok2vec")
    assert kinds == [(name, kind) for name in networks for kind in ("Encoder", "WordTable")]


def test_the_vectors_are_the_original_layers_own():
    nlp, found = replaced_layers()
    docs = [nlp.make_doc(text) for text in TEXTS]
    for component in ("tok2vec", "ner"):
        table, encoder = (
            next(
                n for name, n in found if name == component and isinstance(n.attrs["compute"], kind)
            )
            for kind in (WordTable, fast.Encoder)
        )
        first = table.layers[0].predict(docs)
        for ours, theirs in (
            (table.predict(docs), first),
            (encoder.predict(first), encoder.layers[0].predict(first)),
        ):
            assert [len(a) for a in ours] == [len(d) for d in docs]
            for a, b in zip(ours, theirs, strict=True):
                assert a.dtype == numpy.float32
                numpy.testing.assert_allclose(a, b, atol=2e-5)


def test_a_words_vector_does_not_depend_on_what_came_before():
    nlp, found = replaced_layers()
    embed = next(n for _, n in found if isinstance(n.attrs["compute"], WordTable)).layers[0]
    doc = nlp.make_doc(TEXTS[0])
    alone = WordTable(embed)([doc])[0]
    after_others = WordTable(embed)
    after_others([nlp.make_doc(t) for t in TEXTS[1:]])
    assert numpy.array_equal(after_others([doc])[0], alone)


def test_a_full_table_starts_again_and_stays_right(monkeypatch):
    nlp, found = replaced_layers()
    embed = next(n for _, n in found if isinstance(n.attrs["compute"], WordTable)).layers[0]
    monkeypatch.setattr(fast, "LIMIT", 8)
    table = WordTable(embed)
    docs = [nlp.make_doc(t) for t in TEXTS]
    for doc in docs + docs:
        numpy.testing.assert_allclose(table([doc])[0], embed.predict([doc])[0], atol=2e-5)
        assert len(table.index) <= 8 + len(doc)


def test_training_goes_through_the_original_layers():
    nlp, found = replaced_layers()
    _, node = found[0]
    docs = [nlp.make_doc(TEXTS[0])]
    vectors, backprop = node(docs, is_train=True)  # with the original's dropout
    assert vectors[0].shape == node.predict(docs)[0].shape
    backprop(vectors)
    _, backprop = node(docs, is_train=False)
    with pytest.raises(ValueError, match="prediction only"):
        backprop(vectors)


def test_a_network_built_otherwise_keeps_what_the_fast_layers_do_not_know():
    nlp = spacy.blank("en")
    component = nlp.add_pipe("tok2vec", config={"model": SMALL_TOK2VEC})
    nlp.initialize()
    docs = [nlp.make_doc(text) for text in TEXTS]
    before = component.model.predict(docs)
    fast.fast_word_vectors(nlp)
    replaced = [node for node in component.model.walk() if node.name.startswith("fast(")]
    # The hash embeddings are the usual ones; a window of two words is not.
    assert [type(node.attrs["compute"]) for node in replaced] == [WordTable]
    for ours, theirs in zip(component.model.predict(docs), before, strict=True):
        numpy.testing.assert_allclose(ours, theirs, atol=2e-5)


SMALL_TOK2VEC = {
    "@architectures": "spacy.Tok2Vec.v2",
    "embed": {
        "@architectures": "spacy.MultiHashEmbed.v2",
        "width": 32,
        "attrs": ["NORM", "SHAPE"],
        "rows": [100, 50],
        "include_static_vectors": False,
    },
    "encode": {
        "@architectures": "spacy.MaxoutWindowEncoder.v2",
        "width": 32,
        "window_size": 2,
        "maxout_pieces": 2,
        "depth": 2,
    },
}
