"""newsclean: raw, web-scraped article dumps in, clean article body text out.

    >>> import newsclean
    >>> newsclean.clean(raw)            # the article body
    >>> newsclean.explain(raw)          # the same, with metadata and every change and its reason

`DEFAULT_PIPELINE` is a value: derive your own with `.without(...)`, `.insert_after(...)`,
`.replace(...)`, or build a `Pipeline([...])` from steps and plain `str -> str` functions. A
pipeline carries its settings, a `Config` (`.configure(article={"min_region_weight": 80})`, or
`load_pipeline("newsclean.toml")`): see docs/configuration.md.
"""

from __future__ import annotations

from . import decoding, html, metadata
from .config import Config, ConfigError, load_pipeline
from .decoding import DecodeError
from .document import Block, Change, Document
from .fates import BlockFate
from .filters.ads import ads
from .filters.article import article, article_edges
from .filters.describe import describe
from .filters.furniture import furniture, header
from .filters.links import link_blocks
from .filters.markdown import markdown
from .filters.media import media, remove_galleries
from .filters.pages import hard_wraps, inline_breaks, one_line, page_breaks
from .filters.paragraphs import paragraphs
from .filters.references import references
from .filters.repeats import repeated_passages
from .filters.scripts import script_text
from .filters.unicode import normalise_unicode
from .filters.units import fix_units, units
from .phrases import PhraseError
from .pipeline import Pipeline, Result, Step, step

__version__ = "0.1.0"

DEFAULT_PIPELINE = Pipeline(
    [
        normalise_unicode,
        script_text,
        one_line,
        page_breaks,
        hard_wraps,
        inline_breaks,
        references,
        header,
        describe,
        article,
        repeated_passages,
        remove_galleries,
        ads,
        link_blocks,
        media,
        furniture,
        markdown,
        paragraphs,
        units,
        article_edges,
    ]
)


def explain(raw: str | bytes, pipeline: Pipeline | None = None, *, metadata: bool = True) -> Result:
    """Clean `raw` and say how: the body, the metadata found, and every change with its reason.

    `raw` is a text dump, or a web page: a `str` holding HTML, or `bytes` (decoded from the
    declared charset, else detected; `DecodeError` if no common encoding fits).

    `metadata=False` leaves out the metadata that no change needs, and the work it costs: the
    steps that only describe the page (`Step.describes`: its language and type, nearly half a
    dump's time) and of a web page's markup all but the title. The text and the changes are
    the same; the metadata holds what the filters moved there (a byline, a dateline) and, of
    a web page, its title. The command line asks this where it writes no metadata.
    """
    return _run(raw, pipeline, metadata=metadata, reasons=True)


def _run(raw: str | bytes, pipeline: Pipeline | None, metadata: bool, reasons: bool) -> Result:
    notes: list[str] = []
    if isinstance(raw, (bytes, bytearray)):
        raw, notes = decoding.decode_noting(bytes(raw))
    elif not isinstance(raw, str):
        raise TypeError(f"newsclean expects text (str) or a page (bytes), not {type(raw).__name__}")
    pipeline = DEFAULT_PIPELINE if pipeline is None else pipeline  # an empty one is falsy
    if html.looks_like_html(raw):
        result = html.explain_page(raw, pipeline, metadata=metadata, reasons=reasons)
    else:
        result = pipeline.run(raw, describe=metadata)
    if notes:
        result.changes[:0] = [
            Change("decode", "warning", note, "", code="decode.stray_bytes") for note in notes
        ]
    return result


def clean(raw: str | bytes, pipeline: Pipeline | None = None) -> str:
    """The article body of a raw dump or a web page: paragraphs separated by one blank line.

    `explain(raw, pipeline).text`, without the work only `explain()`'s other fields need: the
    metadata that no change needs (as `explain(..., metadata=False)`: the steps that only
    describe the page, nearly half a dump's time; of a web page's markup all but the title,
    a tenth of its time) and of a web page the reasons for its blocks left out (a twentieth)."""
    return _run(raw, pipeline, metadata=False, reasons=False).text


__all__ = [
    "DEFAULT_PIPELINE",
    "Block",
    "BlockFate",
    "Change",
    "Config",
    "ConfigError",
    "DecodeError",
    "Document",
    "PhraseError",
    "Pipeline",
    "Result",
    "Step",
    "clean",
    "explain",
    "fix_units",
    "load_pipeline",
    "metadata",
    "step",
]
