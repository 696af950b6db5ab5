"""The progress line of a batch on stderr."""

from __future__ import annotations

import sys
import time

from .tally import Tally


class Progress:
    """One self-rewriting status line on stderr: documents, MB, MB/s, and the ETA when the
    input's size is known. Hand-written: it is twenty lines, and needs no dependency."""

    INTERVAL = 0.25  # seconds between redraws
    WIDTH = 72  # padding that blanks out a longer earlier line

    def __init__(self, enabled: bool, total_bytes: int | None = None):
        self.enabled = enabled
        self.total = total_bytes
        self.start = time.monotonic()
        self.last = 0.0

    def update(self, tally: Tally, done_bytes: int | None = None) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.last < self.INTERVAL:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        mb = tally.bytes / 1e6
        line = f"{tally.documents:,} docs  {mb:,.1f} MB  {mb / elapsed:.1f} MB/s"
        done = tally.bytes if done_bytes is None else done_bytes
        if self.total and 0 < done <= self.total:
            eta = clock(elapsed * (self.total - done) / done)
            line += f"  {100 * done / self.total:.0f}%  ETA {eta}"
        sys.stderr.write(f"\r{line:<{self.WIDTH}}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self.last:
            sys.stderr.write(f"\r{'':<{self.WIDTH}}\r")
            sys.stderr.flush()


def clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes // 60}:{minutes % 60:02d}:{secs:02d}"
