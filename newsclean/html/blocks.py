"""The page's blocks as its markup gives them, and the facts of each: the DOM block table.

A DOM block is the text between two block-level elements (a paragraph, a heading, a list
item, a table row), read in the page's order with what a reader never sees already gone
(`render.parse`). Each block carries the text facts of `newsclean.blocks` (words, sentence
ends, stopwords, phrase-list hits, position, repetition) and the facts of its markup:

- its tag (a heading, a list item, a table row, a caption, a quote, code);
- how deep it stands and how much of its text is inside `<a>`;
- the landmarks around it (`<nav>`, `<header>`, `<footer>`, `<aside>`, `<form>`, `<article>`,
  `<main>`, a list, a table, a figure);
- the class and id tokens of its ancestors, in families (navigation, footer, sidebar, related,
  comments, share, ads, newsletter, breadcrumb, cookie notice, byline, content) as evidence,
  never as a verdict: "related" on a wrapper does not delete a paragraph by itself;
- the size and link share of the containers it sits in (its parent and grandparent block);
- the blocks of its kind (the same path of tags and class words from the root, or of tags
  alone): how many, how long, how linked, how much of them trafilatura kept, so a forum's
  replies read as its first post does and a menu's items as each other;
- whether trafilatura kept it (the share of its 4-word shingles in trafilatura's text), and
  whether it stands in the smallest element that holds nearly all of trafilatura's text.

The block model (`html.find.DomModel`, `data/html_block_model.json`) reads these columns; the
same columns with each block's neighbours' make `with_context`'s table. Its second look reads
them beside its first look's verdicts, averaged over each block's kinds (`kind_means`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import regex

from .. import language
from ..blocks import FACTS, PAGE_FACTS, page_table, table
from ..text import key, key_words, plain
from .render import BLOCK_TAGS, SPACE_RUN

if TYPE_CHECKING:
    import lxml.html
    import numpy as np

# table cells are parts of their row's block, not blocks of their own (unless they hold blocks)
CELL_TAGS = frozenset(["td", "th"])
ROW_BLOCK_TAGS = BLOCK_TAGS - CELL_TAGS
HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
# the landmark elements a block can stand in, each a column ("in_nav", ...)
LANDMARKS = {
    "nav": ("nav",),
    "header": ("header",),
    "footer": ("footer",),
    "aside": ("aside",),
    "form": ("form", "button", "select", "label"),
    "article": ("article",),
    "main": ("main",),
    "list": ("ul", "ol", "dl"),
    "table": ("table",),
    "figure": ("figure", "figcaption"),
    "link": ("a",),
}
# the families of class and id tokens, each a column ("css_nav", ...): a token is in a family
# when it starts with one of the family's stems (tokens are the class and id split at
# anything but a letter, lower-cased, and camelCase split too)
CSS_FAMILIES = {
    "nav": ("nav", "menu", "topbar", "toolbar", "skip"),
    "header": ("header", "masthead", "banner"),
    "footer": ("footer", "foot", "copyright", "colophon", "legal"),
    "sidebar": ("sidebar", "aside", "rail", "widget", "sidenav"),
    "related": ("related", "recommend", "popular", "trending", "teaser", "more", "read", "next"),
    "comments": ("comment", "reply", "replies", "discussion", "disqus", "respond"),
    "share": ("share", "sharing", "social", "follow"),
    "ads": ("ad", "ads", "advert", "sponsor", "promo", "dfp", "gpt", "outbrain", "taboola"),
    "newsletter": ("newsletter", "subscribe", "subscription", "signup", "optin", "paywall"),
    "breadcrumb": ("breadcrumb", "crumb"),
    "cookie": ("cookie", "consent", "gdpr", "privacy", "modal", "popup", "overlay"),
    "byline": ("byline", "author", "date", "time", "meta", "dateline", "published"),
    "caption": ("caption", "credit", "figure", "image", "photo", "media", "gallery"),
    "content": ("article", "post", "entry", "story", "content", "body", "main", "text", "prose"),
}
# short stems match whole tokens only ("ad" is not "header", "read" is not "thread")
WHOLE_TOKEN = frozenset(["ad", "ads", "gpt", "dfp", "more", "read", "next", "time", "date", "foot"])
CSS_TOKEN = regex.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
# the characters `str.split` takes for white space and `SPACE_RUN` (`regex`'s \s, Unicode's
# White_Space) does not: the information separators, U+001C-U+001F
SPLIT_ONLY = regex.compile(r"[\x1c-\x1f]")
NONE: frozenset[str] = frozenset()

# the ways two blocks are of the same kind: the same element path with class words
# (`DomBlock.path`), the same path of tags alone
PATH_GROUPS = ("path", "tag_path")
GROUP_FACTS = (
    "blocks",  # log(1 + blocks of the kind)
    "extracted",  # the share of their words trafilatura kept
    "link_share",  # the share of their words inside <a>
    "log_words",  # log(1 + their mean words)
    "page_share",  # their share of the page's words
)
# the share of trafilatura's words the page's core (`core_element`) holds
CORE_SHARE = 0.9

DOM_FACTS = (
    "dom_heading",  # an h1-h6
    "dom_item",  # a list item (li, dt, dd)
    "dom_row",  # a table row
    "dom_paragraph",  # a p
    "dom_quote",  # a blockquote
    "dom_code",  # a pre
    "dom_caption",  # a figcaption or caption
    "dom_depth",  # log(1 + depth in the tree)
    "dom_link_share",  # share of its characters inside <a>
    "dom_image",  # an image stands inside it
    *(f"in_{name}" for name in LANDMARKS),
    *(f"css_{name}" for name in CSS_FAMILIES),
    "parent_log_words",  # log(1 + words in its parent block element)
    "parent_link_share",  # share of those inside <a>
    "parent_blocks",  # log(1 + blocks in it)
    "parent_extracted",  # share of those words trafilatura kept
    "grandparent_log_words",
    "grandparent_link_share",
    "grandparent_blocks",
    "grandparent_extracted",
    "extracted",  # share of its shingles in trafilatura's text
    "extracted_before",  # share of the words trafilatura kept that stand before it
    "extracted_after",  # share of them that stand after it
    # the blocks of the same kind on the page (`path_groups`): one block of a forum's posts or
    # of a menu's items reads as the others do
    *(f"{group}_{fact}" for group in PATH_GROUPS for fact in GROUP_FACTS),
    "in_core",  # it stands in the smallest element that holds 90% of trafilatura's words
    "core_extracted",  # the share of that element's words trafilatura kept
)
# the facts whose neighbours' values are columns too (before, after, a window of seven)
DOM_CONTEXT = ("extracted", "dom_link_share", "css_content", "in_nav", "in_footer")
WINDOW = 3


def column_names() -> tuple[str, ...]:
    """The names of `with_context`'s columns, in order."""
    names = list(FACTS) + list(DOM_FACTS) + [f"page_{n}" for n in PAGE_FACTS]
    for where in ("prev", "next", "window"):
        names += [f"{where}_{n}" for n in ("log_words", "sentence", "stopwords", *DOM_CONTEXT)]
    return tuple(names)


