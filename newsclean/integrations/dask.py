"""Clean text in Dask collections: a bag of strings or records, or a dataframe column.

    import dask.bag as db
    from newsclean.integrations.dask import clean_bag, clean_column

    clean_bag(db.from_sequence(texts, npartitions=8))     # a bag of texts
    clean_bag(records, field="text")                      # a bag of dicts
    clean_column(ddf, "text")                             # a dataframe column
    clean_column(ddf, "text", pipeline=DEFAULT_PIPELINE.without("units"))

Each partition is cleaned by the worker that holds it; nothing is gathered on the client.
"""

from __future__ import annotations

from typing import Any

from .. import Pipeline
from .pandas import clean_series, clean_value


def clean_bag(bag: Any, field: str | None = None, pipeline: Pipeline | None = None) -> Any:
    """A bag of texts cleaned (by `pipeline`, default the default one), or, with `field`, a bag
    of dicts with that field cleaned. A value that is not text (or fails to clean) becomes
    None; the others are cleaned."""
    if field is None:
        return bag.map(clean_value, pipeline=pipeline)
    return bag.map(clean_record, field, pipeline=pipeline)


def clean_record(record: dict, field: str, pipeline: Pipeline | None = None) -> dict:
    value = record.get(field)
    if field not in record:
        return record
    return {**record, field: clean_value(value, pipeline)}


def clean_column(
    df: Any, column: str = "text", output: str | None = None, pipeline: Pipeline | None = None
) -> Any:
    """A Dask (or pandas) dataframe with `column` cleaned into `output` (default: in place), by
    `pipeline` (default: the default one)."""
    cleaned = df[column].map_partitions(
        clean_series, pipeline=pipeline, meta=(output or column, df[column].dtype)
    )
    return df.assign(**{output or column: cleaned})
