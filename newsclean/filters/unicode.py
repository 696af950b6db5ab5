"""Unicode repair: mojibake (via ftfy, only where a cheap check finds it), invisible and
control characters, terminal escapes, odd spaces, and NFC composition.

Odd line separators (CR, U+2028, U+2029, vertical tab, form feed, NEL) already end lines when
the dump is split into blocks. Zero-width joiners and non-joiners are kept: scripts such as
Persian and emoji sequences need them. Lone surrogates are dropped (a surrogate pair becomes its
character), so the output always encodes to UTF-8; runs of combining marks are cut at 30.

Speed: which blocks need which repair is found by scans of the whole document (one for any
repair, then one per kind of repair if that finds something), with plain character classes in
the standard `re` module (about twice as fast as `regex` on them); most blocks of most
documents need none.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import TYPE_CHECKING

import regex

from ..document import Document
from ..memo import memoised
from ..patterns import pattern
from ..pipeline import step

if TYPE_CHECKING:
    import ftfy

# control characters (tab aside; ESC included, so terminal escapes are found by the same scan),
# non-characters (U+FDD0..U+FDEF and U+nFFFE, U+nFFFF of every plane), invisible format
# characters (soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width space, bidi
# marks, embeddings, overrides and isolates, word joiner, BOM)
INVISIBLE_BMP = (
    "\x00-\x08\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff"
    "\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
)
ASTRAL_NONCHARACTERS = "".join(
    chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(1, 17)
)
INVISIBLE = re.compile("[" + INVISIBLE_BMP + ASTRAL_NONCHARACTERS + "]+")
# The document scan looks for a wider class: INVISIBLE's characters in the Basic Multilingual
# Plane, and any character beyond it (emoji, say). `re` is ten times slower on a class that
# lists the astral non-characters one by one; a block this finds is checked with INVISIBLE.
MAY_BE_INVISIBLE = re.compile("[" + INVISIBLE_BMP + "\U00010000-\U0010ffff]")
# terminal escape codes: CSI sequences (colours, cursor moves), OSC sequences (window titles,
# hyperlinks) ended by BEL or ESC \, character-set and other short escapes ("ESC ( B", "ESC =")
ANSI = pattern(
    r"\x1b\[[0-?]{0,32}[ -/]{0,4}[@-~]|\x1b\][^\x07\x1b\n]{0,512}(?:\x07|\x1b\\)"
    r"|\x1b[ -/]{0,3}[0-~]"
)
# a C1 control inside a mojibake sequence: after the lead character of a UTF-8 sequence read
# as latin-1 or cp1252 ("â€\x9d"); a C1 control anywhere else is dropped as a control
C1_IN_MOJIBAKE = re.compile("[\u00c2-\u00f4][^\\s\x00-\x7f]{0,2}[\x80-\x9f]")
# an HTML character reference: named (&amp; &nbsp;), decimal (&#39;) or hexadecimal (&#x27;)
ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
MAX_UNESCAPES = 4  # "&amp;amp;" is escaped twice: undone to a fixpoint, within bounds
ODD_SPACES = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
SPACES = re.compile("[" + ODD_SPACES + "]")
# either scan's characters: most documents have none, and need only this one scan
MAY_NEED_REPAIR = re.compile("[" + INVISIBLE_BMP + ODD_SPACES + "\U00010000-\U0010ffff]")
# Each alternative of ftfy's mojibake heuristic (ftfy.badness.BADNESS_RE, which has no
# lookaround) has a place that only a non-ASCII character other than PLAIN_PUNCTUATION can fill,
# and reaches no more than MOJIBAKE_REACH characters from it: so every match lies in the windows
# of that many characters around the runs MOJIBAKE_SIGN_RUN finds. Prose punctuation is left
# out: most English text has no other non-ASCII character, and needs no window at all. Checked
# against ftfy's pattern by tests/test_unicode.py.
PLAIN_PUNCTUATION = "’‘“”–—…\u00a0·«»•"
MOJIBAKE_SIGN_RUN = re.compile("[^\x00-\x7f" + PLAIN_PUNCTUATION + "]+")
MOJIBAKE_REACH = 3
# Unicode's stream-safe limit (UAX #15): no more than 30 combining marks in a row
MAX_MARKS = 30
MARK_FLOOD = pattern(r"(\p{M}{" + str(MAX_MARKS) + r"})\p{M}++")
ORPHAN_MARKS = pattern(r"^\s*+\p{M}++")  # combining marks at the start, with no base character
# what both need: one combining mark (one class, it cannot backtrack: no timeout guard needed)
MARK = regex.compile(r"\p{M}")
FTFY_PIECE = 100_000  # characters: see fix_mojibake


@cache
def ftfy_config() -> ftfy.TextFixerConfig:
    """ftfy's settings for mojibake repair. ftfy is imported with the first text that may
    hold mojibake, not with newsclean: it is slow to import, and most text never needs it."""
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,
        uncurl_quotes=False,
        fix_character_width=False,
        normalization="NFC",
        explain=False,
    )


def has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def drop_lone_surrogates(text: str) -> str:
    """Surrogate pairs become the character they encode; lone surrogates are dropped."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")


