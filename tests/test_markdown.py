"""Markdown debris: links whose text holds brackets, single-marker emphasis, phrase keys, TeX
source, rules."""

from support.checks import clean_valid
from support.texts import BODY, SECOND

import newsclean
from newsclean.filters.links import is_link_heading
from newsclean.text import key, link_share, plain

BEFORE = (
    "The council approved the new budget on Tuesday after a long debate about the costs of "
    "the bridge repairs."
)
AFTER = (
    "Work on the bridge starts in the spring and should be finished before the end of next "
    "year, officials said."
)


# links whose text holds one level of brackets


def test_a_link_whose_text_is_in_brackets_is_a_link():
    raw = (
        'New Zealand (Māori: [[aɔˈtɛaɾɔa]](/wiki/Help:IPA "Help:IPA")) is an island country in '
        "the south-western Pacific Ocean."
    )
    assert clean_valid(raw) == (
        "New Zealand (Māori: [aɔˈtɛaɾɔa]) is an island country in the south-western Pacific Ocean."
    )
    assert plain("[[update]](https://x.org/a)") == "[update]"
    assert link_share("[[update]](https://x.org/a)") == 1.0
    assert link_share("Ars Technica: [Boycott [Updated] | Ars](https://x.org/a)") == 0.6


def test_brackets_nested_deeper_or_unbalanced_are_not_a_link_text():
    raw = (
        "A [[[deep]]](https://x.org) link and [1][two](https://x.org) and "
        "[a [b] c](https://x.org) stay readable here."
    )
    assert clean_valid(raw) == (
        "A [[[deep]]](https://x.org) link and [1]two and a [b] c stay readable here."
    )


# single-marker emphasis


def test_single_marker_emphasis_comes_off():
    raw = (
        "Firefox was originally named _Phoenix_ but the name was *changed* to avoid conflicts "
        "with _**another company**_."
    )
    assert clean_valid(raw) == (
        "Firefox was originally named Phoenix but the name was changed to avoid conflicts with "
        "another company."
    )


def test_underscores_and_stars_inside_words_paths_or_alone_stay():
    raw = (
        "Set my_var_name to 5 * 3 * 2, leave _ alone, see https://example.com/_foo_/bar and "
        "keep snake_case_ as it is."
    )
    assert clean_valid(raw) == raw


# phrase keys


def test_an_emphasised_link_heading_is_known():
    raw = (
        f"{BEFORE}\n\n_Related_\n\n[Bridge closed](https://x.org/a)\n\n"
        f"[Budget row](https://x.org/b)\n\n{AFTER}"
    )
    assert clean_valid(raw) == f"{BEFORE}\n\n{AFTER}"


def test_underscore_separates_words_in_a_key():
    assert key("_Related_") == "related"
    assert key("_Related") == "related"
    assert key("Related_") == "related"
    assert key("snake_case") == "snake case"
    assert is_link_heading("_Related")
    assert not is_link_heading("Related_reading_list")


# TeX source beside rendered math


def test_tex_source_and_the_rendered_formula_before_it_come_off():
    raw = (
        "If the conjugate transpose of a matrix  A  {\\displaystyle A}  is denoted by  A  H  "
        "{\\displaystyle A^{\\mathsf {H}}} , then the Hermitian property can be written as\n\n"
        "A   Hermitian  ⟺ A  =  A  H  {\\displaystyle A{\\text{ Hermitian}}\\quad \\iff \\quad "
        "A=A^{\\mathsf {H}}}\n\n"
        "Hermitian matrices are named after Charles Hermite, who showed in 1855 that they share "
        "a property with real symmetric matrices."
    )
    assert clean_valid(raw) == (
        "If the conjugate transpose of a matrix is denoted by , then the Hermitian property can "
        "be written as\n\n"
        "Hermitian matrices are named after Charles Hermite, who showed in 1855 that they share "
        "a property with real symmetric matrices."
    )


def test_braces_without_a_tex_command_or_never_closed_stay():
    raw = (
        "Write {braces} and a set {1, 2}, a {\\ spaced} backslash and an open {\\bf group of "
        "words that never closes, in the middle of a long sentence."
    )
    assert clean_valid(raw) == raw


# -- rules ------------------------------------------------------------------------------------


def test_a_rule_of_underscores_is_not_a_word():
    assert newsclean.clean(f"{BODY}\n\n___\n\n{SECOND}") == f"{BODY}\n\n{SECOND}"
    code = "The variable max_depth is set to 4."
    assert newsclean.clean(code) == code


def test_a_block_of_only_joiners_has_no_words_and_goes():
    # a page's stray "&zwj;" between paragraphs; a word written with a joiner stays whole
    result = newsclean.explain(
        "The bridge opened.\n\n\u200d\n\n\u200c\u200d\n\nمی\u200cخواهم بروم."
    )
    assert result.text == "The bridge opened.\n\nمی\u200cخواهم بروم."
    assert [c.code for c in result.changes] == ["markdown.no_words"] * 2
