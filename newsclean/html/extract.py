"""The trafilatura call: the article's text, and the page's metadata from its markup.

trafilatura is imported when the first page is extracted, not with newsclean: it takes longer
to import than all the rest of newsclean, and a dump never needs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

import regex

from ..metadata import Metadata
from .render import LINKED_DATA_XPATH

if TYPE_CHECKING:
    import lxml.etree
    import lxml.html
    import trafilatura.settings

# trafilatura's settings, chosen by measurement on the development corpus (docs/html.md)
EXTRACT_OPTIONS = {"include_comments": False, "include_tables": True, "favor_recall": True}
# the publication date from the page's markup only: the search through its whole text is slow
DATE_OPTIONS = {"extensive_search": False, "original_date": True}
# trafilatura's metadata fields that newsclean keeps, under the same names (newsclean.metadata)
META_FIELDS = ("title", "author", "date", "sitename", "url")
# <html lang="en-GB">: the language's code is the first subtag
LANGUAGE_TAG = regex.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")
# what trafilatura's author search (its AUTHOR_XPATHS) tests: these attributes, for these
# words (a superset of its patterns: tests/test_html.py checks them against trafilatura's),
# and these tags (`<author>`; a child `<rel>`, which one of its XPaths reads by mistake for
# the attribute). An element with none of them cannot match.
AUTHOR_ATTRIBUTES = frozenset(("class", "id", "rel", "itemprop", "data-testid", "data-component"))
AUTHOR_WORDS = regex.compile(
    r"author|byl|bbl|username|zuozhe|bianji|xiaobian|channel-name|submitted-by|posted-by"
    r"|journalist-name|screenname|writer",
    regex.IGNORECASE,
)
AUTHOR_TAGS = frozenset({"author", "rel"})
# a step from the root ("//x" or ".//x" at the start of an XPath or of an alternative)
FROM_ROOT = regex.compile(r"(^\s*|\|\s*)\.?//")
AUTHOR_MAX_CHARS = 120  # trafilatura's length limit for an author's name


@dataclass
class Extraction:
    """What trafilatura made of a page: its text (None when it found nothing) and metadata."""

    text: str | None
    meta: dict[str, Any] = field(default_factory=dict)


def page_language(tree: lxml.html.HtmlElement) -> str:
    """The language the page declares (`<html lang>`), as a code: "en-GB" -> "en"; "" if none."""
    m = LANGUAGE_TAG.match((tree.get("lang") or "").strip())
    return m.group(1).lower() if m else ""


def extract(tree: lxml.html.HtmlElement, all_metadata: bool = True) -> Extraction:
    """trafilatura's text of the page and the metadata of its markup (META_FIELDS) and its
    declared language. `all_metadata=False` (what `clean()` asks) reads the title alone of
    the markup, which tells the headline at the body's top (`page.drop_headline`): the
    author's and the date's searches are a ninth of trafilatura's time and `clean()` returns
    no metadata, as `trafilatura.extract` looks for none by default."""
    import trafilatura  # with the first page: see the module's docstring

    # the metadata apart: trafilatura's extraction reads none of it (the page's URL only to
    # resolve links, which it leaves out here); a page it finds nothing in has none, as before
    found = trafilatura.bare_extraction(tree, **EXTRACT_OPTIONS)
    meta = Metadata()
    if found is not None:
        markup = markup_metadata(tree, all_metadata)
        for name in META_FIELDS if all_metadata else ("title",):
            value = getattr(markup, name, None)
            if value:
                meta[name] = str(value)
    language = page_language(tree)
    if language:
        meta["language"] = language
    text = (found.text or None) if found is not None else None
    return Extraction(text, dict(meta))


def markup_metadata(
    tree: lxml.html.HtmlElement, all_metadata: bool = True
) -> trafilatura.settings.Document:
    """The page's metadata as trafilatura's `extract_metadata` finds it, step for step, for the
    fields newsclean keeps (META_FIELDS): without the categories, tags and license it also
    looks for, which cost a sixth of the extraction's time (their XPaths with regular
    expressions, run over the whole tree). The page's linked data (`render.LINKED_DATA_XPATH`)
    is read for the author, title and site name and then leaves the tree: htmldate would take
    its dates over the page's own, and on wcxb-dev those are more often wrong (docs/html.md).
    `all_metadata=False` stops once the title is found (the fields after it are left as the
    meta tags and linked data gave them)."""
    from trafilatura import metadata as traf

    found = traf.examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None
    try:
        found = traf.extract_meta_json(tree, found)
    except Exception:  # noqa: BLE001 -- trafilatura's JSON-LD reader has bugs: it skips them too
        traf.LOGGER.warning("error in JSON metadata extraction")
    for script in tree.xpath(LINKED_DATA_XPATH):
        script.drop_tree()
    found.title = found.title or traf.extract_title(tree)
    if all_metadata:
        found.author = found.author or page_author(tree)
        found.url = found.url or traf.extract_url(tree)
        found.date = traf.find_date(tree, **DATE_OPTIONS, url=found.url)
        found.sitename = found.sitename or traf.extract_sitename(tree)
        if found.sitename:
            found.sitename = found.sitename.lstrip("@")  # a Twitter handle
            if found.sitename and "." not in found.sitename and not found.sitename[0].isupper():
                found.sitename = found.sitename.title()
        elif found.url and (site := traf.META_URL.match(found.url)):
            found.sitename = site[1]
    found.clean_and_trim()
    return found


def page_author(tree: lxml.html.HtmlElement) -> str | None:
    """trafilatura's author search (`extract_author`), at a fraction of its cost. It copies
    the whole tree, prunes from the copy what names no author (comments, sidebars, dates,
    figures: its AUTHOR_DISCARD_XPATHS) and walks the copy with its AUTHOR_XPATHS, an eighth
    of the HTML path's time, mostly to find nothing. Here one walk finds the few elements that
    could match (`may_name_author`); each is tested alone with trafilatura's XPaths
    (`author_tests`), skipped when a pruned element holds it, and read with the pruned
    elements inside it left out (`pruned_text`): the first that reads as a name is the author,
    as in trafilatura's search, whose result this is on every page (tests check it)."""
    from trafilatura import metadata as traf

    tests, prunes = author_tests()
    elements = [e for e in tree.iter() if isinstance(e.tag, str) and may_name_author(e)]
    if not tests or any(e.tag == "rel" for e in elements):
        # trafilatura's XPaths could not be made tests of one element; or one of them,
        # "rel='me'", reads the text of a child <rel>, which its pruning can change
        return traf.extract_author(tree)
    for test in tests:
        for element in elements:
            if not test(element) or is_pruned(element, prunes):
                continue
            content = pruned_text(element, prunes)
            if content and 2 < len(content) < AUTHOR_MAX_CHARS:
                return traf.normalize_authors(None, content)
    return None