@memoised
def looks_like_mojibake(text: str) -> bool:
    """`ftfy.badness.is_bad(text)`, faster: its costly pattern runs first over the stretches
    around the characters every match needs (MOJIBAKE_SIGN_RUN; joined by NUL, which no pattern
    needs), and over the whole text only if that finds something. Prose with a few curly quotes
    or accents skips most of the text. Memoised: the pipeline's second pass asks again of most
    blocks."""
    spans: list[list[int]] = []
    for run in MOJIBAKE_SIGN_RUN.finditer(text):
        start, end = max(run.start() - MOJIBAKE_REACH, 0), run.end() + MOJIBAKE_REACH
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    windows = "\x00".join(text[start:end] for start, end in spans)
    if not windows:
        return False
    import ftfy.badness  # with the first text that may hold mojibake: see ftfy_config

    return ftfy.badness.is_bad(windows) and ftfy.badness.is_bad(text)


@dataclass(frozen=True)
class Suspects:
    """Which repairs beyond mojibake a block may need; the checks are made once per document."""

    invisible: bool = True
    spaces: bool = True
    denormalised: bool = True


ANYTHING = Suspects()


def blocks_matching(found_by: re.Pattern[str], joined: str, starts: list[int]) -> set[int]:
    """The indices of the blocks in which `found_by`, a class of characters other than the line
    break, matches: one scan of the blocks joined by line breaks (`starts`: their offsets, and
    the end), going on from the next block after each find."""
    found = set()
    match = found_by.search(joined)
    while match:
        index = bisect_right(starts, match.start()) - 1
        found.add(index)
        match = found_by.search(joined, starts[index + 1])
    return found


def document_suspects(texts: list[str]) -> list[Suspects]:
    """What each block may need: one scan of the whole document for the characters of either
    repair, then, if it finds one, one scan for each kind. (A text is NFC if and only if its
    lines are: a line break never combines.)"""
    joined = "\n".join(texts)
    denormalised = not unicodedata.is_normalized("NFC", joined)
    if not MAY_NEED_REPAIR.search(joined):
        return [suspects(False, False, denormalised)] * len(texts)
    starts = list(accumulate((len(t) + 1 for t in texts), initial=0))
    invisible = blocks_matching(MAY_BE_INVISIBLE, joined, starts)
    spaces = blocks_matching(SPACES, joined, starts)
    return [suspects(i in invisible, i in spaces, denormalised) for i in range(len(texts))]


@cache
def suspects(invisible: bool, spaces: bool, denormalised: bool) -> Suspects:
    """One shared value for each of the eight combinations: a document has many blocks."""
    return Suspects(invisible, spaces, denormalised)


