"""The examples in the README and docs/*.md run as written: every ```python block, in order, the
blocks of one page sharing their names. A block with `>>>` lines is a doctest (its output is
checked); any other block is run as a script. A block may be left out only with its reason, in
an HTML comment on the line before it: `<!-- not run: needs a Spark cluster and Java -->`.

The names the examples take as given (`raw`, `page_html`, `dumps`, ...) are set up here, and
each page runs in a folder holding the files they open (`page.html`, `crawl/`)."""

from __future__ import annotations

import doctest
import json
import re
import shutil
from pathlib import Path

import pytest
from support.data import RAW, ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(
    r"^(?:<!-- not run: (?P<skip>[^\n]*?) -->\n)?```python\n(?P<code>.*?)^```", re.S | re.M
)
PAGE = ROOT / "fixtures" / "html" / "article.html"


def blocks(page: Path) -> list[tuple[str, str | None]]:
    return [(m["code"], m["skip"]) for m in BLOCK.finditer(page.read_text(encoding="utf-8"))]


def given_names() -> dict[str, object]:
    return {"raw": RAW, "raw_dump": RAW, "dumps": [RAW, "A line."], "page_html": PAGE.read_text()}


def workspace(folder: Path) -> None:
    """The files the examples open: a page, the example config and phrase folder, a crawl
    folder of JSONL, a JSONL file."""
    shutil.copy(PAGE, folder / "page.html")
    shutil.copytree(ROOT / "fixtures" / "config", folder / "fixtures" / "config")
    shutil.copytree(ROOT / "fixtures" / "config" / "phrases", folder / "my-phrases")
    (folder / "crawl").mkdir()
    record = json.dumps({"id": "a", "text": RAW}) + "\n"
    (folder / "crawl" / "part-0.jsonl").write_text(record, encoding="utf-8")
    (folder / "crawl.jsonl").write_text(record, encoding="utf-8")


@pytest.mark.parametrize("page", [p for p in PAGES if blocks(p)], ids=lambda p: p.name)
def test_the_examples_run_as_written(page: Path, tmp_path: Path, monkeypatch):
    workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    globs = given_names()
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for number, (code, skip) in enumerate(blocks(page), 1):
        name = f"{page.name} block {number}"
        if skip is not None:
            assert skip.strip(), f"{name}: say why it is not run"
            continue
        if ">>>" in code:
            test = parser.get_doctest(code, globs, name, str(page), 0)
            runner.run(test, clear_globs=False)
            globs.update(test.globs)  # a DocTest works on a copy of the names it is given
        else:
            exec(compile(code, name, "exec"), globs)  # noqa: S102 - the documentation's own code
    assert runner.summarize(verbose=False).failed == 0


def test_every_block_that_is_not_run_says_why():
    skipped = [(p.name, why) for p in PAGES for _, why in blocks(p) if why is not None]
    assert all(why.strip() for _, why in skipped)
    # only engines and services outside the test environment are left out
    assert len(skipped) <= 4, skipped
