"""Results are frozen attrs classes, whether built by users or by the evaluator's fast path."""
from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from scorelang.runtime import scorecard as sc
from scorelang.span import Span

BUILDERS = [
    (sc.Event, sc.new_event, ("2.1", "每发现一人次扣0.5分", "deduct", (("漏管人次", 2),), Decimal("-1"), None,
                              Span("p.score", 1, 1, 1, 5))),
    (sc.ItemScore, sc.new_item_score, ("2.1", "t", Decimal("9"), Decimal("10"), Decimal(0), False, ())),
    (sc.SectionScore, sc.new_section_score, ("s", Decimal("9"), Decimal("10"), ())),
    (sc.TaskScore, sc.new_task_score, ("2", "社区矫正", ("基层科",), Decimal(9), Decimal(100), Decimal(15),
                                       Decimal("1.35"), (), ())),
    (sc.Scorecard, sc.new_scorecard, ("甲", Decimal("1.35"), ())),
]


@pytest.mark.parametrize("cls, build, values", BUILDERS, ids=[b[0].__name__ for b in BUILDERS])
def test_fast_builder_makes_an_ordinary_frozen_instance(cls, build, values):
    fast = build(*values)
    assert type(fast) is cls
    assert fast == cls(*values)
    assert hash(fast) == hash(cls(*values))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(fast, attrs.fields(cls)[0].name, "changed")
    changed = attrs.evolve(fast, **{attrs.fields(cls)[0].name: "other"})
    assert type(changed) is cls and changed != fast


def test_event_equality_ignores_the_span():
    a = sc.Event("2.1", "r", "deduct", (), Decimal(-1), span=Span("a", 1, 1, 1, 2))
    b = sc.Event("2.1", "r", "deduct", (), Decimal(-1), span=Span("b", 9, 9, 9, 10))
    assert a == b
