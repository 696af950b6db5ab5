"""The DOM block table (newsclean.html.blocks) and the article finder on it (html.find): blocks
in reading order with their markup's facts, class and id tokens in families, trafilatura's
verdict as a column, a reason for every block left out, and a training script that rebuilds
the same model file from the same pages."""

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from support.data import ROOT

import newsclean
import newsclean.html
from newsclean.html import extract, parse
from newsclean.html.blocks import (
    DOM_FACTS,
    FACTS,
    SECOND_LOOK,
    block_words,
    collapse_spaces,
    column_names,
    dom_blocks,
    facts,
    families_of,
    joined,
    kind_means,
    mark_extracted,
    size,
    with_context,
)
from newsclean.html.find import DomModel, find_article, second_columns, shipped_model
from newsclean.html.render import SPACE_RUN
from newsclean.memo import run_memo
from newsclean.text import key_words

SAMPLE = ROOT / "tests" / "data" / "wcxb-sample"
PAGE = """<html><body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article class="post-body"><h1>Title</h1><p>First <a href="#">linked</a>
paragraph.</p><div hidden><p>Never shown</p></div>
<table><tr><th>Year</th><th>Sales</th></tr><tr><td>2024</td><td>12</td></tr></table>
</article><footer id="pageFooter"><p>Copyright 2024</p></footer></body></html>"""


def blocks():
    return dom_blocks(parse(PAGE))


@given(st.text())
def test_size_counts_the_word_characters(text: str):
    assert size(text) == len(regex.findall(r"\w", text))


