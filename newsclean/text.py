"""Small, fast facts about one block of text, shared by the filters.

The filters ask the same questions of the same block many times, so the costlier answers are
memoised by the text itself (they are pure functions of it). The memo holds every block of the
document being cleaned, and belongs to one run: `Pipeline.run` opens it (`run_memo`) and drops
it at the end. It lives in a context variable, so runs on different threads (Dask's threaded
scheduler, a web service) or asyncio tasks each have their own and never empty one another's;
outside a run the functions are simply computed. (A bounded LRU memo is thrashed by any
document with more blocks than it holds, as each filter walks every block before the next one
asks again.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

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

    __slots__ = ("compiled", "short", "timeout_base")

    def __init__(
        self,
        source: str,
        flags: int = 0,
        timeout_base: float = TIMEOUT_BASE,
        same_in_re: bool = False,
    ):
        if same_in_re and flags:
            raise ValueError("flags mean different things to re and regex: same_in_re takes none")
        self.compiled = regex.compile(source, flags)
        self.short: Any = re.compile(source) if same_in_re else self.compiled
        self.timeout_base = timeout_base

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


# Patterns that cannot backtrack (a single class repeated, or anchored and bounded: their time
# is linear in the subject whatever it holds) need no timeout guard, and run unwrapped on the
# hot path: the wrapper's Python call costs more than most of their calls take. Those that need
# no `regex` feature use the standard `re` module, which is faster on plain classes.
WORD = regex.compile(r"\w+")  # `regex`: its \w takes in combining marks, `re`'s does not
ASCII_WORD = re.compile(r"\w+", re.ASCII)  # the same words in ASCII text
# a markdown link target: brackets, with at most one level of balanced brackets inside
TARGET = r"\((?:[^()\n]|\([^()\n]{0,200}\)){0,2000}\)"
# a markdown link's (or image's) text, in its square brackets, with at most one level of
# balanced square brackets inside ("[[update]](https://x)", "[IPA [aɔ]](/wiki/IPA)"), in group 1
LINK_TEXT = r"\[((?:[^\[\]\n]|\[[^\[\]\n]{0,200}\]){0,2000})\]"
# a markdown heading marker, a list bullet, or a blockquote marker at the start of a line
HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+")
BULLET = re.compile(r"^[ \t]{0,12}(?:[-*+•·▪►◦‣]|\d{1,3}[.)])[ \t]+")
QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?")
MARKER_LEADS = frozenset("#>-*+•·▪►◦‣")  # the first character of a marker (or a digit)
# markdown strong-emphasis markers: a run of two or more * or _ opening or closing a word
EMPHASIS = pattern(r"(?<![\w*])(?:\*{2,}|_{2,})(?=\S)|(?<=\S)(?:\*{2,}|_{2,})(?![\w*])")
# markdown emphasis with one marker, in pairs, the words in group 1 or 2: "_Aotearoa_", "*must*".
# A marker inside a word or path ("snake_case", "/a_b_/") or next to a space is not one, and
# the words between cannot hold their own marker, so each opener scans only to the next marker.
ITALIC = pattern(
    r"(?<![\w*\\/])\*(?=[^\s*])([^*\n]{1,2000})(?<=[^\s*\\])\*(?![\w*/])"
    r"|(?<![\w\\/])_(?=[^\s_])([^_\n]{1,2000})(?<=[^\s_\\])_(?![\w/])"
)
IMAGE = pattern(r"!" + LINK_TEXT + TARGET, same_in_re=True)
LINK = pattern(LINK_TEXT + TARGET, same_in_re=True)
TERMINAL = frozenset(".!?…:;\"”’»)'")
ENDS_SENTENCE = frozenset(".!?…")


def without_images(text: str) -> str:
    """The text without its markdown images (every image starts with "![")."""
    return IMAGE.sub("", text) if "![" in text else text


MEMOISED: list[Callable[..., Any]] = []
T = TypeVar("T")
MISSING = object()
# the memo of the run in progress in this thread or task: one table per memoised function
RUN_MEMO: ContextVar[list[dict[str, Any]] | None] = ContextVar("newsclean_memo", default=None)


def memoised(func: Callable[[str], T]) -> Callable[[str], T]:
    """Memoise a pure function of a block's text for the length of one run (see `run_memo`)."""
    index = len(MEMOISED)

    # one context-variable read, a subscript and a dict lookup: these run millions of times
    # (no try/except: raising KeyError on each first ask cost more than the lookups)
    def memo(text: str, run: Callable[[], Any] = RUN_MEMO.get) -> T:
        tables = run()
        if tables is None or index >= len(tables):  # outside a run: nothing to share it with
            return func(text)
        table = tables[index]
        value = table.get(text, MISSING)
        if value is MISSING:
            value = table[text] = func(text)
        return value

    memo.__wrapped__ = func  # type: ignore[attr-defined]
    memo.__name__ = func.__name__
    memo.__qualname__ = func.__qualname__
    memo.__doc__ = func.__doc__
    MEMOISED.append(memo)
    return memo


