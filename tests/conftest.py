"""Shared test setup: hypothesis profiles and the 2017 policy with its example facts.

Profiles: ``dev`` (the default, 30 examples) and ``ci`` (200 examples, a blob to replay
each failure); choose with ``HYPOTHESIS_PROFILE=ci``. Neither has a deadline: evaluation
time varies with the machine, and a slow run is not a wrong one. Tests marked ``slow``
(building and installing the wheel) run only with ``SCORELANG_SLOW_TESTS=1``; .ci/run sets
both.
"""
from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import settings

import scorelang

ROOT = Path(__file__).resolve().parents[1]
SAMPLER = ROOT / "tests" / "policies" / "sampler.score"

settings.register_profile("dev", max_examples=30, deadline=None)
settings.register_profile("ci", max_examples=200, deadline=None, derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session")
def policy_2017() -> scorelang.Policy:
    """policies/2017.score, loaded once per session."""
    return scorelang.load(ROOT / "policies" / "2017.score")


@pytest.fixture(scope="session")
def policy_sampler() -> scorelang.Policy:
    """tests/policies/sampler.score: every rule kind of the language, loaded once per session."""
    return scorelang.load(SAMPLER)


@pytest.fixture(scope="session")
def examples_2017() -> dict:
    """examples/2017/facts.json with exact decimals (``parse_float=Decimal``).

    Session-scoped so hypothesis tests may use it: treat it as read-only (copy before
    changing it).
    """
    with open(ROOT / "examples" / "2017" / "facts.json", encoding="utf-8") as handle:
        return json.load(handle, parse_float=Decimal)


# Tests that build and install the wheel, or open the HTML report in headless Chromium, take
# seconds each: they run where .ci/run sets SCORELANG_SLOW_TESTS=1 (CI), and are skipped by a
# plain `pytest`.
RUN_SLOW = os.environ.get("SCORELANG_SLOW_TESTS") == "1"


def pytest_configure(config):
    # The case-file plugin comes in through its pytest11 entry point once scorelang is installed;
    # where it is not (PYTHONPATH=src), register it here: never twice.
    if not config.pluginmanager.has_plugin("scorelang"):
        from scorelang.testing import pytest_plugin

        config.pluginmanager.register(pytest_plugin, "scorelang")
    config.addinivalue_line("markers", "slow: builds or installs the package, or drives headless Chromium; runs with SCORELANG_SLOW_TESTS=1 (CI)")


def pytest_collection_modifyitems(config, items):
    if RUN_SLOW:
        return
    skip = pytest.mark.skip(reason="slow: runs in CI (SCORELANG_SLOW_TESTS=1, as .ci/run sets)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden expectations from the current output (review with git diff)")
