"""HTML input: recognise a web page, decode its bytes, extract the article with trafilatura.

The newsclean filters then finish trafilatura's output (captions, ad labels, related links,
prompts and bylines it leaves in). Where trafilatura finds too little, the page is rendered to
plain text with its block layout and goes through the dump path instead.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

import charset_normalizer
import lxml.etree
import lxml.html
import regex
import trafilatura

from .document import Change
from .pipeline import Result
from .text import is_paragraph, key

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
DECLARED_CHARSET = regex.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w:.-]{1,40})""", regex.I
)
CHARSET_SNIFF_BYTES = 4096
# browsers read these labels as windows-1252 (the WHATWG encoding standard)
WINDOWS_1252_LABELS = frozenset(
    {"ascii", "us-ascii", "latin1", "latin-1", "iso-8859-1", "iso8859-1", "l1"}
)
CONTROL = regex.compile(r"[\x01-\x08\x0e-\x1f\ufffd]")
MAX_CONTROL_SHARE = 0.01  # decoded text with more control or replacement characters is binary
# stray NUL bytes are dropped by the cleaning: text may hold a few (a binary file holds many)
MAX_NUL_SHARE = 0.1

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

# trafilatura's settings, chosen by measurement on the development corpus (docs/html.md)
EXTRACT_OPTIONS = {"include_comments": False, "include_tables": True, "favor_recall": True}
# the publication date from the page's markup only: the search through its whole text is slow
DATE_OPTIONS = {"extensive_search": False, "original_date": True}
# trafilatura "found too little": fewer word characters than this (about 120 English words;
# counted in characters so that scripts written without spaces measure alike). Then the page's
# own text, cleaned, replaces trafilatura's when trafilatura found next to nothing, when the
# page's text is at most MAX_FALLBACK_GROWTH times longer, or when it reads as running prose:
# the same article, more of it, rather than a page of navigation and teasers around it
MIN_EXTRACTED_CHARS = 600
NEARLY_NOTHING_CHARS = 250
MAX_FALLBACK_GROWTH = 2.5
MIN_PROSE_SHARE = 0.9
WORD_CHAR = regex.compile(r"\w")


class DecodeError(ValueError):
    """Bytes that decode to no text in any common encoding."""


def looks_like_html(text: str) -> bool:
    """A web page or a fragment of one rather than a text dump: it starts with a tag, and has a
    page's outer tags or block elements opened and closed (`<div ...><p>...</p>`)."""
    head = text[:PAGE_SNIFF_CHARS].lstrip("\ufeff \t\r\n")
    if not head.startswith("<"):
        return False
    return PAGE_START.search(head) is not None or (
        FRAGMENT_START.match(head) is not None and CLOSING_BLOCK.search(head) is not None
    )


def _codec(label: str) -> str | None:
    label = label.strip().lower()
    if label in WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _is_text(text: str) -> bool:
    size = max(1, len(text))
    return (
        len(CONTROL.findall(text)) <= MAX_CONTROL_SHARE * size
        and text.count("\x00") <= MAX_NUL_SHARE * size
    )


def decode(data: bytes) -> str:
    """Bytes to text (see `decode_noting`)."""
    return decode_noting(data)[0]


# a UTF-8 sequence of two to four bytes, and a byte that starts none
UTF8_SEQUENCE = regex.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# characters of Latin text that cp1252 gives besides letters
CP1252_PUNCTUATION = frozenset("\u00a0’‘“”„–—…€•·«»°§©®½¼¾×÷¡¿ªº¢£¥´¨¸")
NON_ASCII_WORD = regex.compile(r"\w*[^\x00-\x7f]\w*")


