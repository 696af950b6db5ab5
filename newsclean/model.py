"""The learned article finder's model: a logistic regression over the block table, and a
two-state Viterbi pass that turns block scores into the article's extent.

The model file (`data/block_model.json`) is written by `scripts/train_block_model.py`, which
rebuilds it exactly from the corpora; inference needs only numpy. Each block gets the
log-odds that it belongs to the article; the Viterbi pass then chooses, for the whole page at
once, which blocks are article and which are debris, paying `switch_cost` each time it
switches. So a short line between two paragraphs stays (leaving the article for one line costs
two switches), and a long menu ends the article (a run of debris outweighs the switches).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from .blocks import column_names


@dataclass(frozen=True)
class BlockModel:
    columns: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    switch_cost: float
    weight_power: float  # a block's vote counts (1 + words) ** weight_power

    def log_odds(self, features: np.ndarray) -> np.ndarray:
        """The log-odds that each block (a row of `blocks.with_context`) is article."""
        if not len(features):
            return np.zeros(0)
        return ((features - self.mean) / self.scale) @ self.weights + self.bias

    def contributions(self, row: np.ndarray) -> np.ndarray:
        """Each column's share of one block's log-odds (for explaining a verdict)."""
        return ((row - self.mean) / self.scale) * self.weights

    def to_dict(self) -> dict:
        return {
            "columns": list(self.columns),
            "mean": [round(float(x), 8) for x in self.mean],
            "scale": [round(float(x), 8) for x in self.scale],
            "weights": [round(float(x), 8) for x in self.weights],
            "bias": round(float(self.bias), 8),
            "switch_cost": self.switch_cost,
            "weight_power": self.weight_power,
        }

    @classmethod
    def from_dict(cls, d: dict) -> BlockModel:
        columns = tuple(d["columns"])
        if columns != column_names():
            raise ValueError("the model's columns are not the block table's: retrain it")
        return cls(
            columns,
            np.array(d["mean"]),
            np.array(d["scale"]),
            np.array(d["weights"]),
            float(d["bias"]),
            float(d["switch_cost"]),
            float(d["weight_power"]),
        )


@cache
def shipped() -> BlockModel:
    """The model that ships in the package, loaded once."""
    path = resources.files("newsclean") / "data" / "block_model.json"
    return BlockModel.from_dict(json.loads(path.read_text(encoding="utf-8")))


def viterbi(log_odds: np.ndarray, votes: np.ndarray, switch_cost: float) -> np.ndarray:
    """The article/debris labelling (True: article) that maximises the sum of each block's
    vote times its log-odds (positive for article, negative for debris), less `switch_cost`
    for every change of state. The page starts and ends outside the article."""
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
