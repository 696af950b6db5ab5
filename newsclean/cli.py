"""The `newsclean` command line.

    newsclean clean FILE                   print the clean text of FILE (`-` reads standard input)
    newsclean clean --explain FILE         also print the metadata found and every change, and why
    newsclean clean --format json FILE     one JSON object: text, metadata and every change
    newsclean clean PATH... -o DIR         clean files and directories into DIR, mirroring the tree
    newsclean clean --jsonl IN -o OUT      clean the text field of every JSONL record
                                           (--explain: with its changes; --metadata: with
                                           its metadata)
    newsclean filters                      list the pipeline's steps (default, or --config's)
    newsclean eval CORPUS_DIR              precision, recall and F1 on labelled pages (--json)
    newsclean report PATH... -o FILE.html  an HTML report of what was removed from each input

Usage errors (a missing file, a directory where a file is expected, an unreadable or binary
input, a flag that does not apply to what was asked: see `check_clean_flags`) give a one-line
message on stderr and exit code 2, never a traceback. In batch mode the
other inputs are still cleaned; exit code 1 says that some inputs or records failed.

`clean`, `filters`, `eval` and `report` take the pipeline options: `--config FILE` (a TOML file:
see docs/configuration.md), `--without STEP` (repeatable) and `--phrases DIR` (repeatable: a
folder of the user's own phrase files, read after the shipped lists and those --config names;
`--no-shipped-phrases` leaves the shipped lists out).
The pipeline they make is the one every file, record and worker process is cleaned with.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import closing, nullcontext
from pathlib import Path
from typing import IO

from . import DEFAULT_PIPELINE, Pipeline, __version__, clean
from .config import ConfigError, load_pipeline
from .dumps import FileJob, clean_file, explain_document
from .files import (
    InputError,
    atomic_output,
    looks_binary,
    open_input,
    read_document,
    read_lines,
    replaceable,
)
from .interrupts import ignore_sigint
from .parallel import WorkerDied, default_jobs, ordered_map
from .phrases import PhraseError
from .progress import Progress
from .records import Chunk, RecordCleaner, chunked, encode_record
from .tally import Tally, summary

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """A problem with what the user asked for: printed as one line, exit code 2."""


class Interrupted(Exception):
    """Ctrl-C: the message says how far the run got."""


def say(message: str) -> None:
    print(f"newsclean: {message}", file=sys.stderr)


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def encoding_name(value: str) -> str:
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r}") from None


def cmd_clean(args: argparse.Namespace) -> int:
    check_clean_flags(args)
    if args.jsonl:
        return clean_jsonl(args)
    if not args.paths:
        raise UsageError("nothing to clean: give a FILE, a directory, - or --jsonl IN")
    if args.output:
        return clean_files(args)
    if len(args.paths) > 1:
        raise UsageError(f"{len(args.paths)} inputs: give -o DIR to write one clean file each")
    return clean_to_stdout(
        args.paths[0], args.explain, args.encoding, args.pipeline, args.format == "json"
    )


def check_clean_flags(args: argparse.Namespace) -> None:
    """A flag that does nothing for what was asked is a usage error, never silently ignored:

    - with --jsonl: FILE arguments, --glob and --encoding (JSONL is UTF-8), --format (the
      output is JSONL);
    - without --jsonl: --field and --metadata (they are about JSONL records);
    - --format json with --explain (the JSON holds the changes) or with -o (it is printed);
    - --glob with no directory among the inputs;
    - -j/--jobs and --progress for one input cleaned in this process (printed, or -o FILE).

    -q is accepted everywhere: asking for quiet is never wrong."""
    if args.jsonl:
        if args.paths:
            raise UsageError("give either --jsonl IN or FILE arguments, not both")
        if args.glob is not None:
            raise UsageError("--glob picks files from directories; it does not apply to --jsonl")
        if args.encoding is not None:
            raise UsageError("--encoding applies to files; JSONL records are read as UTF-8")
        if args.format is not None:
            raise UsageError("--format applies to one input printed; --jsonl writes JSONL")
        return
    if args.field is not None:
        raise UsageError("--field names the text field of JSONL records: give --jsonl IN")
    if args.metadata:
        raise UsageError(
            "--metadata adds metadata to JSONL records: give --jsonl IN (for one file, "
            "--explain or --format json print it)"
        )
    if args.format == "json" and args.explain:
        raise UsageError("--format json holds the metadata and changes; leave out --explain")
    if args.format == "json" and args.output:
        raise UsageError("--format json prints one input to standard output; leave out -o")
    if args.glob is not None and not any(os.path.isdir(p) for p in args.paths):
        raise UsageError("--glob picks files from directories, and no PATH is a directory")
    one_input = len(args.paths) == 1 and (not args.output or single_file_target(args))
    if one_input and args.jobs is not None:
        raise UsageError("-j/--jobs applies to batches (a directory, several files, --jsonl)")
    if one_input and args.progress:
        raise UsageError("--progress applies to batches (a directory, several files, --jsonl)")


def show_progress(args: argparse.Namespace) -> bool:
    """--progress, -q, or by default whether stderr is a terminal."""
    return sys.stderr.isatty() if args.progress is None else bool(args.progress)


def clean_to_stdout(
    path: str,
    explained: bool,
    encoding: str | None = None,
    pipeline: Pipeline | None = None,
    as_json: bool = False,
) -> int:
    if os.path.isdir(path):
        raise UsageError(f"{path}: is a directory; give -o DIR to clean the files in it")
    try:
        # the metadata is printed only with the changes or in the JSON
        data = read_document(path, encoding)
        result = explain_document(data, path, pipeline, metadata=explained or as_json)
    except InputError as exc:
        raise UsageError(str(exc)) from None
    if as_json:
        sys.stdout.flush()
        sys.stdout.buffer.write(encode_record(result.to_dict()))
        sys.stdout.buffer.flush()
    elif explained:
        print("== article")
        print(result.text)
        print("\n== removed and why")
        print(result.report() or "(nothing)")
    else:
        print(result.text)
    return 0


def file_jobs(
    paths: list[str],
    out_dir: Path,
    pattern: str | None,
    encoding: str | None = None,
    pipeline: Pipeline | None = None,
) -> tuple[list[FileJob], list[str]]:
    """One job per input file, its target mirroring the input tree; and the paths not found."""
    jobs: list[FileJob] = []
    missing: list[str] = []
    for path in paths:
        if path == "-":
            raise UsageError("- (standard input) cannot be written to -o DIR; leave out -o")
        source = Path(path)
        if source.is_dir():
            for file in sorted(f for f in source.rglob(pattern or "*.txt") if not f.is_dir()):
                target = out_dir / file.relative_to(source)
                jobs.append(FileJob(str(file), str(target), encoding, pipeline))
        elif source.exists():
            jobs.append(FileJob(path, str(out_dir / source.name), encoding, pipeline))
        else:
            missing.append(path)
    targets: dict[str, str] = {}
    for job in jobs:
        if job.target in targets:
            raise UsageError(
                f"{targets[job.target]} and {job.source} would both be written to {job.target}"
            )
        targets[job.target] = job.source
    return jobs, missing


def single_file_target(args: argparse.Namespace) -> bool:
    """One input file and an -o that names no directory (none there, no trailing slash): -o is
    the output file."""
    if len(args.paths) != 1 or args.paths[0] == "-" or not os.path.isfile(args.paths[0]):
        return False
    return not os.path.isdir(args.output) and not args.output.endswith(("/", os.sep))


def clean_files(args: argparse.Namespace) -> int:
    if args.explain:
        raise UsageError("--explain prints to standard output; leave out -o")
    if single_file_target(args):
        return clean_one_file(args)
    out_dir = Path(args.output)
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"{out_dir}: exists and is not a directory")
    jobs, missing = file_jobs(args.paths, out_dir, args.glob, args.encoding, args.pipeline)
    for path in missing:
        say(f"{path}: no such file or directory")
    total = Tally()
    sizes = [file_size(job.source) for job in jobs]
    progress = Progress(show_progress(args), sum(sizes))
    start = time.monotonic()
    failed: list[str] = []
    done = 0  # bytes of the input files done (a .gz counts as its size, a failure as done)
    try:
        with closing(ordered_map(clean_file, jobs, args.jobs or default_jobs())) as results:
            for size, (tally, error) in zip(sizes, results, strict=True):
                total.add(tally)
                done += size
                if error:
                    progress.say(f"newsclean: {error}")  # on a line of its own
                    failed.append(error)
                progress.update(total, done)
    except KeyboardInterrupt:  # the workers are stopped: each removed its temporary file
        ignore_sigint()
        progress.close()
        written = total.documents - total.errors
        raise Interrupted(
            f"interrupted: {written:,} of {len(jobs):,} files written to {out_dir}"
        ) from None
    progress.close()
    if not args.quiet:
        report = summary(total, time.monotonic() - start)
        if missing or failed:
            report += f"\nfailed: {len(missing) + len(failed)} (listed above)"
        print(report, file=sys.stderr)
    if missing:
        return EXIT_USAGE
    return EXIT_FAILED if failed else 0


def clean_one_file(args: argparse.Namespace) -> int:
    """`newsclean clean FILE -o OUT`: the clean text of FILE written to OUT."""
    start = time.monotonic()
    tally, error = clean_file(FileJob(args.paths[0], args.output, args.encoding, args.pipeline))
    if error:
        raise UsageError(error)
    if not args.quiet:
        print(summary(tally, time.monotonic() - start), file=sys.stderr)
    return 0


def file_size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def clean_jsonl(args: argparse.Namespace) -> int:
    source = args.jsonl
    target = args.output or "-"
    if target != "-" and os.path.isdir(target):
        raise UsageError(f"{target}: is a directory; -o names the output file for --jsonl")
    if source != "-" and os.path.isdir(source):
        raise UsageError(f"{source}: is a directory, not a JSONL file")
    cleaner = RecordCleaner(args.field or "text", args.metadata, args.pipeline, args.explain)
    total = Tally()
    progress = Progress(False)
    start = time.monotonic()
    written = False
    try:  # from the input's opening to the summary: a Ctrl-C anywhere says how far it got
        stream, raw = open_jsonl(source)
        size = os.fstat(raw.fileno()).st_size if source != "-" and raw.seekable() else None
        progress = Progress(show_progress(args), size)
        out_context = nullcontext(sys.stdout.buffer) if target == "-" else atomic_output(target)
        jobs = args.jobs or default_jobs()
        ends: deque[int] = deque()  # where in the input each chunk in flight ends

        def chunks() -> Iterator[Chunk]:
            for chunk in chunked(read_lines(stream, source)):
                ends.append(raw.tell() if size else 0)
                yield chunk

        with (
            stream,
            out_context as out,
            closing(ordered_map(cleaner, chunks(), jobs)) as results,
        ):
            for lines, tally in results:
                out.write(lines)
                total.add(tally)
                # how far the cleaned records reach (the reading is chunks ahead of them)
                progress.update(total, ends.popleft() if size else None)
        written = True
        progress.close()
        if not args.quiet:
            print(summary(total, time.monotonic() - start), file=sys.stderr)
    except KeyboardInterrupt:  # the workers are stopped, the temporary output removed
        ignore_sigint()
        progress.close()
        if written:
            where = "output written"
        elif target != "-" and replaceable(target):
            where = "nothing written"
        else:
            where = "output incomplete"
        raise Interrupted(f"interrupted after {total.documents:,} records ({where})") from None
    except InputError as exc:
        raise UsageError(str(exc)) from None
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise UsageError(f"{target}: cannot write ({exc.strerror or exc})") from None
    return EXIT_FAILED if total.errors else 0


def open_jsonl(source: str) -> tuple[IO[bytes], IO[bytes]]:
    """`open_input(source)`, refusing a binary file; a failure is a UsageError naming it."""
    try:
        stream, raw = open_input(source)
    except FileNotFoundError:
        raise UsageError(f"{source}: no such file") from None
    except PermissionError:
        raise UsageError(f"{source}: permission denied") from None
    except OSError as exc:
        raise UsageError(f"{source}: cannot read ({exc.strerror or exc})") from None
    if looks_binary(stream):
        stream.close()
        raise UsageError(f"{source}: binary data, not JSONL")
    return stream, raw


def cmd_filters(args: argparse.Namespace) -> int:
    width = max((len(n) for n in args.pipeline.names), default=0)
    for s in args.pipeline:
        print(f"{s.name:<{width}}  {s.description}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_table

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        raise UsageError(f"{corpus}: not a directory")
    kinds = args.kinds.split(",") if args.kinds else None
    pages: list = []
    on_page = None
    if args.report:
        from .report import score_page

        def on_page(name: str, kind: str, gold: str, output: str) -> None:
            pages.append(score_page(name, kind, gold, output))

    pipeline = args.pipeline
    # only the text is scored: clean() gives explain()'s text without its other work, and
    # score.py runs it too
    scores = evaluate(corpus, lambda raw: clean(raw, pipeline), kinds, args.worst, on_page)
    if not scores:
        raise UsageError(f"{corpus}: no page folders with a gold.txt and an input beside it")
    if args.report:
        from .report import eval_report_html

        write_report(args.report, eval_report_html(pages, str(corpus)))
    if args.json:
        print(json.dumps([s.as_dict() for s in scores], indent=2))
        return 0
    print(format_table(scores))
    for s in scores:
        if args.worst and s.worst:
            print(f"\nworst {s.kind}: " + ", ".join(f"{name} {f1:.3f}" for name, f1 in s.worst))
    return 0


def write_report(target: str, page: str) -> None:
    try:
        with atomic_output(target) as out:
            out.write(page.encode("utf-8", errors="surrogatepass"))
    except OSError as exc:
        raise UsageError(f"{target}: cannot write ({exc.strerror or exc})") from None
    say(f"report written to {target}")


def cmd_report(args: argparse.Namespace) -> int:
    from .report import jsonl_entries, read_entry, report_html

    if not args.paths and not args.jsonl:
        raise UsageError("nothing to report on: give a FILE, a directory or --jsonl IN")
    if args.field is not None and not args.jsonl:
        raise UsageError("--field names the text field of JSONL records: give --jsonl IN")
    if args.glob is not None and not any(os.path.isdir(p) for p in args.paths):
        raise UsageError("--glob picks files from directories, and no PATH is a directory")
    if os.path.isdir(args.output):
        raise UsageError(f"{args.output}: is a directory; -o names the report file")
    sources: list[str] = []
    for path in args.paths:
        if os.path.isdir(path):
            pattern = args.glob or "*.txt"
            sources += sorted(str(f) for f in Path(path).rglob(pattern) if f.is_file())
        elif os.path.exists(path):
            sources.append(path)
        else:
            raise UsageError(f"{path}: no such file or directory")
    entries = [read_entry(path, args.pipeline) for path in sources[: args.limit]]
    if args.jsonl:
        if not os.path.isfile(args.jsonl):
            raise UsageError(f"{args.jsonl}: no such file")
        for entry in jsonl_entries(args.jsonl, args.field or "text", args.pipeline):
            if len(entries) >= args.limit:
                break
            entries.append(entry)
    if len(sources) > args.limit or len(entries) >= args.limit:
        say(f"the report holds the first {args.limit} documents (--limit)")
    write_report(args.output, report_html(entries, args.pipeline.names))
    failed = [e for e in entries if e.result is None]
    for entry in failed:
        say(entry.error)
    return EXIT_FAILED if failed else 0


def add_pipeline_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("pipeline")
    g.add_argument("--config", metavar="FILE", help="a TOML file: steps, settings, phrase folders")
    g.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="STEP",
        help="leave this step out (repeatable; `newsclean filters` lists them)",
    )
    g.add_argument(
        "--phrases",
        action="append",
        default=[],
        metavar="DIR",
        help="also read the phrase files (*.txt) in DIR (repeatable)",
    )
    g.add_argument(
        "--no-shipped-phrases",
        action="store_true",
        help="read only the --phrases (and --config) folders, not the shipped phrase lists",
    )


def pipeline_from_args(args: argparse.Namespace) -> Pipeline:
    """The pipeline the options describe: --config's (or the default), less --without's
    steps, with --phrases' folders added. A mistake in any of them is a UsageError."""
    try:
        pipeline = load_pipeline(args.config) if args.config else DEFAULT_PIPELINE
        pipeline = pipeline.without(*args.without)
        if args.phrases or args.no_shipped_phrases:
            dirs = (*pipeline.config.phrases.dirs, *args.phrases)
            shipped = pipeline.config.phrases.shipped and not args.no_shipped_phrases
            pipeline = pipeline.configure(phrases={"dirs": dirs, "shipped": shipped})
            pipeline.config.phrase_set()  # a missing folder or a misspelt section: now
    except (ConfigError, PhraseError) as exc:
        raise UsageError(str(exc)) from None
    except KeyError as exc:
        raise UsageError(f"--without: {exc.args[0]}") from None
    return pipeline


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean", description="Clean web-scraped article dumps."
    )
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("clean", help="clean dumps: files, directories, standard input or JSONL")
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="a dump file or directory; - reads standard input"
    )
    p.add_argument(
        "--explain",
        action="store_true",
        help="also print metadata and what was removed, and why (--jsonl: add the changes to "
        "each record)",
    )
    p.add_argument(
        "--format",
        choices=("text", "json"),
        help="for one input printed: the clean text (default), or one JSON object with the "
        "text, metadata and changes",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="output directory (files) or file (--jsonl; - is stdout)",
    )
    p.add_argument("--glob", help="files to take from directories (default: *.txt)")
    p.add_argument(
        "--encoding",
        type=encoding_name,
        help="decode input files from this encoding (default: detected, as clean(bytes) does)",
    )
    p.add_argument(
        "--jsonl", metavar="IN", help="clean a JSONL file (- is standard input; .gz/.zst too)"
    )
    p.add_argument("--field", help="the JSONL field holding the text (default: text)")
    p.add_argument(
        "--metadata",
        action="store_true",
        help="add metadata under a 'newsclean' key (--jsonl only)",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=positive_int,
        help="worker processes for a batch (default: all cores)",
    )
    p.add_argument(
        "--progress",
        action="store_true",
        default=None,
        help="show a batch's progress line on stderr (default: when stderr is a terminal)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress line and no summary")
    add_pipeline_options(p)
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser("filters", help="list the pipeline's filters (the default, or --config's)")
    add_pipeline_options(p)
    p.set_defaults(func=cmd_filters)

    p = sub.add_parser(
        "eval",
        help="score on labelled pages: shingle precision, recall and F1 per input kind",
        description="CORPUS_DIR holds one folder per page, each with gold.txt and raw inputs "
        "named KIND.txt (text.txt, md.txt, ...). Scores are 4-token shingle precision and "
        "recall averaged over pages, and F1 of the two averages.",
    )
    p.add_argument("corpus", metavar="CORPUS_DIR", help="a folder of page folders")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--kinds", help="comma-separated input kinds to score (default: all found)")
    p.add_argument(
        "--worst", type=int, default=0, metavar="N", help="also list the N worst pages per kind"
    )
    p.add_argument(
        "--report",
        metavar="FILE.html",
        help="also write an HTML report: per page, output beside gold",
    )
    add_pipeline_options(p)
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser(
        "report",
        help="write an HTML report of what was removed from each input, and why",
        description="One self-contained HTML file: each input block by block, removed blocks "
        "struck through and tinted by filter with the reason, rewrites as before and after, "
        "the metadata found, and a legend of counts per filter.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="a dump or page file, or a directory")
    p.add_argument("-o", "--output", required=True, metavar="FILE.html", help="the report file")
    p.add_argument("--jsonl", metavar="IN", help="also report on the records of a JSONL file")
    p.add_argument("--field", help="the JSONL field holding the text (default: text)")
    p.add_argument("--glob", help="files to take from directories (default: *.txt)")
    p.add_argument(
        "--limit", type=positive_int, default=1000, help="at most N documents (default: 1000)"
    )
    add_pipeline_options(p)
    p.set_defaults(func=cmd_report)
    return parser


def run() -> int:
    """The program, `newsclean` or `python -m newsclean`: `main()` on the command line's
    arguments, then the exit, which a late Ctrl-C does not interrupt."""
    try:
        return main(sys.argv[1:], exiting=True)
    except KeyboardInterrupt:  # in the instant between the run's end and the exit
        ignore_sigint()
        say("interrupted")
        return EXIT_INTERRUPTED


def main(argv: Sequence[str] | None = None, *, exiting: bool = False) -> int:
    """The command line: its exit code. Ctrl-C ends any command with a line saying how far it
    got and exit code 130; from the moment it is caught, Ctrl-C is ignored until `main`
    returns, so that nothing cuts the message short. Then SIGINT has its handler back, or,
    when the caller is `exiting`, stays ignored: the run is over, only the exit is left."""
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.getsignal(signal.SIGINT) if main_thread else None
    try:
        return run_command(argv)
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, signal.SIG_IGN if exiting else previous)


def run_command(argv: Sequence[str] | None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if getattr(args, "quiet", False):
            args.progress = False
        if hasattr(args, "without"):
            args.pipeline = pipeline_from_args(args)
        return int(args.func(args))
    except UsageError as exc:
        say(str(exc))
        return EXIT_USAGE
    except Interrupted as exc:
        say(str(exc))
        return EXIT_INTERRUPTED
    except KeyboardInterrupt:
        ignore_sigint()
        say("interrupted")
        return EXIT_INTERRUPTED
    except WorkerDied as exc:
        say(f"{exc} (out of memory?); output not written")
        return EXIT_FAILED
    except BrokenPipeError:
        # the reader went away (| head): nothing more to say, and nothing to flush at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(run())
