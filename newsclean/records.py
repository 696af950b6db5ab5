"""JSONL records: one line in, one record out, the text field cleaned or an error record, never a
missing line; lines grouped into chunks (`chunked`) for the workers (`RecordCleaner`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from . import Pipeline, explain
from .tally import Tally

CHUNK_LINES = 200  # records per chunk sent to a worker
CHUNK_BYTES = 4 << 20  # ... or fewer, once a chunk holds this many bytes


@dataclass(frozen=True)
class Chunk:
    first_line: int  # 1-based number of the chunk's first line in the input
    lines: list[bytes]


def error_record(message: str, line_no: int, raw: bytes) -> dict[str, Any]:
    return {
        "error": message,
        "line": line_no,
        "raw": raw.rstrip(b"\r\n").decode("utf-8", errors="replace"),
    }


def clean_record(
    raw: bytes,
    line_no: int,
    text_field: str,
    metadata: bool,
    pipeline: Pipeline | None = None,
    explained: bool = False,
) -> tuple[dict, Tally]:
    """One JSONL line in, one record out: the text field cleaned (by `pipeline`, default the
    default one), or an `error` record. Every
    failure inside one record, whatever its type (a RecursionError on JSON nested 1,000
    levels deep, say), is that record's error record: the run goes on. `metadata` adds
    `"newsclean": {"meta": ..., "removed": ...}` (without it the metadata is not looked for:
    `explain(metadata=False)`), `explained` adds the changes to it
    (`"newsclean": {"changes": [...]}`)."""
    try:
        return _clean_record(raw, line_no, text_field, metadata, pipeline, explained)
    except Exception as exc:  # noqa: BLE001 - one bad record must not stop the batch
        return failed_record(exc, line_no, raw)


def failed_record(exc: BaseException, line_no: int, raw: bytes) -> tuple[dict, Tally]:
    message = f"cannot read or clean the record: {type(exc).__name__}: {exc}"
    return error_record(message, line_no, raw), Tally(documents=1, errors=1, bytes=len(raw))


def _clean_record(
    raw: bytes,
    line_no: int,
    text_field: str,
    metadata: bool,
    pipeline: Pipeline | None,
    explained: bool,
) -> tuple[dict, Tally]:
    tally = Tally(documents=1, bytes=len(raw))
    try:
        record = json.loads(raw) if raw.strip() else None
    except UnicodeDecodeError as exc:
        message = f"not UTF-8 (byte {exc.start})"
    except ValueError as exc:
        message = f"not valid JSON: {exc}"
    else:
        value = record.get(text_field) if isinstance(record, dict) else None
        if record is None:
            message = "empty line"
        elif not isinstance(record, dict):
            message = f"not a JSON object but {type(record).__name__}"
        elif text_field not in record:
            message = f"no field {text_field!r}"
        elif not isinstance(value, str):
            message = f"field {text_field!r} is {type(value).__name__}, not a string"
        else:
            try:
                result = explain(value, pipeline, metadata=metadata)
            except Exception as exc:  # noqa: BLE001 - one bad record must not stop the batch
                message = f"cleaning failed: {type(exc).__name__}: {exc}"
            else:
                record[text_field] = result.text
                tally.count(result)
                added: dict[str, Any] = {}
                if metadata:
                    added = {"meta": result.meta, "removed": dict(result.counts())}
                if explained:
                    added["changes"] = [c.to_dict() for c in result.changes]
                if added:
                    record["newsclean"] = added
                return record, tally
    tally.errors = 1
    return error_record(message, line_no, raw), tally


def encode_record(record: dict) -> bytes:
    try:
        return json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"
    except UnicodeEncodeError:  # a lone surrogate from a \ud800 escape: keep it escaped
        return json.dumps(record).encode("ascii") + b"\n"


@dataclass(frozen=True)
class RecordCleaner:
    """Cleans a chunk of JSONL lines; a picklable callable, so it can run in a worker (the
    pipeline travels with it: its steps pickle by reference, its config by value)."""

    text_field: str = "text"
    metadata: bool = False
    pipeline: Pipeline | None = None
    explained: bool = False  # the changes in each record

    def __call__(self, chunk: Chunk) -> tuple[bytes, Tally]:
        out = []
        total = Tally()
        for offset, raw in enumerate(chunk.lines):
            line_no = chunk.first_line + offset
            record, tally = clean_record(
                raw, line_no, self.text_field, self.metadata, self.pipeline, self.explained
            )
            try:
                line = encode_record(record)
            except Exception as exc:  # noqa: BLE001 - a record too deep to write back, say
                record, tally = failed_record(exc, line_no, raw)
                line = encode_record(record)
            out.append(line)
            total.add(tally)
        return b"".join(out), total


def chunked(lines: Iterable[bytes]) -> Iterator[Chunk]:
    """Group lines into chunks of at most CHUNK_LINES lines or about CHUNK_BYTES bytes."""
    batch: list[bytes] = []
    size = 0
    first = 1
    for line_no, line in enumerate(lines, 1):
        if not batch:
            first = line_no
        batch.append(line)
        size += len(line)
        if len(batch) >= CHUNK_LINES or size >= CHUNK_BYTES:
            yield Chunk(first, batch)
            batch, size = [], 0
    if batch:
        yield Chunk(first, batch)
