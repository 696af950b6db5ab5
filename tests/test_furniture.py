"""The furniture filter: the headline, bylines, the outlet's name, datelines and credits go to
the metadata; a sentence that looks like one of them stays in the body."""

from __future__ import annotations

from support.texts import BODY, SECOND

import newsclean


def test_lines_above_a_byline_are_furniture_and_the_last_is_the_title():
    result = newsclean.explain(f"News\n\nBridge opening delayed again\n\nBy Ann Lee\n\n{BODY}")
    assert result.text == BODY
    assert result.meta["title"] == "Bridge opening delayed again"
    # a paragraph before the "By" line: the body has begun, nothing above it is touched
    raw = f"{BODY}\n\nBy Ann Lee\n\n{SECOND}"
    assert newsclean.clean(raw) == raw


def test_a_heading_in_a_run_of_its_level_is_a_section_not_the_headline():
    sections = "## Test case 1\n\n## Test case 2"
    assert newsclean.explain(sections).meta.get("title") is None
    assert newsclean.clean(sections) == "Test case 1\n\nTest case 2"
    # a headline with a sub-heading of another level stays the headline
    result = newsclean.explain(f"# Bridge opening delayed\n\n## Why it matters\n\n{BODY}")
    assert result.meta["title"] == "Bridge opening delayed"
    assert result.text == f"Why it matters\n\n{BODY}"


def test_a_heading_as_long_as_a_paragraph_is_no_headline():
    caption = (
        "# In this photo taken on Tuesday the new bridge deck is lifted into place by two cranes"
        " working from barges on the river, while traffic waits on both banks for the crews to"
        " finish the work before dark"
    )
    result = newsclean.explain(f"{caption}\n\n{BODY}")
    assert "title" not in result.meta
    assert result.text == f"{caption[2:]}\n\n{BODY}"


def test_contributor_credits_go_to_metadata_but_a_sentence_stays():
    result = newsclean.explain(f"{BODY}\n\nReporting by Ann Lee; Editing by Tom Hart")
    assert result.text == BODY
    assert result.meta["credits"] == "Reporting by Ann Lee; Editing by Tom Hart"
    sentence = "Editing by hand took the team three weeks, the engineers said in their report."
    assert newsclean.clean(f"{BODY}\n\n{sentence}") == f"{BODY}\n\n{sentence}"


def test_date_under_a_byline_is_the_date_not_the_outlet():
    result = newsclean.explain(f"By Ann Lee\n\nPublished 12 March 2024\n\n{BODY}")
    assert result.text == BODY
    assert result.meta == {
        "author": "Ann Lee",
        "date": "Published 12 March 2024",
        "language": "en",
    }
    result = newsclean.explain(f"By Ann Lee\n\nCity Weekly\n\n{BODY}")
    assert result.meta == {"author": "Ann Lee", "sitename": "City Weekly", "language": "en"}


def test_closing_credit_goes_only_at_the_end_of_the_story():
    credit = "Associated Press writer Sam Riggs in St. Louis contributed to this report."
    result = newsclean.explain(f"{BODY}\n\n{SECOND}\n\n{credit}")
    assert result.text == f"{BODY}\n\n{SECOND}"
    assert result.meta["credits"] == credit
    inside = f"{BODY}\n\n{credit}\n\n{SECOND}\n\n{BODY}\n\n{SECOND}"
    assert newsclean.clean(inside) == inside


def test_many_date_lines_are_entries_where_max_datelines_says_so():
    posts = "\n\n".join(
        f"{title}\n\n{day} March 2024\n\n{BODY}"
        for title, day in (("Bridge", 4), ("Ferry", 11), ("Tunnel", 18), ("Weir", 25))
    )
    # by default every date line is furniture: the first stands as the date
    result = newsclean.explain(posts)
    assert "March 2024" not in result.text and result.meta["date"] == "4 March 2024"
    # beyond max_datelines they are the text's entries, a list of dated posts: they stay
    entries = newsclean.DEFAULT_PIPELINE.configure(furniture={"max_datelines": 3})
    assert newsclean.clean(posts, entries) == newsclean.clean(posts, entries.without("furniture"))
    assert newsclean.clean(posts, entries).count("March 2024") == 4
    # as many as max_datelines: the date lines are still the text's dates
    three = posts.rpartition("\n\nWeir")[0]
    assert "March 2024" not in newsclean.clean(three, entries)
