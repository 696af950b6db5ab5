"""Page breaks of print and PDF conversions: page numbers ("13", "- 13 -", "Page 12 of 40") and
running headers and footers, the short lines repeated on every page with only their numbers
changed. Once they are gone, `paragraphs` rejoins the sentences they split. Where the dump sets
paragraphs apart with blank lines, the lines with no blank line between them are one paragraph's
hard-wrapped lines, and are joined.

Web pages repeat short lines too (menus, subheadings, "Step 1"), so the filter acts only on a
dump that shows it was paginated: short lines marking at least two different pages ("Page 12",
"[Page 13]", "3 of 40"). Phrase lists: the `page_label` and `page_of` sections of
`data/phrases/*.txt`."""

from __future__ import annotations

from collections import Counter

import regex

from .. import phrases
from ..document import Document
from ..grammar import heading_level, is_bullet
from ..patterns import Pattern, pattern
from ..pipeline import step
from ..text import ends_with_terminal, join_pieces, key, words

RUNNING_MIN_WORDS, RUNNING_MAX_WORDS = 2, 12  # a running header is a short label, not a sentence
RUNNING_MIN_REPEATS = 2
PAGE_MARK_MAX_CHARS = 120  # a page mark sits on a short line
DIGITS = pattern(r"\d+")
DIGIT = pattern(r"\d")


@phrases.cached
def page_number_pattern() -> Pattern:
    label, of = phrases.alternation("page_label"), phrases.alternation("page_of")
    return pattern(
        rf"^[\W_]{{0,20}}(?:(?:{label})\.?\s{{0,8}})?\d{{1,4}}"
        rf"(?:\s{{0,8}}(?:/|{of})\s{{0,8}}\d{{1,4}})?[\W_]{{0,20}}$",
        regex.IGNORECASE,
    )


@phrases.cached
def page_mark_pattern() -> Pattern:
    label, of = phrases.alternation("page_label"), phrases.alternation("page_of")
    return pattern(
        rf"\b(?:{label})\.?\s{{0,8}}(\d{{1,4}})\b|\b(\d{{1,4}})\s{{0,8}}(?:{of})\s{{0,8}}\d{{1,4}}\b",
        regex.IGNORECASE,
    )


def is_paginated(doc: Document) -> bool:
    """Short lines name at least two different pages."""
    pages = set()
    for block in doc.blocks:
        text = block.text
        if len(text) > PAGE_MARK_MAX_CHARS or not DIGIT.search(text):
            continue
        for m in page_mark_pattern().finditer(text):
            pages.add(m.group(1) or m.group(2))
            if len(pages) >= 2:
                return True
    return False


def is_list_or_heading(text: str) -> bool:
    return is_bullet(text) or heading_level(text) > 0


def join_wrapped_lines(doc: Document) -> None:
    """Join each paragraph's hard-wrapped lines (no blank line between them) into its first."""
    blocks = doc.blocks
    first = None  # the block the current paragraph gathers into
    for i, block in enumerate(blocks):
        if doc.is_marked(i):
            continue
        text = block.text
        if first is not None and block.gap == 0 and not is_list_or_heading(text):
            joined = join_pieces([blocks[first].text.rstrip(), text.strip()])
            doc.rewrote(
                blocks[first].text + "\n" + text,
                joined,
                "hard-wrapped lines joined",
                "pages.joined",
            )
            blocks[first].text = joined
            doc.remove(i, "hard-wrapped line, joined to the one above", "pages.wrapped_line")
        else:
            first = None if is_list_or_heading(text) else i


def running_shape(text: str) -> str:
    """A line's words with every number made the same, so "Page 12" and "Page 13" match."""
    return DIGITS.sub("#", key(text))


def could_be_running(text: str) -> bool:
    return RUNNING_MIN_WORDS <= words(text) <= RUNNING_MAX_WORDS and not ends_with_terminal(text)


@step("page_breaks", "page numbers and running headers/footers of print and PDF conversions")
def page_breaks(doc: Document) -> None:
    if not is_paginated(doc):
        return
    blocks = doc.blocks
    shapes = Counter(running_shape(b.text) for b in blocks if could_be_running(b.text))

    def is_running(i: int) -> bool:
        text = blocks[i].text
        return could_be_running(text) and shapes[running_shape(text)] >= RUNNING_MIN_REPEATS

    for i, block in enumerate(blocks):
        text = block.text
        if page_number_pattern().match(text):
            doc.remove(i, "page number", "pages.number")
        elif is_running(i) and page_mark_pattern().search(text):
            doc.remove(i, "running footer with the page number", "pages.footer")
        else:
            continue
        # the running header or footer lines next to it, on either side
        for direction in (-1, 1):
            j = i + direction
            while 0 <= j < len(blocks) and (doc.is_marked(j) or is_running(j)):
                doc.remove(j, "running header or footer (repeated on every page)", "pages.running")
                j += direction
    if any(block.gap for block in blocks):
        join_wrapped_lines(doc)
