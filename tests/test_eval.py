"""`newsclean eval`: the shingle metric, and the command run for real."""

import json

import pytest
from support.command import run_newsclean
from support.data import TEST_DATA

from newsclean.evaluate import evaluate, page_counts, precision_recall_f1, shingles

CORPUS = TEST_DATA / "eval_corpus"


def test_shingles_are_four_word_multisets():
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("a b") == {("a", "b"): 1}
    assert sum(shingles("x y z w x y z w").values()) == 5


def test_page_counts_are_normalised():
    assert page_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    tp, fp, fn = page_counts("a b c d e", "a b c d q")  # 1 shared, 1 extra, 1 missed
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))


def test_precision_and_recall_are_averaged_over_pages():
    p, r, f = precision_recall_f1([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)])
    assert (p, r) == pytest.approx((0.75, 1.0))
    assert f == pytest.approx(2 * 0.75 / 1.75)


def test_evaluate_scores_each_input_kind():
    scores = {s.kind: s for s in evaluate(CORPUS, lambda raw: raw)}
    assert sorted(scores) == ["md", "text"]
    assert scores["md"].pages == 1 and scores["md"].f1 == 0.0
    text = scores["text"]
    assert text.pages == 2
    # page-a keeps "Menu": 8 shingles, 7 in the gold; page-b is exact
    assert text.recall == 1.0
    assert text.precision == pytest.approx((7 / 8 + 1.0) / 2)


def test_eval_command_prints_a_table():
    done = run_newsclean("eval", str(CORPUS))
    assert done.returncode == 0, done.stderr.decode()
    lines = done.stdout.decode().splitlines()
    assert lines[0] == "| input | pages | precision | recall | F1 | MB/s |"
    assert lines[2].startswith("| md | 1 | 0.000 | 0.000 | 0.000 |")
    assert lines[3].startswith("| text | 2 | 1.000 | 1.000 | 1.000 |")


def test_eval_command_json():
    done = run_newsclean("eval", "--json", "--kinds", "text", str(CORPUS))
    assert done.returncode == 0, done.stderr.decode()
    [text] = json.loads(done.stdout.decode())
    assert (text["kind"], text["pages"], text["precision"], text["recall"], text["f1"]) == (
        "text",
        2,
        1.0,
        1.0,
        1.0,
    )


def test_eval_command_on_a_missing_folder_fails_cleanly():
    done = run_newsclean("eval", str(CORPUS / "nope"))
    assert done.returncode == 2
    assert done.stderr.decode().strip().endswith("nope: not a directory")
    assert "Traceback" not in done.stderr.decode()
