"""A block's text facts (newsclean.text), the markdown grammar they read (newsclean.grammar),
the memo of one run (newsclean.memo) and the patterns' `re` and `regex` forms
(newsclean.patterns): each shortcut taken for speed gives exactly the answer of the slow way."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from support.strategies import WORDY

from newsclean.grammar import (
    ASCII_MARKS,
    ASCII_STOPS,
    BULLET,
    EMPHASIS,
    HEADING,
    IMAGE,
    LINK,
    MARK,
    QUOTE,
    STOP,
    WORD,
    ends_with_stop,
    in_stopless_script,
    is_mark,
    is_terminal,
    marks,
    may_have_marker,
    without_images,
    without_italics,
)
from newsclean.kinds import only_images_and_links
from newsclean.memo import forget
from newsclean.text import (
    is_paragraph,
    join_pieces,
    key_words,
    link_share,
    plain,
    plain_words,
    word_list,
    words,
)

# -- shortcut-equivalence ---------------------------------------------------------------------


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("ab AZ09_.,-'\n\t[]()*#!:") + list("é’—ВЂ\u0301"))))
def test_ascii_word_shortcut_finds_the_same_words(text: str):
    assert word_list(text) == WORD.findall(text)
    forget()
    assert words(text) == len(WORD.findall(text))
    folded = text.casefold().replace("_", " ")
    assert key_words(text) == WORD.findall(folded)


def test_ascii_translation_finds_the_words_of_the_pattern_around_every_ascii_character():
    """words() and key_words() read ASCII text with str.translate and split(), not the pattern."""
    for code in range(128):
        for text in (chr(code), f"a{chr(code)}B", f"{chr(code)}Z9 x", f"_{chr(code)}_"):
            forget()
            assert words(text) == len(WORD.findall(text)), hex(code)
            assert key_words(text) == WORD.findall(text.casefold().replace("_", " ")), hex(code)


MARKED = st.lists(
    st.sampled_from([*"a [](). -*!x/:_", "](", "![", "b c", "# ", "- ", "> ", "1. ", "**"])
).map("".join)


@settings(max_examples=500)
@given(MARKED)
def test_marker_patterns_cannot_match_where_the_quick_test_says_no(text: str):
    if not may_have_marker(text):
        assert not (HEADING.match(text) or BULLET.match(text) or QUOTE.match(text))


@settings(max_examples=2000)
@given(MARKED)
def test_plain_takes_its_links_from_the_link_pieces(text: str):
    """plain() joins the block's link pieces, less the markers, instead of a substitution."""
    slow = text
    if may_have_marker(slow):
        for marker in (HEADING, BULLET, QUOTE):
            slow = marker.sub("", slow, count=1)
    if "](" in slow:
        slow = LINK.sub(r"\1", without_images(slow))
    if "**" in slow or "__" in slow:
        slow = EMPHASIS.sub("", slow)
    forget()
    assert plain(text) == without_italics(slow).strip()


@settings(max_examples=1000)
@given(st.lists(st.sampled_from([*"a [](). -*|#>!x/:", "](", "![", "image", "b c"])).map("".join))
def test_link_pieces_give_the_answers_of_the_substitutions(text: str):
    """link_share and only_images_and_links take the link texts and the text around them from
    one split of the text without its images, instead of a substitution for each."""
    without = IMAGE.sub("", text)
    assert without_images(text) == without
    total = words(LINK.sub(r"\1", without))
    inside = sum(words(m.group(1)) for m in LINK.finditer(without))
    assert link_share(text) == (min(1.0, inside / total) if total and "](" in text else 0.0)
    if only_images_and_links(text) is not None:
        assert only_images_and_links(text) == [m.group(1) for m in LINK.finditer(without)]


@settings(max_examples=1000)
@given(st.lists(st.sampled_from([*"a [](). \n-*!x/:", "](", "![", "b c", "((", "))"])).map("".join))
def test_link_patterns_mean_the_same_to_re_and_regex(text: str):
    """IMAGE and LINK run with `re` on short subjects, with `regex` (and its timeout) on long."""
    for found, replacement in ((IMAGE, ""), (LINK, r"<\1>")):
        assert found.short.sub(replacement, text) == found.compiled.sub(replacement, text)
        assert found.short.split(text) == found.compiled.split(text)


