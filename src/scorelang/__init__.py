"""scorelang: write, check, test and run scoring policies (绩效考评办法).

    policy = scorelang.load("policies/2017.score")
    card = policy.evaluate("西昌市", facts)
    cards = policy.score_all({"entities": {...}})      # ranked
"""
from __future__ import annotations

from .diagnostics import Diagnostic, FactsError, PolicyError, Severity
from .policy import Policy, load, loads
from .runtime.scorecard import Event, ItemScore, Scorecard, SectionScore, TaskScore

__version__ = "0.1.0"

__all__ = ["load", "loads", "Policy", "Scorecard", "TaskScore", "SectionScore", "ItemScore", "Event",
           "PolicyError", "FactsError", "Diagnostic", "Severity", "__version__"]
