"""The shortcuts taken for speed in the unicode, paragraphs, page_breaks, furniture and markdown
filters give exactly the answers of the slow way."""

from __future__ import annotations

import re._constants as sre
import re._parser
import sys

import ftfy.badness
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.filters.paragraphs import SPACE_RUN, without_space_runs
from newsclean.filters.unicode import MAY_BE_INVISIBLE, MAY_NEED_REPAIR, MOJIBAKE_REACH, SPACES


def test_every_mojibake_match_lies_within_reach_of_its_non_ascii_characters():
    """The claim MOJIBAKE_REACH rests on, checked on ftfy's own pattern: in each alternative,
    every position that can hold an ASCII character is at most MOJIBAKE_REACH positions from one
    that only non-ASCII characters fill; and no lookaround or anchor but a leading "^"."""
    pattern = ftfy.badness.BADNESS_RE
    ((branch, (_, alternatives)),) = re._parser.parse(pattern.pattern, pattern.flags).data

    def may_be_ascii(op: object, arg: object) -> bool:
        if op is sre.LITERAL:
            return arg < 128
        if op is sre.ANY:
            return True
        assert op is sre.IN, op
        return any(
            o in (sre.CATEGORY, sre.NEGATE)
            or (o is sre.LITERAL and a < 128)
            or (o is sre.RANGE and a[0] < 128)
            for o, a in arg
        )

    assert branch is sre.BRANCH
    for alternative in alternatives:
        items = list(alternative.data)
        if items[0] == (sre.AT, sre.AT_BEGINNING):
            items = items[1:]
        positions = []
        for op, arg in items:
            if op is sre.MAX_REPEAT:  # an optional character: "\\s?"
                low, high, (inner,) = arg[0], arg[1], arg[2].data
                assert (low, high) == (0, 1)
                op, arg = inner
            positions.append(may_be_ascii(op, arg))
        non_ascii = [i for i, ascii in enumerate(positions) if not ascii]
        assert non_ascii, alternative
        for i in range(len(positions)):
            assert min(abs(i - j) for j in non_ascii) <= MOJIBAKE_REACH, alternative


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
