"""One bad record never costs the batch (issue #14): whatever fails inside one JSONL record
becomes that record's error record, and the run goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from support.command import run_newsclean as run

from newsclean import records as jsonl

DEEP = b'{"text":"ok","x":' + b"[" * 1000 + b"]" * 1000 + b"}"
GOOD = {"id": 1, "text": "A short story that is cleaned.\n\nADVERTISEMENT"}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_record_nested_1000_levels_deep_is_an_error_record_and_the_run_goes_on(
    tmp_path: Path, jobs: str
):
    source = tmp_path / "in.jsonl"
    good = json.dumps(GOOD).encode()
    source.write_bytes(good + b"\n" + DEEP + b"\n" + good + b"\n")
    out = tmp_path / "out.jsonl"
    proc = run("clean", "--jsonl", str(source), "-o", str(out), "-j", jobs, "-q")
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr.decode()
    records = [json.loads(line) for line in out.read_bytes().splitlines()]
    assert len(records) == 3
    assert records[0]["text"] == records[2]["text"] == "A short story that is cleaned."
    assert records[1]["line"] == 2
    assert records[1]["error"].startswith("cannot read or clean the record: RecursionError")
    assert records[1]["raw"] == DEEP.decode()


def test_a_record_that_cannot_be_written_back_is_an_error_record(monkeypatch):
    def deep_dump(record, **kwargs):
        if "error" not in record:
            raise RecursionError("maximum recursion depth exceeded while encoding")
        return json.JSONEncoder(**kwargs).encode(record)

    line = json.dumps(GOOD).encode()
    monkeypatch.setattr(jsonl.json, "dumps", deep_dump)
    lines, tally = jsonl.RecordCleaner()(jsonl.Chunk(5, [line]))
    monkeypatch.undo()
    record = json.loads(lines)
    assert record["line"] == 5 and record["error"].startswith("cannot read or clean the record")
    assert (tally.documents, tally.errors) == (1, 1)


def lines_of_bytes():
    pieces = st.sampled_from(
        [b"{", b"}", b"[", b"]", b'"text"', b":", b",", b'"', b"\\", b"\\u", b"d800", b"1e999"]
        + [
            b"null",
            b"\xff",
            b"\xc3",
            b"\x00",
            b" ",
            b'"ok"',
            b"[" * 1100,
            b"[" * 100_000,
            b"{" * 600,
        ]
    )
    return st.one_of(
        st.binary(max_size=200), st.lists(st.one_of(pieces, st.binary(max_size=8))).map(b"".join)
    ).map(lambda line: line.replace(b"\n", b" "))


@given(st.lists(lines_of_bytes(), min_size=1, max_size=6))
@example([DEEP, b"[" * 100_000, b"\xff\x00{"])
def test_any_bytes_lines_give_one_record_each_in_order(lines: list[bytes]):
    """The record path never raises: every line gives exactly one JSON object line, in order."""
    out, tally = jsonl.RecordCleaner()(jsonl.Chunk(1, [line + b"\n" for line in lines]))
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == len(lines) == tally.documents
    errors = [r for r in records if "error" in r]
    assert [r["line"] for r in errors] == sorted(r["line"] for r in errors)
    assert all(1 <= r["line"] <= len(lines) for r in errors)
    assert len(errors) == tally.errors
