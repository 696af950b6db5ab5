"""Markdown debris: heading and quote markers, emphasis markers, backslash escapes, inline
images, links reduced to their text, rules and other blocks with no words. List items keep a
plain "- " bullet (numbered items keep their number): the list is part of the article."""

from __future__ import annotations

import regex

from ..document import Document
from ..pipeline import step
from ..text import BULLET, EMPHASIS, HEADING, IMAGE, LINK, QUOTE, may_have_marker

ESCAPE = regex.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
NUMBERED = regex.compile(r"^\s*(\d{1,3}[.)])\s+")
EMPTY_LINK = regex.compile(r"\[\s*\]\([^)\n]{0,2000}\)")
SPACE_RUN = regex.compile(r"[ \t]{2,}")
LETTER_OR_DIGIT = regex.compile(r"[^\W_]")  # "___" is a rule, not a word


def strip_markdown(text: str) -> str:
    out = text
    if may_have_marker(out):
        out = HEADING.sub("", out, count=1)
        out = QUOTE.sub("", out, count=1)
        m = BULLET.match(out)
        if m:
            number = NUMBERED.match(out)
            out = (number.group(1) + " " if number else "- ") + out[m.end():]
    if "](" in out:
        out = IMAGE.sub("", out)
        out = EMPTY_LINK.sub("", out)
        out = LINK.sub(r"\1", out)
    if "**" in out or "__" in out:
        out = EMPHASIS.sub("", out)
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
            doc.remove(i, "no words (a rule, a separator or a stray mark)")
            continue
        out = strip_markdown(text)
        if out != text.strip():
            if not LETTER_OR_DIGIT.search(out):
                doc.remove(i, "markup only")
                continue
            if out.replace(" ", "") != text.replace(" ", ""):
                doc.rewrote(text, out, "markdown markup removed")
            block.text = out
