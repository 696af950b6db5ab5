"""The timeout guard: patterns whose calls on long subjects are bounded in time.

Every pattern that could backtrack badly on some input is compiled with `pattern()`; a call
that runs out of time raises `PatternTimeout`, and the pipeline keeps the block as it was and
logs a warning (`pipeline.run_guarded`, docs/robustness.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import regex

# The last guard against a pattern that backtracks badly on some input: every call of a pattern
# made with `pattern()` on a subject of GUARD_FROM characters or more stops after TIMEOUT_BASE
# seconds plus one second per TIMEOUT_CHARS characters (so long, legitimate blocks still get
# linear time), and raises PatternTimeout. The pipeline then keeps the block as it was and logs
# a warning (see pipeline.run_guarded and docs/robustness.md). Shorter subjects (most
# paragraphs) run unguarded: the timeout costs about 2.5 microseconds a call, more than most
# calls take (guarding from 256 characters slowed the pipeline by a third), and as no audited
# pattern nests quantifiers, the worst a short subject can cost is polynomial, milliseconds.
GUARD_FROM = 2000
TIMEOUT_BASE = 0.25
TIMEOUT_CHARS = 1_000_000

Replacement = str | Callable[[regex.Match[str]], str]


class PatternTimeout(Exception):
    """A pattern ran out of time on `subject`."""

    def __init__(self, source: str, subject: str):
        super().__init__(f"pattern {source[:60]!r} timed out on {len(subject)} characters")
        self.source = source
        self.subject = subject


class Pattern:
    """A compiled `regex` pattern whose calls on long subjects are bounded by a timeout.

    A pattern that means the same to the standard `re` module (`same_in_re`: literal characters
    and classes of them, groups, alternatives and bounded repeats; no \\w, \\b, \\s, \\d, \\p or
    flags, whose meanings differ) runs on short subjects with `re`, which is faster on plain
    classes; long subjects still get `regex` with its timeout."""

    __slots__ = ("compiled", "flags", "same_in_re", "short", "source", "timeout_base")

    def __init__(
        self,
        source: str,
        flags: int = 0,
        timeout_base: float = TIMEOUT_BASE,
        same_in_re: bool = False,
    ):
        if same_in_re and flags:
            raise ValueError("flags mean different things to re and regex: same_in_re takes none")
        self.source, self.flags, self.same_in_re = source, flags, same_in_re
        self.timeout_base = timeout_base

    def __getattr__(self, name: str) -> Any:
        """Compiled with its first use, not at import: most of `import newsclean`'s time was
        compiling patterns that a run may never call. Only an unset slot (`compiled`, `short`)
        lands here; once set, reading it costs nothing extra."""
        if name not in ("compiled", "short"):
            raise AttributeError(name)
        self.compiled = regex.compile(self.source, self.flags)
        self.short = re.compile(self.source) if self.same_in_re else self.compiled
        return getattr(self, name)

    def _timeout(self, subject: str) -> float:
        return self.timeout_base + len(subject) / TIMEOUT_CHARS

    def _timed_out(self, subject: str) -> PatternTimeout:
        return PatternTimeout(self.compiled.pattern, subject)

    # plain try/except, no context manager: these run millions of times on a large input
    def match(self, string: str) -> regex.Match[str] | None:
        if len(string) < GUARD_FROM:
            return self.short.match(string)
        try:
            return self.compiled.match(string, timeout=self._timeout(string))
        except TimeoutError:
            raise self._timed_out(string) from None

    def search(self, string: str) -> regex.Match[str] | None:
        if len(string) < GUARD_FROM:
            return self.short.search(string)
        try:
            return self.compiled.search(string, timeout=self._timeout(string))
        except TimeoutError:
            raise self._timed_out(string) from None

    def findall(self, string: str) -> list[str]:
        if len(string) < GUARD_FROM:
            return self.short.findall(string)
        try:
            return self.compiled.findall(string, timeout=self._timeout(string))
        except TimeoutError:
            raise self._timed_out(string) from None

    def finditer(self, string: str) -> Iterator[regex.Match[str]]:
        """All matches, found up front so that a timeout is raised here, not mid-iteration."""
        if len(string) < GUARD_FROM:
            return self.short.finditer(string)
        try:
            return iter(list(self.compiled.finditer(string, timeout=self._timeout(string))))
        except TimeoutError:
            raise self._timed_out(string) from None

    def split(self, string: str) -> list[str | Any]:
        if len(string) < GUARD_FROM:
            return self.short.split(string)
        try:
            return self.compiled.split(string, timeout=self._timeout(string))
        except TimeoutError:
            raise self._timed_out(string) from None

    def sub(self, repl: Replacement, string: str, count: int = 0) -> str:
        if len(string) < GUARD_FROM:
            return self.short.sub(repl, string, count)
        try:
            return self.compiled.sub(repl, string, count, timeout=self._timeout(string))
        except TimeoutError:
            raise self._timed_out(string) from None

    def subn(self, repl: Replacement, string: str, count: int = 0) -> tuple[str, int]:
        if len(string) < GUARD_FROM:
            return self.short.subn(repl, string, count)
        try:
            return self.compiled.subn(repl, string, count, timeout=self._timeout(string))
        except TimeoutError:
            raise self._timed_out(string) from None


def pattern(
    source: str, flags: int = 0, timeout_base: float = TIMEOUT_BASE, same_in_re: bool = False
) -> Pattern:
    """Compile `source` with the timeout guard (see `Pattern` for `same_in_re`)."""
    return Pattern(source, flags, timeout_base, same_in_re)
