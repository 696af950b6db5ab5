"""One metadata schema (issue #15): dumps and pages give the same keys, each declared with its
type in newsclean.metadata.FIELDS, and every fact a page states about itself (headline, byline,
date, outlet, address, wire dateline) lands in the metadata, never silently deleted."""

import re
from pathlib import Path

import pytest

import newsclean
from newsclean.document import Document
from newsclean.metadata import FIELDS, Metadata

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
DATA = Path(__file__).resolve().parent / "data"

P1 = (
    "The harbour council voted on Tuesday to restore the old lighthouse, which has stood dark "
    "since 1987, after a campaign by residents that lasted more than ten years."
)
P2 = (
    "Work will start in the spring and should take two years, the council said, with the lamp "
    "lit again in time for the town's regatta in the summer of 2027."
)
BODY = f"{P1}\n\n{P2}"
TITLE = "Harbour town votes to restore its old lighthouse"
MENU = "Home\n\nNews\n\nSport"


def moved(result: newsclean.Result) -> list[tuple[str, str, str]]:
    return [(c.before, c.code, c.reason) for c in result.changes if c.action == "metadata"]


# -- the schema ----------------------------------------------------------------------------


def test_the_schema_declares_each_key_with_its_type():
    assert FIELDS == {
        "title": str,
        "author": str,
        "date": str,
        "dateline": str,
        "sitename": str,
        "url": str,
        "language": str,
        "page_type": str,
        "page_type_confidence": float,
        "credits": str,
    }


def test_an_undeclared_key_is_refused():
    doc = Document.from_text("By Ann Lee\n\nA line.")
    with pytest.raises(ValueError, match="'byline' is not a metadata key; the keys are title"):
        doc.to_meta(0, "byline", "By Ann Lee", "byline")
    with pytest.raises(ValueError, match="'source' is not a metadata key"):
        doc.meta["source"] = "City Weekly"
    with pytest.raises(ValueError, match="not a metadata key"):
        doc.meta.setdefault("article_region", "blocks 1-2 of 2")
    with pytest.raises(ValueError, match="not a metadata key"):
        doc.meta.update({"headline": "x"})
    assert doc.meta == {} and not doc.is_marked(0)


def test_a_value_of_another_type_is_refused():
    with pytest.raises(ValueError, match="'page_type_confidence' is a float, not str"):
        Metadata(page_type_confidence="0.8")
    with pytest.raises(ValueError, match="'title' is a str, not int"):
        Metadata({"title": 3})
    assert Metadata(title="T", page_type_confidence=0.5) == {
        "title": "T",
        "page_type_confidence": 0.5,
    }


def test_a_custom_step_writing_an_undeclared_key_fails_clearly():
    @newsclean.step
    def tagger(doc):
        """tag the page"""
        doc.meta["my_tag"] = "x"

    with pytest.raises(ValueError, match="'my_tag' is not a metadata key"):
        newsclean.explain(BODY, newsclean.DEFAULT_PIPELINE.insert_after("ads", tagger))


