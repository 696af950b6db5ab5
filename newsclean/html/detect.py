"""Is this text a web page (or a fragment of one) rather than a text dump?"""

from __future__ import annotations

import regex

# a document, not a fragment: a doctype or an <html>, <head> or <body> tag near the start
PAGE_START = regex.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]", regex.IGNORECASE)
PAGE_SNIFF_CHARS = 4096
# a fragment of a page: it opens with a block element's tag and closes one
FRAGMENT_START = regex.compile(
    r"<(?:div|p|article|section|main|span|h[1-6]|ul|ol|table|blockquote|figure|header)[\s>]",
    regex.IGNORECASE,
)
CLOSING_BLOCK = regex.compile(
    r"</(?:div|p|article|section|main|span|h[1-6]|ul|ol|li|table|blockquote|figure)\s*>",
    regex.IGNORECASE,
)
# ... and its markup runs through it: a quarter of its lines or more hold a tag. A text dump
# that opens with a stray element (a tracking pixel's <div>) and goes on as plain lines stays
# a dump: parsed as a page, its lines would run together into one block
MIN_TAGGED_LINES = 0.25
TAG = regex.compile(r"</?[A-Za-z][^<>]*>")


def looks_like_html(text: str) -> bool:
    """A web page or a fragment of one rather than a text dump: it starts with a tag, and has a
    page's outer tags, or block elements opened and closed (`<div ...><p>...</p>`) with tags on
    a quarter of its lines or more."""
    head = text[:PAGE_SNIFF_CHARS].lstrip("\ufeff \t\r\n")
    if not head.startswith("<"):
        return False
    if PAGE_START.search(head) is not None:
        return True
    if FRAGMENT_START.match(head) is None or CLOSING_BLOCK.search(head) is None:
        return False
    lines = [line for line in head.splitlines() if line.strip()]
    return sum(TAG.search(line) is not None for line in lines) >= MIN_TAGGED_LINES * len(lines)
