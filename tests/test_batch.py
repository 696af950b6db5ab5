"""Batch cleaning: JSONL records (one output line per input line, in order, errors as records),
compressed inputs and outputs, workers, bounded read-ahead, atomic outputs, Ctrl-C."""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from support.command import run_newsclean as run
from support.command import run_on_a_terminal, screen
from support.data import EXPECTED, RAW, ROOT

import newsclean
from newsclean import files, records
from newsclean.dumps import FileJob, clean_file

GOOD = {"id": 1, "text": RAW, "url": "https://example.org/a"}


def jsonl_lines() -> list[bytes]:
    return [
        json.dumps(GOOD).encode(),
        b"{not json",
        json.dumps({"id": 3, "body": "no text field"}).encode(),
        json.dumps({"id": 4, "text": None}).encode(),
        b"",
        b'["a", "list"]',
        b'{"text": "caf\xe9"}',
        json.dumps({"id": 8, "text": "Short and fine."}).encode(),
    ]


def expected_records() -> list[dict]:
    return [
        {"id": 1, "text": EXPECTED, "url": "https://example.org/a"},
        {
            "error": "not valid JSON: Expecting property name enclosed in double quotes: "
            "line 1 column 2 (char 1)",
            "line": 2,
            "raw": "{not json",
        },
        {"error": "no field 'text'", "line": 3, "raw": '{"id": 3, "body": "no text field"}'},
        {
            "error": "field 'text' is NoneType, not a string",
            "line": 4,
            "raw": '{"id": 4, "text": null}',
        },
        {"error": "empty line", "line": 5, "raw": ""},
        {"error": "not a JSON object but list", "line": 6, "raw": '["a", "list"]'},
        {"error": "not UTF-8 (byte 13)", "line": 7, "raw": '{"text": "caf\ufffd"}'},
        {"id": 8, "text": "Short and fine."},
    ]


