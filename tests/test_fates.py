"""Result.blocks: every input block and its fate, built from the public change log."""

from pathlib import Path

import pytest
from support.data import FIXTURES

import newsclean
from newsclean import BlockFate
from newsclean.fates import block_fates, squeeze

DUMPS = sorted(p for p in FIXTURES.iterdir() if (p / "input.txt").is_file())
PARAGRAPH = "The vote was 31 to 9 in favour of it, after a debate of four long hours."


def reassembled(blocks: list[BlockFate]) -> str:
    """The body the fates describe: kept blocks as they were, rewritten ones as they became."""
    return "".join(b.after if b.fate == "rewrote" else b.text for b in blocks if not b.removed)


def test_each_input_block_has_one_fate_in_input_order():
    raw = f"ADVERTISEMENT\n\n{PARAGRAPH}\n\n\nShare this page"
    blocks = newsclean.explain(raw).blocks
    assert [b.text for b in blocks] == ["ADVERTISEMENT", PARAGRAPH, "Share this page"]
    assert [b.fate for b in blocks] == ["removed", "kept", "removed"]
    assert (blocks[0].filter, blocks[0].reason) == ("ads", "ad label")
    assert blocks[1] == BlockFate(PARAGRAPH)


def test_metadata_and_rewrites_carry_what_they_became():
    blocks = newsclean.explain((FIXTURES / "bbc_like" / "input.txt").read_text()).blocks
    byline = next(b for b in blocks if b.text == "By Sarah Jones")
    assert (byline.fate, byline.filter, byline.reason) == (
        "metadata",
        "furniture",
        "author: byline",
    )
    units = next(b for b in blocks if b.filter == "units")
    assert units.fate == "rewrote"
    assert "3km (2km)" in units.text and "3km (2 miles)" in units.after


def test_blocks_joined_into_one_show_the_joined_text_on_the_first():
    raw = "The council had\n\nbeen asked to approve the plan on Monday after a long debate."
    first, second = newsclean.explain(raw).blocks
    assert first.fate == second.fate == "rewrote"
    assert first.after == newsclean.clean(raw)
    assert second.after == ""


def test_a_repeated_line_takes_the_fate_of_the_copy_the_output_holds():
    # the same line is a teaser before the article and a heading inside it: the log names the
    # text, not the copy; the output says which copy stayed
    line = "Continue reading the main story"
    log = [newsclean.Change("article", "removed", "before the article", line)]
    fates = block_fates(f"{line}\n{PARAGRAPH}\n{line}", log, f"{line}\n\n{PARAGRAPH}")
    assert [b.fate for b in fates] == ["kept", "kept", "removed"]
    assert [b.fate for b in block_fates(f"{line}\n{PARAGRAPH}\n{line}", log)][0] == "removed"


def test_a_reason_code_is_carried_from_the_change():
    log = [newsclean.Change("ads", "removed", "ad label", "ADVERTISEMENT", code="ads.label")]
    (fate,) = block_fates("ADVERTISEMENT", log, "")
    assert (fate.fate, fate.code) == ("removed", "ads.label")
    (fate, kept) = newsclean.explain(f"ADVERTISEMENT\n\n{PARAGRAPH}").blocks
    assert (fate.filter, fate.code, fate.reason) == ("ads", "ads.label", "ad label")
    assert (kept.fate, kept.code) == ("kept", "")


@pytest.mark.parametrize("folder", DUMPS, ids=[p.name for p in DUMPS])
def test_the_fates_of_every_fixture_reassemble_its_output(folder: Path):
    result = newsclean.explain((folder / "input.txt").read_text(encoding="utf-8"))
    assert len(result.blocks) == len(newsclean.Document.from_text(result.source).blocks)
    assert squeeze(reassembled(result.blocks)) == squeeze(result.text)
    assert sum(b.removed for b in result.blocks) >= len(result.removed) - 1


def test_a_page_s_blocks_are_those_of_the_text_taken_from_it():
    result = newsclean.explain((FIXTURES / "html" / "article.html").read_bytes())
    assert "<" not in result.source and result.source
    assert squeeze(reassembled(result.blocks)) == squeeze(result.text)


def test_an_empty_input_has_no_blocks():
    assert newsclean.explain("").blocks == []
    assert newsclean.explain("\n\n  \n").blocks == []
