"""docs/language.md §18 (caps and floors): every example is a whole policy that checks
without errors, and scores what the text beside it says."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

import scorelang

DOC = Path(__file__).resolve().parents[2] / "docs" / "language.md"


def _examples() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    start = text.index("## 18. 封顶与保底")
    section = text[start:text.index("### 18.6", start)]  # 18.6 (sections, tasks): tests/compile/test_scales_doc.py
    return re.findall(r"```score\n(.*?)```", section, re.DOTALL)


def _load(index: int) -> scorelang.Policy:
    return scorelang.loads(_examples()[index], f"language.md §18 example {index + 1}")


def test_every_example_of_the_section_checks():
    examples = _examples()
    assert len(examples) == 3
    for index in range(len(examples)):
        policy = _load(index)
        assert not [d.code for d in policy.warnings if d.code == "SL164"], index


def test_a_rule_cap_example_scores_as_the_text_says():
    card = _load(0).evaluate("城关镇", {"迟报次数": 8, "市级采用条数": 6, "专报篇数": 10})
    first, second = card.item("1.1"), card.item("1.2")
    assert (first.score, first.bonus, second.score) == (Decimal("55.00"), Decimal("2.00"), Decimal("40.00"))
    assert [(e.kind, e.points) for e in first.events] == [
        ("deduct", Decimal(-8)), ("cap", Decimal(3)), ("bonus", Decimal(3)), ("bonus_cap", Decimal(-1))]
    assert card.total == Decimal("97.00")


def test_an_article_cap_example_scores_as_the_text_says():
    card = _load(1).evaluate("区财政局", {"督办逾期件数": 0, "国家级表彰项数": 2, "省级表彰项数": 3,
                                          "通报批评次数": 2, "安全事故起数": 3})
    caps = [(e.clause, e.kind, e.points) for e in card.adjustments if e.kind in ("cap", "bonus_cap")]
    assert caps == [("第八条", "bonus_cap", Decimal(-2)), ("第九条", "cap", Decimal(1))]
    assert card.total == Decimal("95.00")


def test_a_total_bound_example_cites_the_policys_clause():
    card = _load(2).evaluate("甲县档案馆", {"未归档件数": 0, "示范单位创建": True})
    (cap,) = [e for e in card.adjustments if e.kind == "cap"]
    assert cap.clause == "第十条：考核总分含加分最高不超过105分" and cap.points == Decimal(-3)
    assert card.total == Decimal("105.00")


@pytest.mark.parametrize("index", [0, 1, 2])
def test_every_example_is_deterministic(index):
    policy = _load(index)
    facts = {fact.name: 3 for fact in policy.model.facts if fact.type == "count"}
    facts.update({fact.name: True for fact in policy.model.facts if fact.type == "flag"})
    entity = policy.entities[0]
    assert policy.evaluate(entity, dict(facts)) == policy.evaluate(entity, dict(facts))
