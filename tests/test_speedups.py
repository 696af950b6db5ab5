"""The shortcuts taken for speed give exactly the answers of the slow way."""

from __future__ import annotations

import ftfy.badness
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.filters.unicode import document_suspects, looks_like_mojibake, repair
from newsclean.text import BULLET, HEADING, QUOTE, may_have_marker

# ASCII, the characters mojibake is made of, and the ones clean text has too
MIXED = st.text(
    alphabet=st.sampled_from(list("ab AZ.\n\t-#>*1") + list("ÃÂâ€œ™é’—Ø×²ВЂ\x9d\xa0\u200b\u0301"))
)


@settings(max_examples=500)
@given(MIXED)
def test_mojibake_check_agrees_with_ftfy(text: str):
    assert looks_like_mojibake(text) == ftfy.badness.is_bad(text)


def test_mojibake_far_from_the_first_non_ascii_character_is_found():
    text = "’" + "x" * 50 + " Ã© " + "y" * 50
    assert ftfy.badness.is_bad(text)
    assert looks_like_mojibake(text)


@settings(max_examples=300)
@given(st.lists(MIXED.filter(lambda t: "\n" not in t), min_size=1, max_size=4))
def test_document_level_suspects_change_nothing(blocks: list[str]):
    for block, suspects in zip(blocks, document_suspects(blocks), strict=True):
        assert repair(block, suspects) == repair(block)


@settings(max_examples=500)
@given(MIXED)
def test_marker_patterns_cannot_match_where_the_quick_test_says_no(text: str):
    if not may_have_marker(text):
        assert not (HEADING.match(text) or BULLET.match(text) or QUOTE.match(text))
