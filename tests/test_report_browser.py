"""The HTML reports in a real headless Chromium, as a person sees them: loaded from disk, the
kept text shown, a removal struck through with its reason, one filter's blocks on a click, the
evaluation's pages sorted, and no network request at all.

Skipped, with the reason, only where no chromium is installed (.ci/run installs Debian's) or
websocket-client is missing. With NEWSCLEAN_UPDATE_DOCS=1 the screenshot goes to
docs/report.png.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.browser import Browser, find_chromium
from support.command import run_newsclean
from support.data import ROOT

BBC = "fixtures/bbc_like/input.txt"  # relative to the checkout, where the command runs
KEPT = "A council has approved plans for a riverside park"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = find_chromium()
    if executable is None:
        pytest.skip("no chromium on this machine (.ci/run installs it: apt-get install chromium)")
    try:
        import websocket  # noqa: F401
    except ImportError:
        pytest.skip("websocket-client is not installed (pip install -e '.[test]')")
    session = Browser(executable)
    try:
        yield session
    finally:
        session.close()


def make_report(tmp_path: Path, *args: str) -> Path:
    target = tmp_path / "report.html"
    done = run_newsclean(*args, "-o", str(target))
    assert done.returncode == 0, done.stderr.decode()
    return target


def only_local(urls: list[str]) -> list[str]:
    return [u for u in urls if not u.startswith(("file://", "data:", "about:"))]


def test_the_report_shows_kept_text_and_struck_removals_with_reasons(browser, tmp_path):
    report = make_report(tmp_path, "report", BBC)
    browser.load(report, height=700)
    assert browser.js("document.querySelector('details.doc').open") is False  # collapsed
    assert KEPT not in browser.js("document.body.innerText")
    browser.js("document.querySelector('details.doc > summary').click()")
    assert KEPT in browser.js("document.body.innerText")

    removal = browser.js(
        """(() => {
        const li = [...document.querySelectorAll('li.b.removed')]
            .find(li => li.querySelector('del').textContent === 'ADVERTISEMENT');
        const del = li.querySelector('del');
        return {line: getComputedStyle(del).textDecorationLine,
                why: li.querySelector('.why').innerText, title: li.title,
                tint: getComputedStyle(li).backgroundColor,
                shown: li.getBoundingClientRect().height > 0};
        })()"""
    )
    assert "line-through" in removal["line"]
    assert removal["why"] == "article.after article after the article (ad label)"
    assert removal["title"] == "article: article.after: after the article (ad label)"
    assert removal["shown"] and removal["tint"] != "rgba(0, 0, 0, 0)"
    kept = browser.js(
        f"""(() => {{ const li = [...document.querySelectorAll('li.b.kept')]
            .find(li => li.textContent.startsWith({KEPT!r}));
            return getComputedStyle(li).textDecorationLine; }})()"""
    )
    assert kept == "none"
    rewrite = browser.js("document.querySelector('li.b.rewrote ins').innerText")
    assert "3km (2 miles)" in rewrite
    assert only_local(browser.requests()) == []

    screenshot = tmp_path / "report.png"
    browser.screenshot(screenshot)
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("NEWSCLEAN_UPDATE_DOCS"):
        shutil.copy(screenshot, ROOT / "docs" / "report.png")


def test_a_click_on_a_filter_shows_only_its_blocks(browser, tmp_path):
    report = make_report(tmp_path, "report", BBC, "fixtures/wire_story")
    browser.load(report)
    legend = browser.js("document.querySelector('.legend button[data-filter=\"ads\"] b').innerText")
    browser.js("document.querySelector('.legend button[data-filter=\"ads\"]').click()")
    shown = browser.js(
        """[...document.querySelectorAll('li.b')]
            .filter(li => li.getBoundingClientRect().height > 0)
            .map(li => li.dataset.filter || 'kept')"""
    )
    assert shown and set(shown) == {"ads"}
    assert len(shown) == int(legend)
    browser.js("document.querySelector('.legend button.all').click()")
    kinds = browser.js(
        """new Set([...document.querySelectorAll('li.b')]
            .filter(li => li.getBoundingClientRect().height > 0)
            .map(li => li.classList[1])).size"""
    )
    assert kinds >= 3  # kept, removed, metadata... all back


def test_the_evaluation_report_sorts_pages_and_marks_missing_text(browser, tmp_path):
    target = tmp_path / "eval.html"
    done = run_newsclean(
        "eval", str(ROOT / "tests" / "data" / "eval_corpus"), "--report", str(target)
    )
    assert done.returncode == 0, done.stderr.decode()
    browser.load(target)
    f1 = "[...document.querySelectorAll('details.page')].map(d => parseFloat(d.dataset.f1))"
    worst_first = browser.js(f1)
    assert worst_first == sorted(worst_first) and worst_first[0] < worst_first[-1]
    browser.js("document.querySelector('.pagehead button[data-sort=\"f1\"]').click()")
    assert browser.js(f1) == sorted(worst_first, reverse=True)
    browser.js("document.querySelector('.pagehead button[data-sort=\"f1\"]').click()")
    browser.js("document.querySelector('details.page > summary').click()")
    missing = browser.js("document.querySelector('details.page[open] mark.missing').innerText")
    assert missing.strip()
    assert only_local(browser.requests()) == []


def test_the_no_request_check_sees_a_request_when_a_page_makes_one(browser, tmp_path):
    # the check above must be able to fail: a page that loads an image from the network
    page = tmp_path / "leaky.html"
    page.write_text('<!DOCTYPE html><img src="http://127.0.0.1:9/pixel.png"><p>hello</p>')
    browser.load(page)
    assert only_local(browser.requests()) == ["http://127.0.0.1:9/pixel.png"]
