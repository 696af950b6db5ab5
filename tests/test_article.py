"""The article filter: block scores, the densest region, and whole-page dumps cut to the article;
and the quick tests in front of its comments-heading, capitalisation and size measures."""

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from support.data import TEST_DATA
from support.strategies import WORDY

import newsclean
from newsclean.filters.article import (
    COMMENTS_HEADING_MAX_WORDS,
    MAY_BE_UNSPACED,
    NUMBER,
    TITLE_CASE_SHARE,
    UNBROKEN,
    UNSPACED,
    block_score,
    capitalised_share,
    comments_heading,
    densest_region,
    in_context,
    is_comments_heading,
    is_title_case,
    reads_as_sentence,
    size,
)
from newsclean.memo import forget
from newsclean.text import key, plain, words

PARAGRAPHS = [
    (
        "The town council voted on Tuesday to restore the harbour lighthouse, which has stood"
        " dark since the storm of 1987 damaged its lamp room and stairs."
    ),
    (
        "The work will cost about £1.2m, most of it raised by residents over the past six years"
        " through concerts, auctions and a long-running raffle."
    ),
    (
        '"It is the first thing sailors see of us," said the harbour master, who has campaigned'
        " for the restoration since he took the job."
    ),
    (
        "Engineers expect the lamp to shine again by the end of next summer, when the town holds"
        " its annual regatta."
    ),
]


def test_densest_region_is_the_run_with_the_highest_sum():
    assert densest_region([-3, -3, 20, -1, 15, -3, -3, 4]) == (2, 5)
    assert densest_region([5, -10, 3]) == (0, 1)
    assert densest_region([-1, -2]) == (0, 0)
    assert densest_region([]) == (0, 0)


def test_a_short_paragraph_alone_between_debris_is_a_teaser():
    assert in_context([-3, 10, -3, 30, 10, -3], [""] * 6) == [-3, 0, -3, 30, 10, -3]
    assert in_context([-3, 20, -3], [""] * 3) == [-3, 20, -3]  # long enough to be a paragraph


def test_paragraphs_with_a_date_under_them_close_together_are_a_teaser_grid():
    texts = ["Title", "Summary", "March 17, 2016", "Title", "Summary", "April 8, 2015", "Title"]
    values = [-3, 40, -3, -3, 40, -3, -3]
    assert in_context(values, texts) == [-3, 0, -3, -3, 0, -3, -3]
    # one alone is the article's last paragraph above its publication date
    assert in_context(values[:3], texts[:3]) == values[:3]


def test_prose_counts_for_the_article_and_menus_against():
    assert block_score(PARAGRAPHS[0]).value == 26 - 4  # its words, less the sentence cost
    assert block_score(PARAGRAPHS[0]).why == "prose"
    assert block_score("* [Home](/)").why == "mostly links"
    assert block_score("* [Home](/)").value < 0
    assert block_score("Weather").value == -3
    assert block_score("Most read").why == "boilerplate label"
    title_case = "Afghanistan Albania Algeria Andorra Angola Argentina Armenia Austria"
    assert block_score(title_case).why == "title-case line"
    assert block_score('<img src="pixel.gif" width="1">').why == "raw HTML"
    notice = (
        "Content on this site is © 2020 Example Media. All rights reserved. Use of it means you"
        " accept our terms."
    )
    assert block_score(notice).why == "copyright notice"


def test_a_long_line_without_punctuation_is_a_word_list():
    languages = " ".join(["Afrikaans", "aragonés", "Asturianu", "català", "dansk", "suomi"] * 4)
    assert block_score(languages).why == "a list of words without punctuation"


def test_a_long_menu_line_costs_a_quarter_of_its_words_more():
    countries = " ".join(["Albania Algeria Andorra Angola Argentina Armenia Austria"] * 6)  # 42
    assert block_score(countries).why == "title-case line"
    assert block_score(countries).value == -3 - 42 / 4
    languages = " ".join(["Afrikaans", "aragonés", "Asturianu", "català", "dansk", "suomi"] * 7)
    assert block_score(languages).value == -3 - 42 / 4
    short = " ".join(["Afrikaans", "aragonés", "Asturianu", "català", "dansk", "suomi"] * 4)
    assert block_score(short).value == -3  # under 40 words: a caption or a short list


