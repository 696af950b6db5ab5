"""The layout of a text rendering, undone: page breaks and lines wrapped at a fixed width.

`page_breaks`: page numbers ("13", "- 13 -", "Page 12 of 40") and running headers and footers
of print and PDF conversions, the short lines repeated on every page with only their numbers
changed. Once they are gone, `paragraphs` rejoins the sentences they split. Where the dump sets
paragraphs apart with blank lines, the lines with no blank line between them are one paragraph's
hard-wrapped lines, and are joined. Web pages repeat short lines too (menus, subheadings, "Step
1"), so the step acts only on a dump that shows it was paginated: short lines marking at least
two different pages ("Page 12", "[Page 13]", "3 of 40"). Phrase lists: the `page_label` and
`page_of` sections of `data/phrases/*.txt`.

`hard_wraps`: a text browser's dump (lynx, w3m, links), a mail or a terminal capture wraps every
paragraph at a fixed width, so each paragraph arrives as several lines, and every later step
would read each line as a short block of its own. The width shows in the dump: many lines end
just short of it and almost none passes it. A line break is the renderer's, not the author's,
when the next line's first word would not have fitted on the line; those lines are joined.
Menus, list items and headings end well short of the width before a word that would have
fitted, and stay apart.

`inline_breaks`: a scraper that reads a page's text nodes one by one and puts a line break
between them (BeautifulSoup's `get_text("\n")`, lxml's `itertext()` joined by newlines)
breaks a line at every inline element's edge: "...wrote in a" / "blog post" / ", 21 months
after...". Every later step would read each piece as a short block of its own, and the
article finder drops a story broken into link-sized pieces as it drops a menu. The dump shows
it: lines that open with a sentence's punctuation (", 21 months") after a line left
unfinished, which no renderer that keeps inline elements inline writes. In such a dump a line
joins the unfinished one above when it carries the sentence on (it opens in lower case or
with the punctuation that follows a word), or when it is a few words (a link's or an
emphasis's text) and the line after it carries the sentence on. Lists and headings stay
apart, and so does a line that opens with an address. The pieces join as a paragraph's
broken lines do (`text.join_pieces`: no space before a comma or after an opening bracket).

`one_line`: a scraper that joins a page's text nodes with spaces (trafilatura's `html2txt`,
BeautifulSoup's `get_text(" ")`, `" ".join(soup.stripped_strings)`) hands over the whole page
as one line, menus and footer included, and the article finder, which weighs lines, can only
keep it whole. Such a dump has at most ONE_LINE_MAX_LINES lines, one of them ONE_LINE_MIN_CHARS
characters or longer, and that line shows the page's menus: a run of LABEL_RUN_WORDS words
that open with a capital and end without punctuation ("Home News Sport Weather ..."), which a
paragraph does not hold (none of the corpora's 4,881 dumps has that shape). Its long line is
split at its sentences' ends, so the finder weighs each sentence, and the menus and link
lists, which have no sentence ends, stand apart as the long runs of words they are (or cling
to the sentence beside them). The sentences stay apart in the output: the line had no
paragraphs to keep. A long paragraph without such a run stays whole, on the first pass and on
the pass that checks the output settled; an article body given as one line that holds one (a
list of names, a table's row) is split too, and the finder may cut a sentence from it: a
pipeline for such bodies drops the step (`DEFAULT_PIPELINE.without("one_line")`).
"""

from __future__ import annotations

import re
from collections import Counter

import regex

from .. import phrases
from ..document import Block, Document
from ..grammar import MARKS, STOPS, heading_level, is_bullet, is_mark
from ..patterns import Pattern, pattern
from ..pipeline import step
from ..text import FOLLOWS_A_WORD, UNSPACED_SCRIPT, ends_with_terminal, join_pieces, key, words