def decode_noting(data: bytes) -> tuple[str, list[str]]:
    """Bytes to text, and what was unusual about the decoding (for `explain()` warnings).

    In order: a byte-order mark; UTF-8; the declared charset (an HTML page's <meta charset>);
    UTF-8 with replacement characters where the bytes are UTF-8 but for a few stray bytes (a
    warning says so); short Latin text in windows-1252; then detection. A declared charset that
    does not fit the bytes (they fail to decode, or a single-byte charset is declared for bytes
    that are valid UTF-8) is overruled. Raises `DecodeError` when no common encoding gives text.
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            text = _strict(data, encoding)
            if text is not None and _is_text(text):
                return text, []
    utf8 = _strict(data, "utf-8")
    declared = DECLARED_CHARSET.search(data[:CHARSET_SNIFF_BYTES])
    encoding = _codec(declared.group(1).decode("ascii", "replace")) if declared else None
    if encoding and not (utf8 is not None and not data.isascii() and _is_single_byte(encoding)):
        text = _strict(data, encoding)
        if text is not None and _is_text(text):
            return text, []
    if utf8 is not None and _is_text(utf8):
        return utf8, []
    stray = _stray_utf8_bytes(data, declared_utf8=encoding == "utf-8")
    if stray is not None:
        text = data.decode("utf-8", errors="replace")
        if _is_text(text.replace("\ufffd", "")):
            return text, [f"not valid UTF-8: {stray} stray bytes decoded as \ufffd"]
    latin = _strict(data, "cp1252")
    if latin is not None and _is_text(latin) and _reads_as_latin(latin):
        return latin, []
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        text = str(best)
        if _is_text(text):
            return text, []
    raise DecodeError(
        f"cannot decode {len(data)} bytes as text: no declared charset fits and no common "
        "encoding was detected (is this a binary file?)"
    )


def _stray_utf8_bytes(data: bytes, declared_utf8: bool) -> int | None:
    """How many bytes are not UTF-8, if the bytes are UTF-8 but for a few strays: at most two
    more stray bytes than well-formed multi-byte sequences, and at least one such sequence
    unless the page declares UTF-8. (Text in a single-byte charset has no well-formed
    sequences, as a rule; random bytes have far more strays than sequences.)"""
    sequences = len(UTF8_SEQUENCE.findall(data))
    if not sequences and not declared_utf8:
        return None
    text = data.decode("utf-8", errors="replace")
    stray = text.count("\ufffd") - data.count("\ufffd".encode())
    return stray if 0 < stray <= sequences + 2 else None


def _reads_as_latin(text: str) -> bool:
    """Text read as windows-1252 that reads as a Latin script: every non-ASCII character a
    letter or common punctuation, and most words with a non-ASCII letter also hold an ASCII one
    ("café", "Zürich"). Short texts defeat detection; cp1251 or cp1250 read as cp1252 give
    words of accented letters alone, or symbols."""
    if any(not (c.isascii() or c.isalpha() or c in CP1252_PUNCTUATION) for c in text):
        return False
    words = [w for w in NON_ASCII_WORD.findall(text) if any(c.isalpha() for c in w)]
    mixed = sum(1 for w in words if any(c.isascii() and c.isalpha() for c in w))
    return 2 * mixed >= len(words)


def _is_single_byte(encoding: str) -> bool:
    return encoding in ("cp1252", "latin-1", "iso8859-1") or encoding.startswith(
        ("iso8859", "cp125", "koi8", "mac")
    )


def parse(html: str) -> lxml.html.HtmlElement | None:
    """The page's element tree with what a reader never sees removed, or None if it has none."""
    try:
        tree = lxml.html.document_fromstring(html)
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


@dataclass
class Extraction:
    """What trafilatura made of a page: its text (None when it found nothing) and metadata."""

    text: str | None
    meta: dict[str, str] = field(default_factory=dict)


def extract(tree: lxml.html.HtmlElement) -> Extraction:
    found = trafilatura.bare_extraction(
        tree, with_metadata=True, date_extraction_params=DATE_OPTIONS, **EXTRACT_OPTIONS
    )
    meta: dict[str, str] = {}
    language = tree.get("lang") or ""
    if found is None:
        return Extraction(None, {"language": language} if language else {})
    for field_name in ("title", "author", "date", "sitename", "url"):
        value = getattr(found, field_name, None)
        if value:
            meta[field_name] = str(value)
    if language:
        meta["language"] = language
    return Extraction(found.text or None, meta)


def size(text: str) -> int:
    """How much text there is: its word characters."""
    return len(WORD_CHAR.findall(text))


def prefer_page_text(
    extracted: str, page_text: str, min_extracted: int = MIN_EXTRACTED_CHARS
) -> bool:
    """Whether the page's cleaned text is the better body when trafilatura found too little
    (under `min_extracted` word characters: `Config.html.min_extracted_chars`)."""
    found, more = size(extracted), size(page_text)
    if found >= min_extracted or more <= found:
        return False
    if found < NEARLY_NOTHING_CHARS or more <= MAX_FALLBACK_GROWTH * found:
        return True
    prose = sum(size(block) for block in page_text.split("\n\n") if is_paragraph(block))
    return prose >= MIN_PROSE_SHARE * more


def drop_headline(result: Result) -> None:
    """The page's title opening the body is the headline: out of the body (it is in metadata)."""
    first, _, rest = result.text.partition("\n\n")
    title = result.meta.get("title", "")
    if title and key(first) == key(title):
        result.changes.insert(
            0, Change("html", "metadata", "title: headline", first, code="html.headline")
        )
        result.text = rest
