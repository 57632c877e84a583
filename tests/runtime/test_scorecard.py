"""Results are frozen attrs classes, whether built by users or by the evaluator's constructors."""
from __future__ import annotations

import inspect
from decimal import Decimal

import attrs
import pytest

from scorelang.runtime import scorecard as sc
from scorelang.span import Span

D = Decimal
LADDER = sc.LadderDetail(measured=D("82"), target=D("100"), unit="%", upward=False, percentage_points=True,
                         gap=D("18"), step=D("5"), steps=D("4"), partial="ceil")

BUILDERS = [
    (sc.LadderDetail, sc.new_ladder_detail, dict(measured=D("82"), target=D("100"), unit="%", upward=False,
                                                 percentage_points=True, gap=D("18"), step=D("5"), steps=D("4"),
                                                 partial="ceil")),
    (sc.Event, sc.new_event, dict(clause="2.1", rule="每发现一人次扣0.5分", kind=sc.EventKind.DEDUCT,
                                  facts=(("漏管人次", 2),), points=D("-1"), reason="r", detail=LADDER,
                                  span=Span("p.score", 1, 1, 1, 5))),
    (sc.ItemScore, sc.new_item_score, dict(id="2.1", title="t", score=D("9"), max=D("10"), bonus=D(0),
                                           deduction_only=False, events=())),
    (sc.SectionScore, sc.new_section_score, dict(name="s", score=D("9"), max=D("10"), items=())),
    (sc.TaskPart, sc.new_task_part, dict(label="第1至12项", score=D("95"), weight=D(10), weighted=D("9.5"),
                                         bonus=D(0))),
    (sc.TaskScore, sc.new_task_score, dict(id="2", name="社区矫正", lead=("基层科",), score=D(9), max=D(100),
                                           weight=D(15), weighted=D("1.35"), sections=(), events=(), bonus=D(0),
                                           parts=())),
    (sc.Scorecard, sc.new_scorecard, dict(entity="甲", total=D("1.35"), tasks=(), adjustments=(),
                                          previous_last=True)),
]


@pytest.mark.parametrize("cls, build, values", BUILDERS, ids=[b[0].__name__ for b in BUILDERS])
def test_constructors_make_ordinary_frozen_instances(cls, build, values):
    fast = build(**values)
    assert type(fast) is cls
    for field in attrs.fields(cls):  # every slot is set (an unset slot raises AttributeError)
        getattr(fast, field.name)
    assert fast == cls(**values)
    assert hash(fast) == hash(cls(**values))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(fast, attrs.fields(cls)[0].name, "changed")
    changed = attrs.evolve(fast, **{attrs.fields(cls)[0].name: "other"})
    assert type(changed) is cls and changed != fast


@pytest.mark.parametrize("cls, build, values", BUILDERS, ids=[b[0].__name__ for b in BUILDERS])
def test_constructors_take_keywords_only(cls, build, values):
    params = inspect.signature(build).parameters.values()
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params)
    # every field the evaluator fills is a parameter of the same name
    assert set(values) <= {a.name for a in attrs.fields(cls)}
    with pytest.raises(TypeError):
        build(*values.values())


def test_every_result_class_has_a_constructor():
    built = {cls for cls, _, _ in BUILDERS}
    frozen_results = {sc.LadderDetail, sc.Event, sc.ItemScore, sc.SectionScore, sc.TaskPart, sc.TaskScore,
                      sc.Scorecard}
    assert built == frozen_results


def test_event_equality_ignores_the_span():
    a = sc.Event("2.1", "r", sc.EventKind.DEDUCT, (), Decimal(-1), span=Span("a", 1, 1, 1, 2))
    b = sc.Event("2.1", "r", sc.EventKind.DEDUCT, (), Decimal(-1), span=Span("b", 9, 9, 9, 10))
    assert a == b


def test_event_kinds_are_the_json_strings():
    assert [k.value for k in sc.EventKind] == ["deduct", "award", "bonus", "zero", "floor", "cap", "note",
                                               "demote", "last", "bonus_cap", "bonus_zero", "ineligible",
                                               "grade_force", "grade_cap", "grade_exclude", "grade_lower"]
    for kind in sc.EventKind:
        assert kind == kind.value and str(kind) == kind.value


def test_the_ladder_detail_is_part_of_an_events_equality():
    plain = sc.Event("2.10", "r", sc.EventKind.DEDUCT, (), D(-1))
    assert plain.detail is None
    assert attrs.evolve(plain, detail=LADDER) != plain
