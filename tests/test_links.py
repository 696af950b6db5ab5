"""The link_blocks filter: link bars and link lists go, a sentence with links in it stays. (The
quick test in front of the link-line pattern is checked beside the credit patterns', in
test_media.py.)"""

from __future__ import annotations

from support.texts import BODY, SECOND

import newsclean


def test_link_bar_goes_but_a_sentence_with_links_stays():
    bar = (
        "[About](https://x.example/a) | [Jobs](https://x.example/j) | [Contact](https://x.example)"
    )
    assert newsclean.clean(f"{BODY}\n\n{bar}") == BODY
    prose = (
        "The [council](https://x.example/c) and the [river trust](https://x.example/t) agreed"
        " the plan with [engineers](https://x.eg/e) after a long and difficult winter of talks."
    )
    assert newsclean.clean(prose) == (
        "The council and the river trust agreed the plan with engineers after a long and"
        " difficult winter of talks."
    )


def test_a_related_heading_takes_the_lines_under_it_unless_told_not_to():
    raw = f"{BODY}\n\nRelated\n\nBridge closed for repairs\n\nFerry fares to rise\n\n{SECOND}"
    assert newsclean.clean(raw) == f"{BODY}\n\n{SECOND}"
    heading_only = newsclean.DEFAULT_PIPELINE.configure(links={"heading_takes_lines": False})
    assert newsclean.clean(raw, heading_only) == (
        f"{BODY}\n\nBridge closed for repairs\n\nFerry fares to rise\n\n{SECOND}"
    )
