"""Output paths (issue #14): atomic replacement is for regular files only. A device or a named
pipe is written to as it is, a symlink is followed to the file it names, and one input with
`-o FILE` writes that file."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest
from support.command import run_newsclean as run
from support.data import EXPECTED, FIXTURE

RECORDS = [{"id": i, "text": "A short story that is cleaned.\n\nADVERTISEMENT"} for i in range(3)]


def jsonl_input(tmp_path: Path) -> Path:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return source


def test_jsonl_into_a_named_pipe_writes_to_the_pipe_and_keeps_it(tmp_path: Path):
    source = jsonl_input(tmp_path)
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def reader() -> None:
        with open(fifo, "rb") as pipe:
            got.append(pipe.read())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    proc = run("clean", "--jsonl", str(source), "-o", str(fifo), "-j", "1", "-q")
    if thread.is_alive():  # the old code renamed a file over the pipe: nobody opened it
        with open(fifo, "wb"):
            pass
    thread.join(timeout=10)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    lines = [json.loads(line) for line in got[0].splitlines()]
    assert [r["id"] for r in lines] == [0, 1, 2]
    assert lines[0]["text"] == "A short story that is cleaned."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.fifo"]


def test_jsonl_into_a_symlink_writes_the_file_it_names_and_keeps_the_link(tmp_path: Path):
    source = jsonl_input(tmp_path)
    (tmp_path / "data").mkdir()
    real = tmp_path / "data" / "clean.jsonl"
    real.write_text("old contents\n")
    link = tmp_path / "latest.jsonl"
    link.symlink_to(real)
    proc = run("clean", "--jsonl", str(source), "-o", str(link), "-q")
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert [json.loads(line)["id"] for line in real.read_text().splitlines()] == [0, 1, 2]
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["clean.jsonl"]


def test_jsonl_into_a_character_device_writes_to_it_and_keeps_it(tmp_path: Path):
    """A node of /dev/null's device, made in tmp_path: the test never touches /dev/null."""
    source = jsonl_input(tmp_path)
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    proc = run("clean", "--jsonl", str(source), "-o", str(device), "-q")
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert device.read_bytes() == b""  # still the null device: what it was given is gone
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "null"]


def test_one_input_with_o_file_writes_that_file(tmp_path: Path):
    out = tmp_path / "x.txt"
    proc = run("clean", str(FIXTURE / "input.txt"), "-o", str(out), "-q")
    assert proc.returncode == 0, proc.stderr
    assert out.is_file()
    assert out.read_text(encoding="utf-8") == EXPECTED + "\n"


def test_one_input_with_o_dir_still_writes_into_the_directory(tmp_path: Path):
    out = tmp_path / "clean"
    out.mkdir()
    proc = run("clean", str(FIXTURE / "input.txt"), "-o", str(out), "-q")
    assert proc.returncode == 0, proc.stderr
    assert (out / "input.txt").read_text(encoding="utf-8") == EXPECTED + "\n"
    proc = run("clean", str(FIXTURE / "input.txt"), "-o", str(tmp_path / "new") + "/", "-q")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "new" / "input.txt").is_file()


def test_one_input_file_into_a_symlink_follows_it(tmp_path: Path):
    real = tmp_path / "real.txt"
    real.write_text("old\n")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    proc = run("clean", str(FIXTURE / "input.txt"), "-o", str(link), "-q")
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == EXPECTED + "\n"