def write_jsonl(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def read_records(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode().splitlines()]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_every_line_gives_one_record_in_order_and_errors_are_records(tmp_path: Path, jobs: str):
    source = write_jsonl(tmp_path / "in.jsonl", jsonl_lines())
    out = tmp_path / "out.jsonl"
    proc = run("clean", "--jsonl", str(source), "-o", str(out), "-j", jobs)
    assert proc.returncode == 1  # some records failed
    assert read_records(out.read_bytes()) == expected_records()
    summary = proc.stderr.decode()
    assert summary.startswith("8 documents, 6 errors, ")
    assert "Traceback" not in summary


def test_jsonl_from_stdin_to_stdout_with_metadata_and_another_field():
    lines = [json.dumps({"body": RAW}), json.dumps({"body": "Just a line."})]
    proc = run(
        "clean",
        "--jsonl",
        "-",
        "--field",
        "body",
        "--metadata",
        "--quiet",
        stdin="\n".join(lines).encode(),
    )
    assert proc.returncode == 0
    assert proc.stderr == b""
    first, second = read_records(proc.stdout)
    assert first["body"] == EXPECTED
    result = newsclean.explain(RAW)
    assert first["newsclean"] == {"meta": result.meta, "removed": dict(result.counts())}
    assert first["newsclean"]["meta"]["author"] == "Sarah Jones"
    assert second == {"body": "Just a line.", "newsclean": {"meta": {}, "removed": {}}}


@pytest.mark.parametrize("suffix", [".gz", ".zst"])
def test_compressed_input_and_output_by_extension(tmp_path: Path, suffix: str):
    payload = (json.dumps(GOOD) + "\n").encode() * 3
    source = tmp_path / f"in.jsonl{suffix}"
    out = tmp_path / f"out.jsonl{suffix}"
    if suffix == ".gz":
        source.write_bytes(gzip.compress(payload))
    else:
        zstandard = pytest.importorskip("zstandard", reason="zstandard is not installed")
        source.write_bytes(zstandard.ZstdCompressor().compress(payload))
    proc = run("clean", "--jsonl", str(source), "-o", str(out), "-j", "2")
    assert proc.returncode == 0, proc.stderr
    stream, _ = files.open_input(str(out))
    with stream:
        assert read_records(stream.read()) == [expected_records()[0]] * 3


def test_missing_jsonl_input_is_a_one_line_usage_error(tmp_path: Path):
    proc = run("clean", "--jsonl", str(tmp_path / "none.jsonl"), "-o", str(tmp_path / "o.jsonl"))
    assert proc.returncode == 2
    assert proc.stderr.decode() == f"newsclean: {tmp_path / 'none.jsonl'}: no such file\n"
    assert not (tmp_path / "o.jsonl").exists()


def test_jsonl_output_onto_a_directory_is_a_usage_error(tmp_path: Path):
    source = write_jsonl(tmp_path / "in.jsonl", [json.dumps(GOOD).encode()])
    proc = run("clean", "--jsonl", str(source), "-o", str(tmp_path))
    assert proc.returncode == 2
    assert "is a directory" in proc.stderr.decode()


def test_interrupted_run_leaves_no_output_and_says_how_far_it_got(tmp_path: Path):
    source = tmp_path / "big.jsonl"
    source.write_bytes((json.dumps(GOOD) + "\n").encode() * 80_000)  # 100 MB: runs for a while
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsclean", "clean", "--jsonl", str(source), "-o", str(out)]
        + ["-j", "2", "--progress"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        # Ctrl-C as at a terminal, even where these tests run with SIGINT ignored (started in
        # the background by a shell without job control), which the child would inherit
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stderr.read(1) == b"\r"  # the first progress line: records are being cleaned
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    message = err.decode().rsplit("\r", 1)[-1].strip()
    assert message.startswith("newsclean: interrupted after ")
    assert message.endswith(" records (nothing written)")
    assert "Traceback" not in err.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.jsonl"]


def test_clean_record_turns_a_failing_clean_into_an_error_record(monkeypatch):
    def broken(text: str, pipeline=None, metadata=True):
        raise RuntimeError("boom")

    monkeypatch.setattr(records, "explain", broken)
    record, tally = records.clean_record(b'{"text": "x"}', 7, "text", False)
    assert record == {
        "error": "cleaning failed: RuntimeError: boom",
        "line": 7,
        "raw": '{"text": "x"}',
    }
    assert (tally.documents, tally.errors) == (1, 1)


def described_pipeline(seen: list[str]) -> newsclean.Pipeline:
    """The default pipeline and a step that only describes, which notes each text it sees."""

    @newsclean.step("note_seen", "notes the texts it describes", describes=True)
    def note_seen(doc):
        seen.append(doc.text())
        doc.meta["language"] = "la"

    return newsclean.DEFAULT_PIPELINE.insert_before("describe", note_seen)


def test_a_record_without_metadata_is_not_described_and_counts_the_same_changes():
    seen: list[str] = []
    pipeline = described_pipeline(seen)
    line = json.dumps(GOOD).encode()
    lean, lean_tally = records.clean_record(line, 1, "text", False, pipeline)
    assert seen == [] and "newsclean" not in lean
    full, full_tally = records.clean_record(line, 1, "text", True, pipeline)
    assert seen and full["newsclean"]["meta"]["language"] == "la"
    assert full["newsclean"]["meta"]["page_type"] == "article"
    assert lean["text"] == full["text"] == EXPECTED
    assert lean_tally == full_tally and sum(full_tally.codes.values()) > 5


def test_a_file_cleaned_to_a_file_is_not_described_and_counts_the_same_changes(tmp_path: Path):
    seen: list[str] = []
    source, target = tmp_path / "in.txt", tmp_path / "out" / "in.txt"
    source.write_text(RAW, encoding="utf-8")
    tally, error = clean_file(FileJob(str(source), str(target), pipeline=described_pipeline(seen)))
    assert error is None and seen == []
    assert target.read_text(encoding="utf-8") == EXPECTED + "\n"
    assert tally.codes == newsclean.explain(RAW).code_counts() and sum(tally.codes.values()) > 5


def test_chunks_keep_line_numbers():
    lines = [b"%d" % i for i in range(records.CHUNK_LINES * 2 + 5)]
    chunks = list(records.chunked(lines))
    step = records.CHUNK_LINES
    assert [c.first_line for c in chunks] == [1, step + 1, 2 * step + 1]
    assert [line for c in chunks for line in c.lines] == lines


def test_atomic_output_leaves_nothing_when_interrupted(tmp_path: Path):
    target = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        with files.atomic_output(str(target)) as out:
            out.write(b"half a line")
            raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []
    with files.atomic_output(str(target)) as out:
        out.write(b"done\n")
        assert not target.exists()  # appears only when complete
    assert target.read_bytes() == b"done\n"


def test_truncated_gzip_is_a_one_line_error_and_leaves_no_output(tmp_path: Path):
    source = tmp_path / "cut.jsonl.gz"
    source.write_bytes(gzip.compress((json.dumps(GOOD) + "\n").encode() * 50)[:200])
    proc = run("clean", "--jsonl", str(source), "-o", str(tmp_path / "out.jsonl"))
    assert proc.returncode == 2
    assert proc.stderr.decode().startswith(f"newsclean: {source}: cannot read (")
    assert proc.stderr.decode().count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cut.jsonl.gz"]


def test_a_reader_that_goes_away_ends_the_run_quietly(tmp_path: Path):
    source = write_jsonl(tmp_path / "in.jsonl", [json.dumps({"text": "A line."}).encode()] * 50_000)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "newsclean", "clean", "--jsonl", str(source), "-j", "2", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdout.readline() == b'{"text": "A line."}\n'
    proc.stdout.close()  # like `| head -1`
    assert proc.wait(timeout=60) == 0
    assert proc.stderr.read() == b""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jsonl_explain_puts_each_record_s_changes_in_it(tmp_path: Path, jobs: str):
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(jsonl_lines()) + b"\n")
    out = tmp_path / "out.jsonl"
    proc = run("clean", "--jsonl", str(source), "-o", str(out), "--explain", "-j", jobs, "-q")
    assert proc.returncode == 1  # the bad records
    records = read_records(out.read_bytes())
    changes = [c.to_dict() for c in newsclean.explain(RAW).changes]
    assert records[0] == {**expected_records()[0], "newsclean": {"changes": changes}}
    assert {"filter": "media", "action": "removed", "code": "media.label"}.items() <= next(
        c for c in records[0]["newsclean"]["changes"] if c["code"] == "media.label"
    ).items()
    assert records[-1] == {"id": 8, "text": "Short and fine.", "newsclean": {"changes": []}}
    # the error records are as without --explain
    assert records[1:-1] == expected_records()[1:-1]


def test_jsonl_explain_and_metadata_share_the_newsclean_key():
    proc = run(
        "clean", "--jsonl", "-", "--explain", "--metadata", "-q", stdin=json.dumps(GOOD).encode()
    )
    assert proc.returncode == 0, proc.stderr
    (record,) = read_records(proc.stdout)
    result = newsclean.explain(RAW)
    assert record["newsclean"] == {
        "meta": result.meta,
        "removed": dict(result.counts()),
        "changes": [c.to_dict() for c in result.changes],
    }


def test_the_summary_counts_removals_per_reason_code(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(jsonl_lines()) + b"\n")
    proc = run("clean", "--jsonl", str(source), "-o", str(tmp_path / "out.jsonl"), "-j", "1")
    summary = proc.stderr.decode().splitlines()
    codes = newsclean.explain(RAW).code_counts()
    codes.update(newsclean.explain("Short and fine.").code_counts())
    expected = sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))
    assert summary[-1] == "removed by code: " + ", ".join(f"{k} {v}" for k, v in expected)
    assert "media.label 2" in summary[-1]


