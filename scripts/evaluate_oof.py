"""Score the learned article finder out-of-fold: each page is cleaned with the model of the
fold its domain was held out of, so no page is scored by a model that saw its site.

    python scripts/train_models.py --fold-models /tmp/folds
    python scripts/evaluate_oof.py --fold-models /tmp/folds [--baseline] [--tracks text,md]

Prints precision, recall and F1 (the shingle metric of `newsclean eval` and score.py) per
corpus, track and page type; `--baseline` scores the default pipeline beside it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_models import (  # noqa: E402
    DEFAULT_CORPORA,
    TRACKS,
    fold_of,
    page_domain,
    page_type,
)

import newsclean  # noqa: E402
from newsclean.evaluate import page_counts, precision_recall_f1  # noqa: E402
from newsclean.filters.article import finder_columns, learned_article  # noqa: E402
from newsclean.model import BlockModel  # noqa: E402

FOLD_DIR: Path | None = None


@cache
def pipeline(fold: int) -> newsclean.Pipeline:
    d = json.loads((FOLD_DIR / f"fold{fold}.json").read_text())
    model = BlockModel.from_dict(d, finder_columns())
    return newsclean.DEFAULT_PIPELINE.replace("article", learned_article(model))


def init(fold_dir: Path) -> None:
    global FOLD_DIR
    FOLD_DIR = fold_dir


def one_page(job: tuple[str, tuple[str, ...], int, bool]) -> list[tuple]:
    folder, tracks, folds, baseline = job
    path = Path(folder)
    gold = (path / "gold.txt").read_text(encoding="utf-8")
    fold = fold_of(page_domain(path), folds)
    out = []
    for track in tracks:
        dump = path / f"{track}.txt"
        if not dump.exists():
            continue
        raw = dump.read_text(encoding="utf-8")
        out.append(("learned", track, page_counts(gold, newsclean.clean(raw, pipeline(fold)))))
        if baseline:
            out.append(("default", track, page_counts(gold, newsclean.clean(raw))))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fold-models", type=Path, required=True)
    ap.add_argument("--corpus", action="append", type=Path)
    ap.add_argument("--tracks", default=",".join(TRACKS))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--baseline", action="store_true")
    ap.add_argument("--every", type=int, default=1, help="score every Nth page only")
    args = ap.parse_args()
    tracks = tuple(args.tracks.split(","))
    for corpus in args.corpus or [c for c in DEFAULT_CORPORA if c.exists()]:
        folders = sorted(p for p in corpus.iterdir() if (p / "gold.txt").exists())
        folders = folders[:: args.every]
        jobs = [(str(f), tracks, args.folds, args.baseline) for f in folders]
        rows: dict[tuple[str, str, str], list] = defaultdict(list)
        with ProcessPoolExecutor(2, initializer=init, initargs=(args.fold_models,)) as pool:
            for f, results in zip(folders, pool.map(one_page, jobs, chunksize=4), strict=True):
                for system, track, counts in results:
                    rows[system, track, "all"].append(counts)
                    rows[system, track, page_type(f)].append(counts)
        print(f"{corpus.name}: {len(folders)} pages (out-of-fold by domain, {args.folds} folds)")
        print_scores(rows, ("system", "track"))
    return 0


def print_scores(rows: dict[tuple[str, str, str], list], names: tuple[str, str]) -> None:
    """Precision, recall and F1 of each row of page counts, keyed by two names and a kind of
    page, one line each."""
    print(f"{names[0]:9} {names[1]:8} {'pages':14} {'P':>6} {'R':>6} {'F1':>6}")
    for (first, second, kind), counts in sorted(rows.items()):
        p, r, f1 = precision_recall_f1(counts)
        label = f"{kind} ({len(counts)})"
        print(f"{first:9} {second:8} {label:14} {p:6.3f} {r:6.3f} {f1:6.3f}")


if __name__ == "__main__":
    sys.exit(main())