@dataclass
class DomBlock:
    """One block of the page: its text and the markup it stands in."""

    text: str
    tag: str  # the innermost block-level element's tag
    depth: int
    link_chars: int
    image: bool
    landmarks: frozenset[str]  # LANDMARKS names of its ancestors
    families: frozenset[str]  # CSS_FAMILIES names of its ancestors' class and id tokens
    containers: tuple[int, ...]  # its block-level ancestors, nearest first (ids)
    path: str = ""  # its ancestors' tags, each with its class words (`class_words`), root first
    extracted: float = 0.0


@dataclass
class _Open:
    tag: str
    landmarks: frozenset[str]
    families: frozenset[str]
    containers: tuple[int, ...]  # the ids of it and its block-level ancestors, nearest first
    block_tag: str  # the tag of the nearest of those ("" if none)
    in_link: bool
    preformatted: bool
    path: str


@dataclass
class _Block:
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    image: bool = False


def families_of(css_class: str | None, css_id: str | None) -> frozenset[str]:
    """The CSS_FAMILIES an element's class and id tokens fall in (each looked up alone: a
    class recurs over a page, an id does not)."""
    found = attribute_families(css_class) if css_class else NONE
    return found | attribute_families(css_id) if css_id else found


@lru_cache(maxsize=8192)  # pages repeat their classes; a site's pages share them
def attribute_families(attrs: str) -> frozenset[str]:
    found: frozenset[str] = frozenset()
    for token in CSS_TOKEN.findall(attrs):
        found |= token_families(token.lower())
    return found


