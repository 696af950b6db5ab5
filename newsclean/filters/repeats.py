"""A passage the page holds twice, kept once.

Sites built for several screen sizes often put the whole article in the page once per layout
and hide all but one with their style sheets (a site builder's breakpoints, a "desktop" and a
"mobile" copy, a print copy). A dump or the page's text then holds the article two or three
times, and every copy after the first is text the reader never sees twice.

A copy is a run of blocks that stand, in the same order, earlier on the page: at least
MIN_RUN_BLOCKS blocks and MIN_RUN_CHARS word characters (about 50 English words; counted in
characters so that scripts written without spaces measure alike). One line or one paragraph
repeated is left alone: a chorus, a table's rows, a test page's placeholder paragraph, a reply
quoting the post above it. So is a passage repeated with differences, as a documentation
page's tabs (the same steps for each programming language) are: their runs are short. Both
sizes were chosen out-of-fold on wcxb-dev and readability (docs/html.md, step 6).
"""

from __future__ import annotations

from ..document import Document
from ..pipeline import step
from ..text import key

MIN_RUN_BLOCKS = 3
MIN_RUN_CHARS = 250


def repeated_runs(keys: list[str]) -> list[range]:
    """The runs of blocks whose keys stand, in the same order, earlier (each block matched to
    its key's first place), of at least MIN_RUN_BLOCKS blocks."""
    first: dict[str, int] = {}
    twin: list[int | None] = []
    for i, k in enumerate(keys):
        twin.append(first.get(k) if k else None)
        if k:
            first.setdefault(k, i)
    runs = []
    i = 0
    while i < len(keys):
        if twin[i] is None:
            i += 1
            continue
        end = i + 1
        while end < len(keys) and twin[end] is not None and twin[end] == twin[end - 1] + 1:
            end += 1
        if end - i >= MIN_RUN_BLOCKS:
            runs.append(range(i, end))
        i = end
    return runs


@step("repeats", "a passage the page holds twice (a copy per screen size) kept once")
def repeated_passages(doc: Document) -> None:
    """Each copy goes. A copy gone can bring two shorter repeats together into a run: the
    pipeline's next pass finds it (`Pipeline.run` runs the steps until nothing changes)."""
    keys = [key(b.text) for b in doc.blocks]  # a key is the block's words, one space apart
    for run in repeated_runs(keys):
        if sum(len(keys[i]) - keys[i].count(" ") for i in run) >= MIN_RUN_CHARS:
            for i in run:
                doc.remove(i, "a passage that stands earlier on the page", "repeats.passage")
