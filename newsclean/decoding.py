"""Bytes to text: the one decoding path of `clean(bytes)`, the command line and the report.

In order: a byte-order mark; UTF-8; the declared charset (an HTML page's <meta charset>); UTF-8
with replacement characters where the bytes are UTF-8 but for a few stray bytes (a warning
says so); short Latin text in windows-1252; then detection (charset_normalizer, imported only
when it is needed). docs/html.md has the details.
"""

from __future__ import annotations

import codecs
import re

import regex

DECLARED_CHARSET = regex.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w:.-]{1,40})""", regex.I
)
CHARSET_SNIFF_BYTES = 4096
# browsers read these labels as windows-1252 (the WHATWG encoding standard)
WINDOWS_1252_LABELS = frozenset(
    {"ascii", "us-ascii", "latin1", "latin-1", "iso-8859-1", "iso8859-1", "l1"}
)
# a class of literal characters means the same to `re`, which scans a whole page for it in half
# `regex`'s time
CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\ufffd]")
MAX_CONTROL_SHARE = 0.01  # decoded text with more control or replacement characters is binary
# stray NUL bytes are dropped by the cleaning: text may hold a few (a binary file holds many)
MAX_NUL_SHARE = 0.1


class DecodeError(ValueError):
    """Bytes that decode to no text in any common encoding."""


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
    import charset_normalizer  # costly to import, and only needed here, where all else failed

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