@lru_cache(maxsize=8192)
def token_families(token: str) -> frozenset[str]:
    return frozenset(name for name, stems in family_stems() if stems.match(token))


@cache
def family_stems() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    """Each family of CSS_FAMILIES with a pattern of its stems: a token that starts with one,
    or is one of WHOLE_TOKEN."""
    return tuple(
        (
            name,
            regex.compile(
                "|".join(
                    regex.escape(stem) + (r"\Z" if stem in WHOLE_TOKEN else "") for stem in stems
                )
            ),
        )
        for name, stems in CSS_FAMILIES.items()
    )


@lru_cache(maxsize=8192)
def class_words(attrs: str) -> str:
    """A class attribute's words, lower-cased, sorted, without digits: "post post-123 odd" ->
    "odd.post" (what two elements of one kind share; an id, unique by nature, is left out)."""
    return ".".join(sorted({t.lower() for t in CSS_TOKEN.findall(attrs)}))


def dom_blocks(tree: lxml.html.HtmlElement) -> list[DomBlock]:
    """The page's blocks in reading order (see the module's docstring)."""
    import lxml.etree

    landmark_of = {tag: name for name, tags in LANDMARKS.items() for tag in tags}
    body = tree.find("body")
    root = body if body is not None else tree
    out: list[DomBlock] = []
    # the elements open at this point of the walk, under a first that stands for none (the
    # page around the root: no landmark, no family, no block-level element, an empty path)
    stack = [_Open("", NONE, NONE, (), "", False, False, "")]
    current = _Block()
    next_id = 0

    def flush() -> None:
        nonlocal current
        if not current.parts:  # most often: two block-level elements in a row
            current.image = False
            return
        here = stack[-1]
        text = "".join(current.parts)
        if text.isspace():  # most often: the white space between two block elements
            text = ""
        else:
            text = (text.strip() if here.preformatted else collapse_spaces(text)).strip(" |")
        if text:
            out.append(
                DomBlock(
                    text,
                    here.block_tag,
                    len(stack) - 1,
                    current.link_chars,
                    current.image,
                    here.landmarks,
                    here.families,
                    here.containers,
                    here.path,
                )
            )
        current = _Block()

    # the walk's steps written out, not as calls: it runs for every element of every page
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            tag = element.tag
            if not isinstance(tag, str):
                tag = ""
            parent = stack[-1]
            block = tag in ROW_BLOCK_TAGS
            if block:
                flush()
            elif tag in CELL_TAGS:
                current.parts.append(" | ")
            elif tag == "br":
                current.parts.append("\n")
            elif tag == "img":
                current.image = True
            landmarks = parent.landmarks
            if tag in landmark_of:
                landmarks = landmarks | {landmark_of[tag]}
            families, step = parent.families, tag
            if tag:
                css_class, css_id = element.get("class"), element.get("id")
                if css_class or css_id:
                    found = families_of(css_class, css_id)
                    if found:
                        families = families | found
                    if css_class:
                        step = f"{tag}.{class_words(css_class)}"
            containers, block_tag = parent.containers, parent.block_tag
            if block:
                containers, block_tag = (next_id, *containers), tag
                next_id += 1
            in_link = parent.in_link or tag == "a"
            stack.append(
                _Open(
                    tag,
                    landmarks,
                    families,
                    containers,
                    block_tag,
                    in_link,
                    parent.preformatted or tag == "pre",
                    f"{parent.path}/{step}",
                )
            )
            text = element.text
        else:
            tag = stack[-1].tag
            if tag in ROW_BLOCK_TAGS:
                flush()
            elif tag in CELL_TAGS:
                current.parts.append(" ")  # a cell ends its words, as a browser shows it
            stack.pop()
            if element is root:
                continue
            text = element.tail
            in_link = stack[-1].in_link
        if text:
            current.parts.append(text)
            if in_link:
                current.link_chars += len(text.strip())
    flush()
    return out


