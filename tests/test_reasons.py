"""Reason codes: every change carries one, every code the pipeline emits is in the one table
(newsclean.reasons.CODES) with a description, and the codes are stable dotted names."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from support.data import ROOT

import newsclean
from newsclean.filters.article import learned_article
from newsclean.patterns import pattern
from newsclean.reasons import CODE_PATTERN, CODES

INPUTS = sorted(
    [*ROOT.glob("fixtures/**/input.*"), *(ROOT / "fixtures" / "html").glob("*.html")]
    + [
        p
        for p in (ROOT / "tests" / "data").rglob("*")
        if p.is_file() and p.name not in ("gold.txt", "meta.json", "README.md")
    ]
)


def read(path: Path) -> bytes:
    """An input's bytes (a gzipped page unpacked, as a crawler hands it over)."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


PARAGRAPH = "The vote was 31 to 9 in favour of it, after a debate of four long hours."


def test_the_inputs_are_found_and_give_many_kinds_of_change():
    assert len(INPUTS) > 30
    assert any(p.suffix == ".html" for p in INPUTS)
    codes = {c.code for path in INPUTS for c in newsclean.explain(read(path)).changes}
    assert len(codes) > 25


@pytest.mark.parametrize("path", INPUTS, ids=[str(p.relative_to(ROOT)) for p in INPUTS])
def test_every_code_emitted_on_the_fixtures_and_test_data_is_in_the_table(path: Path):
    result = newsclean.explain(read(path))
    for change in result.changes:
        assert change.code in CODES, change
        assert not change.code.startswith("custom."), change  # the built-in steps give a code
        # the reason never quotes the block: the block is `before`
        if len(change.before) >= 8:
            assert change.before not in change.reason, change


def test_every_table_entry_is_a_stable_dotted_code_with_a_description():
    assert len(CODES) > 40
    for code, description in CODES.items():
        assert re.fullmatch(r"[a-z_]+\.[a-z_]+", code), code
        assert CODE_PATTERN.fullmatch(code), code
        assert description.strip() and description == description.strip(), code


def test_the_reasons_doc_lists_every_code_and_no_other():
    doc = (ROOT / "docs" / "reasons.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \|", doc, re.M)
    assert sorted(listed) == sorted(CODES)


CATASTROPHIC = pattern(r"^(a|aa)+$", timeout_base=0.05)  # exponential on "aaa...ab"


@newsclean.step("slow", "a filter whose pattern backtracks catastrophically")
def slow(doc: newsclean.Document) -> None:
    for block in doc.blocks:
        CATASTROPHIC.match(block.text)


CASES = [
    ("The café au lait costs â‚¬3 at the bar, the owner said on Tuesday.", "unicode.mojibake"),
    ("Tom &amp; Jerry were seen at the market on Tuesday, a neighbour said.", "unicode.entities"),
    (
        "The vote was 31 to 9\u200b in favour of it, after a debate of four hours.",
        "unicode.controls",
    ),
    (f"{PARAGRAPH}\n\n\u200b\u200b\n\n{PARAGRAPH}", "unicode.invisible"),
    ("The storm moved some 100km (161 miles) north of the city overnight.", "units.swapped"),
    ("The crane lifted 1,000kg (1kg) of steel onto the roof on Friday.", "units.ambiguous"),
    ("The storm moved some 60km (100km) north of the city overnight.", "units.no_conversion"),
    ("The storm moved some 100km (60km) north of the city overnight.", "units.wrong_unit"),
    (f"ADVERTISEMENT\n\n{PARAGRAPH}", "ads.label"),
    (f"{PARAGRAPH}\n\nLearn more\n\n{PARAGRAPH}", "ads.call_to_action"),
    (f"{PARAGRAPH}\n\n---\n\n{PARAGRAPH}", "markdown.no_words"),
]


@pytest.mark.parametrize("raw, code", CASES, ids=[c for _, c in CASES])
def test_each_kind_of_change_has_its_own_code(raw: str, code: str):
    codes = [c.code for c in newsclean.explain(raw).changes]
    assert code in codes, codes
    assert all(c in CODES for c in codes)


def test_the_learned_finder_gives_codes_from_the_table():
    raw = (ROOT / "tests" / "data" / "whole_page.md").read_text(encoding="utf-8")
    pipeline = newsclean.DEFAULT_PIPELINE.replace("article", learned_article())
    codes = {c.code for c in newsclean.explain(raw, pipeline).changes}
    assert "article.debris" in codes
    assert codes <= set(CODES)


def test_a_text_function_and_a_step_without_a_code_get_their_own_codes():
    def drop_shouting(text: str) -> str:
        return "\n\n".join(p for p in text.split("\n\n") if not p.isupper())

    @newsclean.step("mine", "drops another line")
    def mine(doc: newsclean.Document) -> None:
        for i, block in enumerate(doc.blocks):
            if block.text.startswith("Another"):
                doc.remove(i, "another line")

    pipeline = newsclean.Pipeline([drop_shouting, mine])
    result = pipeline.run(f"SHOUTING LINE\n\n{PARAGRAPH}\n\nAnother line of the story.")
    assert [(c.filter, c.code) for c in result.changes] == [
        ("drop_shouting", "pipeline.text_removed"),
        ("mine", "custom.removed"),
    ]


def test_a_timeout_warning_has_the_pipeline_code():
    result = newsclean.Pipeline([slow]).run(f"{PARAGRAPH}\n\n{'a' * 2100}b")
    assert [w.code for w in result.warnings] == ["pipeline.timeout_block"]


def test_a_change_is_data():
    change = newsclean.Change(
        "units", "rewrote", "the units are swapped", "1km (2mi)", "1mi (2km)", "units.swapped"
    )
    assert change.to_dict() == {
        "filter": "units",
        "action": "rewrote",
        "code": "units.swapped",
        "reason": "the units are swapped",
        "before": "1km (2mi)",
        "after": "1mi (2km)",
    }
    assert newsclean.Change("x", "warning", "why", "").code == "custom.warning"


def test_a_result_is_data():
    raw = f"ADVERTISEMENT\n\n# A headline for the story\n\n{PARAGRAPH}\n\nTom &amp; Jerry agreed."
    result = newsclean.explain(raw)
    data = result.to_dict()
    assert list(data) == ["text", "metadata", "changes"]
    assert json.loads(json.dumps(data)) == data
    assert data["text"] == result.text == f"{PARAGRAPH}\n\nTom & Jerry agreed."
    assert data["metadata"] == {"language": "en", "title": "A headline for the story"}
    assert [(c["action"], c["code"]) for c in data["changes"]] == [
        ("rewrote", "unicode.entities"),
        ("removed", "ads.label"),
        ("metadata", "furniture.headline"),
    ]
    assert data["changes"][0]["after"] == "Tom & Jerry agreed."
    data["metadata"]["title"] = "changed"
    assert result.meta["title"] == "A headline for the story"  # a copy
