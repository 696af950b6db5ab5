"""The trafilatura call: the article's text, and the page's metadata from its markup.

trafilatura is imported when the first page is extracted, not with newsclean: it takes longer
to import than all the rest of newsclean, and a dump never needs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import regex

from ..metadata import Metadata

if TYPE_CHECKING:
    import lxml.html

# trafilatura's settings, chosen by measurement on the development corpus (docs/html.md)
EXTRACT_OPTIONS = {"include_comments": False, "include_tables": True, "favor_recall": True}
# the publication date from the page's markup only: the search through its whole text is slow
DATE_OPTIONS = {"extensive_search": False, "original_date": True}
# trafilatura's metadata fields that newsclean keeps, under the same names (newsclean.metadata)
META_FIELDS = ("title", "author", "date", "sitename", "url")
# <html lang="en-GB">: the language's code is the first subtag
LANGUAGE_TAG = regex.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")


@dataclass
class Extraction:
    """What trafilatura made of a page: its text (None when it found nothing) and metadata."""

    text: str | None
    meta: dict[str, Any] = field(default_factory=dict)


def page_language(tree: lxml.html.HtmlElement) -> str:
    """The language the page declares (`<html lang>`), as a code: "en-GB" -> "en"; "" if none."""
    m = LANGUAGE_TAG.match((tree.get("lang") or "").strip())
    return m.group(1).lower() if m else ""


def extract(tree: lxml.html.HtmlElement) -> Extraction:
    import trafilatura  # with the first page: see the module's docstring

    found = trafilatura.bare_extraction(
        tree, with_metadata=True, date_extraction_params=DATE_OPTIONS, **EXTRACT_OPTIONS
    )
    meta = Metadata()
    language = page_language(tree)
    if found is not None:
        for name in META_FIELDS:
            value = getattr(found, name, None)
            if value:
                meta[name] = str(value)
    if language:
        meta["language"] = language
    text = (found.text or None) if found is not None else None
    return Extraction(text, dict(meta))
