"""Integrations on uneven data (issue #14): a row that is not text gets a null, the others are
cleaned; bytes are cleaned as clean() cleans them. (Spark's, which needs its one local
session, is in test_integrations.py.)"""

from __future__ import annotations

import pytest
from support.data import EXPECTED, RAW


def test_clean_series_with_an_int_row_cleans_the_others():
    pd = pytest.importorskip("pandas")
    from newsclean.integrations.pandas import clean_series

    out = clean_series(pd.Series([RAW, 42, None, b"A line in bytes.", ["a", "list"]]))
    assert out[0] == EXPECTED
    assert pd.isna(out[1]) and pd.isna(out[2]) and pd.isna(out[4])
    assert out[3] == "A line in bytes."


def test_scrapy_pipeline_cleans_bytes_fields():
    pytest.importorskip("scrapy")
    from newsclean.integrations.scrapy import NewscleanPipeline

    item = NewscleanPipeline("body").process_item({"body": RAW.encode("utf-8")})
    assert item == {"body": EXPECTED}
    assert NewscleanPipeline("body").process_item({"body": 7}) == {"body": 7}


def test_dask_bag_and_column_on_uneven_rows():
    pytest.importorskip("dask")
    import dask
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    from newsclean.integrations.dask import clean_bag, clean_column

    with dask.config.set({"scheduler": "threads", "dataframe.convert-string": False}):
        texts = clean_bag(db.from_sequence([RAW, 3, None, "A line."], npartitions=2)).compute()
        assert texts == [EXPECTED, None, None, "A line."]
        records = [{"text": RAW}, {"text": 3.5}, {"text": None}, {"id": 1}]
        got = clean_bag(db.from_sequence(records, npartitions=2), field="text").compute()
        assert got == [{"text": EXPECTED}, {"text": None}, {"text": None}, {"id": 1}]
        frame = pd.DataFrame({"text": pd.Series([RAW, 9, None, "A line."], dtype=object)})
        out = clean_column(dd.from_pandas(frame, npartitions=2), "text").compute()
        assert out["text"][0] == EXPECTED and pd.isna(out["text"][1])
        assert pd.isna(out["text"][2]) and out["text"][3] == "A line."
