"""What a batch did (`Tally`: documents, errors, bytes, removals per filter and per reason code),
and the summary printed at its end."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from . import Result


@dataclass
class Tally:
    """What a batch did: documents seen, how many failed, input bytes, removals per filter and
    per reason code."""

    documents: int = 0
    errors: int = 0
    bytes: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    codes: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        self.documents += other.documents
        self.errors += other.errors
        self.bytes += other.bytes
        self.removed.update(other.removed)
        self.codes.update(other.codes)

    def count(self, result: Result) -> None:
        """Add the removals (and moves to metadata) of one result."""
        self.removed.update(result.counts())
        self.codes.update(result.code_counts())


def summary(tally: Tally, seconds: float) -> str:
    mb = tally.bytes / 1e6
    rate = mb / max(seconds, 1e-9)
    lines = [
        f"{tally.documents:,} documents, {tally.errors:,} errors, "
        + f"{mb:,.1f} MB in {seconds:.1f} s ({rate:.1f} MB/s)"
    ]
    if tally.removed:
        lines.append("removed: " + ", ".join(f"{k} {v:,}" for k, v in tally.removed.most_common()))
    if tally.codes:
        by_code = sorted(tally.codes.items(), key=lambda kv: (-kv[1], kv[0]))
        lines.append("removed by code: " + ", ".join(f"{k} {v:,}" for k, v in by_code))
    return "\n".join(lines)
