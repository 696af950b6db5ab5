"""Pipelines of named filters, and the Result they produce.

A filter is a `Step`: a name, a one-line description and a function that works on a
`Document` in place. A plain `str -> str` function is accepted wherever a step is: it is
wrapped so that whatever it drops or changes is still recorded, block by block.

A pattern that runs out of time (see `text.pattern`) never fails a run: the block it was
working on is held back and kept as it was, the step runs again on the other blocks, and a
warning says so. A timeout that cannot be traced to one block, or a step that keeps timing
out, leaves the whole document as it was before that step, with a warning.

Pipelines are values: `without`, `insert_before`, `insert_after` and `replace` return new
pipelines, so the default one can be copied and changed without touching anybody else's. A
pipeline carries a `Config` (see `newsclean.config`), kept by those changes; `configure` and
`with_config` change it. While `run` runs, the config and its phrase lists are the active ones
(`doc.config` for a step). A pipeline pickles (its shipped steps by reference), so it can be
sent to worker processes.
"""

from __future__ import annotations

import difflib
import importlib
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from . import config as _config
from .config import Config
from .document import Block, Change, Document, one_line
from .fates import BlockFate, block_fates
from .memo import run_memo
from .patterns import PatternTimeout

DocFunction = Callable[[Document], None]
TextFunction = Callable[[str], str]


@dataclass(frozen=True)
class Step:
    """A named filter. `whole_page` marks a step that reads a whole-page dump as such (finds
    the article in it, takes its scripts' data, splits a page given as one line): it is skipped
    on the article found in a web page's markup, which is already the article, in its
    paragraphs.
    `describes` marks a step that says what the page is (metadata) without changing its text:
    `clean()`, which returns the text alone, skips it."""

    name: str
    run: DocFunction
    description: str = ""
    whole_page: bool = False
    describes: bool = False

    def __call__(self, doc: Document) -> None:
        self.run(doc)

    def __reduce__(self) -> str | tuple[Any, ...]:
        # A step made by @step stands in its module under its function's name, so pickle
        # can find the function only through the step: pickle the step by reference then.
        module = sys.modules.get(getattr(self.run, "__module__", ""), None)
        if getattr(module, getattr(self.run, "__qualname__", ""), None) is self:
            return (_step_in_module, (self.run.__module__, self.run.__qualname__))
        return (Step, (self.name, self.run, self.description, self.whole_page, self.describes))


def _step_in_module(module: str, name: str) -> Step:
    return getattr(importlib.import_module(module), name)


def step(
    name: str | DocFunction | None = None,
    description: str | None = None,
    *,
    whole_page: bool = False,
    describes: bool = False,
) -> Any:
    """Decorator: turn `def f(doc: Document) -> None` into a named pipeline step. Bare
    (`@step`), the step is named after the function and described by its docstring's first
    line; or give them: `@step("name", "what it does")`, `whole_page=True` for a step that
    reads a whole-page dump as such (finds the article in it) and `describes=True` for one
    that only adds metadata (see `Step`)."""

    def wrap(func: DocFunction) -> Step:
        doc = (func.__doc__ or "").strip().split("\n")[0]
        return Step(
            name if isinstance(name, str) else func.__name__,
            func,
            doc if description is None else description,
            whole_page,
            describes,
        )

    if callable(name):  # bare @step
        return wrap(name)
    return wrap


def text_step(func: TextFunction, name: str | None = None) -> Step:
    """Wrap a plain `str -> str` function as a step whose effects are recorded block by block."""
    step_name = name or getattr(func, "__name__", "custom")

    def run(doc: Document) -> None:
        before = [b.text for b in doc.blocks]
        new = Document.from_text(func(doc.text())).blocks
        after = [b.text for b in new]
        if after == before:
            return
        matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "delete":
                for i in range(i1, i2):
                    doc.changes.append(
                        Change(
                            step_name,
                            "removed",
                            "text function",
                            before[i],
                            code="pipeline.text_removed",
                        )
                    )
            elif op in ("replace", "insert"):
                doc.rewrote(
                    "\n\n".join(before[i1:i2]),
                    "\n\n".join(after[j1:j2]),
                    "text function",
                    "pipeline.text_rewrote",
                )
        doc.blocks = new

    return Step(step_name, run, (func.__doc__ or "custom text function").strip().split("\n")[0])


