"""Media debris: image placeholders, caption and credit labels, photo captions set apart where
an image stood, map/graphic blocks (map heading, legend, "Source: ..." attribution, the map
provider's credit), and the slides of a numbered gallery ("1/50 ..."). Phrase lists:
`media_caption_label`, `media_credit_label`, `media_credit_exact`, `map_heading_word`,
`map_provider_exact`."""

from __future__ import annotations

import re

import regex

from .. import phrases
from ..document import Block, Document
from ..pipeline import step
from ..text import (
    Pattern,
    ends_with_terminal,
    heading_level,
    is_bullet,
    is_paragraph,
    key,
    link_pieces,
    memoised,
    pattern,
    plain,
    words,
)
from .furniture import is_byline

PLACEHOLDER = pattern(
    r"^\W{0,20}[\[(](?:image|img|photo|picture|video|graphic|figure)[^\])]{0,40}[\])]\W*$", regex.I
)
# a legend line starts with a swatch: a geometric shape or a coloured square (none is below
# SWATCH_FROM: a quick test)
SWATCH_FROM = "\u25a0"
SWATCH = pattern(
    r"^[\u25a0-\u25ff\u2b1b\u2b1c\u2b24\u2b50-\u2b55\U0001f7e0-\U0001f7eb]", same_in_re=True
)
CAPTION_MIN_WORDS, CAPTION_MAX_WORDS = 7, 40  # shorter is a subheading; longer is prose
CREDIT_MAX_WORDS = 25
LEGEND_MAX_WORDS = 10
# a gallery's slide counter opens a block: "1/50 Title", "## 3 / 12"; not a date ("9/11/13")
SLIDE_COUNTER = pattern(r"^\W{0,8}(\d{1,3}) ?/ ?(\d{1,3})(?!\S)")
GALLERY_MIN_SLIDES = 3  # counters numbered one after another, out of the same total


CREDIT_MARK = re.compile(r"[:|/©,]")  # a credit pattern's label is followed by one of these
CREDIT_TAIL_REACH = 70  # a closing credit's colon stands this close to the end, or closer


@phrases.cached
def credit_pattern() -> Pattern:
    labels = phrases.alternation("media_credit_label")
    return pattern(rf"^\(?(?:{labels})\s{{0,8}}(?:[:|/©]|,\s)", regex.IGNORECASE)


@phrases.cached
def credit_tail_pattern() -> Pattern:
    """A caption's closing credit after its last sentence: "... Wareham. Photograph: B Jones"."""
    labels = phrases.alternation("media_credit_label")
    return pattern(
        rf"[.!?]\s{{1,8}}(?:{labels})\s{{0,8}}:\s{{0,8}}[^!?:\n]{{1,60}}(?<!\.)$", regex.IGNORECASE
    )


def is_labelled_agency_credit(k: str) -> bool:
    """A credit label followed by nothing but an agency's name: "Foto Ansa", "Photo AFP"."""
    label = phrases.prefix("media_credit_label").match(k)
    return bool(label) and k[label.end() :].strip() in phrases.exact("media_credit_exact")


def only_images_and_links(text: str) -> list[str] | None:
    """The texts of the links of a block that holds nothing but images, links and stray marks;
    None for any other block. Such a block starts, after its marks, with the "[" of a link or
    an image: a quick test that spares the pattern for prose."""
    if text.lstrip(" ]()!|-*#>")[:1] not in ("", "["):
        return None
    pieces = link_pieces(text)
    return None if "".join(pieces[0::2]).strip(" []()!|-*#>") else list(pieces[1::2])


def is_placeholder(text: str) -> bool:
    link_texts = only_images_and_links(text) if "](" in text else None
    if link_texts is not None:
        return not any(link_text.strip(" []!") for link_text in link_texts)
    # the pattern's bracket stands in the first 21 characters, after no letter
    head = text[:21]
    if ("[" not in head and "(" not in head) or text[0].isalpha():
        return False
    return PLACEHOLDER.match(text) is not None


# the reason code of each of media_reason's answers
MEDIA_CODES = {
    "image placeholder": "media.placeholder",
    "image caption/credit label": "media.label",
    "photo credit": "media.credit",
    "photo credit or attribution": "media.credit",
    "photo caption ending in its credit": "media.caption_credit",
    "map provider credit": "media.map_credit",
    "map legend": "media.map_legend",
}


