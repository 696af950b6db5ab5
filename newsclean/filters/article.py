"""Find the article in a whole-page dump: score every block, take the densest region.

Each block gets a score from its own features: prose (long, ends a sentence, few words inside
links) counts for its words; a short line, a link line, a bullet without a sentence, a known
boilerplate phrase, a copyright notice or prose repeated three times counts against. The
article is the run of blocks with the highest total score (the maximum-sum subarray), so a short
block between two paragraphs stays while a long run of menu lines, link grids or footers ends
the region; a comments heading is a wall, and the article comes before the comments. Blocks
outside the region are removed with the side they were on and why they scored as they did. A
dump that is already just an article has no negative run to cut, so it comes through unchanged;
a page without a paragraph's weight of prose is not cut at all.

`article` runs first, on the raw dump; `article_edges` runs last, on what the other filters
left, so that clean(clean(x)) == clean(x).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

import regex

from .. import blocks, config, language, phrases
from ..document import Document
from ..grammar import (
    ends_with_stop,
    heading_level,
    in_stopless_script,
    is_bullet,
    marks,
    without_images,
)
from ..kinds import ad_reason, can_be_title, is_byline, is_dateline, is_source_name, media_reason
from ..memo import memoised
from ..model import BlockModel, shipped, viterbi
from ..patterns import Pattern, pattern
from ..pipeline import Step, step
from ..text import key, key_words, link_pieces, plain, plain_words, words

if TYPE_CHECKING:  # numpy is imported where it is used: it is slow to import
    import numpy as np

SENTENCE_COST = 4  # a block's words count for the article, less this; a sentence pays least,
LINE_COST = 10  # a line that does not end like one more (labels, menu entries, titles),
BULLET_COST = 2  # and a list item a little more again
DEBRIS_COST = 3.0  # the most one block can count against the region
COMMENTS_HEADING_MAX_WORDS = 6
COMMENTS_HEADING_MAX_CHARS = 120  # a quick bound before counting words
COMMENTS_COST = 1000.0  # readers' comments are prose too: their heading is a wall
PRE_COMMENTS_SHARE = 0.3  # how heavy the region before the comments must be, against the best
# settings (newsclean.config.ArticleSettings): linked, min_region_weight, repeats
REPEATED_MIN = 15.0  # lines of code or short sentences can repeat, so only a paragraph counts
ISOLATED_MAX = 15.0  # prose scoring less than this, between two debris blocks, is a teaser
TEASER_SPAN = 6  # dated teasers this close (in blocks) form a grid
COPYRIGHT_MAX_WORDS = 30  # a longer block with "©" is prose with a photo credit run into it
TITLE_LOOKBACK = 6  # how far before the region's start the headline may stand


UNSPACED = pattern(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")
# A quick test before UNSPACED: these scripts start at U+0E00 (Thai) and none stands in General
# Punctuation (U+2000-U+206F: curly quotes, dashes), so most accented or quoted prose skips it.
MAY_BE_UNSPACED = re.compile("[\u0e00-\u1fff\u2070-\U0010ffff]")
HTML_TAG = pattern(
    r"</?(?:a|img|div|span|p|script|style|iframe|noscript|br|table|td|tr|li|ul|ol|meta|link"
    r"|input|form|button|svg|source|video|figure|section)\b[^<>]{0,2000}>",
    regex.I,
)
TRUNCATED = pattern(r"\p{L}(?:\.\.\.|…)$")  # a word cut off: "the company sa..."
# a line that ends with these reads as a sentence here too, as with a stop (grammar.STOPS)
CLAUSE_ENDS = frozenset(":;")
# a clock time opening a list item or closing a line: "* 14:32 Title", "Title 3/9 18:45"
TIMESTAMPED = pattern(r"^(?:[-*+]|\d{1,3}\.)?\s{0,4}\d{1,2}:\d\d\b|\b\d{1,2}:\d\d$")
UNBROKEN_MIN = 40  # characters without a space: a URL, base64 data, an identifier
UNBROKEN = pattern(
    rf"[^\s\p{{Han}}\p{{Hiragana}}\p{{Katakana}}\p{{Hangul}}\p{{Thai}}]{{{UNBROKEN_MIN},}}"
)
UNPUNCTUATED_MIN_WORDS = 20  # a line this long, with fewer punctuation marks
WORDS_PER_MARK = 25  # than one per this many words, is a list (of languages, tags, names)
NUMBER = pattern(r"\d+")
DIGIT = re.compile(r"\d")  # the same digits as NUMBER's: Unicode's decimal digits
CODE_INDENT = pattern(r"^(?: {4}|\t)")
# a word, its initial in group 1 (findall returns just the initials)
CASED_WORD = pattern(r"\b(\p{L})[\p{L}'’-]{0,100}")
ASCII_CASED_WORD = re.compile(r"\b([A-Za-z])[A-Za-z'-]{0,100}", re.ASCII)  # the same, in ASCII
# ASCII text's shape for is_title_case's quick bound: a capital "A", another letter "a", a
# character a word may hold ("'", "-", a digit, "_") "x", anything else (space, punctuation) " "
ASCII_CASE_SHAPE = str.maketrans(
    {chr(c): "A" if chr(c).isupper() else "a" if chr(c).islower() else " " for c in range(128)}
    | {c: "x" for c in "'-_0123456789"}
)
TITLE_CASE_MIN_WORDS = 6  # a capitalised line this long is a title, a name list or a menu,
TITLE_CASE_SHARE = 0.6  # when more than this share of its words start with a capital
LONG_LIST_WORDS = 40  # such a line, or one without punctuation, this long is a menu


@dataclass(frozen=True, slots=True)
class BlockScore:
    value: float
    why: str
    aside: bool = False  # an ad, promo or media block: it weighs nothing either way


def reads_as_sentence(p: str) -> bool:
    """A block's plain text ends like a sentence; a word cut off by an ellipsis ("the company
    said it...") is a teaser's truncated summary, not a sentence."""
    end = p.rstrip("\"'”’»)]*_ ")
    ends = ends_with_stop(end) or end[-1:] in CLAUSE_ENDS
    return ends and not TRUNCATED.search(end[-4:])


