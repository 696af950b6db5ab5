"""The `newsclean` command run as a user runs it: a subprocess with this checkout's package,
its stderr a pipe (`run_newsclean`) or a terminal (`run_on_a_terminal`)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

from support.data import ROOT


def run_newsclean(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """`python -m newsclean ARGS`; stdout and stderr captured as bytes, never raising on failure."""
    return subprocess.run(
        [sys.executable, "-m", "newsclean", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
        check=False,
    )


def one_line_error(proc: subprocess.CompletedProcess, *fragments: str) -> None:
    """The command failed with one line on stderr, no traceback, naming each fragment."""
    err = proc.stderr.decode()
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    assert err.startswith("newsclean: ")
    for fragment in fragments:
        assert fragment in err


def run_on_a_terminal(*args: str, columns: int = 100) -> tuple[int, str]:
    """`python -m newsclean ARGS` with stderr on a terminal (a pseudo-terminal `columns` wide),
    as at a user's shell; the exit code and everything the terminal received. Standard input
    is empty and standard output is discarded."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsclean", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=terminal,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    os.close(terminal)
    received = b""
    try:
        while True:
            ready, _, _ = select.select([controller], [], [], 120)
            if not ready:
                proc.kill()
                raise TimeoutError(f"newsclean {' '.join(args)}: no output for 120 s")
            try:
                data = os.read(controller, 4096)
            except OSError:  # EIO: every process holding the terminal has closed it
                break
            if not data:
                break
            received += data
    finally:
        os.close(controller)
    return proc.wait(timeout=120), received.decode("utf-8", errors="replace")


def screen(received: str) -> list[str]:
    """The lines a terminal shows once it has received `received`: a carriage return goes back
    to the start of the line, and what follows it overwrites what was there. Trailing blanks
    are dropped, and so are lines left blank."""
    lines: list[str] = []
    line: list[str] = []
    column = 0
    for char in received:
        if char == "\n":
            lines.append("".join(line))
            line, column = [], 0
        elif char == "\r":
            column = 0
        else:
            if column < len(line):
                line[column] = char
            else:
                line.append(char)
            column += 1
    lines.append("".join(line))
    return [text.rstrip() for text in lines if text.strip()]
