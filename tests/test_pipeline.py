"""The Pipeline API: a value of named steps that users derive their own from; and the second pass
given only to text that changed in the first."""

import pytest

import newsclean
from newsclean import DEFAULT_PIPELINE, Document, Pipeline, step
from newsclean.pipeline import text_step

PARAGRAPH = "The council approved the plan on Monday after a long debate in the chamber."
RAW = f"ADVERTISEMENT\n\n{PARAGRAPH}\n\nSHOUTING LINE"


def test_the_default_pipeline_lists_its_filters_in_order():
    assert DEFAULT_PIPELINE.names == [
        "unicode",
        "script_text",
        "one_line",
        "page_breaks",
        "hard_wraps",
        "inline_breaks",
        "references",
        "header",
        "describe",
        "article",
        "repeats",
        "galleries",
        "ads",
        "link_blocks",
        "media",
        "furniture",
        "markdown",
        "paragraphs",
        "units",
        "article_edges",
    ]
    assert all(s.description for s in DEFAULT_PIPELINE)


def test_without_drops_a_step_and_leaves_the_default_alone():
    no_ads = DEFAULT_PIPELINE.without("ads")
    assert "ads" not in no_ads.names
    assert "ads" in DEFAULT_PIPELINE.names
    assert newsclean.clean("ADVERTISEMENT", pipeline=no_ads) == "ADVERTISEMENT"
    assert newsclean.clean("ADVERTISEMENT") == ""


def test_an_unknown_step_name_is_a_clear_error():
    with pytest.raises(
        KeyError,
        match="no step named 'adz'; steps are: unicode, script_text, one_line, page_breaks",
    ):
        DEFAULT_PIPELINE.without("adz")


def test_step_names_must_be_unique():
    with pytest.raises(ValueError, match="repeated: ads"):
        Pipeline([DEFAULT_PIPELINE["ads"], DEFAULT_PIPELINE["ads"]])


def test_a_plain_text_function_is_a_filter_and_its_removals_are_logged():
    def drop_shouting(text: str) -> str:
        """drop lines in capitals"""
        return "\n\n".join(p for p in text.split("\n\n") if not p.isupper())

    custom = DEFAULT_PIPELINE.without("ads").insert_before("paragraphs", drop_shouting)
    assert custom.names.index("drop_shouting") == custom.names.index("paragraphs") - 1
    result = newsclean.explain(RAW, pipeline=custom)
    assert result.text == PARAGRAPH
    assert 'removed: "SHOUTING LINE" by drop_shouting: text function' in result.report()
    assert 'removed: "ADVERTISEMENT" by drop_shouting: text function' in result.report()


def test_a_text_function_rewrite_is_logged_with_before_and_after():
    def shout(text: str) -> str:
        return text.upper()

    result = newsclean.explain(PARAGRAPH, pipeline=DEFAULT_PIPELINE.insert_after("units", shout))
    assert result.text == PARAGRAPH.upper()
    rewrites = [c for c in result.changes if c.filter == "shout"]
    assert [(c.action, c.before, c.after) for c in rewrites] == [
        ("rewrote", PARAGRAPH, PARAGRAPH.upper())
    ]


def test_a_document_step_removes_with_a_reason_and_can_replace_a_default_one():
    @step("no_questions", "drop questions")
    def no_questions(doc: Document) -> None:
        for i, block in enumerate(doc.blocks):
            if block.text.endswith("?"):
                doc.remove(i, "a question")

    pipeline = DEFAULT_PIPELINE.replace("units", no_questions)
    assert "units" not in pipeline.names
    result = newsclean.explain(f"{PARAGRAPH}\n\nWhat happens next?", pipeline=pipeline)
    assert result.text == PARAGRAPH
    assert 'removed: "What happens next?" by no_questions: a question' in result.report()
    assert result.counts() == {"no_questions": 1}


def test_only_text_or_a_page_is_accepted():
    with pytest.raises(TypeError, match="not int"):
        newsclean.clean(42)  # type: ignore[arg-type]


# -- shortcut-equivalence ---------------------------------------------------------------------
# Clean text is cleaned in one pass; only text that changed gets the second.


def counting_pipeline() -> tuple[Pipeline, list[str]]:
    seen: list[str] = []

    @step("count", "records the text of every pass")
    def count(doc: Document) -> None:
        seen.append(doc.text())

    return Pipeline([count, text_step(str.strip, "strip")]), seen


def test_clean_text_is_cleaned_in_one_pass():
    pipeline, seen = counting_pipeline()
    assert pipeline.run("One paragraph.\n\nAnother.").text == "One paragraph.\n\nAnother."
    assert seen == ["One paragraph.\n\nAnother."]


def test_text_that_changes_gets_the_second_pass():
    pipeline, seen = counting_pipeline()
    assert pipeline.run("One paragraph.\n\n\n\nAnother.  ").text == "One paragraph.\n\nAnother."
    assert seen == ["One paragraph.\n\nAnother.  ", "One paragraph.\n\nAnother."]