def collapse_spaces(text: str) -> str:
    """The text with each run of white space one space, stripped: `SPACE_RUN.sub(" ", text)
    .strip()`, by `str.split` wherever that means the same, that is where no character of
    SPLIT_ONLY stands (`regex`'s substitution was a fifth of the walk's time)."""
    if SPLIT_ONLY.search(text):
        return SPACE_RUN.sub(" ", text).strip()
    return " ".join(text.split())


def shingle_share(tokens: list[str], found: set[tuple[str, ...]], joined: str) -> float:
    """The share of a block's 4-word shingles in a text's (a block under four words: whether
    its words stand there in order)."""
    if not tokens:
        return 0.0
    if len(tokens) >= 4:
        own = shingle_set(tokens)
        return len(own & found) / len(own)
    return float(f" {' '.join(tokens)} " in joined)


def shingle_set(tokens: list[str]) -> set[tuple[str, ...]]:
    # not strict: the shingle of the last four words is the last
    return set(zip(tokens, tokens[1:], tokens[2:], tokens[3:], strict=False))


def mark_extracted(blocks: list[DomBlock], extracted: str | None) -> None:
    """Each block's share of shingles in trafilatura's text (0 where it found nothing)."""
    tokens = key_words(extracted or "")
    found, joined = shingle_set(tokens), f" {' '.join(tokens)} "
    for b in blocks:
        b.extracted = shingle_share(block_words(b.text), found, joined)


def block_words(text: str) -> list[str]:
    """`key_words(text)`, read off the block's key (`text.key`, memoised for the run, which
    the block table asks next) where the block is its own plain text, as nearly every DOM
    block is: one tokenising a block, not two."""
    return key(text).split() if plain(text) == text else key_words(text)


# what is not a word character: deleting it leaves the word characters, one string rather
# than a list of one-character matches (findall), at a third of the time on an article
NOT_WORD_CHARS = regex.compile(r"\W+")


def size(text: str) -> int:
    """How much text there is: its word characters (scripts written without spaces between
    words measure alike)."""
    return len(NOT_WORD_CHARS.sub("", text))


def page_language(blocks: list[DomBlock]) -> str | None:
    """The language of the page's words (newsclean.language), None if none stands out."""
    texts = [b.text for b in blocks]
    return language.detect([w for t in texts for w in key(t).split()], " ".join(texts))


def page_facts(table: np.ndarray) -> np.ndarray | None:
    """The page facts (`blocks.PAGE_FACTS`) that every row of a table holds; None if no row."""
    if not len(table):
        return None
    start = len(FACTS) + len(DOM_FACTS)
    return table[0, start : start + len(PAGE_FACTS)]


