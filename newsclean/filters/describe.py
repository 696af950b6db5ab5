"""Say what the page is, without changing it: its language and what kind of page it is.

`meta["language"]` is the ISO 639-1 code of the language whose stopwords the page's words
are richest in (newsclean.language); `meta["page_type"]` is one of the page types of the
WCXB benchmark (article, forum, product, collection, listing, documentation, service), with
`meta["page_type_confidence"]` the model's probability for it. The page-type model is a
multinomial logistic regression over page facts a person can name (newsclean.blocks
PAGE_FACTS: the share of words in links, in sentences and in lists, the longest run of prose,
prices, dates, code marks per word...), trained by scripts/train_models.py; out-of-fold figures
are in docs/learned.md. It runs on the whole page, before anything is removed, since what
surrounds the main text is much of what tells a product page from a story.

It changes no text, so `clean()`, which returns the text alone, skips it (`Step.describes`):
it is nearly half the time of a dump's cleaning (docs/speed.md).
"""

from __future__ import annotations

from .. import blocks, language
from ..document import Document
from ..model import shipped_page_types
from ..pipeline import step
from ..text import key_words, plain


@step(
    "describe",
    "name the page's language and its type (article, forum, product, ...)",
    whole_page=True,
    describes=True,
)
def describe(doc: Document) -> None:
    texts = [b.text for b in doc.blocks]
    if not texts or "page_type" in doc.meta:
        return  # a later pass sees the article, not the page: the first pass has described it
    lang = language.detect([w for t in texts for w in key_words(plain(t))], " ".join(texts))
    if lang:
        doc.meta.setdefault("language", lang)
    facts = blocks.table(texts, [b.gap for b in doc.blocks], lang)
    named = shipped_page_types().best(blocks.page_table(facts, "\n\n".join(texts)))
    if named:
        doc.meta.setdefault("page_type", named[0])
        doc.meta.setdefault("page_type_confidence", round(named[1], 2))
