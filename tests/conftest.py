"""Shared by every test: matplotlib headless, and one browser for the page tests."""

import os

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402
from headless_chromium import Chromium, find_chromium, font_dirs  # noqa: E402


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every page test (with the test extra's CJK font): skipped where Chromium
    is missing, but a failure in CI, which installs it."""
    binary = find_chromium()
    if binary is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("chromium is missing in CI: .ci/run installs it (apt-get install chromium)")
        pytest.skip("chromium is not installed (apt-get install chromium); CI installs it and runs this test")
    with Chromium(binary, font_dirs=font_dirs()) as chromium:
        yield chromium
