"""Throughput of newsclean, measured against ftfy.fix_text in the same run.

    python benchmarks/throughput.py                  # single core: clean() vs ftfy, a floor, per step
    python benchmarks/throughput.py --cli            # also: CLI -j 1 vs -j 2 on a generated JSONL
    python benchmarks/throughput.py --memory 1000    # also: peak memory, 100 MB and 1 GB JSONL
    python benchmarks/throughput.py --profile 30     # also: the 30 costliest functions (cProfile)

The documents are the development corpus dumps (text.txt, md.txt and mdplain.txt of every page
in ../shared/corpora/readability). Generated JSONL files go to a temporary directory and are
deleted afterwards. The machine may be shared: compare figures from one run, not across runs.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import ftfy

import newsclean
from newsclean import Pipeline, Step
from newsclean.document import Document
from newsclean.memo import forget
from newsclean.text import key

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent.parent / "shared" / "corpora" / "readability"
if not CORPUS.exists():
    CORPUS = ROOT.parent / "shared" / "corpora" / "readability"
TRACKS = ("text.txt", "md.txt", "mdplain.txt")


def corpus_docs(corpus: Path) -> list[str]:
    return [
        (page / track).read_text(encoding="utf-8")
        for page in sorted(p for p in corpus.iterdir() if p.is_dir())
        for track in TRACKS
        if (page / track).exists()
    ]


def best_of(repeats: int, func: Callable[[], object]) -> float:
    """The fastest of `repeats` runs, in CPU seconds of this process: the least disturbed by
    other processes on a shared machine."""
    times = []
    for _ in range(repeats):
        start = time.process_time()
        func()
        times.append(time.process_time() - start)
    return min(times)


def step_times(docs: list[str]) -> dict[str, float]:
    """Seconds spent in each step of the default pipeline, over all its passes (see
    Pipeline.run), and in the rest of the run: splitting into blocks, joining, comparing passes.
    Every step runs, as in `explain()`: `clean()` skips the one that only describes."""
    spent: dict[str, float] = defaultdict(float)

    def timed(step: Step) -> Step:
        def run(doc: Document) -> None:
            start = time.process_time()
            step.run(doc)
            spent[step.name] += time.process_time() - start

        return Step(step.name, run, step.description, step.whole_page, step.describes)

    pipeline = Pipeline(timed(s) for s in newsclean.DEFAULT_PIPELINE)
    start = time.process_time()
    for text in docs:
        pipeline.run(text)
    spent["(the rest of the run)"] = time.process_time() - start - sum(spent.values())
    return dict(spent)


def least_block_work(docs: list[str]) -> None:
    """What one pass of any filter that looks up phrases in every block costs at least: the
    document split into blocks, each block's key computed once, the blocks joined again."""
    for text in docs:
        blocks = Document.from_text(text).blocks
        for block in blocks:
            key(block.text)
        "\n\n".join(b.text for b in blocks)
        forget()


def single_core(docs: list[str], repeats: int) -> None:
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    newsclean.clean(docs[0])  # load phrase lists and compile patterns outside the timing
    ftfy.fix_text(docs[0])
    t_clean = best_of(repeats, lambda: [newsclean.clean(d) for d in docs])
    t_ftfy = best_of(repeats, lambda: [ftfy.fix_text(d) for d in docs])
    print(f"## single core: {len(docs)} documents, {mb:.1f} MB, best of {repeats}, CPU time\n")
    print("| what | seconds | MB/s |\n| --- | ---: | ---: |")
    print(f"| newsclean.clean (default pipeline) | {t_clean:.2f} | {mb / t_clean:.2f} |")
    print(f"| ftfy.fix_text | {t_ftfy:.2f} | {mb / t_ftfy:.2f} |")
    print(f"\nnewsclean / ftfy throughput ratio: **{t_ftfy / t_clean:.2f}x**\n")
    t_floor = best_of(repeats, lambda: least_block_work(docs))
    budget = t_ftfy / 4
    print("The least one pass of any block-scoring filter does (split into blocks, one phrase key")
    print(f"a block with `text.key`, join): {t_floor:.2f} s = {mb / t_floor:.2f} MB/s, that is")
    print(f"{100 * t_floor / budget:.0f}% of the whole budget for 4x ftfy ({budget:.2f} s).\n")
    spent = step_times(docs)
    total = sum(spent.values())
    print("Each step's time as `explain()` runs them all (`clean()` skips `describe`):\n")
    print("| step | seconds | share |\n| --- | ---: | ---: |")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {seconds:.2f} | {100 * seconds / total:.0f}% |")
    print()


