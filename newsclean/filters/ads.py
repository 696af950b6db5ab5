"""Ads and promos: ad labels, newsletter/app/subscribe prompts, cookie and paywall notices,
share/follow/comment bars. Phrase lists: the `ad_label_exact`, `promo` and `share_word_exact`
sections of `data/phrases/*.txt`."""

from __future__ import annotations

from .. import phrases
from ..document import Document
from ..pipeline import step
from ..text import key, memoised, plain

PROMO_MAX_WORDS = 30  # a prompt or notice is short; a paragraph that starts the same way is not
COPYRIGHT_SIGNS = ("©", "Ⓒ")  # not "(c)": that also numbers a clause


@memoised
def ad_reason(text: str) -> str | None:
    """Why a block is an ad or promo, or None. Memoised: the article step asks it of every
    block, and the ads step asks again."""
    k = key(text)
    if not k:
        return None
    if k in phrases.exact("ad_label_exact"):
        return "ad label"
    share = phrases.exact("share_word_exact")
    words = k.split()
    if all(w in share for w in words):
        return "share/follow bar"
    if len(words) <= PROMO_MAX_WORDS and phrases.prefix("promo").match(k):
        return "promo or notice"
    if len(words) <= PROMO_MAX_WORDS and plain(text).startswith(COPYRIGHT_SIGNS):
        return "copyright notice"
    return None


@step("ads", "ad labels, newsletter/app prompts, cookie and paywall notices, share bars")
def ads(doc: Document) -> None:
    for i, block in enumerate(doc.blocks):
        reason = ad_reason(block.text)
        if reason:
            doc.remove(i, reason)
