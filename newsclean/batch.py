"""Batch cleaning: JSONL records and files, in worker processes, streaming and in input order.

Memory stays bounded whatever the input's size: input is read in chunks of lines, and only a
fixed window of chunks is in flight at once (`parallel.ordered_map`), so a 1 GB JSONL file
needs no more memory than a 1 MB one. Outputs are written atomically (`atomic_output`): to a
temporary file beside the target, renamed over it only when complete.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import stat
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from . import DecodeError, Pipeline, Result, explain
from .interrupts import on_terminate, sigint_deferred

CHUNK_LINES = 200  # records per chunk sent to a worker
CHUNK_BYTES = 4 << 20  # ... or fewer, once a chunk holds this many bytes
ZSTD_SUFFIXES = (".zst", ".zstd")


@dataclass
class Tally:
    """What a batch did: documents seen, how many failed, input bytes, removals per filter and
    per reason code."""

    documents: int = 0
    errors: int = 0
    bytes: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    codes: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        self.documents += other.documents
        self.errors += other.errors
        self.bytes += other.bytes
        self.removed.update(other.removed)
        self.codes.update(other.codes)

    def count(self, result: Result) -> None:
        """Add the removals (and moves to metadata) of one result."""
        self.removed.update(result.counts())
        self.codes.update(result.code_counts())


# -- JSONL records ---------------------------------------------------------------------------


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
    `"newsclean": {"meta": ..., "removed": ...}`, `explained` adds the changes to it
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
                result = explain(value, pipeline)
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


# -- files -----------------------------------------------------------------------------------


def compression(path: str) -> str:
    if path.endswith(".gz"):
        return "gzip"
    if path.endswith(ZSTD_SUFFIXES):
        return "zstd"
    return ""


def zstandard_module() -> Any:
    try:
        import zstandard
    except ImportError:
        raise OSError("zstd files need the zstandard package: pip install zstandard") from None
    return zstandard


def open_input(path: str) -> tuple[IO[bytes], IO[bytes]]:
    """The decompressed byte stream of `path` (`-` is standard input), and the raw stream under
    it, whose position says how far through the file a reader is."""
    raw: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    kind = compression(path)
    if kind == "gzip":
        return gzip.GzipFile(fileobj=raw), raw  # type: ignore[return-value]
    if kind == "zstd":
        reader = zstandard_module().ZstdDecompressor().stream_reader(raw, read_across_frames=True)
        return io.BufferedReader(reader), raw  # buffered: the zstd reader cannot read lines
    return raw, raw


def replaceable(path: str) -> bool:
    """Whether an output at `path` is written atomically: a regular file, or nothing yet, once
    symlinks are followed. A character device (/dev/null), a named pipe or a socket is written
    to as it is: renaming a file over it would replace the device or the pipe."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return True
    return stat.S_ISREG(mode)


# the temporary files of the atomic outputs being written, and the process writing each: a worker
# that its pool stops removes its own before it exits (a forked worker inherits this table)
TEMPORARIES: dict[Path, int] = {}


@on_terminate
def remove_temporaries() -> None:
    for tmp, pid in list(TEMPORARIES.items()):
        if pid == os.getpid():
            tmp.unlink(missing_ok=True)


@contextmanager
def atomic_output(path: str) -> Iterator[IO[bytes]]:
    """A binary stream for `path`, compressed by its extension. A regular file appears at
    `path` only when the block completes (written beside it, then renamed into place); on any
    error or interruption the temporary file is removed. A symlink is followed: the file it
    names is replaced, the link stays. A device, pipe or socket is written to directly. A
    second Ctrl-C cannot cut the removal short."""
    target = Path(os.path.realpath(path))
    direct = not replaceable(str(target))
    tmp = target if direct else target.with_name(f".{target.name}.{os.getpid()}.tmp")
    kind = compression(path)
    zstandard = zstandard_module() if kind == "zstd" else None  # missing: fail before opening
    raw = None
    if not direct:
        TEMPORARIES[tmp] = os.getpid()
    try:  # everything from the open on: a Ctrl-C at any point removes the temporary file
        raw = open(tmp, "wb")  # noqa: SIM115
        stream: Any = raw
        if kind == "gzip":
            stream = gzip.GzipFile(filename=target.name, fileobj=raw, mode="wb", mtime=0)
        elif zstandard is not None:
            stream = zstandard.ZstdCompressor().stream_writer(raw, closefd=False)
        yield stream
        if stream is not raw:
            stream.close()
        raw.close()
        if not direct:
            os.replace(tmp, target)
    except BaseException:
        with sigint_deferred():
            if raw is not None:
                raw.close()
            if not direct:
                tmp.unlink(missing_ok=True)
        raise
    finally:
        TEMPORARIES.pop(tmp, None)


# -- progress --------------------------------------------------------------------------------


