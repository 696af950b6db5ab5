"""The shortcuts taken for speed in the unicode and paragraphs filters give exactly the answers
of the slow way."""

from __future__ import annotations

import re._constants as sre
import re._parser
import sys

import ftfy.badness
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.filters.paragraphs import SPACE_RUN, without_space_runs
from newsclean.filters.unicode import (
    INVISIBLE,
    MAY_BE_INVISIBLE,
    MAY_NEED_REPAIR,
    MOJIBAKE_REACH,
    PLAIN_PUNCTUATION,
    SPACES,
    document_suspects,
    looks_like_mojibake,
    repair,
)


def test_every_mojibake_match_lies_within_reach_of_a_mojibake_sign():
    """The claim MOJIBAKE_REACH and PLAIN_PUNCTUATION rest on, checked on ftfy's own pattern:
    each alternative has a place, not optional, that only non-ASCII characters other than
    PLAIN_PUNCTUATION fill, with every other place at most MOJIBAKE_REACH places from it; and no
    lookaround or anchor but a leading "^"."""
    pattern = ftfy.badness.BADNESS_RE
    ((branch, (_, alternatives)),) = re._parser.parse(pattern.pattern, pattern.flags).data
    plain = {ord(c) for c in PLAIN_PUNCTUATION}

    def only_signs(op: object, arg: object) -> bool:
        """Whether every character the place takes is non-ASCII and not plain punctuation."""
        if op is sre.LITERAL:
            return arg >= 128 and arg not in plain
        if op is not sre.IN:
            return False
        codes: set[int] = set()
        for o, a in arg:
            if o is sre.LITERAL:
                codes.add(a)
            elif o is sre.RANGE:
                codes.update(range(a[0], a[1] + 1))
            else:  # a category or a negated class: takes ASCII characters
                return False
        return all(c >= 128 and c not in plain for c in codes)

    assert branch is sre.BRANCH
    for alternative in alternatives:
        places = list(alternative.data)
        if places[0] == (sre.AT, sre.AT_BEGINNING):
            places = places[1:]
        for op, arg in places:
            assert op in (sre.LITERAL, sre.IN, sre.ANY) or (
                op is sre.MAX_REPEAT and arg[:2] == (0, 1) and len(arg[2].data) == 1
            ), alternative  # single characters, or an optional one: \s?
        signs = [i for i, (op, arg) in enumerate(places) if only_signs(op, arg)]
        assert any(all(abs(i - j) <= MOJIBAKE_REACH for j in range(len(places))) for i in signs), (
            alternative
        )


def test_the_one_document_scan_finds_whatever_either_block_scan_would():
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if MAY_BE_INVISIBLE.match(char) or SPACES.match(char):
            assert MAY_NEED_REPAIR.match(char), hex(code)


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


# plain punctuation beside the characters mojibake is made of, and ASCII
PUNCTUATED = st.text(alphabet=st.sampled_from(list("aZ .\t") + list("’‘“”–—…\xa0·«»•ÃÂâ€œ™é©ВЂ")))


@settings(max_examples=1000)
@given(PUNCTUATED)
def test_mojibake_check_around_punctuation_agrees_with_ftfy(text: str):
    assert looks_like_mojibake(text) == ftfy.badness.is_bad(text)


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


def test_document_scan_for_invisible_characters_misses_none():
    for code in range(0x110000):
        char = chr(code)
        if INVISIBLE.match(char):
            assert MAY_BE_INVISIBLE.match(char), hex(code)