@memoised
def media_reason(text: str) -> str | None:
    """Why a block is media debris, or None. Memoised: the article step asks it of every
    block, and the media step asks again."""
    if is_placeholder(text):
        return "image placeholder"
    k = key(text)
    if not k:
        return None
    if phrases.prefix("media_caption_label").match(k):
        return "image caption/credit label"
    if k in phrases.exact("media_credit_exact") or is_labelled_agency_credit(k):
        return "photo credit"
    # the anchored patterns first: most blocks fail them at once, and counting words is dearer
    p = plain(text)
    if CREDIT_MARK.search(p) and credit_pattern().match(p) and words(text) <= CREDIT_MAX_WORDS:
        return "photo credit or attribution"
    # the pattern's search is unanchored, so it runs on short blocks only
    short = ":" in p[-CREDIT_TAIL_REACH:] and words(text) <= CAPTION_MAX_WORDS
    if short and credit_tail_pattern().search(p):
        return "photo caption ending in its credit"
    if k in phrases.exact("map_provider_exact"):
        return "map provider credit"
    if p[:1] >= SWATCH_FROM and SWATCH.match(p) and words(text) <= LEGEND_MAX_WORDS:
        return "map legend"
    return None


def is_map_heading(text: str) -> bool:
    return heading_level(text) > 0 and any(
        w in phrases.exact("map_heading_word") for w in key(text).split()
    )


def is_caption(blocks: list[Block], i: int) -> bool:
    """A sentence without a full stop, set apart by a wide gap where an image stood."""
    block = blocks[i]
    text = block.text
    return (
        block.gap >= 2
        and i + 1 < len(blocks)
        and not heading_level(text)
        and not is_bullet(text)
        and not ends_with_terminal(text)
        and CAPTION_MIN_WORDS <= words(text) <= CAPTION_MAX_WORDS
    )


def slide_counter(text: str) -> tuple[int, int] | None:
    """(k, n) for a block that opens with slide k of a gallery of n."""
    m = SLIDE_COUNTER.match(plain(text)) if "/" in text else None
    if not m:
        return None
    k, n = int(m.group(1)), int(m.group(2))
    return (k, n) if 1 <= k <= n else None


def galleries(blocks: list[Block]) -> list[range]:
    """The blocks of each numbered gallery: from its first slide counter to the end of its last
    slide. The last slide runs to the next heading, and is no longer than the longest other."""
    counters = [(i, c) for i, b in enumerate(blocks) if (c := slide_counter(b.text))]
    runs: list[list[int]] = []
    previous = (0, 0)
    for i, (k, n) in counters:
        if runs and (k, n) == (previous[0] + 1, previous[1]):
            runs[-1].append(i)
        else:
            runs.append([i])
        previous = (k, n)
    found = []
    for run in runs:
        if len(run) < GALLERY_MIN_SLIDES:
            continue
        longest = max(b - a for a, b in zip(run, run[1:], strict=False))
        end = run[-1] + 1
        while end < len(blocks) and end - run[-1] < longest and not heading_level(blocks[end].text):
            end += 1
        found.append(range(run[0], end))
    return found


@step("galleries", 'numbered slide galleries ("1/50 ..."): their titles, captions and credits')
def remove_galleries(doc: Document) -> None:
    """A step of its own, run just after the article is found: the filters after it would take
    single slides for related links or captions and break the run of counters."""
    for gallery in galleries(doc.blocks):
        for i in gallery:
            doc.remove(i, "in a numbered gallery of slides", "media.gallery")


@step("media", "image placeholders, captions and credits, map legends and attributions")
def media(doc: Document) -> None:
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        text = block.text
        reason = media_reason(text)
        if reason == "photo credit" and i > 0 and is_byline(blocks[i - 1].text):
            continue  # an agency under a byline is the outlet: furniture moves it to metadata
        if reason:
            doc.remove(i, reason, MEDIA_CODES[reason])
        elif is_map_heading(text):
            doc.remove(i, "map/graphic heading", "media.map_heading")
            j = i + 1
            while (
                j < len(blocks)
                and not is_paragraph(blocks[j].text)
                and not heading_level(blocks[j].text)
            ):
                doc.remove(j, "in a map/graphic block", "media.map_block")
                j += 1
        elif is_caption(blocks, i):
            doc.remove(i, "photo caption", "media.caption")
