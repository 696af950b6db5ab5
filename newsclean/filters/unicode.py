"""Unicode repair: mojibake (via ftfy, only where a cheap check finds it), invisible and
control characters, odd spaces, and NFC composition.

Odd line separators (CR, U+2028, U+2029, vertical tab, form feed, NEL) already end lines when
the dump is split into blocks. Zero-width joiners and non-joiners are kept: scripts such as
Persian and emoji sequences need them. Lone surrogates are dropped (a surrogate pair becomes its
character), so the output always encodes to UTF-8; runs of combining marks are cut at 30.
"""

from __future__ import annotations

import unicodedata

import ftfy
import ftfy.badness

from ..document import Document
from ..pipeline import step
from ..text import pattern

# control characters (tab aside), non-characters, invisible format characters (soft hyphen,
# zero-width space, bidi marks, embeddings, overrides and isolates, word joiner, BOM)
INVISIBLE = pattern(
    r"[\x00-\x08\x0e-\x1f\x7f-\x9f\p{Noncharacter_Code_Point}"
    r"\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+"
)
# terminal escape codes: CSI sequences (colours, cursor moves), OSC sequences (window titles,
# hyperlinks) ended by BEL or ESC \, character-set and other short escapes ("ESC ( B", "ESC =")
ANSI = pattern(
    r"\x1b\[[0-?]{0,32}[ -/]{0,4}[@-~]|\x1b\][^\x07\x1b\n]{0,512}(?:\x07|\x1b\\)"
    r"|\x1b[ -/]{0,3}[0-~]"
)
SPACES = pattern(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Unicode's stream-safe limit (UAX #15): no more than 30 combining marks in a row
MAX_MARKS = 30
MARK_FLOOD = pattern(r"(\p{M}{" + str(MAX_MARKS) + r"})\p{M}++")
ORPHAN_MARKS = pattern(r"^\s*+\p{M}++")  # combining marks at the start, with no base character
FTFY_CONFIG = ftfy.TextFixerConfig(
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


def strip_controls(text: str, done: list[str]) -> str:
    if "\x1b" in text:
        text, n = ANSI.subn("", text)
        if n:
            done.append("terminal escape codes removed")
    if INVISIBLE.search(text):
        text = INVISIBLE.sub("", text)
        done.append("control and invisible characters removed")
    return text


def repair(text: str) -> tuple[str, list[str]]:
    """One block's text, repaired, and what was done to it. The result always encodes to UTF-8."""
    done: list[str] = []
    if text.isascii():
        text = strip_controls(text, done)
        return text.replace("\t", " "), done
    if has_surrogates(text):
        text = drop_lone_surrogates(text)
        done.append("lone surrogates removed")
    text = strip_controls(text, done)  # first, so that ftfy judges what the reader sees
    if ftfy.badness.is_bad(text):
        fixed = ftfy.fix_text(text, FTFY_CONFIG)
        if fixed != text:
            text = strip_controls(fixed, [])  # a repair can uncover, say, a zero-width space
            done.append("mojibake repaired")
    text = SPACES.sub(" ", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        done.append("NFC normalised")
    text, n = MARK_FLOOD.subn(r"\1", text)
    if n:
        done.append(f"combining marks beyond {MAX_MARKS} in a row removed")
    text, n = ORPHAN_MARKS.subn("", text)
    if n:
        done.append("combining marks with no base character removed")
    return text, done


@step("unicode", "repair mojibake (ftfy), drop control and invisible characters, normalise spaces")
def normalise_unicode(doc: Document) -> None:
    for i, block in enumerate(doc.blocks):
        text, done = repair(block.text)
        if text == block.text:
            continue
        if done:
            doc.rewrote(block.text, text, "; ".join(done))
        if text.strip():
            block.text = text
        else:
            doc.remove(i, "only invisible characters")
