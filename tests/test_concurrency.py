"""Runs on many threads at once give what one run alone gives (issue #14).

The memo of `newsclean.memo` belongs to one run: a run on another thread must never empty it
or see its entries.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from support.data import FIXTURES, SHARED

import newsclean
from newsclean import memo as ncmemo

CORPUS_SAMPLE = 12  # pages from the shared corpus: enough for a mix, a few seconds in all


def corpus() -> list[str]:
    docs = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*/input.txt"))]
    pages = sorted((SHARED / "corpora" / "readability").glob("*/text.txt"))
    docs += [p.read_text(encoding="utf-8") for p in pages[:: max(1, len(pages) // CORPUS_SAMPLE)]]
    return docs


def test_cleaning_on_eight_threads_gives_the_serial_outputs():
    docs = corpus()
    if len(docs) < 20:
        pytest.skip(f"{SHARED / 'corpora'} is missing: only the fixtures would be cleaned")
    serial = [newsclean.clean(d) for d in docs]
    with ThreadPoolExecutor(8) as pool:
        # every thread cleans every document, in a different order: runs overlap all the time
        orders = [docs[i:] + docs[:i] for i in range(0, 8 * 3, 3)]
        outputs = list(pool.map(lambda order: [newsclean.clean(d) for d in order], orders))
    for i, got in zip(range(0, 8 * 3, 3), outputs, strict=True):
        assert got == serial[i:] + serial[:i]


calls: list[str] = []


@ncmemo.memoised
def probe(text: str) -> int:
    """A memoised function that records each time it is really computed."""
    calls.append(text)
    return len(text)


def test_a_run_on_another_thread_never_empties_this_runs_memo():
    """A filter's memo stays intact while another thread runs a whole clean() meanwhile."""
    calls.clear()

    def check(doc: newsclean.Document) -> None:
        probe(doc.blocks[0].text)
        thread = threading.Thread(target=newsclean.clean, args=("Another story, on a thread.",))
        thread.start()
        thread.join()
        probe(doc.blocks[0].text)  # still memoised: not computed again

    pipeline = newsclean.Pipeline([newsclean.step("check", "ask twice around a run")(check)])
    pipeline.run("A first block of text.")
    assert calls == ["A first block of text."]


def test_runs_on_two_threads_do_not_share_a_memo():
    """Each run computes its own answers: nothing leaks from one run into another."""
    calls.clear()
    started, asked = threading.Barrier(2), threading.Barrier(2)

    def check(doc: newsclean.Document) -> None:
        started.wait(timeout=10)
        probe("the same block")
        asked.wait(timeout=10)

    pipeline = newsclean.Pipeline([newsclean.step("check", "ask on two threads")(check)])
    threads = [threading.Thread(target=pipeline.run, args=("text",)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == ["the same block", "the same block"]
    assert ncmemo.RUN_MEMO.get() is None  # and nothing is held once the runs are over
