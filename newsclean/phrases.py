"""Boilerplate phrase lists, kept as data files: `data/phrases/<language>.txt`, and a user's own.

Each file has `[section]` headers and one phrase a line (`#` starts a comment). Phrases are
matched against `text.key(block)`: the block's words, case-folded, single-spaced. Every section
is declared in `SECTIONS` below, with how its phrases match; a file with any other section is
an error naming the file and the section, so a misspelt header cannot switch a rule off. All
files of a set are merged, whatever their language: boilerplate is recognised whatever the
page's language.

A `PhraseSet` is the phrases of some folders (the shipped one, a user's own: see
`newsclean.config.PhraseSettings`), loaded once per folder list (`load`). It belongs to the
pipeline that runs: `Pipeline.run` makes its config's set the current one (`using`), and the
module functions `exact`, `prefix`, `alternation` and `sections` answer from it (outside a run,
from the shipped set). Anything derived from phrases is cached per set (`cached`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import TypeVar

import regex

from .text import key_words


@dataclass(frozen=True)
class Section:
    match: str  # "block" | "prefix" | "suffix" | "word" | "pattern"
    use: str


# Every phrase-list section, and how its phrases match a block's key:
#   block: the whole block is one of the phrases      prefix: the block starts with one
#   suffix: the block ends with one                   word: every word of the block is one
#   pattern: a piece of a pattern, as described
SECTIONS: dict[str, Section] = {
    "ad_label_exact": Section("block", "ads: an ad label ('Advertisement')"),
    "promo": Section("prefix", "ads: a newsletter/app/subscribe prompt, a cookie notice"),
    "share_word_exact": Section("word", "ads: a share/follow bar ('Share Tweet Email')"),
    "call_to_action_exact": Section("block", "ads: a button's label ('Learn more', 'Add to cart')"),
    "byline_prefix": Section("prefix", "furniture: a byline ('By ...')"),
    "credit_line": Section("prefix", "furniture: a closing credit ('Reporting by ...')"),
    "credit_line_end": Section("suffix", "furniture: a closing credit's end ('...; editing by')"),
    "comments_heading": Section("suffix", "article: the comments start ('13 comments')"),
    "link_heading_exact": Section("block", "links: a related-links heading ('Related')"),
    "link_line": Section("pattern", "links: a read-more label before ':', '|', '»', '›' or '>'"),
    "map_heading_word": Section("word", "media: a word of a map legend's heading"),
    "map_provider_exact": Section("block", "media: a map attribution ('OpenStreetMap')"),
    "media_caption_label": Section("prefix", "media: a caption label ('Photo:')"),
    "media_credit_label": Section("prefix", "media: a credit label ('Image:', 'Credit:')"),
    "media_credit_exact": Section("block", "media: a credit standing alone ('Getty Images')"),
    "page_label": Section("pattern", "page_breaks: the word before a page number ('Page')"),
    "page_of": Section("pattern", "page_breaks: the word between numbers ('of' in '2 of 9')"),
}

SHIPPED = "newsclean:data/phrases"  # how the shipped folder is named in a PhraseSet's origin


class PhraseError(ValueError):
    """A phrase file that does not fit `SECTIONS`, or a phrase folder that is not there."""


class PhraseSet:
    """The phrases of some folders, by section; and the lookups built from them (built once)."""

    def __init__(self, found: dict[str, tuple[str, ...]], origin: tuple[str, ...] = ()):
        self.by_section = {name: found.get(name, ()) for name in SECTIONS}
        self.origin = origin  # the folders read, in order
        self.derived: dict[object, object] = {}  # see `cached`
        self._exact: dict[str, frozenset[str]] = {}
        self._prefix: dict[str, PrefixMatcher] = {}

    def __repr__(self) -> str:
        return f"PhraseSet({', '.join(self.origin)})"

    def get(self, section: str) -> tuple[str, ...]:
        try:
            return self.by_section[section]
        except KeyError:
            raise KeyError(f"no phrase section {section!r}: see phrases.SECTIONS") from None

    def exact(self, section: str) -> frozenset[str]:
        """The phrases of a section, for whole-block (or word) lookup."""
        found = self._exact.get(section)
        if found is None:
            found = self._exact[section] = frozenset(self.get(section))
        return found

    def prefix(self, section: str) -> PrefixMatcher:
        """A matcher for keys that start with one of the section's phrases (whole words)."""
        found = self._prefix.get(section)
        if found is None:
            found = self._prefix[section] = PrefixMatcher(self.get(section))
        return found

    def alternation(self, section: str) -> str:
        """The section's phrases as a regex alternation, longest first, any whitespace between
        words."""
        items = sorted(self.get(section), key=len, reverse=True)
        return "|".join(regex.escape(p).replace(r"\ ", r"\s{1,8}") for p in items) or "(?!)"


