"""The metadata schema: every key `Result.meta` may hold, its type and what it means.

Dumps and web pages give the same keys: a fact a page states about itself (its headline, who
wrote it, when, for which outlet, at which address) goes under one name whichever form the
page came in. `Document.meta` is a `Metadata`, which refuses a key not declared here (or a
value of another type) with a ValueError, so the schema cannot drift; docs/metadata.md
documents it, and a test checks that it lists exactly these keys.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

# every key, and the type of its value
FIELDS: dict[str, type] = {
    "title": str,
    "author": str,
    "date": str,
    "dateline": str,
    "sitename": str,
    "url": str,
    "language": str,
    "page_type": str,
    "page_type_confidence": float,
    "credits": str,
}

MEANINGS: dict[str, str] = {
    "title": "the headline",
    "author": 'who wrote it: the byline\'s names, without "By"',
    "date": "when it was published, as the page states it",
    "dateline": 'the place (and agency) a wire story opens with: "LONDON (Reuters)"',
    "sitename": "the outlet that published it",
    "url": "the page's address",
    "language": "the ISO 639-1 code of its language",
    "page_type": "what kind of page it is: article, forum, product, collection, listing, "
    "documentation or service",
    "page_type_confidence": "the page-type model's probability for page_type, 0 to 1",
    "credits": 'contributor credits: "Reporting by ...; Editing by ..."',
}


def check(key: str, value: object) -> None:
    """Raise ValueError unless `key` is declared in FIELDS and `value` has its type."""
    kind = FIELDS.get(key)
    if kind is None:
        raise ValueError(
            f"{key!r} is not a metadata key; the keys are {', '.join(FIELDS)} "
            "(newsclean.metadata.FIELDS, docs/metadata.md)"
        )
    if not isinstance(value, kind):
        raise ValueError(
            f"metadata {key!r} is a {kind.__name__}, not {type(value).__name__}: {value!r}"
        )


class Metadata(dict[str, Any]):
    """A dict of metadata that takes only the keys (and value types) declared in FIELDS."""

    def __init__(self, items: Mapping[str, Any] | Iterable[tuple[str, Any]] = (), **kw: Any):
        super().__init__()
        self.update(items, **kw)

    def __setitem__(self, key: str, value: Any) -> None:
        check(key, value)
        super().__setitem__(key, value)

    def setdefault(self, key: str, default: Any = None) -> Any:
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, items: Any = (), /, **kw: Any) -> None:  # type: ignore[override]
        pairs = items.items() if isinstance(items, Mapping) else items
        for key, value in [*pairs, *kw.items()]:
            self[key] = value

    def __ior__(self, other: Any) -> Metadata:  # type: ignore[override]
        self.update(other)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Metadata, (dict(self),))