# the sign of a dump broken at inline elements: a line that opens with a sentence's punctuation
# (", 21 months"), half- or full-width, after a line left unfinished, INLINE_BREAKS_MIN times
OPENS_WITH_PUNCTUATION = pattern(rf"^[{MARKS}](?:\s|$)")
INLINE_BREAKS_MIN = 3
# a line that carries on the sentence of the line above: it opens with the punctuation that
# follows a word (a sentence's, a closing bracket or quote, a percent sign), or with a
# lower-case letter that does not start an address
CARRIES_ON = pattern(r"^(?:[" + regex.escape(FOLLOWS_A_WORD) + r"]|(?!https?:|www\.)\p{Ll})")
# a sentence ends with a stop (in any script), a colon or a semicolon, maybe within quotes or
# brackets ('...said."'); a piece that ends with a bracket or a quote alone ("fetch()", a
# quoted name) may stand mid-sentence
SENTENCE_END = pattern(rf"[{STOPS}:;：；][\"'’”»)\]]*$")
INLINE_PIECE_MAX_WORDS = 4  # a link's or an emphasis's text alone on its line
# a whole page joined into one line: at most this many lines, one this long or longer
ONE_LINE_MAX_LINES = 3
ONE_LINE_MIN_CHARS = 2000
# ... and holds a run of LABEL_RUN_WORDS words that open with a capital or a digit (or are
# written in a script without spaces, whose prose has none between its words) and end
# without punctuation: a menu's or a footer's labels, which a paragraph does not hold
LABEL_RUN_WORDS = 8
LABEL_RUN = pattern(
    r"(?:(?<!\S)[\p{Lu}\d\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}][^\s.,;:!?。，、！？]*\s+)"
    + f"{{{LABEL_RUN_WORDS}}}"
)
# where a sentence ends: a full stop, question or exclamation mark or ellipsis (within quotes
# or brackets maybe), then a space and a capital or a digit (not after an abbreviation such
# as "Dr." or "U.S."); a full-width stop, which needs no space after it; or another script's
# stop ("।", "۔", "։", "።", "။"), which no abbreviation or number uses, then a space
SENTENCE_BREAK = pattern(
    r"(?<!\b\p{Lu}\p{Ll}{0,2}\.)(?<=[.!?…][\"'’”»)\]]*)\s+(?=[\"'“‘«(\[]?[\p{Lu}\d])"
    r"|(?<=[。！？])(?=\S)"
    r"|(?<=\p{Sentence_Terminal})(?<![.!?。！？．｡])\s+"
)
RUNNING_MIN_WORDS, RUNNING_MAX_WORDS = 2, 12  # a running header is a short label, not a sentence
RUNNING_MIN_REPEATS = 2
PAGE_MARK_MAX_CHARS = 120  # a page mark sits on a short line
DIGITS = pattern(r"\d+")
DIGIT = pattern(r"\d")


@phrases.cached
def page_number_pattern() -> Pattern:
    label, of = phrases.alternation("page_label"), phrases.alternation("page_of")
    return pattern(
        rf"^[\W_]{{0,20}}(?:(?:{label})\.?\s{{0,8}})?\d{{1,4}}"
        rf"(?:\s{{0,8}}(?:/|{of})\s{{0,8}}\d{{1,4}})?[\W_]{{0,20}}$",
        regex.IGNORECASE,
    )


@phrases.cached
def page_mark_pattern() -> Pattern:
    label, of = phrases.alternation("page_label"), phrases.alternation("page_of")
    return pattern(
        rf"\b(?:{label})\.?\s{{0,8}}(\d{{1,4}})\b|\b(\d{{1,4}})\s{{0,8}}(?:{of})\s{{0,8}}\d{{1,4}}\b",
        regex.IGNORECASE,
    )


def is_paginated(doc: Document) -> bool:
    """Short lines name at least two different pages."""
    pages = set()
    for block in doc.blocks:
        text = block.text
        if len(text) > PAGE_MARK_MAX_CHARS or not DIGIT.search(text):
            continue
        for m in page_mark_pattern().finditer(text):
            pages.add(m.group(1) or m.group(2))
            if len(pages) >= 2:
                return True
    return False


def is_list_or_heading(text: str) -> bool:
    return is_bullet(text) or heading_level(text) > 0


def join_wrapped_lines(doc: Document) -> None:
    """Join each paragraph's hard-wrapped lines (no blank line between them) into its first."""
    blocks = doc.blocks
    first = None  # the block the current paragraph gathers into
    for i, block in enumerate(blocks):
        if doc.is_marked(i):
            continue
        text = block.text
        if first is not None and block.gap == 0 and not is_list_or_heading(text):
            joined = join_pieces([blocks[first].text.rstrip(), text.strip()])
            doc.rewrote(
                blocks[first].text + "\n" + text,
                joined,
                "hard-wrapped lines joined",
                "pages.joined",
            )
            blocks[first].text = joined
            doc.remove(i, "hard-wrapped line, joined to the one above", "pages.wrapped_line")
        else:
            first = None if is_list_or_heading(text) else i


def running_shape(text: str) -> str:
    """A line's words with every number made the same, so "Page 12" and "Page 13" match."""
    return DIGITS.sub("#", key(text))


def could_be_running(text: str) -> bool:
    return RUNNING_MIN_WORDS <= words(text) <= RUNNING_MAX_WORDS and not ends_with_terminal(text)


