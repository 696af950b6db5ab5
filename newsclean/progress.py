"""The progress line of a batch on stderr, drawn by tqdm.

With the input's size known (a JSONL file, the files of `-o DIR`), the line counts bytes of the
input: the percentage, a bar, how much of how much (kB, MB, GB), elapsed and remaining time,
bytes a second, and the documents cleaned. Otherwise (standard input) it counts documents, with
MB and MB/s beside them. The line appears with the first results (not before anything is
cleaned), is redrawn at most four times a second, and is cleared when the batch ends (before
the summary) and before a line of its own is printed (`Progress.say`).
"""

from __future__ import annotations

import sys
import time
from typing import Any

from tqdm import tqdm

from .tally import Tally


class Bar(tqdm):  # type: ignore[misc]
    # no monitor thread: the worker pool forks, and a process with threads should not fork
    monitor_interval = 0


class Progress:
    """The progress line, if `enabled`; `total_bytes` is the input's size, if known."""

    INTERVAL = 0.25  # seconds between redraws, at least

    def __init__(self, enabled: bool, total_bytes: int | None = None):
        self.enabled = enabled
        self.total = total_bytes or None
        self.start = time.monotonic()
        self.bar: Any = None

    def update(self, tally: Tally, done_bytes: int | None = None) -> None:
        """Show `tally`, and how far through the input its documents reach, `done_bytes` (by
        default, the tally's bytes)."""
        if not self.enabled:
            return
        if self.total:
            done = min(tally.bytes if done_bytes is None else done_bytes, self.total)
            postfix = f"{tally.documents:,} docs"
        else:
            done = tally.documents
            mb = tally.bytes / 1e6
            postfix = f"{mb:,.1f} MB, {mb / max(time.monotonic() - self.start, 1e-9):.1f} MB/s"
        if self.bar is None:
            self.bar = self.open(done, postfix)
            self.bar.start_t -= time.monotonic() - self.start  # elapsed: since the batch began
        else:
            self.bar.set_postfix_str(postfix, refresh=False)
            self.bar.update(done - self.bar.n)

    def open(self, done: int, postfix: str) -> Any:
        common: dict[str, Any] = {
            "file": sys.stderr,
            "initial": done,
            "postfix": postfix,
            "leave": False,  # cleared at the end: the summary follows
            "mininterval": self.INTERVAL,
            "dynamic_ncols": True,
        }
        if self.total:
            return Bar(
                total=self.total,
                unit="B",
                unit_scale=True,
                unit_divisor=1000,
                bar_format="{l_bar}{bar}| {n_fmt}B/{total_fmt}B "
                "[{elapsed}<{remaining}, {rate_fmt}{postfix}]",
                **common,
            )
        return Bar(unit=" docs", **common)

    def say(self, line: str) -> None:
        """Print `line` on stderr on a line of its own: the progress line is cleared first, and
        comes back with a later update."""
        if self.bar is not None:
            self.bar.clear()
        print(line, file=sys.stderr)

    def close(self) -> None:
        """Clear the line, at the batch's end or on an interrupt, before the last lines."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None
