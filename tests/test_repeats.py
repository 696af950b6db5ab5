"""The repeats filter: a page's second copy of a passage (the article again, for
another screen size) goes; a line or a paragraph repeated on its own stays."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import newsclean
from newsclean.filters.repeats import repeated_runs
from newsclean.text import key

ONLY = newsclean.Pipeline([newsclean.DEFAULT_PIPELINE["repeats"]])
PARAGRAPHS = [
    "The council said on Monday that the new bridge would open in the spring, two years late.",
    "Engineers found old mine workings beneath the river bank and filled them with concrete.",
    "Traffic tests are due to begin in February if the weather allows the crews to finish.",
    "The mayor said the delay had cost the town dearly but that the bridge would last a century.",
    "Shops on both banks have asked for help with their losses while the road stays closed.",
]
OTHER = [
    "Residents of the old quarter met the council on Tuesday evening to discuss the parking.",
    "They asked for more spaces near the market and fewer lorries in the narrow lanes at night.",
    "The council promised a survey of the streets before the summer holidays begin next year.",
    "A decision on the lorries is expected at the next meeting of the transport committee.",
]


def page(*blocks: str) -> str:
    return "\n\n".join(blocks)


def test_a_second_copy_of_the_article_goes_and_the_first_stays():
    raw = page(*PARAGRAPHS, "Menu", "Contact us", *PARAGRAPHS)
    result = ONLY.run(raw)
    assert result.text == page(*PARAGRAPHS, "Menu", "Contact us")
    assert [c.code for c in result.changes] == ["repeats.passage"] * len(PARAGRAPHS)
    assert "earlier on the page" in result.changes[0].reason
    # a third copy goes too, and so it does through the whole pipeline
    assert newsclean.clean(page(*PARAGRAPHS, *PARAGRAPHS, *PARAGRAPHS)) == page(*PARAGRAPHS)


def test_a_paragraph_or_a_short_run_repeated_stays():
    once = page(PARAGRAPHS[0], PARAGRAPHS[0], PARAGRAPHS[0], PARAGRAPHS[0])  # a test page's filler
    assert ONLY.run(once).text == once
    two = page(*PARAGRAPHS, PARAGRAPHS[1], PARAGRAPHS[2])  # a run of two: a quote, a teaser
    assert ONLY.run(two).text == two
    rows = ["Revisions | Yes | Yes", "Formats | PDF | Word", "Coaching | - | Yes"]
    table = page(*rows, PARAGRAPHS[0], *rows)  # three blocks, under MIN_RUN_CHARS
    assert ONLY.run(table).text == table


def test_copies_that_meet_once_another_goes_are_found_on_the_next_pass():
    # P0 P1 and P2 P3 repeat in runs of two, split by a copy of OTHER: once it is gone they
    # stand together as a run of four, which the pipeline's second pass removes
    raw = page(*PARAGRAPHS, *OTHER, *PARAGRAPHS[:2], *OTHER, *PARAGRAPHS[2:4])
    result = ONLY.run(raw)
    assert result.text == page(*PARAGRAPHS, *OTHER)
    assert [c.before for c in result.changes] == [*OTHER, *PARAGRAPHS[:4]]
    assert ONLY.run(result.text).text == result.text


def test_runs_follow_the_first_place_of_each_key():
    assert repeated_runs(["a", "b", "c", "x", "a", "b", "c"]) == [range(4, 7)]
    assert repeated_runs(["a", "b", "c", "a", "c", "b"]) == []  # out of order
    assert repeated_runs(["a", "", "b", "a", "", "b"]) == []  # a block with no words breaks it
    assert repeated_runs(["a", "a", "a", "a"]) == []  # each points at the first "a"


def test_a_page_with_the_article_twice_in_its_markup_gives_it_once():
    article = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        "<html><head><title>Bridge</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<div class='desktop'><article>{article}</article></div>"
        f"<div class='mobile'><article>{article}</article></div></body></html>"
    )
    assert newsclean.clean(html) == page(*PARAGRAPHS)


def test_a_copy_in_a_script_without_spaces_is_measured_in_characters():
    # three paragraphs of Chinese, each one "word" to a word pattern but 60 characters long
    zh = [
        "市议会周一表示新桥将于明年春天开放比原计划晚了两年原因是在河岸下面发现了旧的矿井工程" * 2,
        "工程师们已经用混凝土填满了这些矿井如果天气允许工人们完成桥面的话交通测试将在二月开始" * 2,
        "市长说这次延误让小镇付出了沉重的代价但这座桥将会使用一百年两岸的商店都要求获得帮助" * 2,
    ]
    assert ONLY.run(page(*zh, "菜单", *zh)).text == page(*zh, "菜单")


@given(st.lists(st.sampled_from(PARAGRAPHS + OTHER + ["Menu", "Share"]), max_size=40))
def test_every_passage_stays_once_and_a_second_run_changes_nothing(blocks: list[str]):
    # drawn from a few paragraphs, so that copies and runs of copies are common
    out = ONLY.run(page(*blocks)).text
    kept = out.split("\n\n") if out else []
    assert {key(b) for b in kept} == {key(b) for b in blocks}  # only copies go
    it = iter(blocks)
    assert all(any(b == x for x in it) for b in kept)  # what stays, stays in order
    assert ONLY.run(out).text == out
