"""Ads and promos: ad labels, newsletter/app/subscribe prompts, cookie and paywall notices,
share/follow/comment bars. Phrase lists: the `ad_label_exact`, `promo` and `share_word_exact`
sections of `data/phrases/*.txt`."""

from __future__ import annotations

from .. import config, phrases
from ..document import Document
from ..memo import memoised
from ..pipeline import step
from ..text import key, plain

# the reason code of each of ad_reason's answers
AD_CODES = {
    "ad label": "ads.label",
    "share/follow bar": "ads.share_bar",
    "promo or notice": "ads.promo",
    "copyright notice": "ads.copyright",
}
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
    if k.partition(" ")[0] in share and share.issuperset(k.split(" ")):
        return "share/follow bar"
    # a prompt or notice is short; a paragraph that starts the same way is not
    if k.count(" ") >= config.active().ads.promo_max_words:  # a key's words are single-spaced
        return None
    if phrases.prefix("promo").match(k):
        return "promo or notice"
    if plain(text).startswith(COPYRIGHT_SIGNS):
        return "copyright notice"
    return None


@step("ads", "ad labels, newsletter/app prompts, cookie and paywall notices, share bars")
def ads(doc: Document) -> None:
    for i, block in enumerate(doc.blocks):
        reason = ad_reason(block.text)
        if reason:
            doc.remove(i, reason, AD_CODES[reason])
