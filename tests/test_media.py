"""The media and galleries filters: captions ending in a credit, agency credits and numbered
galleries go, dates and counters that are no gallery stay; and the quick tests in front of the
placeholder, image-and-link, swatch and credit patterns."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from support.texts import BODY, SECOND

import newsclean
from newsclean.filters.links import LINK_LINE_MARK, link_line_pattern
from newsclean.grammar import IMAGE, LINK
from newsclean.kinds import (
    CREDIT_MARK,
    CREDIT_TAIL_REACH,
    PLACEHOLDER,
    SWATCH,
    SWATCH_FROM,
    credit_pattern,
    credit_tail_pattern,
    is_placeholder,
    only_images_and_links,
)
from newsclean.memo import forget


def test_caption_ending_in_a_credit_and_agency_credits_go():
    caption = "The old bridge in 1950. Photograph: J. Smith/Getty Images"
    raw = f"{BODY}\n\n{caption}\n\nFoto Ansa\n\n(Photo AFP)\n\n{SECOND}"
    assert newsclean.clean(raw) == f"{BODY}\n\n{SECOND}"
    # a sentence that goes on after "Source:" is prose, not a credit
    prose = "Prices rose again in May. Source: the ministry said they would fall by winter."
    assert newsclean.clean(prose) == prose


GALLERY = "\n\n".join(
    f"* ## {k}/4 {title}\n\n{caption}\n\nPhoto: Agency"
    for k, title, caption in [
        (
            1,
            "Harbour at dawn",
            "Fishing boats leave the harbour before the sun is up, as they have for years.",
        ),
        (
            2,
            "The old lamp",
            "The lamp room of the lighthouse, which has been dark since the storm.",
        ),
        (3, "Volunteers", "Volunteers have raised most of the money through concerts and raffles."),
        (4, "The regatta", "The regatta will mark the day the lamp shines again, next summer."),
    ]
)


def test_a_numbered_gallery_inside_the_article_goes_whole():
    raw = f"{BODY}\n\n{GALLERY}\n\n{SECOND}"
    result = newsclean.explain(raw)
    assert result.text == f"{BODY}\n\n{SECOND}"
    assert sum(c.filter == "galleries" for c in result.removed) == 12


def test_dates_and_lone_counters_are_no_gallery():
    dated = f"{BODY}\n\n3/12 Concert in the park\n\n5/12 Talk at the library\n\n{SECOND}"
    assert newsclean.clean(dated) == dated
    counted = (
        f"{BODY}\n\n1/3 of the budget went on the lamp.\n\n2/3 went on the stairs.\n\n{SECOND}"
    )
    assert newsclean.clean(counted) == counted


# -- shortcut-equivalence ---------------------------------------------------------------------
# Each shortcut taken for speed gives exactly the answer of the slow way.


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
