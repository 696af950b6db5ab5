"""Train the HTML path's DOM block model from labelled corpora of web pages.

    python scripts/train_html_model.py                     # wcxb-dev + readability
    python scripts/train_html_model.py --corpus A --out model.json --folds 5 --fold-models DIR

Each page's source.html (or source.html.gz) is decoded and parsed as newsclean does it
(`newsclean.decoding`, `html.render.parse`), split into DOM blocks (`html.blocks`), and
trafilatura's text is marked on them, as `clean()` does. A block is labelled article when most
of its 4-word shingles (a short block: its words, in order) stand in the page's gold text.
Gradient-boosted trees (the settings of scripts/train_models.py) are fitted on the DOM block
table with context and exported to node arrays (newsclean/data/html_block_model.json, scored
with numpy); the Viterbi switch cost is the one with the best out-of-fold page F1.

Validation is K-fold grouped by domain: every figure printed is out-of-fold, the shingle metric
of score.py on the kept blocks' text (before the filters; scripts/evaluate_html_oof.py scores
the whole HTML path). Training is deterministic: the same corpora give the same file.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_models import (  # noqa: E402
    DEFAULT_CORPORA,
    fit,
    fold_of,
    label,
    page_domain,
    page_type,
    sha256,
    shingles,
    votes,
)

from newsclean.decoding import decode  # noqa: E402
from newsclean.evaluate import page_counts, precision_recall_f1  # noqa: E402
from newsclean.html.blocks import (  # noqa: E402
    column_names,
    dom_blocks,
    facts,
    joined,
    mark_extracted,
    with_context,
)
from newsclean.html.extract import extract  # noqa: E402
from newsclean.html.render import parse  # noqa: E402
from newsclean.model import BlockModel, viterbi  # noqa: E402
from newsclean.text import key_words  # noqa: E402

SWITCH_COSTS = (1.0, 2.0, 4.0, 8.0)


def page_html(folder: Path) -> str | None:
    if (folder / "source.html").exists():
        return decode((folder / "source.html").read_bytes())
    if (folder / "source.html.gz").exists():
        return decode(gzip.decompress((folder / "source.html.gz").read_bytes()))
    return None


def one_page(folder: str) -> dict | None:
    """A page's DOM block table, labels, word counts and block texts (None: no HTML)."""
    logging.disable(logging.WARNING)  # trafilatura logs every page it discards
    path = Path(folder)
    html = page_html(path)
    tree = parse(html) if html is not None else None
    if tree is None:
        return None
    blocks = dom_blocks(tree)
    extraction = extract(tree)
    mark_extracted(blocks, extraction.text)
    x = with_context(facts(blocks, extraction.meta.get("language")))
    gold = (path / "gold.txt").read_text(encoding="utf-8")
    gold_tokens = key_words(gold)
    gold_set, gold_joined = shingles(gold_tokens), f" {' '.join(gold_tokens)} "
    tokens = [key_words(b.text) for b in blocks]
    return {
        "page": folder,
        "domain": page_domain(path),
        "type": page_type(path),
        "x": x,
        "y": np.array([label(t, gold_set, gold_joined) for t in tokens]),
        "n": np.array([len(t) for t in tokens], dtype=float),
        "texts": [joined([b]) for b in blocks],
        "gold": gold,
    }


def load(corpora: list[Path], cache: Path | None) -> list[dict]:
    folders = sorted(str(p) for c in corpora for p in c.iterdir() if (p / "gold.txt").exists())
    digest = hashlib.sha256(repr(folders).encode()).hexdigest()[:12]
    if cache and (cache / f"html-{digest}.npy").exists():
        return list(np.load(cache / f"html-{digest}.npy", allow_pickle=True))
    with ProcessPoolExecutor(2) as pool:
        docs = [d for d in pool.map(one_page, folders, chunksize=4) if d is not None]
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
        np.save(cache / f"html-{digest}.npy", np.array(docs, dtype=object), allow_pickle=True)
    return docs


def train(docs: list[dict]) -> BlockModel:
    x = np.vstack([d["x"] for d in docs])
    y = np.concatenate([d["y"] for d in docs])
    w = np.concatenate([votes(d["n"]) for d in docs])
    return fit(x, y, w, column_names())


def kept_text(doc: dict, log_odds: np.ndarray, cost: float) -> str:
    keep = viterbi(log_odds, votes(doc["n"]), cost)
    return "\n\n".join(t for t, k in zip(doc["texts"], keep, strict=True) if k)


def scores(docs: list[dict], preds: list[np.ndarray], cost: float) -> tuple[float, float, float]:
    return precision_recall_f1(
        [page_counts(d["gold"], kept_text(d, lo, cost)) for d, lo in zip(docs, preds, strict=True)]
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", type=Path)
    ap.add_argument("--out", type=Path, default=Path("newsclean/data/html_block_model.json"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--fold-models", type=Path, help="also write each fold's model here")
    ap.add_argument("--cache", type=Path, help="keep the block tables here between runs")
    args = ap.parse_args()
    corpora = args.corpus or [c for c in DEFAULT_CORPORA if c.exists()]
    docs = load(corpora, args.cache)
    print(f"{len(docs)} pages, {sum(len(d['y']) for d in docs)} DOM blocks")
    folds = [fold_of(d["domain"], args.folds) for d in docs]
    preds: list[np.ndarray] = [np.zeros(0)] * len(docs)
    models = []
    for f in range(args.folds):
        model = train([d for d, g in zip(docs, folds, strict=True) if g != f])
        models.append(model)
        for i, g in enumerate(folds):
            if g == f:
                preds[i] = model.log_odds(docs[i]["x"])
    best = None
    for cost in SWITCH_COSTS:
        p, r, f1 = scores(docs, preds, cost)
        print(f"out-of-fold, switch cost {cost}: P {p:.3f} R {r:.3f} F1 {f1:.3f}")
        if best is None or f1 > best[0]:
            best = (f1, cost)
    cost = best[1]
    for kind, count in sorted(Counter(d["type"] for d in docs).items()):
        sub = [i for i, d in enumerate(docs) if d["type"] == kind]
        p, r, f1 = scores([docs[i] for i in sub], [preds[i] for i in sub], cost)
        print(f"  {kind:14} P {p:.3f} R {r:.3f} F1 {f1:.3f}  ({count} pages)")
    final = train(docs)
    final = replace(final, switch_cost=cost)
    args.out.write_text(json.dumps(final.to_dict(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} (switch cost {cost}); sha256 {sha256(args.out)}")
    if args.fold_models:
        args.fold_models.mkdir(parents=True, exist_ok=True)
        for f, m in enumerate(models):
            m = replace(m, switch_cost=cost)
            (args.fold_models / f"html-fold{f}.json").write_text(json.dumps(m.to_dict()) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
