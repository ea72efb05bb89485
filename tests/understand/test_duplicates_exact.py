from newsdesk.understand.duplicates import DuplicateIndex, content_hash, signature

BODY = "The council voted “yes” on Tuesday.\n\nThe new bridge opens in May."


def test_spacing_and_quote_style_do_not_change_the_hash():
    assert content_hash(BODY) == content_hash(
        'The  council voted "yes" on Tuesday. The new bridge opens in May.'
    )


def test_an_exact_copy_is_found_by_its_hash():
    index = DuplicateIndex()
    index.add("first", signature(BODY))
    match = index.find(signature(BODY))
    assert match is not None and match.key == "first" and match.exact
