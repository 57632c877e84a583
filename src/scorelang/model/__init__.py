"""Stage 2: syntax tree → resolved, checked policy model."""
from __future__ import annotations

from ..diagnostics import Diagnostics, PolicyError, sorted_diagnostics
from ..syntax import nodes as syntax_nodes
from . import nodes
from .checks import CHECKS
from .from_syntax import occasion_fact_name, resolve_policy

__all__ = ["resolve", "check", "nodes", "occasion_fact_name"]


def check(policy: nodes.Policy) -> Diagnostics:
    """Run every consistency check; returns errors and warnings."""
    diagnostics = Diagnostics()
    for run_check in CHECKS:
        diagnostics.extend(run_check(policy))
    return diagnostics


def resolve(tree: syntax_nodes.Policy, source: str | None = None) -> tuple[nodes.Policy, Diagnostics]:
    """Resolve and check a syntax tree. Raises PolicyError listing every error at once;
    returns the model and the warnings otherwise."""
    policy, diagnostics = resolve_policy(tree)
    if policy is not None:
        diagnostics.extend(check(policy))
    sources = {tree.file: source} if source is not None else {}
    if diagnostics.errors:
        # warnings after an error are mostly its echoes (an unread fact, an empty item)
        raise PolicyError(tuple(sorted_diagnostics(diagnostics.errors)), sources)
    assert policy is not None
    return policy, diagnostics
