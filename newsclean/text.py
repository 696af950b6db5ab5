"""Small, fast facts about one block of text, shared by the filters.

The filters ask the same questions of the same block many times, so the costlier answers are
memoised by the text itself (they are pure functions of it).
"""

from __future__ import annotations

from functools import lru_cache

import regex

WORD = regex.compile(r"\w+")
# a markdown heading marker, a list bullet, or a blockquote marker at the start of a line
HEADING = regex.compile(r"^ {0,3}(#{1,6})[ \t]+")
BULLET = regex.compile(r"^[ \t]{0,12}(?:[-*+•·▪►◦‣]|\d{1,3}[.)])[ \t]+")
QUOTE = regex.compile(r"^[ \t]{0,3}>[ \t]?")
MARKER_LEADS = frozenset("#>-*+•·▪►◦‣")  # the first character of a marker (or a digit)
# markdown emphasis markers (** __ * _) and inline code ticks, on their own
EMPHASIS = regex.compile(r"(?<![\w*])(\*\*|__)(?=\S)|(?<=\S)(\*\*|__)(?![\w*])")
IMAGE = regex.compile(r"!\[[^\]\n]{0,2000}\]\([^)\n]{0,2000}\)")
LINK = regex.compile(r"\[([^\]\n]{0,2000})\]\([^)\n]{0,2000}\)")
TERMINAL = frozenset('.!?…:;"”’»)\'')
ENDS_SENTENCE = frozenset(".!?…")


@lru_cache(maxsize=16384)
def words(text: str) -> int:
    return len(WORD.findall(text))


def heading_level(text: str) -> int:
    m = HEADING.match(text)
    return len(m.group(1)) if m else 0


def is_bullet(text: str) -> bool:
    return BULLET.match(text) is not None


def may_have_marker(text: str) -> bool:
    """Whether a heading, bullet or quote marker can start `text`: a quick test that spares
    running the three patterns over blocks that start with a word, as most do."""
    lead = text.lstrip(" \t")[:1]
    return lead in MARKER_LEADS or lead.isdigit()


@lru_cache(maxsize=16384)
def plain(text: str) -> str:
    """The words a reader sees: no heading, bullet or quote marker, no emphasis, links as text."""
    if may_have_marker(text):
        text = HEADING.sub("", text, count=1)
        text = BULLET.sub("", text, count=1)
        text = QUOTE.sub("", text, count=1)
    if "](" in text:
        text = IMAGE.sub("", text)
        text = LINK.sub(r"\1", text)
    if "**" in text or "__" in text:
        text = EMPHASIS.sub("", text)
    return text.strip()


@lru_cache(maxsize=16384)
def key(text: str) -> str:
    """A block reduced for phrase lookup: plain, case-folded, words only, single spaces."""
    return " ".join(WORD.findall(plain(text).casefold()))


def ends_with_terminal(text: str) -> bool:
    text = text.rstrip(" *_")
    return bool(text) and text[-1] in TERMINAL


def starts_lower(text: str) -> bool:
    text = plain(text).lstrip("\"'“‘(«")
    return bool(text) and text[0].islower()


@lru_cache(maxsize=16384)
def link_share(text: str) -> float:
    """The share of a block's words that sit inside markdown links (0 when it has no words)."""
    if "](" not in text:
        return 0.0
    without_images = IMAGE.sub("", text)
    total = words(LINK.sub(r"\1", without_images))  # the words a reader sees, not the URLs
    if not total:
        return 0.0
    inside = sum(words(m.group(1)) for m in LINK.finditer(without_images))
    return min(1.0, inside / total)


@lru_cache(maxsize=16384)
def is_paragraph(text: str) -> bool:
    """Reads as running prose: long, or a full sentence of some length."""
    n = words(text)
    return n >= 25 or (n >= 8 and plain(text).rstrip("\"'”’»)").endswith((".", "!")))
