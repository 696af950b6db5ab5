"""Paragraphs: blocks broken in two rejoined ("... armed forces had" + "been neutralised ...")
and whitespace normalised. A block that ends without terminal punctuation and is followed by one
that starts in lower case is the same paragraph; list items and headings are never joined. A word
hyphenated across the break ("realis-" + "tic") is rejoined without its hyphen."""

from __future__ import annotations

import regex

from ..document import Document
from ..pipeline import step
from ..text import BULLET, HEADING, ends_with_terminal, starts_lower

SPACE_RUN = regex.compile(r"\s{2,}")
# a word hyphenated at the end of a hard-wrapped line: "realis-" + "tic"
SPLIT_WORD = regex.compile(r"(?<=\p{Ll})-$")


def join_broken(first: str, second: str) -> str:
    """Two pieces of one paragraph as one, a word hyphenated across the break made whole."""
    return first[:-1] + second if SPLIT_WORD.search(first) else first + " " + second


def joinable(first: str, second: str) -> bool:
    return (
        not ends_with_terminal(first)
        and starts_lower(second)
        and not BULLET.match(second)
        and not BULLET.match(first)
        and not HEADING.match(first)
        and not HEADING.match(second)
    )


@step("paragraphs", "rejoin paragraphs broken in two; one space between words")
def paragraphs(doc: Document) -> None:
    blocks = doc.blocks
    kept = []
    for block in blocks:
        text = SPACE_RUN.sub(" ", block.text.strip())
        block.text = text
        if kept and joinable(kept[-1].text, text):
            joined = join_broken(kept[-1].text, text)
            doc.rewrote(kept[-1].text + "\n\n" + text, joined, "broken paragraph rejoined")
            kept[-1].text = joined
        else:
            kept.append(block)
    doc.blocks = kept
