"""Unicode repair: mojibake (via ftfy, only where a cheap check finds it), invisible and
control characters, odd spaces, and NFC composition.

Odd line separators (CR, U+2028, U+2029, vertical tab, form feed, NEL) already end lines when
the dump is split into blocks. Zero-width joiners and non-joiners are kept: scripts such as
Persian and emoji sequences need them.
"""

from __future__ import annotations

import unicodedata

import ftfy
import ftfy.badness

from ..document import Document
from ..pipeline import step
from ..text import pattern

# control characters (tab aside), lone surrogates, non-characters, invisible format characters
INVISIBLE = pattern(
    r"[\x00-\x08\x0e-\x1f\x7f-\x9f\p{Cs}\ufdd0-\ufdef\ufffe\uffff"
    r"\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+"
)
ANSI = pattern(r"\x1b\[[0-9;?]{0,32}[ -/]{0,4}[@-~]")
SPACES = pattern(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False, uncurl_quotes=False, fix_character_width=False, normalization="NFC", explain=False
)


def repair(text: str) -> tuple[str, list[str]]:
    """One block's text, repaired, and what was done to it."""
    done = []
    if text.isascii():
        if "\x1b" in text:
            text, n = ANSI.subn("", text)
            if n:
                done.append("terminal escape codes removed")
        if INVISIBLE.search(text):
            text = INVISIBLE.sub("", text)
            done.append("control characters removed")
        if "\t" in text:
            text = text.replace("\t", " ")
        return text, done
    if ftfy.badness.is_bad(text):
        fixed = ftfy.fix_text(text, FTFY_CONFIG)
        if fixed != text:
            text = fixed
            done.append("mojibake repaired")
    if "\x1b" in text:
        text, n = ANSI.subn("", text)
        if n:
            done.append("terminal escape codes removed")
    if INVISIBLE.search(text):
        text = INVISIBLE.sub("", text)
        done.append("invisible characters removed")
    text = SPACES.sub(" ", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        done.append("NFC normalised")
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
