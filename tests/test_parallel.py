"""The worker pool (`newsclean.parallel`): input order, a bounded window, errors raised in their
item's turn, a worker that dies, and a pool that stops at once, its workers' temporary outputs
removed."""

from __future__ import annotations

import os
import time
from contextlib import closing
from pathlib import Path

import pytest

from newsclean import files, parallel


def square(x: int) -> int:
    return x * x


def test_ordered_map_keeps_order_and_reads_ahead_only_a_bounded_window():
    consumed = 0

    def items():
        nonlocal consumed
        for i in range(200):
            consumed += 1
            yield i

    jobs = 2
    window = jobs * parallel.CHUNKS_PER_WORKER
    results = []
    for result in parallel.ordered_map(square, items(), jobs):
        results.append(result)
        assert consumed <= len(results) + window
    assert results == [i * i for i in range(200)]


def fail_on_three(x: int) -> int:
    if x == 3:
        raise ValueError("three")
    return x


def test_an_error_in_a_worker_is_raised_in_its_item_s_turn():
    got = []
    with pytest.raises(ValueError, match="three"):
        for result in parallel.ordered_map(fail_on_three, range(10), 2):
            got.append(result)
    assert got == [0, 1, 2]


def die_on_two(x: int) -> int:
    if x == 2:
        os._exit(9)  # as the out-of-memory killer would end it
    return x


def test_a_worker_that_dies_is_reported_not_waited_for():
    with pytest.raises(parallel.WorkerDied, match=r"a worker process died \(exit 9\)"):
        list(parallel.ordered_map(die_on_two, range(10), 2))


def write(path: str) -> str:
    """An output written atomically; a slow one is still being written 30 s later."""
    with files.atomic_output(path) as out:
        out.write(b"part of it")
        if Path(path).name.startswith("slow"):
            time.sleep(30)
    return path


def test_stopping_the_pool_terminates_busy_workers_and_removes_their_temporary_files(
    tmp_path: Path,
):
    targets = [str(tmp_path / name) for name in ("fast.txt", "slow1.txt", "slow2.txt")]
    with closing(parallel.ordered_map(write, targets, 3)) as results:
        assert next(results) == targets[0]
        deadline = time.monotonic() + 30
        while len(list(tmp_path.glob(".slow*.tmp"))) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)  # the two slow ones are being written
        assert len(list(tmp_path.glob(".slow*.tmp"))) == 2
        began = time.monotonic()
    assert time.monotonic() - began < 2 * parallel.STOP_SECONDS  # nobody waited for them
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fast.txt"]
