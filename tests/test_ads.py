"""The ads filter: ad labels, promos, share bars, copyright lines and calls to action, each
checked where it must go and where it must not."""

from __future__ import annotations

from support.texts import BODY, SECOND

import newsclean
from newsclean import DEFAULT_PIPELINE
from newsclean.filters.ads import is_call_to_action
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


# -- calls to action ----------------------------------------------------------------------------


def test_a_button_s_label_alone_on_a_line_goes():
    for label in ("Learn more", "[Add to cart](https://shop.example/cart)", "Book now »"):
        result = newsclean.explain(f"{BODY}\n\n{label}\n\n{SECOND}")
        assert result.text == f"{BODY}\n\n{SECOND}"
        assert [(c.code, c.before) for c in result.changes] == [("ads.call_to_action", label)]


def test_a_sentence_that_starts_like_a_call_to_action_stays():
    sentence = "Learn more about the scheme at the library on Church Street from Monday."
    assert newsclean.clean(f"{BODY}\n\n{sentence}") == f"{BODY}\n\n{sentence}"


def test_a_call_to_action_is_the_ads_step_s_alone():
    raw = f"{BODY}\n\nLearn more\n\n{SECOND}"
    assert newsclean.clean(raw, DEFAULT_PIPELINE.without("ads")) == raw
    assert not is_call_to_action(BODY) and not is_call_to_action("")
    assert is_call_to_action("Jetzt kaufen") and is_call_to_action("В корзину")
