"""Each integration run for real: a Scrapy crawl of a local file, a Dask LocalCluster, Spark in
local mode (when pyspark and Java are installed), a datatrove executor, and pandas."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from support.data import EXPECTED, FIXTURE, RAW, ROOT
from support.texts import PROSE, WITH_AD

import newsclean

META = {"meta": newsclean.explain(RAW).meta, "removed": dict(newsclean.explain(RAW).counts())}
# a custom pipeline must reach each engine: without the ads step, the ad label stays (no other
# step removes it: see test_config.test_the_ad_case_isolates_the_ads_step)
NO_ADS = newsclean.DEFAULT_PIPELINE.without("ads")


def test_the_custom_pipeline_case():
    assert newsclean.clean(WITH_AD) == PROSE
    assert newsclean.clean(WITH_AD, NO_ADS) == WITH_AD


def test_pandas_series_is_cleaned_and_missing_values_stay_missing():
    pd = pytest.importorskip("pandas")
    from newsclean.integrations.pandas import clean_series

    out = clean_series(pd.Series([RAW, None, "A line."]))
    assert out[0] == EXPECTED
    assert pd.isna(out[1])
    assert out[2] == "A line."


def test_pandas_series_is_cleaned_with_the_pipeline_given():
    pd = pytest.importorskip("pandas")
    from newsclean.integrations.pandas import clean_series

    assert list(clean_series(pd.Series([WITH_AD]))) == [PROSE]
    assert list(clean_series(pd.Series([WITH_AD]), pipeline=NO_ADS)) == [WITH_AD]


def test_scrapy_settings_choose_the_pipeline(tmp_path: Path):
    pytest.importorskip("scrapy")
    from scrapy.utils.test import get_crawler

    from newsclean.integrations.scrapy import NewscleanPipeline

    def cleaned(settings: dict) -> str:
        pipeline = NewscleanPipeline.from_crawler(get_crawler(settings_dict=settings))
        return pipeline.process_item({"text": WITH_AD})["text"]

    assert cleaned({}) == PROSE
    assert cleaned({"NEWSCLEAN_WITHOUT": ["ads"]}) == WITH_AD
    assert cleaned({"NEWSCLEAN_WITHOUT": "units,ads"}) == WITH_AD
    config = tmp_path / "newsclean.toml"
    config.write_text('without = ["ads"]\n', encoding="utf-8")
    assert cleaned({"NEWSCLEAN_CONFIG": str(config)}) == WITH_AD


def test_scrapy_item_pipeline_in_a_real_crawl(tmp_path: Path):
    pytest.importorskip("scrapy")
    script = tmp_path / "crawl.py"
    feed = tmp_path / "items.jsonl"
    script.write_text(
        textwrap.dedent(
            f"""
            import scrapy
            from scrapy.crawler import CrawlerProcess

            class DumpSpider(scrapy.Spider):
                name = "dumps"
                start_urls = [{(FIXTURE / "input.txt").as_uri()!r}]

                def parse(self, response):
                    yield {{"url": response.url, "body": response.text}}

            process = CrawlerProcess(settings={{
                "ITEM_PIPELINES": {{"newsclean.integrations.scrapy.NewscleanPipeline": 300}},
                "NEWSCLEAN_FIELD": "body",
                "NEWSCLEAN_META_FIELD": "cleaning",
                "FEEDS": {{{str(feed)!r}: {{"format": "jsonlines", "encoding": "utf8"}}}},
                "LOG_LEVEL": "ERROR",
            }})
            process.crawl(DumpSpider)
            process.start()
            """
        )
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    (item,) = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
    assert item == {"url": (FIXTURE / "input.txt").as_uri(), "body": EXPECTED, "cleaning": META}


def test_scrapy_pipeline_leaves_items_without_the_field_alone():
    pytest.importorskip("scrapy")
    from newsclean.integrations.scrapy import NewscleanPipeline

    pipeline = NewscleanPipeline("text", "newsclean")
    assert pipeline.process_item({"title": "no text"}) == {"title": "no text"}
    assert pipeline.process_item({"text": RAW}) == {"text": EXPECTED, "newsclean": META}


def test_dask_bag_and_dataframe_on_a_local_cluster(tmp_path: Path):
    pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    from newsclean.integrations.dask import clean_bag, clean_column

    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        texts = db.from_sequence([RAW, "A line.", RAW], npartitions=2)
        assert clean_bag(texts).compute() == [EXPECTED, "A line.", EXPECTED]
        records = db.from_sequence([{"id": 1, "text": RAW}, {"id": 2}], npartitions=2)
        assert clean_bag(records, field="text").compute() == [
            {"id": 1, "text": EXPECTED},
            {"id": 2},
        ]
        ads = db.from_sequence([WITH_AD, WITH_AD], npartitions=2)
        assert clean_bag(ads, pipeline=NO_ADS).compute() == [WITH_AD, WITH_AD]
        ad_records = db.from_sequence([{"text": WITH_AD}], npartitions=1)
        assert clean_bag(ad_records, "text", NO_ADS).compute() == [{"text": WITH_AD}]
        ad_frame = dd.from_pandas(pd.DataFrame({"text": [WITH_AD, WITH_AD]}), npartitions=2)
        assert list(clean_column(ad_frame, pipeline=NO_ADS).compute()["text"]) == [WITH_AD] * 2
        assert list(clean_column(ad_frame).compute()["text"]) == [PROSE] * 2
        frame = dd.from_pandas(pd.DataFrame({"id": [1, 2], "text": [RAW, None]}), npartitions=2)
        clean_column(frame, "text", output="clean").to_parquet(str(tmp_path / "clean"))
        result = dd.read_parquet(str(tmp_path / "clean")).compute()
    assert result["clean"][0] == EXPECTED and pd.isna(result["clean"][1])
    assert result["text"][0] == RAW


def spark_missing() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install 'newsclean[spark]')"
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        return "Java is not installed (Spark needs Java 17 or later)"
    return None


@pytest.fixture(scope="module")
def spark():
    """One local Spark session for the module's Spark tests (starting one takes seconds), on
    the loopback address only, its Python workers running this checkout."""
    missing = spark_missing()
    if missing:
        pytest.skip(missing)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYSPARK_PYTHON", sys.executable)  # workers need newsclean importable
        patch.setenv("PYTHONPATH", str(ROOT))
        patch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
        from pyspark.sql import SparkSession

        session = (
            SparkSession.builder.master("local[1]")
            .appName("newsclean-test")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "1")
            .getOrCreate()
        )
        try:
            yield session
        finally:
            session.stop()


def test_spark_pandas_udf_in_local_mode(spark):
    from newsclean.integrations.spark import clean_udf

    df = spark.createDataFrame([(1, RAW), (2, None), (3, "A line.")], "id int, text string")
    rows = df.withColumn("clean", clean_udf()("text")).orderBy("id").collect()
    ads = spark.createDataFrame([(1, WITH_AD)], "id int, text string")
    custom = ads.withColumn("clean", clean_udf(NO_ADS)("text")).collect()
    assert [row["clean"] for row in rows] == [EXPECTED, None, "A line."]
    assert [row["clean"] for row in custom] == [WITH_AD]


def test_spark_rows_that_are_not_text_get_a_null_and_the_others_are_cleaned(spark):
    """A Spark column has one type, so the uneven rows are nulls among texts, and whole
    columns of another type: numbers give nulls, bytes are cleaned as clean(bytes) cleans."""
    from newsclean.integrations.spark import clean_udf

    df = spark.createDataFrame(
        [
            (1, RAW, 7, bytearray(RAW.encode("utf-8"))),
            (2, None, None, None),
            (3, "A line.", 9, bytearray(b"A line in bytes.")),
        ],
        "id int, text string, number int, raw binary",
    )
    udf = clean_udf()
    columns = [udf(name).alias(name) for name in ("text", "number", "raw")]
    rows = df.select("id", *columns).orderBy("id").collect()
    assert [row["text"] for row in rows] == [EXPECTED, None, "A line."]
    assert [row["number"] for row in rows] == [None, None, None]
    assert [row["raw"] for row in rows] == [EXPECTED, None, "A line in bytes."]


def test_datatrove_step_in_a_local_executor(tmp_path: Path):
    pytest.importorskip("datatrove")
    from datatrove.data import Document
    from datatrove.executor import LocalPipelineExecutor

    from newsclean.integrations.datatrove import NewscleanFormatter

    output = tmp_path / "out.jsonl"

    def write(data, rank: int = 0, world_size: int = 1):  # a last step, as a writer would be
        with output.open("w", encoding="utf-8") as out:
            for doc in data:
                out.write(json.dumps({"id": doc.id, "text": doc.text, "meta": doc.metadata}) + "\n")

    docs = [Document(text=RAW, id="a"), Document(text="A line.", id="b")]
    LocalPipelineExecutor(
        pipeline=[docs, NewscleanFormatter(), write], tasks=1, logging_dir=str(tmp_path / "logs")
    ).run()
    rows = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["text"]) for r in rows] == [("a", EXPECTED), ("b", "A line.")]
    assert rows[0]["meta"]["newsclean"] == META

    docs = [Document(text=WITH_AD, id="c")]
    LocalPipelineExecutor(
        pipeline=[docs, NewscleanFormatter(NO_ADS), write],
        tasks=1,
        logging_dir=str(tmp_path / "logs2"),
    ).run()
    (row,) = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert row["text"] == WITH_AD
