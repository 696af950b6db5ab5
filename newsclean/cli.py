"""The `newsclean` command line.

    newsclean clean FILE            print the clean text of FILE (`-` reads standard input)
    newsclean clean --explain FILE  also print the metadata found and every change, with its reason
    newsclean filters               list the default pipeline's steps
    newsclean eval CORPUS_DIR       precision, recall and F1 on labelled pages (--json for CI)

Errors a user can make (a missing or unreadable file, a directory) give a one-line message on
stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import DEFAULT_PIPELINE, __version__, explain

EXIT_USAGE = 2


class UsageError(Exception):
    """A problem with what the user asked for: printed as one line, exit code 2."""


def read_input(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except FileNotFoundError:
            raise UsageError(f"{path}: no such file") from None
        except IsADirectoryError:
            raise UsageError(f"{path}: is a directory, not a file") from None
        except PermissionError:
            raise UsageError(f"{path}: permission denied") from None
        except OSError as exc:
            raise UsageError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text (byte {exc.start})") from None


def cmd_clean(args: argparse.Namespace) -> int:
    for path in args.paths:
        result = explain(read_input(path))
        if args.explain:
            print(f"== {path}" if len(args.paths) > 1 else "== article", file=sys.stdout)
            print(result.text)
            print("\n== removed and why")
            print(result.report() or "(nothing)")
        else:
            print(result.text)
    return 0


def cmd_filters(args: argparse.Namespace) -> int:
    width = max(len(n) for n in DEFAULT_PIPELINE.names)
    for s in DEFAULT_PIPELINE:
        print(f"{s.name:<{width}}  {s.description}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_table

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        raise UsageError(f"{corpus}: not a directory")
    kinds = args.kinds.split(",") if args.kinds else None
    scores = evaluate(corpus, lambda raw: explain(raw).text, kinds, worst=args.worst)
    if not scores:
        raise UsageError(f"{corpus}: no page folders with a gold.txt and an input beside it")
    if args.json:
        print(json.dumps([s.as_dict() for s in scores], indent=2))
        return 0
    print(format_table(scores))
    for s in scores:
        if args.worst and s.worst:
            print(f"\nworst {s.kind}: " + ", ".join(f"{name} {f1:.3f}" for name, f1 in s.worst))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsclean", description="Clean web-scraped article dumps.")
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("clean", help="print the clean article text of dumps")
    p.add_argument("paths", nargs="+", metavar="FILE", help="a raw dump; - reads standard input")
    p.add_argument("--explain", action="store_true", help="also print metadata and what was removed, and why")
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser("filters", help="list the default pipeline's filters")
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
    p.set_defaults(func=cmd_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except UsageError as exc:
        print(f"newsclean: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("newsclean: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (| head): nothing more to say
        return 0


if __name__ == "__main__":
    sys.exit(main())
