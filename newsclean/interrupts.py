"""Ctrl-C and termination for batches: cleanups that a second Ctrl-C cannot cut short, and what
a worker process does before it exits when its pool stops it.

A Ctrl-C in the main process raises KeyboardInterrupt, as Python's default handler does; the
cleanups it sets off (stopping the workers, removing a temporary output) hold SIGINT back while
they run (`sigint_deferred`), so that one more Ctrl-C lands after them, not inside them. A
worker is stopped with SIGTERM, which runs the cleanups registered with `on_terminate` (the
temporary outputs it has open are removed) and exits at once: no exception is raised in the
worker, where it could land anywhere (in a `__del__`, where it would be ignored).
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

_CLEANUPS: list[Callable[[], None]] = []


@contextmanager
def sigint_deferred() -> Iterator[None]:
    """SIGINT held back in this thread while the block runs, delivered when it ends (where the
    platform can; a process with other threads may still be interrupted inside the block)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def ignore_sigint() -> None:
    """Ctrl-C ignored from now on, in the main thread (elsewhere signals cannot be set)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def on_terminate(cleanup: Callable[[], None]) -> Callable[[], None]:
    """Register `cleanup` to run in a worker that its pool stops (`terminate_now`)."""
    _CLEANUPS.append(cleanup)
    return cleanup


def terminate_now(signum: int, frame: Any) -> None:
    """SIGTERM's handler in a worker: the registered cleanups, then exit."""
    for cleanup in _CLEANUPS:
        try:
            cleanup()
        except Exception:  # noqa: BLE001, S110 - the others still run; the exit follows
            pass
    os._exit(128 + signum)
