"""Ads and promos: ad labels, newsletter/app/subscribe prompts, cookie and paywall notices,
share/follow/comment bars, and buttons' calls to action standing alone on a line ("Learn more",
"Add to cart", "Book now"). Phrase lists: the `ad_label_exact`, `promo`, `share_word_exact` and
`call_to_action_exact` sections of `data/phrases/*.txt`.

A call to action is a verdict of this step only: the article finders do not read it, so a
button's label between paragraphs is left to this step, and a sentence that starts like one
("Learn more about the scheme at the library") is prose, since only the whole line matches."""

from __future__ import annotations

from .. import phrases
from ..document import Document
from ..kinds import ad_reason
from ..pipeline import step
from ..text import key

# the reason code of each of ad_reason's answers
AD_CODES = {
    "ad label": "ads.label",
    "share/follow bar": "ads.share_bar",
    "promo or notice": "ads.promo",
    "copyright notice": "ads.copyright",
}
CALL_TO_ACTION = "a button's call to action"


def is_call_to_action(text: str) -> bool:
    """The block is only a button's label ("Learn more", "[Add to cart](...)", "Book now »")."""
    k = key(text)
    return bool(k) and k in phrases.exact("call_to_action_exact")


@step("ads", "ad labels, newsletter/app prompts, cookie/paywall notices, share bars, buttons")
def ads(doc: Document) -> None:
    for i, block in enumerate(doc.blocks):
        reason = ad_reason(block.text)
        if reason:
            doc.remove(i, reason, AD_CODES[reason])
        elif is_call_to_action(block.text):
            doc.remove(i, CALL_TO_ACTION, "ads.call_to_action")
