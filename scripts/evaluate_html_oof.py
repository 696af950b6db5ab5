"""Score the HTML path out-of-fold: each page goes through `clean()`'s whole HTML path with
the DOM block model of the fold its domain was held out of, beside trafilatura alone (its
default settings) on the same page.

    python scripts/train_html_model.py --fold-models /tmp/folds
    python scripts/evaluate_html_oof.py --fold-models /tmp/folds [--corpus DIR] [--every N]

Prints precision, recall and F1 (score.py's shingle metric) per corpus and page type.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_html_model import page_html  # noqa: E402
from train_models import DEFAULT_CORPORA, fold_of, page_domain, page_type  # noqa: E402

import newsclean  # noqa: E402
from newsclean.evaluate import page_counts, precision_recall_f1  # noqa: E402
from newsclean.html import explain_page  # noqa: E402
from newsclean.html.find import DomModel  # noqa: E402

FOLD_DIR: Path | None = None


@cache
def fold_model(fold: int) -> DomModel:
    return DomModel.from_dict(json.loads((FOLD_DIR / f"html-fold{fold}.json").read_text()))


def init(fold_dir: Path) -> None:
    global FOLD_DIR
    FOLD_DIR = fold_dir
    logging.disable(logging.WARNING)  # trafilatura logs every page it discards


def one_page(job: tuple[str, int]) -> list[tuple] | None:
    import trafilatura

    folder, folds = job
    path = Path(folder)
    html = page_html(path)
    if html is None:
        return None
    gold = (path / "gold.txt").read_text(encoding="utf-8")
    model = fold_model(fold_of(page_domain(path), folds))
    ours = explain_page(html, newsclean.DEFAULT_PIPELINE, model, metadata=False, reasons=False).text
    theirs = trafilatura.extract(html) or ""
    return [("newsclean", page_counts(gold, ours)), ("trafilatura", page_counts(gold, theirs))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fold-models", type=Path, required=True)
    ap.add_argument("--corpus", action="append", type=Path)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--every", type=int, default=1, help="score every Nth page only")
    args = ap.parse_args()
    for corpus in args.corpus or [c for c in DEFAULT_CORPORA if c.exists()]:
        folders = sorted(p for p in corpus.iterdir() if (p / "gold.txt").exists())
        folders = folders[:: args.every]
        jobs = [(str(f), args.folds) for f in folders]
        rows: dict[tuple[str, str], list] = defaultdict(list)
        with ProcessPoolExecutor(2, initializer=init, initargs=(args.fold_models,)) as pool:
            for f, results in zip(folders, pool.map(one_page, jobs, chunksize=4), strict=True):
                for system, counts in results or []:
                    rows[system, "all"].append(counts)
                    rows[system, page_type(f)].append(counts)
        print(f"{corpus.name}: {len(folders)} pages (out-of-fold by domain, {args.folds} folds)")
        print(f"{'system':12} {'pages':18} {'P':>6} {'R':>6} {'F1':>7}")
        for (system, kind), counts in sorted(rows.items(), key=lambda r: (r[0][1], r[0][0])):
            p, r, f1 = precision_recall_f1(counts)
            print(f"{system:12} {f'{kind} ({len(counts)})':18} {p:6.3f} {r:6.3f} {f1:7.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
