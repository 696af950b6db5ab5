"""A datatrove pipeline step: put `NewscleanFormatter()` in a pipeline after a reader.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from newsclean.integrations.datatrove import NewscleanFormatter

    LocalPipelineExecutor(
        pipeline=[JsonlReader("crawl/"), NewscleanFormatter(), JsonlWriter("clean/")], tasks=4
    ).run()

The document's text is cleaned; the metadata found and the removals per filter go into
`doc.metadata["newsclean"]`. `NewscleanFormatter(pipeline)` cleans with a pipeline of your own
(`NewscleanFormatter(DEFAULT_PIPELINE.without("units"))`).
"""

from __future__ import annotations

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep

from .. import Pipeline
from . import metadata


class NewscleanFormatter(PipelineStep):
    name = "newsclean"
    type = "✂️ - FORMAT"

    def __init__(self, pipeline: Pipeline | None = None):
        super().__init__()
        self.pipeline = pipeline

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            self.stat_update("total")
            with self.track_time():
                doc.text, doc.metadata["newsclean"] = metadata(doc.text, self.pipeline)
            yield doc
