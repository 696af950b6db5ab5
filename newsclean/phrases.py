"""Boilerplate phrase lists, kept as data files: `data/phrases/<language>.txt`.

Each file has `[section]` headers and one phrase a line (`#` starts a comment). Phrases are
matched against `text.key(block)`: the block's words, case-folded, single-spaced. A section
named `*_exact` is matched against the whole block; any other section matches a block that
starts with one of its phrases. All languages' files are merged: boilerplate is recognised
whatever the page's language.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import regex

from .text import key_words


@cache
def sections() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    folder = resources.files("newsclean") / "data" / "phrases"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".txt"):
            continue
        current = None
        for raw in entry.read_text(encoding="utf-8").splitlines():
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("[") and line.endswith("]"):
                current = found.setdefault(line[1:-1], [])
            elif current is None:
                raise ValueError(f"{entry.name}: phrase {line!r} before any [section]")
            else:
                current.append(" ".join(key_words(line)))
    return {name: tuple(dict.fromkeys(p for p in items if p)) for name, items in found.items()}


@cache
def exact(section: str) -> frozenset[str]:
    """The phrases of a section, for whole-block lookup."""
    return frozenset(sections().get(section, ()))


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


@cache
def prefix(section: str) -> PrefixMatcher:
    """A matcher for keys that start with one of the section's phrases (whole words)."""
    return PrefixMatcher(sections().get(section, ()))


def alternation(section: str) -> str:
    """The section's phrases as a regex alternation, longest first, any whitespace between words."""
    items = sorted(sections().get(section, ()), key=len, reverse=True)
    return "|".join(regex.escape(p).replace(r"\ ", r"\s{1,8}") for p in items) or "(?!)"
