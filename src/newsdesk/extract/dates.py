"""Date lines as pages print them: "Oct 23, 2024 - 16:28", "23 October 2024 at 4:28 pm", ISO."""

from __future__ import annotations

import re
from datetime import datetime

from dateutil import parser as dateparser
from dateutil import tz

MONTH = (
    r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?"
    r"|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?"
)
LOOKS_LIKE_DATE = re.compile(
    rf"\b{MONTH}\s+\d{{1,2}}(st|nd|rd|th)?,?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}(st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{4}\b",
    re.IGNORECASE,
)
PREFIX = re.compile(
    r"^(published|posted|updated|last updated|first published|date|on)\s*(on|at)?\s*:?\s*",
    re.IGNORECASE,
)
# Zone abbreviations a news page may print, as offsets dateutil cannot guess by itself.
ZONES = {
    "UTC": 0,
    "GMT": 0,
    "BST": 3600,
    "CET": 3600,
    "CEST": 7200,
    "EET": 7200,
    "EEST": 10800,
    "EST": -18000,
    "EDT": -14400,
    "CST": -21600,
    "CDT": -18000,
    "MST": -25200,
    "MDT": -21600,
    "PST": -28800,
    "PDT": -25200,
    "KST": 32400,
    "JST": 32400,
    "IST": 19800,
}
TZINFOS = {name: tz.tzoffset(name, offset) for name, offset in ZONES.items()}
MAX_DATE_LINE = 80


def parse_date_line(line: str) -> datetime | None:
    """The moment a short date line names; naive when it gives no zone, None for no date."""
    text = " ".join(line.replace("\u00a0", " ").split())
    if len(text) > MAX_DATE_LINE or not LOOKS_LIKE_DATE.search(text):
        return None
    if text.endswith(".") and len(text.split()) > 6:
        return None  # a sentence that mentions a date, not a date line
    text = PREFIX.sub("", text)
    # "Oct 23, 2024 - 16:28", "... at 4:28 pm", "... | 16:28": the joiner is noise to a parser.
    text = re.sub(r"\s+(-|–|—|at|@|\||·|•)\s+(?=\d)", " ", text, flags=re.IGNORECASE)
    try:
        return dateparser.parse(text, tzinfos=TZINFOS, fuzzy=True)
    except (ValueError, OverflowError):
        return None


def local_iso(when: datetime) -> str:
    """The wall-clock time as the page shows it, "YYYY-MM-DDTHH:MM"."""
    return when.strftime("%Y-%m-%dT%H:%M")
