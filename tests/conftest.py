"""Shared fixtures.

Tests that need ``../shared/data`` or a headless Chromium skip with a reason when these are
missing locally, and fail instead when ``CI=true`` (CI must have them).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
IN_CI = os.environ.get("CI", "").lower() == "true"


def _missing(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: this must be present in CI)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real public data in ``../shared/data``."""
    if not SHARED_DATA.is_dir():
        _missing(f"shared data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def onet_dir(shared_data: Path) -> Path:
    return shared_data / "onet"


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of a headless-capable Chromium (Debian's ``chromium`` package in CI)."""
    path = find_chromium()
    if path is None:
        _missing("no Chromium browser on this machine (apt-get install chromium)")
    return path


@pytest.fixture
def no_browser(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A machine without Chromium: nothing on the PATH, no CAREERKIT_CHROMIUM."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("CAREERKIT_CHROMIUM", raising=False)


@pytest.fixture(autouse=True)
def careerkit_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own empty CAREERKIT_HOME, so no test touches real workbooks."""
    home = tmp_path_factory.mktemp("careerkit_home")
    monkeypatch.setenv("CAREERKIT_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def quick_clicks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests click buttons faster than any person: no double-click window, except in the tests
    of that window (``double_clicks``)."""
    from careerkit.ui import _screen

    monkeypatch.setattr(_screen, "DOUBLE_CLICK_SECONDS", 0.0)


@pytest.fixture
def double_clicks(monkeypatch: pytest.MonkeyPatch) -> float:
    """The real double-click window (a second click within it is ignored)."""
    from careerkit.ui import _screen

    monkeypatch.setattr(_screen, "DOUBLE_CLICK_SECONDS", 0.6)
    return 0.6
