"""newsclean: raw, web-scraped article dumps in, clean article body text out.

    >>> import newsclean
    >>> newsclean.clean(raw)            # the article body
    >>> newsclean.explain(raw)          # the same, with metadata and every change and its reason

`DEFAULT_PIPELINE` is a value: derive your own with `.without(...)`, `.insert_after(...)`,
`.replace(...)`, or build a `Pipeline([...])` from steps and plain `str -> str` functions.
"""

from __future__ import annotations

from .document import Block, Change, Document
from .filters.ads import ads
from .filters.article import article, article_edges
from .filters.furniture import furniture
from .filters.links import link_blocks
from .filters.markdown import markdown
from .filters.media import media
from .filters.paragraphs import paragraphs
from .filters.unicode import normalise_unicode
from .filters.units import fix_units, units
from .pipeline import Pipeline, Result, Step, step

__version__ = "0.1.0"

DEFAULT_PIPELINE = Pipeline(
    [normalise_unicode, article, ads, link_blocks, media, furniture, markdown, paragraphs, units, article_edges]
)


def explain(text: str, pipeline: Pipeline | None = None) -> Result:
    """Clean `text` and say how: the body, the metadata found, and every change with its reason."""
    if not isinstance(text, str):
        raise TypeError(f"newsclean expects text (str), not {type(text).__name__}")
    return (pipeline or DEFAULT_PIPELINE).run(text)


def clean(text: str, pipeline: Pipeline | None = None) -> str:
    """The article body of a raw dump: paragraphs separated by one blank line."""
    return explain(text, pipeline).text


__all__ = [
    "DEFAULT_PIPELINE",
    "Block",
    "Change",
    "Document",
    "Pipeline",
    "Result",
    "Step",
    "clean",
    "explain",
    "fix_units",
    "step",
]
