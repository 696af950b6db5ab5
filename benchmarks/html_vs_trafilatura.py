#!/usr/bin/env python3
"""trafilatura alone vs newsclean on HTML pages: shingle precision / recall / F1 and time.

usage, from the project's root:
    python benchmarks/html_vs_trafilatura.py [--shared ../shared] [--repeat 3]

Both systems get each page's source.html as a str. "trafilatura" is `trafilatura.extract(page)`
with its default settings; "newsclean" is `newsclean.clean(page)`. The metric is score.py's
(4-token shingles, per-page P and R averaged, F1 of the averages). Time is CPU time (steadier than
wall-clock on a shared machine), the best of --repeat runs over the corpus, single process; the ratio is newsclean's time over trafilatura's.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import trafilatura

import newsclean


def run(system, pages: list[str], repeat: int) -> tuple[list[str], float]:
    best = float("inf")
    outputs: list[str] = []
    for _ in range(repeat):
        start = time.process_time()
        outputs = [system(page) or "" for page in pages]
        best = min(best, time.process_time() - start)
    return outputs, best


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder"
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(args.shared / "tools"))
    import score  # ../shared/tools/score.py: the metric

    args.corpus = args.shared / "corpora" / "readability"
    logging.disable(logging.WARNING)  # trafilatura logs every page it discards

    folders = sorted(
        p
        for p in args.corpus.iterdir()
        if (p / "gold.txt").exists() and (p / "source.html").exists()
    )
    pages = [(p / "source.html").read_text(errors="replace") for p in folders]
    golds = [(p / "gold.txt").read_text() for p in folders]
    megabytes = sum(len(p.encode()) for p in pages) / 1e6

    systems = {"trafilatura": trafilatura.extract, "newsclean": newsclean.clean}
    times = {}
    print(f"{len(pages)} pages from {args.corpus.name}, {megabytes:.1f} MB, best of {args.repeat}")
    print(f"| {'system':<12} | {'P':>6} | {'R':>6} | {'F1':>6} | {'seconds':>8} | {'MB/s':>6} |")
    print(f"| {'-' * 12} | {'-' * 6} | {'-' * 6} | {'-' * 6} | {'-' * 8} | {'-' * 6} |")
    for name, system in systems.items():
        outputs, seconds = run(system, pages, args.repeat)
        times[name] = seconds
        p, r, f = score.prf([score.counts(g, o) for g, o in zip(golds, outputs, strict=True)])
        print(
            f"| {name:<12} | {p:6.3f} | {r:6.3f} | {f:6.3f} | {seconds:8.2f} | {megabytes / seconds:6.2f} |"
        )
    print(f"time ratio newsclean / trafilatura: {times['newsclean'] / times['trafilatura']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