def test_a_long_menu_ends_the_article_region():
    # 140 words, a menu: it costs more than the sign-up prose after it brings
    countries = " ".join(["Albania Algeria Andorra Angola Argentina Armenia Austria"] * 20)
    signup = (
        "You will receive an email from us to confirm your subscription. If you do not see it,"
        " check your spam folder and add us to your address book so that it arrives next time."
    )
    page = "\n\n".join([*PARAGRAPHS, "Choose your country", countries, signup])
    result = newsclean.explain(page)
    assert result.text == "\n\n".join(PARAGRAPHS)
    assert f'removed: "{signup[:69]}…" by article: after the article (prose)' in result.report()


def test_comments_headings_end_the_article():
    for heading in ["Comments", "There are 13 comments", "Comments (10580)", "Leave a Reply"]:
        assert block_score(heading).why == "the comments start here", heading
    assert block_score("Comment Policy").why != "the comments start here"


def test_comments_headings_are_known_in_the_other_languages():
    headings = [
        "Kommentare",
        "Schreibe einen Kommentar",
        "12 commentaires",
        "Laisser un commentaire",
        "Comentarios (4)",
        "Deja un comentario",
        "Lascia un commento",
        "Deixe um comentário",
        "3 reacties",
        "Plaats een reactie",
        "Komentarze (2)",
        "Dodaj komentarz",
        "Yorumlar",
        "Tulis komentar",
        "댓글 3",
        "网友评论",
        "網友評論",
        "コメント",
    ]
    for heading in headings:
        assert block_score(heading).why == "the comments start here", heading
    assert block_score("Les commentaires du ministre").why != "the comments start here"


COMMENTS = {
    "English": (
        "12 Comments",
        "I have read every word of this and I think the council is wasting money that should go"
        " to the schools, which have been waiting for repairs for years now.",
    ),
    "Spanish": (
        "Comentarios",
        "Me parece una muy buena noticia para el pueblo, aunque llega tarde y costará mucho más"
        " de lo que dicen los concejales en el pleno de esta semana.",
    ),
}


@pytest.mark.parametrize("language", COMMENTS)
def test_the_article_comes_before_the_comments(language):
    heading, comment = COMMENTS[language]
    # each comment twice: three copies would make them template copies, cut without the heading
    text = "\n\n".join([*PARAGRAPHS, heading, *[comment, comment + " Thanks."] * 2])
    assert newsclean.clean(text) == "\n\n".join(PARAGRAPHS)


def test_prose_repeated_three_times_is_a_template_copy():
    teaser = (
        "Stack Overflow published the results of its developer survey, summarizing responses"
        " from fifty thousand developers in more than one hundred and fifty countries."
    )
    text = "\n\n".join([*PARAGRAPHS, "Related", teaser, "March 17", teaser, "In News", teaser])
    assert newsclean.clean(text) == "\n\n".join(PARAGRAPHS)


def test_a_page_without_prose_is_not_cut():
    changes = "\n\n".join(f"- Added {thing}" for thing in ["Granite", "Slime Block", "Banners"])
    text = "Minecraft News\n\n" + changes
    assert newsclean.clean(text) == text


def test_cjk_text_is_measured_by_characters():
    line = "一波波接續性低溫寒流報到已將新竹尖石鄉後山一帶層層山巒披上嫣紅的彩衣。"
    assert block_score(line).why == "prose"


