"""Ctrl-C never hangs (issue #14): `newsclean clean --jsonl BIG -o OUT -j 2` interrupted at
random moments, from before the worker pool starts to past the end of the run, some of them on a
machine loaded by CPU-burning processes, the signal sent to the process alone (`kill -INT`) or
to its whole process group, workers included (Ctrl-C in a terminal). Every run must end within
a few seconds of the signal, with exit code 130 and an "interrupted" line (or exit code 0 if the
run had already finished), no traceback, OUT absent or complete (never half-written), no
temporary file left beside it and no worker process left behind.

The child imports newsclean, says so on a pipe, then runs `python -m newsclean` as usual: the
delays count from there, so they spread over the run itself rather than over the interpreter's
start-up (a Ctrl-C during `import newsclean` is Python's own to handle).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.data import ROOT

RUNS = 16
HANG_TIMEOUT = 10.0  # seconds from the signal to the exit: generous (it takes well under 1 s)
RECORDS = 2000  # ten chunks of 200 lines: a quarter of them dumps, the rest short lines
LATEST = 3.0  # seconds: the latest signal, whatever the run's length
BOOTSTRAP = """
import os, runpy, sys
import newsclean.cli  # the imports first: the clock starts once newsclean is loaded
os.write(int(sys.argv[1]), b"ready")
os.close(int(sys.argv[1]))
sys.argv = ["newsclean", *sys.argv[2:]]
runpy.run_module("newsclean", run_name="__main__", alter_sys=True)
"""


def records(count: int) -> bytes:
    dumps = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*/input.txt"))]
    texts = [dumps[i // 4 % len(dumps)] if i % 4 == 0 else f"Line {i}." for i in range(count)]
    lines = (json.dumps({"id": i, "text": text}) for i, text in enumerate(texts))
    return ("\n".join(lines) + "\n").encode("utf-8")


def start(args: list[str]) -> subprocess.Popen[bytes]:
    """The command, started; returns once the child has imported newsclean."""
    read_end, write_end = os.pipe()
    proc = subprocess.Popen(
        [sys.executable, "-c", BOOTSTRAP, str(write_end), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        pass_fds=(write_end,),
        start_new_session=True,  # a process group of its own, as a terminal gives a command
        # Ctrl-C as at a terminal, even where these tests run with SIGINT ignored (started in
        # the background by a shell without job control, whose commands inherit it ignored)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    os.close(write_end)
    with os.fdopen(read_end, "rb") as ready:
        assert ready.read() == b"ready", "the child did not start"
    return proc


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # a process of another user took the id: not ours
        return False
    return True


def burners(count: int) -> list[subprocess.Popen[bytes]]:
    return [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, float]:
    """The input, its complete output and how long an uninterrupted run takes."""
    folder = tmp_path_factory.mktemp("big")
    source = folder / "big.jsonl"
    source.write_bytes(records(RECORDS))
    out = folder / "out.jsonl"
    began = time.monotonic()
    proc = start(["clean", "--jsonl", str(source), "-o", str(out), "-j", "2", "-q"])
    _, err = proc.communicate(timeout=300)
    took = time.monotonic() - began
    assert proc.returncode == 0, err.decode()
    return source, out.read_bytes(), took


def test_ctrl_c_at_any_moment_ends_the_run_promptly_and_cleanly(tmp_path: Path, big):
    source, complete, took = big
    rng = random.Random(14)
    # a third in the first 0.3 s (arguments, the input opened, the pool starting), the rest
    # across the run and a little past its end (the output's last writes, the rename, the exit)
    delays = [rng.uniform(0.0, 0.3) for _ in range(RUNS // 3)]
    delays += [rng.uniform(0.3, min(1.15 * took, LATEST)) for _ in range(RUNS - len(delays))]
    rng.shuffle(delays)
    ended_after: list[float] = []
    outcomes: list[int] = []
    for run, delay in enumerate(delays):
        out = tmp_path / f"out{run}.jsonl"
        args = ["clean", "--jsonl", str(source), "-o", str(out), "-j", "2"]
        if run % 3 == 1:
            args.append("--progress")  # the progress line must close before the message
        load = burners(2) if run % 2 else []
        try:
            proc = start(args)
            time.sleep(delay)
            if run % 4 < 2:
                os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C: the workers get it too
            else:
                proc.send_signal(signal.SIGINT)
            signalled = time.monotonic()
            try:
                _, err = proc.communicate(timeout=HANG_TIMEOUT)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
                pytest.fail(f"run {run} (SIGINT after {delay:.2f} s) hung past {HANG_TIMEOUT} s")
            ended_after.append(time.monotonic() - signalled)
            gone = time.monotonic() + HANG_TIMEOUT
            while group_alive(proc.pid) and time.monotonic() < gone:
                time.sleep(0.05)
            assert not group_alive(proc.pid), f"run {run}: a worker outlived the run"
        finally:
            for burner in load:
                burner.kill()
                burner.wait()
        stderr = err.decode("utf-8", errors="replace")
        where = f"run {run}, SIGINT after {delay:.2f} s: exit {proc.returncode}\n{stderr}"
        assert "Traceback" not in stderr, where
        assert proc.returncode in (0, 130), where
        outcomes.append(proc.returncode)
        leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name != out.name)
        assert leftovers == [], where  # no temporary file beside OUT
        if proc.returncode == 130:
            last = stderr.rsplit("\r", 1)[-1].strip().splitlines()[-1]
            assert last.startswith("newsclean: interrupted"), where
            if "(nothing written)" in last:
                assert not out.exists(), where
        if out.exists():
            assert out.read_bytes() == complete, where
        out.unlink(missing_ok=True)
    print(
        f"\n{RUNS} runs of {took:.1f} s: {outcomes.count(130)} interrupted, "
        f"{outcomes.count(0)} finished first; the slowest ended {max(ended_after):.2f} s "
        "after the signal"
    )
    assert outcomes.count(130) >= RUNS // 2  # the delays did land inside the runs
