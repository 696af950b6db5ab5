"""Train the learned article finder and the page-type classifier from labelled corpora.

    python scripts/train_models.py                        # wcxb-dev + readability
    python scripts/train_models.py --corpus A --corpus B --out model.json --folds 5

Each page's dumps (text.txt, md.txt, mdplain.txt) go through the steps that run before the
article finder (the default pipeline's before `describe`), are split into blocks, and each
block is labelled article when most of its 4-word shingles (a short block: its words, in
order) stand in the page's gold text. Each page also gives an article-only copy (its article
blocks alone), which teaches the model that a clean article stays whole: what a second pass,
or clean(clean(x)), hands it. Gradient-boosted trees (scikit-learn's
HistGradientBoostingClassifier, settings in TREES) are fitted on the block table with context
and exported to node arrays (newsclean/data/block_model.json, scored with numpy); the Viterbi
switch cost is chosen on out-of-fold scores. A multinomial logistic regression over the page
facts, fitted by a fixed number of gradient steps, gives the page type
(newsclean/data/page_type_model.json).

Validation is K-fold grouped by domain: every figure printed is out-of-fold, measured on
domains the fold's model never saw (the article-only copies are never scored). Training is
deterministic: the same corpora give the same files, byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsclean import DEFAULT_PIPELINE, language  # noqa: E402
from newsclean.blocks import FACTS, PAGE_FACTS, page_table  # noqa: E402
from newsclean.document import Document  # noqa: E402
from newsclean.filters.article import finder_columns, finder_table  # noqa: E402
from newsclean.model import BlockModel, PageTypeModel, viterbi  # noqa: E402
from newsclean.pipeline import run_guarded  # noqa: E402
from newsclean.text import key_words, plain  # noqa: E402

TRACKS = ("text", "md", "mdplain")
ARTICLE_ONLY = "article-only"  # the track name of a page's article-only copy (see article_only)
PAGE_STEPS, PAGE_RATE, PAGE_L2 = 2000, 0.5, 1.0
TREES = {
    "max_iter": 150,
    "max_depth": 6,
    "max_leaf_nodes": 31,
    "learning_rate": 0.1,
    "min_samples_leaf": 20,
    "l2_regularization": 1.0,
}
WEIGHT_POWER = 0.5
SWITCH_COSTS = (0.1, 0.25, 0.5, 1.0, 2.0, 4.0)
DEFAULT_CORPORA = (
    Path.home() / ".cache/newsclean-corpora/wcxb-dev",
    Path(__file__).resolve().parent.parent.parent / "shared/corpora/readability",
)


def shingles(tokens: list[str], n: int = 4) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def label(block_tokens: list[str], gold_set: set, gold_joined: str) -> float:
    if not block_tokens:
        return 0.0
    if len(block_tokens) >= 4:
        own = shingles(block_tokens)
        return float(sum(s in gold_set for s in own) / len(own) >= 0.5)
    return float(f" {' '.join(block_tokens)} " in gold_joined)


def page_domain(folder: Path) -> str:
    meta = folder / "meta.json"
    if meta.exists():
        return json.loads(meta.read_text(encoding="utf-8"))["domain"]
    return folder.name.rstrip("0123456789").rstrip("-")  # readability: "bbc-1" -> "bbc"


def page_type(folder: Path) -> str:
    meta = folder / "meta.json"
    if meta.exists():
        return json.loads(meta.read_text(encoding="utf-8")).get("page_type") or "article"
    return "article"


def prepared(raw: str) -> Document:
    """The document as the describe step and the article finder see it: after every step of
    the default pipeline that runs before `describe` (unicode, page_breaks, hard_wraps,
    references, header)."""
    doc = Document.from_text(raw)
    for s in DEFAULT_PIPELINE.steps[: DEFAULT_PIPELINE.names.index("describe")]:
        run_guarded(s, doc)
    return doc


def features_of(doc: Document) -> tuple[np.ndarray, str | None]:
    texts = [b.text for b in doc.blocks]
    words = [w for t in texts for w in key_words(plain(t))]
    lang = language.detect(words, " ".join(texts))
    return finder_table(doc, lang)[1], lang


def one_page(folder: str) -> list[dict]:
    path = Path(folder)
    gold_tokens = key_words((path / "gold.txt").read_text(encoding="utf-8"))
    gold_set = shingles(gold_tokens)
    gold_joined = f" {' '.join(gold_tokens)} "
    out = []
    for track in TRACKS:
        dump = path / f"{track}.txt"
        if not dump.exists():
            continue
        doc = prepared(dump.read_text(encoding="utf-8"))
        x, lang = features_of(doc)
        toks = [key_words(plain(b.text)) for b in doc.blocks]
        y = np.array([label(t, gold_set, gold_joined) for t in toks])
        n = np.array([len(t) for t in toks], dtype=float)
        out.append({"track": track, "x": x, "y": y, "n": n, "lang": lang})
    return out


def article_only(folder: str) -> dict | None:
    """The page's first dump cut down to its article blocks, every block labelled article: a
    clean article must come through whole, which is what a second pass over the pipeline's
    own output (and clean(clean(x))) hands the model."""
    path = Path(folder)
    dumps = [path / f"{t}.txt" for t in TRACKS if (path / f"{t}.txt").exists()]
    if not dumps:
        return None
    gold_tokens = key_words((path / "gold.txt").read_text(encoding="utf-8"))
    gold_set, gold_joined = shingles(gold_tokens), f" {' '.join(gold_tokens)} "
    doc = prepared(dumps[0].read_text(encoding="utf-8"))
    kept = [b.text for b in doc.blocks if label(key_words(plain(b.text)), gold_set, gold_joined)]
    if not kept:
        return None
    doc = Document.from_text("\n\n".join(kept))
    x, lang = features_of(doc)
    n = np.array([len(key_words(plain(b.text))) for b in doc.blocks], dtype=float)
    return {"track": ARTICLE_ONLY, "x": x, "y": np.ones(len(n)), "n": n, "lang": lang}


def load(corpora: list[Path], cache: Path | None) -> tuple[list[dict], str]:
    """Every dump's block table and labels, and each page's article-only copy."""
    folders = sorted(str(p) for c in corpora for p in c.iterdir() if (p / "gold.txt").exists())
    digest = hashlib.sha256(repr(folders).encode()).hexdigest()[:12]
    docs = load_dumps(folders, digest, cache)
    if cache and (cache / f"{digest}-{ARTICLE_ONLY}.npz").exists():
        data = np.load(cache / f"{digest}-{ARTICLE_ONLY}.npz", allow_pickle=True)
        return docs + list(data["docs"]), digest
    with ProcessPoolExecutor(2) as pool:
        copies = list(pool.map(article_only, folders, chunksize=8))
    extra = []
    for folder, d in zip(folders, copies, strict=True):
        if d is not None:
            d.update(page=folder, domain=page_domain(Path(folder)), type=page_type(Path(folder)))
            extra.append(d)
    if cache:
        np.savez(cache / f"{digest}-{ARTICLE_ONLY}.npz", docs=np.array(extra, dtype=object))
    return docs + extra, digest


def load_dumps(folders: list[str], digest: str, cache: Path | None) -> list[dict]:
    if cache and (cache / f"{digest}.npz").exists():
        return list(np.load(cache / f"{digest}.npz", allow_pickle=True)["docs"])
    with ProcessPoolExecutor(2) as pool:
        per_page = list(pool.map(one_page, folders, chunksize=8))
    docs = []
    for folder, dumps in zip(folders, per_page, strict=True):
        for d in dumps:
            d["page"] = folder
            d["domain"] = page_domain(Path(folder))
            d["type"] = page_type(Path(folder))
            docs.append(d)
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
        np.savez(cache / f"{digest}.npz", docs=np.array(docs, dtype=object))
    return docs


def fold_of(domain: str, k: int) -> int:
    return int(hashlib.sha256(domain.encode()).hexdigest(), 16) % k


def fit(
    x: np.ndarray, y: np.ndarray, w: np.ndarray, columns: tuple[str, ...] | None = None
) -> BlockModel:
    """Gradient-boosted trees (scikit-learn's histogram GBDT, deterministic: no early
    stopping, no subsampling, one seed), exported to the package's own node arrays; `columns`
    names x's columns (by default the dump block table's)."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    gbdt = HistGradientBoostingClassifier(**TREES, early_stopping=False, random_state=0)
    gbdt.fit(x, y, sample_weight=w)
    model = export(gbdt, columns or finder_columns())
    check = gbdt.decision_function(x[:2000])
    if not np.allclose(model.log_odds(x[:2000]), check, atol=1e-4):
        raise AssertionError("the exported trees do not reproduce scikit-learn's scores")
    return model