def is_pruned(element: lxml.html.HtmlElement, prunes: tuple[lxml.etree.XPath, ...]) -> bool:
    """Whether trafilatura's prunes delete the element or one of its ancestors (never the
    root: trafilatura deletes an element from its parent, and the root has none)."""
    for e in (element, *element.iterancestors()):
        if e.getparent() is None:
            return False
        if any(prune(e) for prune in prunes):
            return True
    return False


def pruned_text(element: lxml.html.HtmlElement, prunes: tuple[lxml.etree.XPath, ...]) -> str:
    """The element's text as trafilatura's author search reads it once it has pruned the tree:
    the elements inside it that a prune matches deleted in its order (each prune's matches in
    the page's order), their tails kept, on a copy of the element."""
    from copy import deepcopy

    from trafilatura.utils import trim
    from trafilatura.xml import delete_element

    inside = [[e for e in element.iterdescendants() if p(e)] for p in prunes]
    if any(inside):
        copy = deepcopy(element)
        twin = dict(zip(element.iter(), copy.iter(), strict=True))
        for matches in inside:
            for e in matches:
                delete_element(twin[e])
        element = copy
    return trim(" ".join(element.itertext()))


def may_name_author(element: lxml.html.HtmlElement) -> bool:
    """Whether trafilatura's author search could match the element (AUTHOR_WORDS)."""
    if element.tag in AUTHOR_TAGS:
        return True
    # its attributes read once (most elements have none or one), not looked up by name
    for name, value in element.items():
        if name in AUTHOR_ATTRIBUTES and AUTHOR_WORDS.search(value):
            return True
    return False


@cache
def author_tests() -> tuple[tuple[lxml.etree.XPath, ...], tuple[lxml.etree.XPath, ...]]:
    """trafilatura's author XPaths and its prunes for the author search, each made to test
    one element rather than search the tree ("//*[...]" -> "self::*[...]"); none when one does
    not read as such (a later trafilatura's), and then its own search runs."""
    import lxml.etree
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS, REGEXP_NS

    def one_element(xpaths: list[lxml.etree.XPath]) -> tuple[lxml.etree.XPath, ...]:
        paths = [FROM_ROOT.sub(r"\1self::", x.path) for x in xpaths]
        if any("//" in path for path in paths):
            return ()
        return tuple(lxml.etree.XPath(path, namespaces={"re": REGEXP_NS}) for path in paths)

    tests, prunes = one_element(AUTHOR_XPATHS), one_element(AUTHOR_DISCARD_XPATHS)
    return (tests, prunes) if tests and prunes else ((), ())
