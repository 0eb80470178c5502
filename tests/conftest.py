from __future__ import annotations

import os

import pytest
from hypothesis import settings

from geo.gazetteer import Gazetteer

# The same examples on every run, so CI is deterministic; HYPOTHESIS_PROFILE=explore searches afresh.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.default()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium under playwright, one per browser-test module (skipped where it is not installed)."""
    from mapbrowser import launch
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()