def facts(blocks: list[DomBlock], lang: str | None = None) -> np.ndarray:
    """The block table: the text facts (newsclean.blocks.FACTS) then DOM_FACTS, one row a
    block. The text facts read the markup where a dump's text would guess it: a heading is an
    h1-h6, a list item an li, link share the characters inside <a>."""
    import numpy as np

    n = len(blocks)
    if not n:
        return np.zeros((0, len(FACTS) + len(DOM_FACTS) + len(PAGE_FACTS)))
    texts = [b.text for b in blocks]
    if lang is None:
        lang = page_language(blocks)
    text_facts = table(texts, [2] * n, lang)
    link = np.array([min(1.0, b.link_chars / max(1, len(b.text))) for b in blocks])
    text_facts[:, FACTS.index("link_share")] = link
    text_facts[:, FACTS.index("heading")] = [b.tag in HEADING_TAGS for b in blocks]
    text_facts[:, FACTS.index("bullet")] = [b.tag in ("li", "dt", "dd") for b in blocks]
    text_facts[:, FACTS.index("image")] = [b.image for b in blocks]
    words = np.expm1(text_facts[:, FACTS.index("log_words")])
    extracted = np.array([b.extracted for b in blocks])
    # the words, link words, blocks and words kept inside each of the blocks' first three
    # block-level elements (their own, parent, grandparent)
    inside = element_sums(blocks, (words, words * link, np.ones(n), words * extracted), 3)

    def container(level: int) -> list[np.ndarray]:
        """The columns of each block's block-level ancestor `level` up (0s where it has none)."""
        ids = np.array([b.containers[level] if len(b.containers) > level else -1 for b in blocks])
        w, lw, k, kept = np.where(ids >= 0, inside[:, np.maximum(ids, 0)], 0.0)
        words_in = w != 0
        return [
            np.log1p(w),
            np.divide(lw, w, out=np.zeros(n), where=words_in),
            np.log1p(k),
            np.divide(kept, w, out=np.zeros(n), where=words_in),
        ]

    kept = words * extracted
    kept_total = kept.sum() or 1.0
    kept_before = (np.cumsum(kept) - kept) / kept_total
    kept_after = 1.0 - kept_before - kept / kept_total
    core = core_element(blocks, words, kept)

    # column by column: a list comprehension a column costs less than a list a row
    tags = [b.tag for b in blocks]
    columns = [
        [t in HEADING_TAGS for t in tags],
        [t in ("li", "dt", "dd") for t in tags],
        [t == "tr" for t in tags],
        [t == "p" for t in tags],
        [t == "blockquote" for t in tags],
        [t == "pre" for t in tags],
        [t in ("figcaption", "caption") for t in tags],
        np.log1p([b.depth for b in blocks]),
        link,
        [b.image for b in blocks],
        *([name in b.landmarks for b in blocks] for name in LANDMARKS),
        *([name in b.families for b in blocks] for name in CSS_FAMILIES),
        *container(1),
        *container(2),
        extracted,
        kept_before,
        kept_after,
        *path_groups(blocks, words, extracted, link),
        [core is not None and core[0] in b.containers for b in blocks],
        np.full(n, core[1] if core else 0.0),
    ]
    page = page_table(text_facts, "\n\n".join(texts))
    return np.hstack(
        (text_facts, np.array(columns, dtype=float).T, np.broadcast_to(page, (n, len(page))))
    )


def path_groups(
    blocks: list[DomBlock], words: np.ndarray, extracted: np.ndarray, link: np.ndarray
) -> list[np.ndarray]:
    """GROUP_FACTS of each block's kind in each of PATH_GROUPS, a column each."""
    import numpy as np

    total = words.sum() or 1.0
    columns = []
    for group in PATH_GROUPS:
        g = kind_ids(blocks, group)
        count = np.bincount(g).astype(float)
        own = np.bincount(g, weights=words)
        share = np.maximum(own, 1.0)
        columns += [
            np.log1p(count)[g],
            (np.bincount(g, weights=words * extracted) / share)[g],
            (np.bincount(g, weights=words * link) / share)[g],
            np.log1p(own / count)[g],
            (own / total)[g],
        ]
    return columns


# the kinds over which the model's second look averages its first (`kind_means`)
KINDS = ("path", "tag_path", "parent", "grandparent")
SECOND_LOOK = ("first_look", *(f"first_look_{kind}" for kind in KINDS))


def kind_means(blocks: list[DomBlock], p: np.ndarray, words: np.ndarray) -> np.ndarray:
    """The second look's columns (SECOND_LOOK): each block's probability from the model's
    first look, and its mean (weighted by 1 + words) over the blocks of each of its KINDS: the
    same path, the same path of tags, the same parent or grandparent element. What the model
    thinks of a forum's other replies, or of the rest of a block's container."""
    import numpy as np

    if not blocks:
        return np.zeros((0, len(SECOND_LOOK)))
    columns, weights = [p], 1.0 + words
    for kind in KINDS:
        g = kind_ids(blocks, kind)
        columns.append((np.bincount(g, weights=weights * p) / np.bincount(g, weights=weights))[g])
    return np.column_stack(columns)


