"""HTML character references in dumps are decoded, and an HTML fragment is read as HTML, not
returned with its tags (issue #14)."""

from __future__ import annotations

import newsclean


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


def test_an_html_fragment_is_read_as_html():
    fragment = (
        '<div class="article-body"><p>First paragraph of the story, long enough to read as '
        "prose here, and it goes on for a while.</p><p>The second paragraph says more about "
        'the council vote on Tuesday.</p><div class="ad">Advertisement</div></div>'
    )
    assert newsclean.clean(fragment) == (
        "First paragraph of the story, long enough to read as prose here, and it goes on for "
        "a while.\n\nThe second paragraph says more about the council vote on Tuesday."
    )


def test_a_dump_that_starts_with_an_angle_bracket_is_not_html():
    raw = "<3 to all our readers.\n\nThe council met on Tuesday to vote on the budget."
    assert "<3 to all our readers." in newsclean.clean(raw)
