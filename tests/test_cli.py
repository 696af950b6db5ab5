"""The command line, run as a user runs it: in a subprocess, checking stdout, stderr and the
exit code. Errors must be one line naming the path, never a traceback."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from command import run_newsclean

import newsclean

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "bbc_like"
RAW = (FIXTURE / "input.txt").read_text(encoding="utf-8")
EXPECTED = (FIXTURE / "expected.txt").read_text(encoding="utf-8").strip()


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None):
    return run_newsclean(*args, stdin=stdin, cwd=cwd)


def one_line_error(proc: subprocess.CompletedProcess, *fragments: str) -> None:
    err = proc.stderr.decode()
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    assert err.startswith("newsclean: ")
    for fragment in fragments:
        assert fragment in err


def test_clean_file_prints_the_clean_text():
    proc = run("clean", str(FIXTURE / "input.txt"))
    assert proc.returncode == 0
    assert proc.stdout.decode() == EXPECTED + "\n"
    assert proc.stderr == b""


def test_clean_dash_reads_stdin():
    proc = run("clean", "-", stdin=RAW.encode())
    assert proc.returncode == 0
    assert proc.stdout.decode() == EXPECTED + "\n"


def test_explain_prints_the_text_then_every_removal_and_its_reason():
    proc = run("clean", "--explain", str(FIXTURE / "input.txt"))
    assert proc.returncode == 0
    out = proc.stdout.decode()
    article, removed = out.split("\n== removed and why\n")
    assert article == "== article\n" + EXPECTED + "\n"
    lines = removed.splitlines()
    assert "byline: By Sarah Jones" in lines
    assert 'removed: "ADVERTISEMENT" by ads: ad label' in lines
    assert 'removed: "Share this page" by ads: promo or notice' in lines


def test_filters_lists_the_default_pipeline_in_order():
    proc = run("filters")
    assert proc.returncode == 0
    names = [line.split()[0] for line in proc.stdout.decode().splitlines()]
    assert names == newsclean.DEFAULT_PIPELINE.names


def test_missing_file_is_a_one_line_usage_error():
    proc = run("clean", "no/such/file.txt")
    assert proc.returncode == 2
    assert proc.stdout == b""
    one_line_error(proc, "no/such/file.txt", "no such file")


def test_directory_where_a_file_is_expected(tmp_path: Path):
    proc = run("clean", str(tmp_path))
    assert proc.returncode == 2
    one_line_error(proc, str(tmp_path), "is a directory")


def test_binary_input_is_refused(tmp_path: Path):
    image = tmp_path / "photo.jpg"
    image.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01")
    proc = run("clean", str(image))
    assert proc.returncode == 2
    one_line_error(proc, str(image), "binary")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_a_one_line_usage_error(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("text")
    secret.chmod(0)
    proc = run("clean", str(secret))
    assert proc.returncode == 2
    one_line_error(proc, str(secret), "permission denied")


def test_several_inputs_need_an_output_directory(tmp_path: Path):
    proc = run("clean", str(FIXTURE / "input.txt"), str(FIXTURE / "expected.txt"))
    assert proc.returncode == 2
    one_line_error(proc, "-o DIR")


def test_nothing_to_clean_is_a_usage_error():
    proc = run("clean")
    assert proc.returncode == 2
    one_line_error(proc, "nothing to clean")


def make_tree(root: Path) -> Path:
    tree = root / "dumps"
    (tree / "world" / "europe").mkdir(parents=True)
    (tree / "world" / "one.txt").write_text(RAW, encoding="utf-8")
    (tree / "world" / "europe" / "two.txt").write_text(RAW, encoding="utf-8")
    (tree / "notes.md").write_text("not a .txt file", encoding="utf-8")
    return tree


def test_directory_is_cleaned_into_a_mirrored_tree(tmp_path: Path):
    tree = make_tree(tmp_path)
    out = tmp_path / "clean"
    proc = run("clean", str(tree), "-o", str(out), "-j", "2")
    assert proc.returncode == 0, proc.stderr
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["world/europe/two.txt", "world/one.txt"]
    assert (out / "world" / "one.txt").read_text(encoding="utf-8") == EXPECTED + "\n"
    summary = proc.stderr.decode()
    assert summary.startswith("2 documents, 0 errors, ")
    assert "removed: " in summary and "ads 10" in summary


def test_glob_picks_the_files_taken_from_directories(tmp_path: Path):
    tree = make_tree(tmp_path)
    out = tmp_path / "clean"
    proc = run("clean", str(tree), "-o", str(out), "--glob", "*.md", "--quiet")
    assert proc.returncode == 0
    assert proc.stderr == b""
    assert [p.name for p in out.rglob("*") if p.is_file()] == ["notes.md"]
    assert (out / "notes.md").read_text(encoding="utf-8") == "not a .txt file\n"


def test_batch_goes_on_past_bad_inputs_and_reports_them(tmp_path: Path):
    tree = make_tree(tmp_path)
    (tree / "world" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tree / "world" / "cp1252.txt").write_bytes(b"\x93quoted\x94\n")
    out = tmp_path / "clean"
    proc = run("clean", str(tree), "-o", str(out), "-j", "2")
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert "Traceback" not in err
    assert f"newsclean: {tree / 'world' / 'image.txt'}: binary data, not text" in err
    assert "cp1252.txt" not in err  # decoded, as clean(bytes) decodes it
    assert "4 documents, 1 errors, " in err
    assert "failed: 1 (listed above)" in err
    assert (out / "world" / "cp1252.txt").read_text(encoding="utf-8") == "\u201cquoted\u201d\n"
    assert (out / "world" / "one.txt").read_text(encoding="utf-8") == EXPECTED + "\n"
    assert (out / "world" / "europe" / "two.txt").exists()
    assert not (out / "world" / "image.txt").exists()


def test_missing_path_in_a_batch_is_a_usage_error_after_the_rest_is_done(tmp_path: Path):
    out = tmp_path / "clean"
    proc = run("clean", "missing.txt", str(FIXTURE / "input.txt"), "-o", str(out))
    assert proc.returncode == 2
    assert "newsclean: missing.txt: no such file or directory" in proc.stderr.decode()
    assert (out / "input.txt").read_text(encoding="utf-8") == EXPECTED + "\n"


def test_two_inputs_that_would_overwrite_each_other_are_refused(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "input.txt").write_text(RAW, encoding="utf-8")
    proc = run("clean", str(tmp_path / "a" / "input.txt"), str(FIXTURE / "input.txt"), "-o", "out")
    assert proc.returncode == 2
    one_line_error(proc, "would both be written to")
