"""Who said what, on articles written for these tests, one hard case each."""

import pytest

from newsdesk.understand.attribution import analyse, load_pipeline
from newsdesk.understand.attribution.figures import number
from newsdesk.understand.attribution.quotes import quote_spans


def found(text: str) -> list:
    return analyse(text).attributions


def holding(text: str, words: str):
    matches = [a for a in found(text) if words in a.text]
    assert matches, f"no attribution with {words!r} in {[a.text for a in found(text)]}"
    return matches[0]


def one(text: str, starts: str):
    matches = [a for a in found(text) if a.text.startswith(starts)]
    assert matches, f"no attribution starting {starts!r} in {[a.text for a in found(text)]}"
    return matches[0]


def test_a_quote_split_around_its_cue_is_one_speakers():
    text = (
        "“The bridge will reopen in May,” Mayor Hanna Berg said on Tuesday. "
        "“Until then, the ferry runs every hour.”"
    )
    first = one(text, "The bridge will reopen")
    assert (first.kind, first.speaker, first.speaker_role, first.cue) == (
        "direct",
        "Hanna Berg",
        "Mayor",
        "said",
    )


def test_a_quote_that_runs_over_two_paragraphs_is_one_quote():
    text = (
        "Harbour master Olav Dunn told the council: “Ships have waited for nine days at the "
        "harbour mouth, and the queue grows every morning.\n\n"
        "“We cannot clear it before the weekend, whatever we do,” he warned."
    )
    spans = quote_spans(text)
    assert len(spans) == 1 and "whatever we do" in text[spans[0][0] : spans[0][1]]


def test_a_nested_quote_stays_inside_the_outer_one():
    text = (
        "“When the minister told us ‘the money is there’, we believed her,” union leader "
        "Mara Kessel said."
    )
    quote = one(text, "When the minister told us")
    assert "the money is there" in quote.text and quote.speaker == "Mara Kessel"


def test_according_to_an_outlet_with_a_speaker_credits_both():
    text = (
        "Two ministers plan to resign before the vote, party officials said, according to "
        "the Valley Ledger."
    )
    said = one(text, "Two ministers plan to resign")
    assert said.speaker == "party officials" and said.according_to == "Valley Ledger"


def test_according_to_a_source_without_a_speech_verb():
    text = "The talks collapsed late on Sunday, according to two people familiar with them."
    item = one(text, "The talks collapsed")
    assert item.kind == "indirect" and item.cue == "according to"
    assert item.speaker_mention.startswith("two people")


def test_pronouns_and_titles_refer_back_to_the_named_person():
    text = (
        "Finance Minister Petra Lind presented the budget on Monday.\n\n"
        "“Every crown is accounted for,” Lind said.\n\n"
        "Spending on schools will rise by a tenth, the minister said.\n\n"
        "“Nobody will pay more tax this year,” she added."
    )
    people = {a.text[:12]: (a.speaker, a.speaker_role) for a in found(text)}
    assert people["Every crown "] == ("Petra Lind", "Finance Minister")
    assert people["Spending on "] == ("Petra Lind", "Finance Minister")
    assert people["Nobody will "] == ("Petra Lind", "Finance Minister")


def test_several_speakers_in_one_paragraph_each_get_their_quote():
    text = (
        "“The deal is fair and the workers deserve it,” said union leader Mara Kessel, while "
        "port director Jonas Vik said: “We could not have paid a crown more than this.”"
    )
    kessel = one(text, "The deal is fair")
    vik = one(text, "We could not have paid")
    assert kessel.speaker == "Mara Kessel"
    assert vik.speaker == "Jonas Vik"


def test_plain_and_typographic_quotation_marks_are_both_read():
    plain = 'The pier is unsafe for anyone to walk on," inspector Tove Alm said.'
    typographic = "“The pier is unsafe for anyone to walk on,” inspector Tove Alm said."
    assert one('"' + plain, "The pier").speaker == "Tove Alm"
    assert one(typographic, "The pier").speaker == "Tove Alm"


def test_an_outlet_told_a_statement_is_cited():
    text = (
        "“We expect the first trains in 2031,” rail agency spokeswoman Ida Moen told the "
        "Morning Wire."
    )
    result = analyse(text)
    assert result.attributions[0].according_to == "Morning Wire"
    assert result.cited_outlets == ["Morning Wire"]