def export(gbdt, columns: tuple[str, ...]) -> BlockModel:
    """scikit-learn's trees as flat node arrays (newsclean.model.BlockModel). An inner node's
    value becomes the mean of its children's, weighted by the blocks that reached them."""
    roots, feature, threshold, left, right, value = [], [], [], [], [], []
    depth = 0
    for (tree,) in gbdt._predictors:
        nodes = tree.nodes
        offset = len(feature)
        roots.append(offset)
        vals = nodes["value"].astype(float).copy()
        for i in range(len(nodes) - 1, -1, -1):  # children stand after their parent
            if not nodes["is_leaf"][i]:
                a, b = nodes["left"][i], nodes["right"][i]
                ca, cb = nodes["count"][a], nodes["count"][b]
                vals[i] = (vals[a] * ca + vals[b] * cb) / (ca + cb)
        for i, node in enumerate(nodes):
            leaf = bool(node["is_leaf"])
            feature.append(-1 if leaf else int(node["feature_idx"]))
            threshold.append(0.0 if leaf else float(node["num_threshold"]))
            left.append(offset + (i if leaf else int(node["left"])))
            right.append(offset + (i if leaf else int(node["right"])))
            value.append(vals[i])
        depth = max(depth, int(nodes["depth"].max()))
    return BlockModel(
        columns,
        *(np.array(a) for a in (roots, feature, threshold, left, right, value)),
        depth,
        float(np.ravel(gbdt._baseline_prediction)[0]),
        0.0,
        WEIGHT_POWER,
    )