def test_whole_page_dump_is_cut_to_the_article():
    result = newsclean.explain((TEST_DATA / "whole_page.md").read_text(encoding="utf-8"))
    assert result.text == "\n\n".join(PARAGRAPHS)
    assert result.meta["title"] == "Harbour town votes to restore its old lighthouse"
    assert result.meta["author"] == "Anna Berg"
    assert result.article_region == (9, 13)  # a field of its own, not metadata
    assert [b.text for b in result.blocks[slice(*result.article_region)]] == PARAGRAPHS
    assert "article_region" not in result.meta
    report = result.report()
    assert 'removed: "* [Home](/)" by article: before the article (mostly links)' in report
    assert 'removed: "## More from World" by article: after the article (short line)' in report
    assert 'removed: "* [Terms](/terms)" by article: after the article (mostly links)' in report


def test_an_article_alone_comes_through_unchanged():
    text = "\n\n".join(PARAGRAPHS)
    result = newsclean.explain(text)
    assert result.text == text
    assert result.article_region is None
    assert not result.removed


def test_a_short_line_between_paragraphs_stays():
    text = "\n\n".join([*PARAGRAPHS[:2], "The vote", *PARAGRAPHS[2:]])
    assert newsclean.clean(text) == text


def test_whole_page_dump_cleans_idempotently():
    once = newsclean.clean((TEST_DATA / "whole_page.md").read_text(encoding="utf-8"))
    assert newsclean.clean(once) == once


def test_article_steps_are_in_the_default_pipeline():
    names = newsclean.DEFAULT_PIPELINE.names
    assert names.index("article") < names.index("ads")  # it finds the region before the filters
    assert names.index("page_breaks") < names.index("article")  # page furniture first
    assert names[-1] == "article_edges"


def test_a_summary_cut_off_by_an_ellipsis_is_no_sentence():
    cut = "The mayor said that the plan would cost the town far more than it..."
    assert (block_score(cut).value, block_score(cut).why) == (14 - 10, "long line")
    assert block_score("It went on and on…").why == "short line"
    whole = "She paused, and then she said it: and then, and then …"  # no word cut off
    assert (block_score(whole).value, block_score(whole).why) == (11 - 4, "prose")


def test_a_grid_of_truncated_teasers_after_the_article_goes():
    # each summary (21 words) scores under 15 once cut off, alone between two titles: a teaser
    teasers = [
        "Ferry timetable changes",
        "The harbour authority has announced a new winter timetable for the island ferry, with"
        " fewer sailings on weekdays and...",
        "School roof repairs",
        "Parents at the primary school on Mill Lane have been told the roof over the hall will"
        " be replaced during the…",
        "Regatta returns",
        "The annual regatta will return next August after a two-year break, organisers said on"
        " Monday, with races for dinghies…",
        "Weather",
    ]
    page = "\n\n".join([*PARAGRAPHS, "More news", *teasers])
    assert newsclean.clean(page) == "\n\n".join(PARAGRAPHS)


def test_a_headline_with_its_time_is_a_news_ticker_entry():
    for line in [
        "* 14:32 Un artiste arrêté pour avoir coloré un geyser en rose vif dans le parc national",
        "1. Markets rally as the central bank holds its rates steady for another month 3/9 18:45",
    ]:
        assert block_score(line).why == "a headline with its time (a news ticker)", line
    assert block_score("The meeting starts at 14:30 and ends at 16:00.").why == "prose"


def test_a_news_ticker_after_the_article_goes():
    headlines = [
        "14:44 Rail strike called off after overnight talks between the unions and the operators"
        " of the northern lines",
        "14:32 Storm warning issued for the whole of the north coast as winds are expected to"
        " reach ninety miles an hour",
        "13:58 Council approves the new cycle lanes on the seafront road after a long debate and"
        " a vote of twelve to nine",
        "13:20 Local football club appoints its former captain as the new manager of the first"
        " team until the end of the season",
    ]
    page = "\n\n".join([*PARAGRAPHS, *[f"* {h}" for h in headlines]])
    assert newsclean.clean(page) == "\n\n".join(PARAGRAPHS)