def as_step(obj: Step | TextFunction) -> Step:
    if isinstance(obj, Step):
        return obj
    if callable(obj):
        return text_step(obj)
    raise TypeError(
        f"a pipeline step must be a Step or a str -> str function, not {type(obj).__name__}"
    )


@dataclass
class Result:
    """What a pipeline made of one input: the clean text, metadata and every change; `source`
    is the text the filters started from (the dump itself, or the text taken from a page).

    `meta` holds only the keys of `newsclean.metadata.FIELDS` (docs/metadata.md).
    `article_region` is where the `article` step found the article in a whole-page dump, as
    `(start, end)`: `blocks[start:end]` are the blocks of `source` it kept as the article
    (later steps may still remove some); None when it cut nothing (the dump was the article
    already, a page with too little prose, an HTML page trafilatura extracted, or a pipeline
    without the step)."""

    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    source: str = ""
    article_region: tuple[int, int] | None = None

    @property
    def blocks(self) -> list[BlockFate]:
        """Each block of `source` (one per non-empty line) and its fate: kept, removed, moved
        to metadata or rewritten, with the filter and the reason; computed from `changes` on
        each access (see `newsclean.fates`)."""
        return block_fates(self.source, self.changes, self.text)

    @property
    def removed(self) -> list[Change]:
        return [c for c in self.changes if c.action in ("removed", "metadata")]

    @property
    def warnings(self) -> list[Change]:
        return [c for c in self.changes if c.action == "warning"]

    def counts(self) -> Counter[str]:
        """How many blocks each filter removed or moved to metadata."""
        return Counter(c.filter for c in self.removed)

    def code_counts(self) -> Counter[str]:
        """How many blocks were removed or moved to metadata, per reason code."""
        return Counter(c.code for c in self.removed)

    def to_dict(self) -> dict[str, Any]:
        """The result as a JSON-safe dict: `text`, `metadata` and `changes` (each as
        `Change.to_dict` gives it, warnings among them with the action "warning")."""
        return {
            "text": self.text,
            "metadata": dict(self.meta),
            "changes": [c.to_dict() for c in self.changes],
        }

    def report(self) -> str:
        """The metadata and then every change, one a line (what `--explain` prints)."""
        lines = [f"{k}: {one_line(str(v))}" for k, v in self.meta.items()]
        lines += [str(c) for c in self.changes]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text