# white space of every kind, the information separators (white space to str.split, not to
# regex's \s) among it, between letters and markdown's markers
SPACED = st.text(st.sampled_from(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2003\u3000ab_*[]()#-"))


@given(SPACED)
def test_collapse_spaces_is_the_pattern_s_substitution(text: str):
    assert collapse_spaces(text) == SPACE_RUN.sub(" ", text).strip()


@given(st.one_of(SPACED, st.text()))
def test_a_block_s_words_are_its_key_words(text: str):
    assert block_words(text) == key_words(text)
    with run_memo():  # read off the memoised key
        assert block_words(text) == key_words(text)


def test_collapse_spaces_keeps_an_information_separator_as_the_pattern_does():
    assert collapse_spaces(" a \x1c  b\n") == "a \x1c b"


def test_size_counts_unspaced_scripts_by_character():
    assert size("日本語のテキスト、句読点。") == 11  # the punctuation left out
    assert size("Two words, a_b!") == 11


def test_blocks_come_in_reading_order_with_their_markup():
    got = [(b.text, b.tag) for b in blocks()]
    assert got == [
        ("Home", "li"),
        ("News", "li"),
        ("Title", "h1"),
        ("First linked paragraph.", "p"),
        ("Year | Sales", "tr"),
        ("2024 | 12", "tr"),
        ("Copyright 2024", "p"),
    ]
    home, _, title, first, *_, footer = blocks()
    assert home.landmarks == {"nav", "list"} and home.families == {"nav"}
    assert home.link_chars == 4 and first.link_chars == len("linked")
    assert title.landmarks == {"article"} and title.families == {"content"}
    assert home.path == "/body/nav.nav.site/ul/li"
    assert title.path == "/body/article.body.post/h1"
    assert footer.landmarks == {"footer"} and footer.families == {"footer"}
    assert len(first.containers) == 2  # the p, then the article


def test_class_tokens_fall_in_families_by_stem_and_short_stems_by_whole_token():
    assert families_of("header-ad sharingTools", "mainContent") == {
        "header",
        "ads",
        "share",
        "content",
    }
    assert families_of(None, "mainContent") == {"content"}
    for cls in ("download", "thread", "shadow", " "):
        assert families_of(cls, None) == set(), cls


def test_the_table_names_every_column_and_reads_the_markup():
    bs = blocks()
    mark_extracted(bs, "Title\n\nFirst linked paragraph.")
    rows = facts(bs, "en")
    assert rows.shape == (7, len(FACTS) + len(DOM_FACTS) + 26)
    table = with_context(rows)
    assert table.shape == (7, len(column_names()))
    assert len(set(column_names())) == len(column_names())  # a name says which column it is
    col = {name: table[:, i] for i, name in enumerate(column_names())}
    assert list(col["heading"]) == [0, 0, 1, 0, 0, 0, 0]
    assert list(col["bullet"]) == [1, 1, 0, 0, 0, 0, 0]
    assert list(col["in_nav"]) == [1, 1, 0, 0, 0, 0, 0]
    assert list(col["dom_row"]) == [0, 0, 0, 0, 1, 1, 0]
    assert list(col["extracted"]) == [0, 0, 1, 1, 0, 0, 0]
    assert col["dom_link_share"][0] == 1.0
    assert col["extracted_after"][0] == 1.0 and col["extracted_before"][-1] == 1.0


def test_blocks_of_one_kind_share_their_group_facts():
    replies = (
        "It worked for me too",
        "Same here since Monday",
        "Try the other cable",
        "Thanks all",
    )
    posts = "".join(
        f'<div class="post post-{i}"><p class="text">{reply}.</p></div>'
        for i, reply in enumerate(replies)
    )
    page = f'<html><body><ul class="menu"><li><a href="/">Home</a></li></ul>{posts}</body></html>'
    bs = dom_blocks(parse(page))
    assert bs[1].path == bs[4].path == "/body/div.post/p.text"
    mark_extracted(bs, "It worked for me too.")
    col = {n: c for n, c in zip(column_names(), with_context(facts(bs, "en")).T, strict=False)}
    assert list(col["path_blocks"]) == [np.log1p(1)] + [np.log1p(4)] * 4
    assert list(col["path_extracted"][1:]) == [5 / 15] * 4  # one post of four kept: 5 words of 15
    assert col["path_link_share"][0] == 1.0 and col["path_link_share"][1] == 0.0
    assert list(col["path_page_share"][1:]) == [15 / 16] * 4
    assert list(col["tag_path_blocks"]) == [np.log1p(1)] + [np.log1p(4)] * 4
    # the smallest element holding trafilatura's text: the first post's paragraph
    assert list(col["in_core"]) == [0, 1, 0, 0, 0]
    assert list(col["core_extracted"]) == [1.0] * 5


def test_the_second_look_reads_the_first_over_each_blocks_kinds():
    page = (
        '<html><body><section><div class="post"><p class="text">One two three.</p>'
        '<p class="text">Four five.</p></div><div class="foot"><p>Six</p></div></section>'
        "</body></html>"
    )
    bs = dom_blocks(parse(page))
    p = np.array([0.9, 0.5, 0.1])
    table = kind_means(bs, p, np.array([3.0, 2.0, 1.0]))  # weighed by 1 + words: 4, 3, 2
    col = dict(zip(SECOND_LOOK, table.T, strict=True))
    posts, everything = (3.6 + 1.5) / 7, (3.6 + 1.5 + 0.2) / 9
    assert list(col["first_look"]) == list(p)
    assert np.allclose(col["first_look_path"], [posts, posts, 0.1])  # div.post/p.text, div.foot/p
    assert np.allclose(col["first_look_tag_path"], [everything] * 3)  # all section/div/p
    assert np.allclose(col["first_look_parent"], [posts, posts, 0.1])  # the two divs
    assert np.allclose(col["first_look_grandparent"], [everything] * 3)  # the section


def test_list_items_are_bullets_in_the_text():
    assert joined(blocks()[:3]) == "- Home\n\n- News\n\nTitle"


STORY = (
    "The council met on Tuesday evening to discuss the new budget for the coming year, "
    "and members agreed that the library would stay open on Sundays. "
)


def story_page(paragraphs: int, before: str = "", after: str = "") -> str:
    """A page whose <article> holds `paragraphs` paragraphs of STORY, "Paragraph 0." on."""
    body = "".join(f"<p>{STORY * 2} Paragraph {i}.</p>" for i in range(paragraphs))
    return f"<html><body>{before}<article>{body}</article>{after}</body></html>"


def test_every_block_left_out_has_a_reason_and_a_code():
    page = story_page(
        4,
        '<nav class="menu"><ul>'
        + "".join(f'<li><a href="/{i}">Section {i}</a></li>' for i in range(12))
        + "</ul></nav>",
        '<footer class="site-footer"><ul>'
        + "".join(f'<li><a href="/f{i}">Footer link {i}</a></li>' for i in range(12))
        + "</ul></footer>",
    )
    tree = parse(page)
    found = find_article(dom_blocks(tree), extract(tree).text, "en")
    kept = [b.text for b in found.kept]
    assert len(kept) == 4 and all("Paragraph" in t for t in kept)
    assert len(found.changes) == 24
    for change in found.changes:
        assert change.filter == "html" and change.code == "html.debris"
        assert re.match(r"debris [01]\.\d\d: \d+ words?, 100% inside links, ", change.reason)
        assert "most against it: " in change.reason
    assert any("in <nav>, <list>" in c.reason for c in found.changes)
    assert any("class or id of footer" in c.reason for c in found.changes)
    result = newsclean.explain(page)
    assert [c.code for c in result.changes].count("html.debris") == 24
    assert "Section 3" not in result.text and "Footer link" not in result.text


@pytest.mark.parametrize("name", ["0001", "0079", "0134"])
def test_clean_is_explains_text_without_logging_the_blocks_left_out(name: str):
    page = gzip.decompress((SAMPLE / name / "source.html.gz").read_bytes())
    result = newsclean.explain(page)
    assert newsclean.clean(page) == result.text
    assert "date" in result.meta
    # what clean() asks of the markup: its title alone (and the declared language)
    brief = extract(parse(page.decode("utf-8")), all_metadata=False).meta
    assert brief == {k: result.meta[k] for k in ("title", "language") if k in result.meta}
    assert any(c.code == "html.debris" for c in result.changes)
    # explain() without the metadata: the same text and changes, the markup's title alone
    lean = newsclean.explain(page, metadata=False)
    assert lean.text == result.text
    assert [c.to_dict() for c in lean.changes] == [c.to_dict() for c in result.changes]
    assert lean.meta["title"] == result.meta["title"]
    assert not {"date", "page_type", "page_type_confidence"} & lean.meta.keys()
    tree = parse(page.decode("utf-8"))
    bs = dom_blocks(tree)
    quiet = find_article(bs, extract(tree).text, "en", reasons=False)
    found = find_article(bs, extract(tree).text, "en")
    assert [b.text for b in quiet.kept] == [b.text for b in found.kept]
    assert not [c for c in quiet.changes if c.action == "removed"]
    assert len([c for c in found.changes if c.action == "removed"]) > 10


def test_the_shipped_model_reads_the_dom_table_then_its_own_first_look():
    model = shipped_model()
    assert model.first.columns == column_names()
    assert model.second.columns == column_names() + SECOND_LOOK
    bs = blocks()
    rows = with_context(facts(bs, "en"))
    table = model.table(bs, rows)
    assert table.shape == (len(bs), len(second_columns()))
    assert (table[:, : rows.shape[1]] == rows).all()
    odds = model.second.log_odds(table)
    assert odds.shape == (len(bs),) and np.isfinite(odds).all()
    with pytest.raises(ValueError, match="two-look"):
        DomModel.from_dict(model.first.to_dict())  # a one-look file, as shipped before


def test_a_short_block_is_labelled_article_only_beside_a_neighbours_words():
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_html_model import in_context

    gold = " share this the council met on tuesday home and agreed a budget "
    tokens = [
        ["menu"],
        ["home"],  # in the gold text, but not after "menu" nor before "news"
        ["news"],
        ["share", "this"],  # before the story, as in the gold text
        ["the", "council", "met", "on", "tuesday"],
        ["home"],  # after "on tuesday", as in the gold text
        ["and", "agreed", "a", "budget"],
        ["home"],  # last, and not after "a budget"
    ]
    labels = [0.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0]
    assert in_context(tokens, labels, gold) == [0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 0.0]


def test_of_a_repeated_block_only_the_copies_beside_their_neighbours_are_article():
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_html_model import copies_in_context

    lede = ["the", "council", "met", "on", "tuesday", "evening"]
    gold = " the council met on tuesday evening and agreed a budget "
    tokens = [["top", "stories"], lede, ["read", "more"], lede, ["and", "agreed", "a", "budget"]]
    # the teaser at the top repeats the story's first paragraph: the gold text holds it once
    assert copies_in_context(tokens, [0.0, 1.0, 0.0, 1.0, 1.0], gold) == [0, 0, 0, 1, 1]
    # held twice by the gold text, both copies stay; with no copy placed, the labels stay
    assert copies_in_context(tokens, [0.0, 1.0, 0.0, 1.0, 1.0], gold + gold) == [0, 1, 0, 1, 1]
    apart = [["top"], lede, ["more"], lede, ["end"]]
    assert copies_in_context(apart, [0.0, 1.0, 0.0, 1.0, 0.0], gold) == [0, 1, 0, 1, 0]


def test_html_training_is_deterministic(tmp_path: Path):
    outs = []
    for n in (1, 2):
        out = tmp_path / f"model{n}.json"
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "scripts" / "train_html_model.py"),
                "--corpus",
                str(SAMPLE),
                "--folds",
                "4",
                "--out",
                str(out),
            ],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    model = json.loads(outs[0])
    assert model["first"]["columns"] == list(column_names())
    assert model["second"]["columns"] == list(second_columns())