def size(text: str) -> int:
    """The words a reader sees in a block, with a word per two characters of scripts written
    without spaces (CJK, Thai); long unbroken strings (URLs, base64 data, identifiers) count for
    nothing."""
    p = plain(text)
    # only where a "/" or "=" stands, and a run without a space long enough (a quick test)
    if ("/" in p or "=" in p) and max(map(len, p.split(" "))) >= UNBROKEN_MIN:
        p = UNBROKEN.sub(" ", p)
        n = words(p)
    else:
        n = plain_words(text)
    if p.isascii() or not MAY_BE_UNSPACED.search(p):
        return n
    return n + len(UNSPACED.findall(p)) // 2


def capitalised_share(p: str) -> float:
    """The share of the words of a block's plain text that start with a capital: high for
    titles, names, menus."""
    initials = ASCII_CASED_WORD.findall(p) if p.isascii() else CASED_WORD.findall(p)
    return sum(map(str.isupper, initials)) / len(initials) if initials else 0.0


def is_title_case(p: str) -> bool:
    """More than TITLE_CASE_SHARE of the words of a block's plain text start with a capital.
    ASCII prose is told at once, without finding its words: no more of them start with a capital
    than it has capitals, and a word starts at least at every letter that follows a space or a
    mark no word holds (or the start), so a text with no more capitals than the share of those
    is none."""
    if p.isascii():
        shape = " " + p.translate(ASCII_CASE_SHAPE)
        if shape.count("A") <= TITLE_CASE_SHARE * (shape.count(" a") + shape.count(" A")):
            return False
    return capitalised_share(p) > TITLE_CASE_SHARE


def linked_share(text: str) -> float:
    """The share of the words a reader sees that sit inside markdown links."""
    if "](" not in text:
        return 0.0
    total = plain_words(text)
    inside = sum(words(link_text) for link_text in link_pieces(text)[1::2])
    return min(1.0, inside / total) if total else 1.0


