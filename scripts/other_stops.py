"""Score the corpora written with another script's stops: each sentence's closing full stop (a
"." after a letter, before a space, a tag or the end) becomes the stop given ("।" for Hindi,
"።" for Amharic, ...), and with --comma each ", " that script's comma, in the dump, in the
page's HTML and in the gold text alike; the words stay. The corpora hold next to no text in
those scripts, so this is how a rule or a learned column that reads "." where it should read
any script's stop shows: the scores fall from those of the pages as they are.

    python scripts/other_stops.py --stop "।"                         # the text and md dumps
    python scripts/other_stops.py --stop "።" --comma "፣"
    python scripts/other_stops.py --stop "।" --fold-models /tmp/folds  # the HTML path too

Dumps go through `clean()` (the hand rules: no model, so in-sample is out-of-fold); the HTML
path, with --fold-models, uses the DOM block model of the fold its domain was held out of, as
`scripts/evaluate_html_oof.py` does. Prints F1 per corpus, all pages and articles, for the
pages as they are and as rewritten. `--every N` takes every Nth page of wcxb-dev.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_html_model import page_html  # noqa: E402
from train_models import DEFAULT_CORPORA, fold_of, page_domain, page_type  # noqa: E402

import newsclean  # noqa: E402
from newsclean.decoding import decode  # noqa: E402
from newsclean.evaluate import page_counts, precision_recall_f1  # noqa: E402
from newsclean.html import explain_page  # noqa: E402
from newsclean.html.find import DomModel  # noqa: E402

SENTENCE_STOP = regex.compile(r"(?<=\p{L}[\"'”’)]?)\.(?=\s|$|<)")
TRACKS = ("text", "md")


def rewritten(text: str, stop: str, comma: str) -> str:
    text = SENTENCE_STOP.sub(stop, text)
    return text.replace(", ", comma + " ") if comma != "," else text


@cache
def fold_model(fold_dir: str, fold: int) -> DomModel:
    return DomModel.from_dict(json.loads((Path(fold_dir) / f"html-fold{fold}.json").read_text()))


def one_page(job: tuple[str, str, str, str | None, int]) -> list[tuple[str, str, tuple]]:
    """(track, "as is" or "rewritten", counts) for each dump and, with fold models, the page."""
    logging.disable(logging.WARNING)
    folder, stop, comma, fold_dir, folds = job
    path = Path(folder)
    gold = (path / "gold.txt").read_text(encoding="utf-8")
    rows = []
    for version, change in (
        ("as is", lambda t: t),
        ("rewritten", lambda t: rewritten(t, stop, comma)),
    ):
        for track in TRACKS:
            dump = path / f"{track}.txt"
            if dump.exists():
                out = newsclean.clean(change(dump.read_text(encoding="utf-8")))
                rows.append((track, version, page_counts(change(gold), out)))
        html = page_html(path) if fold_dir else None
        if html is not None:
            page = change(decode(html) if isinstance(html, bytes) else html)
            model = fold_model(fold_dir, fold_of(page_domain(path), folds))
            out = explain_page(
                page, newsclean.DEFAULT_PIPELINE, model, metadata=False, reasons=False
            )
            rows.append(("html", version, page_counts(change(gold), out.text)))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stop", required=True, help="the stop that replaces a sentence's full stop")
    ap.add_argument("--comma", default=",", help="the comma that replaces ', '")
    ap.add_argument("--fold-models", type=Path, help="also score the HTML path out-of-fold")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--corpus", action="append", type=Path)
    ap.add_argument("--every", type=int, default=1, help="every Nth page of wcxb-dev only")
    args = ap.parse_args()
    fold_dir = str(args.fold_models) if args.fold_models else None
    print(f"stop {args.stop!r}, comma {args.comma!r}; F1 as is -> rewritten")
    for corpus in args.corpus or [c for c in DEFAULT_CORPORA if c.exists()]:
        folders = sorted(p for p in corpus.iterdir() if (p / "gold.txt").exists())
        if corpus.name == "wcxb-dev":
            folders = folders[:: args.every]
        jobs = [(str(f), args.stop, args.comma, fold_dir, args.folds) for f in folders]
        with ProcessPoolExecutor(2) as pool:
            results = list(pool.map(one_page, jobs, chunksize=4))
        for track in (*TRACKS, "html"):
            for kind in ("all", "article"):
                f1 = {}
                for version in ("as is", "rewritten"):
                    rows = [
                        counts
                        for f, page in zip(folders, results, strict=True)
                        for t, v, counts in page
                        if t == track and v == version and kind in ("all", page_type(f))
                    ]
                    f1[version] = precision_recall_f1(rows)[2] if rows else None
                if f1["as is"] is not None and (kind == "all" or corpus.name == "wcxb-dev"):
                    print(
                        f"{corpus.name:12} {track:5} {kind:8} {len(rows):5} pages"
                        f"  {f1['as is']:.4f} -> {f1['rewritten']:.4f}"
                    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
