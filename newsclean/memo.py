"""The memo of one run: the costlier facts of a block's text, computed once per run.

The filters ask the same questions of the same block many times, so the costlier answers are
memoised by the text itself (they are pure functions of it). The memo holds every block of the
document being cleaned, and belongs to one run: `Pipeline.run` opens it (`run_memo`) and drops
it at the end (a web page's run opens it first, for its DOM block table, whose text facts the
filters then ask again). It lives in a context variable, so runs on different threads
(Dask's threaded scheduler, a web service) or asyncio tasks each have their own and never
empty one another's; outside a run the functions are simply computed. (A bounded LRU memo
is thrashed by any document with more blocks than it holds, as each filter walks every block
before the next one asks again.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

MEMOISED: list[Callable[..., Any]] = []
T = TypeVar("T")
MISSING = object()
# the memo of the run in progress in this thread or task: one table per memoised function
RUN_MEMO: ContextVar[list[dict[str, Any]] | None] = ContextVar("newsclean_memo", default=None)


def memoised(func: Callable[[str], T]) -> Callable[[str], T]:
    """Memoise a pure function of a block's text for the length of one run (see `run_memo`)."""
    index = len(MEMOISED)

    # one context-variable read, a subscript and a dict lookup: these run millions of times
    # (no try/except: raising KeyError on each first ask cost more than the lookups)
    def memo(text: str, run: Callable[[], Any] = RUN_MEMO.get) -> T:
        tables = run()
        if tables is None or index >= len(tables):  # outside a run: nothing to share it with
            return func(text)
        table = tables[index]
        value = table.get(text, MISSING)
        if value is MISSING:
            value = table[text] = func(text)
        return value

    memo.__wrapped__ = func  # type: ignore[attr-defined]
    memo.__name__ = func.__name__
    memo.__qualname__ = func.__qualname__
    memo.__doc__ = func.__doc__
    MEMOISED.append(memo)
    return memo


@contextmanager
def run_memo() -> Iterator[None]:
    """A memo for the run inside the block, private to this thread or task. A run inside a run
    (a filter that calls `clean()`) shares the outer run's memo: the answers are the same."""
    if RUN_MEMO.get() is not None:
        yield
        return
    token = RUN_MEMO.set([{} for _ in MEMOISED])
    try:
        yield
    finally:
        RUN_MEMO.reset(token)


def forget() -> None:
    """Empty the memo of the run in progress in this thread or task, if any."""
    for table in RUN_MEMO.get() or ():
        table.clear()