def is_head_furniture(text: str) -> bool:
    return is_byline(text) or is_dateline(text) or is_source_name(text)


@phrases.cached
def comments_heading() -> Pattern:
    """A block that ends with a comments heading phrase ("Comments", "There are 13 comments")."""
    items = sorted(phrases.sections().get("comments_heading", ()), key=len, reverse=True)
    alternatives = "|".join(regex.escape(p) for p in items) or "(?!)"
    return pattern(rf"\b(?:{alternatives})$")


@phrases.cached
def comments_heading_last_words() -> frozenset[str]:
    """The last word of every comments heading phrase: a block whose key ends otherwise is none."""
    return frozenset(p.rpartition(" ")[2] for p in phrases.sections().get("comments_heading", ()))


def is_comments_heading(text: str) -> bool:
    """A comments heading ("Comments", "There are 13 comments"); a table's row laid out with
    runs of spaces whose last column is "Comment" is none."""
    if len(text) > COMMENTS_HEADING_MAX_CHARS or "   " in text.strip():
        return False
    k = key(text)
    if DIGIT.search(k):  # "Comments (13)", "There are 13 comments"
        k = NUMBER.sub("", k).strip()
    if k.rpartition(" ")[2] not in comments_heading_last_words():
        return False  # a quick test: no phrase can end the key
    return words(k) <= COMMENTS_HEADING_MAX_WORDS and comments_heading().search(k) is not None


@memoised
def block_score(text: str) -> BlockScore:
    """How much a block counts for (positive) or against (negative) the article around it.
    An indented line (code, or text nested in a list) never counts against it."""
    if is_comments_heading(text):
        return BlockScore(-COMMENTS_COST, "the comments start here")
    score = content_score(text)
    if score.value < 0 and CODE_INDENT.match(text) and not is_bullet(text):
        return BlockScore(0.0, "indented (code or nested)")
    return score


def list_cost(n: int) -> float:
    """A line of names or tags costs DEBRIS_COST; a long one (a menu of countries or languages)
    a quarter of its words more, as a link list does: it is no caption."""
    return -DEBRIS_COST - (n / 4 if n >= LONG_LIST_WORDS else 0)


def content_score(text: str) -> BlockScore:
    """A block's score from what it says and how: boilerplate, links, prose or a short line."""
    aside = ad_reason(text) or media_reason(text)
    if aside:
        return BlockScore(0.0, aside, aside=True)
    if "<" in text and HTML_TAG.search(without_images(text)):  # not in an image's alt text
        return BlockScore(-DEBRIS_COST, "raw HTML")
    p = plain(text)
    n = size(text)
    share = linked_share(text)
    k = key(text)
    if "©" in p and n <= COPYRIGHT_MAX_WORDS:
        return BlockScore(-DEBRIS_COST, "copyright notice")
    # a shorter block starting with a promo phrase is ad_reason's
    if k.count(" ") >= config.active().ads.promo_max_words and phrases.prefix("promo").match(k):
        return BlockScore(-DEBRIS_COST, "a long notice or prompt")
    if k and k in phrases.exact("link_heading_exact"):
        return BlockScore(-DEBRIS_COST, "boilerplate label")
    if share >= config.active().article.linked:
        return BlockScore(-DEBRIS_COST - n * share / 4, "mostly links")
    if n >= TITLE_CASE_MIN_WORDS and is_title_case(p):
        return BlockScore(list_cost(n), "title-case line")
    sentence = reads_as_sentence(p)
    long_line = not sentence and n >= UNPUNCTUATED_MIN_WORDS
    if long_line and marks(text) * WORDS_PER_MARK < n and not in_stopless_script(p):
        return BlockScore(list_cost(n), "a list of words without punctuation")
    if not sentence and ":" in text and TIMESTAMPED.search(p):
        return BlockScore(-DEBRIS_COST, "a headline with its time (a news ticker)")
    bullet = is_bullet(text)
    cost = (SENTENCE_COST if sentence else LINE_COST) + (BULLET_COST if bullet else 0)
    value = max(n * (1 - share) - cost, -DEBRIS_COST)
    if value > 0:
        return BlockScore(value, "prose" if sentence else "long line")
    return BlockScore(value, "short list item" if bullet else "short line")


