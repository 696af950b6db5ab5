"""Markdown debris: heading and quote markers, emphasis markers (runs of * or _, and single
ones in pairs: "_Aotearoa_"), backslash escapes, inline images, links reduced to their text,
rules and other blocks with no words. List items keep a plain "- " bullet (numbered items keep
their number): the list is part of the article."""

from __future__ import annotations

from ..document import Document
from ..grammar import (
    BULLET,
    EMPHASIS,
    HEADING,
    LINK,
    QUOTE,
    TARGET,
    may_have_marker,
    without_images,
    without_italics,
)
from ..patterns import pattern
from ..pipeline import step
from ..text import word_list

ESCAPE = pattern(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
NUMBERED = pattern(r"^\s{0,12}(\d{1,3}[.)])\s")
EMPTY_LINK = pattern(r"\[\s{0,100}\]" + TARGET)
SPACE_RUN = pattern(r"[ \t]{2,}")
LETTER_OR_DIGIT = pattern(r"[\p{L}\p{N}]")  # "___" is a rule, a lone joiner (U+200D) no word
MAX_PASSES = 8  # unescaping or unwrapping can uncover markup; nesting deeper than this is kept
TEX_COMMAND = pattern(r"\\[A-Za-z]+")


def tex_group_end(text: str, start: int) -> int | None:
    """The end of the brace group opening at `start` (escaped braces skipped); None if open."""
    depth = 0
    i = start
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


def rendered_formula_start(before: str, source: str) -> int:
    """Where the rendering of a formula that ends `before` starts: the words just before the TeX
    source that are all in it ("A", "Hermitian", "i") or are one symbol ("⟺", "¯")."""
    symbols = TEX_COMMAND.sub(" ", source)
    known = set(symbols) | set(word_list(symbols))
    start = len(before.rstrip())
    for token in reversed(before[:start].split()):
        if token not in known and (len(token) > 1 or token.isalnum()):
            break
        start = before.rindex(token, 0, start)
    return start


def without_tex(text: str) -> str:
    """The text without the TeX source a math renderer left beside its rendering (the source as
    a brace group opened by a command, "{\\displaystyle a_{ij}}", and the rendered formula just
    before it): prose has no "{\\" followed by a letter."""
    pieces = []
    done = 0
    start = text.find("{\\")
    while start != -1:
        if not text[start + 2 : start + 3].isalpha():
            start = text.find("{\\", start + 2)
            continue
        end = tex_group_end(text, start)
        if end is None:  # never closed: what follows is kept, and scanned only once
            break
        pieces.append(text[done : done + rendered_formula_start(text[done:start], text[start:end])])
        done = end
        start = text.find("{\\", end)
    return "".join(pieces) + text[done:] if pieces else text


def strip_markdown(text: str) -> str:
    """The text with its markdown removed, repeated until nothing more comes off, so that what
    an escape or an emphasis marker uncovered goes too and cleaning twice changes nothing."""
    out = text.strip()
    for _ in range(MAX_PASSES):
        stripped = strip_markdown_once(out)
        if stripped == out:
            break
        out = stripped
    return out


def strip_markdown_once(text: str) -> str:
    out = text
    if may_have_marker(out):
        out = HEADING.sub("", out, count=1)
        out = QUOTE.sub("", out, count=1)
        m = BULLET.match(out)
        if m:
            number = NUMBERED.match(out)
            out = (number.group(1) + " " if number else "- ") + out[m.end() :]
    if "](" in out:
        out = EMPTY_LINK.sub("", without_images(out))
        out = LINK.sub(r"\1", out)
    if "{\\" in out:
        out = without_tex(out)
    if "**" in out or "__" in out:
        out = EMPHASIS.sub("", out)
    out = without_italics(out)
    if "\\" in out:
        out = ESCAPE.sub(r"\1", out)
    if "  " in out or "\t" in out:
        out = SPACE_RUN.sub(" ", out)
    out = out.strip()
    return out


@step("markdown", "heading/emphasis/quote markers, escapes, image and link syntax; wordless blocks")
def markdown(doc: Document) -> None:
    for i, block in enumerate(doc.blocks):
        text = block.text
        if not LETTER_OR_DIGIT.search(text):
            doc.remove(i, "no words (a rule, a separator or a stray mark)", "markdown.no_words")
            continue
        out = strip_markdown(text)
        if out != text.strip():
            if not LETTER_OR_DIGIT.search(out):
                doc.remove(i, "markup only", "markdown.markup_only")
                continue
            if out.replace(" ", "") != text.replace(" ", ""):
                doc.rewrote(text, out, "markdown markup removed", "markdown.markup")
            block.text = out
