"""Hostile and broken input (issue #7): each case comes back as the right, valid text.

These assert outputs, not timings: `benchmarks/linear.py` measures speed and memory. Before the
regex audit, several of these took tens of seconds or ran out of memory.
"""

from __future__ import annotations

import pytest
from support.checks import clean_valid

import newsclean
from newsclean import Pipeline, step
from newsclean.document import Document
from newsclean.filters.markdown import markdown
from newsclean.patterns import pattern

SENTENCE = "The council said the bridge would open."


# -- pathological sizes and shapes ----------------------------------------------------------


def test_100k_open_brackets_are_a_wordless_block():
    assert clean_valid("[" * 100_000) == ""


def test_100k_open_brackets_in_prose_are_kept_as_text():
    raw = f"{SENTENCE}\n\nText {'[' * 100_000} end."
    assert clean_valid(raw) == raw


def test_1mb_line_of_one_character():
    assert clean_valid("a" * 1_000_000) == "a" * 1_000_000


def test_a_million_blank_lines():
    assert clean_valid("\n" * 1_000_000) == ""
    assert clean_valid(SENTENCE + "\n" * 1_000_000 + SENTENCE) == f"{SENTENCE}\n\n{SENTENCE}"


def test_200k_image_openers():
    assert clean_valid("![" * 200_000) == ""
    raw = SENTENCE + " " + "![" * 200_000
    assert clean_valid(raw) == raw


def test_200k_unclosed_links():
    raw = "[a](" * 200_000
    assert clean_valid(raw) == raw


def test_huge_digit_runs_next_to_a_unit_are_left_alone():
    raw = "1" * 100_000 + "km (" + "2" * 100_000 + "km)"
    assert clean_valid(raw) == raw


def test_long_unit_chain_is_repaired_everywhere():
    out = clean_valid("100km (60km) " * 10_000)
    assert out == " ".join(["100km (60 miles)"] * 10_000)


def test_long_chain_of_units_without_conversions():
    raw = " ".join(["5km"] * 50_000)
    assert clean_valid(raw) == raw


def test_100k_broken_lines_rejoin_into_one_paragraph_in_one_change():
    result = newsclean.explain("word\n\nand\n\n" * 100_000)
    assert result.text == " ".join(["word and"] * 100_000)
    assert [c.reason for c in result.changes] == ["broken paragraph rejoined"]


def test_deep_emphasis_and_escapes_come_off_in_one_clean():
    assert clean_valid("*" * 10_000 + "word" + "*" * 10_000) == "word"
    assert clean_valid("\\\\\\*\\*word\\*\\*") == "\\word"  # \\ is a literal backslash
    assert clean_valid("0" + "_" * 18) == "0"


# -- any str in, valid text out -------------------------------------------------------------


def test_lone_surrogates_are_dropped_and_pairs_joined():
    raw = "Caf\ud800e au lait \udfff and \ud83d\ude00."
    assert clean_valid(raw) == "Cafe au lait and \U0001f600."
    assert "lone surrogates removed" in newsclean.explain(raw).changes[0].reason


def test_nul_and_control_characters_are_dropped():
    raw = "Tab\there, NUL\x00, BEL\x07, DEL\x7f and C1\x9b end."
    assert clean_valid(raw) == "Tab here, NUL, BEL, DEL and C1 end."


def test_ansi_escape_codes_are_dropped():
    raw = "\x1b[1;31mRed\x1b[0m text \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ here.\x1b(B"
    assert clean_valid(raw) == "Red text link here."


def test_zero_width_and_bidi_characters_are_dropped_but_joiners_kept():
    raw = "zero\u200bwidth \u202eevil\u202c \u2066iso\u2069 \u061cmark soft\u00adhyphen, keep\u200dzwj."
    assert clean_valid(raw) == "zerowidth evil iso mark softhyphen, keep\u200dzwj."


