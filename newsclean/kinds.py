"""What a block is, by its own text: an ad label or a promo, a share bar, media debris (an
image placeholder, a caption or credit label, a photo credit, a map legend), a byline, a
dateline, an outlet's name.

These are block facts, not filters: the filter that removes such blocks (ads, media, furniture)
and the article finder that steps around them both read them here, so neither reaches into the
other and either can be dropped from a pipeline. Each answer is memoised for the run; each is a
pure function of the block's text and the phrase lists of the active config."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import regex

from . import config, phrases
from .grammar import is_bullet
from .memo import memoised
from .patterns import Pattern, pattern
from .text import (
    ends_with_terminal,
    is_paragraph,
    key,
    key_words,
    link_pieces,
    plain,
    plain_words,
    words,
)

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


# -- bylines, datelines and the outlet's name (the `byline_prefix` phrase section, data/dates.txt)

BYLINE_MAX_WORDS = 12
SOURCE_MAX_WORDS = 4
DATELINE_MAX_WORDS = 15
DATELINE_MAX_NUMBERS = 6  # day, month, year, hours, minutes, seconds (in each "|" part)
DIGIT_RUN = pattern(r"\d+")
NUMERIC_DATE = pattern(
    r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b|\b\d{1,2}:\d{2}\b"
    r"|\b\d{1,6}\s{1,3}(?:min|mins|minutes|hours?|days?)\s{1,3}ago\b",
    regex.I,
)

DIGIT = pattern(r"\d")


DATE_SECTIONS = ("names", "labels")  # months and weekdays; what introduces a date ("Published")


@cache
def shipped_dates() -> dict[str, list[str]]:
    """data/dates.txt by section (`phrases.sections_of`: an unknown section is an error)."""
    text = (resources.files("newsclean") / "data" / "dates.txt").read_text(encoding="utf-8")
    return phrases.sections_of(text, DATE_SECTIONS, "newsclean/data/dates.txt")


@cache
def date_word() -> Pattern:
    """A month's or weekday's name, or a date's label, written as a name is: "May", "MAY", not
    the verb "may" or "march" (in lower case, see `name_beside_a_number`)."""
    names = shipped_dates()["names"] + shipped_dates().get("labels", [])
    forms = {form for n in names for form in (n.capitalize(), n.upper())}
    alternatives = "|".join(regex.escape(n) for n in sorted(forms, key=len, reverse=True))
    return pattern(r"\b(?:" + alternatives + r")\b")


@cache
def name_keys() -> frozenset[str]:
    """The month and weekday names of data/dates.txt that are one word of a key."""
    keys = [key_words(name) for name in shipped_dates()["names"]]
    return frozenset(k[0] for k in keys if len(k) == 1)


def name_beside_a_number(k: str) -> bool:
    """A month's or weekday's name in a block's key after a number ("5 mars 2026", "5.
    prosince", "12 de marzo") or before a year ("marzo 2026"): most languages write a month in
    lower case, which `date_word` does not take for a name. A label never counts so
    ("Comments (5 posted)")."""
    words = k.split(" ")
    names = name_keys()
    for i, word in enumerate(words):
        if word in names:
            before = words[i - 2] if i > 1 and words[i - 1] == "de" else words[i - 1] if i else ""
            after = words[i + 1] if i + 1 < len(words) else ""
            if before.isdecimal() and len(before) <= 4 or after.isdecimal() and len(after) == 4:
                return True
    return False


@memoised
def is_dateline(text: str) -> bool:
    """A short line that carries a date or time and reads as a label, not a sentence. Memoised:
    the article step, is_source_name and the furniture step ask it of the same blocks."""
    p = plain(text)
    if not DIGIT.search(p):  # every date has a digit: most blocks end here
        return False
    if p.endswith(".") or is_bullet(text):
        return False  # a sentence, or a list item (a reference)
    if is_paragraph(text) and "|" not in text:
        return False
    if plain_words(text) > DATELINE_MAX_WORDS and words(text) > DATELINE_MAX_WORDS:
        return False  # counted in the words a reader sees, not a link's URL
    if any(len(DIGIT_RUN.findall(part)) > DATELINE_MAX_NUMBERS for part in text.split("|")):
        return False  # a row of figures (a table, a log)
    return bool(NUMERIC_DATE.search(p) or date_word().search(p) or name_beside_a_number(key(text)))


def is_byline(text: str) -> bool:
    return bool(byline_names(text))


def byline_names(text: str) -> str:
    """The names a byline gives, without its prefix ("By Anna Berg" -> "Anna Berg"); "" if
    `text` is no byline."""
    p = plain(text)
    k = key(text)
    if words(p) > BYLINE_MAX_WORDS or ends_with_terminal(p) and not p.endswith(")"):
        return ""
    match = phrases.prefix("byline_prefix").match(k)
    if not match:
        return ""
    parts = p.split(None, len(match.group(0).split()))
    rest = parts[-1] if len(parts) > len(match.group(0).split()) else ""
    return rest if rest and rest[0].isupper() else ""


def is_source_name(text: str) -> bool:
    if is_dateline(text):  # "Published 12 March 2024" under a byline is its date, not its outlet
        return False
    p = plain(text)
    n = words(p)
    return (
        1 <= n <= SOURCE_MAX_WORDS
        and not ends_with_terminal(p)
        and all(w[0].isupper() for w in p.split() if w[0].isalpha())
    )


TITLE_MIN_WORDS = 3  # a shorter line above a byline or a date is a section kicker as often


def can_be_title(text: str, headline_max_words: int) -> bool:
    """A line that can be a headline set without markup: a few words, not a sentence, a list
    item, a link, a byline or a date."""
    p = plain(text)
    return (
        TITLE_MIN_WORDS <= words(p) <= headline_max_words
        and not ends_with_terminal(p)
        and not is_bullet(text)
        and "](" not in text
        and not is_byline(text)
        and not is_dateline(text)
    )
