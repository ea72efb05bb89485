"""Reported speech, on sentences written for these tests: beliefs, plans, claims, passives,
"according to", and the quoted phrases and frames inside them."""

from newsdesk.understand.attribution import analyse


def said(text: str) -> list:
    return analyse(text).attributions


def only(text: str):
    found = said(text)
    assert len(found) == 1, [a.text for a in found]
    return found[0]


def test_a_belief_is_attributed_to_who_holds_it():
    item = only("Harbour master Olav Dunn believes the queue of ships will be gone by Friday.")
    assert (item.kind, item.speaker, item.cue) == ("indirect", "Olav Dunn", "believes")
    assert item.text == "the queue of ships will be gone by Friday"


def test_a_plan_is_attributed_to_who_makes_it():
    item = only("The dockers' union plans to strike on Monday if the talks fail.")
    assert item.cue == "plans" and item.text.startswith("to strike on Monday")
    assert item.speaker_mention == "The dockers' union"


def test_a_claim_names_its_holder_as_a_possessive():
    item = only("The mayor's claim that the old bridge is safe was never tested.")
    assert (item.cue, item.speaker_mention) == ("claim", "The mayor")
    assert item.text == "the old bridge is safe"


def test_a_passive_is_attributed_to_its_agent():
    item = only("The closure of the north pier was announced by the harbour authority.")
    assert item.speaker == "harbour authority"
    assert item.text == "The closure of the north pier"


def test_a_passive_may_name_nobody():
    item = only("Mr. Vik has been mentioned as a possible successor to the harbour master.")
    assert item.speaker is None and item.cue == "mentioned"
    assert "a possible successor" in item.text


def test_according_to_before_the_statement():
    item = only("According to the harbour authority, ships now wait nine days to unload.")
    assert (item.cue, item.speaker) == ("according to", "harbour authority")
    assert item.text == "ships now wait nine days to unload"


def test_according_to_a_person_reports_the_whole_sentence_with_its_plan():
    item = only("Mayor Hanna Berg plans to resign next month, according to two of her aides.")
    assert item.speaker == "two of her aides"
    assert item.text == "Mayor Hanna Berg plans to resign next month"


def test_a_statement_reported_inside_another_is_part_of_it():
    item = only("Jonas Vik said he believes the strike will end before the weekend.")
    assert (item.speaker, item.cue) == ("Jonas Vik", "said")
    assert item.text == "he believes the strike will end before the weekend"


def test_a_quoted_phrase_stays_inside_the_reported_clause():
    item = only("Berg said the plan was “a gift to nobody” and would be withdrawn by the council.")
    assert (item.kind, item.speaker) == ("indirect", "Berg")
    assert item.text == "the plan was “a gift to nobody” and would be withdrawn by the council"


def test_a_quoted_word_is_not_a_quote_of_its_own():
    item = only("Ida Moen called the plan “reckless” on Tuesday.")
    assert (item.kind, item.speaker, item.text) == ("indirect", "Ida Moen", "the plan “reckless")


def test_whom_it_was_told_to_is_not_what_was_said():
    item = only("The queue, Dunn told me, is the longest he has seen in thirty years.")
    assert (item.speaker, item.cue) == ("Dunn", "told")
    assert "is the longest he has seen" in item.text


def test_as_someone_put_it():
    item = only("The bridge was, as one engineer put it, held together by paint and hope.")
    assert item.speaker_mention == "one engineer"
    assert "held together by paint and hope" in item.text


def test_a_time_stamp_above_is_not_the_speaker():
    item = only("10:15 a.m.\n\nMayor Berg says the ferry will run every hour until Friday.")
    assert (item.speaker_mention, item.speaker) == ("Mayor Berg", "Berg")


def test_an_impression_is_nobody_s_statement_and_its_subject_is_part_of_it():
    item = only("Dunn appears to have left the harbour for good.")
    assert (item.speaker, item.cue) == (None, "appears")
    assert item.text == "Dunn appears to have left the harbour for good"


def test_an_impression_that_hedges_a_verb_of_thinking_is_the_thinker_s():
    item = only("Harbour master Olav Dunn seemed to think the ferry plan was rushed.")
    assert (item.speaker, item.cue) == ("Olav Dunn", "think")
    assert item.text == "the ferry plan was rushed"


def test_whom_a_second_verb_addresses_is_not_its_speaker():
    found = said("Mayor Hanna Berg said the pier was safe and warned Olav Dunn to stay away.")
    warned = [a for a in found if a.cue == "warned"]
    assert warned and warned[0].speaker == "Hanna Berg", [(a.cue, a.speaker) for a in found]


def test_the_object_of_forced_to_admit_is_who_admits():
    found = said("The council forced Olav Dunn to admit that the pier was unsafe.")
    admit = [a for a in found if a.cue == "admit"]
    assert admit and admit[0].speaker == "Olav Dunn", [(a.cue, a.speaker) for a in found]


def test_appearing_somewhere_is_no_statement():
    assert said("Harbour master Olav Dunn appeared on the evening news on Friday.") == []