# the progress line (drawn by tqdm), seen as a user sees it: on a terminal, or in what a
# terminal would show of the bytes written to stderr (`screen`)

# " 40%|████      | 1.62MB/4.06MB [00:02<00:03, 522kB/s, 800 docs]"
BAR = re.compile(r"\d+%\|.*\| [\d.]+[kMG]?B/[\d.]+[kMG]?B \[.*, [\d,]+ docs\]")


def dump_dir(tmp_path: Path, files: int = 30, bad: str | None = None) -> Path:
    """A folder of `files` copies of the fixture page, and a binary file named `bad`."""
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(1, files + 1):
        (folder / f"a{number:02d}.txt").write_text(RAW, encoding="utf-8")
    if bad:
        (folder / bad).write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return folder


def timeless(lines: list[str]) -> list[str]:
    """The summary's lines with the time and rate taken out: they differ from run to run."""
    return [re.sub(r"in [\d.]+ s \([\d.]+ MB/s\)", "in - s (- MB/s)", line) for line in lines]


@pytest.mark.parametrize("kind", ["files", "jsonl"])
def test_on_a_terminal_the_progress_line_shows_percent_and_docs_then_clears(
    tmp_path: Path, kind: str
):
    if kind == "files":
        args = [str(dump_dir(tmp_path)), "-o", str(tmp_path / "out")]
    else:
        source = write_jsonl(tmp_path / "in.jsonl", [json.dumps(GOOD).encode()] * 600)
        args = ["--jsonl", str(source), "-o", str(tmp_path / "out.jsonl")]
    code, received = run_on_a_terminal("clean", *args, "-j", "2")  # no --progress: a terminal
    assert code == 0, received
    assert BAR.search(received), received  # the percentage, the bar, kB of kB, the documents
    # nothing is left of the line once the summary is printed: the terminal shows the summary,
    # exactly as without the progress line
    quiet = run("clean", *args, "-j", "2")
    assert quiet.stderr.decode().startswith(("30 documents, 0 errors", "600 documents, 0 errors"))
    assert timeless(screen(received)) == timeless(quiet.stderr.decode().splitlines())