@step("page_breaks", "page numbers and running headers/footers of print and PDF conversions")
def page_breaks(doc: Document) -> None:
    if not is_paginated(doc):
        return
    blocks = doc.blocks
    shapes = Counter(running_shape(b.text) for b in blocks if could_be_running(b.text))

    def is_running(i: int) -> bool:
        text = blocks[i].text
        return could_be_running(text) and shapes[running_shape(text)] >= RUNNING_MIN_REPEATS

    for i, block in enumerate(blocks):
        text = block.text
        if page_number_pattern().match(text):
            doc.remove(i, "page number", "pages.number")
        elif is_running(i) and page_mark_pattern().search(text):
            doc.remove(i, "running footer with the page number", "pages.footer")
        else:
            continue
        # the running header or footer lines next to it, on either side
        for direction in (-1, 1):
            j = i + direction
            while 0 <= j < len(blocks) and (doc.is_marked(j) or is_running(j)):
                doc.remove(j, "running header or footer (repeated on every page)", "pages.running")
                j += direction
    if any(block.gap for block in blocks):
        join_wrapped_lines(doc)


MIN_WRAP_WIDTH, MAX_WRAP_WIDTH = 30, 250  # the widths a renderer or a mail wraps at
WRAP_BAND = 10  # a wrapped line ends within this many columns of the width
WRAP_MIN_LINES = 8  # lines ending in the band, for a dump to count as wrapped
# at most this many lines past the width, that could have been broken within it, for each line
# ending in the band (a long URL or a word longer than the width cannot be broken: it does
# not count against)
WRAP_OVER_SHARE = 0.1
BREAKABLE_SPACES = 3  # a line with this many spaces within the width could have been broken
LAID_OUT = "   "  # spaces inside a line that lay out a table's columns: no renderer's wrap
# columns short of the width that still make a line of a script written without spaces full:
# a wide character takes two, a line-start rule moves a mark to the next line, and `unicode`
# has made wide indentation narrow
CJK_SLACK = 4
# characters two columns wide on a terminal (Unicode's East Asian Wide and Fullwidth)
WIDE = re.compile(
    "[\u1100-\u115f\u231a\u231b\u2329\u232a\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf"
    "\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19"
    "\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\U0001f300-\U0001f64f\U0001f900-\U0001f9ff"
    "\U00020000-\U0003fffd]"
)


def display_width(line: str) -> int:
    """The columns a line takes on a terminal: a wide character (CJK, full-width forms, most
    emoji: Unicode's East Asian Wide and Fullwidth) takes two."""
    line = line.rstrip()
    if line.isascii():
        return len(line)
    return len(line) + len(WIDE.findall(line))


def breakable_at(line: str) -> int | None:
    """The column from which a renderer could have broken the line: where its
    BREAKABLE_SPACES-th space between words stands (None if it has fewer); in a script written
    without spaces, after its first character."""
    start = len(line) - len(line.lstrip())
    unspaced = UNSPACED_SCRIPT.search(line) if not line.isascii() else None
    if unspaced is not None:
        return display_width(line[: unspaced.end()])
    at = start
    for _ in range(BREAKABLE_SPACES):
        at = line.find(" ", at + 1)
        if at < 0:
            return None
        while at + 1 < len(line) and line[at + 1] == " ":
            at += 1
    return at


def wrap_width(lines: list[str]) -> int | None:
    """The width the lines were wrapped at, or None: the width with the most lines ending in
    the WRAP_BAND columns up to it, where hardly any line that could have been broken within
    it runs past it (a list item or a heading may: some renderers wrap only paragraphs); the
    widest of those lines is the edge."""
    size = MAX_WRAP_WIDTH + 2
    ends = [0] * size  # lines of each width
    against = [0] * (size + 1)  # lines past each width that could have been broken within it
    for line in lines:
        w = size if len(line) >= size else display_width(line)  # a longer one is no wrapped line
        if w < size and LAID_OUT not in line.strip():
            ends[w] += 1
        # a list item or a heading may be left unwrapped (html2text leaves them so)
        at = breakable_at(line) if w > MIN_WRAP_WIDTH and not is_list_or_heading(line) else None
        if at is not None and at < min(w, size):
            against[at] += 1  # it counts against every width from `at` up to w - 1
            against[min(w, size)] -= 1
    below = [0]
    for c in ends:
        below.append(below[-1] + c)  # below[w]: lines narrower than w columns
    best, most = None, WRAP_MIN_LINES - 1
    runs_past = 0
    for w in range(size - 1):
        runs_past += against[w]
        if w < MIN_WRAP_WIDTH or w > MAX_WRAP_WIDTH:
            continue
        inside = below[w + 1] - below[w - WRAP_BAND + 1]
        if inside > most and runs_past <= WRAP_OVER_SHARE * inside:
            best, most = w, inside
    if best is None:
        return None
    return max(w for w in range(best - WRAP_BAND + 1, best + 1) if ends[w])  # the lines' edge


def is_wrapped(line: str, width: int, following: str) -> bool:
    """The break after `line` is the renderer's: the next line's first word would not have
    fitted within `width` (between two characters of a script written without spaces, the
    line is full, give or take CJK_SLACK columns)."""
    nxt = following.lstrip()
    columns = display_width(line)
    if LAID_OUT in line.strip():
        return False  # a table's row
    if UNSPACED_SCRIPT.match(nxt[:1]) and UNSPACED_SCRIPT.match(line.rstrip()[-1:]):
        return columns >= width - CJK_SLACK
    return columns + 1 + display_width(nxt.split(" ", 1)[0]) > width


