"""newsclean inside other engines: Scrapy, Dask, Spark and datatrove.

Each module imports its engine only when used; install it with the matching extra, e.g.
`pip install 'newsclean[dask]'`. See docs/integrations.md for runnable examples.

Each takes a `Pipeline` (its steps and its `Config`; default: the default pipeline): the
pandas, Dask and Spark functions as `pipeline=`, the datatrove step as a constructor argument,
the Scrapy item pipeline from the settings `NEWSCLEAN_CONFIG` (a TOML file) and
`NEWSCLEAN_WITHOUT` (step names). The pipeline is shipped to the workers with the task.
"""

from __future__ import annotations

from .. import Pipeline, explain


def metadata(text: str | bytes, pipeline: Pipeline | None = None) -> tuple[str, dict]:
    """The clean text, and what the engines store beside it: the metadata found and the number
    of blocks each filter removed."""
    result = explain(text, pipeline)
    return result.text, {"meta": result.meta, "removed": dict(result.counts())}
