"""Script data: what a page's scripts carry, left in a dump by a scraper that read every text
node (BeautifulSoup's `get_text()` on a page as it came, lxml's `text_content()`). No reader
sees it, and the article finder reads a long line of JSON as it reads a paragraph.

A line that is a JSON object or array (it parses as one) of DATA_MIN_CHARS characters or more
is a script's data: a page's linked data, a framework's page state, a widget's settings.
Nothing a page shows as text is written so, but for a tutorial's example, which is short: in
the corpora's own dumps, the tutorials' JSON examples their gold texts keep are 100 to 382
characters long (one is 886), where a page's data runs from 400 characters to hundreds of
thousands. A script's code is left to the article finder: a line of it reads much as a
tutorial's example does, and the examples are the article's.
"""

from __future__ import annotations

import json

from ..document import Document
from ..pipeline import step

DATA_MIN_CHARS = 400


def is_script_data(text: str) -> bool:
    """Whether a line is a JSON object or array of DATA_MIN_CHARS characters or more."""
    text = text.strip()
    if len(text) < DATA_MIN_CHARS or text[0] not in "{[" or text[-1] not in "}]":
        return False
    try:
        json.loads(text)
    except (ValueError, RecursionError):  # not JSON; or nested deeper than the parser reads
        return False
    return True


@step("script_text", "a script's data (JSON) a scraper left in the dump", whole_page=True)
def script_text(doc: Document) -> None:
    for i, block in enumerate(doc.blocks):
        if is_script_data(block.text):
            doc.remove(i, "a script's data (JSON), which no reader sees", "scripts.data")
