"""The word vectors of spaCy's tok2vec networks: the same, up to rounding, with less work.

A tok2vec network starts by looking at each word alone: hash embeddings of its norm,
prefix, suffix, shape and spacing, mixed by a maxout layer. Those first vectors took a third
of the network's time, and news text repeats itself: after a few dozen articles, six words in
seven have been seen before. So they are kept by the word's features and looked up, and a new
word's is a sum of table rows (see WordTable), the same in whatever batch it comes: an
article's analysis does not depend on what was analysed before it.

The layers after that see a word's neighbours. They are spent in matrix products; thinc's
layer calls, its copies and its bookkeeping for training added half as much again, and here
each layer is the product and a few operations in place.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model

# Words kept per network before the table starts again: about 25 MB of vectors each.
LIMIT = 1 << 16


class WordTable:
    """The first vector of every distinct word seen, by the word's features.

    The maxout layer that mixes a word's hash embeddings starts with a linear map of their
    concatenation, so each embedding table is folded into that map at load, every row
    times its block of weights: a new word's vector is then a sum of table rows, with no
    matrix product, and the same sum in the same order in whatever batch it comes.
    """

    def __init__(self, embed: Model) -> None:
        features, _, hashed, mixed, _ = embed.layers
        self.features = features
        maxout, norm = mixed.layers[0].layers[0].layers
        self.width = maxout.get_dim("nO")
        weights, self.bias = _pieces_first(maxout)
        self.gain, self.shift = norm.get_param("G"), norm.get_param("b")
        self.ops = embed.ops
        self.hashes: list[tuple[int, int, int, int]] = []  # column, seed, rows, first row
        folded, first = [], 0
        for i, part in enumerate(hashed.layers[0].layers):
            pick, embedding = part.layers
            table = embedding.get_param("E")
            width = table.shape[1]
            folded.append(table @ weights[:, i * width : (i + 1) * width].T)
            self.hashes.append((pick.attrs["index"][1], embedding.attrs["seed"], len(table), first))
            first += len(table)
        self.folded = numpy.concatenate(folded)
        self.index: dict[bytes, int] = {}
        self.vectors = numpy.empty((1024, self.width), dtype="float32")
        self.lock = threading.Lock()

    def __call__(self, docs: list[Doc]) -> list[numpy.ndarray]:
        return [self.lookup(rows) for rows in self.features.predict(docs)]

    def lookup(self, rows: numpy.ndarray) -> numpy.ndarray:
        keys = numpy.ascontiguousarray(rows).view(f"V{rows.shape[1] * rows.itemsize}")
        keys = keys.ravel().tolist()
        with self.lock:  # threads that share the pipeline must not grow the table at once
            if len(self.index) > LIMIT:
                self.index.clear()
            get = self.index.get
            found = [get(key, -1) for key in keys]
            if -1 in found:
                self.add(keys, found, rows)
                found = [get(key) for key in keys]
            return self.vectors[found]

    def add(self, keys: list[bytes], found: list[int], rows: numpy.ndarray) -> None:
        new: dict[bytes, int] = {}
        for i, (key, where) in enumerate(zip(keys, found, strict=True)):
            if where < 0:
                new.setdefault(key, i)
        start = len(self.index)
        if start + len(new) > len(self.vectors):
            rows_needed = max(2 * len(self.vectors), start + len(new))
            grown = numpy.empty((rows_needed, self.width), dtype="float32")
            grown[:start] = self.vectors[:start]
            self.vectors = grown
        self.vectors[start : start + len(new)] = self.compute(rows[list(new.values())])
        self.index.update(zip(new, range(start, start + len(new)), strict=True))

    def compute(self, rows: numpy.ndarray) -> numpy.ndarray:
        ids = [
            self.ops.hash(numpy.ascontiguousarray(rows[:, column]), seed) % size + first
            for column, seed, size, first in self.hashes
        ]
        pieces = self.ops.gather_add(self.folded, numpy.hstack(ids))
        pieces += self.bias
        return _maxout_norm(pieces, self.width, self.gain, self.shift)


def _pieces_first(maxout: Model) -> tuple[numpy.ndarray, numpy.ndarray]:
    """A maxout layer's weights and bias with its pieces first: the maxout then compares
    contiguous blocks of columns."""
    width, pieces, inputs = maxout.get_param("W").shape
    weights = maxout.get_param("W").transpose(1, 0, 2).reshape(pieces * width, inputs)
    return weights, maxout.get_param("b").T.reshape(-1)


def _maxout_norm(
    pieces: numpy.ndarray, width: int, gain: numpy.ndarray, shift: numpy.ndarray
) -> numpy.ndarray:
    """The best of each output's pieces, normalised per row as thinc's LayerNorm does."""
    best = pieces[:, :width].copy()
    for start in range(width, pieces.shape[1], width):
        numpy.maximum(best, pieces[:, start : start + width], out=best)
    best -= best.mean(axis=1, keepdims=True)
    variance = numpy.einsum("ij,ij->i", best, best)[:, None] / width + 1e-08
    best *= variance**-0.5
    best *= gain
    best += shift
    return best


class Encoder:
    """The residual window layers of a MaxoutWindowEncoder, one article at a time."""

    def __init__(self, encoder: Model) -> None:
        self.pad = encoder.attrs["pad"]  # zero rows around each article, as thinc adds them
        self.layers = []
        for block in encoder.layers[0].layers:
            maxout, norm = block.layers[0].layers[1].layers[0].layers
            weights, bias = _pieces_first(maxout)
            self.layers.append((weights.T.copy(), bias, norm.get_param("G"), norm.get_param("b")))
            self.width = maxout.get_dim("nO")

    def __call__(self, arrays: list[numpy.ndarray]) -> list[numpy.ndarray]:
        return [self.encode(array) for array in arrays]

    def encode(self, words: numpy.ndarray) -> numpy.ndarray:
        size, width = len(words) + 2 * self.pad, self.width
        vectors = numpy.zeros((size, width), dtype="float32")
        vectors[self.pad : self.pad + len(words)] = words
        window = numpy.zeros((size, 3, width), dtype="float32")  # before, the word, after
        for weights, bias, gain, shift in self.layers:
            window[1:, 0] = vectors[:-1]
            window[:, 1] = vectors
            window[:-1, 2] = vectors[1:]
            pieces = window.reshape(size, -1) @ weights
            pieces += bias
            vectors += _maxout_norm(pieces, width, gain, shift)
        return vectors[self.pad : self.pad + len(words)]


def _forward(model: Model, inputs: list, is_train: bool) -> tuple[list, Callable]:
    if is_train:
        return model.layers[0](inputs, is_train)
    return model.attrs["compute"](inputs), _no_backprop


def _no_backprop(_: object) -> None:
    raise ValueError("these word vectors are for prediction only: train the original layers")


# The layers as spaCy's MultiHashEmbed and MaxoutWindowEncoder build them; any other network
# (static vectors, character embeddings, wider windows) is left as it is.
AROUND_HASHES = ["extract_features", "list2ragged", "with_array(maxout>>layernorm>>dropout)"]
WINDOW_BLOCK = "residual(expand_window>>maxout>>layernorm>>dropout)"


def _is_embedding(layer: Model) -> bool:
    names = [child.name for child in layer.layers]
    if names[:2] + names[3:4] != AROUND_HASHES or names[4:] != ["ragged2list"]:
        return False
    parts = layer.layers[2].layers[0].layers if layer.layers[2].layers else []
    return bool(parts) and all(part.name == "ints-getitem>>hashembed" for part in parts)


def _is_encoder(layer: Model) -> bool:
    blocks = layer.layers[0].layers if layer.name.startswith("with_array(residual(") else []
    return bool(blocks) and all(
        block.name == WINDOW_BLOCK and block.layers[0].layers[0].attrs.get("window_size") == 1
        for block in blocks
    )


def fast_word_vectors(nlp: Language) -> Language:
    """The pipeline with each tok2vec network's layers computed as above."""
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        for node in list(model.walk()):
            for i, layer in enumerate(node.layers):
                if _is_embedding(layer):
                    compute: Callable = WordTable(layer)
                elif _is_encoder(layer):
                    compute = Encoder(layer)
                else:
                    continue
                node.layers[i] = Model(
                    f"fast({layer.name})",
                    _forward,
                    layers=[layer],
                    attrs={"compute": compute},
                    ops=layer.ops,
                )
    return nlp
