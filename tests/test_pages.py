"""The page_breaks filter: page numbers and running headers go, and hard-wrapped lines are
joined, only in a dump that shows it was paginated."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
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


# -- hard_wraps: lines a text browser or a mail wrapped at a fixed width -------------------------

STORY = (
    "The council voted on Tuesday to restore the old lighthouse, which has stood empty since the "
    "harbour closed in 1998, and work is due to start in the spring once the contracts are signed. "
    "Residents had campaigned for a decade to save the building, and the vote was unanimous. "
    "The keeper's cottage beside it will become a small museum about the history of the harbour, "
    "with a cafe on its ground floor and rooms for visiting school classes above it. "
    "A spokesman for the council said the work would take about eighteen months to finish. "
)


def wrapped(text: str, width: int, indent: str = "") -> list[str]:
    """`text` wrapped at `width` columns as a text browser does (textwrap, greedy)."""
    import textwrap

    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent)


def only(step: str) -> newsclean.Pipeline:
    return newsclean.Pipeline([newsclean.DEFAULT_PIPELINE[step]])


def test_wrap_width_is_read_from_where_the_lines_end():
    from newsclean.filters.pages import wrap_width

    lines = wrapped(STORY * 2, 74, "   ") + ["", "   * [12]Home", "   * [13]Sport"]
    assert wrap_width(lines) == 74
    lines = wrapped(STORY * 2, 79)
    assert wrap_width(lines) == max(map(len, lines)) == 78  # the edge the lines show
    # paragraphs on one line each, and short menu lines: nothing was wrapped
    assert wrap_width([STORY, "", STORY, "", "Home", "Sport", "Weather"] * 4) is None
    # html2text wraps paragraphs at 78 and leaves list items whole: they do not count against
    items = [f"  * [A related story, number {i}](https://example.org/{i}) " * 3 for i in range(9)]
    assert wrap_width(wrapped(STORY * 2, 78) + items) == 78
    # a table laid out with runs of spaces is no wrapped text
    assert wrap_width([f"{i}.{' ' * 60}A story title number {i}" for i in range(20)]) is None


def test_a_text_browsers_wrapped_paragraphs_are_joined_and_its_menus_stay_apart():
    paragraph = wrapped(STORY, 74, "   ")
    menu = ["     * Home", "     * World news and the weather", "     * Sport"]
    bullet = wrapped("* " + STORY[:150], 74, "     ")
    raw = "\n".join(menu + [""] + paragraph + [""] + paragraph + [""] + bullet)
    result = only("hard_wraps").run(raw)
    assert result.text.split("\n\n") == [
        *(m.strip() for m in menu),
        STORY.strip(),
        STORY.strip(),
        bullet[0].strip() + " " + " ".join(b.strip() for b in bullet[1:]),
    ]
    joined = [c for c in result.changes if c.code == "pages.joined"]
    assert len(joined) == 3 and joined[0].reason == "lines wrapped at 74 columns joined"
    assert {c.code for c in result.changes} == {"pages.joined", "pages.wrapped_line"}


def test_lines_of_the_width_set_apart_by_blank_lines_are_paragraphs_of_their_own():
    lines = wrapped(STORY * 2, 72)
    result = only("hard_wraps").run("\n\n".join(lines))
    assert result.text.split("\n\n") == [line.strip() for line in lines]
    assert not result.changes


def test_a_line_ended_early_before_a_word_that_would_have_fitted_stays_its_own():
    lines = wrapped(STORY * 2, 72)
    short = ["Contact:", "Harbour Office, 1 Quay Street"]  # "Harbour" fits after "Contact:"
    result = only("hard_wraps").run("\n".join(lines + short))
    assert result.text.split("\n\n")[-2:] == short


def test_a_wrapped_script_without_spaces_is_joined_without_a_space():
    text = "灯台の修復工事は来春に始まる予定で市議会は火曜日に全会一致で可決した" * 9
    lines = [text[i : i + 36] for i in range(0, len(text), 36)]  # 72 columns of wide characters
    assert newsclean.clean("\n".join(lines)) == text


@given(
    st.lists(
        st.lists(st.from_regex(r"[A-Za-z]{1,12}[,.]?", fullmatch=True), min_size=5, max_size=60),
        min_size=1,
        max_size=6,
    ),
    st.integers(min_value=40, max_value=120),
)
def test_unwrapping_keeps_every_word_in_order_and_settles(paragraphs: list[list[str]], width: int):
    import textwrap

    raw = "\n\n".join("\n".join(textwrap.wrap(" ".join(p), width)) for p in paragraphs)
    once = only("hard_wraps").run(raw).text
    assert once.split() == raw.split()
    assert only("hard_wraps").run(once).text == once


# -- inline_breaks: a sentence a scraper broke at every link and emphasis ------------------------

BROKEN = [
    "The council voted on Tuesday to restore the old",
    "lighthouse",
    ", which has stood empty since the harbour closed in",
    "1998",
    ", and work is due to start in the spring.",
    "Residents had campaigned for a decade to save the building, said",
    "Anna Berg",
    "of the",
    "Harbour Trust",
    ". The vote was unanimous.",
    "The keeper's cottage will become a museum about the",
    "history of the harbour",
    "; its cafe opens in",
    "June",
    ".",
]
JOINED = [
    "The council voted on Tuesday to restore the old lighthouse, which has stood empty since the "
    "harbour closed in 1998, and work is due to start in the spring.",
    "Residents had campaigned for a decade to save the building, said Anna Berg of the Harbour "
    "Trust. The vote was unanimous.",
    "The keeper's cottage will become a museum about the history of the harbour; its cafe opens "
    "in June.",
]


def test_a_sentence_broken_at_its_links_is_joined_and_the_menu_above_stays_apart():
    menu = ["Home", "News", "Sport"]
    result = only("inline_breaks").run("\n".join(menu + BROKEN))
    assert result.text.split("\n\n") == menu + JOINED
    joined = [c for c in result.changes if c.code == "pages.inline_joined"]
    assert [c.after for c in joined] == JOINED
    assert joined[0].before == "\n".join(BROKEN[:5])
    assert {c.code for c in result.changes} == {"pages.inline_joined", "pages.inline_piece"}


def test_a_dump_without_the_sign_is_left_as_it_is():
    # two lines open with punctuation after an unfinished one: under INLINE_BREAKS_MIN
    raw = "\n".join(BROKEN[:5] + ["Share", "follow us"])
    assert only("inline_breaks").run(raw).text == raw.replace("\n", "\n\n")
    # the corpora's renderers keep inline elements inline: a line opening in lower case after
    # an unfinished one is the paragraphs step's to join, after the article is found
    lines = ["Home", "latest news", "Sport", "weather and travel"] * 3
    assert not only("inline_breaks").run("\n".join(lines)).changes


def test_lists_headings_and_addresses_stay_apart():
    raw = "\n".join(
        [
            "Ferry",
            "service will run on",
            "electric",
            "power",
            "## Timetable",
            "- crossings every hour",
            "- from May",
            "Read the plans at",
            "https://example.org/ferry",  # a link whose text is its address, inside a sentence
            "or at the library",
            ".",
            "Documents on the council's website",
            "https://example.org/ferry/plans.pdf",
            "https://example.org/ferry/budget.pdf",
            *BROKEN,
        ]
    )
    assert only("inline_breaks").run(raw).text.split("\n\n") == [
        "Ferry service will run on electric power",
        "## Timetable",
        "- crossings every hour",
        "- from May",
        "Read the plans at https://example.org/ferry or at the library.",
        "Documents on the council's website",
        "https://example.org/ferry/plans.pdf",
        "https://example.org/ferry/budget.pdf",
        *JOINED,
    ]


def test_a_script_without_spaces_is_joined_without_a_space():
    raw = "\n".join(["市议会周二投票决定修复", "旧灯塔", "，工程将于春季开始。", *BROKEN])
    joined = only("inline_breaks").run(raw).text.split("\n\n")[0]
    assert joined == "市议会周二投票决定修复旧灯塔，工程将于春季开始。"


def test_the_whole_pipeline_finds_the_article_a_scraper_broke_apart():
    menu = ["Skip to content", "Home", "News", "Sport", "Weather"]
    footer = ["About us", "Contact", "Privacy", "© 2025 Coast News"]
    assert newsclean.clean("\n".join(menu + BROKEN + footer)) == "\n\n".join(JOINED)


@given(
    st.lists(
        st.one_of(
            st.from_regex(r"[a-z]{1,8}( [a-z]{1,8}){0,6}", fullmatch=True),
            st.from_regex(r"[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?", fullmatch=True),
            st.from_regex(r"[,.;] [a-z]{1,8}( [a-z]{1,8}){0,4}[.]?", fullmatch=True),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_joining_keeps_every_word_in_order_and_settles(lines: list[str]):
    raw = "\n".join(lines)
    once = only("inline_breaks").run(raw).text
    assert regex_words(once) == regex_words(raw)
    assert only("inline_breaks").run(once).text == once


def regex_words(text: str) -> list[str]:
    import regex

    return regex.findall(r"\w+", text)


# -- one_line: a whole page a scraper joined into one line --------------------------------------

MENU = "Skip to content Home News Sport Weather Business Culture Travel Sign in Subscribe"
FOOTER = "About us Contact us Careers Advertise Privacy policy Cookie settings Terms of use"
SENTENCES = [
    "The council voted on Tuesday to restore the old lighthouse, which has stood empty since "
    "the harbour closed in 1998, and work is due to start in the spring.",
    "Residents had campaigned for a decade to save the building, and the vote was unanimous.",
    "Dr. Anna Berg of the Harbour Trust said the U.S. firm that owns the quay had agreed to sell.",
    "The keeper's cottage beside it will become a small museum about the history of the harbour.",
    "A cafe will open on its ground floor, with rooms for visiting school classes above it.",
    "The work will take about eighteen months, the council said.",
]


def test_a_page_given_as_one_line_is_split_at_its_sentences():
    story = SENTENCES * 4
    page = " ".join([MENU, *story, FOOTER, MENU])
    assert len(page) >= 2000
    result = only("one_line").run(page)
    # a menu has no sentence end: the one above the story stays with its first sentence, the
    # footer's stands after the last one's full stop
    assert result.text.split("\n\n") == [f"{MENU} {story[0]}", *story[1:], f"{FOOTER} {MENU}"]
    assert [c.code for c in result.changes] == ["pages.one_line"]
    assert result.changes[0].reason == "a page given as one line, split into its 25 sentences"
    # and the article finder then weighs each sentence: the story's stay
    assert "\n\n".join(SENTENCES[1:]) in newsclean.clean(page)


def test_a_line_shorter_than_a_page_or_a_dump_with_lines_is_left_alone():
    short = " ".join(SENTENCES)  # one paragraph: under ONE_LINE_MIN_CHARS
    assert only("one_line").run(short).text == short
    lines = "\n".join([MENU, " ".join(SENTENCES * 3), FOOTER, "© 2025 Coast News"])
    assert not only("one_line").run(lines).changes


def test_a_web_pages_article_is_never_split():
    # the DOM blocks are the article's paragraphs: the step is the whole-page dump's
    assert newsclean.DEFAULT_PIPELINE["one_line"].whole_page
    page = "<html><body><article><p>" + " ".join(SENTENCES * 5) + "</p></article></body></html>"
    assert newsclean.clean(page) == " ".join(SENTENCES * 5)


def test_a_script_without_spaces_is_split_at_its_full_stops():
    menu = "首页 新闻 体育 财经 科技 娱乐 汽车 房产 "  # a menu's labels, joined with spaces
    text = "市议会周二投票决定修复旧灯塔。工程将于春季开始！居民们为此奔走了十年？" * 60
    result = only("one_line").run(menu + text)
    assert result.text.split("\n\n")[:3] == [
        menu + "市议会周二投票决定修复旧灯塔。",  # the menu clings to the first sentence
        "工程将于春季开始！",
        "居民们为此奔走了十年？",
    ]
    assert "".join(result.text.split("\n\n")) == menu + text
    assert only("one_line").run(text).text == text  # prose alone: no menu, no page


def test_a_long_paragraph_without_a_menus_labels_is_left_whole():
    # one paragraph of 2,000 characters: as a dump, and as the article a dump of many lines gives
    paragraph = " ".join(SENTENCES * 4)
    assert only("one_line").run(paragraph).text == paragraph
    raw = "\n".join(["Home", "News", "Sport", "Weather", paragraph, "About us", "Contact"])
    assert newsclean.clean(raw) == paragraph
    assert newsclean.clean(newsclean.clean(raw)) == paragraph
