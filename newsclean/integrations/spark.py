"""Clean a Spark DataFrame column with a pandas UDF: Arrow batches, cleaned on the executors.

    from newsclean.integrations.spark import clean_udf

    df = df.withColumn("clean", clean_udf()("text"))

The executors need newsclean installed (`pip install newsclean` on every node, or ship it with
`spark-submit --py-files`); see docs/integrations.md.
"""

from __future__ import annotations

from typing import Any

from pyspark.sql.functions import pandas_udf

from .pandas import clean_series


def clean_udf() -> Any:
    """A pandas UDF, string column in, clean string column out (nulls stay null)."""
    return pandas_udf(clean_series, "string")