def kind_ids(blocks: list[DomBlock], kind: str) -> np.ndarray:
    """Each block's group among the page's blocks of one of KINDS, numbered from 0: the same
    path, path of tags, parent or grandparent element (the blocks without one share a group)."""
    import numpy as np

    if kind == "path":
        keys: Iterable[object] = (b.path for b in blocks)
    elif kind == "tag_path":
        keys = (tag_path(b.path) for b in blocks)
    else:
        up = {"parent": 1, "grandparent": 2}[kind]  # `containers` starts with its own element
        keys = (b.containers[up] if len(b.containers) > up else -1 for b in blocks)
    ids: dict[object, int] = {}
    return np.array([ids.setdefault(k, len(ids)) for k in keys], dtype=np.int64)


@lru_cache(maxsize=8192)
def tag_path(path: str) -> str:
    """An element path's tags alone: "/body/div.post/p" -> "/body/div/p"."""
    return "/".join(step.split(".", 1)[0] for step in path.split("/"))


def core_element(
    blocks: list[DomBlock], words: np.ndarray, kept: np.ndarray
) -> tuple[int, float] | None:
    """The smallest block-level element that holds CORE_SHARE of the words trafilatura kept,
    and the share of its words trafilatura kept; None when it kept none."""
    import numpy as np

    total = kept.sum()
    if not total:
        return None
    inside_words, inside_kept = element_sums(blocks, (words, kept))
    held = np.flatnonzero(inside_kept >= CORE_SHARE * total)
    if not len(held):
        return None
    c = held[np.argmin(inside_words[held])]  # the first of the smallest: the outermost
    return int(c), float(inside_kept[c] / inside_words[c])


def element_sums(
    blocks: list[DomBlock], columns: Iterable[np.ndarray], levels: int | None = None
) -> np.ndarray:
    """Each column summed over the blocks inside each block-level element (one row a column,
    one column an element id), counting a block in its first `levels` elements (all if None):
    its own, its parent, ... (in the blocks' order, so the sums are those of a loop)."""
    import numpy as np

    inner = [b.containers[:levels] for b in blocks]
    ids = np.fromiter((c for cs in inner for c in cs), dtype=np.int64)
    block = np.repeat(np.arange(len(blocks)), [len(cs) for cs in inner])
    size = int(ids.max()) + 1 if len(ids) else 1  # one column at least, for the lookups
    return np.array([np.bincount(ids, weights=col[block], minlength=size) for col in columns])


def with_context(rows: np.ndarray) -> np.ndarray:
    """The block table beside each block's neighbours' (see column_names)."""
    import numpy as np

    names = list(FACTS) + list(DOM_FACTS) + [f"page_{n}" for n in PAGE_FACTS]
    cols = [names.index(c) for c in ("log_words", "sentence", "stopwords", *DOM_CONTEXT)]
    n = len(rows)
    ctx = rows[:, cols]
    pad = np.zeros((1, len(cols)))
    prev = np.vstack((pad, ctx[:-1])) if n else ctx
    nxt = np.vstack((ctx[1:], pad)) if n else ctx
    csum = np.vstack((pad, np.cumsum(ctx, axis=0)))
    lo = np.clip(np.arange(n) - WINDOW, 0, n)
    hi = np.clip(np.arange(n) + WINDOW + 1, 0, n)
    window = (csum[hi] - csum[lo]) / np.maximum(hi - lo, 1)[:, None]
    return np.hstack((rows, prev, nxt, window))


def block_text(b: DomBlock) -> str:
    """A block as a paragraph of the text the filters finish: a list item as a bullet (the
    filters read the marker), anything else as its text."""
    if b.tag in ("li", "dt", "dd"):
        return f"- {b.text}"
    return b.text


def joined(blocks: Iterable[DomBlock]) -> str:
    """Blocks as a text, a blank line between them."""
    return "\n\n".join(block_text(b) for b in blocks)
