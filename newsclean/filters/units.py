"""Unit-conversion repair (first cut: same-unit kilometre/mile errors; see issue #5 for the rest)."""

from __future__ import annotations

import regex

from ..document import Document
from ..pipeline import step

KM_PER_MILE = 1.609344
SAME_KM = regex.compile(r"\b(\d{1,6}(?:\.\d{1,3})?)\s?km \((\d{1,6}(?:\.\d{1,3})?)\s?km\)")


def _fix(match: regex.Match[str]) -> str:
    outer, inner = float(match.group(1)), float(match.group(2))
    if outer and abs(outer / KM_PER_MILE - inner) <= max(1.0, 0.1 * inner):
        return match.group(0)[: match.start(2) - match.start(0)] + match.group(2) + " miles)"
    return match.group(0)


def fix_units(text: str) -> str:
    """Repair garbled conversions such as "100km (60km)" -> "100km (60 miles)"."""
    return SAME_KM.sub(_fix, text)


@step("units", "repair garbled unit conversions: 100km (60km) -> 100km (60 miles)")
def units(doc: Document) -> None:
    for block in doc.blocks:
        fixed = fix_units(block.text)
        if fixed != block.text:
            doc.rewrote(block.text, fixed, "unit conversion repaired")
            block.text = fixed
