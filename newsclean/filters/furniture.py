"""Page furniture that belongs in metadata, not in the body: the headline and its repeats,
bylines and the outlet's name under them, datelines and section footers, wire datelines at
the start of the first paragraph ("LONDON (Reuters) - ")."""

from __future__ import annotations

from .. import phrases
from ..document import Document
from ..grammar import heading_level
from ..kinds import byline_names, can_be_title, is_dateline, is_source_name
from ..patterns import Pattern, pattern
from ..pipeline import step
from ..text import is_paragraph, key, plain, words

CREDIT_LINE_MAX_WORDS = 60
STORY_END = 3  # a closing credit stands among the last blocks


# "LONDON, Oct 5 (Reuters) - " or "WASHINGTON (AP) — ": a capitalised place, then an agency in
# brackets or a date after a comma, then a dash
WIRE_DATELINE = pattern(
    r"^([A-Z][A-Z.'-]{2,25}(?: [A-Z][A-Z.'-]{1,25}){0,3}"
    r"(?:(?:, [^()\n]{1,40}?)? \([A-Z][\w .&/-]{1,30}\)|, [^()\n]{1,40}?))"
    r" ?(?:-{1,2}|[—–]) (?=[A-Z\"“‘'])"
)


def is_credit_line(text: str) -> bool:
    """Contributor credits: "Reporting by Anna Keller; Editing by Mark Hollis"."""
    match = phrases.prefix("credit_line").match(key(text))
    if not match or words(text) > CREDIT_LINE_MAX_WORDS:
        return False
    rest = plain(text).split(None, len(match.group(0).split()))[-1]
    return rest[0].isupper()


@phrases.cached
def credit_end_pattern() -> Pattern:
    return pattern(rf"\b(?:{phrases.alternation('credit_line_end')})$")


def is_closing_credit(text: str) -> bool:
    """A credit closing a story: "AP writer Sam Riggs contributed to this report."."""
    return words(text) <= CREDIT_LINE_MAX_WORDS and bool(credit_end_pattern().search(key(text)))


def is_headline(doc: Document, index: int) -> bool:
    text = doc.blocks[index].text
    return (
        heading_level(text) in (1, 2)
        and words(plain(text)) <= doc.config.furniture.headline_max_words
        and not in_a_run_of_headings(doc, index)
    )


def in_a_run_of_headings(doc: Document, index: int) -> bool:
    """A heading next to another of its level, with nothing between them, is one of a list of
    sections, not a headline."""
    level = heading_level(doc.blocks[index].text)
    before = (b.text for b in reversed(doc.blocks[:index]) if key(b.text))
    after = (b.text for b in doc.blocks[index + 1 :] if key(b.text))
    return any(heading_level(next(side, "")) == level for side in (before, after))


def mark_head_furniture(doc: Document, byline_index: int) -> None:
    """Above the byline, before any paragraph, stands only page furniture: menu, section kicker,
    headline, standfirst. With no marked-up headline, the line just above the byline is the
    title."""
    above = [j for j in range(byline_index) if not doc.is_marked(j)]
    if above and "title" not in doc.meta:
        title = plain(doc.blocks[above[-1]].text)
        doc.to_meta(
            above[-1], "title", title, "the line above the byline", "furniture.title_above_byline"
        )
    for j in above:
        doc.remove(j, "page furniture above the byline", "furniture.head")


def title_above_date(doc: Document, date_index: int) -> None:
    """With no headline found, a title-like line just above the first date line, before any
    paragraph, is the title."""
    above = date_index - 1
    if (
        above >= 0
        and not doc.is_marked(above)
        and can_be_title(doc.blocks[above].text, doc.config.furniture.headline_max_words)
    ):
        title = plain(doc.blocks[above].text)
        doc.to_meta(above, "title", title, "the line above the date", "furniture.title_above_date")