def densest_region(values: list[float]) -> tuple[int, int]:
    """The start and end (exclusive) of the run with the highest sum; (0, 0) if none is positive."""
    best, best_start, best_end = 0.0, 0, 0
    total, start = 0.0, 0
    for i, v in enumerate(values):
        if total <= 0:
            total, start = 0.0, i
        total += v
        if total > best:
            best, best_start, best_end = total, start, i + 1
    return best_start, best_end


def in_context(values: list[float], texts: list[str]) -> list[float]:
    """A paragraph alone between two debris blocks reads like a teaser in a grid of stories: a
    short one (a story's title and its source or date around it) counts for nothing, and so
    does one of any length with a date line under it when another such stands close by (a grid
    of title, summary and date)."""
    out = list(values)
    dated = []
    for i in range(1, len(values) - 1):
        if values[i] > 0 and values[i - 1] < 0 and values[i + 1] < 0:
            if values[i] < ISOLATED_MAX:
                out[i] = 0.0
            elif is_dateline(texts[i + 1]):
                dated.append(i)
    for a, b in pairwise(dated):
        if b - a <= TEASER_SPAN:
            out[a] = out[b] = 0.0
    return out


def article_region(values: list[float]) -> tuple[int, int]:
    """The densest region; but readers' comments follow the article, so the densest region
    before the first comments heading wins if it weighs at least PRE_COMMENTS_SHARE as much."""
    start, end = densest_region(values)
    first_wall = next((i for i, v in enumerate(values) if v <= -COMMENTS_COST), None)
    if first_wall is None or end <= first_wall:
        return start, end
    before_start, before_end = densest_region(values[:first_wall])
    if sum(values[before_start:before_end]) >= PRE_COMMENTS_SHARE * sum(values[start:end]):
        return before_start, before_end
    return start, end


def headline_before(doc: Document, start: int) -> int:
    """The index of a top-level heading just before `start` (the article's headline), or start.
    Lines that show no letter (share counts, images, empty bullets), bylines, dates and what
    the ads and media filters take (share bars, captions) do not count as distance."""
    lettered = 0
    for i in range(start - 1, -1, -1):
        text = doc.blocks[i].text
        if heading_level(text) in (1, 2):
            return i
        if is_head_furniture(text) or block_score(text).aside:
            continue
        lettered += any(c.isalpha() for c in plain(text))
        if lettered == TITLE_LOOKBACK:
            break
    return start


def head_before(doc: Document, start: int) -> int:
    """Where the article's head begins, in a dump without a marked-up headline: the byline
    and date lines just before `start` (and the outlet under a byline), with what the ads
    and media filters take between them, and the line above them if it reads as a title.
    `start` if there are none. The furniture filter moves them into metadata."""
    first = start
    for i in range(start - 1, -1, -1):
        text = doc.blocks[i].text
        if is_byline(text) or is_dateline(text):
            first = i
        elif i > 0 and is_source_name(text) and is_byline(doc.blocks[i - 1].text):
            continue  # the outlet under the byline
        elif not block_score(text).aside:
            break
    if first == start:
        return start
    above = first - 1
    while above >= 0 and block_score(doc.blocks[above].text).aside:
        above -= 1
    if above >= 0 and reads_as_title(doc.blocks[above].text, doc.config.furniture):
        return above
    return first


def reads_as_title(text: str, settings: config.FurnitureSettings) -> bool:
    """A line that can be an unmarked headline (`can_be_title`), and not a known label or what
    the ads and media filters take."""
    return (
        can_be_title(text, settings.headline_max_words)
        and not reads_as_sentence(plain(text))
        and key(text) not in phrases.exact("link_heading_exact")
        and not content_score(text).aside
    )


def input_region(doc: Document, start: int, end: int) -> tuple[int, int] | None:
    """blocks[start:end] as a region of the input's blocks (`Result.blocks`): from the first
    of them that comes from the input to the last; None if none does (a later pass)."""
    found = [doc.input_index(b) for b in doc.blocks[start:end]]
    indices = [i for i in found if i is not None]
    return (indices[0], indices[-1] + 1) if indices else None