@step("hard_wraps", "lines a text browser or a mail wrapped at a fixed width, joined again")
def hard_wraps(doc: Document) -> None:
    blocks = doc.blocks
    if all(b.gap for b in blocks[1:]):
        return  # no line follows another without a blank line: none can be a wrapped one
    width = wrap_width([b.text for b in blocks])
    if width is None:
        return
    i = 0
    while i < len(blocks):
        j = i
        while (
            j + 1 < len(blocks)
            and blocks[j + 1].gap == 0
            and not is_list_or_heading(blocks[j + 1].text)
            and is_wrapped(blocks[j].text, width, blocks[j + 1].text)
        ):
            j += 1
        if j > i:
            pieces = [b.text.strip() for b in blocks[i : j + 1]]
            joined = join_pieces(pieces)
            indent = blocks[i].text[: len(blocks[i].text) - len(blocks[i].text.lstrip())]
            doc.rewrote(
                "\n".join(pieces),
                joined,
                f"lines wrapped at {width} columns joined",
                "pages.joined",
            )
            blocks[i].text = indent + joined
            for k in range(i + 1, j + 1):
                doc.remove(
                    k, "a line wrapped at the width, joined to the one above", "pages.wrapped_line"
                )
        i = j + 1


def breaks_inline(texts: list[str]) -> bool:
    """Whether a dump breaks its lines at inline elements' edges: INLINE_BREAKS_MIN lines or
    more open with a sentence's punctuation after a line left unfinished."""
    found = 0
    for above, line in zip(texts, texts[1:], strict=False):
        # the first character alone rules out nearly every line, without a pattern call
        if (
            is_mark(line[:1])
            and OPENS_WITH_PUNCTUATION.match(line)
            and not SENTENCE_END.search(above)
        ):
            found += 1
            if found >= INLINE_BREAKS_MIN:
                return True
    return False


def carries_on(line: str) -> bool:
    """Whether a line carries on the sentence of the line above (CARRIES_ON)."""
    return CARRIES_ON.match(line) is not None and not is_list_or_heading(line)


def inline_piece(texts: list[str], i: int) -> bool:
    """Whether line `i` is a link's or an emphasis's text set on a line of its own, inside a
    sentence: a few words, unfinished, and the line after it carries the sentence on."""
    return (
        i + 1 < len(texts)
        and len(texts[i].split()) <= INLINE_PIECE_MAX_WORDS
        and not SENTENCE_END.search(texts[i])
        and not is_list_or_heading(texts[i])
        and carries_on(texts[i + 1])
    )


@step("inline_breaks", "a sentence a scraper broke at every link and emphasis, joined again")
def inline_breaks(doc: Document) -> None:
    blocks = doc.blocks
    texts = [b.text.strip() for b in blocks]
    if not breaks_inline(texts):
        return
    i = 0
    while i < len(blocks):
        j = i
        if not is_list_or_heading(texts[i]):
            while j + 1 < len(blocks) and not SENTENCE_END.search(texts[j]):
                if carries_on(texts[j + 1]):
                    j += 1
                elif inline_piece(texts, j + 1):
                    j += 2
                else:
                    break
        if j > i:
            pieces = texts[i : j + 1]
            joined = join_pieces(pieces)
            reason = "a sentence broken at its links and emphases joined"
            doc.rewrote("\n".join(pieces), joined, reason, "pages.inline_joined")
            blocks[i].text = joined
            for k in range(i + 1, j + 1):
                reason = "a piece of a sentence broken at a link or an emphasis, joined above"
                doc.remove(k, reason, "pages.inline_piece")
        i = j + 1


@step(
    "one_line",
    "a whole page a scraper joined into one line, split at its sentences' ends",
    whole_page=True,
)
def one_line(doc: Document) -> None:
    blocks = doc.blocks
    if not blocks or len(blocks) > ONE_LINE_MAX_LINES:
        return
    i = max(range(len(blocks)), key=lambda k: len(blocks[k].text))
    line = blocks[i].text.strip()
    if len(line) < ONE_LINE_MIN_CHARS or not LABEL_RUN.search(line):
        return
    sentences = [s for s in SENTENCE_BREAK.split(line) if s.strip()]
    if len(sentences) < 2:
        return
    reason = f"a page given as one line, split into its {len(sentences)} sentences"
    doc.rewrote(line, "\n".join(sentences), reason, "pages.one_line")
    blocks[i : i + 1] = [Block(s, blocks[i].gap if k == 0 else 0) for k, s in enumerate(sentences)]
