"""`newsdesk extract` prints stable JSON; `newsdesk import` stores saved pages once."""

import gzip
import json
import shutil
from pathlib import Path

import pytest

from newsdesk.cli import main
from newsdesk.news.models import Article

FIXTURES = Path(__file__).resolve().parents[1] / "extract"
CAPTURE = FIXTURES / "captures" / "republished-with-credit.txt"
PAGE = FIXTURES / "pages" / "harbour-strike.html"
FIELDS = {
    "title",
    "teaser",
    "teaser_is_truncated",
    "published",
    "published_local",
    "updated",
    "author",
    "authors",
    "body",
    "body_html",
    "reactions_offered",
    "counters",
    "site_name",
    "url",
    "canonical_url",
    "language",
    "image",
    "images",
    "tags",
    "inline_promos_removed",
    "original_credit",
    "format",
    "confidence",
}


def test_extract_prints_one_json_object_with_the_documented_fields(capsys):
    assert main(["extract", str(CAPTURE)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= FIELDS
    assert data["title"] == "Rail union agrees deal to end weekend strikes"
    assert data["author"]["name"] == "Marco Diaz"
    assert data["format"] == "text"


def test_extract_several_inputs_gives_one_line_each_and_reads_gzip(capsys, tmp_path):
    packed = tmp_path / "page.html.gz"
    packed.write_bytes(gzip.compress(PAGE.read_bytes()))
    assert main(["extract", str(CAPTURE), str(packed)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [json.loads(line)["format"] for line in lines] == ["text", "html"]
    assert json.loads(lines[1])["title"] == "Dock strike ends after nine days"


def test_extract_stores_nothing(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSDESK_DATA_DIR", str(tmp_path / "unused"))
    assert main(["extract", str(CAPTURE)]) == 0
    assert not (tmp_path / "unused").exists()


@pytest.mark.django_db
def test_import_folder_stores_each_page_once(capsys, tmp_path):
    shutil.copy(CAPTURE, tmp_path)
    shutil.copy(PAGE, tmp_path)
    (tmp_path / "notes.md").write_text("not a page")
    assert main(["import", "--quiet", str(tmp_path)]) == 0
    assert "2 new" in capsys.readouterr().out
    assert main(["import", "--quiet", str(tmp_path)]) == 0
    assert "0 new, 0 updated, 2 unchanged" in capsys.readouterr().out
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_import_reports_a_bad_file_and_keeps_going(capsys, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    shutil.copy(CAPTURE, tmp_path)
    assert main(["import", "--quiet", str(tmp_path), str(tmp_path / "missing.html")]) == 0
    captured = capsys.readouterr()
    assert "1 new" in captured.out and "2 failed" in captured.out
    assert "empty.txt: the page is empty" in captured.err
    assert "missing.html: no such file" in captured.err
