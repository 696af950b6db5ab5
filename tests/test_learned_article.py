"""The learned article finder (opt-in): the block table and the hand rules' columns beside it,
the Viterbi extent, language detection, the step's reasons, and training that rebuilds the same
model file from the same pages."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from support.data import ROOT

import newsclean
from newsclean import blocks, language
from newsclean.document import Document
from newsclean.filters.article import (
    RULE_COLUMNS,
    finder_columns,
    finder_table,
    learned_article,
    shipped_model,
)
from newsclean.model import BlockModel, viterbi

SAMPLE = ROOT / "tests" / "data" / "wcxb-sample"
PARAGRAPH = (
    "The council voted on Tuesday to restore the old lighthouse, which has stood empty since "
    "the harbour closed, and work is due to start in the spring."
)


def test_the_block_table_has_a_named_column_for_every_fact():
    texts = ["* [Home](/)", PARAGRAPH, "Advertisement"]
    facts = blocks.table(texts, [0, 1, 2], "en")
    assert facts.shape == (3, len(blocks.FACTS))
    col = blocks.FACTS.index
    assert facts[0, col("link_share")] == 1.0 and facts[1, col("link_share")] == 0.0
    assert facts[1, col("sentence")] == 1.0 and facts[2, col("phrase_ad")] == 1.0
    assert facts[1, col("stopwords")] > 0.3
    assert blocks.with_context(facts).shape == (3, len(blocks.column_names()))


def test_viterbi_keeps_a_short_line_between_paragraphs_and_ends_at_a_long_menu():
    odds = np.array([-3.0, 4.0, -1.0, 4.0] + [-2.0] * 12)
    votes = np.array([1.0, 5.0, 1.0, 5.0] + [1.0] * 12)
    keep = viterbi(odds, votes, switch_cost=3.0)
    assert keep.tolist() == [False, True, True, True] + [False] * 12
    assert viterbi(odds, votes, switch_cost=0.0)[2] == np.False_  # no cost: each block alone


def test_language_is_told_from_stopwords_and_scripts():
    assert language.detect("the cat sat on the mat and it was in the house".split()) == "en"
    assert language.detect("der hund und die katze sind in dem haus mit einer tür".split()) == "de"
    assert (
        language.detect([], "これは日本語の文章です。東京で会議が開かれました。今日は晴れです。")
        == "ja"
    )
    assert language.detect(["zzz"]) is None


def test_the_finder_reads_the_hand_rules_as_evidence_beside_the_block_table():
    raw = "\n\n".join(
        ["* [Home](/)", "* [World](/world)", PARAGRAPH, PARAGRAPH.replace("council", "mayor")]
        + ["Comments", "Great story, thanks for writing it up so well and so clearly."]
    )
    facts, features = finder_table(Document.from_text(raw), "en")
    assert facts.shape == (6, len(blocks.FACTS))
    assert features.shape == (6, len(finder_columns()))
    assert finder_columns() == blocks.column_names() + RULE_COLUMNS
    assert len(set(finder_columns())) == len(finder_columns())
    col = {name: features[:, i] for i, name in enumerate(finder_columns())}
    assert col["rule_region"].tolist() == [0, 0, 1, 1, 0, 0]  # the two paragraphs
    assert col["rule_cuts"].tolist() == [1] * 6
    assert col["rule_comments"].tolist() == [0, 0, 0, 0, 0, 1]  # after the comments heading
    assert col["rule_score"][0] < 0 < col["rule_score"][2]  # a link line, a paragraph
    assert col["rule_score"][4] == -np.log1p(1000)  # the comments heading: a wall
    empty = finder_table(Document.from_text(""), "en")[1]
    assert empty.shape == (0, len(finder_columns()))


@given(st.text())
def test_digits_are_counted_as_str_isdigit_counts_them(text: str):
    assert blocks.digit_count(text) == sum(map(str.isdigit, text))


@given(st.lists(st.sampled_from(["comments", "13", "reader", "no", "the", "x"]), max_size=8))
def test_the_comments_heading_quick_test_changes_no_answer(words: list[str]):
    k = " ".join(words)
    kept = [w for w in words if not w.isdigit()]
    expected = (
        bool(kept)
        and len(kept) <= 6
        and any(" ".join(kept).endswith(p) for p in blocks.comments_last_words().get(kept[-1], ()))
    )
    assert blocks.ends_like_comments_heading(k) == expected


@given(st.text(alphabet="0123456789 ./,★☆outf5$€", max_size=40))
def test_the_rating_lookahead_changes_no_match(text: str):
    plain_rating = r"[★☆]|\b[0-5](?:[.,]\d)?\s?(?:/|out of)\s?5\b"
    assert blocks.RATING.findall(text) == re.findall(plain_rating, text)


def readable_model() -> BlockModel:
    """Two trees a person can read: a sentence counts for the article, a link line against."""
    names = finder_columns()
    sentence, links = names.index("sentence"), names.index("link_share")
    return BlockModel(
        names,
        roots=np.array([0, 3]),
        feature=np.array([sentence, -1, -1, links, -1, -1]),
        threshold=np.array([0.5, 0, 0, 0.5, 0, 0]),
        left=np.array([1, 1, 2, 4, 4, 5]),
        right=np.array([2, 1, 2, 5, 4, 5]),
        value=np.array([0.0, -2.0, 2.0, 0.0, 1.0, -3.0]),
        depth=1,
        bias=-0.5,
        switch_cost=2.0,
        weight_power=0.5,
    )


def test_trees_score_blocks_and_say_which_facts_moved_the_score():
    model = readable_model()
    facts = finder_table(Document.from_text(f"* [Home](/)\n\n{PARAGRAPH}"), "en")[1]
    assert model.log_odds(facts).tolist() == [-5.5, 2.5]  # -0.5 - 2 - 3; -0.5 + 2 + 1
    names = finder_columns()
    both = model.contributions(facts)
    assert both.shape == (2, len(names))
    moved = both[0]
    assert moved[names.index("sentence")] == -2.0 and moved[names.index("link_share")] == -3.0
    assert np.count_nonzero(moved) == 2


def test_the_learned_step_explains_each_removal_and_names_the_language():
    raw = "\n\n".join(
        ["* [Home](/)", "* [World](/world)", "* [Sport](/sport)", PARAGRAPH, PARAGRAPH[::-1]]
        + ["ADVERTISEMENT", PARAGRAPH.replace("council", "mayor")]
        + [f"* [Story number {i}](/s/{i})" for i in range(12)]
    )
    model = readable_model()
    pipeline = newsclean.DEFAULT_PIPELINE.replace("article", learned_article(model))
    result = newsclean.explain(raw, pipeline)
    assert PARAGRAPH in result.text and "Story number" not in result.text
    assert "[Home]" not in result.text and result.meta["language"] == "en"
    reasons = [c.reason for c in result.changes if c.filter == "article"]
    assert reasons and all(re.match(r"debris [01]\.\d\d: \d+ words?, ", r) for r in reasons)
    assert any("in a run of" in r for r in reasons)
    assert any(r.endswith("most against it: link_share") for r in reasons)


def test_training_is_deterministic(tmp_path: Path):
    outs = []
    for n in (1, 2):
        out = tmp_path / f"model{n}.json"
        page_types = tmp_path / f"page_types{n}.json"
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "scripts" / "train_models.py"),
                "--corpus",
                str(SAMPLE),
                "--folds",
                "2",
                "--out",
                str(out),
                "--page-types-out",
                str(page_types),
            ],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        outs.append((out.read_bytes(), page_types.read_bytes()))
    assert outs[0] == outs[1]
    model = json.loads(outs[0][0])
    assert model["columns"] == list(finder_columns())
    assert json.loads(outs[0][1])["columns"] == list(blocks.PAGE_FACTS)


def test_the_shipped_model_loads_and_scores_every_block():
    facts = finder_table(Document.from_text(f"* [Home](/)\n\n{PARAGRAPH}"), "en")[1]
    odds = shipped_model().log_odds(facts)
    assert odds.shape == (2,) and np.isfinite(odds).all()
