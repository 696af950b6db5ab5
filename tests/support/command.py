"""The `newsclean` command run as a user runs it: a subprocess with this checkout's package."""

from __future__ import annotations

import os
import subprocess
import sys
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