TAGS = ("div", "p", "li", "ul", "nav", "footer", "article", "a", "span", "h2", "td", "tr", "pre")
CLASSES = ("", "related-posts", "site-footer", "mainContent", "ad", "share", "comment-list")
WORDS = st.sampled_from(
    "the council met on Tuesday and agreed a budget for the library Home News © 2024 | » é 日本".split()
)


@st.composite
def pages(draw, depth: int = 0) -> str:
    """Small web pages of nested elements, classes and words (and now and then stray markup)."""
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 4 and draw(st.booleans()):
            tag, cls = draw(st.sampled_from(TAGS)), draw(st.sampled_from(CLASSES))
            inner = draw(pages(depth + 1))
            parts.append(
                f'<{tag} class="{cls}">{inner}</{tag}>' if cls else f"<{tag}>{inner}</{tag}>"
            )
        else:
            parts.append(" ".join(draw(st.lists(WORDS, max_size=25))))
        if draw(st.integers(0, 9)) == 0:
            parts.append(draw(st.sampled_from(("<br>", "</div>", "<p>", "&amp;", "<img src=x>"))))
    body = "".join(parts)
    return body if depth else f"<!doctype html><html><body>{body}</body></html>"


@settings(max_examples=40)
@given(pages())
def test_any_page_cleans_to_its_own_words_and_is_idempotent(page: str):
    result = newsclean.explain(page)
    once = result.text
    assert newsclean.clean(once) == once
    seen = set(re.findall(r"\w+", newsclean.html.render_text(newsclean.html.parse(page))))
    assert set(re.findall(r"\w+", once)) <= seen  # no invented text
    for change in result.changes:
        assert change.code  # every change says why


