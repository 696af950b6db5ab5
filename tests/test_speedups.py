"""The shortcuts taken for speed in the block facts (`newsclean.text`), the pipeline and the
article, media, ads and links filters give exactly the answers of the slow way. Those of the
unicode and paragraphs filters are tested in test_speedups_unicode.py."""

from __future__ import annotations

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsclean import Document, Pipeline, step
from newsclean.filters.article import (
    COMMENTS_HEADING_MAX_WORDS,
    MAY_BE_UNSPACED,
    NUMBER,
    UNBROKEN,
    UNSPACED,
    capitalised_share,
    comments_heading,
    is_comments_heading,
    size,
)
from newsclean.filters.links import LINK_LINE_MARK, link_line_pattern
from newsclean.grammar import (
    BULLET,
    EMPHASIS,
    HEADING,
    IMAGE,
    LINK,
    QUOTE,
    WORD,
    may_have_marker,
    without_images,
    without_italics,
)
from newsclean.kinds import (
    CREDIT_MARK,
    CREDIT_TAIL_REACH,
    PLACEHOLDER,
    SWATCH,
    SWATCH_FROM,
    ad_reason,
    credit_pattern,
    credit_tail_pattern,
    is_placeholder,
    only_images_and_links,
)
from newsclean.memo import forget
from newsclean.phrases import PrefixMatcher
from newsclean.pipeline import text_step
from newsclean.text import is_paragraph, key, link_share, plain, plain_words, word_list, words


def counting_pipeline() -> tuple[Pipeline, list[str]]:
    seen: list[str] = []

    @step("count", "records the text of every pass")
    def count(doc: Document) -> None:
        seen.append(doc.text())

    return Pipeline([count, text_step(str.strip, "strip")]), seen


def test_clean_text_is_cleaned_in_one_pass():
    pipeline, seen = counting_pipeline()
    assert pipeline.run("One paragraph.\n\nAnother.").text == "One paragraph.\n\nAnother."
    assert seen == ["One paragraph.\n\nAnother."]


def test_text_that_changes_gets_the_second_pass():
    pipeline, seen = counting_pipeline()
    assert pipeline.run("One paragraph.\n\n\n\nAnother.  ").text == "One paragraph.\n\nAnother."
    assert seen == ["One paragraph.\n\nAnother.  ", "One paragraph.\n\nAnother."]


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("ab AZ09_.,-'\n\t[]()*#!:") + list("é’—ВЂ\u0301"))))
def test_ascii_word_shortcut_finds_the_same_words(text: str):
    assert word_list(text) == WORD.findall(text)


@settings(max_examples=300)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab [](). image photo -*\n") + ["\U0001f600", "\U0001fffe"])
    )
)
def test_placeholder_needs_a_bracket(text: str):
    if "[" not in text and "(" not in text:
        assert PLACEHOLDER.match(text) is None


@settings(max_examples=1000)
@given(st.lists(st.sampled_from([*"a [](). -*!_1²é", "image", "photo", " " * 10])).map("".join))
def test_placeholder_quick_test_agrees_with_the_pattern(text: str):
    """The bracket stands in the first 21 characters, after no letter."""
    forget()
    if "](" not in text:
        assert is_placeholder(text) == (PLACEHOLDER.match(text) is not None)


def test_placeholder_quick_test_keeps_placeholders():
    assert is_placeholder("  -- [Image: a map of the coast]")
    assert is_placeholder("(photo)")
    assert not is_placeholder("Crowds gathered (photo below).")


@settings(max_examples=1000)
@given(st.lists(st.sampled_from([*"a [](). -*|#>!x/:", "](", "![", "image"])).map("".join))
def test_quick_test_for_image_and_link_blocks_agrees_with_the_substitutions(text: str):
    bare = LINK.sub("", IMAGE.sub("", text)).strip(" []()!|-*#>")
    assert (only_images_and_links(text) is not None) == (not bare)


PHRASE_WORDS = st.sampled_from(["sign", "up", "upto", "for", "für", "cafe\u0301", "news", "café"])


