"""Link blocks: headed blocks of links ("Top Stories", "Most read", "Related", "Read more",
"You may also like", ...), runs of link lines, "Read more: ..." lines, and lone related-link
bullets set inside the body. Phrase lists: `link_heading_exact` and `link_line`."""

from __future__ import annotations

import re

import regex

from .. import phrases
from ..document import Document
from ..grammar import LINK, heading_level, is_bullet, without_images
from ..patterns import Pattern, pattern
from ..pipeline import step
from ..text import is_paragraph, key, link_share, plain, words

LONE_BULLET_MAX_WORDS = 15
NUMBERED = pattern(r"^\s{0,12}\d{1,3}[.)]\s")
LINK_LINE_MARK = re.compile("[:|»›>]")  # a read-more line's label is followed by one of these


@phrases.cached
def link_line_pattern() -> Pattern:
    items = sorted(phrases.sections().get("link_line", ()), key=len, reverse=True)
    alternatives = "|".join(regex.escape(p).replace(r"\ ", r"\s{1,8}") for p in items)
    return pattern(rf"^(?:{alternatives})\s{{0,8}}[:|»›>]", regex.IGNORECASE)


def is_link_heading(text: str) -> bool:
    k = key(text)
    return bool(k) and k in phrases.exact("link_heading_exact")


def link_count(text: str) -> int:
    return len(LINK.findall(without_images(text))) if "](" in text else 0


def is_link_line(text: str) -> bool:
    return link_share(text) >= 0.8


@step(
    "link_blocks",
    "Top Stories / Most read / Related / Read more blocks, link lists, lone link bullets",
)
def link_blocks(doc: Document) -> None:
    blocks = doc.blocks
    n = len(blocks)
    takes_lines = doc.config.links.heading_takes_lines
    i = 0
    while i < n:
        text = blocks[i].text
        if is_link_heading(text):
            doc.remove(i, "related-links block heading", "links.heading")
            j = i + 1
            while (takes_lines and j < n) and (
                doc.is_marked(j)
                or not (is_paragraph(blocks[j].text) or heading_level(blocks[j].text))
            ):
                doc.remove(j, "in a related-links block", "links.related_block")
                j += 1
            i = j
            continue
        p = plain(text)
        if (
            LINK_LINE_MARK.search(p)
            and words(text) <= LONE_BULLET_MAX_WORDS * 2
            and link_line_pattern().match(p)
        ):
            doc.remove(i, "read-more line", "links.read_more")
        i += 1

    # runs of link lines
    link_run = doc.config.links.link_run
    i = 0
    while i < n:
        j = i
        while j < n and is_link_line(blocks[j].text):
            j += 1
        if j - i >= link_run:
            for k in range(i, j):
                doc.remove(k, "link list", "links.list")
        elif j - i == 1 and link_count(blocks[i].text) >= link_run:
            doc.remove(i, "link bar (several links on one line)", "links.bar")
        i = max(j, i + 1)

    # a lone bullet between paragraphs, short: a related-story link set into the body (a
    # numbered item is not one: it heads a section of a listicle, "7) Call Me by Your Name")
    for i in range(1, n - 1):
        text = blocks[i].text
        if (
            is_bullet(text)
            and not NUMBERED.match(text)
            and not is_bullet(blocks[i - 1].text)
            and not is_bullet(blocks[i + 1].text)
            and words(text) <= LONE_BULLET_MAX_WORDS
            and is_paragraph(blocks[i - 1].text)
            and is_paragraph(blocks[i + 1].text)
        ):
            doc.remove(i, "lone related-link bullet", "links.lone_bullet")
