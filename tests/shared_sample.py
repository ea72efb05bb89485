"""The aggregator page in ../shared/samples, and the mark that skips a test without it."""

from pathlib import Path

import pytest

SAMPLE = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "samples"
    / "aggregator-page-dprk-troops.txt"
)
EXPECTED = SAMPLE.with_suffix(".expected.json")

needs_sample = pytest.mark.skipif(
    not SAMPLE.exists(), reason=f"the shared sample is not at {SAMPLE} (../shared is absent)"
)
