"""Ads and promos: ad labels, newsletter/app/subscribe prompts, cookie and paywall notices,
share/follow/comment bars. Phrase lists: the `ad_label_exact`, `promo` and `share_word_exact`
sections of `data/phrases/*.txt`."""

from __future__ import annotations

from ..document import Document
from ..kinds import ad_reason
from ..pipeline import step

# the reason code of each of ad_reason's answers
AD_CODES = {
    "ad label": "ads.label",
    "share/follow bar": "ads.share_bar",
    "promo or notice": "ads.promo",
    "copyright notice": "ads.copyright",
}


@step("ads", "ad labels, newsletter/app prompts, cookie and paywall notices, share bars")
def ads(doc: Document) -> None:
    for i, block in enumerate(doc.blocks):
        reason = ad_reason(block.text)
        if reason:
            doc.remove(i, reason, AD_CODES[reason])
