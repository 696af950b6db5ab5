"""Inputs the fuzzers found (hypothesis and atheris; see docs/robustness.md), kept as regression
tests: each once broke idempotence or gave invalid text."""

from __future__ import annotations

import pytest

import newsclean

FINDINGS = [
    # emphasis and escapes uncovering more markup: fixed by stripping markdown to a fixpoint
    "**> Ã",
    "0__________________",
    # an invisible character hid mojibake from ftfy until the second clean
    "\xadÀµ",
    # a lone character joined to the next line looked like mojibake on the second clean
    "Ã\na",
    # a label joined to a broken line became a dateline on the second clean
    "FRIDAY\nsome 100km (60km) north",
    # a footer line shrank under 15 words once its links were gone, and became a dateline
    (
        "Nicolas Perriault — 2013-09-29— in [Code](/code/) — [Permalink](/code/2013/get-your-"
        "frontend-javascript-code-covered/) — [License](http://creativecommons.org/licenses/by-sa/"
        "3.0/)— [flattr this](http://flattr.com/submit/auto?url=https://nicolas.perriault.net/)"
    ),
]


@pytest.mark.parametrize("raw", FINDINGS)
def test_finding_cleans_to_valid_text_idempotently(raw):
    out = newsclean.clean(raw)
    out.encode("utf-8")
    assert newsclean.clean(out) == out


def test_label_joined_to_a_broken_line_ends_as_the_second_clean_sees_it():
    result = newsclean.explain("FRIDAY\nsome 100km (60km) north")
    assert result.text == ""
    assert result.meta == {"date": "FRIDAY some 100km (60 miles) north"}


def test_many_repeated_bylines_settle_within_the_passes():
    paragraph = "A council has approved plans for a riverside park after a campaign by residents."
    raw = "\n\n".join(["Politics", "By Sarah Jones", "BBC News"] * 12 + [paragraph])
    out = newsclean.clean(raw)
    assert newsclean.clean(out) == out


def test_markup_inside_a_mojibake_sequence_is_repaired_once_gone():
    # nightly hypothesis: removing "**" joins "Ã" and "¦", which ftfy then reads as "æ"
    assert newsclean.clean("Ã**¦") == "æ"