def test_a_block_of_only_invisible_characters_is_removed():
    result = newsclean.explain(f"{SENTENCE}\n\n\u200b\u200e\ufeff\x00\n\n{SENTENCE}")
    assert result.text == f"{SENTENCE}\n\n{SENTENCE}"
    assert [c.reason for c in result.removed] == ["only invisible characters"]


def test_combining_mark_flood_is_cut_to_30_marks():
    out = clean_valid("Zalgo" + "\u0316" * 50_000 + " text.")
    assert out == "Zalgo" + "\u0316" * 30 + " text."


def test_mixed_scripts_pass_through():
    raw = "Москва и 北京 and القاهرة 2024, Ελλάδα, עברית, हिन्दी, 東京 are cities."
    assert clean_valid(raw) == raw


def test_mojibake_flood_is_repaired():
    assert clean_valid("CafÃ© " * 100_000) == " ".join(["Café"] * 100_000)


@pytest.mark.parametrize(
    "raw",
    ["\x00", "\ud800", "\x1b", "\u0301", "\ufeff", "\r\r\r", "\x85\u2028\u2029", "\x0b\x0c\x1c"],
)
def test_debris_only_input_gives_empty_text(raw):
    assert clean_valid(raw * 1000) == ""


# -- the timeout guard ----------------------------------------------------------------------

CATASTROPHIC = pattern(r"^(a|aa)+$", timeout_base=0.05)  # exponential on "aaa...ab"


@step("slow", "a filter whose pattern backtracks catastrophically")
def slow(doc: Document) -> None:
    for block in doc.blocks:
        if CATASTROPHIC.match(block.text):
            block.text = "matched"
        else:
            block.text = block.text.upper()


def test_a_timed_out_block_is_kept_as_it_was_and_explain_says_so():
    hostile = "a" * 2100 + "b"
    raw = f"first block\n\n{hostile}\n\nlast block"
    result = newsclean.explain(raw, pipeline=Pipeline([slow]))
    assert result.text == f"FIRST BLOCK\n\n{hostile}\n\nLAST BLOCK"
    assert [(c.filter, c.action, c.reason, c.before) for c in result.changes] == [
        ("slow", "warning", "a pattern timed out: block kept as it was", hostile)
    ]


def test_a_timed_out_block_keeps_its_place_when_its_neighbours_are_removed():
    hostile = "**" + "a" * 2100 + "b"
    raw = f"---\n\n{hostile}\n\nA word."
    result = newsclean.explain(raw, pipeline=Pipeline([markdown, slow]))
    assert result.text == f"{hostile.replace('**', '')}\n\nA WORD."
    assert result.warnings[0].reason == "a pattern timed out: block kept as it was"


def test_a_timeout_that_cannot_be_traced_to_a_block_skips_the_step():
    @step("slow_text", "a filter that times out on the whole text")
    def slow_text(doc: Document) -> None:
        CATASTROPHIC.match("\n\n".join(b.text for b in doc.blocks))

    raw = "a" * 2100 + "b\n\nsecond"
    result = newsclean.explain(raw, pipeline=Pipeline([slow_text]))
    assert result.text == raw
    assert [c.reason for c in result.warnings] == ["a pattern timed out: this step was skipped"]


def test_a_long_mojibake_line_is_repaired_in_pieces_cut_at_spaces(monkeypatch):
    from newsclean.filters import unicode as unicode_filter

    monkeypatch.setattr(unicode_filter, "FTFY_PIECE", 1000)
    line = "CafÃ© crÃ¨me brÃ»lÃ©e. " * 300  # 6,600 characters: seven pieces
    # kept one line (one_line would split it at its sentences): the filter's pieces are tested
    result = newsclean.explain(line, newsclean.DEFAULT_PIPELINE.without("one_line"))
    assert result.text == ("Café crème brûlée. " * 300).strip()
    assert [c.reason for c in result.changes] == ["mojibake repaired"]
