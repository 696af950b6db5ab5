"""Fixtures and hypothesis profiles. Helpers the tests share are in support/."""

import os

import pytest
from hypothesis import HealthCheck, settings
from support.data import SHARED

# Hypothesis profiles, chosen with HYPOTHESIS_PROFILE: `ci` (the default) is quick and
# reproducible; `nightly` runs many more, random examples.
settings.register_profile(
    "ci",
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "nightly",
    max_examples=20_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def seed_text() -> str:
    path = SHARED / "seeds" / "000_b2756f038bcefa75.txt"
    if not path.exists():
        pytest.skip(f"{SHARED / 'seeds'} is missing: set NEWSCLEAN_SHARED to the shared folder")
    return path.read_text(encoding="utf-8")
