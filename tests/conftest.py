from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = ROOT / "fixtures"


@pytest.fixture
def seed_text() -> str:
    path = SHARED / "seeds" / "000_b2756f038bcefa75.txt"
    if not path.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    return path.read_text(encoding="utf-8")
