"""Clean a Spark DataFrame column with a pandas UDF: Arrow batches, cleaned on the executors.

    from newsclean.integrations.spark import clean_udf

    df = df.withColumn("clean", clean_udf()("text"))
    df = df.withColumn("clean", clean_udf(DEFAULT_PIPELINE.without("units"))("text"))

The executors need newsclean installed (`pip install newsclean` on every node, or ship it with
`spark-submit --py-files`); see docs/integrations.md.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from pyspark.sql.functions import pandas_udf

from .. import Pipeline
from .pandas import clean_series


def clean_udf(pipeline: Pipeline | None = None) -> Any:
    """A pandas UDF, string column in, clean string column out (nulls stay null), cleaned by
    `pipeline` (default: the default one), which is shipped to the executors with the UDF."""

    def clean_texts(texts: pd.Series) -> pd.Series:
        cleaned = clean_series(texts, pipeline)
        # a column of numbers comes back as numbers' nulls (NaN, float64), which Arrow cannot
        # turn into a string column: nulls as None, in an object column, whatever came in
        return cleaned.astype(object).where(cleaned.notna(), None)

    return pandas_udf(clean_texts, "string")
