"""The learned article finder's model: gradient-boosted decision trees over the block table,
and a two-state Viterbi pass that turns block scores into the article's extent.

The model file (`data/block_model.json`) is written by `scripts/train_models.py`, which
rebuilds it exactly from the corpora; inference needs only numpy. Trees rather than a linear
model because the facts interact: a short line is debris in a run of link lines and article
between two paragraphs, and a linear score can only add the two up (out-of-fold, grouped by
domain, the trees lift the block F1 from 0.79 to 0.82; docs/learned.md has the figures).

Each block gets the log-odds that it belongs to the article; the Viterbi pass then chooses,
for the whole page at once, which blocks are article and which are debris, paying
`switch_cost` each time it switches. So a short line between two paragraphs stays (leaving
the article for one line costs two switches), and a long menu ends the article (a run of
debris outweighs the switches).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import TYPE_CHECKING

from .blocks import PAGE_FACTS

if TYPE_CHECKING:  # numpy is imported where it is used: it is slow to import
    from collections.abc import Iterator

    import numpy as np


@dataclass(frozen=True)
class BlockModel:
    """An ensemble of binary trees, stored as flat node arrays (one row a node, every tree's
    nodes side by side; a leaf has feature -1). A block goes left at a node when its value of
    the node's feature is at most the threshold; its log-odds are `bias` plus the values of
    the leaves it reaches. An inner node's value is the mean of its leaves' (weighted by the
    training blocks that reached them), which is what `contributions` reads."""

    columns: tuple[str, ...]
    roots: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    depth: int
    bias: float
    switch_cost: float
    weight_power: float  # a block's vote counts (1 + words) ** weight_power

    def levels(self, features: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """Every block (a row of `features`) down every tree at once, a level at a time: for
        each level, the node each (block, tree) stands at and the node it goes to (a leaf
        stays where it is). The last `to` is the leaf each block reaches in each tree."""
        import numpy as np

        split, threshold, children = self.steps
        node = np.broadcast_to(self.roots, (len(features), len(self.roots)))
        cells = np.ascontiguousarray(features).ravel()
        row_start = np.arange(len(features))[:, None] * features.shape[1]
        for _ in range(self.depth):
            goes_left = cells[row_start + split[node]] <= threshold[node]
            to = children[2 * node + goes_left]
            yield node, to
            node = to

    @cached_property
    def steps(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The nodes as `levels` walks them, in as few array lookups a level as it can: the
        column each node splits on (0 at a leaf), its threshold, and its two children side by
        side, right then left (a leaf's are itself, so a block at a leaf stays there)."""
        import numpy as np

        leaf = self.feature < 0
        nodes = np.arange(len(self.feature))
        right = np.where(leaf, nodes, self.right)
        left = np.where(leaf, nodes, self.left)
        return np.maximum(self.feature, 0), self.threshold, np.column_stack((right, left)).ravel()

    def log_odds(self, features: np.ndarray) -> np.ndarray:
        """The log-odds that each block (a row of `blocks.with_context`) is article."""
        import numpy as np

        if not len(features):
            return np.zeros(0)
        leaf = np.broadcast_to(self.roots, (len(features), len(self.roots)))
        for _, to in self.levels(features):
            leaf = to
        return self.value[leaf].sum(axis=1) + self.bias

    def contributions(self, features: np.ndarray) -> np.ndarray:
        """Each column's share of each block's log-odds (one row a block of `features`, one
        column a column of the table): along the block's path through every tree, how much
        each split on that column moved the value (for explaining a verdict)."""
        import numpy as np

        n, width = len(features), len(self.columns)
        split = self.steps[0]
        out = np.zeros(n * width)
        rows = np.arange(n)[:, None]
        for node, to in self.levels(features):
            moved = self.value[to] - self.value[node]  # 0 where a leaf stays
            cell = rows * width + split[node]  # (block, column) as one
            out += np.bincount(cell.ravel(), moved.ravel(), minlength=n * width)
        return out.reshape(n, width)

    def to_dict(self) -> dict:
        return {
            "kind": "gradient-boosted trees",
            "columns": list(self.columns),
            "depth": self.depth,
            "bias": round(float(self.bias), 8),
            "switch_cost": self.switch_cost,
            "weight_power": self.weight_power,
            "roots": [int(x) for x in self.roots],
            "feature": [int(x) for x in self.feature],
            "threshold": [float(x) for x in self.threshold],
            "left": [int(x) for x in self.left],
            "right": [int(x) for x in self.right],
            "value": [round(float(x), 7) for x in self.value],
        }

    @classmethod
    def from_dict(cls, d: dict, expected: tuple[str, ...]) -> BlockModel:
        """The model of `to_dict`, checked against the table it reads: its `expected` columns
        (the dump finder's `filters.article.finder_columns()`, the DOM table's
        `html.blocks.column_names()`)."""
        import numpy as np

        columns = tuple(d["columns"])
        if columns != expected:
            raise ValueError("the model's columns are not the block table's: retrain it")
        return cls(
            columns,
            np.array(d["roots"], dtype=np.int64),
            np.array(d["feature"], dtype=np.int64),
            np.array(d["threshold"], dtype=float),
            np.array(d["left"], dtype=np.int64),
            np.array(d["right"], dtype=np.int64),
            np.array(d["value"], dtype=float),
            int(d["depth"]),
            float(d["bias"]),
            float(d["switch_cost"]),
            float(d["weight_power"]),
        )


