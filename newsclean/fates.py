"""What became of each input block: kept, removed, moved to metadata, or rewritten.

`Result.blocks` is built here from the public record of a run: the text the filters started
from (`Result.source`) and the change log (`Result.changes`). The input is split as the
pipeline splits it (`Document.from_text`: one block per non-empty line), and the log is
replayed over those blocks in order:

- a removal or a move to metadata names the block's text in `before`: the block it names goes,
  with the filter, the reason and the reason code (see `newsclean.reasons`);
- a rewrite names the text before and after: the block (or the run of blocks joined into one,
  or the fragment of a block) it names takes the new text, and remembers the rewrite.

Texts are compared without their whitespace, since whitespace-only normalisation is not
logged. A change that names no block still standing is tried again at the end, against what
is left; one that still names none is left out (its block shows as kept or rewritten, as the
rest of the log says).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from itertools import islice

from .document import Change, Document

KEPT = "kept"
REMOVED = "removed"
METADATA = "metadata"
REWROTE = "rewrote"

# Fragment look-ups (a rewrite of part of a block, a removal naming text no block has exactly)
# scan the blocks still standing; at most this many per run, so a hostile log stays linear.
MAX_SCANS = 2_000
# Duplicates are settled by aligning blocks with the output (quadratic at worst): up to this
# many blocks.
MAX_ALIGN = 5_000
MAX_STARTS = 50  # copies of a repeated first line tried as the start of a run of joined blocks
MAX_GAP = 200  # removed blocks looked through to tell that two blocks stand side by side


@dataclass(frozen=True, slots=True)
class BlockFate:
    """One input block and what became of it.

    `fate` is "kept", "removed", "metadata" (moved out of the body into `Result.meta`) or
    "rewrote" (kept, with its text changed: `after` is the text it became; empty for a block
    joined into the one before it). `filter`, `code` and `reason` say who did it and why
    (all empty for a kept block).
    """

    text: str
    fate: str = KEPT
    filter: str = ""
    code: str = ""
    reason: str = ""
    after: str = ""

    @property
    def removed(self) -> bool:
        return self.fate in (REMOVED, METADATA)


def squeeze(text: str) -> str:
    """The comparison key of a text: without its whitespace."""
    return "".join(text.split())


class _Entry:
    """A block as it stands during the replay, and the input blocks it came from."""

    __slots__ = ("key", "text", "origins", "alive")

    def __init__(self, text: str, origins: list[int]):
        self.text = text
        self.key = squeeze(text)
        self.origins = origins
        self.alive = True

    @property
    def position(self) -> int:
        return self.origins[0]


class _Replay:
    def __init__(self, texts: list[str]):
        self.entries: list[_Entry] = []
        self.by_key: dict[str, list[_Entry]] = {}
        self.terminal: dict[int, Change] = {}
        self.rewrites: dict[int, Change] = {}  # the last rewrite that touched each block
        self.scans = 0
        self.removed: list[_Entry] = []  # entries retired by a removal, in log order
        self.at: dict[int, _Entry] = {}  # standing entries by position
        for i, text in enumerate(texts):
            self._add(_Entry(text.strip(), [i]))

    def _add(self, entry: _Entry) -> None:
        self.entries.append(entry)
        self.by_key.setdefault(entry.key, []).append(entry)
        self.at[entry.position] = entry

    def _find(self, key: str, after: int = -1) -> _Entry | None:
        """The first standing block with this key, preferring one that stands after position
        `after` (a filter logs its removals in document order, so among blocks of the same
        text the one it removed comes after the block it removed before)."""
        first = None
        for entry in self.by_key.get(key, ()):
            if entry.alive:
                if entry.position > after:
                    return entry
                first = first or entry
        return first

    def _scan(self, key: str) -> _Entry | None:
        """The first standing block whose text holds `key` (a fragment of it)."""
        if not key or self.scans >= MAX_SCANS:
            return None
        self.scans += 1
        for entry in self.entries:
            if entry.alive and key in entry.key:
                return entry
        return None

    def _retire(self, entry: _Entry) -> None:
        entry.alive = False
        if self.at.get(entry.position) is entry:
            del self.at[entry.position]

    def _adjacent(self, earlier: _Entry, later: _Entry) -> bool:
        """No block stands between the two (bounded look: a long gap counts as not adjacent)."""
        gap = range(earlier.position + 1, later.position)
        return len(gap) <= MAX_GAP and not any(p in self.at for p in gap)

    def remove(self, change: Change, fragments: bool, after: int = -1) -> int | None:
        """Retire the block `change` names; its position, or None if it names none."""
        key = squeeze(change.before)
        entry = self._find(key, after)
        if entry is None:
            joined = self._joined_into_another(key)
            if joined is not None:
                self.terminal.setdefault(joined, change)
                return joined
            entry = self._joined(change.before) or (self._scan(key) if fragments else None)
        if entry is None:
            return None
        for origin in entry.origins:
            self.terminal.setdefault(origin, change)
        self._retire(entry)
        self.removed.append(entry)
        return entry.position

    def rewrite(self, change: Change) -> bool:
        key = squeeze(change.before)
        entry = self._find(key)
        if entry is not None:
            self._replace(entry, change.after, entry.origins, change)
            return True
        joined = self._joined(change.before)
        if joined is not None:
            self._replace(joined, change.after, joined.origins, change)
            return True
        entry = self._scan(key)
        if entry is None:
            return False
        # a fragment of a block rewritten (a unit conversion, a dateline cut off)
        text = entry.text.replace(change.before, change.after, 1)
        if text == entry.text:
            after = squeeze(change.after)
            text = entry.key.replace(key, after, 1)
        self._replace(entry, text, entry.origins, change)
        return True

    def _joined_into_another(self, key: str) -> int | None:
        """An input block of this text already joined into the block above it (hard-wrapped
        lines are logged as a rewrite of the block above, then a removal of each line)."""
        for entry in self.by_key.get(key, ()):
            if not entry.alive and len(entry.origins) == 1:
                origin = entry.origins[0]
                if origin not in self.terminal and origin in self.rewrites:
                    return origin
        return None

    def _joined(self, before: str) -> _Entry | None:
        """Blocks joined into one ("had\\n\\nbeen" -> "had been"): the standing blocks named by
        the lines of `before`, merged into one entry; None unless every line names one."""
        lines = [line for line in before.splitlines() if line.strip()]
        if len(lines) < 2:
            return None
        keys = [squeeze(line) for line in lines]
        starts = islice((e for e in self.by_key.get(keys[0], ()) if e.alive), MAX_STARTS)
        candidates = [c for c in map(lambda e: self._chain(e, keys[1:]), starts) if c is not None]
        if not candidates:
            return None
        # a filter joins blocks that stand next to each other: prefer such a run
        found = next((c for c in candidates if all(map(self._adjacent, c, c[1:]))), candidates[0])
        origins = sorted(o for e in found for o in e.origins)
        for entry in found:
            self._retire(entry)
        merged = _Entry(before, origins)
        self._add(merged)
        return merged

    def _chain(self, first: _Entry, keys: list[str]) -> list[_Entry] | None:
        """`first` and the standing blocks of `keys` after it, in order; None if one is missing."""
        found = [first]
        for key in keys:
            entry = self._find(key, found[-1].position)
            if entry is None or entry.position <= found[-1].position:
                return None
            found.append(entry)
        return found

    def _replace(self, entry: _Entry, text: str, origins: list[int], change: Change) -> None:
        self._retire(entry)
        for origin in origins:
            self.rewrites[origin] = change
        self._add(_Entry(text, origins))

    def settle_duplicates(self, output: str) -> None:
        """Where a text stands more than once, the log does not say which copy a filter
        removed: the copies the output holds are the ones kept. Align the standing and the
        removed blocks with the output's paragraphs, and swap the fates of copies the
        alignment contradicts."""
        units = sorted(
            [e for e in self.entries if e.alive] + self.removed, key=lambda e: e.position
        )
        if len(units) > MAX_ALIGN:
            return
        paragraphs = [squeeze(p) for p in output.split("\n\n") if p.strip()]
        keys = [e.key for e in units]
        if [e.key for e in units if e.alive] == paragraphs:
            return
        matcher = difflib.SequenceMatcher(None, keys, paragraphs, autojunk=False)
        matched = {id(units[m.a + k]) for m in matcher.get_matching_blocks() for k in range(m.size)}
        wrong_kept: dict[str, list[_Entry]] = {}
        for entry in units:
            if entry.alive and id(entry) not in matched:
                wrong_kept.setdefault(entry.key, []).append(entry)
        for entry in units:
            if entry.alive or id(entry) not in matched or not wrong_kept.get(entry.key):
                continue
            other = wrong_kept[entry.key].pop(0)
            change = self.terminal[entry.origins[0]]
            for origin in entry.origins:
                self.terminal.pop(origin, None)
            for origin in other.origins:
                self.terminal[origin] = change
            entry.alive, other.alive = True, False

    def final_text(self) -> dict[int, str]:
        """The text each standing block ends with, by its first input block."""
        return {e.origins[0]: e.text for e in self.entries if e.alive}


def block_fates(source: str, changes: list[Change], output: str | None = None) -> list[BlockFate]:
    """The fate of each block of `source` (one per non-empty line), from the change log; with
    the `output` text, copies of a repeated block are told apart by which the output holds."""
    texts = [b.text for b in Document.from_text(source).blocks]
    replay = _Replay(texts)
    missed: list[Change] = []
    last, last_filter = -1, ""  # where the run of removals by one filter has got to
    for change in changes:
        if change.action in (REMOVED, METADATA):
            where = replay.remove(change, False, last if change.filter == last_filter else -1)
            if where is None:
                missed.append(change)
            else:
                last, last_filter = where, change.filter
        else:
            last_filter = ""
            if change.action == REWROTE:
                replay.rewrite(change)
    for change in missed:  # e.g. a headline dropped after the run, named by its final text
        replay.remove(change, fragments=True)
    if output is not None:
        replay.settle_duplicates(output)
    final = replay.final_text()
    fates = []
    for i, text in enumerate(texts):
        text = text.strip()
        change = replay.terminal.get(i)
        if change is not None:
            fates.append(_fate(text, change.action, change))
        elif i in replay.rewrites:
            fates.append(_fate(text, REWROTE, replay.rewrites[i], final.get(i, "")))
        else:
            fates.append(BlockFate(text))
    return fates


def _fate(text: str, fate: str, change: Change, after: str = "") -> BlockFate:
    return BlockFate(text, fate, change.filter, change.code, change.reason, after)
