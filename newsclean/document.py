"""The document a pipeline works on: blocks of text, metadata found on the way, and a log.

A dump is split into blocks, one per non-empty line. Each block remembers how many blank
lines stood before it (`gap`): a wide gap is where an image or a widget stood in the page,
which is how captions are told from paragraphs. Filters remove, rewrite or keep blocks, and
every removal and rewrite goes into the log with the filter's name and a reason.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .config import DEFAULT, Config
from .metadata import Metadata, check
from .reasons import default_code


@dataclass(slots=True)
class Block:
    text: str
    gap: int = 0  # blank lines before this block in the input


@dataclass(frozen=True, slots=True)
class Change:
    """One thing a filter did: removed a block, rewrote text, moved it to metadata, or warned.

    `code` is a stable dotted reason code (`ads.label`; the table is `newsclean.reasons.CODES`)
    to count and filter by; `reason` says the same for a reader, never quoting the block (the
    block is `before`). A change logged without a code gets `custom.<action>`."""

    filter: str
    action: str  # "removed" | "rewrote" | "metadata" | "warning"
    reason: str
    before: str
    after: str = ""
    code: str = ""

    def __post_init__(self) -> None:
        if not self.code:
            object.__setattr__(self, "code", default_code(self.action))

    def to_dict(self) -> dict[str, str]:
        """The change as a JSON-safe dict: filter, action, code, reason, before, after."""
        return {
            "filter": self.filter,
            "action": self.action,
            "code": self.code,
            "reason": self.reason,
            "before": self.before,
            "after": self.after,
        }

    def __str__(self) -> str:
        """One line: what happened to which text, by which filter, why, and the code. A rewrite
        shows where the text changed: `[-old-]{+new+}` with some unchanged text around it."""
        if self.action == "rewrote":
            what = '"' + where_changed(self.before, self.after) + '"'
        else:
            what = _short(self.before)
        return f"{self.action}: {what} by {self.filter}: {self.reason} [{self.code}]"


WIDTH = 70  # characters of a removed block shown
CONTEXT = 24  # characters of unchanged text shown on each side of a change in a rewrite
PIECE = 60  # characters shown of each side of one change
HUNKS = 3  # changes shown in one rewrite; "…" stands for the rest
TOKEN = re.compile(r"\S+|\s+")  # words with their punctuation, and the spaces between
# line breaks and other characters that would break one change per line: shown escaped
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
QUOTE_OR_UNPRINTABLE = re.compile(r'["\x00-\x1f\x7f-\x9f\u2028\u2029]')
ESCAPES = {'"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape(text: str) -> str:
    """`text` on one line, to quote: quotes, line breaks and control characters escaped."""
    return QUOTE_OR_UNPRINTABLE.sub(_escaped, text)


def one_line(text: str) -> str:
    """`text` on one line: line breaks and control characters escaped."""
    return UNPRINTABLE.sub(_escaped, text)


def _escaped(m: re.Match[str]) -> str:
    char = m[0]
    return ESCAPES.get(char) or (
        f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    )


def _head(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _leading(text: str, width: int) -> str:
    """The end of `text`, at most `width` characters, from a word's start where it can."""
    if len(text) <= width:
        return text
    cut = text[-width:]
    space = cut.find(" ")
    return "…" + (cut[space + 1 :] if 0 <= space < len(cut) - 1 else cut)


def _trailing(text: str, width: int) -> str:
    """The start of `text`, at most `width` characters, to a word's end where it can."""
    if len(text) <= width:
        return text
    cut = text[:width]
    space = cut.rfind(" ")
    return (cut[:space] if space > 0 else cut) + "…"


def _short(text: str, width: int = WIDTH) -> str:
    return '"' + escape(_head(text, width)) + '"'


def where_changed(before: str, after: str) -> str:
    """`before` turned into `after`, word by word: each change as `[-old-]{+new+}` between
    up to CONTEXT characters of the unchanged text around it; at most HUNKS changes, on one
    line (escaped)."""
    a, b = TOKEN.findall(before), TOKEN.findall(after)
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    out: list[str] = []
    shown = 0
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            same = "".join(a[i1:i2])
            if n == 0:
                same = _leading(same, CONTEXT)
            elif n == len(ops) - 1:
                same = _trailing(same, CONTEXT)
            elif len(same) > 2 * CONTEXT + 1:
                same = _trailing(same, CONTEXT) + _leading(same, CONTEXT)[1:]
            out.append(escape(same))
            continue
        if shown == HUNKS:
            out.append("…")
            break
        shown += 1
        out += _hunk("".join(a[i1:i2]), "".join(b[j1:j2]))
    return "".join(out)


