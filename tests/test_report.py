"""The HTML reports as files: escaped, self-contained, whole for big and empty inputs."""

from __future__ import annotations

import re
from pathlib import Path

from support.command import run_newsclean
from support.data import ROOT

import newsclean
from newsclean.report import Entry, eval_report_html, report_html, score_page, unmatched

PARAGRAPH = "The council approved the plan on Monday after a long debate in the chamber."


def report_of(raw: str, name: str = "doc") -> str:
    return report_html([Entry(name, newsclean.explain(raw))], newsclean.DEFAULT_PIPELINE.names)


def test_markup_in_the_input_shows_as_text():
    hostile = '<script>alert(1)</script> </div></li></ol></details> "quoted" & <b>bold</b>'
    page = report_of(f"ADVERTISEMENT\n\n{PARAGRAPH} {hostile}\n\n{hostile}", name="<i>x</i>")
    # the page's own one script, and no other
    assert page.count("<script>") == 1 and page.count("</script>") == 1
    assert "alert(1)" in page and "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;/div&gt;&lt;/li&gt;" in page
    assert "&lt;i&gt;x&lt;/i&gt;" in page and "<i>x</i>" not in page
    # the structure is intact: as many closing tags as opening ones
    for tag in ("details", "li", "ol", "div"):
        opened = len(re.findall(rf"<{tag}[\s>]", page))
        assert opened == page.count(f"</{tag}>"), tag


def test_a_filter_name_cannot_break_out_of_its_attribute_or_class():
    def evil(text: str) -> str:
        return text.replace("ADVERTISEMENT", "")

    evil.__name__ = 'x" onclick="alert(1)'
    pipeline = newsclean.DEFAULT_PIPELINE.without("ads").insert_after("unicode", evil)
    result = newsclean.explain(f"ADVERTISEMENT\n\n{PARAGRAPH}", pipeline=pipeline)
    page = report_html([Entry("doc", result)], pipeline.names)
    assert 'onclick="alert(1)' not in page
    assert "f-x--onclick--alert-1-" in page


def test_the_report_is_self_contained():
    page = report_of(f"ADVERTISEMENT\n\n{PARAGRAPH}\n\n![photo](https://example.com/a.png)")
    assert not re.search(
        r"""<(link|img|iframe|object|embed)\b|\b(src|href)\s*=|@import|url\(""", page
    )
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_each_block_shows_its_fate_and_the_legend_counts_them():
    page = report_of(f"ADVERTISEMENT\n\n{PARAGRAPH}\n\nShare this page")
    assert f'<li class="b kept">{PARAGRAPH}</li>' in page
    assert (
        '<li class="b removed f-ads" data-filter="ads" title="ads: ads.label: ad label"><del>ADVERTISEMENT</del>'
        in page
    )
    assert re.search(r'data-filter="ads"><span class=swatch></span>ads <b>2</b>', page)


def test_the_reason_code_of_each_change_is_shown():
    change = newsclean.Change("ads", "removed", "ad label", "ADVERTISEMENT", code="ads.label")
    result = newsclean.Result("", {}, [change], "ADVERTISEMENT")
    page = report_html([Entry("doc", result)])
    assert "<code>ads.label</code> <b>ads</b> ad label" in page
    assert 'title="ads: ads.label: ad label"' in page


def test_an_empty_input_and_no_input_give_a_whole_page():
    page = report_of("")
    assert "(empty input)" in page and "No metadata found." in page
    assert page.rstrip().endswith("</html>")
    assert "No documents." in report_html([])


def test_a_5_mb_input_is_reported_whole():
    line = "Breaking: the council voted on the riverside park plan in a long session today."
    raw = "\n\n".join(f"{line} {i}" if i % 10 else "ADVERTISEMENT" for i in range(65_000))
    assert len(raw) > 5_000_000
    result = newsclean.explain(raw)
    page = report_html([Entry("big", result)], newsclean.DEFAULT_PIPELINE.names)
    assert page.count("<li class=") == 65_000
    assert page.count("<del>ADVERTISEMENT</del>") == 6_500
    assert f"{line} 64999" in page and page.rstrip().endswith("</html>")


def test_unmatched_marks_the_words_the_other_side_lacks():
    gold = "one two three four five six seven eight"
    output = "one two three four five six seven eight nine ten eleven twelve"
    assert [output[a:b] for a, b in unmatched(output, gold)] == ["nine ten eleven twelve"]
    assert unmatched(gold, output) == []
    assert [gold[a:b] for a, b in unmatched(gold, "")] == [gold]


def test_the_evaluation_report_lists_pages_worst_first_with_marks():
    good = score_page("good", "text", PARAGRAPH, PARAGRAPH)
    bad = score_page("bad", "md", PARAGRAPH, "Subscribe now </pre><script>x</script> " + PARAGRAPH)
    page = eval_report_html([good, bad], "corpus")
    assert page.index('data-name="bad"') < page.index('data-name="good"')
    assert good.f1 == 1.0 and bad.precision < 1.0 and bad.recall == 1.0
    assert '<mark class=extra title="not in gold">Subscribe now &lt;/pre&gt;&lt;script&gt;x' in page
    assert "&lt;/pre&gt;&lt;script&gt;" in page
    assert page.count("<script>") == 1


def test_the_report_command_on_files_directories_and_jsonl(tmp_path: Path):
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(
        '{"url": "https://example.com/a", "text": "ADVERTISEMENT\\n\\n' + PARAGRAPH + '"}\n'
        "not json\n",
        encoding="utf-8",
    )
    target = tmp_path / "report.html"
    done = run_newsclean(
        "report",
        "fixtures/bbc_like/input.txt",
        "fixtures/html/article.html",
        "fixtures/de_news",
        "--glob",
        "input.txt",
        "--jsonl",
        str(jsonl),
        "-o",
        str(target),
    )
    assert done.returncode == 1  # the bad JSONL line
    page = target.read_text(encoding="utf-8")
    assert (
        page.count("<details class=doc ") == 5 - 1
        and page.count('<details class="doc failed"') == 1
    )
    assert "fixtures/de_news/input.txt" in page and "example.com/a" in page
    assert "A web page: the blocks below are the text taken from it" in page
    assert "not valid JSON" in done.stderr.decode()


def test_the_report_command_refuses_what_it_cannot_do(tmp_path: Path):
    done = run_newsclean("report", "no-such-file.txt", "-o", str(tmp_path / "r.html"))
    assert done.returncode == 2 and b"no-such-file.txt: no such file" in done.stderr
    assert not (tmp_path / "r.html").exists()
    done = run_newsclean("report", "fixtures/bbc_like/input.txt", "-o", str(tmp_path))
    assert done.returncode == 2 and b"is a directory" in done.stderr


def test_eval_writes_its_report_beside_the_table(tmp_path: Path):
    target = tmp_path / "eval.html"
    done = run_newsclean(
        "eval", str(ROOT / "tests" / "data" / "eval_corpus"), "--report", str(target)
    )
    assert done.returncode == 0 and b"| text |" in done.stdout
    page = target.read_text(encoding="utf-8")
    assert page.count("<details class=page ") == 3
    assert "<mark class=missing" in page
