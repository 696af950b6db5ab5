"""The block table: every fact about a dump's blocks that the learned article finder reads,
computed once per document, one row a block, one named column a fact.

A column is a number a person can name ("share of words inside links", "stopwords for the
page's language"), so a model's verdict can be explained from them. Phrase lists are columns
here, not verdicts: "Related" at the head of a block is evidence among others, and one phrase
cannot delete a paragraph.

`table(texts, gaps)` gives the block facts; `with_context(table)` adds each block's
neighbours (the block before, the block after, a window of seven) and the run of link lines
it stands in, which is what lets the model keep a short line between two paragraphs and end
the article at a long menu.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from . import phrases
from .grammar import ends_with_stop, heading_level, is_bullet, marks
from .language import stopwords
from .text import key, link_share, plain, plain_words

if TYPE_CHECKING:  # numpy is imported where it is used: it is slow to import
    import numpy as np

COPYRIGHT_SIGNS = ("©", "Ⓒ")
SHORT_WORDS = 3  # a block this short is a label, a menu entry, a button
LINKED = 0.5  # a block with this share of its words inside links is a link line
WINDOW = 3  # blocks on each side in the window means

# the facts of one block, in column order
FACTS = (
    "log_words",  # log(1 + words a reader sees)
    "link_share",  # share of those words inside markdown links
    "sentence",  # ends like a sentence
    "bullet",  # a list item
    "heading",  # a markdown heading
    "capitalised",  # share of words starting with a capital
    "punctuation",  # punctuation marks per word (at most 1)
    "position",  # where the block stands, 0 at the top, 1 at the bottom
    "words_before",  # share of the document's words before the block
    "repeated",  # log of how many times the same block stands on the page
    "stopwords",  # share of words on the page language's stopword list
    "short",  # at most SHORT_WORDS words
    "starts_lower",  # starts with a lower-case letter (a broken sentence, a caption tail)
    "digits",  # share of characters that are digits
    "image",  # holds image markup
    "gap",  # blank lines before it (at most 3), over 3
    "copyright",  # holds a copyright sign
    "pipes",  # separators of a bar ("|", "•", "·"), per word (at most 1)
    "phrase_heading",  # a link-block heading ("Related", "Most read")
    "phrase_ad",  # an ad label ("Advertisement")
    "phrase_share",  # only share/follow words
    "phrase_promo",  # starts like a promo or notice ("Sign up", "We use cookies")
    "phrase_comments",  # ends like a comments heading
    "phrase_caption",  # starts with a caption or credit label ("Image source", "Photo:")
)
CONTEXT = ("log_words", "link_share", "sentence", "stopwords", "short", "heading", "bullet")


def column_names() -> tuple[str, ...]:
    """The names of `with_context`'s columns, in order."""
    names = list(FACTS)
    names += [f"prev_{n}" for n in CONTEXT] + [f"next_{n}" for n in CONTEXT]
    names += [f"window_{n}" for n in CONTEXT]
    names += ["link_run", "prose_run"]
    return tuple(names)


@phrases.cached
def caption_prefixes() -> phrases.PrefixMatcher:
    labels = phrases.sections()
    items = labels.get("media_caption_label", ()) + labels.get("media_credit_label", ())
    return phrases.PrefixMatcher(items)


@phrases.cached
def comments_last_words() -> dict[str, tuple[str, ...]]:
    """The comments heading phrases by their last word."""
    found: dict[str, list[str]] = {}
    for p in phrases.sections().get("comments_heading", ()):
        found.setdefault(p.rpartition(" ")[2], []).append(p)
    return {w: tuple(ps) for w, ps in found.items()}


def ends_like_comments_heading(k: str) -> bool:
    last = k.rpartition(" ")[2]
    if not last.isdigit() and last not in comments_last_words():
        return False  # a quick test: no phrase ends with the key's last word
    words = [w for w in k.split(" ") if not w.isdigit()]
    if not words or len(words) > 6:
        return False
    tail = " ".join(words)
    return any(tail.endswith(p) for p in comments_last_words().get(words[-1], ()))


def capitalised_share(p: str) -> float:
    initials = [w[0] for w in p.split() if w[:1].isalpha()]
    return sum(map(str.isupper, initials)) / len(initials) if initials else 0.0


