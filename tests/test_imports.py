"""`import newsclean` is quick (issue #15): the heavy modules are imported when first needed,
not with the package. trafilatura and lxml with the first web page, charset_normalizer with
the first bytes that need detection, numpy with the first step that scores a page, ftfy with
the first text that may hold mojibake. Each check runs in a fresh interpreter."""

import json
import subprocess
import sys

import pytest

LAZY = ["trafilatura", "lxml", "charset_normalizer", "numpy", "ftfy", "justext"]

PAGE = (
    "<!doctype html><html lang='en'><head><title>Bridge opens</title></head><body><article>"
    "<h1>Bridge opens</h1>"
    + "<p>The new bridge over the river opened on Monday after three years of work.</p>" * 12
    + "</article></body></html>"
)


def loaded_after(code: str) -> dict[str, bool]:
    """Which of LAZY are imported once `code` has run in a fresh interpreter."""
    script = (
        f"import json, sys\n{code}\nprint(json.dumps({{m: m in sys.modules for m in {LAZY!r}}}))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return json.loads(proc.stdout.splitlines()[-1])


def test_importing_newsclean_imports_none_of_the_heavy_modules():
    assert loaded_after("import newsclean") == dict.fromkeys(LAZY, False)


def test_a_plain_dump_needs_neither_trafilatura_nor_ftfy():
    loaded = loaded_after(
        "import newsclean\n"
        "assert newsclean.clean('ADVERTISEMENT\\n\\nThe bridge opened on Monday.') == "
        "'The bridge opened on Monday.'"
    )
    # (lxml comes with justext, whose stoplists tell the dump's language)
    assert not loaded["trafilatura"] and not loaded["ftfy"] and not loaded["charset_normalizer"]


def test_the_first_page_imports_trafilatura_and_is_cleaned():
    loaded = loaded_after(
        "import newsclean\n"
        f"result = newsclean.explain({PAGE!r})\n"
        "assert result.text.startswith('The new bridge over the river opened on Monday'), result.text\n"
        "assert result.meta['title'] == 'Bridge opens', result.meta"
    )
    assert loaded["trafilatura"] and loaded["lxml"]


def test_mojibake_imports_ftfy_and_is_repaired():
    loaded = loaded_after(
        "import newsclean\nassert newsclean.clean('The caf\\u00c3\\u00a9 opened.') == 'The café opened.'"
    )
    assert loaded["ftfy"]


def test_a_pattern_is_compiled_with_its_first_call_not_at_import():
    from newsclean.patterns import Pattern, pattern

    guarded = pattern(r"\bcolou?r\b")
    quick = pattern(r"ab+", same_in_re=True)
    for p in (guarded, quick):
        with pytest.raises(AttributeError):
            Pattern.compiled.__get__(p)  # the slot is still unset
    assert guarded.search("the colour red").group(0) == "colour"
    assert quick.match("abbb").group(0) == "abbb"
    assert guarded.search("x" * 3000 + " color").group(0) == "color"  # the guarded path
    assert Pattern.compiled.__get__(guarded).pattern == r"\bcolou?r\b"
    with pytest.raises(AttributeError):
        guarded.no_such_attribute  # noqa: B018
