"""Plain-text captures of article pages: recover title, teaser, date, counters, body and author.

A page saved as text keeps its reading order but loses its markup. A capture reads, top to
bottom: a header (title, teaser, byline, date line, counters, often the title again), the body,
then the tail (reactions widget, author box, comments, related links). We find the header's end
and the tail's start by what their lines look like, and clean the body between them with the
shared boilerplate rules.
"""

from __future__ import annotations

import re

from newsdesk.extract import boilerplate
from newsdesk.extract.article import Author, Counters, ExtractedArticle
from newsdesk.extract.dates import local_iso, parse_date_line
from newsdesk.extract.language import article_language
from newsdesk.extract.sanitize import paragraphs_to_html

HEADER_LINES = 10  # a header longer than this is not a header
COUNT = r"\d[\d,.]*\s*[kKmM]?"
COUNTERS = re.compile(
    rf"^(?P<a>{COUNT})\s*(?P<al>views?|reads?|comments?)?\s*[·|•,/-]?\s*"
    rf"((?P<b>{COUNT})\s*(?P<bl>views?|reads?|comments?)?)?$",
    re.IGNORECASE,
)
BYLINE = re.compile(
    r"^(by|written by|words by)\s+(?P<name>[^|,·•]{2,60}?)\s*([|,·•]\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
TAIL_STARTS = {"reactions", "about-author", "comments"}
TAGS = re.compile(r"^(tags|topics|filed under)\s*:\s*(?P<tags>.+)$", re.IGNORECASE)
PRONOUNS = {"I", "I'm", "I've", "He", "She", "They", "We", "My", "Our", "His", "Her"}
BIO_VERBS = {"is", "was", "has", "covers", "writes", "reports", "joined", "edits", "leads"}
NAME_WORD = re.compile(r"^[A-Z][\w'’.-]*$")


def parse_text_capture(text: str, url: str = "") -> ExtractedArticle:
    """Read a plain-text capture of an article page; an unreadable one gives an empty body."""
    lines = [" ".join(line.replace("\u00a0", " ").split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    # Menus and banners captured above the headline are not the headline.
    while lines and boilerplate.classify(lines[0]) is not None:
        lines.pop(0)
    if not lines:
        return ExtractedArticle(title="", url=url, format="text")

    title = lines[0]
    article = ExtractedArticle(title=title, url=url, format="text")
    body_start = read_header(lines, article)
    body_end = find_tail(lines, body_start)
    read_body(lines[body_start:body_end], article)
    read_tail(lines[body_end:], article)
    article.body_html = paragraphs_to_html(article.body)
    article.language = article_language(title, article.text)
    article.confidence = confidence(article)
    return article


def read_header(lines: list[str], article: ExtractedArticle) -> int:
    """Fill teaser, byline, date and counters; return where the body starts."""
    folded_title = boilerplate.fold(article.title).lower()
    body_start = 1
    for i in range(1, min(HEADER_LINES, len(lines))):
        line = lines[i]
        if boilerplate.fold(line).lower() == folded_title:
            body_start = i + 1  # the title repeated over the body: the header ends here
            continue
        if (when := parse_date_line(line)) and article.published is None:
            article.published = when
            article.published_local = local_iso(when)
            body_start = i + 1
            continue
        if (counters := read_counters(line)) is not None:
            article.counters = counters
            body_start = i + 1
            continue
        if (match := BYLINE.match(line)) and not article.authors:
            article.authors.append(Author(name=match.group("name").strip()))
            if (rest := match.group("rest")) and (when := parse_date_line(rest)):
                article.published, article.published_local = when, local_iso(when)
            body_start = i + 1
            continue
        if (
            article.published is None
            and i == body_start
            and not article.teaser
            and _is_teaser(line, lines, i)
        ):
            article.teaser = line
            article.teaser_is_truncated = line.endswith(("...", "…"))
            body_start = i + 1
    return body_start


def _is_teaser(line: str, lines: list[str], i: int) -> bool:
    """A standfirst sits between the title and a date line that follows within two lines."""
    later = lines[i + 1 : i + 3]
    return len(line) > 30 and any(parse_date_line(other) for other in later)


def read_counters(line: str) -> Counters | None:
    match = COUNTERS.match(line)
    if not match or (not match.group("b") and not match.group("al")):
        return None  # a lone unlabelled number is not a counters line
    counters = Counters()
    for value, label in (
        (match.group("a"), match.group("al")),
        (match.group("b"), match.group("bl")),
    ):
        if value is None:
            continue
        number = _number(value)
        if (label or "").lower().startswith("comment"):
            counters.comments = number
        elif label or counters.views is None:
            counters.views = number
        else:
            counters.comments = number
    return counters


def _number(text: str) -> int:
    text = text.strip().lower().replace(",", "")
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km").strip()) * scale)


def find_tail(lines: list[str], start: int) -> int:
    """The first line of the tail: the reactions widget, an author box, comments."""
    for i in range(start, len(lines)):
        if boilerplate.classify(lines[i]) in TAIL_STARTS:
            return i
    return len(lines)


def read_body(lines: list[str], article: ExtractedArticle) -> None:
    skipping_links = False
    for line in lines:
        kind = boilerplate.classify(line)
        if kind == "read-more" and not re.search(r"[:|»>\-–—]\s*\S", line):
            skipping_links = True  # a "Related stories" heading: the headlines under it go too
            continue
        if skipping_links:
            if not line.endswith((".", '"', "”", "?", "!")):
                continue
            skipping_links = False
        if kind == "original-credit":
            article.original_credit = boilerplate.original_credit(line) or ""
        elif kind == "tags":
            if match := TAGS.match(line):
                article.tags = [
                    t.strip() for t in re.split(r"[,;]", match.group("tags")) if t.strip()
                ]
        elif kind in boilerplate.PROMO_KINDS:
            article.inline_promos_removed.append(line)
        elif kind is None:
            article.body.append(line)


def read_tail(lines: list[str], article: ExtractedArticle) -> None:
    """Reactions, then the author box: a name and a bio, on one line or two."""
    rest: list[str] = []
    in_reactions = False
    for line in lines:
        kind = boilerplate.classify(line)
        if kind == "reactions":
            in_reactions = True
            continue
        if in_reactions and boilerplate.reactions_in([line]):
            article.reactions_offered.extend(
                r for r in boilerplate.reactions_in([line]) if r not in article.reactions_offered
            )
            continue
        in_reactions = False
        if kind in ("about-author", "comments", "share") or kind in boilerplate.PROMO_KINDS:
            continue
        rest.append(line)
    if (rest and not article.authors) or (rest and article.authors and not article.authors[0].bio):
        name, bio = split_author_box(rest)
        if name:
            known = article.authors[0] if article.authors else None
            if known and known.name != name:
                article.authors.insert(0, Author(name=name, bio=bio))
            elif known:
                known.bio = bio
            else:
                article.authors.append(Author(name=name, bio=bio))


def split_author_box(lines: list[str]) -> tuple[str, str]:
    """("Fibis", "I am just ...") from "Fibis I am just ..."; a name alone takes the next lines."""
    words = lines[0].split()
    if len(words) <= 4 and all(NAME_WORD.match(w) for w in words):
        return lines[0], " ".join(lines[1:])
    for i, word in enumerate(words[:6]):
        if i == 0:
            continue
        if not all(NAME_WORD.match(w) for w in words[:i]):
            break
        if word in PRONOUNS or (i > 1 and word == words[0]):
            return " ".join(words[:i]), " ".join([*words[i:], *lines[1:]])
        if word.lower() in BIO_VERBS:
            return " ".join(words[:i]), " ".join(lines)
    return "", ""


def confidence(article: ExtractedArticle) -> float:
    """Length of the body, and whether the header gave what a header should."""
    words = boilerplate.word_count(article.text)
    score = 0.15 if words < 30 else 0.4 if words < 80 else 0.7 if words < 150 else 0.85
    if article.published is not None:
        score += 0.1
    if article.teaser or article.authors:
        score += 0.05
    return round(min(score, 1.0), 2)
