"""Dump files cleaned into their target files, one job each (`clean_file`, run by the workers of
`newsclean clean PATH... -o DIR`): the error, if any, as a line naming the file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import DecodeError, Pipeline, Result, explain
from .files import InputError, atomic_output, read_document
from .tally import Tally


def explain_document(
    data: str | bytes, name: str, pipeline: Pipeline | None = None, metadata: bool = True
) -> Result:
    """`explain()` on a document read from `name` (`metadata` as there); bytes that decode to
    no text (DecodeError) are an InputError naming it."""
    try:
        return explain(data, pipeline, metadata=metadata)
    except DecodeError:
        raise InputError(f"{name}: cannot decode as text (give --encoding)") from None


@dataclass(frozen=True)
class FileJob:
    source: str
    target: str
    encoding: str | None = None
    pipeline: Pipeline | None = None


def clean_file(job: FileJob) -> tuple[Tally, str | None]:
    """Clean one dump file into its target file; the tally, and the error if it failed. The
    file holds the text alone, so the metadata is not looked for (`explain(metadata=False)`);
    the tally counts the same changes."""
    tally = Tally(documents=1)
    try:
        data = read_document(job.source, job.encoding)
        tally.bytes = len(data.encode("utf-8") if isinstance(data, str) else data)
        result = explain_document(data, job.source, job.pipeline, metadata=False)
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
