"""bench/stories scores clusterings the way its README defines BCubed and pairwise F1."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

_path = Path(__file__).resolve().parents[2] / "bench" / "stories_corpus.py"
_spec = importlib.util.spec_from_file_location("stories_corpus", _path)
corpus = importlib.util.module_from_spec(_spec)
sys.modules["stories_corpus"] = corpus
_spec.loader.exec_module(corpus)

GOLD = {"a": "x", "b": "x", "c": "x", "d": "y"}


def test_a_perfect_clustering_scores_one():
    assert corpus.bcubed(GOLD, GOLD)["f1"] == 1.0
    assert corpus.pairwise(GOLD, GOLD)["f1"] == 1.0


def test_everything_apart_and_everything_together():
    apart = {k: k for k in GOLD}
    together = dict.fromkeys(GOLD, "one")
    assert corpus.pairwise(GOLD, apart)["recall"] == 0.0
    assert corpus.bcubed(GOLD, apart)["precision"] == 1.0
    assert corpus.bcubed(GOLD, apart)["recall"] == pytest.approx((1 / 3 * 3 + 1) / 4)
    # 3 of the 6 predicted pairs are gold pairs.
    assert corpus.pairwise(GOLD, together)["precision"] == pytest.approx(0.5)
    assert corpus.bcubed(GOLD, together)["precision"] == pytest.approx((3 / 4 * 3 + 1 / 4) / 4)


def test_miranda_files_load_in_date_order_and_by_language(tmp_path):
    path = tmp_path / "dataset.test.json"
    docs = [
        {
            "id": "2",
            "date": "2014-01-02 10:00:00",
            "lang": "eng",
            "title": "B",
            "text": "b",
            "cluster": "7",
        },
        {
            "id": "1",
            "date": "2014-01-01 09:00:00",
            "lang": "eng",
            "title": "A",
            "text": "a",
            "cluster": "7",
        },
        {
            "id": "3",
            "date": "2014-01-01 08:00:00",
            "lang": "deu",
            "title": "C",
            "text": "c",
            "cluster": "8",
        },
    ]
    path.write_text(json.dumps(docs))
    loaded = corpus.load_miranda(path)
    assert [d.title for d in loaded] == ["A", "B"]
    assert {d.story for d in loaded} == {"7"}
