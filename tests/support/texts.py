"""Paragraphs the tests build their inputs around."""

# the body of a story, in two paragraphs: each filter's rule is checked beside them, where it must
# fire and where it must not
BODY = (
    "The council said on Monday that the new bridge would open in the spring, two years later"
    " than planned, after the discovery of old mine workings beneath the river bank."
)
SECOND = (
    "Engineers have since filled the workings with concrete, and traffic tests are due to begin"
    " in February if the weather allows the crews to finish the deck."
)

# a short story with an ad label above it: short enough that the article step cuts nothing (the
# page weighs less than a region must), so the label is the ads step's alone to remove
# (test_config.test_the_ad_case_isolates_the_ads_step)
PROSE = (
    "The council met on Tuesday to discuss the plan for the new bridge over the river, and the "
    "mayor said work would start in the spring."
)
WITH_AD = f"Advertisement\n\n{PROSE}"
