"""The 17 example counties under the whole 2017 policy: the expected ranking is a golden file.

tests/golden/ranking/2017.expected lists rank, county, total, award (待认定（…） with the
candidates while the committee decides), single awards and flags (one line each); review changes to it in `git diff` (SCORELANG_UPDATE_GOLDEN=1 rewrites it).
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from golden_files import GOLDEN, compare

ROOT = Path(__file__).resolve().parents[2]

# every item of the 2017 text, as printed (4.5 is skipped by the source; 3.4 and 6.1 are implied)
ALL_2017 = (
    [f"1.{i}" for i in range(1, 15)] + [f"2.{i}" for i in range(1, 14)] + [f"3.{i}" for i in range(1, 11)]
    + [f"4.{i}" for i in (1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12)] + [f"5.{i}" for i in range(1, 25)]
    + [f"6.{i}" for i in range(1, 16)] + [f"7.{i}" for i in range(1, 27)] + [f"8.{i}" for i in range(1, 35)]
)


@pytest.fixture(scope="module")
def cards(policy_2017, examples_2017):
    return policy_2017.score_all(examples_2017)


def render(cards) -> str:
    lines = []
    for c in cards:
        singles = "、".join(c.task_awards) or "—"
        lines.append(f"{c.rank:>2} {c.entity} {c.total} {c.award_decision.shown() if c.award_decision else '—'} 单项奖:{singles}")
        lines.extend(f"     ※ {flag}" for flag in c.flags)
    return "\n".join(lines) + "\n"


def test_expected_ranking(cards, request):
    compare(GOLDEN / "ranking" / "2017.score", render(cards), request.config)


def test_the_example_exercises_the_cohort_rules(cards):
    by = {c.entity: c for c in cards}
    flags = [f for c in cards for f in c.flags]
    assert any("名次界限" in f for f in flags), "a tie at an award boundary"
    assert any("降低一个等次评奖" in f for f in flags), "a demotion"
    assert any("第十八条" in f for f in flags), "last two years running"
    # the same work commended at several levels counts once (第六条)
    assert any(e.kind == "note" and e.clause == "第六条" for c in cards for e in c.adjustments)
    assert {e.clause for c in cards for e in c.adjustments} == {"第六条", "第七条", "第十三条"}
    assert len(by) == 17


def test_every_item_of_the_source_is_scored(policy_2017, cards):
    """Removing an item from policies/2017.score fails here (and SL120 in `scorelang check`)."""
    ids = [item.id for task in policy_2017.model.tasks for item in task.items]
    assert ids == ALL_2017
    scored = {i.id for c in cards for t in c.tasks for s in t.sections for i in s.items}
    assert scored == set(ALL_2017)


def test_totals_add_up(cards):
    for c in cards:
        weighted = sum((t.weighted for t in c.tasks), Decimal(0))
        adjustments = sum((e.points for e in c.adjustments), Decimal(0))
        assert c.total == max(Decimal(0), weighted + adjustments).quantize(Decimal("0.01"))


def test_csv_and_yaml_examples_rank_like_the_json(policy_2017):
    """The CSV cannot hold 表彰记录 (records with fields) and drops assessors' reasons: its
    totals differ from the JSON's by exactly the 第六条 commendation points."""
    from scorelang.runtime.sources import read_facts_file

    json_cards = {c.entity: c for c in policy_2017.score_all(read_facts_file(str(ROOT / "examples/2017/facts.json")))}
    yaml_cards = {c.entity: c for c in policy_2017.score_all(read_facts_file(str(ROOT / "examples/2017/facts.yaml")))}
    csv_cards = {c.entity: c for c in policy_2017.score_all(read_facts_file(str(ROOT / "examples/2017/facts.csv")))}
    for entity, card in json_cards.items():
        assert yaml_cards[entity].total == card.total
        commendations = sum((e.points for e in card.adjustments if e.clause == "第六条" and "表彰记录" in e.facts[0][0]),
                            Decimal(0)) if card.adjustments else Decimal(0)
        assert csv_cards[entity].total == card.total - commendations, entity
