"""The words that cue an attribution: verbs of saying, thinking and taking a stance, and the
nouns that carry a statement. General English, not fitted to any one corpus."""

from __future__ import annotations

from spacy.tokens import Token


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that introduce what someone said, wrote, or thinks.
SPEECH_VERBS = words(
    """
    say tell add state declare explain note claim argue insist warn announce
    confirm deny acknowledge admit report write reply respond answer ask suggest assert
    contend maintain predict estimate believe think expect hope fear worry allege recall
    stress emphasize emphasise caution concede testify tweet post comment describe call urge
    vow promise pledge indicate reveal disclose agree complain observe remark mention recount
    """
)
# Verbs of wanting, planning and taking a stance: their object is what someone holds.
STANCE_VERBS = words(
    """
    want plan intend seek demand call cite propose push support oppose accuse blame
    criticize criticise question defend reject welcome praise vow pledge promise urge
    """
)
# Talking about something, knowing and feeling, judging, deciding, and showing: news
# ascribes all of these to people, and to the reports and polls that speak for them.
OTHER_VERBS = words(
    """
    speak talk discuss address express point reference refer invoke echo repeat recite quote
    highlight underscore detail outline clarify articulate propound advocate recommend request
    implore plead beg press thank apologize joke brag boast lament bemoan yell shout cry
    unveil publish inform notify signal hint imply forecast project conclude rule order
    instruct retweet

    know understand recognize realize learn see view consider feel assume suspect wonder
    imagine doubt comprehend fathom sense envision contemplate guess speculate remember
    notice discover

    wish desire prefer like love hate despise resent respect admire enjoy

    condemn denounce attack slam blast mock deride lambast chastise decry applaud hail herald
    extol compliment tout champion endorse back accept dispute challenge charge credit fault
    dismiss ridicule

    decide refuse decline threaten aim choose

    show find document illustrate chronicle feature portray paint characterize dub label brand
    liken compare link tie cast frame offer encourage seem appear examine identify weigh rail
    judge promote unleash deliver issue rate
    """
)
CUE_VERBS = SPEECH_VERBS | STANCE_VERBS | OTHER_VERBS
# Verbs that frame a quotation: saying out loud, not thinking or holding.
QUOTE_VERBS = SPEECH_VERBS - words("believe think expect hope fear worry call") | words(
    """
    yell shout chant sing scream exclaim proclaim continue conclude read boast brag joke quip
    retort
    """
)
# Nouns that carry a statement or a stance, with its holder as possessive ("Trump's claim").
CUE_NOUNS = words(
    """
    claim statement report comment criticism remark acknowledgment acknowledgement admission
    assertion allegation accusation charge promise pledge vow plan proposal decision
    determination demand call message warning threat argument belief view hope fear worry
    concern expectation estimate assessment conclusion refusal reluctance eagerness desire
    insistence suggestion announcement pronouncement speculation theory idea thought opinion
    support opposition endorsement recommendation advice commitment rhetoric
    """
)
# Nouns of something said ("the minister's statement"), where CUE_NOUNS also holds plans,
# beliefs and stances.
STATEMENT_NOUNS = words(
    """
    claim statement report comment remark acknowledgment acknowledgement admission assertion
    allegation accusation charge promise pledge vow demand call message warning threat argument
    announcement pronouncement suggestion recommendation advice
    """
)
SAYING = QUOTE_VERBS | STATEMENT_NOUNS
# Verbs that say something of their subject without anyone saying it: "Melania seems to have
# vanished from the campaign trail" is the article's impression, its subject part of it.
IMPRESSIONS = words("seem appear")
# Forms the rule lemmatizer reads wrongly ("hoped" as a form of "hop").
LEMMAS = {"hoped": "hope", "rated": "rate", "retweeted": "retweet", "poohed": "pooh"}


def lemma(token: Token) -> str:
    return LEMMAS.get(token.lower_, token.lemma_)
