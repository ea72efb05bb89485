"""Exact and near-duplicate bodies: content hashes and a MinHash LSH index of shingles."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 5
SEED = 1
# Low enough for LSH to surface a copy cut to a third of its length; the verification
# step below, not the LSH band, decides what is merged.
CANDIDATE_JACCARD = 0.25
MIN_CONTAINMENT = 0.8
MIN_SHINGLES = 8

_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "«": '"', "»": '"', "–": "-", "—": "-"}
)
_WORD = re.compile(r"\w+")


def normalise_body(text: str) -> str:
    """Body text with case, quotes, dashes and whitespace made uniform."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    return " ".join(text.split())


def content_hash(text: str) -> str:
    """SHA-256 of the normalised body: equal for exact copies, whatever their spacing."""
    return hashlib.sha256(normalise_body(text).encode()).hexdigest()


@dataclass(frozen=True)
class Signature:
    """What must be stored per article to rebuild the index: hash, MinHash values, size."""

    content_hash: str
    minhash: bytes  # NUM_PERM unsigned 64-bit values
    shingles: int

    def to_minhash(self) -> LeanMinHash:
        # The lean form holds only the values, not the permutations needed to hash more.
        return LeanMinHash(seed=SEED, hashvalues=np.frombuffer(self.minhash, dtype=np.uint64))


def signature(text: str) -> Signature:
    """Fingerprint a clean body: its hash and a MinHash of its word shingles."""
    words = _WORD.findall(normalise_body(text))
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS]).encode()
        for i in range(max(1, len(words) - SHINGLE_WORDS + 1))
    }
    mh = MinHash(num_perm=NUM_PERM, seed=SEED)
    mh.update_batch(list(shingles))
    return Signature(content_hash(text), mh.hashvalues.astype(np.uint64).tobytes(), len(shingles))


@dataclass(frozen=True)
class Match:
    key: str
    exact: bool
    containment: float


class DuplicateIndex:
    """Finds the stored article a new body copies; rebuilt at start-up from stored signatures.

    Copies are syndicated within days, so only the latest `window` articles are kept;
    the store's own index on content hashes catches exact copies older than that.
    """

    def __init__(self, window: int = 200_000) -> None:
        self.window = window
        self._by_hash: dict[str, str] = {}
        self._hashes: dict[str, str] = {}
        self._sizes: dict[str, int] = {}
        self._minhashes: dict[str, LeanMinHash] = {}
        self._lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)

    def __len__(self) -> int:
        return len(self._sizes)

    def add(self, key: str, sig: Signature) -> None:
        """Index one stored article; articles must be added in the order they were stored."""
        if key in self._sizes:
            return
        self._by_hash.setdefault(sig.content_hash, key)
        self._hashes[key] = sig.content_hash
        self._sizes[key] = sig.shingles
        mh = sig.to_minhash()
        self._minhashes[key] = mh
        self._lsh.insert(key, mh)
        if len(self._sizes) > self.window:
            oldest = next(iter(self._sizes))
            del self._sizes[oldest], self._minhashes[oldest]
            self._lsh.remove(oldest)
            digest = self._hashes.pop(oldest)
            if self._by_hash.get(digest) == oldest:
                del self._by_hash[digest]

    def find(self, sig: Signature) -> Match | None:
        """The stored article this body duplicates, or None."""
        if sig.content_hash in self._by_hash:
            return Match(self._by_hash[sig.content_hash], True, 1.0)
        if sig.shingles < MIN_SHINGLES:
            return None
        mh = sig.to_minhash()
        best: Match | None = None
        for key in sorted(self._lsh.query(mh)):
            size = self._sizes[key]
            if size < MIN_SHINGLES:
                continue
            jaccard = mh.jaccard(self._minhashes[key])
            # |A∩B| from Jaccard and the two set sizes: a truncated copy is fully
            # contained in its original even though their Jaccard is low.
            shared = jaccard * (sig.shingles + size) / (1 + jaccard)
            containment = shared / min(sig.shingles, size)
            if containment >= MIN_CONTAINMENT and (best is None or containment > best.containment):
                best = Match(key, False, round(containment, 4))
        return best