def test_an_error_during_a_batch_is_on_a_line_of_its_own(tmp_path: Path):
    folder = dump_dir(tmp_path, bad="a15b.txt")  # cleaned after a01..a15: the line is drawn
    proc = run("clean", str(folder), "-o", str(tmp_path / "out"), "-j", "1", "--progress")
    assert proc.returncode == 1
    err = proc.stderr.decode()
    error = f"newsclean: {folder / 'a15b.txt'}: binary data, not text"
    assert BAR.search(err[: err.index(error)]), err  # the progress line came first
    shown = screen(err)
    assert shown[0] == error  # not glued to the progress line, none of which is left
    assert shown[1].startswith("31 documents, 1 errors, ")
    assert shown[-1] == "failed: 1 (listed above)"
    assert not any(BAR.search(line) or "docs" in line for line in shown)


def test_from_standard_input_the_progress_line_counts_documents(tmp_path: Path):
    lines = b"\n".join([json.dumps(GOOD).encode()] * 400) + b"\n"
    proc = run("clean", "--jsonl", "-", "-o", str(tmp_path / "o.jsonl"), "--progress", stdin=lines)
    assert proc.returncode == 0
    err = proc.stderr.decode()
    assert re.search(r"\r[\d,]+ docs \[[\d:]+, .* MB, [\d.]+ MB/s\]", err), err  # size unknown
    assert "%" not in err
    assert screen(err)[0].startswith("400 documents, 0 errors, ")


def test_without_a_terminal_or_with_quiet_there_is_no_progress_line(tmp_path: Path):
    folder = dump_dir(tmp_path)
    piped = run("clean", str(folder), "-o", str(tmp_path / "out1"))  # stderr is a pipe
    assert piped.returncode == 0
    assert piped.stderr.decode().startswith("30 documents, 0 errors, ")
    assert "\r" not in piped.stderr.decode()
    assert "docs" not in piped.stderr.decode()
    assert run("clean", str(folder), "-o", str(tmp_path / "out2"), "-q", "--progress").stderr == b""
    code, received = run_on_a_terminal("clean", str(folder), "-o", str(tmp_path / "out3"), "-q")
    assert (code, received) == (0, "")


def test_the_percentage_counts_what_is_cleaned_not_what_is_read(tmp_path: Path):
    # JSONL: the first of 6 chunks is cleaned while all 6 have been read (2 workers, 3 each)
    source = write_jsonl(
        tmp_path / "in.jsonl", [json.dumps(GOOD).encode()] * records.CHUNK_LINES * 6
    )
    out = tmp_path / "o.jsonl"
    err = run("clean", "--jsonl", str(source), "-o", str(out), "-j", "2", "--progress").stderr
    first = BAR.search(err.decode())  # the line's first drawing: the first chunk's results
    assert first and first.group().startswith("17%|"), err.decode()
    # compressed files: the first of 10 is 10% of the input, whatever it holds decompressed
    folder = tmp_path / "gz"
    folder.mkdir()
    for number in range(10):
        (folder / f"{number}.txt.gz").write_bytes(gzip.compress(RAW.encode(), mtime=0))
    out = tmp_path / "out"
    err = run(
        "clean", str(folder), "--glob", "*.gz", "-o", str(out), "-j", "1", "--progress"
    ).stderr
    first = BAR.search(err.decode())
    assert first and first.group().startswith("10%|"), err.decode()
