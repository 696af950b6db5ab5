"""Media debris: image placeholders, caption and credit labels, photo captions set apart where
an image stood, map/graphic blocks (map heading, legend, "Source: ..." attribution, the map
provider's credit), and the slides of a numbered gallery ("1/50 ..."). Phrase lists:
`media_caption_label`, `media_credit_label`, `media_credit_exact`, `map_heading_word`,
`map_provider_exact`."""

from __future__ import annotations

from .. import phrases
from ..document import Block, Document
from ..grammar import heading_level, is_bullet
from ..kinds import CAPTION_MAX_WORDS, is_byline, media_reason
from ..patterns import pattern
from ..pipeline import step
from ..text import ends_with_terminal, is_paragraph, key, plain, words

CAPTION_MIN_WORDS = 7  # shorter is a subheading (longer than CAPTION_MAX_WORDS is prose)
# a gallery's slide counter opens a block: "1/50 Title", "## 3 / 12"; not a date ("9/11/13")
SLIDE_COUNTER = pattern(r"^\W{0,8}(\d{1,3}) ?/ ?(\d{1,3})(?!\S)")
GALLERY_MIN_SLIDES = 3  # counters numbered one after another, out of the same total


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