def test_words_said_are_told_from_plans_and_events_ascribed():
    text = (
        "Harbour master Olav Dunn said the queue of ships would clear by Friday. "
        "Local clinics offer walk-in vaccinations to every dock worker this week. "
        "The union wants a second crane installed before the winter storms arrive. "
        "The minister's statement that the port would reopen on Monday angered the union. "
        "“We are nearly there,” Dunn added."
    )
    says = {" ".join(a.text.split()[:2]): a.says for a in found(text)}
    assert says == {
        "the queue": True,
        "walk-in vaccinations": False,
        "a second": False,
        "the port": True,
        "We are": True,
    }


def test_a_quoted_phrase_that_nobody_says_is_not_an_attribution():
    text = "The two leaders signed an agreement to provide “mutual help in any emergency at sea.”"
    assert found(text) == []


def test_figures_carry_what_they_count():
    result = analyse(
        "The strike idled 1,200 dockers, and another 300 joined on Friday. Losses reached "
        "4.5 million crowns."
    )
    figures = {(f["value"], f["unit"]) for f in result.figures}
    assert (1200, "dockers") in figures and (300, "dockers") in figures
    assert any(f["value"] == 4_500_000 for f in result.figures)


@pytest.mark.parametrize(
    ("text", "value"),
    [("3,000", 3000), ("7.5 million", 7_500_000), ("$2bn", 2_000_000_000), ("12%", 12)],
)
def test_numbers_are_read_with_their_scale(text, value):
    assert number(text) == value


def test_an_organisation_described_again_and_a_role_given_after_the_name():
    text = (
        "The Regional Health Agency urged parents to book a second dose before the summer.\n\n"
        "Dr. Miriam Osei, the agency’s chief epidemiologist, said vaccination rates had fallen "
        "to 86% in some districts.\n\n"
        "Clinics will stay open until nine in the evening, the agency said."
    )
    osei = one(text, "vaccination rates")
    assert (osei.speaker, osei.speaker_role) == ("Miriam Osei", "agency’s chief epidemiologist")
    assert one(text, "Clinics will stay open").speaker == "Regional Health Agency"


def test_a_title_with_a_full_stop_does_not_end_the_sentence_before_the_cue():
    text = '"It will be first-order business," Mr. Podesta said.'
    quote = one(text, "It will be first-order business")
    assert (quote.speaker, quote.cue) == ("Podesta", "said")


def test_two_apostrophes_quote_in_some_house_styles():
    text = "''Broadening the base inevitably involves some administration,'' said Mr. Kamin."
    assert one(text, "Broadening the base").speaker == "Kamin"


def test_a_quote_that_ends_its_sentence_is_not_framed_by_the_next_one():
    text = (
        "Senator Ana Ruiz says the bill is “a gift to the shipping lobby, nothing more.” "
        "She says it also “ignores every dock worker in the country.”"
    )
    # Whether each is taken as a quote or as the reported clause around it, its cue is its own.
    first = holding(text, "a gift to the shipping lobby")
    second = holding(text, "ignores every dock worker")
    assert first.cue_start != second.cue_start
    assert first.speaker == second.speaker == "Ana Ruiz"


def test_a_colon_hands_over_the_quote_whatever_the_verb():
    text = (
        "The harbour master continued:\n\n"
        "“We cannot clear the queue before the weekend, whatever we do.”"
    )
    quote = one(text, "We cannot clear the queue")
    assert (quote.kind, quote.cue, quote.speaker) == ("direct", "continued", "harbour master")


def test_a_dash_credit_has_the_dash_for_its_cue():
    quote = one("“The tide waits for no council.” ― Olav Dunn", "The tide waits")
    assert (quote.speaker, quote.cue) == ("Olav Dunn", "―")


def test_a_headline_credit_before_a_colon_is_reported_not_quoted():
    text = "Poll: Most dockers back the strike\n\nThe survey asked 400 dockers in June."
    item = one(text, "Most dockers back the strike")
    assert (item.kind, item.speaker) == ("indirect", "Poll")


def test_a_title_in_quotes_is_not_a_quote_and_a_closing_phrase_is_part_of_the_clause():
    text = "On “The Harbour Hour,” the mayor said she wanted to talk “directly to the dockers.”"
    (item,) = found(text)
    assert (item.kind, item.speaker) == ("indirect", "mayor")
    assert item.text == "she wanted to talk “directly to the dockers."