def shipped_json(name: str) -> dict:
    """A model file that ships in the package (`data/<name>`), as its JSON reads."""
    path = resources.files("newsclean") / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def shipped(name: str, expected: tuple[str, ...]) -> BlockModel:
    """A block model that ships in the package (`data/<name>`), loaded once and checked
    against the `expected` columns (the dumps' finder's, `block_model.json`; the DOM model,
    two of them in one file, is `html.find.shipped_model`)."""
    return BlockModel.from_dict(shipped_json(name), expected)


def viterbi(log_odds: np.ndarray, votes: np.ndarray, switch_cost: float) -> np.ndarray:
    """The article/debris labelling (True: article) that maximises the sum of each block's
    vote times its log-odds (positive for article, negative for debris), less `switch_cost`
    for every change of state. The page starts and ends outside the article."""
    import numpy as np

    n = len(log_odds)
    if not n:
        return np.zeros(0, dtype=bool)
    gain = votes * log_odds / 2  # half for article, minus half for debris
    inside = np.empty(n)  # best score ending at block i inside the article
    outside = np.empty(n)
    came_in = np.empty(n, dtype=bool)  # inside[i] came from inside[i-1]
    came_out = np.empty(n, dtype=bool)  # outside[i] came from outside[i-1]
    inside[0], outside[0] = gain[0] - switch_cost, -gain[0]
    came_in[0] = came_out[0] = True
    for i in range(1, n):
        stay_in, enter = inside[i - 1], outside[i - 1] - switch_cost
        came_in[i] = stay_in >= enter
        inside[i] = max(stay_in, enter) + gain[i]
        stay_out, leave = outside[i - 1], inside[i - 1] - switch_cost
        came_out[i] = stay_out >= leave
        outside[i] = max(stay_out, leave) - gain[i]
    keep = np.zeros(n, dtype=bool)
    state = inside[-1] - switch_cost > outside[-1]
    for i in range(n - 1, -1, -1):
        keep[i] = state
        state = bool(came_in[i]) if state else not came_out[i]
    return keep


MIN_PAGE_WORDS = 100  # fewer words than this tell too little of a page to name its type


@dataclass(frozen=True)
class PageTypeModel:
    """A multinomial logistic regression over the page facts (`blocks.page_table`): one
    weight vector a page type, over the standardised facts."""

    columns: tuple[str, ...]
    types: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # (columns, types)
    bias: np.ndarray  # (types,)

    def probabilities(self, page: np.ndarray) -> np.ndarray:
        import numpy as np

        z = ((page - self.mean) / self.scale) @ self.weights + self.bias
        e = np.exp(z - z.max())
        return e / e.sum()

    def best(self, page: np.ndarray) -> tuple[str, float] | None:
        """The likeliest page type and its probability; None for a page of fewer than
        MIN_PAGE_WORDS words, which tell too little of a page to name its type."""
        import numpy as np

        if np.expm1(page[self.columns.index("log_words")]) < MIN_PAGE_WORDS:
            return None
        p = self.probabilities(page)
        i = int(np.argmax(p))
        return self.types[i], float(p[i])

    def to_dict(self) -> dict:
        return {
            "kind": "multinomial logistic regression",
            "columns": list(self.columns),
            "types": list(self.types),
            "mean": [round(float(x), 8) for x in self.mean],
            "scale": [round(float(x), 8) for x in self.scale],
            "weights": [[round(float(x), 8) for x in row] for row in self.weights],
            "bias": [round(float(x), 8) for x in self.bias],
        }

    @classmethod
    def from_dict(cls, d: dict) -> PageTypeModel:
        import numpy as np

        columns = tuple(d["columns"])
        if columns != PAGE_FACTS:
            raise ValueError("the model's columns are not the page table's: retrain it")
        return cls(
            columns,
            tuple(d["types"]),
            np.array(d["mean"]),
            np.array(d["scale"]),
            np.array(d["weights"]),
            np.array(d["bias"]),
        )


@cache
def shipped_page_types() -> PageTypeModel:
    """The page-type model that ships in the package, loaded once."""
    return PageTypeModel.from_dict(shipped_json("page_type_model.json"))
