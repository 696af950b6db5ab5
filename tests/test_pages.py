"""The page_breaks filter: page numbers and running headers go, and hard-wrapped lines are
joined, only in a dump that shows it was paginated."""

from __future__ import annotations

from support.texts import BODY, SECOND

import newsclean


def test_running_headers_go_only_from_a_paginated_dump():
    header, footer = "CITY WEEKLY | March 2024", "City Weekly | Page {}"
    paginated = f"{BODY}\n\n{footer.format(4)}\n\n{header}\n\n{SECOND}\n\n{footer.format(5)}\n"
    assert newsclean.clean(paginated) == f"{BODY}\n\n{SECOND}"
    # a web page with repeated short lines and bare numbers but no page marks keeps them
    repeated = f"{BODY}\n\nGoals so far\n\n3\n\n{SECOND}\n\nGoals so far\n\n5"
    only_pages = newsclean.Pipeline([newsclean.DEFAULT_PIPELINE["page_breaks"]])
    assert only_pages.run(repeated).text == repeated


def test_page_number_splitting_a_sentence_is_dropped_and_the_sentence_rejoined():
    raw = (
        "The bridge will open in the\n\n- 7 -\n\nspring.\n\n"
        "Annual report 2024 | Page 6\n\nAnnual report 2024 | Page 7\n"
    )
    assert newsclean.clean(raw) == "The bridge will open in the spring."


def test_hard_wrapped_lines_are_joined_only_in_a_paginated_dump_with_blank_line_paragraphs():
    pages = "\n\nReport | Page 6\n\nReport | Page 7\n"
    wrapped = "The bridge will open in\nMarch, the council said.\n\nIt cost £4m.\nWork starts soon."
    expected = "The bridge will open in March, the council said.\n\nIt cost £4m. Work starts soon."
    assert newsclean.clean(wrapped + pages) == expected
    # a get_text() dump: one element a line and no page marks, nothing is joined
    lines = "It cost £4m.\nWork starts soon.\nThe bridge will open in\nMarch, the council said."
    assert newsclean.clean(lines) == lines.replace("\n", "\n\n")
