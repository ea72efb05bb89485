"""Online story clustering: each new article joins the best open story or starts one."""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_STOPWORD_TEXT = """
    a about after again against all also am an and any are as at be because been before
    being between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its
    itself just me more most my no nor not now of off on once only or other our out over
    own same she should so some such than that the their them then there these they this
    those through to too under until up very was we were what when where which while who
    whom why will with would you your says said say new news report reports update live
    video watch photos amid over vs via
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())

# "grams" are character n-grams of the title's words: they match "bankrupt" with
# "bankruptcy" and "Valparaiso's" with "Valparaiso" where whole words miss.
SIGNAL_WEIGHTS = {"title": 0.5, "body": 0.3, "entities": 0.2, "grams": 0.3}
Vectors = dict[str, dict[str, float]]  # signal name → unit-length term weights
BODY_WORDS = 200  # the lede carries the event; later paragraphs drift into background
GRAM = 4
# Signals that feed the inverted index. Character n-grams are too common to find candidates
# cheaply, so they only rescore stories that words already found.
INDEXED = ("title", "body", "entities")
# Cosine to a centroid falls as a story's wording widens, so without this a big, settled
# story loses its new articles to fresh fragments; score × size^SIZE_PRIOR offsets that.
SIZE_PRIOR = 0.3
RESCORE = 3  # best stories by word signals that are rescored with the n-grams too
# A story whose title centroid has this cosine with another's is the same story, split
# early when both were too small to recognise each other.
MERGE_AT = 0.3
MERGE_TERMS = 10  # top centroid terms whose postings give the stories to merge with
# With title embeddings (understand/embeddings.py), a headline's score is this share of the
# embedding cosine to the story's centroid plus the rest of the word score, judged against
# DENSE_THRESHOLD: on a headline alone the embedding knows more than its few words. Embedding
# cosines do not fall as a story widens, so only the word score carries the size prior, a
# steeper one. An article with a body or entities has words enough: there the embedding counts
# as one more title signal beside them, of weight DENSE_SIGNAL, its cosine scaled so that its
# threshold meets theirs.
DENSE_SIGNAL = 0.3
TEXT_SIGNALS = ("body", "entities")
DENSE_WEIGHT = 0.7
DENSE_SIZE_PRIOR = 0.4
DENSE_THRESHOLD = 0.3
# Two stories that both carry embeddings merge on this share of their mean embeddings' cosine
# plus the rest of their title centroids' cosine.
MERGE_DENSE_WEIGHT = 0.5
MERGE_DENSE_AT = 0.4
# A headline's names (Sbarro, Lohan, iOS) tell apart stories that its topic words and its
# embedding run together ("files for bankruptcy", two celebrities' TV shows). A name is a title
# word written capitalised that the stream has seen lowercase at most this share of the time:
# case is learned as the stream runs, so title-case headlines do not make every word a name.
NAME_LOWERCASE_SHARE = 0.1
# A headline alone whose names are all foreign to a story that has names scores this share.
NAME_MISMATCH = 0.7


def _stem(word: str) -> str:
    # Plural and possessive endings only: headlines vary these most, and a heavier
    # stemmer merges unrelated words in short texts.
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def terms(text: str, limit: int | None = None) -> list[str]:
    """Content words of a text, lowercased and lightly stemmed."""
    words = _WORD.findall(text.lower())
    if limit is not None:
        words = words[:limit]
    return [_stem(w) for w in words if w not in _STOPWORDS and len(w) > 1]


def grams(words: list[str], n: int = GRAM) -> list[str]:
    """Character n-grams within each word, with word edges marked so prefixes count."""
    out = []
    for word in words:
        padded = f"<{word}>"
        if len(padded) <= n:
            out.append(padded)
        else:
            out.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return out


def _share_text(a: Vectors, b: Vectors) -> bool:
    """Whether both sides have a body or entities, not a headline alone."""
    return any(a.get(name) and b.get(name) for name in TEXT_SIGNALS)


@dataclass(frozen=True)
class Item:
    """What the clusterer needs from an article."""

    key: str
    title: str
    body: str = ""
    entities: tuple[str, ...] = ()
    outlet: str = ""
    published: float | None = None  # seconds since the epoch
    embedding: np.ndarray | None = None  # unit-length title embedding, for the dense signal


@dataclass
class Story:
    """An open story as the clusterer holds it; ids are the key of the founding article."""

    id: str
    headline: str
    first_seen: float | None
    last_updated: float | None
    outlets: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    # Per signal: summed unit vectors of the members, and that sum's squared norm.
    centroids: dict[str, dict[str, float]] = field(default_factory=dict)
    norms: dict[str, float] = field(default_factory=dict)
    dense: np.ndarray | None = None  # summed title embeddings of the members
    dense_norm: float = 0.0  # that sum's squared norm
    names: set[str] = field(default_factory=set)  # names in the members' titles
    best_fit: float = 0.0  # the headline is the title of the member that fitted best


@dataclass(frozen=True)
class Assignment:
    story_id: str
    new_story: bool
    score: float  # the best story's score over the threshold it had to reach: 1 or more joins
    absorbed: str | None = None  # a story this assignment folded into story_id


class StoryClusterer:
    """Single-pass clustering with an inverted index, so cost per article stays flat.

    Candidate stories come from posting lists of the article's terms, each capped to
    the most recently updated stories; stories idle longest are closed once more
    than `max_open` are open. A story that grows is checked against the stories its top
    terms find, and the two are merged when their centroids (and mean embeddings, when both
    have them) are close: the smaller one's id then resolves to the survivor. Editors'
    decisions are honoured through `pin` and `forbid`.
    Items that carry a title embedding are also compared with the stories' mean embeddings.
    """

    def __init__(
        self,
        threshold: float = 0.18,
        half_life_hours: float = 36.0,
        max_open: int = 20_000,
        postings_cap: int = 64,
        signal_weights: dict[str, float] | None = None,
    ) -> None:
        self.threshold = threshold
        self.half_life = half_life_hours * 3600.0
        self.max_open = max_open
        self.postings_cap = postings_cap
        self.weights = dict(signal_weights or SIGNAL_WEIGHTS)
        self.documents = 0
        self._df: dict[str, int] = {}
        self._case: dict[str, tuple[int, int]] = {}  # term → (lowercase, all) title uses
        self._postings: dict[str, OrderedDict[str, None]] = {}
        self._open: OrderedDict[str, Story] = OrderedDict()
        self._pins: dict[str, str] = {}
        self._forbidden: dict[str, set[str]] = {}  # story id → keys kept out of it
        self._merged: dict[str, str] = {}  # absorbed story id → the story it went into
        self._pinned: set[str] = set()  # stories editors pinned articles to

    def pin(self, key: str, story_id: str) -> None:
        """An editor put this article in this story: it goes there whenever it is assigned."""
        self._pins[key] = story_id
        self._pinned.add(story_id)

    def forbid(self, key: str, story_id: str) -> None:
        """An editor took this article out of this story: it never joins it again."""
        self._forbidden.setdefault(self._resolve(story_id), set()).add(key)

    def story(self, story_id: str) -> Story | None:
        return self._open.get(self._resolve(story_id))

    def assign(self, item: Item) -> Assignment:
        """Put a new article in the best open story, or start one with it."""
        vectors, names = self._vectors(item), self._names(item.title)
        pinned = self._pins.get(item.key)
        if pinned is not None:
            pinned = self._resolve(pinned)
            new_story = pinned not in self._open
            self._join(pinned, item, vectors, names, 1.0)
            return Assignment(pinned, new_story, 1.0)
        # Word signals rank every candidate; only the leaders pay for the n-gram signal.
        dense = item.embedding is not None
        prior = DENSE_SIZE_PRIOR if dense else SIZE_PRIOR
        indexed = {name: vec for name, vec in vectors.items() if name in INDEXED}
        ranked = []
        for story_id in self._candidates(vectors):
            if item.key in self._forbidden.get(story_id, ()):
                continue
            story = self._open[story_id]
            score = self._score(indexed, story, item.published) * len(story.keys) ** prior
            ranked.append((-score, story_id))
        ranked.sort()
        # Scores are measured against the threshold they must reach: a story whose articles
        # were stored without embeddings is still judged by its words alone.
        best_id, best, fit = "", 0.0, 0.0
        for _, story_id in ranked[:RESCORE]:
            story = self._open[story_id]
            size = len(story.keys)
            if dense and story.dense is not None:
                total, weight = self._sum(vectors, story)
                decay = self._decay(story, item.published)
                cosine = decay * float(item.embedding @ story.dense) / math.sqrt(story.dense_norm)
                if _share_text(vectors, story.centroids):
                    total = decay * total + DENSE_SIGNAL * cosine * self.threshold / DENSE_THRESHOLD
                    similarity = total / (weight + DENSE_SIGNAL)
                    score = similarity * size**SIZE_PRIOR / self.threshold
                else:
                    words = decay * total / weight if weight else 0.0
                    score = (1 - DENSE_WEIGHT) * words * size**DENSE_SIZE_PRIOR
                    score = (score + DENSE_WEIGHT * cosine) / DENSE_THRESHOLD
                    similarity = (1 - DENSE_WEIGHT) * words + DENSE_WEIGHT * cosine
            else:
                similarity = self._score(vectors, story, item.published)
                score = similarity * size**SIZE_PRIOR / self.threshold
            # A body or entities carry their own names; a headline alone has only these.
            foreign = bool(names and story.names) and names.isdisjoint(story.names)
            if foreign and not _share_text(vectors, story.centroids):
                score *= NAME_MISMATCH
            if score > best:
                best_id, best, fit = story_id, score, similarity
        if best >= 1.0:
            # The headline follows similarity alone, so it does not drift to late members.
            self._join(best_id, item, vectors, names, fit)
            survivor, absorbed = self._merge(best_id)
            return Assignment(survivor, False, best, absorbed)
        self._join(item.key, item, vectors, names, 0.0)
        return Assignment(item.key, True, best)

    def place(self, item: Item, story_id: str) -> None:
        """Replay a stored assignment, e.g. to rebuild the clusterer at start-up."""
        vectors, names = self._vectors(item), self._names(item.title)
        self._join(self._resolve(story_id), item, vectors, names, 0.0)

    def _resolve(self, story_id: str) -> str:
        while story_id in self._merged:
            story_id = self._merged[story_id]
        return story_id

    def _vectors(self, item: Item) -> Vectors:
        title = terms(item.title)
        raw = {
            "title": title,
            "body": terms(item.body, BODY_WORDS) if item.body else [],
            "entities": [e.casefold() for e in item.entities],
            "grams": grams(title),
        }
        # IDF is learned as the stream runs: no corpus statistics to ship or keep in sync.
        self.documents += 1
        for t in {f"{name}:{t}" for name, ts in raw.items() for t in ts}:
            self._df[t] = self._df.get(t, 0) + 1
        vectors = {}
        for name, ts in raw.items():
            if ts:
                vectors[name] = self._weigh(name, ts)
        return vectors

    def _names(self, title: str) -> set[str]:
        """Terms of the title written capitalised that the stream rarely writes lowercase."""
        names: set[str] = set()
        for word in _WORD.findall(title):
            lower = word.lower()
            if lower in _STOPWORDS or len(lower) < 2:
                continue
            term = _stem(lower)
            lowercase, uses = self._case.get(term, (0, 0))
            lowercase, uses = lowercase + (word == lower), uses + 1
            self._case[term] = (lowercase, uses)
            if word != lower and lowercase <= NAME_LOWERCASE_SHARE * uses:
                names.add(term)
        return names

    def _weigh(self, name: str, ts: list[str]) -> dict[str, float]:
        counts: dict[str, int] = {}
        for t in ts:
            counts[t] = counts.get(t, 0) + 1
        n = self.documents + 1
        vec = {
            t: (1 + math.log(c)) * math.log(n / (1 + self._df.get(f"{name}:{t}", 0)) + 1)
            for t, c in counts.items()
        }
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        return {t: w / norm for t, w in vec.items()}

    def _candidates(self, vectors: Vectors) -> list[str]:
        found: dict[str, None] = {}
        for name, vec in vectors.items():
            if name not in INDEXED:
                continue
            for t in vec:
                posting = self._postings.get(f"{name}:{t}")
                if posting:
                    for story_id in posting:
                        if story_id in self._open:
                            found[story_id] = None
        return sorted(found)

    def _score(self, vectors: Vectors, story: Story, when: float | None) -> float:
        """Weighted mean cosine of the item's signals to the story's centroids, decayed."""
        total, weight = self._sum(vectors, story)
        return self._decay(story, when) * total / weight if weight else 0.0

    def _sum(self, vectors: Vectors, story: Story) -> tuple[float, float]:
        """Weighted sum of the cosines over the signals both sides have, and of their weights."""
        total = weight = 0.0
        for name, vec in vectors.items():
            centroid = story.centroids.get(name)
            if not centroid:
                continue
            # A plain loop: this is the hot path, and it beats sum() over a generator.
            get, dot = centroid.get, 0.0
            for t, w in vec.items():
                c = get(t)
                if c is not None:
                    dot += w * c
            total += self.weights[name] * dot / math.sqrt(story.norms[name])
            weight += self.weights[name]
        return total, weight

    def _decay(self, story: Story, when: float | None) -> float:
        if when is None or story.last_updated is None:
            return 1.0
        return 0.5 ** (max(0.0, when - story.last_updated) / self.half_life)

    def _join(
        self, story_id: str, item: Item, vectors: Vectors, names: set[str], fit: float
    ) -> None:
        story = self._open.get(story_id)
        if story is None:
            story = Story(story_id, item.title, item.published, item.published)
            self._open[story_id] = story
            self._close_idle()
        self._open.move_to_end(story_id)
        story.keys.append(item.key)
        if item.outlet and item.outlet not in story.outlets:
            story.outlets.append(item.outlet)
        if item.published is not None:
            story.first_seen = min(story.first_seen or item.published, item.published)
            story.last_updated = max(story.last_updated or item.published, item.published)
        if fit > story.best_fit:
            story.headline, story.best_fit = item.title, fit
        for name, vec in vectors.items():
            self._add(story, name, vec, 1.0)
        story.names |= names
        if item.embedding is not None:
            self._add_dense(story, item.embedding, 1.0)

    @staticmethod
    def _add_dense(story: Story, vec: np.ndarray, norm: float) -> None:
        if story.dense is None:
            story.dense = np.zeros_like(vec, dtype=np.float64)
        story.dense_norm += 2 * float(vec @ story.dense) + norm
        story.dense += vec

    def _add(self, story: Story, name: str, vec: dict[str, float], norm: float) -> None:
        """Add a summed vector with squared norm `norm` to a story's centroid and postings."""
        centroid = story.centroids.setdefault(name, {})
        dot = sum(w * centroid.get(t, 0.0) for t, w in vec.items())
        story.norms[name] = story.norms.get(name, 0.0) + 2 * dot + norm
        indexed = name in INDEXED
        for t, w in vec.items():
            centroid[t] = centroid.get(t, 0.0) + w
            if indexed:
                posting = self._postings.setdefault(f"{name}:{t}", OrderedDict())
                posting[story.id] = None
                posting.move_to_end(story.id)
                if len(posting) > self.postings_cap:
                    posting.popitem(last=False)

    def _merge(self, story_id: str) -> tuple[str, str | None]:
        """Fold a growing story and its closest open story together; return the survivor
        and the story it absorbed, if any."""
        story = self._open[story_id]
        size = len(story.keys)
        centroid = story.centroids.get("title")
        # At sizes 2, 4, 8, …: the centroid has changed enough to be worth another look,
        # and the cost stays logarithmic in the story's size.
        if size < 2 or size & (size - 1) or not centroid:
            return story_id, None
        top = sorted(centroid, key=lambda t: (-centroid[t], t))[:MERGE_TERMS]
        found = {
            other
            for t in top
            for other in self._postings.get(f"title:{t}", ())
            if other != story_id and other in self._open
        }
        # Closeness is measured against the threshold it must reach, as in `assign`.
        best_id, best = "", 0.0
        for other_id in sorted(found):
            other_story = self._open[other_id]
            other = other_story.centroids.get("title")
            if not other:
                continue
            small, large = (centroid, other) if len(centroid) < len(other) else (other, centroid)
            dot = sum(w * large.get(t, 0.0) for t, w in small.items())
            closeness = dot / math.sqrt(story.norms["title"] * other_story.norms["title"])
            if story.dense is not None and other_story.dense is not None:
                dense = float(story.dense @ other_story.dense)
                dense /= math.sqrt(story.dense_norm * other_story.dense_norm)
                if _share_text(story.centroids, other_story.centroids):
                    # As in `assign`, beside bodies the embedding is one more title signal.
                    dense *= MERGE_AT / MERGE_DENSE_AT
                    closeness *= self.weights["title"]
                    closeness += DENSE_SIGNAL * dense
                    closeness /= (self.weights["title"] + DENSE_SIGNAL) * MERGE_AT
                else:
                    closeness = MERGE_DENSE_WEIGHT * dense + (1 - MERGE_DENSE_WEIGHT) * closeness
                    closeness /= MERGE_DENSE_AT
            else:
                closeness /= MERGE_AT
            if closeness > best:
                best_id, best = other_id, closeness
        if best < 1.0 or not self._may_merge(story_id, best_id):
            return story_id, None
        keep, gone = story, self._open[best_id]
        if len(gone.keys) > len(keep.keys):
            keep, gone = gone, keep
        for name, vec in gone.centroids.items():
            self._add(keep, name, vec, gone.norms[name])
            if name in INDEXED:
                for t in vec:
                    posting = self._postings.get(f"{name}:{t}")
                    if posting is not None:
                        posting.pop(gone.id, None)
        if gone.dense is not None:
            self._add_dense(keep, gone.dense, gone.dense_norm)
        keep.keys.extend(gone.keys)
        keep.names |= gone.names
        keep.outlets.extend(o for o in gone.outlets if o not in keep.outlets)
        if gone.first_seen is not None:
            keep.first_seen = min(keep.first_seen or gone.first_seen, gone.first_seen)
        if gone.last_updated is not None:
            keep.last_updated = max(keep.last_updated or gone.last_updated, gone.last_updated)
        if gone.best_fit > keep.best_fit:
            keep.headline, keep.best_fit = gone.headline, gone.best_fit
        if gone.id in self._forbidden:
            self._forbidden.setdefault(keep.id, set()).update(self._forbidden.pop(gone.id))
        del self._open[gone.id]
        self._open.move_to_end(keep.id)  # it holds the newest article now
        self._merged[gone.id] = keep.id
        return keep.id, gone.id

    def _may_merge(self, a: str, b: str) -> bool:
        # Editors' decisions win: stories they pinned articles to were split by hand, and
        # an article they took out of one story must not come back through a merge.
        if a in self._pinned or b in self._pinned:
            return False
        for x, y in ((a, b), (b, a)):
            out = self._forbidden.get(x)
            if out and not out.isdisjoint(self._open[y].keys):
                return False
        return True

    def _close_idle(self) -> None:
        while len(self._open) > self.max_open:
            _, closed = self._open.popitem(last=False)
            # Drop the closed story from its postings so they hold open stories only.
            for name, centroid in closed.centroids.items():
                if name not in INDEXED:
                    continue
                for t in centroid:
                    posting = self._postings.get(f"{name}:{t}")
                    if posting is not None:
                        posting.pop(closed.id, None)
                        if not posting:
                            del self._postings[f"{name}:{t}"]
