"""Stage 4: scorecards → a ranked cohort (排名). Equal totals share a rank (并列)."""
from __future__ import annotations

from typing import Iterable

import attrs

from ..runtime.scorecard import Scorecard

__all__ = ["rank"]


def rank(cards: Iterable[Scorecard], order: tuple[str, ...] = ()) -> tuple[Scorecard, ...]:
    """Rank by total, highest first. Ties share the rank and the next rank skips (1, 2, 2, 4);
    tied entities are listed in the policy's declared order, never broken by score details."""
    position = {name: i for i, name in enumerate(order)}
    ordered = sorted(cards, key=lambda c: (-c.total, position.get(c.entity, len(position)), c.entity))
    ranked = []
    previous_total = None
    current_rank = 0
    for index, card in enumerate(ordered, start=1):
        if card.total != previous_total:
            current_rank = index
            previous_total = card.total
        ranked.append(attrs.evolve(card, rank=current_rank))
    return tuple(ranked)