class Pipeline:
    """An ordered list of named steps, applied to a Document in turn, and the `Config` they
    read their settings from (default: `Config()`)."""

    def __init__(self, steps: Iterable[Step | TextFunction], config: Config | None = None):
        self.steps: tuple[Step, ...] = tuple(as_step(s) for s in steps)
        self.config = config or _config.DEFAULT
        names = [s.name for s in self.steps]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"step names must be unique; repeated: {', '.join(dupes)}")

    # -- building ----------------------------------------------------------------------------
    @property
    def names(self) -> list[str]:
        return [s.name for s in self.steps]

    def _index(self, name: str) -> int:
        try:
            return self.names.index(name)
        except ValueError:
            raise KeyError(f"no step named {name!r}; steps are: {', '.join(self.names)}") from None

    def without(self, *names: str) -> Pipeline:
        for n in names:
            self._index(n)
        return Pipeline((s for s in self.steps if s.name not in names), self.config)

    def only(self, *names: str) -> Pipeline:
        """The named steps, in the order given."""
        return Pipeline((self[n] for n in names), self.config)

    def insert_before(self, name: str, new: Step | TextFunction) -> Pipeline:
        i = self._index(name)
        return Pipeline((*self.steps[:i], as_step(new), *self.steps[i:]), self.config)

    def insert_after(self, name: str, new: Step | TextFunction) -> Pipeline:
        i = self._index(name) + 1
        return Pipeline((*self.steps[:i], as_step(new), *self.steps[i:]), self.config)

    def replace(self, name: str, new: Step | TextFunction) -> Pipeline:
        i = self._index(name)
        return Pipeline((*self.steps[:i], as_step(new), *self.steps[i + 1 :]), self.config)

    def with_config(self, config: Config) -> Pipeline:
        """The same steps reading their settings from `config`."""
        return Pipeline(self.steps, config)

    def configure(self, **sections: Any) -> Pipeline:
        """The same steps with some settings changed (see `Config.updated`):
        `configure(article={"min_region_weight": 80}, phrases={"dirs": ["my-phrases"]})`."""
        return Pipeline(self.steps, self.config.updated(**sections))

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def __getitem__(self, name: str) -> Step:
        return self.steps[self._index(name)]

    def __repr__(self) -> str:
        config = "" if self.config == _config.DEFAULT else f", {self.config!r}"
        return f"Pipeline([{', '.join(self.names)}]{config})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Pipeline):
            return NotImplemented
        return self.steps == other.steps and self.config == other.config

    def __hash__(self) -> int:
        return hash((self.steps, self.config))

    # -- running -----------------------------------------------------------------------------
    def run(self, text: str, describe: bool = True) -> Result:
        """Run the steps, then run them again on their own output until it stops changing (at
        most MAX_PASSES times): a filter can judge a block differently once its neighbours or
        its markup are gone, and clean(clean(x)) must equal clean(x). `describe=False` (what
        `clean()` asks) skips the steps that only describe the page (`Step.describes`): the
        text and the changes are the same, the metadata lacks what they say."""
        doc = Document.from_text(text)
        doc.config = self.config
        steps = [s for s in self.steps if describe or not s.describes]
        with _config.using(self.config), run_memo():
            body = self._pass(doc, steps)
            if body == text and not doc.meta:
                # already clean: a second pass would start from the same blocks and metadata as
                # the first, so it would change nothing either
                return Result(body, dict(doc.meta), doc.changes, text, doc.article_region)
            for _ in range(MAX_PASSES - 1):
                logged = len(doc.changes)
                doc.blocks = Document.from_text(body).blocks
                again = self._pass(doc, steps)
                if again == body:
                    del doc.changes[logged:]  # a pass that changed nothing has nothing to say
                    break
                body = again
        return Result(body, dict(doc.meta), doc.changes, text, doc.article_region)

    @staticmethod
    def _pass(doc: Document, steps: list[Step]) -> str:
        for s in steps:
            run_guarded(s, doc)
        return "\n\n".join(t for t in (b.text.strip() for b in doc.blocks) if t)


MAX_PASSES = 3


MAX_HELD_BLOCKS = 3  # blocks held back by timeouts in one step before the step is skipped


def run_guarded(s: Step, doc: Document) -> None:
    """Run one step on the document; a block on which a pattern times out is kept as it was."""
    blocks = list(doc.blocks)
    texts = [b.text for b in blocks]
    n_changes, meta, region = len(doc.changes), dict(doc.meta), doc.article_region
    held: list[int] = []  # indices into `blocks`
    while True:
        doc.filter = s.name
        try:
            s.run(doc)
            doc.commit()
            break
        except PatternTimeout as exc:
            for block, original in zip(blocks, texts, strict=True):
                block.text = original
            doc.meta.clear()
            doc.meta.update(meta)
            doc.article_region = region
            del doc.changes[n_changes:]
            doc._pending.clear()
            culprit = next(
                (i for i, t in enumerate(texts) if i not in held and exc.subject in t), None
            )
            if culprit is None or len(held) == MAX_HELD_BLOCKS:
                doc.blocks = blocks
                doc.warn(
                    exc.subject,
                    "a pattern timed out: this step was skipped",
                    "pipeline.timeout_step",
                )
                return
            held.append(culprit)
            doc.blocks = [b for i, b in enumerate(blocks) if i not in held]
    for i in sorted(held):
        doc.blocks.insert(position_after_kept(doc.blocks, blocks[:i]), blocks[i])
        doc.warn(texts[i], "a pattern timed out: block kept as it was", "pipeline.timeout_block")


def position_after_kept(current: list[Block], earlier: list[Block]) -> int:
    """Where a held block goes back: after the last of the blocks before it that is still there."""
    where = {id(b): i for i, b in enumerate(current)}
    for block in reversed(earlier):
        if id(block) in where:
            return where[id(block)] + 1
    return 0
