"""A worker pool for batches: `ordered_map(func, items, jobs)`, results in input order, a bounded
window of items in flight, and a pool that Ctrl-C stops at once.

Why not `concurrent.futures.ProcessPoolExecutor`: on Ctrl-C it can hang. Its shutdown waits
for the chunks being cleaned (seconds each on a loaded machine), its manager thread and queue
feeder thread are joined again at exit, and an interrupt that lands inside its own bookkeeping
(a submit, its start-up) can leave it waiting for ever; Python 3.11 has no way to stop its
workers. This pool has no threads: one pipe per worker, one item per worker at a time, and the
parent waits on the pipes and on the workers' exit sentinels. Stopping it means terminating the
workers, which clean up (a temporary output removed: `interrupts.on_terminate`) and exit, killed
if they take longer than a moment. Workers ignore SIGINT: a Ctrl-C reaches the whole process
group, and the parent decides.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .interrupts import sigint_deferred, terminate_now

T = TypeVar("T")
R = TypeVar("R")

CHUNKS_PER_WORKER = 3  # items in flight per worker: enough to keep workers busy, no more
STOP_SECONDS = 1.5  # how long stopped workers may take to clean up before they are killed


class WorkerDied(RuntimeError):
    """A worker process ended without being asked to (killed: out of memory, say)."""


def default_jobs() -> int:
    """Every core this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def ordered_map(func: Callable[[T], R], items: Iterable[T], jobs: int) -> Iterator[R]:
    """`map(func, items)` over `jobs` worker processes: results in input order, and at most
    CHUNKS_PER_WORKER items per worker in flight, so memory does not grow with the input. An
    exception raised by `func` is raised here, in its item's turn. Closing the iterator (or an
    exception, KeyboardInterrupt included, in the loop that consumes it) stops the workers:
    use `contextlib.closing` to have them stopped at a known moment."""
    if jobs <= 1:
        yield from map(func, items)
        return
    pool = Pool(func, jobs)
    try:
        pool.start()
        yield from pool.ordered(iter(items), jobs * CHUNKS_PER_WORKER)
    finally:
        pool.stop()


@dataclass
class Worker:
    process: Any  # a multiprocessing Process
    conn: multiprocessing.connection.Connection
    task: int | None = None  # the index of the item it is cleaning


class Pool(Generic[T, R]):
    def __init__(self, func: Callable[[T], R], jobs: int):
        self.func = func
        self.jobs = jobs
        self.workers: list[Worker] = []
        self.context = multiprocessing.get_context()

    def start(self) -> None:
        for _ in range(self.jobs):
            ours, theirs = self.context.Pipe()
            parents_ends = [w.conn for w in self.workers] + [ours]
            process = self.context.Process(
                target=work, args=(self.func, theirs, parents_ends), daemon=True
            )
            # SIGINT is blocked while the worker is made, so that it starts ignoring it (the
            # mask is inherited) and the parent is not interrupted half-way through a start
            with sigint_deferred():
                self.workers.append(Worker(process, ours))
                process.start()
            theirs.close()

    def ordered(self, items: Iterator[T], window: int) -> Iterator[R]:
        waiting: deque[tuple[int, T]] = deque()  # read, not yet handed to a worker
        done: dict[int, tuple[bool, Any]] = {}  # cleaned, not yet yielded
        read = given = 0  # items read from `items`; results yielded
        exhausted = False
        while True:
            while not exhausted and read - given < window:
                try:
                    waiting.append((read, next(items)))
                except StopIteration:
                    exhausted = True
                    break
                read += 1
            for worker in self.workers:
                if worker.task is None and waiting:
                    worker.task, item = waiting.popleft()
                    self.send(worker, (worker.task, item))
            if given in done:
                ok, value = done.pop(given)
                given += 1
                if not ok:
                    raise value
                yield value
                continue
            if exhausted and given == read:
                return
            self.collect(done)

    def send(self, worker: Worker, message: Any) -> None:
        try:
            worker.conn.send(message)
        except (BrokenPipeError, ConnectionResetError):
            raise self.died(worker) from None

    def collect(self, done: dict[int, tuple[bool, Any]]) -> None:
        """Wait for at least one result, and take every one that is ready."""
        busy = [w for w in self.workers if w.task is not None]
        if not busy:  # cannot happen: the next result due is always with a worker
            raise RuntimeError("ordered_map: waiting for a result no worker has")
        ready = multiprocessing.connection.wait(
            [w.conn for w in busy] + [w.process.sentinel for w in busy]
        )
        for worker in busy:
            if worker.conn in ready:
                try:
                    index, ok, value = worker.conn.recv()
                except (EOFError, OSError):
                    raise self.died(worker) from None
                done[index] = (ok, value)
                worker.task = None
        for worker in busy:
            if worker.task is not None and worker.process.sentinel in ready:
                raise self.died(worker)

    def died(self, worker: Worker) -> WorkerDied:
        worker.process.join(STOP_SECONDS)
        code = worker.process.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit {code}"
        return WorkerDied(f"a worker process died ({how})")

    def stop(self) -> None:
        """Stop the workers: idle ones are told to exit; busy ones are terminated (SIGTERM:
        they unwind, removing their temporary outputs); any still alive after STOP_SECONDS is
        killed. Never waits much longer than that, whatever they are doing. A Ctrl-C while it
        runs is held back until it is done."""
        with sigint_deferred():
            self._stop()

    def _stop(self) -> None:
        deadline = time.monotonic() + STOP_SECONDS
        for worker in self.workers:
            if worker.process.pid is None:
                continue  # never started
            if worker.task is None:
                try:
                    worker.conn.send(None)
                except OSError:
                    pass  # already gone
            else:
                worker.process.terminate()
            worker.conn.close()
        for worker in self.workers:
            if worker.process.pid is not None:
                worker.process.join(max(0.0, deadline - time.monotonic()))
        for worker in self.workers:
            if worker.process.pid is not None and worker.process.exitcode is None:
                worker.process.kill()
                worker.process.join(STOP_SECONDS)
        self.workers = []


def work(func: Callable[[Any], Any], conn: Any, parents_ends: list[Any]) -> None:
    """A worker: items in from the pipe, `(index, ok, result or exception)` out, until `None`,
    the pipe's end (the parent is gone) or SIGTERM (`interrupts.terminate_now`). Ctrl-C is
    ignored: the parent decides."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # blocked while the parent started this worker
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    signal.signal(signal.SIGTERM, terminate_now)
    for end in parents_ends:  # a forked worker holds copies: closed, so the parent's exit shows
        end.close()
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if message is None:
            return
        index, item = message
        try:
            reply = (index, True, func(item))
        except BaseException as exc:  # noqa: BLE001 - handed to the parent, raised there
            reply = (index, False, portable(exc))
        try:
            conn.send(reply)
        except (BrokenPipeError, ConnectionResetError):
            return
        except Exception as exc:  # noqa: BLE001 - a result that does not pickle
            conn.send((index, False, portable(exc)))


def portable(exc: BaseException) -> BaseException:
    """`exc`, or a RuntimeError saying what it was if it cannot travel through a pipe."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001 - whatever does not round-trip
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc
