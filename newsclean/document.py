"""The document a pipeline works on: blocks of text, metadata found on the way, and a log.

A dump is split into blocks, one per non-empty line. Each block remembers how many blank
lines stood before it (`gap`): a wide gap is where an image or a widget stood in the page,
which is how captions are told from paragraphs. Filters remove, rewrite or keep blocks, and
every removal and rewrite goes into the log with the filter's name and a reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .config import DEFAULT, Config


@dataclass(slots=True)
class Block:
    text: str
    gap: int = 0  # blank lines before this block in the input


@dataclass(frozen=True, slots=True)
class Change:
    """One thing a filter did: removed a block, rewrote text, moved it to metadata, or warned."""

    filter: str
    action: str  # "removed" | "rewrote" | "metadata" | "warning"
    reason: str
    before: str
    after: str = ""

    def __str__(self) -> str:
        if self.action == "rewrote":
            after = _short(self.after)
            return f"rewrote: {_short(self.before)} -> {after} by {self.filter}: {self.reason}"
        return f"{self.action}: {_short(self.before)} by {self.filter}: {self.reason}"


def _short(text: str, width: int = 70) -> str:
    text = text if len(text) <= width else text[: width - 1] + "…"
    return '"' + text.replace('"', '\\"') + '"'


@dataclass
class Document:
    blocks: list[Block]
    meta: dict[str, str] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    filter: str = ""  # the filter now running; set by the pipeline
    config: Config = DEFAULT  # the settings of the pipeline running; set by the pipeline
    _pending: dict[int, Change] = field(default_factory=dict, repr=False)

    @classmethod
    def from_text(cls, text: str) -> Document:
        blocks: list[Block] = []
        gap = 0
        for line in text.splitlines():  # \r\n, \r, U+2028, U+2029, \x0b, \x0c, \x85 end lines too
            if line.strip():
                blocks.append(Block(line, gap))
                gap = 0
            else:
                gap += 1
        return cls(blocks)

    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)

    # -- recording -------------------------------------------------------------------------
    # Filters mark blocks by index while they look at the list; the pipeline calls commit()
    # after each filter, so indices stay stable during a filter's run.

    def remove(self, index: int, reason: str) -> None:
        """Mark blocks[index] for removal (the first reason given wins)."""
        if index not in self._pending:
            self._pending[index] = Change(
                self.filter, "removed", reason, self.blocks[index].text.strip()
            )

    def to_meta(self, index: int, key: str, value: str, reason: str) -> None:
        """Move blocks[index] out of the body into metadata (the first value for a key wins)."""
        if index not in self._pending:
            self.meta.setdefault(key, value)
            self._pending[index] = Change(
                self.filter, "metadata", f"{key}: {reason}", self.blocks[index].text.strip()
            )

    def rewrote(self, before: str, after: str, reason: str) -> None:
        self.changes.append(Change(self.filter, "rewrote", reason, before, after))

    def warn(self, text: str, reason: str) -> None:
        self.changes.append(Change(self.filter, "warning", reason, text))

    def is_marked(self, index: int) -> bool:
        return index in self._pending

    def commit(self) -> None:
        """Drop the marked blocks and log them, in document order."""
        if not self._pending:
            return
        pending, self._pending = self._pending, {}
        self.changes.extend(pending[i] for i in sorted(pending))
        self.blocks = [b for i, b in enumerate(self.blocks) if i not in pending]