class Progress:
    """One self-rewriting status line on stderr: documents, MB, MB/s, and the ETA when the
    input's size is known. Hand-written: it is twenty lines, and needs no dependency."""

    INTERVAL = 0.25  # seconds between redraws
    WIDTH = 72  # padding that blanks out a longer earlier line

    def __init__(self, enabled: bool, total_bytes: int | None = None):
        self.enabled = enabled
        self.total = total_bytes
        self.start = time.monotonic()
        self.last = 0.0

    def update(self, tally: Tally, done_bytes: int | None = None) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.last < self.INTERVAL:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        mb = tally.bytes / 1e6
        line = f"{tally.documents:,} docs  {mb:,.1f} MB  {mb / elapsed:.1f} MB/s"
        done = tally.bytes if done_bytes is None else done_bytes
        if self.total and 0 < done <= self.total:
            eta = clock(elapsed * (self.total - done) / done)
            line += f"  {100 * done / self.total:.0f}%  ETA {eta}"
        sys.stderr.write(f"\r{line:<{self.WIDTH}}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self.last:
            sys.stderr.write(f"\r{'':<{self.WIDTH}}\r")
            sys.stderr.flush()


def clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes // 60}:{minutes % 60:02d}:{secs:02d}"


def summary(tally: Tally, seconds: float) -> str:
    mb = tally.bytes / 1e6
    rate = mb / max(seconds, 1e-9)
    lines = [
        f"{tally.documents:,} documents, {tally.errors:,} errors, "
        + f"{mb:,.1f} MB in {seconds:.1f} s ({rate:.1f} MB/s)"
    ]
    if tally.removed:
        lines.append("removed: " + ", ".join(f"{k} {v:,}" for k, v in tally.removed.most_common()))
    if tally.codes:
        by_code = sorted(tally.codes.items(), key=lambda kv: (-kv[1], kv[0]))
        lines.append("removed by code: " + ", ".join(f"{k} {v:,}" for k, v in by_code))
    return "\n".join(lines)


# -- documents in files ----------------------------------------------------------------------


class InputError(Exception):
    """An input that cannot be cleaned (missing, unreadable, binary, not UTF-8): one line."""


# the first bytes of files that are never text: images, archives, compressed data, documents,
# executables, media, databases
BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"%PDF-",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\x1f\x8b",
    b"\x28\xb5\x2f\xfd",
    b"BZh",
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"\x7fELF",
    b"MZ",
    b"\xca\xfe\xba\xbe",
    b"SQLite format 3\x00",
    b"OggS",
    b"ID3",
    b"\x00\x00\x01\x00",
    b"wOFF",
    b"wOF2",
)
RIFF_MAGIC = re.compile(rb"RIFF....(?:WEBP|WAVE|AVI )", re.S)
MP4_MAGIC = re.compile(rb"....ftyp", re.S)
SNIFF_BYTES = 8192
# bytes that text does not hold (controls other than tab, line breaks, form feed and ESC)
NON_TEXT_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
MAX_NON_TEXT_SHARE = 0.1


def is_binary(data: bytes) -> bool:
    """A file that really is binary: an image, an archive, an executable (magic numbers), or
    mostly bytes text does not hold. A few stray NUL bytes in text are no reason to refuse it:
    the cleaning drops them. (UTF-16 text with a byte-order mark is text.)"""
    head = data[:SNIFF_BYTES]
    if head.startswith(BINARY_MAGIC) or RIFF_MAGIC.match(head) or MP4_MAGIC.match(head):
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or not head:
        return False
    non_text = len(head) - len(head.translate(None, NON_TEXT_BYTES))
    return non_text > MAX_NON_TEXT_SHARE * len(head)


def read_document(path: str, encoding: str | None = None) -> str | bytes:
    """A dump file's contents (`-` is standard input; .gz and .zst are decompressed): bytes,
    which `explain()` decodes as `clean(bytes)` does, or text decoded from `encoding` (with
    replacement characters) when one is given. A binary file is an InputError."""
    try:
        stream, _ = open_input(path)
        with stream:
            data = stream.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except (OSError, EOFError) as exc:
        raise InputError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    if is_binary(data):
        raise InputError(f"{path}: binary data, not text")
    return data.decode(encoding, errors="replace") if encoding else data


def explain_document(data: str | bytes, name: str, pipeline: Pipeline | None = None) -> Result:
    """`explain()` on a document read from `name`; bytes that decode to no text (DecodeError)
    are an InputError naming it."""
    try:
        return explain(data, pipeline)
    except DecodeError:
        raise InputError(f"{name}: cannot decode as text (give --encoding)") from None


@dataclass(frozen=True)
class FileJob:
    source: str
    target: str
    encoding: str | None = None
    pipeline: Pipeline | None = None


def clean_file(job: FileJob) -> tuple[Tally, str | None]:
    """Clean one dump file into its target file; the tally, and the error if it failed."""
    tally = Tally(documents=1)
    try:
        data = read_document(job.source, job.encoding)
        tally.bytes = len(data.encode("utf-8") if isinstance(data, str) else data)
        result = explain_document(data, job.source, job.pipeline)
        Path(job.target).parent.mkdir(parents=True, exist_ok=True)
        with atomic_output(job.target) as out:
            out.write(result.text.encode("utf-8") + b"\n")
    except InputError as exc:
        tally.errors = 1
        return tally, str(exc)
    except OSError as exc:
        tally.errors = 1
        return tally, f"{job.target}: cannot write ({exc.strerror or exc})"
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
        tally.errors = 1
        return tally, f"{job.source}: cleaning failed: {type(exc).__name__}: {exc}"
    tally.count(result)
    return tally, None
