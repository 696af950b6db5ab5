"""The references filter: a text browser's numbered links ("[12]Home") and its closing list of
addresses, in a dump that shows them; citations, markdown links and other brackets stay."""

from __future__ import annotations

import newsclean

ONLY = newsclean.Pipeline([newsclean.DEFAULT_PIPELINE["references"]])
LYNX = """\
   [1]City Times

     * [2]Home
     * [3]World news

   The council voted on Tuesday to restore the [4]old lighthouse, which has
   stood empty since the harbour closed.

   [5]Read more: the harbour's history

References

   1. https://citytimes.example/
   2. https://citytimes.example/home
   3. https://citytimes.example/world
   4. https://citytimes.example/tags/lighthouse
   5. https://citytimes.example/harbour-history
"""


def test_link_lines_become_markdown_links_and_numbers_in_sentences_go():
    result = ONLY.run(LYNX)
    assert result.text.split("\n\n") == [
        "[City Times](https://citytimes.example/)",
        "* [Home](https://citytimes.example/home)",
        "* [World news](https://citytimes.example/world)",
        "The council voted on Tuesday to restore the old lighthouse, which has",
        "stood empty since the harbour closed.",
        "[Read more: the harbour's history](https://citytimes.example/harbour-history)",
    ]
    codes = [c.code for c in result.changes]
    assert codes.count("references.links") == 5 and codes.count("references.list") == 6


def test_the_whole_pipeline_keeps_the_story_and_drops_the_browsers_links():
    story = newsclean.clean(LYNX)
    assert "The council voted on Tuesday to restore the old lighthouse, which has stood" in story
    assert "[" not in story and "https://" not in story and "References" not in story


def test_numbered_markers_in_order_are_dropped_without_a_list():
    lines = [f"* [{i}]Section {i}" for i in range(1, 7)]
    assert ONLY.run("\n".join(lines)).text.split("\n\n") == [f"* Section {i}" for i in range(1, 7)]


def test_citations_markdown_links_and_a_few_brackets_stay():
    kept = [
        "Depression affects millions of people worldwide [1]. It is treatable [2],",
        "with exercise ([3](https://example.org/study)) and [4] medication [5].",
        "See [6]Notes and [7]Sources.",  # two glued markers only: no text browser's dump
    ]
    text = "\n\n".join(kept)
    assert ONLY.run(text).text == text
