"""bench/extraction's scoring follows the benchmark's description of its metric."""

import importlib.util
from pathlib import Path

import pytest

_path = Path(__file__).resolve().parents[2] / "bench" / "extraction_corpus.py"
_spec = importlib.util.spec_from_file_location("extraction_corpus", _path)
metric = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(metric)

TRUTH = "one two three four five six seven eight nine ten"


def test_an_exact_body_scores_one_and_counts_as_accurate():
    assert metric.page_score(TRUTH, TRUTH) == (1.0, 1.0, True)


def test_extra_text_lowers_precision_and_missing_text_lowers_recall():
    noisy_p, noisy_r, _ = metric.page_score(TRUTH, TRUTH + " subscribe to our newsletter today")
    short_p, short_r, _ = metric.page_score(TRUTH, "one two three four five six")
    assert noisy_r == pytest.approx(1.0) and noisy_p < 1.0
    assert short_p == pytest.approx(1.0) and short_r < 1.0


def test_an_empty_prediction_has_no_precision_and_zero_recall():
    precision, recall, exact = metric.page_score(TRUTH, "")
    assert precision is None and recall == 0.0 and not exact


def test_f1_is_the_harmonic_mean_of_page_averaged_precision_and_recall():
    summary = metric.summarise([(1.0, 0.5, False), (0.5, 1.0, False), (None, 0.0, False)])
    assert summary["precision"] == pytest.approx(0.75)
    assert summary["recall"] == pytest.approx(0.5)
    assert summary["f1"] == pytest.approx(2 * 0.75 * 0.5 / 1.25)
    assert summary["accuracy"] == 0.0 and summary["f1_std"] > 0
