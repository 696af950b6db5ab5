"""A page to a Result: trafilatura's article finished by the pipeline, or the page's own text
when trafilatura finds too little; the metadata of the page's markup, of the describe step
and of the filters merged under one schema (newsclean.metadata); the headline out of the
body."""

from __future__ import annotations

import regex

from .. import config as _config
from ..document import Change, Document
from ..memo import run_memo
from ..metadata import Metadata
from ..pipeline import Pipeline, Result, run_guarded
from ..text import is_paragraph, key
from .extract import extract
from .render import parse, render_text

# trafilatura "found too little": fewer word characters than this (about 120 English words;
# counted in characters so that scripts written without spaces measure alike). Then the page's
# own text, cleaned, replaces trafilatura's when trafilatura found next to nothing, when the
# page's text is at most MAX_FALLBACK_GROWTH times longer, or when it reads as running prose:
# the same article, more of it, rather than a page of navigation and teasers around it
MIN_EXTRACTED_CHARS = 600
NEARLY_NOTHING_CHARS = 250
MAX_FALLBACK_GROWTH = 2.5
MIN_PROSE_SHARE = 0.9
WORD_CHAR = regex.compile(r"\w")
DESCRIBE = "describe"  # the step that names the page's language and type, run on the whole page
DESCRIBED = ("language", "page_type", "page_type_confidence")  # the keys it gives


def explain_page(page: str, pipeline: Pipeline) -> Result:
    """trafilatura's article, finished by the pipeline; the page's own text if it found too
    little."""
    tree = parse(page)
    if tree is None:
        return pipeline.run("")
    extraction = extract(tree)
    # trafilatura has already found the article: the whole-page steps would only cut it
    on_extract = pipeline.without(*(s.name for s in pipeline if s.whole_page))
    result = on_extract.run(extraction.text or "")
    described: dict[str, object] | None = None  # the describe step's facts of the whole page
    min_extracted = pipeline.config.html.min_extracted_chars
    if size(result.text) < min_extracted:
        fallback = pipeline.run(render_text(tree))
        described = {k: v for k, v in fallback.meta.items() if k in DESCRIBED}
        if prefer_page_text(result.text, fallback.text, min_extracted):
            note = Change(
                "html",
                "warning",
                "trafilatura found too little: the page's text cleaned instead",
                result.text or "(nothing)",
                code="html.fallback",
            )
            result = Result(
                fallback.text,
                fallback.meta,
                [note, *fallback.changes],
                fallback.source,
                fallback.article_region,
            )
    if described is None and DESCRIBE in pipeline.names:
        described = describe(render_text(tree), pipeline)
    result.meta = merged(extraction.meta, result.meta, described or {})
    drop_headline(result)
    return result


def describe(page_text: str, pipeline: Pipeline) -> dict[str, object]:
    """What the describe step says of the whole page (its language and type): the facts a dump
    of the page gives."""
    doc = Document.from_text(page_text)
    doc.config = pipeline.config
    with _config.using(pipeline.config), run_memo():
        run_guarded(pipeline[DESCRIBE], doc)
    return dict(doc.meta)


def merged(*metas: dict[str, object]) -> dict[str, object]:
    """The metadata of several sources as one: for each key, the value of the first source
    that has it (the page's markup first: it states the facts; then the filters; then the
    describe step, which guesses them)."""
    out = Metadata()
    for meta in metas:
        for name, value in meta.items():
            out.setdefault(name, value)
    return dict(out)


def size(text: str) -> int:
    """How much text there is: its word characters."""
    return len(WORD_CHAR.findall(text))


def prefer_page_text(
    extracted: str, page_text: str, min_extracted: int = MIN_EXTRACTED_CHARS
) -> bool:
    """Whether the page's cleaned text is the better body when trafilatura found too little
    (under `min_extracted` word characters: `Config.html.min_extracted_chars`)."""
    found, more = size(extracted), size(page_text)
    if found >= min_extracted or more <= found:
        return False
    if found < NEARLY_NOTHING_CHARS or more <= MAX_FALLBACK_GROWTH * found:
        return True
    prose = sum(size(block) for block in page_text.split("\n\n") if is_paragraph(block))
    return prose >= MIN_PROSE_SHARE * more


def drop_headline(result: Result) -> None:
    """The page's title opening the body is the headline: out of the body (it is in metadata)."""
    first, _, rest = result.text.partition("\n\n")
    title = result.meta.get("title", "")
    if title and key(first) == key(title):
        result.changes.insert(
            0, Change("html", "metadata", "title: headline", first, code="html.headline")
        )
        result.text = rest
