"""The article in the page's markup: the DOM block table (`html.blocks`), the learned block
model's log-odds per block (`DomModel`: a first look at the table, a second at the table and
the first look's verdicts on each block's kinds) and a Viterbi pass for the article's extent
(`newsclean.model`).

trafilatura's verdict is one column among the markup's: a block trafilatura kept inside a
<footer> full of links can still go, and a forum post or a product's specs trafilatura
dropped can still stay. Every block left out is logged with the model's probability and the
facts that weighed most, in words (code `html.debris`); a figure's caption goes as one
(`html.caption`), and a run apart from the article's that the model doubts as such
(`html.apart`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from ..document import Change
from ..model import BlockModel, shipped_json, viterbi
from .blocks import (
    CSS_FAMILIES,
    LANDMARKS,
    SECOND_LOOK,
    DomBlock,
    column_names,
    facts,
    kind_means,
    mark_extracted,
    page_facts,
    page_language,
    size,
    tag_path,
    with_context,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    import numpy as np

MODEL_FILE = "html_block_model.json"
# a figure's own text is its caption or credit: the markup says so, so it goes whatever the
# model says (a quote or a table inside a figure is a block of its own tag and stays)
CAPTION_TAGS = frozenset(["figcaption", "figure"])
# added to every block's log-odds for a second decode when the first keeps too little (a
# product's short description, a page of short posts) or much less than trafilatura kept (a
# review whose pros and cons lists the model doubts, a collection's items): the model's
# next-likeliest blocks rather than the whole page's text. Both chosen out-of-fold on wcxb-dev
# and readability (docs/html.md)
LOOSER = 1.5
# the first decode is too strict when it keeps under this share of the words trafilatura kept,
# where trafilatura kept at least TRAFILATURA_WORDS words (fewer are no evidence)
TRAFILATURA_SHARE = 0.75
TRAFILATURA_WORDS = 100
# a run of kept blocks apart from the article's (the run of the most votes) is debris after
# all when the model doubts every block of it (log-odds under APART_LOG_ODDS: p 0.73), it
# weighs little beside the article (under APART_VOTES of its votes, APART_WORDS of its words),
# trafilatura left it out (under APART_EXTRACTED of its words kept), and none of its blocks
# is of a kind (path of tags) the article's blocks are, as a forum's replies are of its first
# post's: a live blog's other entries, the teasers after a story, the comments under it.
# Chosen out-of-fold (docs/html.md)
APART_LOG_ODDS = 1.0
APART_VOTES = 0.3
APART_WORDS = 0.5
APART_EXTRACTED = 0.1
# and a block of the article's kind (a path of tags of its run's blocks) that the model only
# doubted (log-odds above KIN_LOG_ODDS: p 0.27) is article after all, wherever it stands: a
# thread's replies the model was unsure of, a story's paragraphs past a doubtful stretch, a
# listing's entries. Chosen out-of-fold (docs/html.md)
KIN_LOG_ODDS = -1.0


@dataclass
class Found:
    """The blocks the model kept, in page order, a change for each it left out, and what the
    block table tells of the whole page: its language and its page facts (`blocks.PAGE_FACTS`,
    which name its type)."""

    kept: list[DomBlock]
    changes: list[Change] = field(default_factory=list)
    language: str | None = None
    page: np.ndarray | None = None


@dataclass(frozen=True)
class DomModel:
    """The DOM block model, in two looks. The first reads the block table; the second reads
    it beside the first's verdict on each block and on the blocks of its kinds
    (`blocks.kind_means`), so that a forum's replies are read as its first post is, and a
    block among debris as its container. The second's switch cost and weights decode."""

    first: BlockModel
    second: BlockModel

    def table(self, blocks: list[DomBlock], rows: np.ndarray) -> np.ndarray:
        """The second look's table of the blocks (`rows`: their block table)."""
        return second_look(blocks, rows, self.first.log_odds(rows))

    def to_dict(self) -> dict:
        return {"first": self.first.to_dict(), "second": self.second.to_dict()}

    @classmethod
    def from_dict(cls, d: dict) -> DomModel:
        """The model of `to_dict`, checked against the DOM table's columns."""
        if not {"first", "second"} <= d.keys():
            raise ValueError("not a two-look DOM model (a file of before 4 Dec 2026?): retrain it")
        first = BlockModel.from_dict(d["first"], column_names())
        return cls(first, BlockModel.from_dict(d["second"], second_columns()))


def second_columns() -> tuple[str, ...]:
    return column_names() + SECOND_LOOK


def second_look(blocks: list[DomBlock], rows: np.ndarray, first: np.ndarray) -> np.ndarray:
    """The block table (`rows`) beside the first look's verdicts (log-odds `first`) on each
    block and on the blocks of its kinds (`blocks.kind_means`)."""
    import numpy as np

    words = np.expm1(rows[:, column_names().index("log_words")])
    return np.hstack((rows, kind_means(blocks, 1 / (1 + np.exp(-first)), words)))


