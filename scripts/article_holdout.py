"""Held-out check of the article filter's hand-set costs, split by site.

The corpus's sites (a page folder's name without a trailing "-N") are dealt alternately into two
halves, so no site is in both. For each half, the costs (SENTENCE_COST, LINE_COST, DEBRIS_COST)
are picked from a small grid by the F1 summed over input kinds on that half, then scored on the
other half, beside the shipped costs scored on the same half.

With --halves it only scores the shipped pipeline on each half: run it before and after a
change to see whether the change helps on both halves or on one only.

    python scripts/article_holdout.py ../shared/corpora/readability
    python scripts/article_holdout.py ../shared/corpora/readability --halves
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import newsclean
from newsclean.evaluate import KindScore, evaluate
from newsclean.filters import article

GRID = [(4, 10, 3), (4, 10, 5), (2, 10, 3), (4, 8, 3), (6, 12, 3), (4, 10, 2)]
KINDS = ["text", "md", "mdplain"]


def site(page: Path) -> str:
    return re.sub(r"-\d+$", "", page.name)


def score(costs: tuple[int, int, int], corpus: Path) -> dict[str, KindScore]:
    article.SENTENCE_COST, article.LINE_COST, article.DEBRIS_COST = costs
    article.block_score.cache_clear()
    return {s.kind: s for s in evaluate(corpus, newsclean.clean, KINDS)}


def split_by_site(corpus: Path, tmp: Path) -> list[Path]:
    """Two folders of links to the corpus's pages, the sites dealt alternately between them."""
    pages = sorted(p for p in corpus.iterdir() if (p / "gold.txt").is_file())
    half_of = {s: i % 2 for i, s in enumerate(sorted({site(p) for p in pages}))}
    halves = [tmp / "a", tmp / "b"]
    for half in halves:
        half.mkdir()
    for page in pages:
        (halves[half_of[site(page)]] / page.name).symlink_to(page.resolve())
    return halves


def score_halves(halves: list[Path]) -> None:
    """The shipped pipeline's scores on each half."""
    print("| half | kind | P | R | F1 |")
    print("| --- | --- | --- | --- | --- |")
    for k, half in enumerate(halves):
        for s in evaluate(half, newsclean.clean, KINDS):
            print(f"| {k + 1} | {s.kind} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |")


def main(corpus: Path, halves_only: bool) -> None:
    shipped = (article.SENTENCE_COST, article.LINE_COST, article.DEBRIS_COST)
    with tempfile.TemporaryDirectory() as tmp:
        halves = split_by_site(corpus, Path(tmp))
        if halves_only:
            score_halves(halves)
            return
        print("| picked on | costs picked | scored on | kind | P | R | F1 | F1, shipped costs |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- |")
        for k, (train, test) in enumerate([(halves[0], halves[1]), (halves[1], halves[0])]):
            best = max(GRID, key=lambda c: sum(s.f1 for s in score(c, train).values()))
            held, ship = score(best, test), score(shipped, test)
            for kind in KINDS:
                h = held[kind]
                print(
                    f"| half {k + 1} | {best} | half {2 - k} | {kind} | {h.precision:.3f} "
                    f"| {h.recall:.3f} | {h.f1:.3f} | {ship[kind].f1:.3f} |"
                )


if __name__ == "__main__":
    main(Path(sys.argv[1]), "--halves" in sys.argv[2:])
