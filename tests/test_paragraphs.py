"""The paragraphs filter: a word hyphenated across a break is rejoined; and the quick test in
front of the space-run pattern."""

from __future__ import annotations

import sys

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.filters.paragraphs import SPACE_RUN, without_space_runs


def test_hyphenated_word_across_a_break_is_rejoined():
    split = "we have to be realis-\n\ntic about it."
    assert newsclean.clean(split) == "we have to be realistic about it."
    # a dash after a number or capital is not a split word
    assert newsclean.clean("The M4-\n\nand the M5 are shut.") == "The M4- and the M5 are shut."


# -- shortcut-equivalence ---------------------------------------------------------------------
# Each shortcut taken for speed gives exactly the answer of the slow way.


def test_every_whitespace_character_but_the_space_is_unprintable():
    """What without_space_runs's quick test rests on, for every code point."""
    whitespace = regex.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if whitespace.match(char) and char != " ":
            assert not char.isprintable(), hex(code)


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(list("ab .\t\n\r\x0b\x0c\x1c\x85\xa0\u2003\u3000é\u200b"))))
def test_space_runs_quick_test_agrees_with_the_pattern(text: str):
    assert without_space_runs(text) == SPACE_RUN.sub(" ", text)
