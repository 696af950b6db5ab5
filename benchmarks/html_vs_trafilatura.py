#!/usr/bin/env python3
"""trafilatura alone vs newsclean on HTML pages: shingle precision / recall / F1 and time.

usage, from the project's root:
    python benchmarks/html_vs_trafilatura.py [--shared ../shared] [--repeat 3]
    python benchmarks/html_vs_trafilatura.py --corpus ~/.cache/newsclean-corpora/wcxb-dev --types

A corpus is a folder of page folders, each with gold.txt and source.html or source.html.gz
(the readability corpus in --shared by default). Both systems get each page's HTML as a str,
decoded as newsclean decodes bytes. "trafilatura" is `trafilatura.extract(page)` with its
default settings; "newsclean" is `newsclean.clean(page)`. The metric is score.py's (4-token
shingles, per-page P and R averaged, F1 of the averages); --types adds a row per page type
(meta.json's page_type). Time is CPU time (steadier than wall-clock on a shared machine),
single process: each page by one system then the other (their order swapped page by page and
round by round, so both see the same moments of a busy machine), the best of --repeat rounds
for each page, summed; the ratio is newsclean's time over trafilatura's. --every N takes every
Nth page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import trafilatura

import newsclean
from newsclean.decoding import decode


def run(systems: dict, pages: list[str], repeat: int) -> tuple[dict, dict]:
    """Each system's outputs and its CPU seconds: per page the best of `repeat` rounds, the
    systems interleaved page by page."""
    names = list(systems)
    best = {name: [float("inf")] * len(pages) for name in names}
    outputs: dict[str, list[str]] = {name: [""] * len(pages) for name in names}
    for round_ in range(repeat):
        for i, page in enumerate(pages):
            for name in names if (i + round_) % 2 == 0 else reversed(names):
                start = time.process_time()
                outputs[name][i] = systems[name](page) or ""
                best[name][i] = min(best[name][i], time.process_time() - start)
    return outputs, {name: sum(seconds) for name, seconds in best.items()}


def page_html(folder: Path) -> str | None:
    """The page's HTML as newsclean reads bytes, or None if the folder has none."""
    if (folder / "source.html").exists():
        return decode((folder / "source.html").read_bytes())
    if (folder / "source.html.gz").exists():
        return decode(gzip.decompress((folder / "source.html.gz").read_bytes()))
    return None


def page_type(folder: Path) -> str:
    meta = folder / "meta.json"
    if meta.exists():
        return json.loads(meta.read_text(encoding="utf-8")).get("page_type") or "article"
    return "article"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder"
    )
    parser.add_argument("--corpus", type=Path, help="a corpus folder (default: readability)")
    parser.add_argument("--types", action="store_true", help="a row per page type too")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--every", type=int, default=1, help="every Nth page only")
    args = parser.parse_args()
    sys.path.insert(0, str(args.shared / "tools"))
    import score  # ../shared/tools/score.py: the metric

    corpus = args.corpus or args.shared / "corpora" / "readability"
    logging.disable(logging.WARNING)  # trafilatura logs every page it discards

    folders, pages = [], []
    for folder in sorted(p for p in corpus.iterdir() if (p / "gold.txt").exists())[:: args.every]:
        html = page_html(folder)
        if html is not None:
            folders.append(folder)
            pages.append(html)
    golds = [(p / "gold.txt").read_text(encoding="utf-8") for p in folders]
    types = [page_type(p) for p in folders]
    megabytes = sum(len(p.encode()) for p in pages) / 1e6

    systems = {"trafilatura": trafilatura.extract, "newsclean": newsclean.clean}
    scored = {}
    print(f"{len(pages)} pages from {corpus.name}, {megabytes:.1f} MB, best of {args.repeat}")
    print(f"| {'system':<12} | {'P':>6} | {'R':>6} | {'F1':>6} | {'seconds':>8} | {'MB/s':>6} |")
    print(f"| {'-' * 12} | {'-' * 6} | {'-' * 6} | {'-' * 6} | {'-' * 8} | {'-' * 6} |")
    outputs, times = run(systems, pages, args.repeat)
    for name in systems:
        seconds = times[name]
        scored[name] = [score.counts(g, o) for g, o in zip(golds, outputs[name], strict=True)]
        p, r, f = score.prf(scored[name])
        print(
            f"| {name:<12} | {p:6.3f} | {r:6.3f} | {f:6.3f} | {seconds:8.2f} | {megabytes / seconds:6.2f} |"
        )
    print(f"time ratio newsclean / trafilatura: {times['newsclean'] / times['trafilatura']:.2f}")
    if args.types:
        print(
            f"\n| {'page type':<14} | {'pages':>5} | {'trafilatura F1':>14} | {'newsclean F1':>12} |"
        )
        print(f"| {'-' * 14} | {'-' * 5} | {'-' * 14} | {'-' * 12} |")
        for kind in sorted(set(types)):
            rows = {
                n: [c for c, t in zip(s, types, strict=True) if t == kind]
                for n, s in scored.items()
            }
            f1 = {n: score.prf(r)[2] for n, r in rows.items()}
            print(
                f"| {kind:<14} | {len(rows['newsclean']):5} | {f1['trafilatura']:14.3f} | {f1['newsclean']:12.3f} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
