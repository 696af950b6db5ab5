"""The describe step: the page's language and type in the metadata, from page facts a person
can name; the text is never changed."""

from __future__ import annotations

import numpy as np
from support.data import ROOT

import newsclean
from newsclean import blocks
from newsclean.filters.describe import describe
from newsclean.model import shipped_page_types

PARAGRAPH = (
    "The council voted on Tuesday to restore the old lighthouse, which has stood empty since "
    "the harbour closed, and work is due to start in the spring."
)


def test_page_facts_are_named_and_counted_from_the_page():
    texts = [
        "* [Home](/)",
        PARAGRAPH,
        PARAGRAPH.replace("council", "board"),
        "Price: $12.99 or 11 €",
        "Posted 12/03/2024 at 14:05",
    ]
    facts = blocks.table(texts, [0] * len(texts), "en")
    page = dict(zip(blocks.PAGE_FACTS, blocks.page_table(facts, "\n\n".join(texts)), strict=True))
    assert page["link_lines"] == 0.2 and page["log_blocks"] == np.log1p(5)
    words = len(" ".join(texts).split())
    assert page["prices"] == 2 * 100 / words and page["dates"] == 2 * 100 / words
    # the two paragraphs stand together: the longest run of prose is both of them
    sizes = np.expm1(facts[:, blocks.FACTS.index("log_words")])
    assert np.isclose(page["longest_prose"], sizes[1:3].sum() / sizes.sum())
    assert blocks.page_table(np.zeros((0, len(blocks.FACTS))), "").tolist() == [0.0] * len(
        blocks.PAGE_FACTS
    )


def test_a_news_dump_is_named_an_article_in_its_language_and_its_text_is_untouched():
    for fixture, lang in (("bbc_like", "en"), ("de_news", "de"), ("fr_news", "fr")):
        raw = (ROOT / "fixtures" / fixture / "input.txt").read_text(encoding="utf-8")
        result = newsclean.explain(raw)
        assert result.meta["language"] == lang
        assert result.meta["page_type"] == "article"
        assert 0 < result.meta["page_type_confidence"] <= 1
        assert not [c for c in result.changes if c.filter == "describe"]


def test_a_short_text_gets_a_language_but_no_page_type():
    meta = newsclean.explain(PARAGRAPH).meta
    assert meta["language"] == "en" and "page_type" not in meta


def test_the_page_type_model_gives_a_probability_for_each_type():
    model = shipped_page_types()
    assert set(model.types) == {
        "article",
        "collection",
        "documentation",
        "forum",
        "listing",
        "product",
        "service",
    }
    p = model.probabilities(np.zeros(len(blocks.PAGE_FACTS)))
    assert p.shape == (7,) and np.isclose(p.sum(), 1.0)


def test_dropping_describe_drops_only_the_metadata_it_adds():
    raw = (ROOT / "fixtures" / "bbc_like" / "input.txt").read_text(encoding="utf-8")
    full = newsclean.explain(raw)
    without = newsclean.explain(raw, newsclean.DEFAULT_PIPELINE.without("describe"))
    assert without.text == full.text
    added = {"language", "page_type", "page_type_confidence"}
    assert {k: v for k, v in full.meta.items() if k not in added} == without.meta
    assert describe.whole_page and describe.describes


def test_clean_skips_a_step_that_only_describes_and_explain_runs_it():
    seen: list[str] = []

    @newsclean.step("my_language", "names the language my crawl is in", describes=True)
    def my_language(doc):
        seen.append(doc.text())
        doc.meta["language"] = "la"

    pipeline = newsclean.DEFAULT_PIPELINE.insert_before("describe", my_language)
    assert newsclean.clean(PARAGRAPH, pipeline) == PARAGRAPH and seen == []
    lean = newsclean.explain(PARAGRAPH, pipeline, metadata=False)
    assert lean.text == PARAGRAPH and "language" not in lean.meta and seen == []
    result = newsclean.explain(PARAGRAPH, pipeline)
    assert result.text == PARAGRAPH and result.meta["language"] == "la" and set(seen) == {PARAGRAPH}


def test_explain_without_metadata_gives_the_same_text_and_changes_and_the_filters_metadata():
    raw = (ROOT / "fixtures" / "bbc_like" / "input.txt").read_text(encoding="utf-8")
    full, lean = newsclean.explain(raw), newsclean.explain(raw, metadata=False)
    assert lean.text == full.text
    assert [c.to_dict() for c in lean.changes] == [c.to_dict() for c in full.changes]
    added = {"language", "page_type", "page_type_confidence"}
    assert added <= full.meta.keys() and not added & lean.meta.keys()
    assert lean.meta == {k: v for k, v in full.meta.items() if k not in added}
    assert "author" in lean.meta  # the byline the furniture filter moved there


def test_clean_gives_explains_text_without_the_page_type(seed_text):
    raws = [seed_text]
    for fixture in ("bbc_like", "de_news", "fr_news"):
        raws.append((ROOT / "fixtures" / fixture / "input.txt").read_text(encoding="utf-8"))
    for raw in raws:
        result = newsclean.explain(raw)
        assert newsclean.clean(raw) == result.text and "page_type" in result.meta