def sections_of(text: str, known: Iterable[str], where: str) -> dict[str, list[str]]:
    """The lines of a file of `[section]`s (a phrase list, data/dates.txt), by section; "#"
    starts a comment. A section not in `known`, or a line before any section, is a PhraseError
    naming the file and the line, so that a misspelt header cannot switch a rule off."""
    known = tuple(known)
    found: dict[str, list[str]] = {}
    current = None
    for line_no, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            name = line[1:-1].strip()
            if name not in known:
                raise PhraseError(
                    f"{where}, line {line_no}: unknown section [{name}]; the sections are: "
                    f"{', '.join(known)}"
                )
            current = found.setdefault(name, [])
        elif current is None:
            raise PhraseError(f"{where}, line {line_no}: {line!r} before any [section]")
        else:
            current.append(line)
    return found


def read_file(entry: Traversable | Path, where: str, found: dict[str, list[str]]) -> None:
    """Add the phrases of one file to `found`, in key form, checking its sections against
    SECTIONS."""
    for name, lines in sections_of(entry.read_text(encoding="utf-8"), SECTIONS, where).items():
        found.setdefault(name, []).extend(" ".join(key_words(line)) for line in lines)


def read_folder(folder: Traversable | Path, where: str, found: dict[str, list[str]]) -> None:
    if not folder.is_dir():
        raise PhraseError(f"{where}: no such phrase folder")
    files = sorted((e for e in folder.iterdir() if e.name.endswith(".txt")), key=lambda e: e.name)
    if not files:
        raise PhraseError(f"{where}: no phrase files (*.txt) in this folder")
    for entry in files:
        read_file(entry, f"{where.rstrip('/')}/{entry.name}", found)


def load(dirs: Iterable[str | Path] = (), shipped: bool = True) -> PhraseSet:
    """The phrases of the shipped lists (unless `shipped` is false) and of each folder of
    `dirs`, merged; loaded once per list of folders."""
    return _load(tuple(str(d) for d in dirs), bool(shipped))


@functools.cache
def _load(dirs: tuple[str, ...], shipped: bool) -> PhraseSet:
    found: dict[str, list[str]] = {}
    origin: list[str] = []
    if shipped:
        read_folder(resources.files("newsclean") / "data" / "phrases", SHIPPED, found)
        origin.append(SHIPPED)
    for d in dirs:
        read_folder(Path(d), d, found)
        origin.append(d)
    merged = {name: tuple(dict.fromkeys(p for p in items if p)) for name, items in found.items()}
    return PhraseSet(merged, tuple(origin))


_current: ContextVar[PhraseSet | None] = ContextVar("newsclean_phrases", default=None)


def current() -> PhraseSet:
    """The phrase set of the pipeline running in this context; the shipped set outside a run."""
    return _current.get() or load()


@contextmanager
def using(phrase_set: PhraseSet) -> Iterator[PhraseSet]:
    token = _current.set(phrase_set)
    try:
        yield phrase_set
    finally:
        _current.reset(token)


# -- lookups in the current set (what the filters call) -------------------------------------


def sections() -> dict[str, tuple[str, ...]]:
    return current().by_section


def exact(section: str) -> frozenset[str]:
    """The phrases of a section, for whole-block lookup."""
    return current().exact(section)


def prefix(section: str) -> PrefixMatcher:
    """A matcher for keys that start with one of the section's phrases (whole words)."""
    return current().prefix(section)


def alternation(section: str) -> str:
    """The section's phrases as a regex alternation, longest first, any whitespace between words."""
    return current().alternation(section)


T = TypeVar("T")


def cached(func: Callable[[], T]) -> Callable[[], T]:
    """`functools.cache` for a function of no arguments built from phrases (a pattern, a
    matcher): computed once per phrase set, not once per process."""

    @functools.wraps(func)
    def wrapper() -> T:
        derived = current().derived
        try:
            return derived[func]  # type: ignore[return-value]
        except KeyError:
            value = derived[func] = func()
            return value

    return wrapper


def starts_with_one_of(items: list[str]) -> re.Pattern[str]:
    """A key that starts with one of `items`, as whole words. A key's characters are word
    characters and single spaces, so a phrase ends on a word boundary where a space or the end
    follows. The pattern is anchored literals, linear in the longest phrase: `re`, unguarded."""
    alternatives = "|".join(re.escape(p) for p in sorted(items, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})(?= |\Z)")


class PrefixMatcher:
    """Matches a key that starts with one of a list of phrases (whole words). The phrases are
    grouped by their first word, so a key is tried only against the few that could fit."""

    def __init__(self, phrases: tuple[str, ...]):
        groups: dict[str, list[str]] = {}
        for p in phrases:
            groups.setdefault(p.split(" ", 1)[0], []).append(p)
        self.by_first_word = {first: starts_with_one_of(items) for first, items in groups.items()}

    def match(self, key: str) -> re.Match[str] | None:
        starts = self.by_first_word.get(key.partition(" ")[0])
        return starts.match(key) if starts else None
