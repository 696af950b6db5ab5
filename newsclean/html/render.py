"""The page as the reader sees it: the element tree without what is never shown, and its text
with one line per block element (what the whole-page dump path cleans when trafilatura finds
too little, and what the describe step reads)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    import lxml.html

# elements a reader never sees
INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object")
HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.I)
HIDDEN_XPATH = "//*[@hidden or @aria-hidden='true' or @style]"
# block-level elements: each starts a new block in the text rendering of a page
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "td",
        "th",
        "tr",
        "ul",
        "caption",
    ]
)
SPACE_RUN = regex.compile(r"\s+")
BLANK_RUN = regex.compile(r"\n{3,}")
# a parser is used by one thread at a time (lxml locks it): one a thread, made with its first page
PARSERS = threading.local()


def html_parser() -> lxml.html.HTMLParser:
    """lxml.html's parser with its element classes looked up in C, this thread's. lxml.html's own
    lookup is a Python call each time an element of the tree is first touched (by the walks of
    newsclean, trafilatura and htmldate: a tenth of the page's time); the classes it alone
    gives (forms and their fields) are never used."""
    parser = getattr(PARSERS, "parser", None)
    if parser is None:
        import lxml.etree
        import lxml.html

        parser = PARSERS.parser = lxml.html.HTMLParser()
        lookup = lxml.etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
        parser.set_element_class_lookup(lookup)
    return parser


def parse(html: str) -> lxml.html.HtmlElement | None:
    """The page's element tree with what a reader never sees removed, or None if it has none."""
    import lxml.etree  # imported with the first page: a dump never needs it
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html, html_parser())
    except (lxml.etree.ParserError, ValueError):
        return None
    lxml.etree.strip_elements(tree, *INVISIBLE_TAGS, lxml.etree.Comment, with_tail=False)
    for element in tree.xpath(HIDDEN_XPATH):
        if (
            element.get("hidden") is not None
            or element.get("aria-hidden") == "true"
            or HIDDEN_STYLE.search(element.get("style") or "")
        ):
            element.drop_tree()
    return tree


def render_text(tree: lxml.html.HtmlElement) -> str:
    """The page as a text dump: one line per block element, a blank line between blocks.

    Line breaks inside the source's text are spaces, as a browser shows them, except in <pre>.
    """
    parts: list[str] = []

    def add(text: str | None, preformatted: bool) -> None:
        if text:
            parts.append(text if preformatted else SPACE_RUN.sub(" ", text))

    def walk(element: lxml.html.HtmlElement, preformatted: bool) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        block = tag in BLOCK_TAGS
        preformatted = preformatted or tag == "pre"
        parts.append("\n\n" if block else "\n" if tag == "br" else "")
        add(element.text, preformatted)
        for child in element:
            walk(child, preformatted)
        if block:
            parts.append("\n\n")
        add(element.tail, preformatted and not block)

    body = tree.find("body")
    walk(body if body is not None else tree, False)
    lines = "\n".join(line.strip() for line in "".join(parts).split("\n"))
    return BLANK_RUN.sub("\n\n", lines).strip()
