"""Score newsclean on labelled pages: shingle precision, recall and F1 per input kind.

A corpus is a folder of page folders. Each page folder holds `gold.txt` (the article body) and
one or more raw inputs, named by kind: `text.txt`, `md.txt`, `mdplain.txt`, or any other
`KIND.txt`. The metric is the public article-extraction benchmark's: the texts are cut into
word tokens (`\\w+`), then into 4-token shingles counted as multisets; per page, true positives,
false positives and false negatives are normalised by their sum; precision and recall are
averaged over pages, and F1 is computed from the two averages.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from statistics import mean

import regex

TOKEN = regex.compile(r"\w+")
SHINGLE = 4
GOLD = "gold.txt"


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text)
    starts = range(max(1, len(tokens) - n + 1))
    return Counter(tuple(tokens[i : i + n]) for i in starts if tokens[i : i + n])


def page_counts(gold: str, output: str) -> tuple[float, float, float]:
    """True positives, false positives and false negatives of one page, normalised by their sum."""
    g, p = shingles(gold), shingles(output)
    tp, fp, fn = sum((g & p).values()), sum((p - g).values()), sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision_recall_f1(rows: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """P and R averaged over pages (a page with nothing to find and nothing found scores 1)."""

    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else tp / (tp + fp) if tp + fp else 0.0

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else tp / (tp + fn) if tp + fn else 0.0

    ps = [precision(*r) for r in rows if r[0] + r[1] > 0]
    rs = [recall(*r) for r in rows if r[0] + r[2] > 0]
    p, r = (mean(ps) if ps else 0.0), (mean(rs) if rs else 0.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(frozen=True)
class KindScore:
    kind: str
    pages: int
    precision: float
    recall: float
    f1: float
    megabytes_per_second: float
    worst: tuple[tuple[str, float], ...]  # (page, F1), lowest first

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "pages": self.pages,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "mb_per_s": round(self.megabytes_per_second, 2),
            "worst": [{"page": name, "f1": round(f1, 4)} for name, f1 in self.worst],
        }


def input_kinds(corpus: Path) -> list[str]:
    """The input kinds found in a corpus: every `KIND.txt` beside a gold.txt, sorted."""
    kinds = {
        f.stem
        for page in corpus.iterdir()
        if (page / GOLD).is_file()
        for f in page.glob("*.txt")
        if f.name != GOLD
    }
    return sorted(kinds)


def evaluate(
    corpus: Path,
    clean: Callable[[str], str],
    kinds: list[str] | None = None,
    worst: int = 5,
    on_page: Callable[[str, str, str, str], None] | None = None,
) -> list[KindScore]:
    """Score `clean` on every page of `corpus`, per input kind; `on_page(page, kind, gold,
    output)` is called for each page scored (the HTML report is built from it)."""
    pages = sorted(p for p in corpus.iterdir() if (p / GOLD).is_file())
    results = []
    for kind in kinds or input_kinds(corpus):
        rows, per_page, nbytes, seconds = [], [], 0, 0.0
        for page in pages:
            source = page / f"{kind}.txt"
            if not source.is_file():
                continue
            raw = source.read_text(encoding="utf-8", errors="replace")
            gold = (page / GOLD).read_text(encoding="utf-8", errors="replace")
            nbytes += len(raw.encode())
            started = time.perf_counter()
            output = clean(raw)
            seconds += time.perf_counter() - started
            row = page_counts(gold, output)
            if on_page is not None:
                on_page(page.name, kind, gold, output)
            rows.append(row)
            per_page.append((page.name, precision_recall_f1([row])[2]))
        if not rows:
            continue
        p, r, f = precision_recall_f1(rows)
        speed = nbytes / 1e6 / seconds if seconds else 0.0
        lowest = tuple(sorted(per_page, key=lambda x: (x[1], x[0]))[:worst])
        results.append(KindScore(kind, len(rows), p, r, f, speed, lowest))
    return results


def format_table(scores: list[KindScore]) -> str:
    lines = [
        "| input | pages | precision | recall | F1 | MB/s |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for s in scores:
        lines.append(
            f"| {s.kind} | {s.pages} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} "
            f"| {s.megabytes_per_second:.2f} |"
        )
    return "\n".join(lines)