@step(
    "furniture", "headline, bylines, datelines and section footers: into metadata, out of the body"
)
def furniture(doc: Document) -> None:
    blocks = doc.blocks
    title_key = ""
    seen_body = False
    wordy = 0  # blocks so far a reader sees words in; wordless ones do not count
    dates_are_entries = (
        0
        < doc.config.furniture.max_datelines
        < sum(is_dateline(b.text) for i, b in enumerate(blocks) if not doc.is_marked(i))
    )
    for i, block in enumerate(blocks):
        if doc.is_marked(i):
            continue
        text = block.text
        wordy += bool(key(text))
        if not seen_body and wordy <= doc.config.furniture.head_zone:
            if not title_key and is_headline(doc, i):
                title_key = key(text)
                doc.to_meta(i, "title", plain(text), "headline", "furniture.headline")
                continue
            names = byline_names(text)
            if names:
                mark_head_furniture(doc, i)
                doc.to_meta(i, "author", names, "byline", "furniture.byline")
                if (
                    i + 1 < len(blocks)
                    and is_source_name(blocks[i + 1].text)
                    and not doc.is_marked(i + 1)
                ):
                    doc.to_meta(
                        i + 1,
                        "sitename",
                        plain(blocks[i + 1].text),
                        "outlet under the byline",
                        "furniture.source",
                    )
                continue
        if title_key and key(text) == title_key:
            doc.remove(i, "repeated headline", "furniture.repeated_headline")
        elif is_credit_line(text) or (i >= len(blocks) - STORY_END and is_closing_credit(text)):
            doc.to_meta(i, "credits", plain(text), "contributor credits", "furniture.credits")
        elif is_dateline(text) and not dates_are_entries:
            if not seen_body and "title" not in doc.meta:
                title_above_date(doc, i)
            doc.to_meta(i, "date", plain(text), "date line or section footer", "furniture.dateline")
        elif is_paragraph(text) and not seen_body:
            seen_body = True
            m = WIRE_DATELINE.match(text)
            if m:
                doc.meta.setdefault("dateline", m.group(1).strip())
                doc.rewrote(
                    text,
                    text[m.end() :],
                    "wire dateline moved to metadata",
                    "furniture.wire_dateline",
                )
                block.text = text[m.end() :]


# A reader service's header above the page's text (Jina Reader: "Title: ...", "URL Source:
# ...", "Published Time: ...", "Markdown Content:"): its fields and where each goes
READER_FIELDS = {"title": "title", "url source": "url", "published time": "date"}
READER_NOTES = ("warning", "description", "number of pages", "markdown content")
READER_LINE = pattern(r"^([A-Za-z][A-Za-z ]{2,20}):(?:\s+(.*?))?\s*$")
READER_HEAD_LINES = 8  # the header's lines stand among the first of these
SETEXT_RULE = pattern(r"^ {0,3}={3,}\s*$")  # the line of "=" under a setext headline


def reader_header(doc: Document) -> list[tuple[int, str, str]]:
    """The lines of a reader's header at the start of the dump, as (index, field, value): it
    opens with "Title:" and names its "URL Source:"; [] if the dump has none."""
    found: list[tuple[int, str, str]] = []
    for i, block in enumerate(doc.blocks[:READER_HEAD_LINES]):
        m = READER_LINE.match(block.text.strip())
        name = m.group(1).lower() if m else ""
        if name not in READER_FIELDS and name not in READER_NOTES:
            break
        if not found and name != "title":
            return []
        if name == "markdown content" and m and m.group(2):
            break  # the page's text on the label's line: not a header line
        found.append((i, name, (m.group(2) or "").strip() if m else ""))
        if name == "markdown content":
            break
    return found if any(name == "url source" for _, name, _ in found) else []


def setext_headline(doc: Document) -> int | None:
    """The index of a headline underlined with "=" (a setext heading: "Headline" and a line of
    "=====" under it, no blank line between) among the first wordy blocks, or None."""
    wordy = 0
    settings = doc.config.furniture
    for i, block in enumerate(doc.blocks[:-1]):
        wordy += bool(key(block.text))
        if wordy > settings.head_zone:
            return None
        under = doc.blocks[i + 1]
        if (
            under.gap == 0
            and SETEXT_RULE.match(under.text)
            and heading_level(block.text) == 0
            and 1 <= words(plain(block.text)) <= settings.headline_max_words
        ):
            return i
    return None


@step(
    "header",
    "a reader's header (Title:, URL Source:, Published Time:) and a ===-underlined headline: "
    "into metadata",
)
def header(doc: Document) -> None:
    for i, name, value in reader_header(doc):
        field_name = READER_FIELDS.get(name)
        if field_name and value:
            doc.to_meta(i, field_name, value, "reader's header", "furniture.reader_header")
        else:
            doc.remove(i, "reader's header line", "furniture.reader_note")
    if "title" in doc.meta:
        return
    i = setext_headline(doc)
    if i is not None:
        doc.to_meta(i, "title", plain(doc.blocks[i].text), "headline", "furniture.headline")
        doc.remove(i + 1, "the line of = under the headline", "furniture.headline_rule")
