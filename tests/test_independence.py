"""Filters do not lean on one another: each can be dropped and the rest still do their own job.

Two checks. The import graph: no filter module imports another filter module (what two filters
both need is a block fact, in a module of its own). The behaviour: on every fixture, with each
step left out in turn, every block that another filter removed in the full run is still gone.
The article finder's own removals are left out of the second check: where the article begins
and ends depends on what the steps before it handed over, which is the point of a pipeline."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import newsclean
from newsclean import DEFAULT_PIPELINE

ROOT = Path(__file__).resolve().parent.parent
FILTERS = ROOT / "newsclean" / "filters"
FILTER_MODULES = sorted(p.stem for p in FILTERS.glob("*.py") if p.stem != "__init__")
FIXTURE_INPUTS = sorted((ROOT / "fixtures").glob("*/input.txt"))


def imported_filter_modules(path: Path) -> set[str]:
    """The filter modules a filter module imports (`from .ads import ...`, `from . import ads`,
    `from newsclean.filters.ads import ...`)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom):
            continue
        module = node.module or ""
        if node.level == 1:  # from .x import ... / from . import x
            names = [module] if module else [a.name for a in node.names]
        elif module.startswith("newsclean.filters"):
            names = [
                module.removeprefix("newsclean.filters").lstrip(".") or a.name for a in node.names
            ]
        else:
            continue
        found.update(n.split(".")[0] for n in names if n.split(".")[0] in FILTER_MODULES)
    return found


@pytest.mark.parametrize("module", FILTER_MODULES)
def test_no_filter_imports_another_filter(module: str):
    assert imported_filter_modules(FILTERS / f"{module}.py") - {module} == set()


def test_the_import_check_sees_a_filter_importing_another(tmp_path: Path):
    sample = tmp_path / "sample.py"
    sample.write_text("from .ads import ad_label\nfrom ..text import key\nfrom . import media\n")
    assert imported_filter_modules(sample) == {"ads", "media"}


@pytest.mark.parametrize("step", DEFAULT_PIPELINE.names)
def test_each_step_can_be_dropped_and_the_others_still_do_their_job(step: str):
    pipeline = DEFAULT_PIPELINE.without(step)
    checked = 0
    for path in FIXTURE_INPUTS:
        raw = path.read_text(encoding="utf-8")
        kept = set(newsclean.clean(raw, pipeline).split("\n\n"))
        for change in newsclean.explain(raw).changes:
            if change.action != "removed" or change.filter in (step, "article"):
                continue
            checked += 1
            assert change.before.strip() not in kept, (
                f"{path.parent.name}: without {step}, {change.filter} no longer removes "
                f"{change.before[:60]!r} ({change.code})"
            )
    assert checked > 20  # the fixtures hold debris for the other filters to remove


def test_without_the_ads_step_ads_outside_the_article_still_go():
    raw = (ROOT / "fixtures" / "bbc_like" / "input.txt").read_text(encoding="utf-8")
    assert "\nADVERTISEMENT\n" in raw and "\nShare this page\n" in raw
    for step in ("ads", "media"):
        kept = newsclean.clean(raw, DEFAULT_PIPELINE.without(step)).split("\n\n")
        assert "ADVERTISEMENT" not in kept and "Share this page" not in kept, step
