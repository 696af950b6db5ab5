"""Is clean() linear in its input? Time and peak memory for 1, 10 and 100 MB inputs.

    python benchmarks/linear.py                        # every case, 1, 10 and 100 MB
    python benchmarks/linear.py --sizes 1,10 --cases realistic,brackets

Each measurement runs in a fresh process (one core, no cache carried over) and reports the wall
time, the CPU time, the throughput (by CPU time) and the peak resident memory added by clean()
(ru_maxrss after minus before, with the input already built). The last column is the CPU-time
ratio to the first size's run per MB, times the size: a linear pipeline gives about 10 at 10 MB
and 100 at 100 MB (the issue asks for <= 11 at 10 MB). CPU time, because on a shared machine
the wall time also counts other people's work.

`realistic` is the bundled fixture and the seed dump, repeated with each copy's paragraphs
reshuffled word by word (so no copy hits the memo caches of another), the rest are hostile.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "fixtures" / "bbc_like" / "input.txt",
    ROOT.parent / "shared" / "seeds" / "000_b2756f038bcefa75.txt",
]
MB = 1_000_000


def realistic(size: int) -> str:
    blocks = []
    for path in SOURCES:
        if path.exists():
            blocks += path.read_text(encoding="utf-8").split("\n")
    rng = random.Random(7)
    out: list[str] = []
    total = 0
    while total < size:
        for line in blocks:
            if len(line) > 80:  # a paragraph: a new one each copy; debris lines repeat as is
                words = line.split(" ")
                rng.shuffle(words)
                line = words[0].capitalize() + " " + " ".join(words[1:]).rstrip(".") + "."
            out.append(line)
            total += len(line) + 1
    return "\n".join(out)[:size]


def repeated(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


CASES = {
    "realistic": realistic,
    "brackets": repeated("["),  # one line of open brackets
    "one_char_line": repeated("a"),
    "blank_lines": repeated("\n"),
    "image_openers": repeated("!["),
    "broken_lines": repeated("word\n\nand\n\n"),
    "unit_chain": repeated("100km (60km) "),
    "mojibake": repeated("CafÃ© dÃ©jÃ  vu. "),
    "emphasis": repeated("_a *b "),  # one line of single emphasis markers that never pair up
    "tex": repeated("x {\\frac{a}{b} "),  # one line of TeX groups that never close
    "zalgo": repeated("Z\u0316\u0301a\u0316\u0301l\u0316g\u0316o "),
    "controls": repeated("a\x00\x1b[31mb\u200b\u202e\ud800c\n"),
}


def measure(case: str, mb: int) -> dict[str, float]:
    """Run in a child process: build the input, then time clean() on it."""
    import newsclean

    text = CASES[case](mb * MB)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start, cpu_start = time.perf_counter(), time.process_time()
    out = newsclean.clean(text)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "cpu": cpu, "peak_mb": (after - before) / 1024, "out": len(out)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1,10,100", help="input sizes in MB")
    parser.add_argument("--cases", default=",".join(CASES), help="which inputs")
    parser.add_argument("--child", nargs=2, metavar=("CASE", "MB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child[0], int(args.child[1]))))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    print(
        f"{'case':<14} {'MB':>4} {'wall s':>7} {'CPU s':>7} {'MB/s':>6} {'peak MB':>8} {'ratio':>6}"
    )
    for case in args.cases.split(","):
        base = None
        for mb in sizes:
            child = subprocess.run(
                [sys.executable, __file__, "--child", case, str(mb)],
                capture_output=True,
                text=True,
                cwd=ROOT,
                check=False,
            )
            if child.returncode:
                print(f"{case:<14} {mb:>4} failed: {child.stderr.strip().splitlines()[-1:]}")
                continue
            r = json.loads(child.stdout)
            base = base or r["cpu"] / mb
            print(
                f"{case:<14} {mb:>4} {r['seconds']:>7.2f} {r['cpu']:>7.2f} {mb / r['cpu']:>6.2f}"
                f" {r['peak_mb']:>8.0f} {r['cpu'] / base:>6.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
