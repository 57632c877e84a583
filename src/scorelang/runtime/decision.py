"""Outcomes the cohort stage gives as data: decided, or pending with the candidates.

Where the engine will not decide — a tie across an award band's boundary, a tie on a quota's
boundary the policy sends to the committee (提交认定), a single-task award tied beyond its
places — the outcome is not a provisional value: it is ``pending``, with ``value`` None and the
``candidates`` the committee chooses among (award or grade names; for a single-task award the
tied entities). A flag on the scorecard says why, with the clause.
"""
from __future__ import annotations

import enum

import attrs

__all__ = ["Decision", "PendingPlaces", "Status"]


class Status(enum.StrEnum):
    """The JSON ``"status"`` strings."""

    DECIDED = "decided"
    PENDING = "pending"


@attrs.frozen
class Decision:
    """An award or grade as the cohort stage leaves it.

    Attributes:
        status: decided or pending.
        value: the decided award or grade (None: decided that there is none, or pending).
        candidates: for a pending decision, what the committee chooses among, best first;
            () when decided.
    """

    status: Status
    value: str | None
    candidates: tuple[str, ...] = ()

    @classmethod
    def decided(cls, value: str | None) -> Decision:
        return cls(Status.DECIDED, value)

    @classmethod
    def pending(cls, candidates: tuple[str, ...]) -> Decision:
        return cls(Status.PENDING, None, candidates)

    @property
    def is_pending(self) -> bool:
        return self.status is Status.PENDING

    def shown(self, none: str = "—") -> str:
        """一等奖, —, or 待认定（一等奖/二等奖）: as the text reports write it."""
        if self.is_pending:
            return "待认定（" + "/".join(self.candidates) + "）"
        return self.value or none


@attrs.frozen
class PendingPlaces:
    """单项奖 tied beyond its places: ``task`` (its id), the ``places`` left to give and the tied
    ``candidates`` (entities) competing for them; the committee decides."""

    task: str
    places: int
    candidates: tuple[str, ...]