def fix_mojibake(text: str) -> str:
    """ftfy.fix_text on pieces of at most FTFY_PIECE characters cut at spaces. ftfy cuts a line
    longer than its limit at an arbitrary point, which can split a mojibake sequence (then the
    next pass finds the rest) and costs more than linear time on a multi-megabyte line."""
    import ftfy  # see ftfy_config

    if len(text) <= FTFY_PIECE:
        return ftfy.fix_text(text, ftfy_config())
    pieces, start = [], 0
    while start < len(text):
        end = start + FTFY_PIECE
        if end < len(text):
            space = text.rfind(" ", start + FTFY_PIECE // 2, end)
            end = space + 1 if space != -1 else end
        pieces.append(ftfy.fix_text(text[start:end], ftfy_config()))
        start = end
    return "".join(pieces)


def strip_controls(text: str, done: list[str]) -> str:
    if "\x1b" in text:
        text, n = ANSI.subn("", text)
        if n:
            done.append("terminal escape codes removed")
    if INVISIBLE.search(text):
        text = INVISIBLE.sub("", text)
        done.append("control and invisible characters removed")
    return text


def unescape(text: str) -> str:
    """HTML character references decoded ("&amp;" -> "&", "&#39;" -> "'"), again while a
    decoding uncovers another ("&amp;amp;"), at most MAX_UNESCAPES times."""
    for _ in range(MAX_UNESCAPES):
        decoded = html.unescape(text)
        if decoded == text or not ENTITY.search(decoded):
            return decoded
        text = decoded
    return text


def repair(text: str, suspects: Suspects = ANYTHING) -> tuple[str, list[str]]:
    """One block's text, repaired, and what was done to it. The result always encodes to UTF-8."""
    done: list[str] = []
    if "&" in text and ENTITY.search(text):
        decoded = unescape(text)
        if decoded != text:
            text = decoded
            done.append("HTML character references decoded")
            suspects = ANYTHING  # "&nbsp;" is an odd space, "&#8203;" an invisible character
    if text.isascii():
        if suspects.invisible:
            text = strip_controls(text, done)
        return text.replace("\t", " ") if suspects.spaces else text, done
    if has_surrogates(text):
        text = drop_lone_surrogates(text)
        done.append("lone surrogates removed")
        suspects = ANYTHING
    repaired = False
    if suspects.invisible and C1_IN_MOJIBAKE.search(text) and looks_like_mojibake(text):
        # C1 controls are part of some mojibake ("â€\x9d" is a closing quote read as
        # latin-1): ftfy repairs it before they are dropped, or "”" would become "†". (A C1
        # control on its own is dropped, as before: ftfy would read it as cp1252)
        fixed = fix_mojibake(text)
        if fixed != text:
            text, repaired = fixed, True
            done.append("mojibake repaired")
            suspects = ANYTHING
    if suspects.invisible:
        text = strip_controls(text, done)  # first, so that ftfy judges what the reader sees
    if not repaired and looks_like_mojibake(text):
        fixed = fix_mojibake(text)
        if fixed != text:
            text = strip_controls(fixed, [])  # a repair can uncover, say, a zero-width space
            done.append("mojibake repaired")
            suspects = ANYTHING  # new text: check it all
    if suspects.spaces:
        text = SPACES.sub(" ", text)
    # a removal can leave a combining mark beside a new base character: check NFC again
    if (suspects.denormalised or done) and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        done.append("NFC normalised")
    if MARK.search(text):
        text, n = MARK_FLOOD.subn(r"\1", text)
        if n:
            done.append(f"combining marks beyond {MAX_MARKS} in a row removed")
        text, n = ORPHAN_MARKS.subn("", text)
        if n:
            done.append("combining marks with no base character removed")
    return text, done


# the reason code of a rewrite: that of the most significant repair made, in this order
REPAIR_CODES = (
    ("mojibake repaired", "unicode.mojibake"),
    ("HTML character references decoded", "unicode.entities"),
    ("lone surrogates removed", "unicode.surrogates"),
    ("terminal escape codes removed", "unicode.escapes"),
    ("control and invisible characters removed", "unicode.controls"),
    ("combining marks", "unicode.marks"),
    ("NFC normalised", "unicode.nfc"),
)


def repair_code(done: list[str]) -> str:
    """The reason code of a block's repairs (`done`, as `repair` gives them)."""
    return next(
        (code for what, code in REPAIR_CODES if any(d.startswith(what) for d in done)),
        "unicode.controls",
    )


@step("unicode", "repair mojibake (ftfy), drop control and invisible characters, normalise spaces")
def normalise_unicode(doc: Document) -> None:
    suspects = document_suspects([b.text for b in doc.blocks])
    for i, block in enumerate(doc.blocks):
        text, done = repair(block.text, suspects[i])
        if text == block.text:
            continue
        if done:
            doc.rewrote(block.text, text, "; ".join(done), repair_code(done))
        if text.strip():
            block.text = text
        else:
            doc.remove(i, "only invisible characters", "unicode.invisible")
