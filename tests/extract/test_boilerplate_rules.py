"""Boilerplate rules: what they drop, and the real prose they must keep."""

import pytest

from newsdesk.extract.boilerplate import classify, is_promo_line, original_credit, reactions_in

BOILERPLATE = [
    ("MATT WALSH’S ‘AM I RACIST?’ COMING TO DAILYWIRE+ OCT. 28", "promo"),
    ("GET 50% OFF NORTHLINE+ THIS WEEK ONLY", "promo"),
    ("READ MORE: Port Alder mayor calls for calm as talks resume", "read-more"),
    ("Related: Inside the coalition maths", "read-more"),
    ("Sign up for our newsletter to get the day's news in your inbox.", "newsletter"),
    ("Subscribe to the Dispatch Daily briefing for the stories that matter.", "newsletter"),
    ("Download our app to get breaking news alerts.", "app"),
    ("Click here to get Morning Wire Premium free for 30 days.", "click-here"),
    ("Share this story: Facebook Twitter Email", "share"),
    ("12 comments — join the conversation", "comments"),
    ("Comments (3)", "comments"),
    ("We use cookies to give you the best experience on our site.", "cookies"),
    ("Photo: Harbour Post / Staff", "image-credit"),
    ("What's Your Reaction?", "reactions"),
    ("About the author", "about-author"),
    ("Advertisement", "advertisement"),
    ("Home | News | Business | Sport", "navigation"),
    ("This article originally appeared in The Harbour Post.", "original-credit"),
    ("DON'T MISS", "read-more"),
    ("SEE MORE: Ferry strike enters its third day", "read-more"),
    ("[Related: Inside the coalition maths]", "read-more"),
    ("Harbour fire latest [VIDEO] | Mayor's budget under fire [INSIGHT]", "read-more"),
    ("Explore further", "read-more"),
    ("Sign Up: Stay on top of the news! Sign up for our Email Newsletters here.", "newsletter"),
    ("Get the Dispatch delivered to your door. 12 issues for £11.99.", "subscribe"),
    ("Like this story? Share it with a friend!", "share"),
    ("Tell us what YOU think...", "comments"),
    ("Comments", "comments"),
    ("Image copyright Getty Images", "image-credit"),
    ("Published 18 November 2026", "dateline"),
    ("Updated at 1:23 p.m.", "dateline"),
    ("Reading time: 4 minutes", "reading-time"),
    ("(Reporting by Ida Lund; editing by Tom Hale)", "credits"),
    ("Ida Lund contributed reporting from Port Alder.", "credits"),
    ("Follow our full coverage of the harbour strike at https://example.org/strike", "follow"),
    ("ida.lund@harbourpost.example", "contact"),
    ("This slideshow requires JavaScript.", "placeholder"),
    ('[button link="/submit"] Send us YOUR review[/button]', "shortcode"),
    ("Get the morning's headlines delivered straight to your inbox", "newsletter"),
    ("Our journalism needs your support. Please give what you can.", "subscribe"),
    ("Donate now!", "subscribe"),
    ("Listen to this article · 6 min", "audio"),
    ("(AP Photo/Ida Lund)", "image-credit"),
    ("Skip Advertisement", "advertisement"),
    ("This story has been shared 12,400 times.", "share"),
    ("Print this article", "share"),
    ("Have a news tip? Email tips@harbourpost.example", "contact"),
    ("Loading…", "placeholder"),
    ("Listen to Harbour Radio live at 12:45 and 17:45 weekdays - or listen back here.", "promo"),
]

PROSE = [
    "NATO allies met in Brussels on Tuesday.",
    "“We are seeing evidence that there are troops that have gone to Russia,” Austin said.",
    "The U.S. and the DPRK have not spoken since 2019.",
    "The fire started at 2am.",
    "Readers can subscribe to the council's flood alerts, which are free, the mayor said.",
    "Share prices fell 14 percent on the Kestrel exchange.",
    "“WE WILL NOT BE MOVED,” the crowd chanted outside parliament.",
    "Photographers were kept behind a barrier for most of the day.",
    "The company said it would read more widely into the data before deciding.",
    "About 300 people were told to leave their homes.",
    "WHO IS THE FRONT-RUNNER?",
    "More than 300 people were told to leave their homes.",
    "Published in 2019, the report found that rents had doubled.",
    "Comments from residents were mixed.",
    "The source said the talks would resume in March.",
    "The council's app requires JavaScript, a resident complained, and crashes often.",
    "Donate blood if you can, the health minister urged on Monday.",
    "Listen to the story of how the harbour was built, she said, and you will understand.",
    "Our journalism students spent a week at the port.",
    "Loading the ferries took twice as long as planned.",
    "The AP photo editor said the picture had not been altered.",
    "Have a look at the figures and you will see why, he said.",
    "Listen to the crowd live on the quay and you hear the anger, the mayor said.",
]


@pytest.mark.parametrize(("line", "kind"), BOILERPLATE)
def test_boilerplate_is_recognised(line, kind):
    assert classify(line) == kind


@pytest.mark.parametrize("line", PROSE)
def test_prose_is_kept(line):
    assert classify(line) is None
    assert not is_promo_line(line)


def test_original_credit_names_the_outlet():
    assert original_credit("This article originally appeared in The Capital Courier.") == (
        "The Capital Courier"
    )
    assert original_credit("Originally published by Valley Ledger") == "Valley Ledger"
    assert original_credit("The council originally appeared keen on the plan.") is None


def test_reactions_are_read_in_page_order_with_counts():
    assert reactions_in(["like 3", "wow", "7 sad", "share", "love"]) == [
        "like",
        "wow",
        "sad",
        "love",
    ]


def test_words_are_counted_in_scripts_written_without_spaces():
    from newsdesk.extract.boilerplate import word_count

    assert word_count("The port reopened on Monday") == 5
    assert word_count("不正に改造したiPhoneでも、もともとはアップル社から購入したものです。") >= 10
