"""Clean a pandas Series of texts: the building block of the Dask and Spark integrations.

df["text"] = clean_series(df["text"])
"""

from __future__ import annotations

import pandas as pd

from .. import clean


def clean_series(texts: pd.Series) -> pd.Series:
    """The texts cleaned; missing values stay missing."""
    return texts.map(clean, na_action="ignore")
