"""Small, fast facts about one block's text, shared by the filters: its words, the words a
reader sees (`plain`), its phrase-lookup key, its link share, whether it reads as prose.

The costlier ones are memoised for the length of a run (`newsclean.memo`); the markdown they
read is in `newsclean.grammar`. The block table (`newsclean.blocks`) is built from these."""

from __future__ import annotations

from .grammar import (
    ASCII_WORD,
    BULLET,
    EMPHASIS,
    HEADING,
    LINK,
    QUOTE,
    WORD,
    ends_with_stop,
    is_terminal,
    may_have_marker,
    without_images,
    without_italics,
)
from .memo import memoised
from .patterns import pattern

# a word hyphenated at the end of a hard-wrapped line: "realis-" + "tic"
SPLIT_WORD = pattern(r"(?<=\p{Ll})-$")
# scripts written without spaces between words, with their punctuation and full-width forms:
# a line of them breaks anywhere, and its pieces join without a space (Korean is written with
# spaces)
UNSPACED_SCRIPT = pattern(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\u3000-\u303f\uff00-\uffef]")
# the punctuation that follows a word without a space (a sentence's, a closing bracket or
# quote, a percent sign; half- and full-width), and what precedes one without a space: a piece
# that opens with the one, or follows the other, joins the piece before it without a space
FOLLOWS_A_WORD = ",.;:!?)]}%’”，。、；：！？）」』】"
PRECEDES_A_WORD = "(“‘«¿¡"
# stops that end a question or cut a sentence off, not a statement of a paragraph's
NOT_A_STATEMENT = frozenset("?？؟⁇⁈⁉‽⸮…")


# ASCII text's words with `str.translate` and `str.split`: a word character stays, any other
# becomes a space, and the pieces split() returns are the words ASCII_WORD finds, about three
# times faster on a paragraph (a test compares the two on every ASCII character). For keys, a
# capital becomes its lower case and "_" a space, as case-folding and key_words do.
ASCII_WORD_CHARS = str.maketrans(
    {chr(c): chr(c) if chr(c).isalnum() or chr(c) == "_" else " " for c in range(128)}
)
ASCII_KEY_CHARS = str.maketrans(
    {chr(c): chr(c).lower() if chr(c).isalnum() else " " for c in range(128)}
)


def word_list(text: str) -> list[str]:
    return ASCII_WORD.findall(text) if text.isascii() else WORD.findall(text)


def key_words(text: str) -> list[str]:
    """The case-folded words of `text` for phrase lookup, where "_" separates words: it is a word
    character to the word pattern, but markdown's emphasis marker ("_Related_") or a joiner."""
    if text.isascii():
        return text.translate(ASCII_KEY_CHARS).split()
    folded = text.casefold()
    return word_list(folded.replace("_", " ") if "_" in folded else folded)


@memoised
def words(text: str) -> int:
    if text.isascii():
        return len(text.translate(ASCII_WORD_CHARS).split())
    return len(WORD.findall(text))


@memoised
def plain(text: str) -> str:
    """The words a reader sees: no heading, bullet or quote marker, no emphasis, links as text."""
    block = text
    if may_have_marker(text):
        text = HEADING.sub("", text, count=1)
        text = BULLET.sub("", text, count=1)
        text = QUOTE.sub("", text, count=1)
    if "](" in text:
        # the links as their text: the block's link pieces joined, less the markers cut above
        # (they hold no "[" or "!", so no link or image starts among them: they open piece 0)
        pieces = link_pieces(block)
        text = pieces[0][len(block) - len(text) :] + "".join(pieces[1:])
    if "**" in text or "__" in text:
        text = EMPHASIS.sub("", text)
    return without_italics(text).strip()


@memoised
def key(text: str) -> str:
    """A block reduced for phrase lookup: plain, case-folded, words only, single spaces."""
    return " ".join(key_words(plain(text)))


@memoised
def plain_words(text: str) -> int:
    """words(plain(text)), the words a reader sees. Where no "_" joins two of them, they are the
    key's words, so they are counted from the key: case-folding turns no word character into
    another kind of character, nor any other character into a word character (a test checks
    every one)."""
    p = plain(text)
    if "_" not in p:
        k = key(text)
        return k.count(" ") + 1 if k else 0
    return words(p)


def ends_with_terminal(text: str) -> bool:
    text = text.rstrip(" *_")
    return bool(text) and is_terminal(text[-1])


def starts_lower(text: str) -> bool:
    text = plain(text).lstrip("\"'“‘(«")
    return bool(text) and text[0].islower()


@memoised
def link_pieces(text: str) -> tuple[str, ...]:
    """The block without its images, split at its links: the text outside links, a link's text,
    outside, ... (link texts at odd indices). Memoised: the article, media and link filters
    all ask it of a block with links."""
    return tuple(LINK.split(without_images(text)))


@memoised
def link_share(text: str) -> float:
    """The share of a block's words that sit inside markdown links (0 when it has no words)."""
    if "](" not in text:
        return 0.0
    pieces = link_pieces(text)
    total = words("".join(pieces))  # the words a reader sees, not the URLs
    if not total:
        return 0.0
    inside = sum(words(link_text) for link_text in pieces[1::2])
    return min(1.0, inside / total)


@memoised
def is_paragraph(text: str) -> bool:
    """Reads as running prose: long, or a full sentence of some length. (The words of the block
    as it stands, links' targets too; counted from the key where the block is plain already.)"""
    p = plain(text)
    n = plain_words(text) if p == text else words(text)
    if n >= 25:
        return True
    end = p.rstrip("\"'”’»)")
    return n >= 8 and ends_with_stop(end) and end[-1] not in NOT_A_STATEMENT


def join_pieces(pieces: list[str]) -> str:
    """The pieces of one paragraph as one: a space between words, a word hyphenated across a
    break made whole, no space inside a run of a script written without spaces, before the
    punctuation that follows a word or after an opening bracket or quote (a sentence a
    scraper broke at its links: "yard in" + "Gdansk" + ", will carry")."""
    out = [pieces[0]]
    for piece in pieces[1:]:
        if SPLIT_WORD.search(out[-1][-2:]):
            out[-1] = out[-1][:-1] + piece
        elif (
            (UNSPACED_SCRIPT.match(piece[:1]) and UNSPACED_SCRIPT.match(out[-1][-1:]))
            or (piece and piece[0] in FOLLOWS_A_WORD)
            or (out[-1] and out[-1][-1] in PRECEDES_A_WORD)
        ):
            out[-1] += piece
        else:
            out.append(piece)
    return " ".join(out)
