"""Mistakes and unreachable sources give one clear line and a non-zero exit, never a traceback."""

import pytest

from newsdesk.cli import main


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in text
    return lines[0]


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "add-feed" in capsys.readouterr().out


def test_unknown_command_is_one_line(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["publish-everything"])
    assert exited.value.code == 2
    assert "invalid choice" in one_line(capsys.readouterr().err)


def test_missing_argument_is_one_line(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["add-feed"])
    assert exited.value.code == 2
    assert "url" in one_line(capsys.readouterr().err)


def test_add_feed_refuses_a_non_url(capsys):
    assert main(["add-feed", "harbour.example/rss"]) == 1
    assert "not an http(s) URL" in one_line(capsys.readouterr().err)


def test_extract_missing_file_is_one_line(capsys, tmp_path):
    assert main(["extract", str(tmp_path / "nowhere.html")]) == 1
    assert "no such file" in one_line(capsys.readouterr().err)


def test_extract_unreachable_url_is_one_line(capsys):
    assert main(["extract", "http://127.0.0.1:9/article"]) == 1
    assert "could not connect" in one_line(capsys.readouterr().err)


def test_extract_broken_gzip_is_one_line(capsys, tmp_path):
    page = tmp_path / "page.html.gz"
    page.write_bytes(b"not gzip at all")
    assert main(["extract", str(page)]) == 1
    assert "gzip" in one_line(capsys.readouterr().err)


@pytest.mark.django_db
def test_fetch_without_feeds_says_how_to_add_one(capsys):
    assert main(["fetch", "--quiet"]) == 1
    assert "add-feed" in one_line(capsys.readouterr().err)


def test_bad_setting_is_one_line(capsys, monkeypatch):
    monkeypatch.setenv("NEWSDESK_FETCH_RETRIES", "many")
    assert main(["extract", "http://127.0.0.1:9/article"]) == 1
    assert "NEWSDESK_FETCH_RETRIES" in one_line(capsys.readouterr().err)


def test_worker_without_a_broker_says_what_it_needs(capsys, settings):
    settings.BROKER_URL = ""
    assert main(["worker"]) == 1
    assert "NEWSDESK_BROKER_URL is not set" in one_line(capsys.readouterr().err)