def test_holds_counts_word_characters_only_until_there_are_enough():
    from newsclean.html.find import holds

    assert holds(["ab, c", "de"], 5)
    assert not holds(["ab, c", "d"], 5)
    assert holds(iter([]), 0)
    assert not holds([], 1)

    def texts():
        yield "abcde"
        raise AssertionError("counted past enough")

    assert holds(texts(), 5)


def test_a_decode_is_too_strict_under_its_characters_or_three_quarters_of_trafilaturas_words():
    from dataclasses import replace

    from newsclean.html.find import too_strict

    story = blocks()[3]  # "First linked paragraph."
    page = [replace(story, text="word " * 40) for _ in range(4)]
    in_trafilatura = np.array([40.0, 40.0, 40.0, 0.0])  # the words of each trafilatura kept
    kept = np.array([True, True, False, True])
    # 80 of the 120 words trafilatura kept: two thirds
    assert (
        too_strict(page, kept, in_trafilatura, 0) == "67% of the 120 words trafilatura kept found"
    )
    assert too_strict(page, np.array([True, True, True, False]), in_trafilatura, 0) is None
    assert too_strict(page, kept, in_trafilatura, 1000) == "under 1000 word characters found"
    # under 100 words kept by trafilatura are no evidence either way
    assert too_strict(page, kept, in_trafilatura / 2, 0) is None
    assert too_strict(page, kept, np.zeros(4), 0) is None


def test_a_page_whose_blocks_hold_too_little_of_trafilaturas_text_is_decoded_again():
    page = gzip.decompress((SAMPLE / "3013" / "source.html.gz").read_bytes())
    result = newsclean.explain(page)
    loosened = [c for c in result.warnings if c.code == "html.loosened"]
    assert [c.reason for c in loosened] == [
        "57% of the 697 words trafilatura kept found: the blocks decoded again, less strictly"
    ]
    assert len(result.text) > len(loosened[0].before)  # more than the first decode kept


def test_the_sums_over_each_element_give_parent_and_core_columns_and_none_without_one():
    page = (
        "<html><body>A line in no block element at all."
        "<div><p>First kept paragraph of the story.</p><p>Second kept one.</p></div></body></html>"
    )
    bs = dom_blocks(parse(page))
    mark_extracted(bs, "First kept paragraph of the story.\n\nSecond kept one.")
    rows = with_context(facts(bs))
    col = {name: rows[:, i] for i, name in enumerate(column_names())}
    assert bs[0].containers == ()
    assert col["parent_log_words"].tolist() == [0.0, np.log1p(9), np.log1p(9)]  # the div's
    assert col["parent_blocks"].tolist() == [0.0, np.log1p(2), np.log1p(2)]
    assert col["in_core"].tolist() == [0.0, 1.0, 1.0] and col["core_extracted"][1] == 1.0
    loose = dom_blocks(parse("<html><body>Only a line of text, in no block element.</body></html>"))
    mark_extracted(loose, "Only a line of text")
    assert facts(loose)[0, len(FACTS) + DOM_FACTS.index("parent_log_words")] == 0.0


