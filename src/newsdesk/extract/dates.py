"""Date lines as pages print them: "Oct 23, 2024 - 16:28", "23 October 2024 at 4:28 pm", ISO."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from dateutil import parser as dateparser
from dateutil import tz

MONTH = (
    r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?"
    r"|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?"
)
LOOKS_LIKE_DATE = re.compile(
    rf"\b{MONTH}\s+\d{{1,2}}(st|nd|rd|th)?,?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}(st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}\b"
    r"|\b\d{4}-\d{2}-\d{2}(\b|(?=T\d))|\b\d{1,2}/\d{1,2}/\d{4}\b",
    re.IGNORECASE,
)
PREFIX = re.compile(
    r"^(published|posted|updated|last updated|first published|date|on)\s*(on|at)?\s*:?\s*",
    re.IGNORECASE,
)
# "… - Updated November 18 at 4:46 PM": a second moment, not part of the first.
UPDATED_TAIL = re.compile(r"\s*[-–—|·•(]?\s*\b(updated|last updated|modified)\b", re.IGNORECASE)
# Zone abbreviations a news page may print, as offsets dateutil cannot guess by itself.
ZONES = {
    "UTC": 0,
    "GMT": 0,
    "WET": 0,
    "BST": 3600,
    "CET": 3600,
    "WAT": 3600,
    "CEST": 7200,
    "EET": 7200,
    "CAT": 7200,
    "SAST": 7200,
    "EEST": 10800,
    "MSK": 10800,
    "EAT": 10800,
    "IST": 19800,
    "WIB": 25200,
    "HKT": 28800,
    "SGT": 28800,
    "AWST": 28800,
    "KST": 32400,
    "JST": 32400,
    "AEST": 36000,
    "AEDT": 39600,
    "NZST": 43200,
    "NZDT": 46800,
    "EST": -18000,
    "EDT": -14400,
    "CST": -21600,
    "CDT": -18000,
    "MST": -25200,
    "MDT": -21600,
    "PST": -28800,
    "PDT": -25200,
    "AKST": -32400,
    "AKDT": -28800,
    "HST": -36000,
}
# "ET", "PT": a US zone's clock, standard or daylight by the date (the zone database is the
# machine's, else the tzdata package's).
REGIONS = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}
# Every form LOOKS_LIKE_DATE reads has a year: lines without four digits in a row are
# rejected by this far cheaper test first.
YEAR = re.compile(r"\d{4}")
TZINFOS: dict[str, tzinfo] = {name: tz.tzoffset(name, offset) for name, offset in ZONES.items()}


def zone(name: str | None, offset: int | None) -> tzinfo | None:
    """The zone a parsed time names, for dateutil's `tzinfos`: by abbreviation, by region, or
    by its offset; None (a naive time) for a name nobody can tell, rather than a warning."""
    if name:
        name = name.upper()
        if (known := TZINFOS.get(name)) is not None:
            return known
        if name in REGIONS:
            return ZoneInfo(REGIONS[name])
    if offset is not None:
        return tz.UTC if offset == 0 else tz.tzoffset(name, offset)
    return None


MAX_DATE_LINE = 80


def parse_date_line(line: str) -> datetime | None:
    """The moment a short date line names; naive when it gives no zone, None for no date."""
    if not YEAR.search(line):
        return None
    text = " ".join(line.replace("\u00a0", " ").split())
    if len(text) > MAX_DATE_LINE or not LOOKS_LIKE_DATE.search(text):
        return None
    if text.endswith(".") and len(text.split()) > 6:
        return None  # a sentence that mentions a date, not a date line
    text = UPDATED_TAIL.split(PREFIX.sub("", text), maxsplit=1)[0]
    # "Oct 23, 2024 - 16:28", "... at 4:28 pm", "... | 16:28": the joiner is noise to a parser.
    text = re.sub(r"\s+(-|–|—|at|@|\||·|•)\s+(?=\d)", " ", text, flags=re.IGNORECASE)
    try:
        return dateparser.parse(text, tzinfos=zone, fuzzy=True)
    except (ValueError, OverflowError):
        return None


def local_iso(when: datetime) -> str:
    """The wall-clock time as the page shows it, "YYYY-MM-DDTHH:MM"."""
    return when.strftime("%Y-%m-%dT%H:%M")


# The widest offset any zone uses, and the step every zone's offset is a multiple of.
MAX_OFFSET = timedelta(hours=14)
OFFSET_STEP = timedelta(minutes=15)


def in_page_zone(moments: list[datetime], shown: Iterable[datetime]) -> datetime | None:
    """The publication moment in the zone the page shows it in.

    Pages declare the moment in UTC ("2019-11-19T07:03:25+00:00") and print it in their own
    zone ("November 18, 2019 11:03 PM"): the day a reader sees is the page's local one. A
    time the page shows (a date line, a <time>, a zone-less meta tag) that is a declared
    moment to the minute, at a whole quarter-hour's offset, gives that zone; a shown time
    with its own zone also picks which declared moment is right where two disagree, and
    failing that still names the zone, when it is within a day of the first.
    `moments` are the declared moments, the most trusted first; without any shown time that
    says its zone, the first stands as declared.
    """
    zoned = []  # shown times with their own zone, for the fallback
    declared = [m for m in moments if m.tzinfo is not None]
    for hint in shown:
        if hint.tzinfo is None and hint.hour == hint.minute == 0:
            continue  # a date without a time says nothing of the zone
        if hint.tzinfo is not None:
            zoned.append(hint)
        for moment in declared:
            if hint.tzinfo is not None:
                if abs(hint - moment) < timedelta(minutes=1):
                    offset = hint.utcoffset()
                    return moment.astimezone(timezone(offset)) if offset is not None else moment
                continue
            offset = hint - moment.astimezone(UTC).replace(tzinfo=None)
            zone = round(offset / OFFSET_STEP) * OFFSET_STEP
            if abs(zone) <= MAX_OFFSET and abs(offset - zone) < timedelta(minutes=1):
                return moment.astimezone(timezone(zone))
    if declared:
        for hint in zoned:
            offset = hint.utcoffset()
            if offset is not None and abs(hint - declared[0]) < timedelta(days=1):
                return declared[0].astimezone(timezone(offset))
    return moments[0] if moments else None