def test_case_folding_keeps_every_word_bound():
    """plain_words counts a block's words from its case-folded key."""
    for code in range(0x110000):
        char = chr(code)
        folded = char.casefold()
        if folded != char:
            is_word = WORD.match(char) is not None
            assert all((WORD.match(c) is not None) == is_word for c in folded), hex(code)


@settings(max_examples=1000)
@given(WORDY)
def test_words_counted_from_the_key_are_the_words_a_reader_sees(text: str):
    forget()
    assert plain_words(text) == words(plain(text))


@settings(max_examples=1000)
@given(st.lists(st.sampled_from([*"a [](). -*!_é’:", "](", "b c d e f g h i j", "# ", "**"])))
def test_paragraph_words_counted_from_the_key_are_the_words_of_the_block(pieces: list[str]):
    text = "".join(pieces)
    forget()
    n = words(text)
    expected = n >= 25 or (n >= 8 and plain(text).rstrip("\"'”’»)").endswith((".", "!")))
    assert is_paragraph(text) == expected


def test_pieces_join_with_a_space_between_words_and_none_inside_a_script_without_spaces():
    assert join_pieces(["The bridge will", "open in spring."]) == "The bridge will open in spring."
    assert join_pieces(["a realis-", "tic plan"]) == "a realistic plan"
    assert join_pieces(["灯台の修復工事は", "来春に始まる。"]) == "灯台の修復工事は来春に始まる。"
    assert join_pieces(["工事は来春に始まる", "。市議会は"]) == "工事は来春に始まる。市議会は"
    assert join_pieces(["서울에서 열린", "회의"]) == "서울에서 열린 회의"  # Korean has spaces
    assert join_pieces(["東京 Tokyo", "station"]) == "東京 Tokyo station"
    # a sentence a scraper broke at its links: no space before a comma or after a bracket
    pieces = ["a yard in", "Gdansk", ", will carry cars", "(", "details", ")", "."]
    assert join_pieces(pieces) == "a yard in Gdansk, will carry cars (details)."
    assert join_pieces(["said", "“", "Yes", "”", "."]) == "said “Yes”."


# -- every script's punctuation -----------------------------------------------------------------


def test_a_sentence_ends_with_any_scripts_stop():
    for stop in ".!?…。！？．।॥۔؟։።။។":
        assert ends_with_stop(f"word{stop}"), stop
        assert is_terminal(stop), stop
    for other in ",;:、，፣)a1 ":
        assert not ends_with_stop(f"word{other}"), other
    assert not ends_with_stop("")
    assert is_terminal(")") and is_terminal(":") and not is_terminal(",") and not is_terminal("a")


def test_marks_count_every_scripts_clause_and_sentence_punctuation():
    assert marks("a, b; c: d. e! f? g، h、 i， j፣ k၊ l। m۔ n։") == 14
    assert marks("Choose a reason… or another") == 0  # an ellipsis trails a label cut short
    assert marks("no punctuation here at all") == 0
    assert is_mark("،") and is_mark(";") and not is_mark("…") and not is_mark("a")
    assert not is_mark("")


def test_thai_and_lao_are_written_without_stops():
    assert in_stopless_script("ฝนที่ตกหนักตลอดคืนวันจันทร์ทำให้เกิดน้ำท่วมขัง ประชาชนจำนวนมาก")
    assert in_stopless_script("ຝົນຕົກໜັກໃນນະຄອນຫຼວງວຽງຈັນ")
    assert not in_stopless_script("Heavy rain fell on Bangkok on Monday")
    assert not in_stopless_script("भारी बारिश के बाद कई इलाकों में पानी भर गया।")
    assert not in_stopless_script("Bangkok (กรุงเทพมหานคร) flooded again this week, officials said")


def test_a_full_sentence_in_another_script_is_a_paragraph_and_a_question_is_not():
    sentence = "मौसम विभाग ने अगले दो दिनों तक और बारिश होने की चेतावनी जारी की है।"
    assert is_paragraph(sentence)
    assert not is_paragraph(sentence[:-1])  # 15 words, no stop
    assert not is_paragraph(sentence[:-1] + "؟")


def test_the_ascii_stops_and_marks_are_the_patterns_ascii_characters():
    assert ASCII_STOPS == {chr(c) for c in range(128) if STOP.match(chr(c))}
    assert ASCII_MARKS == {chr(c) for c in range(128) if MARK.match(chr(c))}