def test_a_doubted_run_apart_from_the_article_and_of_another_kind_goes():
    from dataclasses import replace

    from newsclean.html.find import apart_runs, kept_runs, run_votes

    def apart(page, keep, log_odds, weights, sizes, extracted):
        runs = kept_runs(keep)
        votes = run_votes(runs, log_odds, weights)
        return apart_runs(page, runs, votes, log_odds, sizes, extracted)

    story, other = blocks()[3], blocks()[0]  # an <article>'s <p>, a <nav>'s <li>
    assert story.path != other.path
    page = [replace(story, text=f"story {i}") for i in range(4)] + [
        replace(other, text="teaser"),
        replace(other, text="teaser"),
        replace(story, text="reply"),  # of the story's kind: a forum's reply
    ]
    keep = np.array([True, True, True, False, True, False, True])
    log_odds = np.array([3.0, 3.0, 3.0, -2.0, 0.5, -2.0, 0.5])
    weights = np.ones(7)
    sizes = np.array([50.0, 50.0, 50.0, 10.0, 20.0, 10.0, 20.0])
    untouched = np.zeros(7)
    assert (
        apart(page, keep, log_odds, weights, sizes, untouched).tolist()
        == [False] * 4 + [True] + [False] * 2
    )
    # one that the model believes, that trafilatura kept, or that weighs as much as the
    # article stays
    for changed in (
        (np.where(np.arange(7) == 4, 1.5, log_odds), weights, sizes, untouched),
        (log_odds, weights, sizes, np.where(np.arange(7) == 4, 0.5, 0.0)),
        (log_odds, weights, np.where(np.arange(7) == 4, 100.0, sizes), untouched),
    ):
        assert not apart(page, keep, *changed).any()
    # the article's run is the one of the most votes, wherever it stands; one run is alone
    assert not apart(
        page, np.array([True] * 3 + [False] * 4), log_odds, weights, sizes, untouched
    ).any()


def test_a_run_apart_is_left_out_with_its_reason(monkeypatch: pytest.MonkeyPatch):
    import newsclean.html.find as find

    tree = parse(story_page(5))
    bs = dom_blocks(tree)
    last = [b.text.endswith("Paragraph 4.") for b in bs]
    monkeypatch.setattr(find, "apart_runs", lambda blocks, *_: np.array(last))
    found = find_article(bs, extract(tree).text, "en")
    assert [b.text[-12:] for b in found.kept] == [f"Paragraph {i}." for i in range(4)]
    (change,) = [c for c in found.changes if c.code == "html.apart"]
    assert change.before.endswith("Paragraph 4.")
    assert re.fullmatch(
        r"apart from the article: in a run the model doubts \(article [01]\.\d\d\), of "
        r"another kind than the article's blocks, not kept by trafilatura",
        change.reason,
    )
    quiet = find_article(bs, extract(tree).text, "en", reasons=False)
    assert quiet.kept == found.kept and not quiet.changes


def test_a_doubted_block_of_the_articles_kind_comes_back():
    from dataclasses import replace

    from newsclean.html.find import kept_runs, of_the_articles_kind, run_votes

    def kin(page, keep, log_odds, weights):
        runs = kept_runs(keep)
        return of_the_articles_kind(page, runs, run_votes(runs, log_odds, weights), keep, log_odds)

    story, other = blocks()[3], blocks()[0]  # an <article>'s <p>, a <nav>'s <li>
    page = [
        replace(story, text="story 0"),
        replace(story, text="story 1"),
        replace(other, text="menu"),
        replace(story, text="a reply the model doubted"),
        replace(story, text="a reply it took for debris"),
        replace(other, text="a teaser the model doubted"),
        replace(story, text="story 2"),
    ]
    keep = np.array([True, True, False, False, False, False, True])
    log_odds = np.array([3.0, 3.0, -0.5, -0.5, -3.0, -0.5, 0.2])
    assert kept_runs(keep) == [(0, 2), (6, 7)]
    back = kin(page, keep, log_odds, np.ones(7))
    assert back.tolist() == [False, False, False, True, False, False, False]
    # the kind is the article's run's (the one of the most votes), not any kept block's
    keep = np.array([False, False, True, False, False, False, True])
    log_odds[2] = 9.0
    back = kin(page, keep, log_odds, np.ones(7))
    assert back.tolist() == [False, False, False, False, False, True, False]
    assert not kin(page, np.zeros(7, dtype=bool), log_odds, np.ones(7)).any()
