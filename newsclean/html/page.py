"""A page to a Result: the article the DOM block model finds (with trafilatura's verdict as
evidence) finished by the pipeline, or the page's own text when too little is found; the
metadata of the page's markup, of the describe step
and of the filters merged under one schema (newsclean.metadata); the headline out of the
body."""

from __future__ import annotations

import regex

from ..document import Change
from ..memo import run_memo
from ..metadata import Metadata
from ..model import shipped_page_types
from ..pipeline import Pipeline, Result
from ..text import is_paragraph, key
from .blocks import dom_blocks, joined, size
from .extract import extract
from .find import DomModel, Found, find_article
from .render import parse, render_text

# "found too little": fewer word characters than this (about 120 English words;
# counted in characters so that scripts written without spaces measure alike). Then the page's
# own text, cleaned, replaces the article when next to nothing was found, when the
# page's text is at most MAX_FALLBACK_GROWTH times longer, or when it reads as running prose:
# the same article, more of it, rather than a page of navigation and teasers around it.
# "Next to nothing" is a line or two (about 20 English words): a paragraph the model found,
# after its second, looser decode (`find.LOOSER`), is likelier the content than the page's
# text, out-of-fold (docs/html.md, step 7)
MIN_EXTRACTED_CHARS = 600
NEARLY_NOTHING_CHARS = 100
MAX_FALLBACK_GROWTH = 2.5
MIN_PROSE_SHARE = 0.9
# what sets a site's name apart from the headline in a page's title: "Headline - Site",
# "Site | Headline", "Headline :: Section"
TITLE_SEPARATOR = regex.compile(r"\s+[|\-\u2013\u2014\u00b7\u00bb]\s+|\s*::\s*")
HEADLINE_MIN_WORDS = 2  # a title's part that is a headline, not a section's name ("News")
DESCRIBE = "describe"  # the step that names the page's language and type, run on the whole page
DESCRIBED = ("language", "page_type", "page_type_confidence")  # the keys it gives


def explain_page(
    page: str,
    pipeline: Pipeline,
    model: DomModel | None = None,
    *,
    metadata: bool = True,
    reasons: bool = True,
) -> Result:
    """The article the DOM block model finds, finished by the pipeline; the page's own text
    if too little is found. `model` is the DOM block model (by default the shipped one).
    `metadata=False` reads of the markup's metadata only the title (`extract.extract`) and
    skips the steps that only describe (`Pipeline.run`); `reasons=False` leaves the DOM
    blocks left out unlogged (`find.find_article`). `clean()` asks for neither; the text is
    the same."""
    # one memo for the block table and the filters: they ask the same facts of the same texts
    with run_memo():
        return _explain_page(page, pipeline, model, metadata, reasons)


def _explain_page(
    page: str, pipeline: Pipeline, model: DomModel | None, metadata: bool, reasons: bool
) -> Result:
    tree = parse(page)
    if tree is None:
        return pipeline.run("")
    blocks = dom_blocks(tree)
    extraction = extract(tree, all_metadata=metadata)
    min_extracted = pipeline.config.html.min_extracted_chars
    language = extraction.meta.get("language")
    found = find_article(blocks, extraction.text, language, model, min_extracted, reasons=reasons)
    # the article is found: the whole-page steps would only cut it
    html = pipeline.config.html
    on_extract = pipeline.without(*(s.name for s in pipeline if s.whole_page)).configure(
        furniture={"max_datelines": html.max_datelines},
        links={"heading_takes_lines": html.heading_takes_lines},
    )
    result = on_extract.run(joined(found.kept))
    result.changes[:0] = found.changes
    described: dict[str, object] | None = None  # the describe step's facts of the whole page
    if size(result.text) < min_extracted:
        fallback = pipeline.run(render_text(tree), describe=metadata)
        described = {k: v for k, v in fallback.meta.items() if k in DESCRIBED}
        if prefer_page_text(result.text, fallback.text, min_extracted):
            note = Change(
                "html",
                "warning",
                "too little of the page was found to be the article: its text cleaned instead",
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
    if metadata and described is None and DESCRIBE in pipeline.names:
        described = page_described(found)
    result.meta = merged(extraction.meta, result.meta, described or {})
    drop_headline(result)
    return result


def page_described(found: Found) -> dict[str, object]:
    """What the describe step says of a dump, said of the page from its DOM block table: the
    language of its words and its type (the page-type model reads the same page facts)."""
    out: dict[str, object] = {}
    if found.language:
        out["language"] = found.language
    named = shipped_page_types().best(found.page) if found.page is not None else None
    if named:
        out["page_type"], out["page_type_confidence"] = named[0], round(named[1], 2)
    return out


def merged(*metas: dict[str, object]) -> dict[str, object]:
    """The metadata of several sources as one: for each key, the value of the first source
    that has it (the page's markup first: it states the facts; then the filters; then the
    describe step, which guesses them)."""
    out = Metadata()
    for meta in metas:
        for name, value in meta.items():
            out.setdefault(name, value)
    return dict(out)


def prefer_page_text(
    extracted: str, page_text: str, min_extracted: int = MIN_EXTRACTED_CHARS
) -> bool:
    """Whether the page's cleaned text is the better body when too little was found
    (under `min_extracted` word characters: `Config.html.min_extracted_chars`)."""
    found, more = size(extracted), size(page_text)
    if found >= min_extracted or more <= found:
        return False
    if found < NEARLY_NOTHING_CHARS or more <= MAX_FALLBACK_GROWTH * found:
        return True
    prose = sum(size(block) for block in page_text.split("\n\n") if is_paragraph(block))
    return prose >= MIN_PROSE_SHARE * more


def drop_headline(result: Result) -> None:
    """The page's title opening the body is the headline: out of the body (it is in metadata).
    The title may carry the site's name ("Headline - Site"): the headline is then its part
    before or after the separator (`headlines`)."""
    first, _, rest = result.text.partition("\n\n")
    title = result.meta.get("title", "")
    if title and key(first) in headlines(title):
        result.changes.insert(
            0, Change("html", "metadata", "title: headline", first, code="html.headline")
        )
        result.text = rest


def headlines(title: str) -> set[str]:
    """The keys a headline the title names could have: the whole title's, and where it has
    parts (TITLE_SEPARATOR) its first parts or its last ones (the site's name and section
    left out at the other end), of two words or more. trafilatura's own split of a title
    (`metadata.HTMLTITLE_REGEX`) cuts at the last separator only, and at a colon, which is
    often the headline's own ("Gym equipment: a beginner's guide - Site | Tagline")."""
    parts = TITLE_SEPARATOR.split(title)
    found = {key(title)}
    for i in range(1, len(parts)):
        for side in (parts[:i], parts[i:]):
            words = key(" ".join(side))
            if words.count(" ") + 1 >= HEADLINE_MIN_WORDS:
                found.add(words)
    return found
