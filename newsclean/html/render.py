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
INVISIBLE_TAGS = ("script", "style", "template", "svg", "iframe", "object")
# the page's linked data (JSON-LD): a script a reader never sees, but the best source of the
# page's author and title; `parse` keeps it in <head>, where no text is read from
LINKED_DATA_XPATH = "//script[@type='application/ld+json']"
# elements a reader sees only when a script shows them (hidden) or when scripts do not run
# (<noscript>): they go unless they hold nearly all of the page's text (`parse`)
HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.I)
HIDDEN_XPATH = "//noscript | //*[@hidden or @aria-hidden='true' or @style]"
# a no-break space whose two UTF-8 bytes were read as Latin-1 or cp1252, as many a CMS stores
# it: ftfy repairs "Â\xa0" (the unicode filter would), but the block texts collapse runs of
# spaces, the no-break space among them, and "Â " or a block-final "Â" tells ftfy nothing.
# So `parse` repairs the text nodes that hold it, before anyone reads them (trafilatura too)
MISREAD_NO_BREAK_SPACE = "\u00c2\u00a0"
# the share of the page's words the shown elements must hold for the hidden ones to go: a
# page whose text is all in <noscript> (a forum served to a crawler) or in an element a
# script will show is read as if the script had run
SHOWN_SHARE = 0.25
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
# the end tags of <body> and <html>: a browser reads on past them (HTML's parsing rules put
# whatever follows into the body), but lxml's parser (libxml2's) drops all that follows
# </html>, and puts what follows </body> outside the body. A page whose template closes
# them early (a header template that ends the document, the article after it) would lose
# its article, so `parse` reads the page without them, as a browser does
DOCUMENT_END_TAG = regex.compile(r"</(?:body|html)\s*>", regex.I)
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
    """The page's element tree with what a reader never sees removed (but its linked data, in
    <head>), or None if it has none."""
    import lxml.etree  # imported with the first page: a dump never needs it
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(DOCUMENT_END_TAG.sub("", html), html_parser())
    except (lxml.etree.ParserError, ValueError):
        return None
    if MISREAD_NO_BREAK_SPACE in html:
        repair_no_break_spaces(tree)
    linked_data = [s.text for s in tree.xpath(LINKED_DATA_XPATH) if s.text and s.text.strip()]
    lxml.etree.strip_elements(tree, *INVISIBLE_TAGS, lxml.etree.Comment, with_tail=False)
    if linked_data:
        head = tree.find("head")
        if head is None:
            head = tree.makeelement("head", {})
            tree.insert(0, head)
        for text in linked_data:
            lxml.etree.SubElement(head, "script", type="application/ld+json").text = text
    found = [e for e in tree.xpath(HIDDEN_XPATH) if is_hidden(e)]
    marked = set(found)
    hidden = [e for e in found if not any(a in marked for a in e.iterancestors())]
    body = tree.find("body")
    if hidden and body is not None:
        total = word_count(body)
        shown = total - sum(word_count(e) for e in hidden if body in e.iterancestors())
        if shown < SHOWN_SHARE * total:
            return tree
    for element in hidden:
        element.drop_tree()
    return tree


def repair_no_break_spaces(tree: lxml.html.HtmlElement) -> None:
    """ftfy's repair of the encoding (`ftfy.fix_encoding`, mojibake alone) on each text of the
    tree that holds a misread no-break space (MISREAD_NO_BREAK_SPACE)."""
    import ftfy

    for element in tree.iter():
        if element.text and MISREAD_NO_BREAK_SPACE in element.text:
            element.text = ftfy.fix_encoding(element.text)
        if element.tail and MISREAD_NO_BREAK_SPACE in element.tail:
            element.tail = ftfy.fix_encoding(element.tail)


def is_hidden(element: lxml.html.HtmlElement) -> bool:
    """Whether a reader sees the element only when a script shows it (or when scripts do not
    run, for <noscript>)."""
    return (
        element.tag == "noscript"
        or element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or bool(HIDDEN_STYLE.search(element.get("style") or ""))
    )


def word_count(element: lxml.html.HtmlElement) -> int:
    return len(element.text_content().split())


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
