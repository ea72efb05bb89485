"""The parser's and the entity recognizer's transitions taken step by step from Python.

spaCy's compiled greedy loop releases the GIL while it parses, but every state query the
transition rules make (the next word, whether an entity is open...) takes it back and lets
it go again: the entity recognizer checks each of its 74 moves against every word that way,
and the round trips were half of its time. The same steps driven from Python, which holds
the GIL throughout, compute the same scores and choose the same moves, in half the time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import numpy
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.pipeline.transition_parser import Parser
from spacy.tokens import Doc
from spacy.util import minibatch
from thinc.api import Model

# Documents parsed together, however few the pipeline passes at a time: each step scores all
# of their states in one product. More take fewer steps in all, but every word's features,
# precomputed for the whole group, then outgrow the caches: eight came out fastest.
BATCH_SIZE = 8


class SteppedParse:
    """A greedy parser or entity recognizer run one step at a time, the GIL held."""

    def __init__(self, component: Parser) -> None:
        self.component = component
        self.name = component.name
        # Labels its moves lack can only come from annotations set before it runs, but spaCy
        # looks for them on every word of every document it parses: a tenth of the time.
        # Only documents that carry such annotations are looked at, and the built-in labels
        # are added now, as spaCy's first parse would.
        self.preset = "ENT_IOB" if isinstance(component, EntityRecognizer) else "DEP"
        component._ensure_labels_are_added([Doc(component.vocab, words=[])])

    @property
    def model(self) -> Model:
        # Where the shared tok2vec finds the listener it feeds, as on the component itself.
        return self.component.model

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
        for batch in minibatch(docs, size=max(batch_size, BATCH_SIZE)):
            # Like lengths together: a group takes as many steps as its longest document.
            for group in minibatch(sorted(batch, key=len), size=BATCH_SIZE):
                self.component.set_annotations(group, self.parse(group))
            yield from batch

    def parse(self, docs: list[Doc]) -> list:
        component = self.component
        component._ensure_labels_are_added([d for d in docs if d.has_annotation(self.preset)])
        states = component.moves.init_batch(docs)
        if not any(len(doc) for doc in docs):
            return states
        step = component.model.predict(docs)
        scores = _scorer(step, component.model.attrs["unseen_classes"])
        todo = [state for state in states if not state.is_final()]
        while todo:
            todo = component.transition_states(todo, scores(todo))
        step.clear_memory()
        return states


def _scorer(step: Model, unseen: set[int]) -> Callable[[list], numpy.ndarray]:
    """The scores of the moves from each state, computed as the step model computes them but
    without its layer calls, and without looking for the lowest score to give the classes
    never seen in training when there are none: spaCy pays both on every step."""
    upper = step.vec2scores
    if upper is None:
        return step.predict
    weights, bias = upper.get_param("W"), upper.get_param("b")
    unseen_columns = sorted(unseen)

    def scores(states: list) -> numpy.ndarray:
        hidden = step.state2vec.predict(step.get_token_ids(states))
        found = numpy.dot(hidden, weights.T)
        found += bias
        if unseen_columns:
            found[:, unseen_columns] = numpy.nanmin(found)
        return found

    return scores


@Language.factory("stepped_parse")
def make_stepped_parse(nlp: Language, name: str, parser: str) -> SteppedParse:
    return SteppedParse(nlp.get_pipe(parser))


def step_parsers(nlp: Language) -> Language:
    """The pipeline with its greedy parser and entity recognizer run step by step from Python,
    under their own names; beam-search ones and other components are left as they are."""
    for name, component in list(nlp.pipeline):
        if isinstance(component, Parser) and component.cfg.get("beam_width", 1) == 1:
            nlp.add_pipe("stepped_parse", name=f"{name}_steps", after=name, config={"parser": name})
            nlp.remove_pipe(name)
            nlp.rename_pipe(f"{name}_steps", name)
    return nlp
