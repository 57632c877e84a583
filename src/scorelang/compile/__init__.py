"""Stage 3: policy model → evaluator, built once per policy."""
from __future__ import annotations

from ..model import nodes as model_nodes
from .evaluator import Evaluator

__all__ = ["compile_policy", "Evaluator"]


def compile_policy(policy: model_nodes.Policy) -> Evaluator:
    """Compile every rule into Decimal closures; the result scores any number of entities."""
    return Evaluator(policy)
