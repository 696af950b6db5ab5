"""Hypothesis strategies: web-scrape dumps built from article pieces, page debris and hostile
strings, plus clean articles that must come through unchanged.

    dumps()           a dump: article paragraphs with debris and hostile strings between them
    clean_articles()  paragraphs of plain sentences, one blank line apart
    hostile_strings() one adversarial string (brackets, floods, controls, surrogates, ...)
    any_text()        any str at all, lone surrogates included
    WORDY             words in any case, with the characters that make case-folding or word
                      bounds differ (for the shortcut-equivalence tests)
"""

from __future__ import annotations

import re

from hypothesis import strategies as st

# Plain words that no filter has reason to touch: no phrase-list words, no month names, no digits.
WORDS = [
    "the",
    "officials",
    "said",
    "water",
    "river",
    "town",
    "people",
    "council",
    "plan",
    "bridge",
    "north",
    "south",
    "engineers",
    "had",
    "been",
    "built",
    "would",
    "open",
    "workers",
    "found",
    "three",
    "new",
    "roads",
    "village",
    "families",
    "children",
    "were",
    "moved",
    "from",
    "their",
    "homes",
    "after",
    "heavy",
    "rain",
    "which",
    "flooded",
    "fields",
    "and",
    "streets",
    "across",
    "region",
    "local",
    "school",
    "reopened",
    "in",
    "spring",
    "while",
    "repairs",
    "continued",
    "near",
    "old",
    "station",
]

DEBRIS = [
    "ADVERTISEMENT",
    "Advertisement",
    "Sponsored",
    "Top Stories",
    "Most read",
    "Related",
    "Share this article",
    "Sign up for our newsletter",
    "We use cookies to improve your experience",
    "By Jane Example",
    "BBC News",
    "20 September | World",
    "12:30",
    "Image source, Getty Images",
    "Media caption, A view of the town",
    "![](https://example.com/a.jpg)",
    "![A photo](https://example.com/photo_(1).jpg)",
    "[image]",
    "* [Another story](https://example.com/story)",
    "- [Link one](https://example.com/1)",
    "Read more: [the full story](https://example.com/more)",
    "---",
    "***",
    "# Heading of the page",
    "## A subheading",
    "> a quoted line",
    "**bold** and __strong__ text",
    "\\*escaped\\* \\[brackets\\]",
    "Source: Example Agency",
    "■ Area held",
    "Google",
    "LONDON (Reuters) - The story starts here.",
    "some 100km (60km) north",
    "Ã©tÃ© mojibake Ã¼ber",
]

HOSTILE_PIECES = [
    "[",
    "![",
    "](",
    "(",
    ")",
    "**",
    "__",
    "\\",
    "#",
    "> ",
    "- ",
    "1. ",
    "km",
    "km (",
    "0",
    "9",
    "\x00",
    "\x1b[31m",
    "\x1b]0;t\x07",
    "\x1b",
    "\u200b",
    "\u200d",
    "\u202e",
    "\u2066",
    "\ufeff",
    "\u0301",
    "\u0308",
    "\ud800",
    "\udfff",
    "\ud83d\ude00",
    "\u00ad",
    "\ufffe",
    "Ã",
    "©",
    "é",
    "e\u0301",
    "Ж",
    "字",
    "ت",
    "\u00a0",
    "\t",
    " ",
    "\r",
    "\u2028",
    "\x85",
    "\x0c",
]


WORD_RUN = re.compile(r"\w+")


def sentences(min_words: int = 4, max_words: int = 14) -> st.SearchStrategy[str]:
    def build(words: list[str]) -> str:
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    return st.lists(st.sampled_from(WORDS), min_size=min_words, max_size=max_words).map(build)


def paragraphs() -> st.SearchStrategy[str]:
    return st.lists(sentences(), min_size=2, max_size=5).map(" ".join)


def clean_articles() -> st.SearchStrategy[str]:
    """Paragraphs of sentences, each with its own words: the same paragraph three times on a
    page is a template's teaser copies, which the article filter counts against (nightly
    hypothesis runs found "articles" of one paragraph four times, and of three paragraphs of 29
    times "the" punctuated differently)."""
    return st.lists(paragraphs(), min_size=1, max_size=8, unique_by=words_of).map("\n\n".join)


def words_of(paragraph: str) -> tuple[str, ...]:
    return tuple(WORD_RUN.findall(paragraph.casefold()))


@st.composite
def hostile_strings(draw: st.DrawFn) -> str:
    """A run of one adversarial piece, or a short mix of them."""
    if draw(st.booleans()):
        piece = draw(st.sampled_from(HOSTILE_PIECES))
        return piece * draw(st.integers(1, 3000))
    return "".join(draw(st.lists(st.sampled_from(HOSTILE_PIECES + WORDS), max_size=60)))


def any_text() -> st.SearchStrategy[str]:
    """Any str, including lone surrogates and every control character."""
    return st.text(st.characters(codec=None, exclude_categories=()), max_size=300)


def blocks() -> st.SearchStrategy[str]:
    return st.one_of(
        paragraphs(),
        sentences(1, 6).map(lambda s: s.rstrip(".")),  # a broken line or a short label
        st.sampled_from(DEBRIS),
        hostile_strings(),
        any_text(),
    )


SEPARATORS = ["\n", "\n\n", "\n\n\n", "\n\n\n\n", "\r\n", "\r\n\r\n", "\n \n", "\n\t\n"]


@st.composite
def dumps(draw: st.DrawFn) -> str:
    """A dump: blocks of article text, debris and hostile strings, with varied line breaks."""
    parts = draw(st.lists(blocks(), min_size=1, max_size=20))
    out = parts[0]
    for part in parts[1:]:
        out += draw(st.sampled_from(SEPARATORS)) + part
    return out


# words in any case, with the characters that make case-folding or word bounds differ
WORDY = st.lists(
    st.sampled_from(
        [*"ab AZ09_.,-'\n*#[]()!", "](", "ß", "İ", "ﬁ", "é", "\u0301", "Comments", "13"]
    )
).map("".join)