def test_a_related_grid_of_title_summary_and_date_after_the_article_goes():
    grid = [
        "#### Harbour master retires after thirty years",
        "The harbour master who led the campaign to restore the lighthouse is to retire at the end"
        " of the year, after thirty years in the job and three storms that closed the port.",
        "March 17, 2016",
        'In "News"',
        "#### Lighthouse keepers' cottages to become a museum",
        "The two cottages below the lighthouse, empty since the light was automated, will house a"
        " small museum of the town's fishing fleet and the families who worked on it.",
        "April 8, 2015",
        'In "News"',
    ]
    page = "\n\n".join([*PARAGRAPHS, "Like this:", *grid])
    assert newsclean.clean(page) == "\n\n".join(PARAGRAPHS)


def test_share_counts_and_images_do_not_push_the_headline_out_of_reach():
    menu = "\n\n".join(f"* [{w}](/{w.lower()})" for w in ("Home", "World", "Sport", "Weather"))
    head = "\n\n".join(
        [
            "# Harbour town votes to restore its old lighthouse",
            "[6366](https://share.example/facebook)",
            "[12](https://share.example/twitter)",
            "![The lighthouse at dusk](https://img.example/l.jpg)",
            "[](https://share.example/mail)",
            "*",
            "JOHN SMITH/Harbour Photos",
            "By Anna Berg",
            "## The lamp has been dark since the storm of 1987, and residents have paid for most of"
            " the work.",
        ]
    )
    result = newsclean.explain(f"{menu}\n\n{head}\n\n" + "\n\n".join(PARAGRAPHS))
    assert result.meta["title"] == "Harbour town votes to restore its old lighthouse"
    assert result.text.startswith("The lamp has been dark since the storm of 1987")
    assert result.text.endswith(PARAGRAPHS[-1])


def test_a_photo_credit_run_into_a_paragraph_does_not_make_it_a_copyright_notice():
    credited = f"© Harbour Photos {PARAGRAPHS[0]} {PARAGRAPHS[1]}"
    assert block_score(credited).why == "prose"
    assert block_score(f"![<span>The lamp</span>](https://img.example/l.jpg) {credited}").value > 0
    # a short notice with "©" is still one (test_prose_counts_for_the_article_and_menus_against)


# -- shortcut-equivalence ---------------------------------------------------------------------
# Each shortcut taken for speed gives exactly the answer of the slow way.


@settings(max_examples=1000)
@given(
    st.lists(
        st.sampled_from(["comments", "Comments", "Kommentare", "13", "3a", "a", " ", "é", "(", ")"])
    ).map("".join)
)
def test_comments_heading_shortcut_agrees_with_the_pattern(text: str):
    forget()
    k = NUMBER.sub("", key(text)).strip()
    slow = words(k) <= COMMENTS_HEADING_MAX_WORDS and comments_heading().search(k) is not None
    laid_out = "   " in text.strip()  # a table's row, whose last column may say "Comments"
    assert is_comments_heading(text) == (slow and not laid_out)


def test_a_tables_row_ending_in_comment_is_no_comments_heading():
    assert is_comments_heading("Comments (13)")
    assert not is_comments_heading("Entity status   Assoc      next trigger   Comment")


@settings(max_examples=500)
@given(WORDY)
def test_capitalised_share_counts_the_initials_of_whole_words(text: str):
    found = regex.findall(r"\b\p{L}[\p{L}'’-]{0,100}", text)
    share = sum(w[0].isupper() for w in found) / len(found) if found else 0.0
    assert capitalised_share(text) == share


@settings(max_examples=3000)
@given(
    st.lists(
        st.sampled_from([*"aZB '-_0.,(\t\x1cé’", "Ab", "ab", "O'B", "O'neil", "Re-do", "x-Ray"])
    ).map("".join)
)
def test_the_quick_title_case_bound_never_changes_the_answer(text: str):
    """is_title_case tells most ASCII text from its capitals and word starts, without the
    pattern; wherever it does, the share of capitalised words says the same."""
    assert is_title_case(text) == (capitalised_share(text) > TITLE_CASE_SHARE)