def digit_count(p: str) -> int:
    """The characters of `p` that are digits (str.isdigit), counted in C for ASCII text."""
    if p.isascii():
        return sum(map(p.count, "0123456789"))
    return sum(map(str.isdigit, p))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The phrase lists a block row looks up, fetched once per table from the phrase set of
    the run (not once per block)."""

    share_words: frozenset[str]
    link_headings: frozenset[str]
    ad_labels: frozenset[str]
    promo: phrases.PrefixMatcher
    captions: phrases.PrefixMatcher

    @classmethod
    def current(cls) -> Lexicon:
        return cls(
            phrases.exact("share_word_exact"),
            phrases.exact("link_heading_exact"),
            phrases.exact("ad_label_exact"),
            phrases.prefix("promo"),
            caption_prefixes(),
        )


def block_row(
    text: str, gap: int, stops: frozenset[str], seen: Counter[str], lexicon: Lexicon
) -> list[float]:
    """The facts of one block except its position (filled in by `table`)."""
    p = plain(text)
    k = key(text)
    n = plain_words(text)
    ws = k.split(" ") if k else []
    end = p.rstrip("\"'”’»)]*_ ")
    first = k.partition(" ")[0]
    share_words = lexicon.share_words
    chars = len(p) or 1
    return [
        math.log1p(n),
        link_share(text),
        float(ends_with_stop(end)),
        float(is_bullet(text)),
        float(heading_level(text) > 0),
        capitalised_share(p),
        min(1.0, marks(p) / (n or 1)),
        0.0,
        0.0,
        math.log(seen[k]) if k else 0.0,
        sum(w in stops for w in ws) / len(ws) if ws else 0.0,
        float(n <= SHORT_WORDS),
        float(p.lstrip("\"'“‘(«")[:1].islower()),
        digit_count(p) / chars,
        float("![" in text or "[image" in text.casefold()),
        min(gap, 3) / 3,
        float(any(s in p for s in COPYRIGHT_SIGNS)),
        min(1.0, sum(p.count(s) for s in "|•·") / (n or 1)),
        float(bool(k) and k in lexicon.link_headings),
        float(bool(k) and k in lexicon.ad_labels),
        float(bool(ws) and first in share_words and share_words.issuperset(ws)),
        float(bool(k) and lexicon.promo.match(k) is not None),
        float(bool(k) and ends_like_comments_heading(k)),
        float(bool(k) and lexicon.captions.match(k) is not None),
    ]


def table(texts: Sequence[str], gaps: Sequence[int], language: str | None = None) -> np.ndarray:
    """The block facts of a document, one row a block, columns as in FACTS."""
    import numpy as np

    if not texts:
        return np.zeros((0, len(FACTS)))
    stops = stopwords(language)
    seen = Counter(key(t) for t in texts)
    lexicon = Lexicon.current()
    rows = np.array(
        [block_row(t, g, stops, seen, lexicon) for t, g in zip(texts, gaps, strict=True)],
        dtype=float,
    )
    n = len(texts)
    rows[:, FACTS.index("position")] = np.arange(n) / max(n - 1, 1)
    sizes = np.expm1(rows[:, 0])
    before = np.concatenate(([0.0], np.cumsum(sizes)[:-1]))
    rows[:, FACTS.index("words_before")] = before / (sizes.sum() or 1)
    return rows


def run_lengths(flags: np.ndarray) -> np.ndarray:
    """For each row, the length of the run of True rows it stands in (0 where False)."""
    import numpy as np

    out = np.zeros(len(flags))
    start = 0
    for i in range(1, len(flags) + 1):
        if i == len(flags) or flags[i] != flags[start]:
            if flags[start]:
                out[start:i] = i - start
            start = i
    return out


def with_context(facts: np.ndarray) -> np.ndarray:
    """The block facts beside each block's neighbours' (see column_names)."""
    import numpy as np

    n = len(facts)
    cols = [FACTS.index(c) for c in CONTEXT]
    ctx = facts[:, cols]
    pad = np.zeros((1, len(cols)))
    prev = np.vstack((pad, ctx[:-1])) if n else ctx
    nxt = np.vstack((ctx[1:], pad)) if n else ctx
    csum = np.vstack((np.zeros((1, len(cols))), np.cumsum(ctx, axis=0)))
    lo = np.clip(np.arange(n) - WINDOW, 0, n)
    hi = np.clip(np.arange(n) + WINDOW + 1, 0, n)
    window = (csum[hi] - csum[lo]) / np.maximum(hi - lo, 1)[:, None]
    linked = facts[:, FACTS.index("link_share")] >= LINKED
    prose = facts[:, FACTS.index("sentence")] > 0
    runs = np.column_stack((np.log1p(run_lengths(linked)), np.log1p(run_lengths(prose))))
    return np.hstack((facts, prev, nxt, window, runs))


# the facts of a whole page, for telling what kind of page it is (see page_table)
PAGE_FACTS = (
    "log_words",  # log(1 + words on the page)
    "log_blocks",  # log(1 + blocks)
    "link_words",  # share of the page's words inside links
    "sentence_words",  # share of words in blocks that end like a sentence
    "bullet_words",  # share of words in list items
    "heading_words",  # share of words in headings
    "capitalised_words",  # word-weighted share of capitalised words
    "punctuation_words",  # word-weighted punctuation per word
    "stopword_words",  # word-weighted stopword share
    "digit_words",  # word-weighted share of digits
    "link_lines",  # share of blocks that are link lines
    "short_lines",  # share of blocks of at most SHORT_WORDS words
    "bullets",  # share of blocks that are list items
    "headings",  # share of blocks that are headings
    "images",  # share of blocks holding image markup
    "repeated_lines",  # share of blocks standing more than once
    "longest_prose",  # share of the words in the longest run of sentence blocks
    "log_longest_block",  # log(1 + words of the longest block)
    "log_median_block",  # log(1 + words of the median block)
    "comments_heading",  # a comments heading stands on the page
    "prices",  # prices per 100 words ("$12", "12 €")
    "code_marks",  # brackets, braces, "=", "_", "/" and "\" per character (code, markup)
    "dates",  # numeric dates and times per 100 words ("12/03/2024", "2024-03-12", "14:05")
    "questions",  # question marks per 100 words
    "at_signs",  # "@" per 100 words (handles, e-mail addresses)
    "ratings",  # star ratings ("★", "4.5 out of 5", "4/5")
)
PRICE = regex.compile(r"\p{Sc}\s?\d|\d\s?\p{Sc}")
CODE_MARKS = "{}()[];=<>_/\\"
NUMERIC_DATE = regex.compile(
    r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d\d-\d\d\b|\b\d{1,2}:\d\d\b"
)
# the lookahead changes no match: it lets the engine skip to a star or a digit (4x faster)
RATING = regex.compile(r"(?=[★☆0-5])(?:[★☆]|\b[0-5](?:[.,]\d)?\s?(?:/|out of)\s?5\b)")


def page_table(facts: np.ndarray, text: str) -> np.ndarray:
    """The facts of a whole page (PAGE_FACTS), from its block table and its text."""
    import numpy as np

    out = np.zeros(len(PAGE_FACTS))
    if not len(facts):
        return out
    col = {name: facts[:, i] for i, name in enumerate(FACTS)}
    sizes = np.expm1(col["log_words"])
    total = sizes.sum() or 1.0
    per_word = {n: float((col[n] * sizes).sum() / total) for n in FACTS}
    prose = col["sentence"] > 0
    run = longest = 0.0
    for is_prose, size in zip(prose, sizes, strict=True):
        run = run + size if is_prose else 0.0
        longest = max(longest, run)
    per_100 = 100 / max(1, len(text.split()))
    values = {
        "log_words": np.log1p(sizes.sum()),
        "log_blocks": np.log1p(len(facts)),
        "link_words": per_word["link_share"],
        "sentence_words": per_word["sentence"],
        "bullet_words": per_word["bullet"],
        "heading_words": per_word["heading"],
        "capitalised_words": per_word["capitalised"],
        "punctuation_words": per_word["punctuation"],
        "stopword_words": per_word["stopwords"],
        "digit_words": per_word["digits"],
        "link_lines": float((col["link_share"] >= LINKED).mean()),
        "short_lines": float(col["short"].mean()),
        "bullets": float(col["bullet"].mean()),
        "headings": float(col["heading"].mean()),
        "images": float(col["image"].mean()),
        "repeated_lines": float((col["repeated"] > 0).mean()),
        "longest_prose": longest / total,
        "log_longest_block": float(col["log_words"].max()),
        "log_median_block": float(np.median(col["log_words"])),
        "comments_heading": float(col["phrase_comments"].any()),
        "prices": len(PRICE.findall(text)) * per_100,
        "code_marks": sum(map(text.count, CODE_MARKS)) / max(1, len(text)),
        "dates": len(NUMERIC_DATE.findall(text)) * per_100,
        "questions": text.count("?") * per_100,
        "at_signs": text.count("@") * per_100,
        "ratings": len(RATING.findall(text)) * per_100,
    }
    return np.array([values[n] for n in PAGE_FACTS])
