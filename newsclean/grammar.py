"""The markdown grammar newsclean reads: words, link and image syntax, heading, bullet and
quote markers, emphasis, and the characters that end a sentence or a clause, in every script.
The patterns here either cannot backtrack (and run unguarded on the hot path) or go through
the timeout guard."""

from __future__ import annotations

import re

import regex

from .patterns import pattern

# Patterns that cannot backtrack (a single class repeated, or anchored and bounded: their time
# is linear in the subject whatever it holds) need no timeout guard, and run unwrapped on the
# hot path: the wrapper's Python call costs more than most of their calls take. Those that need
# no `regex` feature use the standard `re` module, which is faster on plain classes.
WORD = regex.compile(r"\w+")  # `regex`: its \w takes in combining marks, `re`'s does not
ASCII_WORD = re.compile(r"\w+", re.ASCII)  # the same words in ASCII text
# a markdown link target: brackets, with at most one level of balanced brackets inside
TARGET = r"\((?:[^()\n]|\([^()\n]{0,200}\)){0,2000}\)"
# a markdown link's (or image's) text, in its square brackets, with at most one level of
# balanced square brackets inside ("[[update]](https://x)", "[IPA [aɔ]](/wiki/IPA)"), in group 1
LINK_TEXT = r"\[((?:[^\[\]\n]|\[[^\[\]\n]{0,200}\]){0,2000})\]"
# a markdown heading marker, a list bullet, or a blockquote marker at the start of a line
HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+")
BULLET = re.compile(r"^[ \t]{0,12}(?:[-*+•·▪►◦‣]|\d{1,3}[.)])[ \t]+")
QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?")
MARKER_LEADS = frozenset("#>-*+•·▪►◦‣")  # the first character of a marker (or a digit)
# markdown strong-emphasis markers: a run of two or more * or _ opening or closing a word
EMPHASIS = pattern(r"(?<![\w*])(?:\*{2,}|_{2,})(?=\S)|(?<=\S)(?:\*{2,}|_{2,})(?![\w*])")
# markdown emphasis with one marker, in pairs, the words in group 1 or 2: "_Aotearoa_", "*must*".
# A marker inside a word or path ("snake_case", "/a_b_/") or next to a space is not one, and
# the words between cannot hold their own marker, so each opener scans only to the next marker.
ITALIC = pattern(
    r"(?<![\w*\\/])\*(?=[^\s*])([^*\n]{1,2000})(?<=[^\s*\\])\*(?![\w*/])"
    r"|(?<![\w\\/])_(?=[^\s_])([^_\n]{1,2000})(?<=[^\s_\\])_(?![\w/])"
)
IMAGE = pattern(r"!" + LINK_TEXT + TARGET, same_in_re=True)
LINK = pattern(LINK_TEXT + TARGET, same_in_re=True)
# Punctuation in every script, by the Unicode properties that name it, so that a paragraph in
# Hindi ("।"), Urdu ("۔", "؟"), Armenian ("։"), Amharic ("።", "፣"), Burmese ("။", "၊") or Khmer
# ("។") reads as one, as it does in English or Chinese. Each is the inside of a character class.
# STOPS end a sentence (Sentence_Terminal: . ! ? 。 ！ ？ । ۔ ؟ ։ ። ။ ។ ..., and the ellipsis);
STOPS = r"\p{Sentence_Terminal}…"
# MARKS end a sentence or a clause (Terminal_Punctuation: . ! ? 。 । ..., and , ; : ، 、 ， ፣ ...;
# not the ellipsis, which also trails a label cut short: "Choose a reason…").
MARKS = r"\p{Terminal_Punctuation}"
STOP = regex.compile(f"[{STOPS}]")
ASCII_STOPS = frozenset(".!?")  # STOP's ASCII characters: a set lookup spares the pattern call
MARK = regex.compile(f"[{MARKS}]")
ASCII_MARKS = frozenset(",.;:!?")  # MARK's ASCII characters: a set lookup spares the pattern call
# Thai and Lao end their sentences with no mark at all (a space between phrases is all)
STOPLESS = regex.compile(r"[\p{Thai}\p{Lao}]")
LETTER = regex.compile(r"[\p{L}\p{M}]")
# what may end a finished line: a stop, a colon or a semicolon, a closing quote or bracket
TERMINAL = frozenset(".!?…:;\"”’»)'")


def ends_with_stop(text: str) -> bool:
    """The text's last character ends a sentence, in any script (STOPS)."""
    last = text[-1:]
    return last in ASCII_STOPS if last.isascii() else STOP.match(last) is not None


def is_terminal(char: str) -> bool:
    """A character that may end a finished line: TERMINAL's, or another script's stop."""
    return char in TERMINAL or (not char.isascii() and STOP.match(char) is not None)


def is_mark(char: str) -> bool:
    """A character that ends a sentence or a clause, in any script (MARKS)."""
    return char in ASCII_MARKS if char.isascii() else MARK.match(char) is not None


def marks(text: str) -> int:
    """How many marks end a sentence or a clause in the text, in any script (MARKS)."""
    return len(MARK.findall(text))


def in_stopless_script(text: str) -> bool:
    """Most of the text's letters are of a script that ends its sentences with no mark (Thai,
    Lao), so that its punctuation, or the lack of it, tells nothing."""
    return not text.isascii() and len(STOPLESS.findall(text)) * 2 > len(LETTER.findall(text))


def without_images(text: str) -> str:
    """The text without its markdown images (every image starts with "![")."""
    return IMAGE.sub("", text) if "![" in text else text


def may_have_marker(text: str) -> bool:
    """Whether a heading, bullet or quote marker can start `text`: a quick test that spares
    running the three patterns over blocks that start with a word, as most do."""
    lead = text[:1]
    if lead in (" ", "\t"):
        lead = text.lstrip(" \t")[:1]
    return lead in MARKER_LEADS or lead.isdigit()


def heading_level(text: str) -> int:
    m = HEADING.match(text) if may_have_marker(text) else None
    return len(m.group(1)) if m else 0


def is_bullet(text: str) -> bool:
    return may_have_marker(text) and BULLET.match(text) is not None


def without_italics(text: str) -> str:
    """The text without its single-marker emphasis markers ("_Aotearoa_" -> "Aotearoa")."""
    if "_" not in text and "*" not in text:
        return text
    return ITALIC.sub(lambda m: m.group(1) or m.group(2), text)
