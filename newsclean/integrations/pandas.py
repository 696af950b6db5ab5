"""Clean a pandas Series of texts: the building block of the Dask and Spark integrations.

df["text"] = clean_series(df["text"])
df["text"] = clean_series(df["text"], pipeline=DEFAULT_PIPELINE.without("units"))
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .. import Pipeline, clean


def clean_value(value: Any, pipeline: Pipeline | None = None) -> str | None:
    """One row: text (`str`, or `bytes` decoded as clean() decodes them) cleaned; a row that is
    not text, or that fails to clean, is null, and the other rows are still cleaned."""
    if not isinstance(value, (str, bytes, bytearray)):
        return None
    try:
        return clean(value, pipeline)
    except Exception:  # noqa: BLE001 - one bad row must not cost the column
        return None


def clean_series(texts: pd.Series, pipeline: Pipeline | None = None) -> pd.Series:
    """The texts cleaned (by `pipeline`, default the default one); missing values, and rows
    that are not text, are null."""
    return texts.map(clean_value, na_action="ignore", pipeline=pipeline)
