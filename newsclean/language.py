"""The language of a dump, and its stopwords.

The stoplists are jusText's (about 100 languages; jusText is installed with trafilatura), so
no language model ships with newsclean: a page's language is the one whose stopwords cover
most of its words, which on a paragraph of prose is right far more often than not, and on a
page of menus and names says little anyway. Scripts written without spaces have no stoplist;
their language is told from the script itself (kana: Japanese, Han alone: Chinese, Hangul:
Korean, Thai). `meta["language"]` is an ISO 639-1 code, as trafilatura gives for HTML.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache
from importlib import resources
from itertools import islice

import regex

SAMPLE_WORDS = 3000  # enough words to tell the language; a long page costs no more
MIN_HITS = 5  # fewer stopwords than this in the sample: no language is named
MIN_SCRIPT_CHARS = 20  # characters of an unspaced script that name its language


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
    import justext

    found: dict[str, list[str]] = {}
    for code, name in codes().items():
        for word in justext.get_stoplist(name):
            found.setdefault(word, []).append(code)
    return {w: tuple(cs) for w, cs in found.items()}


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
    if sum(counts.values()) < MIN_SCRIPT_CHARS:
        return None
    if counts["ja"] >= MIN_SCRIPT_CHARS // 2:
        return "ja"  # Japanese mixes kana with Han
    return counts.most_common(1)[0][0]


def detect(words: Iterable[str], text: str = "") -> str | None:
    """The code of the language whose stopwords cover most of `words` (case-folded), or of the
    unspaced script `text` is mostly written in; None where neither says enough."""
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
    code, n = min(hits.items(), key=lambda kv: (-kv[1], kv[0]))
    return code if n >= MIN_HITS else None
