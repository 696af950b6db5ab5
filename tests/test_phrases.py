"""Phrase lists (newsclean.phrases): the declared sections and the shipped files, a user's
folders adding to or replacing them, and the prefix matcher that stands in for a pattern."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from support.data import write_phrases
from support.texts import PROSE, WITH_AD

import newsclean
from newsclean import DEFAULT_PIPELINE, ConfigError, PhraseError, phrases
from newsclean.phrases import PrefixMatcher
from newsclean.text import key


def test_a_misspelt_section_is_an_error_naming_the_file_and_the_section(tmp_path: Path):
    folder = write_phrases(tmp_path / "p", "[ad_label_exact]\nbuy our mugs\n\n[promos]\njoin us\n")
    with pytest.raises(PhraseError) as caught:
        phrases.load((str(folder),))
    message = str(caught.value)
    assert str(folder / "mine.txt") in message and "line 4" in message and "[promos]" in message
    with pytest.raises(ConfigError, match=r"\[promos\]"):  # a config file's folders: at load
        newsclean.config.pipeline_from_dict({"phrases": {"dirs": [str(folder)]}})
    lazy = DEFAULT_PIPELINE.configure(phrases={"dirs": [str(folder)]})
    with pytest.raises(PhraseError, match=r"\[promos\]"):  # otherwise: at the first run
        newsclean.clean("A line.", lazy)


def test_every_shipped_section_is_declared_and_every_declared_section_is_shipped():
    shipped = phrases.load()
    assert set(shipped.by_section) == set(phrases.SECTIONS)
    assert all(shipped.get(name) for name in phrases.SECTIONS)
    assert {s.match for s in phrases.SECTIONS.values()} <= {
        "block",
        "prefix",
        "suffix",
        "word",
        "pattern",
    }
    with pytest.raises(KeyError, match="no phrase section"):
        shipped.get("ad_labels")


def test_user_phrases_add_to_or_replace_the_shipped_lists(tmp_path: Path):
    folder = write_phrases(tmp_path / "p", "[ad_label_exact]\nbuy our mugs\n")
    text = f"Buy our mugs!\n\n{WITH_AD}"
    assert newsclean.clean(text) == f"Buy our mugs!\n\n{PROSE}"
    added = DEFAULT_PIPELINE.configure(phrases={"dirs": [str(folder)]})
    assert newsclean.clean(text, added) == PROSE
    replaced = DEFAULT_PIPELINE.configure(phrases={"dirs": [str(folder)], "shipped": False})
    assert newsclean.clean(text, replaced) == WITH_AD
    # the set belongs to the run: the default pipeline is untouched afterwards
    assert newsclean.clean(text) == f"Buy our mugs!\n\n{PROSE}"
    assert phrases.load((str(folder),)) is added.config.phrase_set()  # cached by folder


# -- shortcut-equivalence ---------------------------------------------------------------------
# Each shortcut taken for speed gives exactly the answer of the slow way.


PHRASE_WORDS = st.sampled_from(["sign", "up", "upto", "for", "für", "cafe\u0301", "news", "café"])


@settings(max_examples=500)
@given(
    st.lists(st.lists(PHRASE_WORDS, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=5),
    st.lists(
        st.sampled_from(
            [
                "sign",
                "up",
                "upto",
                "for",
                "Für",
                "cafe\u0301",
                "news",
                "café",
                " ",
                "-",
                "**",
                "\u0301",
                "x",
            ]
        )
    ).map("".join),
)
def test_phrase_prefix_matcher_agrees_with_a_word_boundary_pattern(phrases: list[str], text: str):
    """A key holds only word characters and single spaces, so "followed by a space or the end"
    is the word boundary the phrase lists were first matched with."""
    unique = tuple(dict.fromkeys(phrases))
    longest_first = sorted(unique, key=len, reverse=True)
    reference = regex.compile(rf"^(?:{'|'.join(map(regex.escape, longest_first))})\b")
    k = key(text)
    found, expected = PrefixMatcher(unique).match(k), reference.match(k)
    assert (found and found.group(0)) == (expected and expected.group(0))


def test_a_turkish_heading_matches_in_title_case_lower_case_and_capitals():
    # case-folding turns "İ" into "i" and a combining dot, and "I" into "i": tr.txt lists each
    headings = phrases.exact("link_heading_exact")
    for heading in ["İlgili Haberler", "ilgili haberler", "İLGİLİ HABERLER"]:
        assert key(heading) in headings, heading
    assert key("İlgili") != key("ilgili")  # why the file needs the forms