@contextmanager
def run_memo() -> Iterator[None]:
    """A memo for the run inside the block, private to this thread or task. A run inside a run
    (a filter that calls `clean()`) shares the outer run's memo: the answers are the same."""
    if RUN_MEMO.get() is not None:
        yield
        return
    token = RUN_MEMO.set([{} for _ in MEMOISED])
    try:
        yield
    finally:
        RUN_MEMO.reset(token)


def word_list(text: str) -> list[str]:
    return ASCII_WORD.findall(text) if text.isascii() else WORD.findall(text)


def key_words(text: str) -> list[str]:
    """The case-folded words of `text` for phrase lookup, where "_" separates words: it is a word
    character to the word pattern, but markdown's emphasis marker ("_Related_") or a joiner."""
    folded = text.casefold()
    return word_list(folded.replace("_", " ") if "_" in folded else folded)


def without_italics(text: str) -> str:
    """The text without its single-marker emphasis markers ("_Aotearoa_" -> "Aotearoa")."""
    if "_" not in text and "*" not in text:
        return text
    return ITALIC.sub(lambda m: m.group(1) or m.group(2), text)


@memoised
def words(text: str) -> int:
    return len(word_list(text))


def may_have_marker(text: str) -> bool:
    """Whether a heading, bullet or quote marker can start `text`: a quick test that spares
    running the three patterns over blocks that start with a word, as most do."""
    lead = text[:1]
    if lead in (" ", "\t"):
        lead = text.lstrip(" \t")[:1]
    return lead in MARKER_LEADS or lead.isdigit()


def heading_level(text: str) -> int:
    m = HEADING.match(text) if may_have_marker(text) else None
    return len(m.group(1)) if m else 0


def is_bullet(text: str) -> bool:
    return may_have_marker(text) and BULLET.match(text) is not None


@memoised
def plain(text: str) -> str:
    """The words a reader sees: no heading, bullet or quote marker, no emphasis, links as text."""
    block = text
    if may_have_marker(text):
        text = HEADING.sub("", text, count=1)
        text = BULLET.sub("", text, count=1)
        text = QUOTE.sub("", text, count=1)
    if "](" in text:
        # the links as their text: the block's link pieces joined, less the markers cut above
        # (they hold no "[" or "!", so no link or image starts among them: they open piece 0)
        pieces = link_pieces(block)
        text = pieces[0][len(block) - len(text) :] + "".join(pieces[1:])
    if "**" in text or "__" in text:
        text = EMPHASIS.sub("", text)
    return without_italics(text).strip()


@memoised
def key(text: str) -> str:
    """A block reduced for phrase lookup: plain, case-folded, words only, single spaces."""
    return " ".join(key_words(plain(text)))


@memoised
def plain_words(text: str) -> int:
    """words(plain(text)), the words a reader sees. Where no "_" joins two of them, they are the
    key's words, so they are counted from the key: case-folding turns no word character into
    another kind of character, nor any other character into a word character (a test checks
    every one)."""
    p = plain(text)
    if "_" not in p:
        k = key(text)
        return k.count(" ") + 1 if k else 0
    return words(p)


def ends_with_terminal(text: str) -> bool:
    text = text.rstrip(" *_")
    return bool(text) and text[-1] in TERMINAL


def starts_lower(text: str) -> bool:
    text = plain(text).lstrip("\"'“‘(«")
    return bool(text) and text[0].islower()


@memoised
def link_pieces(text: str) -> tuple[str, ...]:
    """The block without its images, split at its links: the text outside links, a link's text,
    outside, ... (link texts at odd indices). Memoised: the article, media and link filters
    all ask it of a block with links."""
    return tuple(LINK.split(without_images(text)))


@memoised
def link_share(text: str) -> float:
    """The share of a block's words that sit inside markdown links (0 when it has no words)."""
    if "](" not in text:
        return 0.0
    pieces = link_pieces(text)
    total = words("".join(pieces))  # the words a reader sees, not the URLs
    if not total:
        return 0.0
    inside = sum(words(link_text) for link_text in pieces[1::2])
    return min(1.0, inside / total)


@memoised
def is_paragraph(text: str) -> bool:
    """Reads as running prose: long, or a full sentence of some length. (The words of the block
    as it stands, links' targets too; counted from the key where the block is plain already.)"""
    p = plain(text)
    n = plain_words(text) if p == text else words(text)
    return n >= 25 or (n >= 8 and p.rstrip("\"'”’»)").endswith((".", "!")))


def forget() -> None:
    """Empty the memo of the run in progress in this thread or task, if any."""
    for table in RUN_MEMO.get() or ():
        table.clear()
