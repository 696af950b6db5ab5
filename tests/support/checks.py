"""Checks many tests make of clean()'s output."""

from __future__ import annotations

import newsclean


def clean_valid(raw: str) -> str:
    """clean(), checked to give text that encodes to UTF-8 and comes back unchanged."""
    out = newsclean.clean(raw)
    out.encode("utf-8")
    assert newsclean.clean(out) == out
    return out
