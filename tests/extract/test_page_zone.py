"""The publication moment in the zone the page prints it in (extract.dates.in_page_zone)."""

import warnings
from datetime import UTC, datetime, timedelta, timezone

import pytest

from newsdesk.extract.dates import in_page_zone, parse_date_line

UTC_MOMENT = datetime(2019, 11, 19, 7, 3, 25, tzinfo=UTC)


def test_a_shown_local_time_gives_the_page_its_zone_and_day():
    shown = parse_date_line("November 18, 2019 11:03 PM")
    when = in_page_zone([UTC_MOMENT], [shown])
    assert when == UTC_MOMENT
    assert when.isoformat() == "2019-11-18T23:03:25-08:00"


def test_a_shown_time_that_is_not_the_declared_moment_changes_nothing():
    for line in ("November 18, 2019 11:17 PM", "November 18, 2019"):
        assert in_page_zone([UTC_MOMENT], [parse_date_line(line)]).isoformat() == (
            "2019-11-19T07:03:25+00:00"
        )


def test_a_shown_time_with_its_zone_picks_the_declared_moment_it_confirms():
    wrong_offset = datetime(2019, 11, 20, 4, 31, 13, tzinfo=timezone(timedelta(hours=-6)))
    right = datetime(2019, 11, 20, 4, 31, 13, tzinfo=UTC)
    when = in_page_zone([wrong_offset, right], [parse_date_line("Nov 19, 2019, 10:31 pm CST")])
    assert when == right
    assert when.isoformat() == "2019-11-19T22:31:13-06:00"


def test_without_a_declared_moment_there_is_none():
    assert in_page_zone([], [parse_date_line("November 18, 2019 11:03 PM")]) is None


@pytest.mark.parametrize(
    ("line", "offset"),
    [
        ("Nov. 19, 2019 at 1:23 p.m. ET", -5),  # Eastern: standard time in November
        ("July 4, 2019 10:00 a.m. ET", -4),  # and daylight time in July
        ("July 4, 2019 10:00 PT", -7),
        ("Nov 19, 2019 18:30 AEDT", 11),
        ("2019-11-19T07:03:25+02:00", 2),
        ("November 18, 2019 at 2:26 PM HST", -10),
    ],
)
def test_a_date_line_reads_its_zone(line, offset):
    assert parse_date_line(line).utcoffset() == timedelta(hours=offset)


def test_a_zone_nobody_can_tell_leaves_the_time_naive_without_a_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        when = parse_date_line("Nov 19, 2019 08:00 XYZT")
    assert when == datetime(2019, 11, 19, 8, 0) and when.tzinfo is None


def test_a_shown_time_with_its_zone_but_another_minute_still_names_the_zone():
    # Shown at 2:26 PM HST, declared at 01:48 UTC the next day (3:48 PM HST): the day a
    # reader sees is the 18th.
    declared = datetime(2019, 11, 19, 1, 48, tzinfo=UTC)
    when = in_page_zone([declared], [parse_date_line("November 18, 2019 at 2:26 PM HST")])
    assert when == declared
    assert when.isoformat() == "2019-11-18T15:48:00-10:00"
    # A day or more away, it is some other moment, and says nothing of this one's zone.
    other = parse_date_line("November 16, 2019 at 2:26 PM HST")
    assert in_page_zone([declared], [other]).isoformat() == "2019-11-19T01:48:00+00:00"


@pytest.mark.parametrize(
    "line",
    [
        "November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM",
        "November 18, 2019 at 2:26 PM HST | Last updated Nov 19, 2019",
        "November 18, 2019 at 2:26 PM HST (Updated: Nov 19)",
    ],
)
def test_an_update_after_the_date_is_not_read_into_it(line):
    assert parse_date_line(line) == datetime(
        2019, 11, 18, 14, 26, tzinfo=timezone(-timedelta(hours=10))
    )


def test_a_day_declared_alone_takes_its_time_from_another_declaration_of_that_day():
    from newsdesk.extract.html import extract_html

    page = """<html><head><title>Pier reopens</title>
    <script type="application/ld+json">{"@graph": [{"@type": "WebPage",
      "datePublished": "2026-03-03T09:30:00+01:00"}]}</script>
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Pier reopens",
      "datePublished": "2026-03-03"}</script></head>
    <body><article><h1>Pier reopens</h1><p>The pier of Port Alder reopened on Tuesday after
    nine weeks of repairs, the harbour authority said, and the ferries run again.</p>
    </article></body></html>"""
    assert extract_html(page, "https://harbour.example/a").published_local == "2026-03-03T09:30"
    # Another day's time is not this day's.
    other = page.replace("2026-03-03T09:30", "2026-03-02T09:30")
    assert extract_html(other, "https://harbour.example/a").published_local == "2026-03-03T00:00"
