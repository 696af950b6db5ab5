"""The command line, run as a user runs it: in a subprocess, checking stdout, stderr and the
exit code. Errors must be one line naming the path, never a traceback."""

from __future__ import annotations

import json
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
    assert 'removed: "ADVERTISEMENT" by ads: ad label [ads.label]' in lines
    assert 'removed: "Share this page" by ads: promo or notice [ads.promo]' in lines


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
    # and per reason code: twice the counts of one file, most frequent first
    codes = newsclean.explain(RAW).code_counts()
    by_code = sorted(((k, 2 * v) for k, v in codes.items()), key=lambda kv: (-kv[1], kv[0]))
    line = next(x for x in summary.splitlines() if x.startswith("removed by code: "))
    assert line == "removed by code: " + ", ".join(f"{k} {v}" for k, v in by_code)
    assert "ads.label 2" in line and "furniture.byline 2" in line


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


def test_format_json_prints_one_object_with_the_text_metadata_and_changes():
    proc = run("clean", "--format", "json", str(FIXTURE / "input.txt"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == b""
    assert proc.stdout.count(b"\n") == 1  # one JSON object, on one line
    printed = json.loads(proc.stdout)
    assert printed == newsclean.explain(RAW.encode()).to_dict()
    assert printed["text"] == EXPECTED
    assert printed["metadata"]["byline"] == "By Sarah Jones"
    ad = next(c for c in printed["changes"] if c["code"] == "ads.label")
    assert ad == {
        "filter": "ads",
        "action": "removed",
        "code": "ads.label",
        "reason": "ad label",
        "before": "ADVERTISEMENT",
        "after": "",
    }


def test_format_text_is_the_default():
    plain = run("clean", str(FIXTURE / "input.txt"))
    text = run("clean", "--format", "text", str(FIXTURE / "input.txt"))
    assert text.returncode == 0 and text.stdout == plain.stdout == (EXPECTED + "\n").encode()


def test_format_json_reads_standard_input_too():
    proc = run("clean", "--format", "json", "-", stdin=b"ADVERTISEMENT\n\nJust a line.")
    assert proc.returncode == 0, proc.stderr
    printed = json.loads(proc.stdout)
    assert printed["text"] == "Just a line."
    assert [c["code"] for c in printed["changes"]] == ["ads.label"]


DUMP = str(FIXTURE / "input.txt")


@pytest.mark.parametrize(
    "args, message",
    [
        (["--metadata", DUMP], "--metadata adds metadata to JSONL records"),
        (["--field", "body", DUMP], "--field names the text field of JSONL records"),
        (["--field", "body", "-"], "--field names the text field of JSONL records"),
        (["--format", "json", "--explain", DUMP], "leave out --explain"),
        (["--format", "json", DUMP, "-o", "OUT"], "leave out -o"),
        (["--glob", "*.md", DUMP], "no PATH is a directory"),
        (["--glob", "*.md", DUMP, DUMP, "-o", "OUT"], "no PATH is a directory"),
        (["-j", "2", DUMP], "-j/--jobs applies to batches"),
        (["-j", "2", DUMP, "-o", "OUT.txt"], "-j/--jobs applies to batches"),
        (["--progress", DUMP], "--progress applies to batches"),
        (["--jsonl", "IN.jsonl", DUMP], "either --jsonl IN or FILE arguments"),
        (["--jsonl", "IN.jsonl", "--glob", "*.md"], "--glob"),
        (["--jsonl", "IN.jsonl", "--encoding", "latin-1"], "--encoding applies to files"),
        (["--jsonl", "IN.jsonl", "--format", "json"], "--jsonl writes JSONL"),
        (["--jsonl", "IN.jsonl", "--format", "text"], "--jsonl writes JSONL"),
    ],
)
def test_a_flag_that_does_not_apply_is_a_usage_error(args: list[str], message: str, tmp_path):
    proc = run("clean", *args, cwd=tmp_path, stdin=b"")
    assert proc.returncode == 2
    one_line_error(proc, message)
    assert proc.stdout == b""
    assert list(tmp_path.iterdir()) == []  # nothing written


@pytest.mark.parametrize(
    "args, message",
    [
        (["--field", "body", DUMP], "--field names the text field of JSONL records"),
        (["--glob", "*.md", DUMP], "no PATH is a directory"),
    ],
)
def test_a_report_flag_that_does_not_apply_is_a_usage_error(args, message, tmp_path):
    proc = run("report", *args, "-o", str(tmp_path / "r.html"))
    assert proc.returncode == 2
    one_line_error(proc, message)
    assert not (tmp_path / "r.html").exists()


def test_the_flags_that_do_apply_are_accepted(tmp_path: Path):
    tree = make_tree(tmp_path)
    proc = run("clean", str(tree), "-o", str(tmp_path / "out"), "--glob", "*.md", "-j", "1", "-q")
    assert proc.returncode == 0, proc.stderr
    proc = run("clean", "--encoding", "utf-8", "-q", DUMP)
    assert proc.returncode == 0 and proc.stdout.decode() == EXPECTED + "\n"


def test_explain_prints_one_line_per_change_and_shows_where_a_rewrite_changed(tmp_path: Path):
    dump = tmp_path / "dump.txt"
    dump.write_text(
        "The storm moved some 100km (60km) north of the town overnight, forecasters said.\n\n"
        "Residents of the town said the water rose faster than in any flood they could\n"
        "remember, and that the warnings came late.\n\n"
        "Tom &amp; Jerry, who run the bakery on the square, said they lost everything.\n",
        encoding="utf-8",
    )
    proc = run("clean", "--explain", str(dump))
    assert proc.returncode == 0, proc.stderr
    log = proc.stdout.decode().split("\n== removed and why\n")[1].splitlines()
    assert log[0] == "language: en"  # the metadata first, then the changes
    assert log[1:] == [
        'rewrote: "Tom [-&amp;-]{+&+} Jerry, who run the…" by unicode: '
        "HTML character references decoded [unicode.entities]",
        'rewrote: "…in any flood they could[-\\n\\n-]{+ +}remember, and that the…" by paragraphs: '
        "broken paragraph rejoined [paragraphs.rejoined]",
        'rewrote: "100km [-(60km)-]{+(60 miles)+}" by units: the converted figure fits miles, '
        "not km [units.wrong_unit]",
    ]
