"""Lines a reader should never see in an article body, recognised by their wording.

Shared by the HTML extractor and the plain-text capture parser. Each rule names a kind of
boilerplate; `classify` returns that kind, or None for a line of real prose. The rules lean to
keeping a line: dropping a real sentence is worse than keeping a stray promo.
"""

from __future__ import annotations

import re
import unicodedata

REACTION_WORDS = ("like", "dislike", "love", "funny", "angry", "sad", "wow")

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})


def fold(text: str) -> str:
    """Plain quotes and single spaces, for matching."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():  # the quotes and spaces replaced are not: skip a slow translate
        text = text.translate(_QUOTES)
    # str.split splits on what re's \s matches: runs of whitespace become one space.
    return " ".join(text.split())


_FLAG = "(insight|video|pictures|picture|poll|latest|report|analysis|live|photos|reveal|quiz)"

# (kind, pattern) — matched against the folded line in lower case (faster than ignoring case).
RULES: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(pattern))
    for kind, pattern in [
        ("reactions", r"^what'?s your reaction\??$"),
        (
            "read-more",
            r"^(read more|read also|also read|related|related stories|related articles"
            r"|more from [\w .'-]+|recommended|you may also like|see also|watch|listen"
            r"|see more|don'?t miss|must read|must see|read next|up next)"
            r"\s*[:|»>\-–—]\s*\S",
        ),
        (
            "read-more",
            r"^(read more|related stories|related articles|more stories|you may also like"
            r"|recommended for you|more on this story|trending now|most read|top stories"
            r"|don'?t miss|must read|must see|read next|up next|see more|explore further|more)"
            r"\s*:?$",
        ),
        ("read-more", r"^\[(related|read more|read also|see also|more)\s*:.*\]$"),
        # A row of other headlines, each flagged like "[VIDEO]" or "[INSIGHT]".
        ("read-more", rf"\[{_FLAG}\].*\[{_FLAG}\]"),
        (
            "newsletter",
            r"\b(sign up|subscribe|register)\b.{0,60}\b(newsletters?|our (daily|weekly)"
            r"|inbox|briefing|updates)\b",
        ),
        ("newsletter", r"^(get|receive) (our|the) [\w '-]{0,40}(newsletter|briefing)\b"),
        ("newsletter", r"\bsign up (free|now|today|for free)\b"),
        ("newsletter", r"^(get|receive) [\w ,'-]{0,60}\b(to|in) your inbox\b"),
        (
            "subscribe",
            r"^(subscribe|become a (member|subscriber)|support (our|independent) "
            r"journalism|already a subscriber)\b",
        ),
        ("subscribe", r"\b\d+ issues for [£$€]"),
        # An appeal for money in the outlet's own voice.
        ("subscribe", r"^(our|independent|quality) journalism (needs|relies on|depends on)\b"),
        ("subscribe", r"^(please )?(donate|make a donation)( now| today)?[.!]?$"),
        # The player that reads the article aloud.
        ("audio", r"^listen to (this|the) (article|story)\b[\w :·|-]{0,20}$"),
        ("app", r"\b(download|get) (our|the) [\w ]{0,30}app\b"),
        # A plug for the outlet's broadcast: "Listen to Newsbeat live at 12:45 and 17:45".
        (
            "promo",
            r"^(listen|tune in) (to )?[\w' ]{1,40} live ((at|from) \d|every|daily|weekdays"
            r"|weeknights|on (air|radio|[\w ]{0,20}\d))",
        ),
        ("share", r"^(like|liked|enjoy|enjoyed|love|loved) this (story|article|post|piece)\?"),
        (
            "share",
            r"^(share|share this( article| story)?|share on|tweet|email|print|copy link)"
            r"(\s*[:|·•]?\s*(facebook|twitter|x|linkedin|whatsapp|email|reddit|telegram"
            r"|print|copy link|pinterest))*\s*:?$",
        ),
        ("share", r"^this (story|article) has been shared [\d,.]+ times\.?$"),
        ("share", r"^print this (article|story|page)$"),
        (
            "share",
            r"^(facebook|twitter|x|linkedin|whatsapp|email|reddit|pinterest|telegram)"
            r"(\s*[|·•,]?\s*(facebook|twitter|x|linkedin|whatsapp|email|reddit|pinterest"
            r"|telegram|print|copy link))+$",
        ),
        (
            "comments",
            r"^(\d+\s+comments?|comments?\s*\(\d+\)|view comments|show comments"
            r"|leave a comment|join the (conversation|discussion)|be the first to comment)",
        ),
        ("comments", r"^\d+\s+comments?\s*[-–—·|]\s*(join|add|read)"),
        ("comments", r"^(tell us|let us know) what you think\b|^comments?$"),
        (
            "cookies",
            r"\b(we use cookies|this (site|website) uses cookies|accept (all )?cookies"
            r"|cookie (policy|settings|preferences))\b",
        ),
        (
            "image-credit",
            r"^(photo|image|picture|photograph|illustration|video)"
            r"( credit)?\s*:\s*[^.]{0,80}$",
        ),
        ("image-credit", r"^\(?(photo|image) (by|courtesy of) [^.]{0,60}\)?$"),
        ("image-credit", r"^(image|photo|picture|video) (copyright|source|courtesy)\b[^.]{0,60}$"),
        (
            "image-credit",
            r"^[^.]{0,60}/\s*(getty images|reuters|ap|afp|epa|shutterstock)"
            r"( via [^.]{0,30})?$",
        ),
        (
            "image-credit",
            r"^\(?(ap|afp|epa|reuters|ansa|dpa|upi|xinhua) photos? ?/[^.()]{0,60}\)?$",
        ),
        ("click-here", r"^click here\b"),
        (
            "click-here",
            r"\bclick here to (read|watch|subscribe|download|sign up|learn more|get)\b",
        ),
        (
            "advertisement",
            r"^(advertisement|skip advertisement|sponsored|sponsored content|ad|paid content"
            r"|story continues below( advertisement)?|continue reading below)$",
        ),
        ("about-author", r"^about the (author|writer)s?\s*:?$"),
        # A timestamp line: the date is the article's, not a sentence of its body.
        (
            "dateline",
            r"^(published|updated|posted|last updated|first published)\b(?=.*\d)"
            r"(?!.*\b(the|an?|that|was|were|is|are|has|have|had|will|would|said|says)\b)"
            r"[\w ,:/.+-]{0,50}$",
        ),
        ("reading-time", r"^(reading time|\d+ min(ute)?s? read|tempo de leitura|lesezeit)\b"),
        # Who reported and edited, and where else to read: the wire's footer, not the story.
        ("credits", r"^\(?(additional )?reporting by\b|^source\s*:\s*[^.]{0,40}$"),
        ("credits", r"\bcontributed (reporting|to this (report|story))\b"),
        ("follow", r"^follow (\w+'?s|our) (full |complete |latest )?coverage\b"),
        ("contact", r"^(have|got) a (news )?tip\?"),
        # An author's address or profile on a line of its own.
        (
            "contact",
            r"^[\w.+-]+@[\w-]+\.[\w.]+$|^(https?://)?(www\.)?(twitter|x|instagram)\.com/\w+$",
        ),
        # What a page shows in place of a player or slideshow it could not run.
        (
            "placeholder",
            r"^(this|the) (slideshow|gallery|video|player|content|page|feature|interactive)"
            r"[\w ]{0,30} requires javascript\b|^(please )?enable javascript\b"
            r"|^javascript (is )?(disabled|required)\b|^loading\s*(\.\.\.|…)?$",
        ),
        # A shortcode the site left unrendered: a button or an embed, not prose.
        ("shortcode", r"\[/(button|caption|embed|gallery|video|audio)\]"),
        ("tags", r"^(tags|topics|filed under)\s*:"),
        ("navigation", r"^([\w&'’ -]{1,24}\s*[|·•»›]\s*){2,}[\w&'’ -]{1,24}$"),
        (
            "follow",
            r"^follow (us|me|[\w .]{1,40}) on (twitter|x|facebook|instagram|linkedin"
            r"|threads|bluesky)\b",
        ),
    ]
]

# A rule not anchored at the start of a line tries every position of it; each of them needs one
# of these words, so a line without any skips them all.
UNANCHORED_NEED = re.compile(
    r"sign up|subscribe|register|download|get|cookie|click here|issues|contributed|\["
)
_ANCHORED = [pattern.pattern.startswith("^") for _, pattern in RULES]

ORIGINAL_CREDIT = re.compile(
    r"^(this (article|story|post|piece) (was )?(originally|first) (appeared|published|ran)"
    r"( (in|on|at|by))?|originally published (in|on|at|by)|republished (with permission )?from)"
    r"\s+(?P<outlet>[^.]{2,80}?)(?:,? (on|under) [^.]*)?\.?$",
    re.IGNORECASE,
)

_NO_LOWER_ASCII = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyz")
_WORD = re.compile(r"[A-Za-z][A-Za-z'+&.-]*")


def is_shouting_promo(text: str) -> bool:
    """A short line in capitals that sells something: "MATT WALSH'S NEW SHOW COMING TO X+".

    Acronyms and all-caps words inside normal prose do not count; a whole line in capitals
    with few words and no sentence of lower-case text does.
    """
    return _shouts(fold(text))


def _shouts(line: str) -> bool:
    # Most lines are prose: a tenth of them in lower-case ASCII letters settles it, counted
    # without a loop in Python.
    if len(line) - len(line.translate(_NO_LOWER_ASCII)) > 0.1 * len(line):
        return False
    words = _WORD.findall(line)
    if not 3 <= len(words) <= 20:
        return False
    letters = [c for c in line if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) / len(letters) < 0.9:
        return False
    # A capitalised quote or a headline-like sentence of plain words ends in a full stop, and a
    # section heading in capitals may ask a question; promos end with a date, a price, an
    # exclamation or nothing.
    return not line.endswith((".", '."', ".'", "?", '?"', "?'"))


def original_credit(text: str) -> str | None:
    """The outlet named by "This article originally appeared in X", or None."""
    match = ORIGINAL_CREDIT.match(fold(text))
    return match.group("outlet").strip() if match else None


# Scripts written without spaces between words: Chinese, Japanese, Korean.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def word_count(text: str) -> int:
    """Words in a text; in scripts without spaces, about one word per two characters."""
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    return len(_UNSPACED.sub(" ", text).split()) + unspaced // 2


def classify(text: str) -> str | None:
    """The kind of boilerplate this line is, or None when it is prose."""
    line = fold(text)
    if not line:
        return "empty"
    if ORIGINAL_CREDIT.match(line):
        return "original-credit"
    # Long lines are prose: boilerplate is short. A long line that mentions cookies or a
    # newsletter is more likely a sentence about them.
    if len(line) > 220:
        return None
    lowered = line.lower()
    unanchored = UNANCHORED_NEED.search(lowered) is not None
    for (kind, pattern), anchored in zip(RULES, _ANCHORED, strict=True):
        if (anchored or unanchored) and pattern.search(lowered):
            return kind
    if _shouts(line):
        return "promo"
    return None


# Kinds that sell something other than the article; extractors report these as removed promos.
PROMO_KINDS = frozenset(
    {
        "promo",
        "read-more",
        "newsletter",
        "subscribe",
        "app",
        "click-here",
        "advertisement",
        "follow",
    }
)


def is_promo_line(text: str) -> bool:
    """A line that sells something other than the article: promos, prompts, read-more links."""
    return classify(text) in PROMO_KINDS


def reactions_in(lines: list[str]) -> list[str]:
    """Reaction names in the order they appear, each line a name with an optional count."""
    found = []
    for line in lines:
        match = re.match(r"^\s*(\d+\s+)?([A-Za-z]+)(\s+\d+)?\s*$", fold(line))
        if match and match.group(2).lower() in REACTION_WORDS:
            word = match.group(2).lower()
            if word not in found:
                found.append(word)
    return found
