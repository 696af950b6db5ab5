"""The language of a dump, and its stopwords.

The stoplists are jusText's (about 100 languages; jusText is installed with trafilatura), so
no language model ships with newsclean: a page's language is the one whose stopwords best
explain its words (`detect`), which on a paragraph of prose is right far more often than not,
and on a page of menus and names says little anyway. Scripts written without spaces have no
stoplist; their language is told from the script itself (kana: Japanese, Han alone: Chinese,
Hangul: Korean, Thai) when it writes a good share of the page's letters. `meta["language"]`
is an ISO 639-1 code, as trafilatura gives for HTML.

jusText's stoplists were drawn from Wikipedia, and many hold English words ("the", "and",
"about"): Marathi's has 2,482 words, most of its Latin-script ones English, Finnish's 6,813.
Counting stopword hits alone, an English page came out Marathi, Finnish, Sundanese or Uzbek
one time in eleven. So each language is read by the words of its own script only (a word of
Marathi is written in Devanagari), and a long list's hits count for less: a hit is scored as
the chance of drawing that word from the list, so a list that explains the same words with
fewer of them wins (`detect`).
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache
from importlib import resources
from itertools import islice

import regex

SAMPLE_WORDS = 3000  # enough words to tell the language; a long page costs no more
MIN_HITS = 5  # fewer stopwords than this in the sample: no language is named
MIN_SCRIPT_CHARS = 20  # characters of an unspaced script that name its language
# ... when they are at least this share of the sample's letters (a language menu, "简体中文
# 日本語 한국어", does not make an English page Chinese)
MIN_SCRIPT_SHARE = 0.25
# a stopword's score: ln(1 / chance of a word outside every list) - ln(its list's size), the
# log-odds of drawing it from its list rather than from anywhere (one word in ~160,000)
OUTSIDE = 12.0


@cache
def codes() -> dict[str, str]:
    """jusText stoplist name by ISO 639-1 code (data/languages.tsv)."""
    path = resources.files("newsclean") / "data" / "languages.tsv"
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, name = line.split("\t")
            found[code] = name
    return found


@cache
def stopwords(language: str | None) -> frozenset[str]:
    """The stopwords of a language by its code; English's where it has none or is unknown."""
    import justext

    name = codes().get(language or "en") or "English"
    return frozenset(justext.get_stoplist(name))


@cache
def languages_by_stopword() -> dict[str, tuple[str, ...]]:
    """The languages whose stoplist holds each word, a list read in its own script only."""
    found: dict[str, list[str]] = {}
    for code in codes():
        for word in own_script_words(code):
            found.setdefault(word, []).append(code)
    return {w: tuple(cs) for w, cs in found.items()}


@cache
def own_script_words(language: str) -> frozenset[str]:
    """A language's stopwords written in the script most of them are written in (Marathi's in
    Devanagari: the English words in its list are left out)."""
    words = stopwords(language)
    scripts = Counter(script_of(w) for w in words)
    main = max(scripts.items(), key=lambda kv: (kv[1], kv[0]))[0] if scripts else ""
    return frozenset(w for w in words if script_of(w) == main)


def script_of(word: str) -> str:
    """The script of a word's first letter, as Unicode names it ("LATIN", "DEVANAGARI")."""
    for c in word:
        if c.isalpha():
            return unicodedata.name(c, "").partition(" ")[0]
    return ""


@cache
def hit_score(language: str) -> float:
    """What one stopword of the language counts for (OUTSIDE): less, the longer its list."""
    return OUTSIDE - math.log(max(len(own_script_words(language)), 1))


LETTER = regex.compile(r"\p{L}")
UNSPACED_SCRIPT = regex.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


def script_language(text: str) -> str | None:
    if not UNSPACED_SCRIPT.search(text):  # a quick test: most pages have none of these
        return None
    counts = Counter()
    for c in text:
        o = ord(c)
        if 0x3040 <= o <= 0x30FF:
            counts["ja"] += 1
        elif 0x4E00 <= o <= 0x9FFF:
            counts["zh"] += 1
        elif 0xAC00 <= o <= 0xD7AF:
            counts["ko"] += 1
        elif 0x0E00 <= o <= 0x0E7F:
            counts["th"] += 1
    found = sum(counts.values())
    if found < MIN_SCRIPT_CHARS or found < MIN_SCRIPT_SHARE * len(LETTER.findall(text)):
        return None
    if counts["ja"] >= MIN_SCRIPT_CHARS // 2:
        return "ja"  # Japanese mixes kana with Han
    return counts.most_common(1)[0][0]


def detect(words: Iterable[str], text: str = "") -> str | None:
    """The code of the language whose stopwords best explain `words` (case-folded): the most
    hits, each scored by `hit_score`; or of the unspaced script `text` is written in. None
    where neither says enough (fewer than MIN_HITS hits)."""
    by_word = languages_by_stopword()
    hits: Counter[str] = Counter()
    for w, n in Counter(islice(words, SAMPLE_WORDS)).items():
        for code in by_word.get(w, ()):
            hits[code] += n
    script = script_language(text[: SAMPLE_WORDS * 4]) if text else None
    if script:
        return script
    if not hits:
        return None
    code, n = min(hits.items(), key=lambda kv: (-kv[1] * hit_score(kv[0]), kv[0]))
    return code if n >= MIN_HITS else None
