"""Where the tests' inputs are, the fixture most tests clean, and phrase folders written for a
test."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent  # the checkout
FIXTURES = ROOT / "fixtures"
TEST_DATA = ROOT / "tests" / "data"
# the project's shared test data (the seed dump): beside the checkout, or where NEWSCLEAN_SHARED
# says (a git worktree elsewhere, say)
SHARED = Path(os.environ.get("NEWSCLEAN_SHARED", ROOT.parent / "shared"))

# the BBC-like dump and its exact clean text
FIXTURE = FIXTURES / "bbc_like"
RAW = (FIXTURE / "input.txt").read_text(encoding="utf-8")
EXPECTED = (FIXTURE / "expected.txt").read_text(encoding="utf-8").strip()


def write_phrases(folder: Path, text: str, name: str = "mine.txt") -> Path:
    """A phrase folder holding one file of `text`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder
