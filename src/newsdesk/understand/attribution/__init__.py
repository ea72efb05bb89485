"""Who said what, according to whom: quotes, reported speech, cited outlets, entities, figures.

Rules over a spaCy parse. Direct quotes are found by their quotation marks (typographic or
plain, across paragraphs), reported speech by the verbs and nouns of saying, thinking and
taking a stance and by "according to". Each is tied to its cue and speaker, and the speaker
resolved to a person the article names: "Austin", "he", "the Defense secretary" all land on
Lloyd Austin. `analysis` runs the steps in order; each step is a module named after it.
"""

from .analysis import DEFAULT_MODEL, analyse, analyse_many, annotate, annotate_many, load_pipeline
from .records import Analysis, Attribution

__all__ = [
    "DEFAULT_MODEL",
    "Analysis",
    "Attribution",
    "analyse",
    "analyse_many",
    "annotate",
    "annotate_many",
    "load_pipeline",
]
