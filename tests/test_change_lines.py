"""`str(change)`, the lines `--explain` prints: one change per line, a rewrite showing where the
text changed, and the reason code at the end."""

from __future__ import annotations

import pytest

import newsclean
from newsclean import Change


def line(before: str, after: str = "", action: str = "rewrote") -> str:
    return str(Change("f", action, "why", before, after, code="f.why"))


@pytest.mark.parametrize(
    "before, after, expected",
    [
        ("100km (60km)", "100km (60 miles)", '"100km [-(60km)-]{+(60 miles)+}"'),
        # a change late in a long block: the heads of the two texts are the same, the window
        # around the change is not
        (
            "The council met on Tuesday evening and voted on the plan, which costs 3m euros.",
            "The council met on Tuesday evening and voted on the plan, which costs 3 m euros.",
            '"…the plan, which costs [-3m-]{+3 m+} euros."',
        ),
        (
            "caf\u00c3\u00a9 au lait",
            "caf\u00e9 au lait",
            '"[-caf\u00c3\u00a9-]{+caf\u00e9+} au lait"',
        ),
        ("one two three four", "one three four", '"one[- two-] three four"'),
        ("one three", "one two three", '"one {+two +}three"'),
        # several changes, with long unchanged text between them cut to its ends
        (
            "Alpha one. " + "Words in between stay unchanged here. " * 3 + "Omega one.",
            "Alpha two. " + "Words in between stay unchanged here. " * 3 + "Omega two.",
            '"Alpha [-one.-]{+two.+} Words in between stay…unchanged here. Omega [-one.-]{+two.+}"',
        ),
        # at most three changes, then "…"
        ("a b c d e f g h", "A b C d E f G h", '"[-a-]{+A+} b [-c-]{+C+} d [-e-]{+E+} f …"'),
        # one long word changed at its end: cut to where the two differ
        ("x" * 100 + "1", "x" * 100 + "2", '"…' + "x" * 24 + '[-1-]{+2+}"'),
        # line breaks are escaped: one change per line
        (
            "first piece\n\nsecond piece",
            "first piece second piece",
            '"first piece[-\\n\\n-]{+ +}second piece"',
        ),
    ],
)
def test_a_rewrite_shows_where_the_text_changed(before: str, after: str, expected: str):
    assert line(before, after) == f"rewrote: {expected} by f: why [f.why]"


def test_a_removed_block_is_one_line_cut_to_70_characters():
    assert line('He said "no"\nand left.\r\u2028\x1b[0m', action="removed") == (
        'removed: "He said \\"no\\"\\nand left.\\r\\u2028\\x1b[0m" by f: why [f.why]'
    )
    long = "word " * 30
    assert line(long, action="removed") == (f'removed: "{long[:69]}…" by f: why [f.why]')


def test_a_metadata_value_is_one_line_in_the_report():
    result = newsclean.Result("", {"title": 'A "two"\nline title'}, [], "")
    assert result.report() == 'title: A "two"\\nline title'


def test_every_line_of_a_real_explain_is_one_change():
    raw = (
        "ADVERTISEMENT\n\nThe vote was 31 to 9 in favour of it, after a debate of four long\n"
        "hours in the town hall.\n\nTom &amp; Jerry said it was a good day for the town."
    )
    result = newsclean.explain(raw)
    lines = result.report().splitlines()
    assert len(lines) == len(result.meta) + len(result.changes)
    assert lines[-len(result.changes) :] == [
        'rewrote: "Tom [-&amp;-]{+&+} Jerry said it was a…" by unicode: HTML character '
        "references decoded [unicode.entities]",
        'removed: "ADVERTISEMENT" by ads: ad label [ads.label]',
        'rewrote: "…a debate of four long[-\\n\\n-]{+ +}hours in the town hall." by paragraphs: '
        "broken paragraph rejoined [paragraphs.rejoined]",
    ]
