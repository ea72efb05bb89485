from newsdesk.understand.duplicates import DuplicateIndex, signature

ORIGINAL = "\n".join(
    f"Paragraph {i}: the harbour authority said ship number {i * 7} docked at berth {i} "
    f"after a delay of {i + 2} hours caused by fog over the northern channel."
    for i in range(30)
)
OTHER = "\n".join(
    f"Paragraph {i}: the harbour authority said the fog lifted by {i} in the morning and "
    f"ferries to island {i * 3} resumed their timetable with {i + 5} extra sailings."
    for i in range(30)
)


def _index() -> DuplicateIndex:
    index = DuplicateIndex()
    index.add("original", signature(ORIGINAL))
    return index


def test_a_copy_with_promo_line_and_read_more_tail_is_merged():
    copy = "Subscribe for our newsletter today.\n" + ORIGINAL + "\nRead more at the source."
    match = _index().find(signature(copy))
    assert match is not None and match.key == "original" and not match.exact


def test_a_truncated_copy_is_merged():
    match = _index().find(signature(ORIGINAL[: len(ORIGINAL) // 2]))
    assert match is not None and match.key == "original"


def test_a_different_article_on_the_same_topic_is_kept_apart():
    assert _index().find(signature(OTHER)) is None


def test_old_articles_leave_a_bounded_index():
    index = DuplicateIndex(window=1)
    index.add("original", signature(ORIGINAL))
    index.add("other", signature(OTHER))
    assert len(index) == 1 and index.find(signature(ORIGINAL)) is None
