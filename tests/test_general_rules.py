"""The general rules the fixtures needed, each checked where it must fire and where it must not."""

import newsclean

BODY = (
    "The council said on Monday that the new bridge would open in the spring, two years later"
    " than planned, after the discovery of old mine workings beneath the river bank."
)
SECOND = (
    "Engineers have since filled the workings with concrete, and traffic tests are due to begin"
    " in February if the weather allows the crews to finish the deck."
)


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


def test_hyphenated_word_across_a_break_is_rejoined():
    split = "we have to be realis-\n\ntic about it."
    assert newsclean.clean(split) == "we have to be realistic about it."
    # a dash after a number or capital is not a split word
    assert newsclean.clean("The M4-\n\nand the M5 are shut.") == "The M4- and the M5 are shut."


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


def test_link_bar_goes_but_a_sentence_with_links_stays():
    bar = (
        "[About](https://x.example/a) | [Jobs](https://x.example/j) | [Contact](https://x.example)"
    )
    assert newsclean.clean(f"{BODY}\n\n{bar}") == BODY
    prose = (
        "The [council](https://x.example/c) and the [river trust](https://x.example/t) agreed"
        " the plan with [engineers](https://x.eg/e) after a long and difficult winter of talks."
    )
    assert newsclean.clean(prose) == (
        "The council and the river trust agreed the plan with engineers after a long and"
        " difficult winter of talks."
    )


def test_caption_ending_in_a_credit_and_agency_credits_go():
    caption = "The old bridge in 1950. Photograph: J. Smith/Getty Images"
    raw = f"{BODY}\n\n{caption}\n\nFoto Ansa\n\n(Photo AFP)\n\n{SECOND}"
    assert newsclean.clean(raw) == f"{BODY}\n\n{SECOND}"
    # a sentence that goes on after "Source:" is prose, not a credit
    prose = "Prices rose again in May. Source: the ministry said they would fall by winter."
    assert newsclean.clean(prose) == prose


def test_copyright_line_goes_but_a_lettered_clause_stays():
    assert newsclean.clean(f"{BODY}\n\n© 2024 City Weekly Ltd") == BODY
    clause = "(c) the right to appeal within 28 days of the decision."
    assert newsclean.clean(f"{BODY}\n\n{clause}") == f"{BODY}\n\n{clause}"


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


def test_a_rule_of_underscores_is_not_a_word():
    assert newsclean.clean(f"{BODY}\n\n___\n\n{SECOND}") == f"{BODY}\n\n{SECOND}"
    code = "The variable max_depth is set to 4."
    assert newsclean.clean(code) == code


def test_closing_credit_goes_only_at_the_end_of_the_story():
    credit = "Associated Press writer Sam Riggs in St. Louis contributed to this report."
    result = newsclean.explain(f"{BODY}\n\n{SECOND}\n\n{credit}")
    assert result.text == f"{BODY}\n\n{SECOND}"
    assert result.meta["credits"] == credit
    inside = f"{BODY}\n\n{credit}\n\n{SECOND}\n\n{BODY}\n\n{SECOND}"
    assert newsclean.clean(inside) == inside


def test_hard_wrapped_lines_are_joined_only_in_a_paginated_dump_with_blank_line_paragraphs():
    pages = "\n\nReport | Page 6\n\nReport | Page 7\n"
    wrapped = "The bridge will open in\nMarch, the council said.\n\nIt cost £4m.\nWork starts soon."
    expected = "The bridge will open in March, the council said.\n\nIt cost £4m. Work starts soon."
    assert newsclean.clean(wrapped + pages) == expected
    # a get_text() dump: one element a line and no page marks, nothing is joined
    lines = "It cost £4m.\nWork starts soon.\nThe bridge will open in\nMarch, the council said."
    assert newsclean.clean(lines) == lines.replace("\n", "\n\n")


GALLERY = "\n\n".join(
    f"* ## {k}/4 {title}\n\n{caption}\n\nPhoto: Agency"
    for k, title, caption in [
        (
            1,
            "Harbour at dawn",
            "Fishing boats leave the harbour before the sun is up, as they have for years.",
        ),
        (
            2,
            "The old lamp",
            "The lamp room of the lighthouse, which has been dark since the storm.",
        ),
        (3, "Volunteers", "Volunteers have raised most of the money through concerts and raffles."),
        (4, "The regatta", "The regatta will mark the day the lamp shines again, next summer."),
    ]
)


def test_a_numbered_gallery_inside_the_article_goes_whole():
    raw = f"{BODY}\n\n{GALLERY}\n\n{SECOND}"
    result = newsclean.explain(raw)
    assert result.text == f"{BODY}\n\n{SECOND}"
    assert sum(c.filter == "galleries" for c in result.removed) == 12


def test_dates_and_lone_counters_are_no_gallery():
    dated = f"{BODY}\n\n3/12 Concert in the park\n\n5/12 Talk at the library\n\n{SECOND}"
    assert newsclean.clean(dated) == dated
    counted = (
        f"{BODY}\n\n1/3 of the budget went on the lamp.\n\n2/3 went on the stairs.\n\n{SECOND}"
    )
    assert newsclean.clean(counted) == counted
