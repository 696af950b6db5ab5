"""Never worse than ftfy (issue #14): wherever ftfy.fix_text repairs a string, clean()'s output
holds ftfy's repair. (newsclean keeps curly quotes curly: ftfy is asked the same, through the
`unicode` filter's own settings.)"""

from __future__ import annotations

import ftfy
import ftfy.bad_codecs  # noqa: F401 - registers sloppy-windows-1252
from hypothesis import example, given
from hypothesis import strategies as st

import newsclean
from newsclean.filters.unicode import ftfy_config

ACCENTED = st.sampled_from(list("éèàüößñçøåæœ“”‘’–—…€£°½ÉÜÑ«»") + ["\u201crelief\u201d"])
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
PIECE = st.one_of(WORD, ACCENTED, st.tuples(WORD, ACCENTED, WORD).map("".join))


def mojibake(text: str, codec: str) -> str:
    """UTF-8 bytes read in a single-byte charset, as a misconfigured scraper reads them."""
    data = text.encode("utf-8")
    return data.decode("latin-1") if codec == "latin-1" else data.decode(codec, errors="replace")


@given(
    st.lists(PIECE, min_size=1, max_size=6).map(" ".join),
    st.sampled_from(["latin-1", "cp1252", "sloppy-windows-1252"]),
)
@example("a \u201crelief\u201d after", "sloppy-windows-1252")
@example("a \u201crelief\u201d after", "latin-1")
def test_clean_holds_ftfys_repair_of_mojibake(original: str, codec: str):
    broken = mojibake(original, codec)
    sentence = f"The mayor said {broken} after the vote on Tuesday."
    repaired = ftfy.fix_text(sentence, ftfy_config())
    if repaired == sentence:
        return  # nothing for ftfy to repair
    assert " ".join(repaired.split()) in newsclean.clean(sentence)


def test_the_issue_example():
    text = "a \u00e2\u20ac\u0153relief\u00e2\u20ac\x9d after"
    assert ftfy.fix_text(text) == 'a "relief" after'
    assert newsclean.clean(text) == "a \u201crelief\u201d after"
