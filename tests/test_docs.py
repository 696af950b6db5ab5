"""The examples in the README and docs/*.md run as written: every ```python block with `>>>`
lines is a doctest, the blocks of one file sharing their names in order."""

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


@pytest.mark.parametrize("page", [p for p in PAGES if ">>>" in p.read_text()], ids=lambda p: p.name)
def test_the_examples_run_as_written(page):
    blocks = [b for b in BLOCK.findall(page.read_text(encoding="utf-8")) if ">>>" in b]
    globs: dict[str, object] = {}
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for number, block in enumerate(blocks, 1):
        test = parser.get_doctest(block, globs, f"{page.name} block {number}", str(page), 0)
        runner.run(test, clear_globs=False)
        globs.update(test.globs)  # a DocTest works on a copy of the names it is given
    assert runner.summarize(verbose=False).failed == 0