def test_title_case_lines_are_told_from_prose():
    assert is_title_case("Home News Sport Business Technology Science")
    assert is_title_case("(Home) News, Sport - Business")
    assert not is_title_case("The Fed said on Monday that it would hold rates.")
    assert not is_title_case("O'Brien-Smith and x-Ray were there")


@settings(max_examples=1000)
@given(
    st.lists(st.sampled_from(["a" * 19, "b", "/", "=", " ", "\x1c", "\n", "漢字", "é"])).map(
        "".join
    )
)
def test_size_finds_every_unbroken_string_behind_its_quick_test(text: str):
    forget()
    p = plain(text)
    if "/" in p or "=" in p:
        p = UNBROKEN.sub(" ", p)
    expected = words(p) if p.isascii() else words(p) + len(UNSPACED.findall(p)) // 2
    assert size(text) == expected


def test_unspaced_scripts_stand_behind_their_quick_test():
    for code in range(0x110000):
        char = chr(code)
        if UNSPACED.match(char):
            assert MAY_BE_UNSPACED.match(char), hex(code)
    assert MAY_BE_UNSPACED.search("Café “naïve” — 3 €5") is not None  # € is past the gap
    assert MAY_BE_UNSPACED.search("Café “naïve” — déjà vu") is None


# -- every script's punctuation -----------------------------------------------------------------

# a full stop after a word (not in a number or an abbreviation's middle), as another script's
SENTENCE_STOP = regex.compile(r"(?<=\p{L}[\"'”’)]?)\.(?=\s|$)")


@pytest.mark.parametrize(
    "stop",
    ["।", "۔", "։", "።", "။", "។", "．"],
    ids=["devanagari", "urdu", "armenian", "ethiopic", "myanmar", "khmer", "full-width"],
)
def test_a_page_whose_sentences_end_in_another_scripts_stop_is_cut_to_the_same_article(stop):
    page = (TEST_DATA / "whole_page.md").read_text(encoding="utf-8")
    with_stop = newsclean.clean(SENTENCE_STOP.sub(stop, page))
    assert with_stop == SENTENCE_STOP.sub(stop, "\n\n".join(PARAGRAPHS))


def test_a_hindi_paragraph_reads_as_prose_and_a_hindi_menu_as_lines():
    paragraph = (
        "नगर निगम के अधिकारियों ने बताया कि शहर के निचले इलाकों से पानी निकालने के लिए पंप लगाए"
        " गए हैं और राहत कार्य जारी है। कई स्कूलों को एहतियात के तौर पर बंद कर दिया गया है।"
    )
    assert block_score(paragraph).why == "prose"
    assert block_score("होम").why == "short line"


def test_a_thai_paragraph_is_no_list_of_words_though_it_has_no_punctuation():
    paragraph = (
        "เจ้าหน้าที่กรุงเทพมหานครได้นำเครื่องสูบน้ำไปติดตั้งในจุดที่น้ำท่วมสูง"
        " และขอให้ประชาชนหลีกเลี่ยงเส้นทางดังกล่าว โรงเรียนหลายแห่งประกาศปิดการเรียนการสอนชั่วคราว"
    )
    assert block_score(paragraph).value > 0
    # a line of English words without punctuation is still one
    words_alone = " ".join(["Politics Business Sport Culture Travel Science"] * 4)
    assert block_score(words_alone).why == "title-case line"
    tags = " ".join(["politics business sport culture travel science"] * 4)
    assert block_score(tags).why == "a list of words without punctuation"


@pytest.mark.parametrize("end", [".", "!", "?", ":", ";", "。", "।", "።", "؟"])
def test_a_line_ending_in_a_stop_or_a_clause_mark_reads_as_a_sentence(end: str):
    assert reads_as_sentence(f"The council met on Monday{end}")
    assert reads_as_sentence(f"The council met on Monday{end}”")  # a closing quote after it


@pytest.mark.parametrize("end", ["", ",", "-", "y", "1", "、"])
def test_a_line_ending_otherwise_does_not(end: str):
    assert not reads_as_sentence(f"The council met on Monda{end}")
    assert not reads_as_sentence("the company sa...")  # a teaser cut off