@settings(max_examples=500)
@given(
    st.lists(st.lists(PHRASE_WORDS, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=5),
    st.lists(
        st.sampled_from(
            [
                "sign",
                "up",
                "upto",
                "for",
                "Für",
                "cafe\u0301",
                "news",
                "café",
                " ",
                "-",
                "**",
                "\u0301",
                "x",
            ]
        )
    ).map("".join),
)
def test_phrase_prefix_matcher_agrees_with_a_word_boundary_pattern(phrases: list[str], text: str):
    """A key holds only word characters and single spaces, so "followed by a space or the end"
    is the word boundary the phrase lists were first matched with."""
    unique = tuple(dict.fromkeys(phrases))
    longest_first = sorted(unique, key=len, reverse=True)
    reference = regex.compile(rf"^(?:{'|'.join(map(regex.escape, longest_first))})\b")
    k = key(text)
    found, expected = PrefixMatcher(unique).match(k), reference.match(k)
    assert (found and found.group(0)) == (expected and expected.group(0))


MARKED = st.lists(
    st.sampled_from([*"a [](). -*!x/:_", "](", "![", "b c", "# ", "- ", "> ", "1. ", "**"])
).map("".join)


@settings(max_examples=500)
@given(MARKED)
def test_marker_patterns_cannot_match_where_the_quick_test_says_no(text: str):
    if not may_have_marker(text):
        assert not (HEADING.match(text) or BULLET.match(text) or QUOTE.match(text))


@settings(max_examples=2000)
@given(MARKED)
def test_plain_takes_its_links_from_the_link_pieces(text: str):
    """plain() joins the block's link pieces, less the markers, instead of a substitution."""
    slow = text
    if may_have_marker(slow):
        for marker in (HEADING, BULLET, QUOTE):
            slow = marker.sub("", slow, count=1)
    if "](" in slow:
        slow = LINK.sub(r"\1", without_images(slow))
    if "**" in slow or "__" in slow:
        slow = EMPHASIS.sub("", slow)
    forget()
    assert plain(text) == without_italics(slow).strip()


@settings(max_examples=1000)
@given(st.lists(st.sampled_from([*"a [](). -*|#>!x/:", "](", "![", "image", "b c"])).map("".join))
def test_link_pieces_give_the_answers_of_the_substitutions(text: str):
    """link_share and only_images_and_links take the link texts and the text around them from
    one split of the text without its images, instead of a substitution for each."""
    without = IMAGE.sub("", text)
    assert without_images(text) == without
    total = words(LINK.sub(r"\1", without))
    inside = sum(words(m.group(1)) for m in LINK.finditer(without))
    assert link_share(text) == (min(1.0, inside / total) if total and "](" in text else 0.0)
    if only_images_and_links(text) is not None:
        assert only_images_and_links(text) == [m.group(1) for m in LINK.finditer(without)]


@settings(max_examples=1000)
@given(st.lists(st.sampled_from([*"a [](). \n-*!x/:", "](", "![", "b c", "((", "))"])).map("".join))
def test_link_patterns_mean_the_same_to_re_and_regex(text: str):
    """IMAGE and LINK run with `re` on short subjects, with `regex` (and its timeout) on long."""
    for found, replacement in ((IMAGE, ""), (LINK, r"<\1>")):
        assert found.short.sub(replacement, text) == found.compiled.sub(replacement, text)
        assert found.short.split(text) == found.compiled.split(text)


# words in any case, with the characters that make case-folding or word bounds differ
WORDY = st.lists(
    st.sampled_from(
        [*"ab AZ09_.,-'\n*#[]()!", "](", "ß", "İ", "ﬁ", "é", "\u0301", "Comments", "13"]
    )
).map("".join)


def test_case_folding_keeps_every_word_bound():
    """plain_words counts a block's words from its case-folded key."""
    for code in range(0x110000):
        char = chr(code)
        folded = char.casefold()
        if folded != char:
            is_word = WORD.match(char) is not None
            assert all((WORD.match(c) is not None) == is_word for c in folded), hex(code)


@settings(max_examples=1000)
@given(WORDY)
def test_words_counted_from_the_key_are_the_words_a_reader_sees(text: str):
    forget()
    assert plain_words(text) == words(plain(text))


@settings(max_examples=1000)
@given(st.lists(st.sampled_from([*"a [](). -*!_é’:", "](", "b c d e f g h i j", "# ", "**"])))
def test_paragraph_words_counted_from_the_key_are_the_words_of_the_block(pieces: list[str]):
    text = "".join(pieces)
    forget()
    n = words(text)
    expected = n >= 25 or (n >= 8 and plain(text).rstrip("\"'”’»)").endswith((".", "!")))
    assert is_paragraph(text) == expected


@settings(max_examples=1000)
@given(
    st.lists(
        st.sampled_from(["comments", "Comments", "Kommentare", "13", "3a", "a", " ", "é", "(", ")"])
    ).map("".join)
)
def test_comments_heading_shortcut_agrees_with_the_pattern(text: str):
    forget()
    k = NUMBER.sub("", key(text)).strip()
    slow = words(k) <= COMMENTS_HEADING_MAX_WORDS and comments_heading().search(k) is not None
    assert is_comments_heading(text) == slow


@settings(max_examples=500)
@given(WORDY)
def test_capitalised_share_counts_the_initials_of_whole_words(text: str):
    found = regex.findall(r"\b\p{L}[\p{L}'’-]{0,100}", text)
    share = sum(w[0].isupper() for w in found) / len(found) if found else 0.0
    assert capitalised_share(text) == share


@settings(max_examples=1000)
@given(
    st.lists(st.sampled_from(["a" * 19, "b", "/", "=", " ", "\x1c", "\n", "漢字", "é"])).map(
        "".join
    )
)
def test_size_finds_every_unbroken_string_behind_its_quick_test(text: str):
    forget()
    p = plain(text)
    if "/" in p or "=" in p:
        p = UNBROKEN.sub(" ", p)
    expected = words(p) if p.isascii() else words(p) + len(UNSPACED.findall(p)) // 2
    assert size(text) == expected


def test_unspaced_scripts_stand_behind_their_quick_test():
    for code in range(0x110000):
        char = chr(code)
        if UNSPACED.match(char):
            assert MAY_BE_UNSPACED.match(char), hex(code)
    assert MAY_BE_UNSPACED.search("Café “naïve” — 3 €5") is not None  # € is past the gap
    assert MAY_BE_UNSPACED.search("Café “naïve” — déjà vu") is None


def test_swatches_stand_behind_their_quick_test():
    for code in range(ord(SWATCH_FROM)):
        assert not SWATCH.match(chr(code)), hex(code)
    assert SWATCH.match(SWATCH_FROM + " Flooded areas")


LABELLED = st.lists(
    st.sampled_from(
        ["Photo", "photograph", "Source", "credit", "Read more", *" :,|/©.»x(\t", " " * 40]
    )
).map("".join)


FARTHEST_COLON = "A boat. Photo:" + " " * 8 + "x" * 60  # 69 characters from the end
READ_MORE_ANGLE = "Read more > x"
PHOTO_SLASH = "Photo / x"


@settings(max_examples=1000)
@given(LABELLED)
@example(FARTHEST_COLON)
@example(READ_MORE_ANGLE)
@example(PHOTO_SLASH)
def test_credit_patterns_stand_behind_their_quick_tests(text: str):
    if not CREDIT_MARK.search(text):
        assert credit_pattern().match(text) is None
    if ":" not in text[-CREDIT_TAIL_REACH:]:
        assert credit_tail_pattern().search(text) is None
    if not LINK_LINE_MARK.search(text):
        assert link_line_pattern().match(text) is None
    # the examples, each of which matches
    assert text != FARTHEST_COLON or credit_tail_pattern().search(text)
    assert text != READ_MORE_ANGLE or link_line_pattern().match(text)
    assert text != PHOTO_SLASH or credit_pattern().match(text)


def test_ad_reason_counts_a_promo_s_words_from_its_key():
    promo = "Sign up for our newsletter!"  # a promo phrase, then its words up to the limit
    assert ad_reason(promo + " word" * 25) == "promo or notice"  # 30 words
    assert ad_reason(promo + " word" * 26) is None  # 31: a paragraph that starts the same way
    assert ad_reason("Share | Facebook | Twitter") == "share/follow bar"
    assert ad_reason("Share this with Facebook") is None