@cache
def shipped_model() -> DomModel:
    """The DOM block model that ships in the package, loaded once."""
    return DomModel.from_dict(shipped_json(MODEL_FILE))


def find_article(
    blocks: list[DomBlock],
    extracted: str | None,
    language: str | None = None,
    model: DomModel | None = None,
    min_chars: int = 0,
    reasons: bool = True,
) -> Found:
    """The article's blocks among the page's, given trafilatura's text (None: it found
    nothing). `model` defaults to the shipped one. When the blocks kept hold fewer than
    `min_chars` word characters, or much less than trafilatura kept (`too_strict`), the model
    decodes again, less strictly (LOOSER). A run apart from the article's that is debris after
    all then goes (`apart_runs`), and a doubted block of the article's kind comes back
    (`of_the_articles_kind`).

    `reasons=False` leaves out the change for each block left out: `clean()` returns
    the text alone, and the reasons cost a twentieth of its time on a page (a second walk of
    every tree for the fact that counted most, and the words)."""
    import numpy as np

    if not blocks:
        return Found([])
    dom = model or shipped_model()
    mark_extracted(blocks, extracted)
    language = language or page_language(blocks)
    rows = with_context(facts(blocks, language))
    table = dom.table(blocks, rows)
    m = dom.second
    log_odds = m.log_odds(table)
    sizes = np.expm1(rows[:, m.columns.index("log_words")])
    weights = (1 + sizes) ** m.weight_power
    caption = np.array([b.tag in CAPTION_TAGS for b in blocks])
    keep = viterbi(log_odds, weights, m.switch_cost)
    first = keep & ~caption
    extracted = rows[:, m.columns.index("extracted")]
    why = too_strict(blocks, first, sizes * extracted, min_chars)
    changes = []
    if why:
        keep = viterbi(log_odds + LOOSER, weights, m.switch_cost)
        note = f"{why}: the blocks decoded again, less strictly"
        found = "\n\n".join(b.text for b, k in zip(blocks, first, strict=True) if k)
        changes.append(Change("html", "warning", note, found or "(nothing)", code="html.loosened"))
    runs = kept_runs(keep)
    votes = run_votes(runs, log_odds, weights)
    apart = apart_runs(blocks, runs, votes, log_odds, sizes, extracted)
    kin = of_the_articles_kind(blocks, runs, votes, keep, log_odds)
    keep = (keep & ~apart) | (kin & ~caption)
    if reasons:
        changes += removals(m, blocks, table, log_odds, keep, caption, apart)
    kept = [b for b, k in zip(blocks, keep & ~caption, strict=True) if k]
    return Found(kept, changes, language, page_facts(rows))


def removals(
    m: BlockModel,
    blocks: list[DomBlock],
    table: np.ndarray,
    log_odds: np.ndarray,
    keep: np.ndarray,
    caption: np.ndarray,
    apart: np.ndarray,
) -> list[Change]:
    """A change for each block left out: a caption, a block of a run apart from the article
    (`apart_runs`), or debris with the model's reason."""
    import numpy as np

    debris = np.flatnonzero(~keep & ~caption & ~apart)
    # the fact that counted most against each (all at once: it walks every tree)
    worst = dict(zip(debris, np.argmin(m.contributions(table[debris]), axis=1), strict=True))
    changes = []
    for i, b in enumerate(blocks):
        if caption[i]:
            reason = f"a caption or credit (<{b.tag}>)"
            changes.append(Change("html", "removed", reason, b.text, code="html.caption"))
        elif apart[i]:
            p = 1 / (1 + math.exp(-float(log_odds[i])))
            reason = (
                f"apart from the article: in a run the model doubts (article {p:.2f}), of "
                "another kind than the article's blocks, not kept by trafilatura"
            )
            changes.append(Change("html", "removed", reason, b.text, code="html.apart"))
        elif i in worst:
            reason = debris_reason(m, table[i], float(log_odds[i]), b, m.columns[worst[i]])
            changes.append(Change("html", "removed", reason, b.text, code="html.debris"))
    return changes