def test_docs_list_exactly_the_declared_keys_with_their_types():
    doc = (ROOT / "docs" / "metadata.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(\w+)` \| `(\w+)` \|", doc, re.M))
    assert rows == {name: kind.__name__ for name, kind in FIELDS.items()}
    assert "docs/metadata.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def every_input() -> list[str | bytes]:
    dumps = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*/input.txt"))]
    dumps += [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.md"))]
    return dumps + [p.read_bytes() for p in sorted((FIXTURES / "html").glob("*.html"))]


def test_every_key_any_fixture_gives_is_declared_with_its_type():
    seen: set[str] = set()
    for raw in every_input():
        meta = newsclean.explain(raw).meta
        for name, value in meta.items():
            assert isinstance(value, FIELDS[name]), (name, value)
        seen |= set(meta)
    assert "article_region" not in seen
    # the fixtures between them state every fact the schema has
    assert seen == set(FIELDS)


# -- the same keys from a page and from its dump ----------------------------------------------

PAGE = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<title>{TITLE} | The Harbour Post</title>
<meta property="og:site_name" content="The Harbour Post">
<meta name="author" content="Anna Berg">
<meta property="article:published_time" content="2024-03-12T09:30:00Z">
<link rel="canonical" href="https://post.example/news/lighthouse">
</head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>{TITLE}</h1>
<p>By Anna Berg</p>
<p>{P1}</p>
<p>{P2}</p>
<p>{P1.replace("Tuesday", "Monday")}</p>
<p>{P2.replace("spring", "autumn")}</p>
<p>{P1.replace("harbour", "county")}</p>
</article>
</body>
</html>"""

# the same page as a reader service gives it
DUMP = f"""Title: {TITLE} | The Harbour Post

URL Source: https://post.example/news/lighthouse

Published Time: 2024-03-12T09:30:00Z

Markdown Content:
[Home](/) [News](/news)

# {TITLE}

By Anna Berg

The Harbour Post

{P1}

{P2}

{P1.replace("Tuesday", "Monday")}

{P2.replace("spring", "autumn")}

{P1.replace("harbour", "county")}"""


def test_a_page_and_its_dump_give_the_same_keys():
    page, dump = newsclean.explain(PAGE), newsclean.explain(DUMP)
    assert page.text == dump.text
    assert set(page.meta) == set(dump.meta) == set(FIELDS) - {"dateline", "credits"}
    assert page.meta["language"] == dump.meta["language"] == "en"  # en-GB: its language's code
    assert page.meta["url"] == dump.meta["url"] == "https://post.example/news/lighthouse"
    assert page.meta["author"] == dump.meta["author"] == "Anna Berg"
    assert page.meta["sitename"] == dump.meta["sitename"] == "The Harbour Post"
    assert page.meta["date"] == "2024-03-12"  # the markup's ISO date
    assert dump.meta["date"] == "2024-03-12T09:30:00Z"  # as the reader's header gives it


def test_a_page_without_the_describe_step_is_not_described():
    meta = newsclean.explain(PAGE, newsclean.DEFAULT_PIPELINE.without("describe")).meta
    assert "page_type" not in meta and meta["language"] == "en"


# -- every fact the page states lands in the metadata ----------------------------------------


def test_a_headline_byline_and_date_without_markup_go_to_metadata():
    raw = (
        f"{MENU}\n\n{TITLE}\n\nBy Anna Berg\n\n12 March 2024\n\n{BODY}\n\nMost read\n\nOther story"
    )
    result = newsclean.explain(raw)
    assert result.text == BODY
    assert result.meta == {
        "language": "en",
        "title": TITLE,
        "author": "Anna Berg",
        "date": "12 March 2024",
    }
    assert moved(result) == [
        (TITLE, "furniture.title_above_byline", "title: the line above the byline"),
        ("By Anna Berg", "furniture.byline", "author: byline"),
        ("12 March 2024", "furniture.dateline", "date: date line or section footer"),
    ]
    assert [c.before for c in result.removed if c.action == "removed"] == [
        "Home",
        "News",
        "Sport",
        "Most read",
        "Other story",
    ]


def test_an_unmarked_headline_above_a_date_is_the_title():
    result = newsclean.explain(f"{MENU}\n\n{TITLE}\n\nPublished 12 March 2024\n\n{BODY}")
    assert result.text == BODY
    assert result.meta == {"language": "en", "title": TITLE, "date": "Published 12 March 2024"}
    assert moved(result)[0] == (
        TITLE,
        "furniture.title_above_date",
        "title: the line above the date",
    )


@pytest.mark.parametrize(
    "date",
    [
        "5 mars 2026",  # French, Swedish: a month in lower case after the day
        "12 de marzo de 2026",  # Spanish, Portuguese
        "5 грудня 2026",  # Ukrainian, in the genitive
        "5 Δεκεμβρίου 2026",  # Greek
        "marzo 2026",  # before the year
    ],
)
def test_a_date_line_in_another_language_is_the_date(date: str):
    result = newsclean.explain(f"{MENU}\n\n{TITLE}\n\nBy Anna Berg\n\n{date}\n\n{BODY}")
    assert result.text == BODY
    assert result.meta["date"] == date


def test_a_dates_file_with_an_unknown_section_is_an_error():
    from newsclean.kinds import DATE_SECTIONS
    from newsclean.phrases import PhraseError, sections_of

    dates = "[names]\nmai # May\n[labels]\npublié"
    assert sections_of(dates, DATE_SECTIONS, "d") == {"names": ["mai"], "labels": ["publié"]}
    with pytest.raises(PhraseError, match=r"d, line 3: unknown section \[label\]"):
        sections_of("[names]\nmai\n[label]\npublié", DATE_SECTIONS, "d")


@pytest.mark.parametrize("line", ["Comments (5 posted)", "You may 2 times"])
def test_a_label_or_a_word_in_lower_case_beside_a_number_is_no_date(line: str):
    """A label ("posted") counts as a date's word only written as a name; a month's name in
    lower case only after a number and before a year ("may 2" is not one)."""
    from newsclean.kinds import is_dateline

    assert not is_dateline(line)


def test_a_byline_and_outlet_without_a_headline_go_to_metadata():
    result = newsclean.explain(
        f"{MENU}\n\nLocal News\n\nBy Anna Berg\n\nThe Harbour Post\n\n{BODY}"
    )
    assert result.text == BODY
    # "Local News" is too short to be taken for the title: it goes, as page furniture
    assert result.meta == {"language": "en", "author": "Anna Berg", "sitename": "The Harbour Post"}


def test_a_headline_with_share_buttons_under_it_is_still_the_headline():
    raw = f"# {TITLE}\n\nBy Anna Berg\n\nUpdated 12 March 2024\n\nFacebook\n\nTwitter\n\nEmail\n\nLink Copied!\n\n{BODY}"
    result = newsclean.explain(raw)
    assert result.text == BODY
    assert result.meta == {
        "language": "en",
        "title": TITLE,
        "author": "Anna Berg",
        "date": "Updated 12 March 2024",
    }


def test_a_reader_header_goes_to_metadata_and_out_of_the_body():
    raw = (
        f"Title: {TITLE}\n\nURL Source: https://post.example/news/lighthouse\n\n"
        f"Published Time: 2024-03-12T09:30:00Z\n\nMarkdown Content:\n{BODY}"
    )
    result = newsclean.explain(raw)
    assert result.text == BODY
    assert result.meta == {
        "title": TITLE,
        "url": "https://post.example/news/lighthouse",
        "date": "2024-03-12T09:30:00Z",
        "language": "en",
    }
    assert [(c.action, c.code, c.reason) for c in result.changes] == [
        ("metadata", "furniture.reader_header", "title: reader's header"),
        ("metadata", "furniture.reader_header", "url: reader's header"),
        ("metadata", "furniture.reader_header", "date: reader's header"),
        ("removed", "furniture.reader_note", "reader's header line"),
    ]


def test_a_reader_header_needs_its_url_source():
    # a dump that opens with "Title:" is not a reader's header without its "URL Source:"
    raw = f"Title: The Tempest\n\n{BODY}"
    assert newsclean.explain(raw).meta.get("url") is None
    assert "title" not in newsclean.explain(raw).meta


def test_a_setext_headline_goes_to_the_title():
    result = newsclean.explain(f"{TITLE}\n{'=' * len(TITLE)}\n\nBy Anna Berg\n\n{BODY}")
    assert result.text == BODY
    assert result.meta == {"title": TITLE, "language": "en", "author": "Anna Berg"}
    assert [(c.action, c.code) for c in result.changes] == [
        ("metadata", "furniture.headline"),
        ("removed", "furniture.headline_rule"),
        ("metadata", "furniture.byline"),
    ]


def test_the_wire_dateline_of_the_ap_fixture_lands_in_the_metadata():
    result = newsclean.explain((FIXTURES / "ap_wire" / "input.txt").read_text(encoding="utf-8"))
    assert result.meta["dateline"] == "MEMPHIS, Tenn. (AP)"
    assert result.meta["date"] == "Published 3:18 PM CDT, October 16, 2024"
    assert result.meta["author"] == "JOHN CARVER and MARIA LOPEZ"
    assert result.meta["sitename"] == "Associated Press"  # under the byline: the outlet
    assert result.text.startswith("The Mississippi River dropped")


def test_a_wire_dateline_after_a_date_line_keeps_both():
    raw = f"October 5, 2024 4:12 PM GMT+1\n\nLONDON, Oct 5 (Reuters) - {BODY}"
    result = newsclean.explain(raw)
    assert result.text == BODY
    assert result.meta["date"] == "October 5, 2024 4:12 PM GMT+1"
    assert result.meta["dateline"] == "LONDON, Oct 5 (Reuters)"


def test_an_agency_under_a_byline_is_the_outlet_and_elsewhere_a_photo_credit():
    result = newsclean.explain(f"By Anna Berg\n\nReuters\n\n{P1}\n\nReuters\n\n{P2}")
    assert result.text == BODY
    assert result.meta["sitename"] == "Reuters"
    assert [(c.before, c.code) for c in result.removed] == [
        ("Reuters", "media.credit"),  # the media step runs before furniture
        ("By Anna Berg", "furniture.byline"),
        ("Reuters", "furniture.source"),
    ]
