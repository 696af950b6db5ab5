"""What a block is, by its own text: an ad label or a promo, a share bar, media debris (an
image placeholder, a caption or credit label, a photo credit, a map legend), a byline, a
dateline, an outlet's name.

These are block facts, not filters: the filter that removes such blocks (ads, media, furniture)
and the article finder that steps around them both read them here, so neither reaches into the
other and either can be dropped from a pipeline. Each answer is memoised for the run; each is a
pure function of the block's text and the phrase lists of the active config."""

from __future__ import annotations

import re

import regex

from . import config, phrases
from .memo import memoised
from .patterns import Pattern, pattern
from .text import key, link_pieces, plain, words

# -- ads and promos (the `ad_label_exact`, `promo` and `share_word_exact` phrase sections)

COPYRIGHT_SIGNS = ("©", "Ⓒ")  # not "(c)": that also numbers a clause


@memoised
def ad_reason(text: str) -> str | None:
    """Why a block is an ad or promo, or None. Memoised: the article step asks it of every
    block, and the ads step asks again."""
    k = key(text)
    if not k:
        return None
    if k in phrases.exact("ad_label_exact"):
        return "ad label"
    share = phrases.exact("share_word_exact")
    if k.partition(" ")[0] in share and share.issuperset(k.split(" ")):
        return "share/follow bar"
    # a prompt or notice is short; a paragraph that starts the same way is not
    if k.count(" ") >= config.active().ads.promo_max_words:  # a key's words are single-spaced
        return None
    if phrases.prefix("promo").match(k):
        return "promo or notice"
    if plain(text).startswith(COPYRIGHT_SIGNS):
        return "copyright notice"
    return None


# -- media debris (the `media_caption_label`, `media_credit_label`, `media_credit_exact` and
# `map_provider_exact` phrase sections)

PLACEHOLDER = pattern(
    r"^\W{0,20}[\[(](?:image|img|photo|picture|video|graphic|figure)[^\])]{0,40}[\])]\W*$", regex.I
)
# a legend line starts with a swatch: a geometric shape or a coloured square (none is below
# SWATCH_FROM: a quick test)
SWATCH_FROM = "\u25a0"
SWATCH = pattern(
    r"^[\u25a0-\u25ff\u2b1b\u2b1c\u2b24\u2b50-\u2b55\U0001f7e0-\U0001f7eb]", same_in_re=True
)
CAPTION_MAX_WORDS = 40  # a caption is shorter; longer is prose
CREDIT_MAX_WORDS = 25
LEGEND_MAX_WORDS = 10
CREDIT_MARK = re.compile(r"[:|/©,]")  # a credit pattern's label is followed by one of these
CREDIT_TAIL_REACH = 70  # a closing credit's colon stands this close to the end, or closer


@phrases.cached
def credit_pattern() -> Pattern:
    labels = phrases.alternation("media_credit_label")
    return pattern(rf"^\(?(?:{labels})\s{{0,8}}(?:[:|/©]|,\s)", regex.IGNORECASE)


@phrases.cached
def credit_tail_pattern() -> Pattern:
    """A caption's closing credit after its last sentence: "... Wareham. Photograph: B Jones"."""
    labels = phrases.alternation("media_credit_label")
    return pattern(
        rf"[.!?]\s{{1,8}}(?:{labels})\s{{0,8}}:\s{{0,8}}[^!?:\n]{{1,60}}(?<!\.)$", regex.IGNORECASE
    )


def is_labelled_agency_credit(k: str) -> bool:
    """A credit label followed by nothing but an agency's name: "Foto Ansa", "Photo AFP"."""
    label = phrases.prefix("media_credit_label").match(k)
    return bool(label) and k[label.end() :].strip() in phrases.exact("media_credit_exact")


def only_images_and_links(text: str) -> list[str] | None:
    """The texts of the links of a block that holds nothing but images, links and stray marks;
    None for any other block. Such a block starts, after its marks, with the "[" of a link or
    an image: a quick test that spares the pattern for prose."""
    if text.lstrip(" ]()!|-*#>")[:1] not in ("", "["):
        return None
    pieces = link_pieces(text)
    return None if "".join(pieces[0::2]).strip(" []()!|-*#>") else list(pieces[1::2])


def is_placeholder(text: str) -> bool:
    link_texts = only_images_and_links(text) if "](" in text else None
    if link_texts is not None:
        return not any(link_text.strip(" []!") for link_text in link_texts)
    # the pattern's bracket stands in the first 21 characters, after no letter
    head = text[:21]
    if ("[" not in head and "(" not in head) or text[0].isalpha():
        return False
    return PLACEHOLDER.match(text) is not None


@memoised
def media_reason(text: str) -> str | None:
    """Why a block is media debris, or None. Memoised: the article step asks it of every
    block, and the media step asks again."""
    if is_placeholder(text):
        return "image placeholder"
    k = key(text)
    if not k:
        return None
    if phrases.prefix("media_caption_label").match(k):
        return "image caption/credit label"
    if k in phrases.exact("media_credit_exact") or is_labelled_agency_credit(k):
        return "photo credit"
    # the anchored patterns first: most blocks fail them at once, and counting words is dearer
    p = plain(text)
    if CREDIT_MARK.search(p) and credit_pattern().match(p) and words(text) <= CREDIT_MAX_WORDS:
        return "photo credit or attribution"
    # the pattern's search is unanchored, so it runs on short blocks only
    short = ":" in p[-CREDIT_TAIL_REACH:] and words(text) <= CAPTION_MAX_WORDS
    if short and credit_tail_pattern().search(p):
        return "photo caption ending in its credit"
    if k in phrases.exact("map_provider_exact"):
        return "map provider credit"
    if p[:1] >= SWATCH_FROM and SWATCH.match(p) and words(text) <= LEGEND_MAX_WORDS:
        return "map legend"
    return None