def test_a_typographic_quote_may_close_with_a_plain_mark():
    text = 'Dunn said there was “no sign" of the ferry.'
    assert [text[s:e] for s, e in quote_spans(text)] == ["no sign"]


def test_the_name_between_a_quote_and_its_cue_speaks_when_the_parse_hangs_it_elsewhere():
    nlp = load_pipeline()

    def misparse(text: str):
        # As in long sentences: the name taken for an apposition to a word of the quote.
        doc = nlp(text)
        for token in doc:
            if token.dep_ == "nsubj" and token.head.lower_ == "said":
                token.head, token.dep_ = doc[2], "appos"
        return doc

    (quote,) = analyse("“The ferry runs late again,” Olav Dunn said.", misparse).attributions
    assert (quote.cue, quote.speaker) == ("said", "Olav Dunn")


def test_a_verb_that_reports_what_follows_it_does_not_frame_the_quote_before_it():
    text = (
        "Harbour chief Olav Dunn said the footage did not give “definitive evidence that the "
        "ferry was late at all,” but he said that the captain would be questioned."
    )
    first = holding(text, "definitive evidence")
    second = holding(text, "the captain would be questioned")
    assert first.cue_start == text.index("said") and second.cue_start != first.cue_start
    assert first.speaker == second.speaker == "Olav Dunn"


def test_a_participle_after_the_cue_is_the_speaker_s_when_the_parse_hangs_it_on_the_quote():
    nlp = load_pipeline()

    def misparse(text: str):
        # As in long quotes: "suggesting" taken for a clause of the quote's own verb.
        doc = nlp(text)
        trust = next(t for t in doc if t.lower_ == "trust")
        for token in doc:
            if token.lower_ == "suggesting":
                token.head, token.dep_ = trust, "advcl"
        return doc

    text = "“The dockers do not trust the port authority,” Olav Dunn said, suggesting a vote."
    found = analyse(text, misparse).attributions
    assert [(a.cue, a.speaker) for a in found] == [
        ("said", "Olav Dunn"),
        ("suggesting", "Olav Dunn"),
    ]


def test_a_plain_quote_may_close_with_a_typographic_mark():
    text = '"The ferry is late again,” said Olav Dunn. “We wait.”'
    assert [text[s:e] for s, e in quote_spans(text)] == ["The ferry is late again,", "We wait."]


def test_a_plain_quote_keeps_a_typographic_quote_inside_it():
    text = 'PENCE: "Well, she thinks this is “Shark Tank.” It is not."'
    assert [text[s:e] for s, e in quote_spans(text)] == [
        "Well, she thinks this is “Shark Tank.” It is not."
    ]


def test_a_cue_after_the_quote_frames_it_rather_than_a_colon_before_it():
    text = (
        "The mood at the pier was recorded in detail:\n\n"
        "“Here comes the ferry at last,” Hanna Berg said, clapping."
    )
    quote = holding(text, "Here comes the ferry")
    assert (quote.kind, quote.cue, quote.speaker) == ("direct", "said", "Hanna Berg")


def test_a_quote_after_a_colon_is_not_part_of_a_reported_clause():
    text = (
        "The statement also referred to the harbour: “The port has opened the door for "
        "workers to share in its growth,” the union wrote."
    )
    (quote,) = found(text)
    assert (quote.kind, quote.cue, quote.speaker_mention) == ("direct", "wrote", "the union")
    assert quote.text.startswith("The port has opened")


def test_she_is_not_a_man_the_article_calls_mr():
    text = (
        "Hanna Berg said the ferry would run on Friday. Olav Dunn, the harbour chief, said it "
        "would not. Later Mr. Dunn left the pier.\n\n“We will see about that,” she said."
    )
    assert holding(text, "We will see").speaker == "Hanna Berg"


def hung_on_said(word: str):
    """A pipeline whose parse hangs `word` on "said" as what it reports, as long sentences and
    paragraph breaks sometimes make the real parse do."""
    nlp = load_pipeline()

    def misparse(text: str):
        doc = nlp(text)
        said = next(t for t in doc if t.lower_ == "said")
        verb = next(t for t in doc if t.lower_ == word)
        verb.head, verb.dep_ = said, "ccomp"
        return doc

    return misparse


