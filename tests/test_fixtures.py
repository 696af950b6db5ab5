"""Every folder in fixtures/ holds a synthetic dump (input.txt) and its exact clean text."""

from pathlib import Path

import pytest
from support.data import FIXTURES

import newsclean

CASES = sorted(p for p in FIXTURES.iterdir() if (p / "expected.txt").exists())


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_fixture_cleans_exactly(case: Path):
    raw = (case / "input.txt").read_text(encoding="utf-8")
    expected = (case / "expected.txt").read_text(encoding="utf-8").strip()
    assert newsclean.clean(raw) == expected


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_fixture_is_idempotent(case: Path):
    once = newsclean.clean((case / "input.txt").read_text(encoding="utf-8"))
    assert newsclean.clean(once) == once


def test_there_are_fixtures():
    assert len(CASES) >= 1
