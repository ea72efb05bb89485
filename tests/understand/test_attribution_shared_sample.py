"""On the shared aggregator sample, `newsdesk extract` finds who said what as an editor would."""

import json
import subprocess
import sys

import pytest
from shared_sample import EXPECTED, SAMPLE, needs_sample

from newsdesk.extract.boilerplate import fold

pytestmark = needs_sample


@pytest.fixture(scope="module")
def result():
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    run = subprocess.run(
        [sys.executable, "-m", "newsdesk.cli", "extract", str(SAMPLE)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout), expected


def test_cited_outlets(result):
    article, expected = result
    assert article["cited_outlets"] == expected["cited_outlets"]


def test_every_expected_attribution_with_speaker_role_and_outlet(result):
    article, expected = result
    for want in expected["attributions"]:
        prefix = fold(want.get("text_startswith", ""))
        part = fold(want.get("text_contains", ""))
        matches = [
            a
            for a in article["attributions"]
            if fold(a["text"]).startswith(prefix) and part in fold(a["text"])
        ]
        assert matches, f"missing: {want}"
        got = matches[0]
        assert got["kind"] == want["kind"]
        assert got["speaker"] == want["speaker"]
        assert got["according_to"] == want["according_to"]
        if "speaker_role" in want:
            assert fold(got["speaker_role"]) == fold(want["speaker_role"])


def test_figures(result):
    article, expected = result
    for want in expected["figures"]:
        assert any(
            f["value"] == want["value"]
            and f["unit"] == want["unit"]
            and fold(want["text_contains"]) in fold(f["text"])
            for f in article["figures"]
        ), f"missing figure {want}"


def test_entities(result):
    article, expected = result
    for kind, names in expected["entities_must_include"].items():
        found = {e["name"] for e in article["entities"][kind]}
        assert set(names) <= found, f"{kind}: missing {set(names) - found}"