def profile(docs: list[str], top: int) -> None:
    """The functions clean() spends its time in, by time spent in the function itself. cProfile
    adds a cost to every Python call, so small, often-called functions look dearer than they are;
    the order is what counts."""
    profiler = cProfile.Profile()
    profiler.runcall(lambda: [newsclean.clean(d) for d in docs])
    print(f"## profile: the {top} costliest functions (cProfile, time in the function itself)\n")
    print("```")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(top)
    print("```\n")


def write_jsonl(docs: list[str], path: Path, megabytes: int) -> float:
    """A JSONL file of about `megabytes` MB: the corpus documents over and over."""
    lines = [
        (json.dumps({"id": i, "text": d}, ensure_ascii=False) + "\n").encode()
        for i, d in enumerate(docs)
    ]
    written = 0
    with path.open("wb") as out:
        while written < megabytes * 1e6:
            for line in lines:
                out.write(line)
                written += len(line)
    return written / 1e6


def run_cli(source: Path, jobs: int) -> tuple[float, float]:
    """Wall-clock seconds, and CPU seconds of all its processes, for one CLI run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "newsclean", "clean", "--jsonl", str(source), "-o", os.devnull]
        + ["-j", str(jobs), "--quiet"],
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds, cpu


def cli_scaling(docs: list[str], megabytes: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "bench.jsonl"
        mb = write_jsonl(docs, source, megabytes)
        print(f"## CLI on a {mb:.0f} MB JSONL\n")
        print("| workers | seconds | MB/s | CPU seconds (all processes) |")
        print("| --- | ---: | ---: | ---: |")
        rates, cpus = {}, {}
        for jobs in (1, 2):
            seconds, cpus[jobs] = run_cli(source, jobs)
            rates[jobs] = mb / seconds
            print(f"| -j {jobs} | {seconds:.1f} | {rates[jobs]:.2f} | {cpus[jobs]:.1f} |")
        print(f"\n-j 2 / -j 1 throughput: **{rates[2] / rates[1]:.2f}x**; CPU -j 2 / -j 1:")
        print(f"{cpus[2] / cpus[1]:.2f} (the work the workers add; an upper bound for the")
        print(f"speed-up on two idle cores: {2 * cpus[1] / cpus[2]:.2f}x)\n")


def memory(docs: list[str], megabytes: int) -> None:
    print("## peak memory (largest single process, -j 2)\n")
    print("| input | seconds | MB/s | peak RSS MB |\n| --- | ---: | ---: | ---: |")
    for size in sorted({100, megabytes}):
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "bench.jsonl"
            mb = write_jsonl(docs, source, size)
            # each measured in a fresh child, so one run's peak does not hide the next's
            code = (
                "import resource,sys; sys.path.insert(0, sys.argv[1]);"
                "from benchmarks.throughput import run_cli; from pathlib import Path;"
                "s, _ = run_cli(Path(sys.argv[2]), 2);"
                "print(s, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)"
            )
            out = subprocess.run(
                [sys.executable, "-c", code, str(ROOT), str(source)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout.split()
            seconds, peak = float(out[0]), float(out[1])
            print(f"| {mb:,.0f} MB | {seconds:.0f} | {mb / seconds:.2f} | {peak:.0f} |")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--cli", action="store_true", help="also time the CLI with -j 1 and -j 2")
    parser.add_argument("--cli-mb", type=int, default=40, help="size of the CLI test JSONL")
    parser.add_argument("--memory", type=int, metavar="MB", help="also peak memory up to MB")
    parser.add_argument("--profile", type=int, metavar="N", help="also the N costliest functions")
    args = parser.parse_args()
    docs = corpus_docs(args.corpus)
    single_core(docs, args.repeats)
    if args.cli:
        cli_scaling(docs, args.cli_mb)
    if args.memory:
        memory(docs, args.memory)
    if args.profile:
        profile(docs, args.profile)


if __name__ == "__main__":
    main()