def without_repeats(scores: list[BlockScore], doc: Document) -> list[BlockScore]:
    """Prose that stands on the page `repeats` times or more is a teaser in a template's copies
    (one for each screen size), not the article: every copy counts against."""
    keys = [
        key(b.text) if s.value >= REPEATED_MIN else ""
        for b, s in zip(doc.blocks, scores, strict=True)
    ]
    seen = Counter(keys)
    repeated = BlockScore(-DEBRIS_COST, "repeated on the page")
    repeats = doc.config.article.repeats
    return [repeated if k and seen[k] >= repeats else s for k, s in zip(keys, scores, strict=True)]


@dataclass(frozen=True)
class Region:
    """The hand rules' reading of a page: each block's score, its value in context, and the
    article region blocks[start:end]; `cuts` is false where the region weighs less than a
    paragraph (a list page, nothing to tell apart)."""

    scores: list[BlockScore]
    values: list[float]
    start: int
    end: int
    cuts: bool


def rule_region(doc: Document) -> Region:
    scores = without_repeats([block_score(b.text) for b in doc.blocks], doc)
    values = in_context([s.value for s in scores], [b.text for b in doc.blocks])
    start, end = article_region(values)
    cuts = sum(values[start:end]) >= doc.config.article.min_region_weight
    return Region(scores, values, start, end, cuts)


def cut_to_region(doc: Document, keep_headline: bool) -> None:
    """Remove the blocks outside the article region, each with its side and its score's reason."""
    region = rule_region(doc)
    if not region.cuts:
        return  # not even a paragraph's weight of prose: a list page, nothing to tell apart
    scores, start, end = region.scores, region.start, region.end
    headline = headline_before(doc, start) if keep_headline else start
    if keep_headline and headline == start:
        headline = head_before(doc, start)
    if keep_headline and (start > 0 or end < len(scores)) and doc.article_region is None:
        doc.article_region = input_region(doc, start, end)
    for i, s in enumerate(scores):
        if i == headline or (headline < i < start and is_head_furniture(doc.blocks[i].text)):
            continue  # the furniture filter moves these into metadata
        if i < start:
            doc.remove(i, f"before the article ({s.why})", "article.before")
        elif i >= end and is_dateline(doc.blocks[i].text):
            continue  # a dateline or section footer under the article: metadata, by furniture
        elif i >= end:
            doc.remove(i, f"after the article ({s.why})", "article.after")


@step(
    "article",
    "find the article in a whole-page dump: the densest run of prose; drop the rest",
    whole_page=True,
)
def article(doc: Document) -> None:
    cut_to_region(doc, keep_headline=True)


@step(
    "article_edges",
    "trim what the other filters left at the article's edges (labels, lists)",
    whole_page=True,
)
def article_edges(doc: Document) -> None:
    cut_to_region(doc, keep_headline=False)


# The hand rules' reading of each block, as columns beside the block table: evidence for the
# learned finder, not a verdict (the trees learn where to trust it and where not).
RULE_COLUMNS = (
    "rule_score",  # the block's score in context, sign(v) * log(1 + |v|)
    "rule_window",  # the same, averaged over a window of seven blocks
    "rule_region",  # the block stands in the hand rules' article region
    "rule_cuts",  # the hand rules cut the page at all (their region weighs a paragraph)
    "rule_aside",  # an ad label, promo or media debris by its own text
    "rule_comments",  # the block stands after the page's first comments heading
)


def finder_columns() -> tuple[str, ...]:
    """The names of the learned finder's columns: the block table with context
    (`blocks.column_names()`), then RULE_COLUMNS."""
    return blocks.column_names() + RULE_COLUMNS