def _hunk(old: str, new: str) -> list[str]:
    """One change, `[-old-]{+new+}`, each side cut to PIECE characters. Sides too long to show
    whole (one long word changed, say) are cut to where they differ first, so that the two
    never show the same text."""
    before = after = ""
    if max(len(old), len(new)) > PIECE:
        start = len(os.path.commonprefix([old, new]))
        end = len(os.path.commonprefix([old[start:][::-1], new[start:][::-1]]))
        before, after = old[:start], old[len(old) - end :]
        old, new = old[start : len(old) - end], new[start : len(new) - end]
    parts = [escape(_leading(before, CONTEXT))] if before else []
    if old:
        parts.append("[-" + escape(_head(old, PIECE)) + "-]")
    if new:
        parts.append("{+" + escape(_head(new, PIECE)) + "+}")
    if after:
        parts.append(escape(_trailing(after, CONTEXT)))
    return parts


@dataclass
class Document:
    """Blocks, the metadata found (a `Metadata`: only the keys of `newsclean.metadata.FIELDS`),
    the change log, and where the `article` step found the article (`article_region`)."""

    blocks: list[Block]
    meta: Metadata = field(default_factory=Metadata)
    changes: list[Change] = field(default_factory=list)
    filter: str = ""  # the filter now running; set by the pipeline
    config: Config = DEFAULT  # the settings of the pipeline running; set by the pipeline
    # (start, end) of the article among the input's blocks, once the article step has cut
    article_region: tuple[int, int] | None = None
    _pending: dict[int, Change] = field(default_factory=dict, repr=False)
    # the blocks as the input was split, by id, with their index in the input (holding the
    # block keeps its id from being reused by a block made later)
    _input: dict[int, tuple[int, Block]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.meta, Metadata):
            self.meta = Metadata(self.meta)

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
        doc = cls(blocks)
        doc._input = {id(b): (i, b) for i, b in enumerate(blocks)}
        return doc

    def input_index(self, block: Block) -> int | None:
        """Where `block` stood in the input this document was split from (one block per
        non-empty line, as `Result.blocks` counts them), or None for a block made since."""
        found = self._input.get(id(block))
        return found[0] if found is not None and found[1] is block else None

    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)

    # -- recording -------------------------------------------------------------------------
    # Filters mark blocks by index while they look at the list; the pipeline calls commit()
    # after each filter, so indices stay stable during a filter's run.

    # `code` is the change's reason code (see newsclean.reasons); without one a change is
    # logged as `custom.<action>`

    def remove(self, index: int, reason: str, code: str = "") -> None:
        """Mark blocks[index] for removal (the first reason given wins)."""
        if index not in self._pending:
            before = self.blocks[index].text.strip()
            self._pending[index] = Change(self.filter, "removed", reason, before, code=code)

    def to_meta(self, index: int, key: str, value: str, reason: str, code: str = "") -> None:
        """Move blocks[index] out of the body into metadata (the first value for a key wins).
        `key` must be one of `newsclean.metadata.FIELDS` (ValueError otherwise)."""
        check(key, value)
        if index not in self._pending:
            self.meta.setdefault(key, value)
            before = self.blocks[index].text.strip()
            self._pending[index] = Change(
                self.filter, "metadata", f"{key}: {reason}", before, code=code
            )

    def rewrote(self, before: str, after: str, reason: str, code: str = "") -> None:
        self.changes.append(Change(self.filter, "rewrote", reason, before, after, code))

    def warn(self, text: str, reason: str, code: str = "") -> None:
        self.changes.append(Change(self.filter, "warning", reason, text, code=code))

    def is_marked(self, index: int) -> bool:
        return index in self._pending

    def commit(self) -> None:
        """Drop the marked blocks and log them, in document order."""
        if not self._pending:
            return
        pending, self._pending = self._pending, {}
        self.changes.extend(pending[i] for i in sorted(pending))
        self.blocks = [b for i, b in enumerate(self.blocks) if i not in pending]
