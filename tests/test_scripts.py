"""The script_text filter: a script's data (JSON), left in a dump by a scraper that read every
text node, goes; a short JSON example, and code, stay for the article finder to judge."""

from __future__ import annotations

import json

from support.texts import BODY, SECOND

import newsclean
from newsclean.filters.scripts import DATA_MIN_CHARS, is_script_data

LINKED_DATA = json.dumps(
    {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Harbour wall rebuilt after winter storms",
        "datePublished": "2025-03-02T08:00:00Z",
        "author": {"@type": "Person", "name": "Ruth Calloway"},
        "publisher": {"@type": "Organization", "name": "Coast News"},
        "image": [f"https://example.org/images/harbour-{i}.jpg" for i in range(4)],
    }
)
PAGE_STATE = json.dumps(
    [{"id": i, "title": f"Story number {i}", "section": "news"} for i in range(9)]
)


def only_scripts() -> newsclean.Pipeline:
    return newsclean.DEFAULT_PIPELINE.only("script_text")


def test_a_scripts_data_goes_and_the_story_stays():
    raw = "\n".join([LINKED_DATA, BODY, PAGE_STATE, SECOND])
    result = only_scripts().run(raw)
    assert result.text == f"{BODY}\n\n{SECOND}"
    assert [c.code for c in result.changes] == ["scripts.data", "scripts.data"]
    assert result.changes[0].before == LINKED_DATA
    assert newsclean.clean(raw) == f"{BODY}\n\n{SECOND}"


def test_a_short_json_example_and_code_stay():
    example = json.dumps({"Logging": {"LogLevel": {"Default": "Warning"}}})  # a tutorial's
    code = "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}"
    raw = "\n\n".join([BODY, example, code, SECOND])
    assert only_scripts().run(raw).text == raw
    assert not only_scripts().run(raw).changes


def test_script_data_is_json_and_long():
    assert len(LINKED_DATA) >= DATA_MIN_CHARS and is_script_data(LINKED_DATA)
    assert is_script_data(f"  {PAGE_STATE}  ")
    assert not is_script_data(LINKED_DATA[:-1])  # broken
    assert not is_script_data("[" + BODY + " " + SECOND + "]")  # brackets around prose
    assert not is_script_data("{" + BODY * 5 + "}")
    deep = "[" * 100_000 + "]" * 100_000  # nested past what the parser reads: no crash
    assert not is_script_data(deep)


def test_a_web_pages_article_is_never_read_for_script_data():
    # the markup's scripts are gone before the DOM blocks are read: the step is the dumps'
    assert newsclean.DEFAULT_PIPELINE["script_text"].whole_page
    page = (
        f"<html><body><article><p>{BODY}</p><pre>{LINKED_DATA}</pre><p>{SECOND}</p>"
        "</article></body></html>"
    )
    assert not [c for c in newsclean.explain(page).changes if c.code.startswith("scripts.")]
