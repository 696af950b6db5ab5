"""newsclean inside other engines: Scrapy, Dask, Spark and datatrove.

Each module imports its engine only when used; install it with the matching extra, e.g.
`pip install 'newsclean[dask]'`. See docs/integrations.md for runnable examples.
"""

from __future__ import annotations

from .. import explain


def metadata(text: str) -> tuple[str, dict]:
    """The clean text, and what the engines store beside it: the metadata found and the number
    of blocks each filter removed."""
    result = explain(text)
    return result.text, {"meta": result.meta, "removed": dict(result.counts())}