def test_a_clause_in_the_next_paragraph_does_not_keep_a_verb_from_framing_a_quote():
    text = (
        '"This is a waste of time, and it is hurting the council," said Hanna Berg.\n\n'
        "Councillors noted that the ferry was late."
    )
    quote = next(a for a in analyse(text, hung_on_said("noted")).attributions if a.kind == "direct")
    assert (quote.text, quote.cue, quote.speaker) == (
        "This is a waste of time, and it is hurting the council",
        "said",
        "Hanna Berg",
    )


def test_a_closing_mark_typed_to_open_a_paragraph_opens_a_quote():
    text = "”The ferry has been late all winter and nobody answers.” ― Hanna Berg\n”No.”"
    assert [text[s:e] for s, e in quote_spans(text)] == [
        "The ferry has been late all winter and nobody answers.",
        "No.",
    ]
    assert holding(text, "The ferry has been late").speaker == "Hanna Berg"


def test_a_participle_before_a_passive_clause_is_its_subject_s():
    text = "After saying the ferry was late again, Hanna Berg was driven home by the police."
    assert holding(text, "the ferry was late").speaker == "Hanna Berg"


def test_a_clause_across_a_comma_does_not_keep_a_verb_from_framing_a_quote():
    text = "“It is over,” she said of the old ferry, on which she was sure nobody would sail."
    quote = next(a for a in analyse(text, hung_on_said("sail")).attributions if a.kind == "direct")
    assert (quote.text, quote.cue, quote.speaker_mention) == ("It is over", "said", "she")


def test_a_quote_inside_a_reported_clause_is_that_speakers_not_the_next_ones():
    text = (
        "Mayor Tom Hale asked for calm. Police chief Maria Lopez said that the footage did not "
        "give “clear evidence that anyone there was holding a weapon,” but she said that the "
        "other recordings “support what witnesses told us.”"
    )
    quote = holding(text, "clear evidence")
    assert (quote.speaker_mention, quote.cue_start) == (
        "Police chief Maria Lopez",
        text.index("said"),
    )


def test_verbs_of_boasting_and_joking_frame_a_quote():
    text = (
        "When Councillor Pia Lund noted that the budget was late again ― as it was in each of "
        "the last three years ― Mayor Tom Hale joked, “We finished it a week early this time.”"
    )
    quote = holding(text, "We finished it")
    assert (quote.kind, quote.speaker, quote.cue) == ("direct", "Tom Hale", "joked")


def test_a_dateline_is_not_the_speaker_the_sentence_names_after_it():
    text = (
        "WASHINGTON -- President Lena Moss, opening the new river bridge on Saturday, said it "
        "would carry ''twenty thousand cars a day, and more than that in the summer.''"
    )
    quote = holding(text, "twenty thousand cars")
    assert (quote.speaker, quote.cue) == ("Lena Moss", "said")


def test_a_headline_without_a_full_stop_does_not_run_into_the_story():
    text = (
        "Moss Says New Bridge Will Carry Twenty Thousand Cars\n\n"
        "President Lena Moss, opening the new river bridge on Saturday, said it would carry "
        "''twenty thousand cars a day, and more than that in the summer.''"
    )
    quote = holding(text, "twenty thousand cars")
    assert (quote.speaker, quote.cue_start) == ("Lena Moss", text.index("said"))


def test_a_dash_the_parser_takes_for_a_subject_is_not_the_speaker():
    from spacy.tokens import Doc

    from newsdesk.understand.attribution.document import prepare
    from newsdesk.understand.attribution.speakers import subject_of

    words = ["public", "―", "Trump", "boasted", "."]
    doc = Doc(
        load_pipeline().vocab,
        words=words,
        heads=[1, 3, 3, 3, 3],
        deps=["amod", "nsubj", "nsubj", "ROOT", "punct"],
        pos=["ADJ", "PUNCT", "PROPN", "VERB", "PUNCT"],
    )
    prepare(doc, doc.text, [])
    assert subject_of(doc[3]).text == "Trump"


def test_it_telling_a_story_inside_what_someone_said_is_not_a_speaker():
    text = (
        "Mayor Tom Hale, opening the harbour museum on Saturday, said it would tell “the story "
        "of the harbour, of its storms and of its long winters.”"
    )
    quote = holding(text, "the story of the harbour")
    assert (quote.speaker, quote.cue) == ("Tom Hale", "said")


