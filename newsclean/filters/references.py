"""A text browser's numbered links: lynx and links put each link's number in brackets before its
text ("[12]Home") and list the addresses at the end, under "References". The numbers break the
sentences they stand in, and the list is no part of the article.

Where a dump shows them (a "References" list of numbered addresses closing it, or at least
MIN_MARKERS markers numbered in order), a line that starts with a link becomes markdown links
with their addresses from the list, so the article finder and the link filters read it as the
link line it is (a menu entry, a related story), and the markdown filter later keeps only the
link's text; a marker inside a sentence is dropped (the dump does not show where that link
ends); and the list goes.
"""

from __future__ import annotations

from ..document import Document
from ..patterns import pattern
from ..pipeline import step
from ..text import words

# a link's number glued to its text: "[12]Home" (not a citation "[12] " or "[12].", nor a
# markdown link "[1](url)")
MARKER = pattern(r"\[(\d{1,5})\](?=[\p{L}\p{N}\"'“‘«¿¡#@$€£])")
LISTED = pattern(r"^\s{0,8}(\d{1,5})\.\s{1,4}(\S.{0,2000})$")  # "  12. https://..."
LIST_HEADINGS = frozenset(["References", "Visible links:", "Hidden links:"])
LEAD = pattern(r"^\s{0,16}(?:[-*+o#@]\s{1,4})?")  # indentation and a list marker
MIN_MARKERS = 5
IN_ORDER = 0.9  # the share of markers numbered above the one before them
LINK_LINE_MAX_WORDS = 12  # a line this short that starts with a link is link text throughout


def reference_list(doc: Document) -> tuple[int, dict[str, str]]:
    """Where the closing list of numbered addresses starts (len(blocks) if there is none) and
    the address of each number."""
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if block.text.strip() != "References":
            continue
        addresses: dict[str, str] = {}
        for later in blocks[i + 1 :]:
            m = LISTED.match(later.text)
            if m is not None:
                addresses[m.group(1)] = m.group(2)
            elif later.text.strip() not in LIST_HEADINGS:
                break
        else:
            if addresses:
                return i, addresses
    return len(blocks), {}


def numbered_in_order(doc: Document, end: int) -> bool:
    numbers = [
        int(m.group(1)) for b in doc.blocks[:end] if "[" in b.text for m in MARKER.finditer(b.text)
    ]
    if len(numbers) < MIN_MARKERS:
        return False
    rising = sum(b > a for a, b in zip(numbers, numbers[1:], strict=False))
    return rising >= IN_ORDER * (len(numbers) - 1)


def as_links(text: str, addresses: dict[str, str]) -> str:
    """A line with its markers made markdown links (a short line that starts with a link: each
    marker's text up to the next marker) or dropped (a marker inside a sentence)."""
    lead = LEAD.match(text).group(0)
    rest = text[len(lead) :]
    pieces = MARKER.split(rest)  # text, number, text, number, text...
    link_line = not pieces[0] and words(MARKER.sub("", rest)) <= LINK_LINE_MAX_WORDS
    out = [pieces[0]]
    for number, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        address = addresses.get(number)
        body = piece.rstrip()
        if link_line and address and body and " " not in address:
            out.append(f"[{body}]({address})" + piece[len(body) :])
        else:
            out.append(piece)
    return lead + "".join(out)


@step("references", "a text browser's numbered links made links, its References list dropped")
def references(doc: Document) -> None:
    end, addresses = reference_list(doc)
    if not addresses and not numbered_in_order(doc, end):
        return
    for block in doc.blocks[:end]:
        if "[" in block.text and MARKER.search(block.text):
            after = as_links(block.text, addresses)
            doc.rewrote(block.text, after, "a text browser's link numbers", "references.links")
            block.text = after
    for i in range(end, len(doc.blocks)):
        doc.remove(i, "the text browser's list of link addresses", "references.list")