def rule_columns(doc: Document) -> np.ndarray:
    """The hand rules' reading of each of the document's blocks (RULE_COLUMNS, one row a
    block): evidence for a learned finder, the dumps' and the DOM's alike."""
    import numpy as np

    n = len(doc.blocks)
    region = rule_region(doc) if n else Region([], [], 0, 0, False)
    values = np.array(region.values, dtype=float)
    score = np.sign(values) * np.log1p(np.abs(values))
    csum = np.concatenate(([0.0], np.cumsum(score)))
    lo = np.clip(np.arange(n) - blocks.WINDOW, 0, n)
    hi = np.clip(np.arange(n) + blocks.WINDOW + 1, 0, n)
    inside = np.zeros(n)
    inside[region.start : region.end] = 1.0
    walls = np.flatnonzero(values <= -COMMENTS_COST)
    comments = np.zeros(n)
    comments[walls[0] + 1 if len(walls) else n :] = 1.0
    return np.column_stack(
        (
            score,
            (csum[hi] - csum[lo]) / np.maximum(hi - lo, 1),
            inside,
            np.full(n, float(region.cuts)),
            [float(s.aside) for s in region.scores],
            comments,
        )
    ).reshape(n, len(RULE_COLUMNS))


def finder_table(doc: Document, lang: str | None) -> tuple[np.ndarray, np.ndarray]:
    """A document's block facts (`blocks.table`) and the learned finder's features
    (`finder_columns()`): what `learned_article` scores, and what scripts/train_models.py
    trains on."""
    import numpy as np

    facts = blocks.table([b.text for b in doc.blocks], [b.gap for b in doc.blocks], lang)
    return facts, np.hstack((blocks.with_context(facts), rule_columns(doc)))


def shipped_model() -> BlockModel:
    """The learned finder's model that ships in the package (`data/block_model.json`)."""
    return shipped("block_model.json", finder_columns())


def learned_article(model: BlockModel | None = None, name: str = "article") -> Step:
    """The learned article finder as a step (by default in place of `article`): the block
    table with context and the hand rules' reading as evidence (`finder_table`), the model's
    log-odds per block, and a Viterbi pass for the article's extent (see newsclean.model).
    `model` defaults to the one shipped in the package.

        >>> from newsclean import DEFAULT_PIPELINE
        >>> learned = DEFAULT_PIPELINE.replace("article", learned_article())
    """
    import numpy as np

    def run(doc: Document) -> None:
        if not doc.blocks:
            return
        m = model or shipped_model()
        texts = [b.text for b in doc.blocks]
        lang = language.detect([w for t in texts for w in key_words(plain(t))], " ".join(texts))
        if lang:
            doc.meta.setdefault("language", lang)
        facts, features = finder_table(doc, lang)
        log_odds = m.log_odds(features)
        sizes = np.expm1(facts[:, blocks.FACTS.index("log_words")])
        keep = viterbi(log_odds, (1 + sizes) ** m.weight_power, m.switch_cost)
        if not keep.any():
            doc.warn(
                texts[0], "the model found no article: the page is kept whole", "article.no_article"
            )
            return
        start = int(np.argmax(keep))
        headline = headline_before(doc, start)
        for i in np.flatnonzero(~keep):
            if i == headline:
                continue  # the furniture filter moves it into metadata
            doc.remove(
                int(i), debris_reason(m, features[i], log_odds[i], sizes[i]), "article.debris"
            )

    return Step(name, run, "find the article with the learned block model and a Viterbi pass", True)


def debris_reason(m: BlockModel, row: np.ndarray, log_odds: float, size: float) -> str:
    """Why the model took a block for debris, in words: its probability, its size and link
    share, the run of link lines it stands in, and the fact that counted most against it."""
    import numpy as np

    p = 1 / (1 + np.exp(log_odds))
    cols = m.columns
    share = row[cols.index("link_share")]
    n = int(round(size))
    parts = [f"debris {p:.2f}: {n} word{'' if n == 1 else 's'}"]
    if share > 0:
        parts.append(f"{share:.0%} inside links")
    run = int(round(np.expm1(row[cols.index("link_run")])))
    if run > 1:
        parts.append(f"in a run of {run} link lines")
    worst = int(np.argmin(m.contributions(row[None])[0]))
    parts.append(f"most against it: {cols[worst]}")
    return ", ".join(parts)
