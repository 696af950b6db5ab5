"""A Scrapy item pipeline that cleans one field of every item.

    ITEM_PIPELINES = {"newsclean.integrations.scrapy.NewscleanPipeline": 300}
    NEWSCLEAN_FIELD = "text"             # the field to clean (default: text)
    NEWSCLEAN_META_FIELD = "newsclean"   # where to put metadata and removals (default: none)
    NEWSCLEAN_CONFIG = "newsclean.toml"  # a pipeline config file (docs/configuration.md)
    NEWSCLEAN_WITHOUT = ["units"]        # steps to leave out (a list, or "a,b")

Items without the field, or whose field is neither text nor bytes, pass through unchanged;
bytes (`response.body`) are decoded as `clean(bytes)` decodes them.
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter

from .. import DEFAULT_PIPELINE, Pipeline, load_pipeline
from . import metadata


class NewscleanPipeline:
    def __init__(
        self, field: str = "text", meta_field: str | None = None, pipeline: Pipeline | None = None
    ):
        self.field = field
        self.meta_field = meta_field
        self.pipeline = pipeline

    @classmethod
    def from_crawler(cls, crawler: Any) -> NewscleanPipeline:
        settings = crawler.settings
        config = settings.get("NEWSCLEAN_CONFIG")
        pipeline = load_pipeline(config) if config else DEFAULT_PIPELINE
        without = settings.getlist("NEWSCLEAN_WITHOUT")
        if without:
            pipeline = pipeline.without(*without)
        return cls(
            settings.get("NEWSCLEAN_FIELD", "text"), settings.get("NEWSCLEAN_META_FIELD"), pipeline
        )

    def process_item(self, item: Any, spider: Any = None) -> Any:
        adapter = ItemAdapter(item)
        value = adapter.get(self.field)
        if isinstance(value, (str, bytes, bytearray)):  # bytes: response.body, say
            text, meta = metadata(value, self.pipeline)
            adapter[self.field] = text
            if self.meta_field:
                adapter[self.meta_field] = meta
        return item
