"""Paragraphs: blocks broken in two rejoined ("... armed forces had" + "been neutralised ...")
and whitespace normalised. A block that ends without terminal punctuation and is followed by one
that starts in lower case is the same paragraph; list items and headings are never joined. A word
hyphenated across the break ("realis-" + "tic") is rejoined without its hyphen."""

from __future__ import annotations

from ..document import Block, Document
from ..grammar import BULLET, HEADING
from ..patterns import pattern
from ..pipeline import step
from ..text import ends_with_terminal, join_pieces, starts_lower

SPACE_RUN = pattern(r"\s{2,}")


def without_space_runs(text: str) -> str:
    """Runs of whitespace made one space. Every whitespace character but the space is
    unprintable, so printable text without a double space has no run: most blocks skip the
    pattern."""
    if "  " in text or not text.isprintable():
        return SPACE_RUN.sub(" ", text)
    return text


def joinable(first: str, second: str) -> bool:
    return (
        not ends_with_terminal(first)
        and starts_lower(second)
        and not BULLET.match(second)
        and not BULLET.match(first)
        and not HEADING.match(first)
        and not HEADING.match(second)
    )


def last_piece(pieces: list[str]) -> str:
    """The piece whose end is the end of the joined text (pieces of only ` *_` are looked past)."""
    return next((p for p in reversed(pieces) if p.rstrip(" *_")), pieces[-1])


@step("paragraphs", "rejoin paragraphs broken in two; one space between words")
def paragraphs(doc: Document) -> None:
    # Each kept block collects the pieces rejoined into it; they are joined once at the end, so
    # a long run of broken lines costs linear time, not quadratic.
    kept: list[tuple[Block, list[str]]] = []
    for block in doc.blocks:
        text = without_space_runs(block.text.strip())
        block.text = text
        if kept:
            pieces = kept[-1][1]
            first, last = pieces[0], last_piece(pieces)
            if joinable(first, text) and not ends_with_terminal(last):
                pieces.append(text)
                continue
        kept.append((block, [text]))
    for block, pieces in kept:
        if len(pieces) > 1:
            block.text = join_pieces(pieces)
            doc.rewrote(
                "\n\n".join(pieces), block.text, "broken paragraph rejoined", "paragraphs.rejoined"
            )
    doc.blocks = [block for block, _ in kept]
