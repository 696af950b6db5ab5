"""Unicode repair: mojibake (via ftfy, only where a cheap check finds it), invisible and
control characters, odd spaces, and NFC composition.

Odd line separators (CR, U+2028, U+2029, vertical tab, form feed, NEL) already end lines when
the dump is split into blocks. Zero-width joiners and non-joiners are kept: scripts such as
Persian and emoji sequences need them.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

import ftfy
import ftfy.badness
import regex

from ..document import Document
from ..pipeline import step

# control characters (tab aside), lone surrogates, non-characters, invisible format characters.
# Plain character classes: the standard `re` module scans them about twice as fast as `regex`.
INVISIBLE = re.compile(
    r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    r"\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+"
)
ANSI = regex.compile(r"\x1b\[[0-9;?]{0,32}[ -/]{0,4}[@-~]")
SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# Every pattern of ftfy's mojibake heuristic matches at most 7 characters, at least one of them
# non-ASCII: so a match lies within this many characters of a run of non-ASCII characters.
MOJIBAKE_REACH = 8
FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_character_width=False,
    normalization="NFC",
    explain=False,
)


def looks_like_mojibake(text: str) -> bool:
    """`ftfy.badness.is_bad(text)`, faster: its costly pattern runs first over the stretches
    around non-ASCII characters only (joined by NUL, which no pattern needs), and over the whole
    text only if that finds something. Prose with a few curly quotes or accents skips most of
    the text."""
    spans: list[list[int]] = []
    for run in NON_ASCII_RUN.finditer(text):
        start, end = max(run.start() - MOJIBAKE_REACH, 0), run.end() + MOJIBAKE_REACH
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    windows = "\x00".join(text[start:end] for start, end in spans)
    return ftfy.badness.is_bad(windows) and ftfy.badness.is_bad(text)


@dataclass(frozen=True)
class Suspects:
    """Which repairs beyond mojibake a block may need; the checks are made once per document."""

    invisible: bool = True
    spaces: bool = True
    denormalised: bool = True


def blocks_matching(pattern: re.Pattern[str], joined: str, starts: list[int]) -> set[int]:
    """The indices of the blocks in which `pattern`, a class of characters other than the line
    break, matches: one scan of the blocks joined by line breaks (`starts`: their offsets, and
    the end), going on from the next block after each find."""
    found = set()
    match = pattern.search(joined)
    while match:
        index = bisect_right(starts, match.start()) - 1
        found.add(index)
        match = pattern.search(joined, starts[index + 1])
    return found


def document_suspects(texts: list[str]) -> list[Suspects]:
    """What each block may need: one scan of the whole document for each kind of repair. (A
    text is NFC if and only if its lines are: a line break never combines.)"""
    joined = "\n".join(texts)
    starts = list(accumulate((len(t) + 1 for t in texts), initial=0))
    invisible = blocks_matching(INVISIBLE, joined, starts)
    spaces = blocks_matching(SPACES, joined, starts)
    denormalised = not unicodedata.is_normalized("NFC", joined)
    return [Suspects(i in invisible, i in spaces, denormalised) for i in range(len(texts))]


ANYTHING = Suspects()


def repair(text: str, suspects: Suspects = ANYTHING) -> tuple[str, list[str]]:
    """One block's text, repaired, and what was done to it."""
    done = []
    ascii_only = text.isascii()
    if not ascii_only and looks_like_mojibake(text):
        fixed = ftfy.fix_text(text, FTFY_CONFIG)
        if fixed != text:
            text = fixed
            done.append("mojibake repaired")
            suspects = ANYTHING  # new text: check it all
    if "\x1b" in text:
        text, n = ANSI.subn("", text)
        if n:
            done.append("terminal escape codes removed")
    if suspects.invisible and INVISIBLE.search(text):
        text = INVISIBLE.sub("", text)
        done.append("control characters removed" if ascii_only else "invisible characters removed")
    if suspects.spaces:
        text = SPACES.sub(" ", text)
    # a removal can leave a combining mark beside a new base character: check NFC again
    if (suspects.denormalised or done) and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        done.append("NFC normalised")
    return text, done


@step("unicode", "repair mojibake (ftfy), drop control and invisible characters, normalise spaces")
def normalise_unicode(doc: Document) -> None:
    suspects = document_suspects([b.text for b in doc.blocks])
    for i, block in enumerate(doc.blocks):
        text, done = repair(block.text, suspects[i])
        if text == block.text:
            continue
        if done:
            doc.rewrote(block.text, text, "; ".join(done))
        if text.strip():
            block.text = text
        else:
            doc.remove(i, "only invisible characters")
