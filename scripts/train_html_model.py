"""Train the HTML path's DOM block model from labelled corpora of web pages.

    python scripts/train_html_model.py                     # wcxb-dev + readability
    python scripts/train_html_model.py --corpus A --out model.json --folds 5 --fold-models DIR

Each page's source.html (or source.html.gz) is decoded and parsed as newsclean does it
(`newsclean.decoding`, `html.render.parse`), split into DOM blocks (`html.blocks`), and
trafilatura's text is marked on them, as `clean()` does. A block is labelled article when most
of its 4-word shingles stand in the page's gold text; a short block (under four words), when
its words stand there in order beside a neighbouring block's (`in_context`); of a block the
page repeats more often than the gold text, the copies that stand there beside their
neighbours (`copies_in_context`).
Gradient-boosted trees (the settings of scripts/train_models.py) are fitted twice
(`html.find.DomModel`): a first look at the DOM block table with context, and a second look
at the table beside the first look's verdicts on each block's kinds (`html.find.second_look`).
The second look learns from first-look verdicts on pages the first look did not see: for
each held-out fold, the verdicts on the other folds' pages come from a first look trained
without that fold either (a model for each pair of folds). Both are exported to node arrays
(newsclean/data/html_block_model.json, scored with numpy); the Viterbi switch cost is the one
with the best out-of-fold page F1.

Validation is K-fold grouped by domain (at least three folds with pages): every figure
printed is out-of-fold, the shingle metric of score.py on the kept blocks' text (before the
filters; scripts/evaluate_html_oof.py scores the whole HTML path). Training is deterministic:
the same corpora give the same file.
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
from itertools import combinations
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
from newsclean.html.find import DomModel, second_columns, second_look  # noqa: E402
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
        "y": np.array(block_labels(tokens, gold_set, gold_joined)),
        "n": np.array([len(t) for t in tokens], dtype=float),
        "texts": [joined([b]) for b in blocks],
        "gold": gold,
        "blocks": blocks,
    }


def block_labels(tokens: list[list[str]], gold_set: set, gold_joined: str) -> list[float]:
    """Each block's label (1.0: article), from its words (`tokens`) and the gold text's: most of
    its 4-word shingles in the gold text (`label`), a short block's words beside a neighbour's
    there (`in_context`), and of a block repeated on the page, the copies that stand there
    beside their neighbours (`copies_in_context`)."""
    found = [label(t, gold_set, gold_joined) for t in tokens]
    return copies_in_context(tokens, in_context(tokens, found, gold_joined), gold_joined)


def in_context(tokens: list[list[str]], labels: list[float], gold_joined: str) -> list[float]:
    """The labels, less those of short blocks (under four words, which `label` finds anywhere
    in the gold text) whose words stand in the gold text beside neither neighbour's: "Home",
    "Share" or "Reply" stand in many a page's gold text, but not after the menu item or
    before the button next to them on the page."""
    return [
        0.0 if y and len(words) < 4 and not beside(tokens, i, gold_joined, 3) else y
        for i, (words, y) in enumerate(zip(tokens, labels, strict=True))
    ]


def copies_in_context(
    tokens: list[list[str]], labels: list[float], gold_joined: str
) -> list[float]:
    """The labels, less those of the copies of a block (of four words or more) that the page
    repeats more often than the gold text does, where some copies stand in the gold text beside
    their neighbours' words and these do not: a teaser that repeats the story's first
    paragraph, a pull quote. (Where no copy does, or every copy does, the labels stay.)"""
    out = list(labels)
    at: dict[tuple[str, ...], list[int]] = {}  # a block's words -> where it stands, labelled
    for i, words in enumerate(tokens):
        if len(words) >= 4 and out[i]:
            at.setdefault(tuple(words), []).append(i)
    for words, copies in at.items():
        if len(copies) <= gold_joined.count(f" {' '.join(words)} "):
            continue
        placed = [beside(tokens, i, gold_joined, 2) for i in copies]
        if any(placed) and not all(placed):
            for i, is_placed in zip(copies, placed, strict=True):
                if not is_placed:
                    out[i] = 0.0
    return out


def beside(tokens: list[list[str]], i: int, gold_joined: str, width: int) -> bool:
    """Whether block i's first `width` words follow the two words before it on the page (the
    end of the block before), or its last `width` words lead the two after it, in the gold
    text."""
    words = tokens[i]
    before = tokens[i - 1][-2:] if i else []
    after = tokens[i + 1][:2] if i + 1 < len(tokens) else []
    return bool(
        (before and f" {' '.join(before + words[:width])} " in gold_joined)
        or (after and f" {' '.join(words[-width:] + after)} " in gold_joined)
    )


def load(corpora: list[Path], cache: Path | None) -> list[dict]:
    folders = sorted(str(p) for c in corpora for p in c.iterdir() if (p / "gold.txt").exists())
    digest = hashlib.sha256(repr(folders).encode()).hexdigest()[:12]
    if cache and (cache / f"html2-{digest}.npy").exists():
        return list(np.load(cache / f"html2-{digest}.npy", allow_pickle=True))
    with ProcessPoolExecutor(2) as pool:
        docs = [d for d in pool.map(one_page, folders, chunksize=4) if d is not None]
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
        np.save(cache / f"html2-{digest}.npy", np.array(docs, dtype=object), allow_pickle=True)
    return docs


def train(docs: list[dict], first: list[np.ndarray] | None = None) -> BlockModel:
    """The first look at the pages, or with `first` (its log-odds on each page, from a model
    that did not see it) the second."""
    if first is None:
        x, columns = np.vstack([d["x"] for d in docs]), column_names()
    else:
        tables = [second_look(d["blocks"], d["x"], lo) for d, lo in zip(docs, first, strict=True)]
        x, columns = np.vstack(tables), second_columns()
    y = np.concatenate([d["y"] for d in docs])
    w = np.concatenate([votes(d["n"]) for d in docs])
    return fit(x, y, w, columns)


def out_of_fold(
    docs: list[dict], folds: list[int]
) -> tuple[dict[int, DomModel], list[np.ndarray], list[np.ndarray]]:
    """A two-look model for each fold, trained without its pages, and every page's log-odds
    out-of-fold: of the first look alone, and of both looks."""
    present = sorted(set(folds))
    if len(present) < 3:
        raise SystemExit("the second look needs pages in at least three folds")

    def without(*held: int) -> list[int]:
        return [i for i, g in enumerate(folds) if g not in held]

    firsts = {f: train([docs[i] for i in without(f)]) for f in present}
    pairs = {p: train([docs[i] for i in without(*p)]) for p in combinations(present, 2)}
    models = {}
    for f in present:
        seen = without(f)
        inner = [pairs[tuple(sorted((f, folds[i])))].log_odds(docs[i]["x"]) for i in seen]
        models[f] = DomModel(firsts[f], train([docs[i] for i in seen], inner))
    first = [firsts[g].log_odds(d["x"]) for d, g in zip(docs, folds, strict=True)]
    both = [
        models[g].second.log_odds(second_look(d["blocks"], d["x"], lo))
        for d, g, lo in zip(docs, folds, first, strict=True)
    ]
    return models, first, both


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
    models, first, preds = out_of_fold(docs, folds)
    alone = max(scores(docs, first, cost)[2] for cost in SWITCH_COSTS)
    print(f"out-of-fold, the first look alone: F1 {alone:.3f} (at its best switch cost)")
    best = None
    for cost in SWITCH_COSTS:
        p, r, f1 = scores(docs, preds, cost)
        print(f"out-of-fold, both looks, switch cost {cost}: P {p:.3f} R {r:.3f} F1 {f1:.3f}")
        if best is None or f1 > best[0]:
            best = (f1, cost)
    cost = best[1]
    for kind, count in sorted(Counter(d["type"] for d in docs).items()):
        sub = [i for i, d in enumerate(docs) if d["type"] == kind]
        p, r, f1 = scores([docs[i] for i in sub], [preds[i] for i in sub], cost)
        print(f"  {kind:14} P {p:.3f} R {r:.3f} F1 {f1:.3f}  ({count} pages)")
    final = DomModel(train(docs), replace(train(docs, first), switch_cost=cost))
    args.out.write_text(json.dumps(final.to_dict(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} (switch cost {cost}); sha256 {sha256(args.out)}")
    if args.fold_models:
        args.fold_models.mkdir(parents=True, exist_ok=True)
        for f, m in models.items():
            m = DomModel(m.first, replace(m.second, switch_cost=cost))
            (args.fold_models / f"html-fold{f}.json").write_text(json.dumps(m.to_dict()) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
