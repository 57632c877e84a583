"""What the cohort stage's steps share: competition ranks, runs of tied entities, and the words
of a flag that sends a decision to the committee (须由「…」认定, with the clause)."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TypeVar

from ..model.nodes import AwardRules

T = TypeVar("T")

#: the candidate that means "no award" in a pending award's candidates (and in flags)
NO_AWARD = "不评奖"


def competition_ranks(values: Sequence[Decimal]) -> list[int]:
    """1, 2, 2, 4 for values already sorted high to low."""
    ranks: list[int] = []
    for index, value in enumerate(values):
        ranks.append(ranks[-1] if index and value == values[index - 1] else index + 1)
    return ranks


def tied_runs(items: Sequence[T], key: Callable[[T], Decimal]) -> list[list[T]]:
    """Items (sorted high to low by ``key``) cut into runs of equal keys, in order."""
    runs: list[list[T]] = []
    for item in items:
        if runs and key(runs[-1][-1]) == key(item):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def cited(clause: str | None) -> str:
    """（clause） after a flag the engine raises, when the policy attaches a clause to it."""
    return f"（{clause}）" if clause else ""


def settle(decider: str | None, how: str) -> str:
    """须由「who」{how}, or without a decider in the policy 须另行{how}."""
    return f"须由{decider}{how}" if decider else f"须另行{how}"


def award_settle(awards: AwardRules, how: str) -> str:
    return settle(awards.decider, how)


def others(names: Sequence[str], me: str) -> str:
    return "、".join(n for n in names if n != me)
