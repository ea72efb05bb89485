"""Coarse parts of speech and lemmas from the tagger's fine tags, in place of the pipeline's
attribute ruler and lemmatizer: together they took about a third of the analysis time, a
matcher and a rule pass over every word, for what a table and the verbs and nouns give."""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, POS, TAG
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

# The Penn Treebank tags in Universal parts of speech, as the English pipelines map them.
POS_OF_TAG = {
    **dict.fromkeys(("VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "BES", "HVS"), "VERB"),
    **dict.fromkeys(("NN", "NNS"), "NOUN"),
    **dict.fromkeys(("NNP", "NNPS"), "PROPN"),
    **dict.fromkeys(("JJ", "JJR", "JJS", "AFX"), "ADJ"),
    **dict.fromkeys(("RB", "RBR", "RBS"), "ADV"),
    **dict.fromkeys(("PRP", "PRP$", "EX", "WP"), "PRON"),
    **dict.fromkeys(("DT", "PDT", "WDT", "WP$"), "DET"),
    **dict.fromkeys(("IN", "RP"), "ADP"),
    **dict.fromkeys(("POS", "TO"), "PART"),
    **dict.fromkeys((".", ",", ":", "-LRB-", "-RRB-", "``", '""', "''", "HYPH", "NFP"), "PUNCT"),
    **dict.fromkeys(("$", "#", "SYM"), "SYM"),
    **dict.fromkeys(("FW", "LS", "NIL", "ADD", "GW", "XX"), "X"),
    "CC": "CCONJ",
    "CD": "NUM",
    "MD": "AUX",
    "UH": "INTJ",
    "WRB": "SCONJ",
    "_SP": "SPACE",
}
# The exceptions the pipelines make by the word: forms of "be", "have" and "do" are
# auxiliaries, with their lemmas, "have" and "do" verbs again when they head a clause.
AUXILIARIES = {
    **{("VB", w): w for w in ("be", "do", "have")},
    **{("VBZ", w): "be" for w in ("is", "'s")},
    **{("VBP", w): "be" for w in ("are", "'re", "am", "'m")},
    **{("VBD", w): "be" for w in ("was", "were")},
    ("VBN", "been"): "be",
    ("VBG", "being"): "be",
    ("VBZ", "has"): "have",
    ("VBP", "have"): "have",
    ("VBP", "'ve"): "have",
    ("VBD", "had"): "have",
    ("VBN", "had"): "have",
    ("VBD", "'d"): "have",
    ("VBZ", "does"): "do",
    ("VBP", "do"): "do",
    ("VBD", "did"): "do",
}
MODALS = {"ca": "can", "wo": "will", "'ll": "will", "'d": "would"}
HAVE_DO = frozenset(["do", "does", "did", "'d", "have", "has", "had"])
CLAUSE_HEADS = frozenset(["ROOT", "advcl", "ccomp", "conj", "relcl", "xcomp"])
BE_AFTER_THERE = frozenset(["is", "are", "was", "were", "'s", "'re"])
SUBORDINATORS = frozenset(
    [
        "that",
        "if",
        "because",
        "while",
        "since",
        "so",
        "whether",
        "although",
        "though",
        "unless",
        "once",
        "cause",
        "upon",
        "till",
        "whereas",
        "whilst",
        "except",
        "despite",
        "but",
        "albeit",
        "save",
        "besides",
        "til",
    ]
)
PRONOUN_NOUNS = frozenset(
    [
        "something",
        "anyone",
        "anything",
        "nothing",
        "someone",
        "everything",
        "everyone",
        "everybody",
        "nobody",
        "somebody",
        "anybody",
    ]
)
NEGATIONS = frozenset(("not", "n't", "nt", "n’t"))
# Forms told apart before the table is emptied, so that a long run does not grow it forever.
KNOWN_LIMIT = 500_000
# Tags the lemmatizer leaves as they are: singular nouns, infinitives, plain present verbs.
BASE_TAGS = frozenset(("NN", "VB", "VBP"))


def coarse_pos(token: Token) -> str:
    tag, word, dep = token.tag_, token.lower_, token.dep_
    if token.is_space:
        return "SPACE"
    if token.i and word in BE_AFTER_THERE and token.doc[token.i - 1].dep_ == "expl":
        return "VERB"
    if word in HAVE_DO and dep in CLAUSE_HEADS:
        return "VERB"
    if (dep in ("aux", "auxpass") and tag != "TO") or (tag, word) in AUXILIARIES:
        return "AUX"
    if tag == "IN" and (dep == "mark" or word in SUBORDINATORS):
        return "SCONJ"
    if (tag in ("DT", "WDT") and dep not in ("det", "quantmod")) or (tag, word) == ("WDT", "that"):
        return "PRON"
    if tag == "NN" and word in PRONOUN_NOUNS:
        return "PRON"
    if tag == "RB" and word in NEGATIONS:
        return "PART"
    return POS_OF_TAG.get(tag, "X")


class CoarseTags:
    """Sets every token's part of speech, and the lemmas of verbs and nouns, which are all
    the rules compare against their word lists. Both are worked out once per tag, word and
    dependency, and written to the document in one array."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        # The lemmatizer looks each candidate up in its word lists, up to 57k words long.
        index = lemmatizer.lookups.get_table("lemma_index")
        for pos, known in list(index.items()):
            index[pos] = frozenset(known)
        self.lemmatizer = lemmatizer
        self.known: dict[tuple[int, ...], tuple[int, int]] = {}

    def __call__(self, doc: Doc) -> Doc:
        if len(self.known) > KNOWN_LIMIT:
            self.known.clear()
        rows = doc.to_array([TAG, LOWER, DEP]).tolist()
        expl = doc.vocab.strings["expl"]
        known = self.known
        values = []
        previous = 0
        for i, (tag, lower, dep) in enumerate(rows):
            key = (tag, lower, dep, previous == expl)
            found = known.get(key)
            if found is None:
                found = known[key] = self._attributes(doc[i])
            values.append(found)
            previous = dep
        doc.from_array([POS, LEMMA], numpy.array(values, dtype="uint64").reshape(-1, 2))
        return doc

    def _attributes(self, token: Token) -> tuple[int, int]:
        pos = coarse_pos(token)
        key = (token.tag_, token.lower_)
        if pos not in ("VERB", "AUX", "NOUN"):
            lemma = ""
        elif key in AUXILIARIES:
            lemma = AUXILIARIES[key]
        elif token.tag_ == "MD":
            lemma = MODALS.get(token.lower_, token.lower_)
        elif token.tag_ in BASE_TAGS:
            lemma = token.lower_
        else:
            # Any other auxiliary ("got" arrested) inflects as the verb it is.
            token.pos_ = "VERB" if pos == "AUX" else pos
            lemma = self.lemmatizer.rule_lemmatize(token)[0]
        strings = token.vocab.strings
        return strings.add(pos), strings.add(lemma) if lemma else 0


@Language.factory("coarse_tags")
def make_coarse_tags(nlp: Language, name: str) -> CoarseTags:
    return CoarseTags(nlp.get_pipe("lemmatizer"))


def replace_attributes(nlp: Language) -> Language:
    """The pipeline with its attribute ruler and rule lemmatizer replaced by the table, when it
    has both (the English pipelines do); any other pipeline is left as it is."""
    names = nlp.pipe_names
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in names else None
    if "attribute_ruler" not in names or getattr(lemmatizer, "mode", None) != "rule":
        return nlp
    nlp.add_pipe("coarse_tags", before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    nlp.remove_pipe("lemmatizer")
    return nlp
