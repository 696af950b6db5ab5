"""Coverage-guided fuzzing of newsclean.clean with atheris (libFuzzer). See docs/robustness.md.

    .venv-fuzz/bin/python fuzz/atheris_harness.py -timeout=5 -max_len=20000 -max_total_time=600 CORPUS

Every input must give text that encodes to UTF-8 and that cleans to itself again; an exception,
a crash or an input slower than -timeout seconds is a finding, written to crash-*/timeout-*.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import newsclean


def text_from(data: bytes) -> str:
    """Half the inputs as a scraper would see them (bytes decoded as UTF-8, bad bytes replaced),
    half as any str at all (lone surrogates and every control character included)."""
    fdp = atheris.FuzzedDataProvider(data)
    if fdp.ConsumeBool():
        return fdp.ConsumeBytes(fdp.remaining_bytes()).decode("utf-8", "replace")
    return fdp.ConsumeUnicode(fdp.remaining_bytes())


def test_one_input(data: bytes) -> None:
    text = text_from(data)
    out = newsclean.clean(text)
    out.encode("utf-8")
    again = newsclean.clean(out)
    if again != out:
        raise AssertionError(f"not idempotent:\n{text!r}\n-> {out!r}\n-> {again!r}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