def apart_runs(
    blocks: list[DomBlock],
    runs: list[tuple[int, int]],
    votes: list[float],
    log_odds: np.ndarray,
    sizes: np.ndarray,
    extracted: np.ndarray,
) -> np.ndarray:
    """Which kept blocks stand in a run apart from the article's that is debris after all
    (APART_LOG_ODDS, ...): a mask. `runs` are the runs of kept blocks (`kept_runs`), `votes`
    theirs (`run_votes`); the article's run is the one of the most votes."""
    import numpy as np

    apart = np.zeros(len(blocks), dtype=bool)
    if len(runs) < 2:
        return apart
    best = int(np.argmax(votes))
    start, end = runs[best]
    kinds = article_kinds(blocks, runs, votes)
    words = float(sizes[start:end].sum())
    for i, ((a, b), vote) in enumerate(zip(runs, votes, strict=True)):
        run_words = float(sizes[a:b].sum())
        if (
            i != best
            and float(log_odds[a:b].max()) < APART_LOG_ODDS
            and vote < APART_VOTES * votes[best]
            and run_words < APART_WORDS * words
            and float((sizes[a:b] * extracted[a:b]).sum()) < APART_EXTRACTED * max(run_words, 1)
            and not kinds & {tag_path(x.path) for x in blocks[a:b]}
        ):
            apart[a:b] = True
    return apart


def of_the_articles_kind(
    blocks: list[DomBlock],
    runs: list[tuple[int, int]],
    votes: list[float],
    keep: np.ndarray,
    log_odds: np.ndarray,
) -> np.ndarray:
    """Which blocks left out (not in `keep`) are of the article's kind (`article_kinds`) and
    only doubted by the model (KIN_LOG_ODDS): a mask."""
    import numpy as np

    kinds = article_kinds(blocks, runs, votes)
    doubted = (log_odds > KIN_LOG_ODDS) & ~keep
    return doubted & np.array([tag_path(b.path) in kinds for b in blocks], dtype=bool)


def article_kinds(
    blocks: list[DomBlock], runs: list[tuple[int, int]], votes: list[float]
) -> set[str]:
    """The kinds (paths of tags) of the blocks of the article's run, the run of the most
    votes; none without a run."""
    if not runs:
        return set()
    start, end = max(zip(runs, votes, strict=True), key=lambda run: run[1])[0]
    return {tag_path(b.path) for b in blocks[start:end]}


def run_votes(
    runs: list[tuple[int, int]], log_odds: np.ndarray, weights: np.ndarray
) -> list[float]:
    """Each run's votes as the Viterbi pass counts them: its blocks' weights times log-odds."""
    return [float((log_odds[a:b] * weights[a:b]).sum()) for a, b in runs]


def kept_runs(keep: np.ndarray) -> list[tuple[int, int]]:
    """The runs of kept blocks, as (start, end) with `end` past the last."""
    import numpy as np

    edges = np.flatnonzero(np.diff(np.concatenate(([0], keep.astype(np.int8), [0]))))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))


def too_strict(
    blocks: list[DomBlock], kept: np.ndarray, in_trafilatura: np.ndarray, min_chars: int
) -> str | None:
    """Why the blocks `kept` are too few to be the article (None: they are not): under
    `min_chars` word characters, or under TRAFILATURA_SHARE of the words trafilatura kept.
    `in_trafilatura` is each block's words in trafilatura's text (its words times the block
    table's `extracted`)."""
    if not holds((b.text for b, k in zip(blocks, kept, strict=True) if k), min_chars):
        return f"under {min_chars} word characters found"
    total = float(in_trafilatura.sum())
    share = float(in_trafilatura[kept].sum()) / total if total else 1.0
    if total >= TRAFILATURA_WORDS and share < TRAFILATURA_SHARE:
        return f"{share:.0%} of the {total:.0f} words trafilatura kept found"
    return None


def holds(texts: Iterable[str], chars: int) -> bool:
    """Whether the texts hold `chars` word characters (counted only until they do)."""
    if chars <= 0:
        return True
    total = 0
    for text in texts:
        total += size(text)
        if total >= chars:
            return True
    return False


def debris_reason(
    m: BlockModel, row: np.ndarray, log_odds: float, block: DomBlock, worst: str
) -> str:
    """Why the model took a block for debris, in words: its probability, its size and link
    share, the landmarks and class tokens around it, whether trafilatura kept it, and the
    fact that counted most against it (`worst`)."""
    words, link_share = row[list(reason_columns(m.columns))].tolist()
    p = 1 / (1 + math.exp(log_odds))
    n = int(round(math.expm1(words)))
    parts = [f"debris {p:.2f}: {n} word{'' if n == 1 else 's'}"]
    if link_share > 0:
        parts.append(f"{link_share:.0%} inside links")
    places = [f"<{name}>" for name in LANDMARKS if name in block.landmarks and name != "link"]
    if places:
        parts.append("in " + ", ".join(places))
    tokens = [name for name in CSS_FAMILIES if name in block.families and name != "content"]
    if tokens:
        parts.append("class or id of " + ", ".join(tokens))
    parts.append("kept by trafilatura" if block.extracted >= 0.5 else "not kept by trafilatura")
    parts.append(f"most against it: {worst}")
    return ", ".join(parts)


@cache
def reason_columns(columns: tuple[str, ...]) -> tuple[int, int]:
    """Where a reason's facts stand in a table of these columns: words, link share."""
    return columns.index("log_words"), columns.index("dom_link_share")
