"""The ads filter: ad labels, promos, share bars and copyright lines, each checked where it must
go and where it must not."""

from __future__ import annotations

from support.texts import BODY

import newsclean
from newsclean.kinds import ad_reason


def test_copyright_line_goes_but_a_lettered_clause_stays():
    assert newsclean.clean(f"{BODY}\n\n© 2024 City Weekly Ltd") == BODY
    clause = "(c) the right to appeal within 28 days of the decision."
    assert newsclean.clean(f"{BODY}\n\n{clause}") == f"{BODY}\n\n{clause}"


# -- shortcut-equivalence ---------------------------------------------------------------------
# Each shortcut taken for speed gives exactly the answer of the slow way.


def test_ad_reason_counts_a_promo_s_words_from_its_key():
    promo = "Sign up for our newsletter!"  # a promo phrase, then its words up to the limit
    assert ad_reason(promo + " word" * 25) == "promo or notice"  # 30 words
    assert ad_reason(promo + " word" * 26) is None  # 31: a paragraph that starts the same way
    assert ad_reason("Share | Facebook | Twitter") == "share/follow bar"
    assert ad_reason("Share this with Facebook") is None
