"""Properties of clean() on any input (issue #2), checked with hypothesis.

"No invented text", precisely: read the letters and digits of the output in order, each as its
base character (NFKD, combining marks dropped, case-folded), leaving out the unit names the unit
repair writes; they are a subsequence of the same read of the input after the Unicode repair step
(mojibake fixed, invisible characters dropped, NFC). Every other change (markdown markers,
bullets, whitespace, rejoined paragraphs, removed blocks) removes characters that are not
letters or digits, or whole stretches. Base characters, because a rejoined line can let ftfy
see mojibake across the join on the second pass ("Ã" + "a" -> "à a"). For the same reason the
reference may also be the input repaired after its markdown markers are gone: removing them can
join the two halves of a mojibake sequence ("Ã**¦" -> "Ã¦" -> "æ"); or repaired after its
broken lines are rejoined, when the join brings the rest of a sequence: "Ï¡Â" + "a" gives
"Ï¡Â a", whose "Â " is the mojibake of a no-break space, so the whole is "ϡ" and a space, a
letter that no base character of the input stands for.
"""

from __future__ import annotations

import unicodedata

import regex
from hypothesis import given
from support.strategies import any_text, clean_articles, dumps, hostile_strings

import newsclean
from newsclean import Pipeline, Step
from newsclean.filters.markdown import markdown
from newsclean.filters.paragraphs import paragraphs
from newsclean.filters.unicode import normalise_unicode

UNICODE_ONLY = Pipeline([normalise_unicode])
UNICODE_AGAIN = Step("unicode_again", normalise_unicode.run)
MARKDOWN_THEN_UNICODE = Pipeline([normalise_unicode, markdown, UNICODE_AGAIN])
REJOINED_THEN_UNICODE = Pipeline([normalise_unicode, paragraphs, UNICODE_AGAIN])
UNIT_NAMES = regex.compile(
    r"\b(?:miles?|kilometres?|kilometers?|km|feet|foot|ft|metres?|meters?)\b"
)
ALNUM = regex.compile(r"[^\W_\p{M}]")


def alnum(text: str) -> list[str]:
    return ALNUM.findall(unicodedata.normalize("NFKD", text).casefold())


def is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(c in it for c in small)


def invents_nothing(raw: str, out: str) -> bool:
    letters = alnum(UNIT_NAMES.sub("", out))
    return any(
        is_subsequence(letters, alnum(newsclean.clean(raw, pipeline=reference)))
        for reference in (UNICODE_ONLY, MARKDOWN_THEN_UNICODE, REJOINED_THEN_UNICODE)
    )


def assert_cleans_well(raw: str, *, check_invention: bool = True) -> None:
    """Valid text out, that cleans to itself, made only of what was in the input."""
    out = newsclean.clean(raw)
    out.encode("utf-8")
    assert newsclean.clean(out) == out
    if check_invention:
        assert invents_nothing(raw, out)


@given(dumps())
def test_dump_cleans_to_valid_text_idempotently_and_invents_nothing(raw):
    assert_cleans_well(raw)


@given(any_text())
def test_any_str_gives_valid_text(raw):
    assert_cleans_well(raw)


@given(hostile_strings())
def test_hostile_strings_give_valid_text(raw):
    assert_cleans_well(raw, check_invention=False)


@given(clean_articles())
def test_clean_article_passes_through_unchanged(article):
    result = newsclean.explain(article)
    assert result.text == article
    assert result.changes == []


def test_subsequence_check_catches_invented_text():
    assert invents_nothing("Some 100km (60km) north", "Some 100km (60 miles) north")
    assert invents_nothing("had\n\nbeen **seen**", "had been seen")
    assert not invents_nothing("had been", "had not been")
    assert not invents_nothing("been had", "had been")
    assert invents_nothing("Ã\na", newsclean.clean("Ã\na"))  # found by hypothesis
    for raw in ("Ï¡Â\na", "à¢\x1ea"):  # found by hypothesis: mojibake completed by a rejoin
        assert invents_nothing(raw, newsclean.clean(raw))