def votes(n: np.ndarray) -> np.ndarray:
    return (1 + n) ** WEIGHT_POWER


def page_scores(docs: list[dict], log_odds: list[np.ndarray], cost: float) -> tuple[float, float]:
    """Word-weighted precision and recall of the kept blocks, averaged over pages (an
    approximation of the shingle metric on the blocks' labels)."""
    ps, rs = [], []
    for d, lo in zip(docs, log_odds, strict=True):
        keep = viterbi(lo, votes(d["n"]), cost)
        kept, good = (d["n"] * keep).sum(), (d["n"] * d["y"]).sum()
        tp = (d["n"] * keep * d["y"]).sum()
        ps.append(tp / kept if kept else float(good == 0))
        rs.append(tp / good if good else float(kept == 0))
    return float(np.mean(ps)), float(np.mean(rs))


def stack(docs: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x = np.vstack([d["x"] for d in docs])
    y = np.concatenate([d["y"] for d in docs])
    w = np.concatenate([votes(d["n"]) for d in docs])
    return x, y, w


def out_of_fold(docs: list[dict], k: int) -> tuple[list[np.ndarray], list[BlockModel]]:
    folds = [fold_of(d["domain"], k) for d in docs]
    preds: list[np.ndarray | None] = [None] * len(docs)
    models = []
    for f in range(k):
        train = [d for d, g in zip(docs, folds, strict=True) if g != f]
        model = fit(*stack(train))
        models.append(model)
        for i, g in enumerate(folds):
            if g == f:
                preds[i] = model.log_odds(docs[i]["x"])
    return preds, models  # type: ignore[return-value]


def page_facts(doc: dict) -> np.ndarray:
    """A dump's page facts, from its block table and the text the describe step sees."""
    raw = (Path(doc["page"]) / f"{doc['track']}.txt").read_text(encoding="utf-8")
    text = "\n\n".join(b.text for b in prepared(raw).blocks)
    return page_table(doc["x"][:, : len(FACTS)], text)


def fit_page_types(x: np.ndarray, y: np.ndarray, types: tuple[str, ...]) -> PageTypeModel:
    """Multinomial logistic regression (L2) by full-batch gradient descent, a fixed number of
    steps from zero: deterministic."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    k = len(types)
    target = np.eye(k)[y]
    w, b = np.zeros((z.shape[1], k)), np.zeros(k)
    for _ in range(PAGE_STEPS):
        logits = z @ w + b
        p = np.exp(logits - logits.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        w -= PAGE_RATE * (z.T @ (p - target) / len(z) + PAGE_L2 * w / len(z))
        b -= PAGE_RATE * (p - target).mean(axis=0)
    return PageTypeModel(PAGE_FACTS, types, mean, scale, w, b)


def page_types(docs: list[dict], k: int) -> tuple[PageTypeModel, np.ndarray]:
    """The page-type model on every dump (not the article-only copies), and its out-of-fold
    predictions."""
    docs = [d for d in docs if d["track"] != ARTICLE_ONLY]
    with ProcessPoolExecutor(2) as pool:
        x = np.array(list(pool.map(page_facts, docs, chunksize=16)))
    types = tuple(sorted({d["type"] for d in docs}))
    y = np.array([types.index(d["type"]) for d in docs])
    folds = np.array([fold_of(d["domain"], k) for d in docs])
    predicted = np.zeros(len(docs), dtype=int)
    for f in range(k):
        model = fit_page_types(x[folds != f], y[folds != f], types)
        predicted[folds == f] = [np.argmax(model.probabilities(row)) for row in x[folds == f]]
    print(f"page type, out-of-fold: accuracy {np.mean(predicted == y):.3f} over {len(y)} dumps")
    for t, name in enumerate(types):
        right = np.sum((predicted == t) & (y == t))
        recall = right / max(1, np.sum(y == t))
        precision = right / max(1, np.sum(predicted == t))
        print(
            f"  {name:14} precision {precision:.3f} recall {recall:.3f}  ({np.sum(y == t)} dumps)"
        )
    return fit_page_types(x, y, types), predicted


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", type=Path)
    ap.add_argument("--out", type=Path, default=Path("newsclean/data/block_model.json"))
    ap.add_argument(
        "--page-types-out", type=Path, default=Path("newsclean/data/page_type_model.json")
    )
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--fold-models", type=Path, help="also write each fold's model here")
    ap.add_argument("--cache", type=Path, help="keep the block tables here between runs")
    args = ap.parse_args()
    corpora = args.corpus or [c for c in DEFAULT_CORPORA if c.exists()]
    docs, digest = load(corpora, args.cache)
    print(f"{len(docs)} dumps, {sum(len(d['y']) for d in docs)} blocks, corpora {digest}")
    preds, models = out_of_fold(docs, args.folds)
    copies = [i for i, d in enumerate(docs) if d["track"] == ARTICLE_ONLY]
    dumps = [i for i, d in enumerate(docs) if d["track"] != ARTICLE_ONLY]
    preds_all, docs_all = preds, docs
    docs, preds = [docs_all[i] for i in dumps], [preds_all[i] for i in dumps]
    best = None
    for cost in SWITCH_COSTS:
        p, r = page_scores(docs, preds, cost)
        f1 = 2 * p * r / (p + r)
        print(f"out-of-fold, switch cost {cost}: block P {p:.3f} R {r:.3f} F1 {f1:.3f}")
        if best is None or f1 > best[0]:
            best = (f1, cost)
    cost = best[1]
    for kind in sorted(Counter(d["type"] for d in docs)):
        sub = [i for i, d in enumerate(docs) if d["type"] == kind]
        p, r = page_scores([docs[i] for i in sub], [preds[i] for i in sub], cost)
        print(f"  {kind:14} P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r):.3f}  ({len(sub)} dumps)")
    _, kept = page_scores([docs_all[i] for i in copies], [preds_all[i] for i in copies], cost)
    print(f"  articles alone (a second pass): {kept:.3f} of their words kept ({len(copies)} pages)")
    final = fit(*stack(docs_all))
    final = replace(final, switch_cost=cost)
    args.out.write_text(json.dumps(final.to_dict(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} (switch cost {cost}); sha256 {sha256(args.out)}")
    if args.fold_models:
        args.fold_models.mkdir(parents=True, exist_ok=True)
        for f, m in enumerate(models):
            m = replace(m, switch_cost=cost)
            (args.fold_models / f"fold{f}.json").write_text(json.dumps(m.to_dict()) + "\n")
    page_model, _ = page_types(docs, args.folds)
    args.page_types_out.write_text(json.dumps(page_model.to_dict(), indent=1) + "\n")
    print(f"wrote {args.page_types_out}; sha256 {sha256(args.page_types_out)}")
    return 0


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


if __name__ == "__main__":
    sys.exit(main())
