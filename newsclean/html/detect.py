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


def looks_like_html(text: str) -> bool:
    """A web page or a fragment of one rather than a text dump: it starts with a tag, and has a
    page's outer tags or block elements opened and closed (`<div ...><p>...</p>`)."""
    head = text[:PAGE_SNIFF_CHARS].lstrip("\ufeff \t\r\n")
    if not head.startswith("<"):
        return False
    return PAGE_START.search(head) is not None or (
        FRAGMENT_START.match(head) is not None and CLOSING_BLOCK.search(head) is not None
    )
