"""Files in and out: inputs decompressed by their extension (.gz, .zst), binary files told from
text, and outputs written atomically (`atomic_output`): to a temporary file beside the target,
renamed over it only when complete, and removed on any failure or interruption."""

from __future__ import annotations

import gzip
import io
import os
import re
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .interrupts import on_terminate, sigint_deferred

ZSTD_SUFFIXES = (".zst", ".zstd")


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


def looks_binary(stream: IO[bytes]) -> bool:
    """Whether a JSONL input is a binary file (an image, an archive: see `is_binary`),
    judged from its first bytes without consuming them."""
    peek = getattr(stream, "peek", None)
    try:
        return peek is not None and is_binary(peek(SNIFF_BYTES)[:SNIFF_BYTES])
    except (OSError, EOFError):
        return False  # a truncated .gz, say: reported by the read itself


def read_lines(stream: IO[bytes], source: str) -> Iterator[bytes]:
    """The lines of `stream`; a failure to read (a truncated .gz, a device error) is an
    InputError naming `source`."""
    try:
        yield from stream
    except (OSError, EOFError) as exc:
        raise InputError(
            f"{source}: cannot read ({getattr(exc, 'strerror', None) or exc})"
        ) from None
