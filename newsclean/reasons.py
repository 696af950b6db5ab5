"""The reason codes: one stable dotted code `<filter>.<reason>` for each kind of change.

Every `Change` carries a code beside its human `reason`; the code never embeds the block's
own text, so changes can be counted and filtered by it (the batch summary groups removals by
code). This table is the one list of codes and what each means; docs/reasons.md documents it,
and a test checks that every code the pipeline emits is here.

A custom step that logs a change without a code gets `custom.<action>`.
"""

from __future__ import annotations

import re

CODE_PATTERN = re.compile(r"^[a-z_]+\.[a-z_]+$")

CODES: dict[str, str] = {
    # ads
    "ads.label": 'an ad label ("Advertisement", "Sponsored content")',
    "ads.share_bar": "a share/follow bar: only share words (Facebook, Twitter, Email, ...)",
    "ads.promo": "a newsletter, app, subscribe, cookie or paywall prompt or notice",
    "ads.copyright": "a copyright notice (a block opening with ©)",
    "ads.call_to_action": "a button's label alone on a line (Learn more, Add to cart, Book now)",
    # links (step link_blocks)
    "links.heading": 'the heading of a related-links block ("Most read", "Related")',
    "links.related_block": "a block inside a related-links block, under its heading",
    "links.read_more": 'a read-more line ("Read more: ...", "See also: ...")',
    "links.list": "a run of lines that are mostly links",
    "links.bar": "one line holding several links (a link bar)",
    "links.lone_bullet": "a short lone bullet between paragraphs: a related-story link",
    # media (steps galleries and media)
    "media.gallery": 'a slide of a numbered gallery ("1/50 ..."): title, caption or credit',
    "media.placeholder": "an image placeholder (an image, or its alt text, on a line of its own)",
    "media.label": 'an image caption or credit label ("Image caption", "Getty Images")',
    "media.credit": "a photo credit or attribution",
    "media.caption_credit": "a photo caption ending in its credit",
    "media.map_credit": "a map provider credit (Leaflet, OpenStreetMap, Mapbox)",
    "media.map_legend": "a map legend",
    "media.map_heading": "the heading of a map or graphic block",
    "media.map_block": "a block inside a map or graphic block",
    "media.caption": "a photo caption: a short unfinished sentence set apart where an image stood",
    # furniture
    "furniture.headline": "the headline: moved to metadata (title)",
    "furniture.title_above_byline": "the line above the byline: moved to metadata (title)",
    "furniture.title_above_date": "the line above the first date line: moved to metadata (title)",
    "furniture.reader_header": "a field of a reader's header (Title:, URL Source:, Published "
    "Time:): moved to metadata (title, url, date)",
    "furniture.reader_note": "another line of a reader's header (Markdown Content:, Warning:)",
    "furniture.headline_rule": "the line of = under a setext headline",
    "furniture.head": "page furniture above the byline (menu, kicker, standfirst)",
    "furniture.byline": "the byline: moved to metadata (author)",
    "furniture.source": "the outlet named under the byline: moved to metadata (sitename)",
    "furniture.repeated_headline": "the headline repeated in the body",
    "furniture.credits": "contributor credits: moved to metadata (credits)",
    "furniture.dateline": "a date line or a section footer with its date: moved to metadata (date)",
    "furniture.wire_dateline": 'a wire dateline ("LONDON (Reuters) -") cut from the first '
    "paragraph into metadata (dateline)",
    # article (steps article, article_edges, and the learned finder)
    "article.before": "before the article region (the reason says how the block scored)",
    "article.after": "after the article region (the reason says how the block scored)",
    "article.debris": "taken for debris by the learned block model (the reason gives its odds)",
    "article.no_article": "warning: the learned model found no article; the page is kept whole",
    # markdown
    "markdown.no_words": "a block with no words: a rule, a separator or a stray mark",
    "markdown.markup_only": "a block that is only markup",
    "markdown.markup": "markdown markup removed from a block (links, emphasis, heading marks)",
    # paragraphs
    "paragraphs.rejoined": "a paragraph broken over several blocks, joined again",
    # pages (steps page_breaks, hard_wraps, inline_breaks and one_line)
    "pages.joined": "hard-wrapped lines joined into one paragraph",
    "pages.wrapped_line": "a hard-wrapped line, joined to the one above it",
    "pages.inline_joined": "a sentence a scraper broke at its links and emphases, joined",
    "pages.inline_piece": "a piece of a sentence broken at a link or an emphasis, joined above",
    "pages.one_line": "a whole page given as one line, split at its sentences' ends",
    "pages.number": "a page number",
    "pages.footer": "a running footer with the page number",
    "pages.running": "a running header or footer, repeated on every page",
    # scripts (step script_text)
    "scripts.data": "a script's data (JSON: linked data, a page's state), which no reader sees",
    # repeats (step repeats)
    "repeats.passage": "a passage standing earlier on the page (a copy for another screen size)",
    # references (a text browser's numbered links)
    "references.links": "a text browser's link numbers: made markdown links, or dropped",
    "references.list": "a text browser's closing list of link addresses (References)",
    # unicode (one code per rewrite: the most significant repair made)
    "unicode.mojibake": "mojibake repaired (text decoded with the wrong charset), with ftfy",
    "unicode.entities": "HTML character references decoded (&amp; &nbsp; &#8217;)",
    "unicode.surrogates": "lone surrogates removed",
    "unicode.escapes": "terminal escape codes removed",
    "unicode.controls": "control and invisible characters removed",
    "unicode.nfc": "text normalised to NFC",
    "unicode.marks": "combining marks removed: a flood of them, or marks with no base",
    "unicode.invisible": "a block of only invisible characters",
    # units
    "units.wrong_unit": "a garbled conversion repaired: the converted figure's unit was wrong",
    "units.swapped": "a garbled conversion repaired: the two units were swapped",
    "units.ambiguous": "warning: a garbled conversion that fits more than one unit: not repaired",
    "units.no_conversion": "warning: a figure in brackets that fits no conversion of the one "
    "before it: not repaired",
    # pipeline
    "pipeline.timeout_block": "warning: a pattern timed out on a block: it was kept as it was",
    "pipeline.timeout_step": "warning: a pattern timed out: the whole step was skipped",
    "pipeline.text_removed": "a block a plain str -> str step dropped",
    "pipeline.text_rewrote": "text a plain str -> str step changed",
    # decoding and HTML
    "decode.stray_bytes": "warning: bytes that are UTF-8 but for a few stray bytes, decoded "
    "with replacement characters",
    "html.headline": (
        "the page's title (or the title less the site's name) opening the body: moved out"
        " (it is in metadata)"
    ),
    "html.fallback": "warning: too little of the page was found to be the article; the page's "
    "own text was cleaned",
    "html.debris": "a block of the page's markup the DOM block model took for debris",
    "html.caption": "a figure's caption or credit in the page's markup (<figcaption>)",
    "html.apart": "a run of blocks apart from the article that the DOM block model doubts "
    "(none of the article's kind, little of it kept by trafilatura)",
    "html.loosened": "warning: the DOM block model found too little, or much less than "
    "trafilatura kept; its blocks were decoded again, less strictly",
    # custom steps that give no code
    "custom.removed": "a block a custom step removed without giving a code",
    "custom.metadata": "a block a custom step moved to metadata without giving a code",
    "custom.rewrote": "text a custom step rewrote without giving a code",
    "custom.warning": "a warning a custom step gave without a code",
}


def describe(code: str) -> str:
    """What a code means; KeyError for a code not in the table."""
    return CODES[code]


def default_code(action: str) -> str:
    """The code of a change logged without one."""
    return f"custom.{action}"