def test_a_subheading_run_into_its_paragraph_is_not_the_speaker():
    text = (
        "Tom Hale was mayor for ten years.\n\n"
        "THE SPENDING When he ran the city, Mr. Hale said that he considered debt a last resort."
    )
    said = holding(text, "a last resort")
    assert said.speaker == "Tom Hale"


def test_lets_say_supposes_and_nobody_says_it():
    text = "Let's say you think a degree from the harbour college will cost $60,000 in ten years."
    said = holding(text, "will cost $60,000")
    assert (said.cue, said.speaker_mention) == ("think", "you")


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            "“The quay opens on Monday,” said harbour master Olav Dunn.",
            "Olav Dunn",
            "harbour master",
        ),
        (
            "“We will be fine for a few days,” said Skarn harbour master Agnes Holm by telephone.",
            "Agnes Holm",
            "Skarn harbour master",
        ),
    ],
)
def test_a_role_before_the_name_is_not_the_speaker(text, speaker, role):
    said = found(text)[0]
    assert (said.speaker, said.speaker_role) == (speaker, role)


def test_a_name_the_tagger_missed_keeps_its_first_name_and_leaves_the_title_as_role():
    text = (
        "The pier will be rebuilt by May, Mayor Ana Ruiz said on Tuesday. "
        "Later, Ruiz said the work would cost less than planned. "
        "She said the ferries would run a longer timetable in the summer."
    )
    first = holding(text, "The pier will be rebuilt")
    assert (first.speaker, first.speaker_role) == ("Ana Ruiz", "Mayor")
    for later in ("the work would cost less", "the ferries would run"):  # "Ruiz", "She"
        assert holding(text, later).speaker == "Ana Ruiz"


def test_a_per_cent_sign_or_a_closed_bracket_ends_what_was_said():
    text = (
        "The rate will rise to 4% next year (from 3.5%), the minister said. "
        "Most economists expect the bank to hold its main rate at 3.25%."
    )
    said = holding(text, "The rate will rise").text
    assert said == "The rate will rise to 4% next year (from 3.5%)"
    assert holding(text, "the bank to hold").text.endswith("at 3.25%")


def test_a_participle_after_the_cue_is_not_what_was_said_nor_a_verb_inside_it_a_speaker():
    text = (
        "The education ministry has told schools to check pupils’ vaccination records.\n\n"
        "Unvaccinated pupils may be asked to stay home for up to 21 days if a case is confirmed "
        "in their class, the ministry said in guidance sent on Friday."
    )
    said = [a for a in found(text) if "Unvaccinated" in a.text]
    assert len(said) == 1  # not also "may be asked …", cued from inside by "asked"
    assert said[0].text.startswith("Unvaccinated pupils may be asked to stay home")
    assert (said[0].cue, said[0].speaker) == ("said", "education ministry")


def test_according_to_names_its_source_without_what_a_relative_clause_tells_of_it():
    text = (
        "Gusts reached 130 kilometres an hour at the harbour mouth shortly after midnight, "
        "according to the National Weather Office, which had issued its highest warning. "
        "The repairs will cost 10 million, according to Finance Minister Petra Lind, who "
        "spoke on Monday. Prices rose 3 percent in May, according to data from the statistics "
        "office."
    )
    assert holding(text, "Gusts reached").speaker == "National Weather Office"
    lind = holding(text, "The repairs will cost")
    assert (lind.speaker, lind.speaker_role) == ("Petra Lind", "Finance Minister")
    assert holding(text, "Prices rose").speaker == "data from the statistics office"


def test_a_name_in_apposition_to_the_subject_is_who_spoke_and_the_subject_their_role():
    text = (
        "One of the fires destroyed a garage in Port Alder last month. Its owner, Ines Hald, "
        "said she had charged the bike overnight “like the manual tells you to.” "
        "The company chief, Rafael Monte, said replacements would ship in April."
    )
    owner = holding(text, "like the manual tells you to")
    assert (owner.speaker, owner.speaker_role) == ("Ines Hald", "owner")
    chief = holding(text, "replacements would ship")
    assert (chief.speaker, chief.speaker_role) == ("Rafael Monte", "company chief")
