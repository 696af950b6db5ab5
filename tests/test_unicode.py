"""The unicode filter: HTML character references decoded (issue #14), never worse than ftfy
(issue #14), and the document scans and mojibake check that stand in for ftfy's."""

from __future__ import annotations

import re._constants as sre
import re._parser
import sys

import ftfy
import ftfy.bad_codecs  # noqa: F401 - registers sloppy-windows-1252
import ftfy.badness
from hypothesis import example, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.filters.unicode import (
    INVISIBLE,
    MAY_BE_INVISIBLE,
    MAY_NEED_REPAIR,
    MOJIBAKE_REACH,
    PLAIN_PUNCTUATION,
    SPACES,
    document_suspects,
    ftfy_config,
    looks_like_mojibake,
    repair,
)

# -- HTML character references in a dump are decoded ------------------------------------------


def test_character_references_in_a_dump_are_decoded():
    raw = "Tom &amp; Jerry&nbsp;said &quot;hi&quot; and &#39;ok&#39; then &#x2014; left."
    assert newsclean.clean(raw) == "Tom & Jerry said \"hi\" and 'ok' then \u2014 left."


def test_double_escaped_references_are_decoded_to_a_fixpoint():
    assert newsclean.clean("Fish &amp;amp; chips.") == "Fish & chips."
    assert newsclean.clean(newsclean.clean("Fish &amp;amp; chips.")) == "Fish & chips."


def test_decoding_is_logged():
    result = newsclean.explain("Fish &amp; chips.")
    assert any(c.reason == "HTML character references decoded" for c in result.changes)


def test_an_ampersand_that_is_no_reference_stays():
    assert newsclean.clean("AT&T and R&D & more; a &bogus word.") == (
        "AT&T and R&D & more; a &bogus word."
    )


# -- never worse than ftfy --------------------------------------------------------------------
# Wherever ftfy.fix_text repairs a string, clean()'s output holds ftfy's repair. (newsclean keeps
# curly quotes curly: ftfy is asked the same, through the `unicode` filter's own settings.)

ACCENTED = st.sampled_from(list("éèàüößñçøåæœ“”‘’–—…€£°½ÉÜÑ«»") + ["\u201crelief\u201d"])
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
PIECE = st.one_of(WORD, ACCENTED, st.tuples(WORD, ACCENTED, WORD).map("".join))


def mojibake(text: str, codec: str) -> str:
    """UTF-8 bytes read in a single-byte charset, as a misconfigured scraper reads them."""
    data = text.encode("utf-8")
    return data.decode("latin-1") if codec == "latin-1" else data.decode(codec, errors="replace")


@given(
    st.lists(PIECE, min_size=1, max_size=6).map(" ".join),
    st.sampled_from(["latin-1", "cp1252", "sloppy-windows-1252"]),
)
@example("a \u201crelief\u201d after", "sloppy-windows-1252")
@example("a \u201crelief\u201d after", "latin-1")
def test_clean_holds_ftfys_repair_of_mojibake(original: str, codec: str):
    broken = mojibake(original, codec)
    sentence = f"The mayor said {broken} after the vote on Tuesday."
    repaired = ftfy.fix_text(sentence, ftfy_config())
    if repaired == sentence:
        return  # nothing for ftfy to repair
    assert " ".join(repaired.split()) in newsclean.clean(sentence)


def test_the_issue_example():
    text = "a \u00e2\u20ac\u0153relief\u00e2\u20ac\x9d after"
    assert ftfy.fix_text(text) == 'a "relief" after'
    assert newsclean.clean(text) == "a \u201crelief\u201d after"


# -- shortcut-equivalence ---------------------------------------------------------------------
# Each shortcut taken for speed gives exactly the answer of the slow way.


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
