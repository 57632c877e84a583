"""Quotas (名额) and awards as the policy defines them (docs/language.md §23): rounding and tie
rules at the boundary, the next lower grade, groups, awards by count, no award below a total,
single-task awards for named tasks, pending decisions with their candidates."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorelang.cohort import rank
from scorelang.model.awards import CountTier, Quota, QuotaRules, Rounding, TieRule
from scorelang.model.grades import GradeBand, Grades
from scorelang.model.nodes import AwardRules, Group, Tier
from scorelang.runtime.decision import Decision, PendingPlaces
from scorelang.runtime.scorecard import Grade, Scorecard, TaskScore
from scorelang.span import Span

HERE = Span.unknown("test")
# declared out of order on purpose: the next lower grade follows the totals, not the text
GRADES = Grades((GradeBand("良好", D(75), False, D(90), True, "75 分至 90 分（不含）", HERE),
                 GradeBand("优秀", D(90), False, None, False, "90 分以上", HERE),
                 GradeBand("不合格", None, False, D(60), True, "60 分以下（不含）", HERE),
                 GradeBand("合格", D(60), False, D(75), True, "60 分至 75 分（不含）", HERE)), "第九条", HERE)
NAMES = "甲乙丙丁戊己庚辛"


def card(entity, total, tasks=()):
    total = D(total)
    band = GRADES.grade_of(total)
    scored = tuple(TaskScore(tid, "任务", ("科",), D(s), D(100), D(100), D(s), ()) for tid, s in tasks)
    return Scorecard(entity, total, scored, (), grade=Grade(band.name, band.text, GRADES.clause))


def quota(count=None, percent=None, rounding=None, tie=TieRule.COMMITTEE, scope=None, name="优秀"):
    return Quota(name, count, D(percent) if percent is not None else None, rounding, tie, scope, HERE)


def rules(*quotas, decider="「考核委员会」"):
    return QuotaRules(tuple(quotas), "第十条", decider, HERE)


def graded(totals, *quotas, groups=()):
    cards = [card(NAMES[i], t) for i, t in enumerate(totals)]
    ranked = rank(cards, tuple(NAMES[:len(totals)]), None, quotas=rules(*quotas), grades=GRADES, groups=groups)
    return {c.entity: c for c in ranked}


def grades_of(cards):
    return {e: (c.grade_decision.value if not c.grade_decision.is_pending else c.grade_decision.candidates)
            for e, c in cards.items()}


# ------------------------------------------------------------------ rounding
@pytest.mark.parametrize(("size", "percent", "down", "half_up", "up"), [
    (6, "20", 1, 1, 2),     # 1.2
    (5, "30", 1, 2, 2),     # 1.5: half up rounds up
    (7, "20", 1, 1, 2),     # 1.4
    (10, "20", 2, 2, 2),    # exactly 2
    (3, "10", 0, 0, 1),     # 0.3
    (9, "25", 2, 2, 3),     # 2.25
])
def test_a_percentage_rounds_as_the_author_says(size, percent, down, half_up, up):
    got = [quota(percent=percent, rounding=r).places(size) for r in (Rounding.DOWN, Rounding.HALF_UP, Rounding.UP)]
    assert got == [down, half_up, up]
    assert quota(count=3).places(size) == 3


def test_quota_text_names_the_share_and_its_rounding():
    assert quota(percent="20", rounding=Rounding.DOWN).text() == "不超过总数的20%（向下取整）"
    assert quota(count=3).text() == "不超过3名"


# ------------------------------------------------------------------ grade quotas: tie rules at the boundary
TIED = ["95", "94", "93", "93", "91", "80"]  # 丙 and 丁 tie for the 3rd and last place


def test_within_the_quota_nothing_moves():
    cards = graded(TIED, quota(count=5, tie=TieRule.ALL_OUT))
    assert grades_of(cards) == {"甲": "优秀", "乙": "优秀", "丙": "优秀", "丁": "优秀", "戊": "优秀", "己": "良好"}
    assert all(c.flags == () for c in cards.values())


def test_beyond_the_quota_the_next_lower_grade_with_the_quota_in_a_flag():
    cards = graded(TIED, quota(count=4, tie=TieRule.ALL_OUT))
    assert grades_of(cards)["戊"] == "良好"
    assert cards["戊"].grade.name == "优秀"  # the band's grade stays on the card
    assert cards["戊"].flags == ("优秀等次名额不超过4名，共4名，已满：由优秀调整为良好（第十条）",)
    assert cards["戊"].rank == 5 and cards["戊"].total == D("91")  # neither rank nor total moves


def test_a_tie_all_in_exceeds_the_quota_and_says_so():
    cards = graded(TIED, quota(count=3, tie=TieRule.ALL_IN))
    assert grades_of(cards) == {"甲": "优秀", "乙": "优秀", "丙": "优秀", "丁": "优秀", "戊": "良好", "己": "良好"}
    assert any("并列全部计入优秀（第十条）" in f for f in cards["丙"].flags)


def test_a_tie_all_out_leaves_the_places_empty():
    cards = graded(TIED, quota(count=3, tie=TieRule.ALL_OUT))
    assert grades_of(cards) == {"甲": "优秀", "乙": "优秀", "丙": "良好", "丁": "良好", "戊": "良好", "己": "良好"}
    assert any("并列全部不计入，由优秀调整为良好" in f for f in cards["丁"].flags)


def test_a_tie_sent_to_the_committee_is_pending_with_the_candidates():
    cards = graded(TIED, quota(count=3, tie=TieRule.COMMITTEE))
    assert grades_of(cards) == {"甲": "优秀", "乙": "优秀", "丙": ("优秀", "良好"), "丁": ("优秀", "良好"),
                                "戊": "良好", "己": "良好"}
    assert cards["丙"].grade_status == "pending" and cards["甲"].grade_status == "decided"
    flag = next(f for f in cards["丙"].flags if "待认定" in f)
    assert "与丁并列" in flag and flag.endswith("须由「考核委员会」认定（第十条）")
    # the entity after the tie is beyond the quota: decided, one grade lower
    assert cards["戊"].grade_decision == Decision.decided("良好")


def test_a_percentage_quota_counts_the_whole_cohort():
    # 6 entities × 20% = 1.2: 向下取整 1 place, 向上取整 2
    down = graded(TIED, quota(percent="20", rounding=Rounding.DOWN, tie=TieRule.ALL_OUT))
    up = graded(TIED, quota(percent="20", rounding=Rounding.UP, tie=TieRule.ALL_OUT))
    assert [e for e, g in grades_of(down).items() if g == "优秀"] == ["甲"]
    assert [e for e, g in grades_of(up).items() if g == "优秀"] == ["甲", "乙"]
    assert "不超过总数的20%（向上取整），共2名" in up["丙"].flags[0]


def test_moved_entities_compete_for_the_lower_grades_quota():
    cards = graded(["95", "94", "93", "85", "80", "70"], quota(count=1, tie=TieRule.ALL_OUT),
                   quota(count=3, tie=TieRule.ALL_OUT, name="良好"))
    # 乙, 丙 move to 良好; with 丁 and 戊 that is 4 良好 for 3 places: 戊 moves on to 合格
    assert grades_of(cards) == {"甲": "优秀", "乙": "良好", "丙": "良好", "丁": "良好", "戊": "合格", "己": "合格"}


def test_a_quota_never_raises_a_grade():
    cards = graded(["70", "65", "50"], quota(count=3, tie=TieRule.ALL_IN))
    assert grades_of(cards) == {"甲": "合格", "乙": "合格", "丙": "不合格"}


# ------------------------------------------------------------------ groups
GROUPS = (Group("东片", ("甲", "乙", "丙"), span=HERE), Group("西片", ("丁", "戊", "己"), span=HERE))


def test_each_group_has_its_own_quota():
    cards = graded(["95", "94", "93", "92", "91", "60"], quota(count=1, tie=TieRule.ALL_OUT, scope="每组"),
                   groups=GROUPS)
    assert [e for e, g in grades_of(cards).items() if g == "优秀"] == ["甲", "丁"]
    assert "优秀等次名额东片内不超过1名" in cards["乙"].flags[0]


def test_a_quota_within_one_group_leaves_the_others_alone():
    cards = graded(["95", "94", "93", "92", "91", "60"], quota(count=1, tie=TieRule.ALL_OUT, scope="西片"),
                   groups=GROUPS)
    assert [e for e, g in grades_of(cards).items() if g == "优秀"] == ["甲", "乙", "丙", "丁"]


def test_a_percentage_within_a_group_counts_the_group():
    # 3 members × 50% = 1.5 → 四舍五入 2 in each group
    cards = graded(["95", "94", "93", "92", "91", "90"],
                   quota(percent="50", rounding=Rounding.HALF_UP, tie=TieRule.ALL_OUT, scope="每组"), groups=GROUPS)
    assert [e for e, g in grades_of(cards).items() if g == "优秀"] == ["甲", "乙", "丁", "戊"]


# ------------------------------------------------------------------ awards by count, floor, named tasks
def awards(*tiers, floor=None, single_tasks=(), each_group=False):
    return AwardRules((), None, None, span=HERE, clause="第十一条", decider="「考核办」",
                      count_tiers=tuple(CountTier(n, c, t, HERE) for n, c, t in tiers), floor=floor,
                      single_tasks=single_tasks, each_group=each_group)


def awarded(totals, rules_, groups=(), tasks=None):
    cards = [card(NAMES[i], t, tasks[i] if tasks else ()) for i, t in enumerate(totals)]
    return {c.entity: c for c in rank(cards, tuple(NAMES[:len(totals)]), rules_, groups=groups)}


def decisions(cards):
    return {e: (c.award_decision.value if not c.award_decision.is_pending else c.award_decision.candidates)
            for e, c in cards.items()}


@pytest.mark.parametrize(("tie", "expected"), [
    (TieRule.ALL_IN, {"甲": "一等奖", "乙": "一等奖", "丙": "一等奖", "丁": "二等奖", "戊": "二等奖", "己": None}),
    (TieRule.ALL_OUT, {"甲": "一等奖", "乙": "二等奖", "丙": "二等奖", "丁": None, "戊": None, "己": None}),
    (TieRule.COMMITTEE, {"甲": "一等奖", "乙": ("一等奖", "二等奖"), "丙": ("一等奖", "二等奖"), "丁": "二等奖",
                         "戊": None, "己": None}),
])
def test_a_tier_by_count_at_a_tie(tie, expected):
    # 一等奖 2 名, 二等奖 2 名; 乙 and 丙 tie for the 2nd place
    cards = awarded(["95", "90", "90", "85", "80", "70"], awards(("一等奖", 2, tie), ("二等奖", 2, TieRule.ALL_OUT)))
    assert decisions(cards) == expected
    assert all(c.award == (v if isinstance(v, str) else None) for c, v in zip(cards.values(), expected.values(),
                                                                             strict=True))


def test_a_tie_on_the_last_tier_sent_to_the_committee_may_end_in_no_award():
    cards = awarded(["95", "90", "90"], awards(("一等奖", 2, TieRule.COMMITTEE)))
    assert cards["乙"].award_decision == Decision.pending(("一等奖", "不评奖"))


def test_a_tie_wider_than_the_next_tier_may_end_in_no_award():
    # 一等奖 1 名, 二等奖 1 名 and three tied first: one of the three gets neither
    cards = awarded(["95", "95", "95", "90"], awards(("一等奖", 1, TieRule.COMMITTEE), ("二等奖", 1, TieRule.ALL_OUT)))
    assert cards["甲"].award_decision == Decision.pending(("一等奖", "二等奖", "不评奖"))
    assert "奖项待认定（一等奖或二等奖或不评奖）" in cards["甲"].flags[0]
    assert cards["丁"].award_decision == Decision.decided(None)


def test_a_tie_spanning_three_tiers_leaves_the_rest_of_the_last_one():
    # 1 + 1 + 2 places, four tied first ... the fourth-ranked 戊 gets the 三等奖 place the tie leaves
    cards = awarded(["95", "95", "95", "95", "90", "80"], awards(
        ("一等奖", 1, TieRule.COMMITTEE), ("二等奖", 1, TieRule.ALL_OUT), ("三等奖", 3, TieRule.ALL_OUT)))
    assert cards["甲"].award_decision == Decision.pending(("一等奖", "二等奖", "三等奖"))
    assert decisions(cards)["戊"] == "三等奖" and decisions(cards)["己"] is None


def test_no_award_below_the_total_and_the_next_entity_moves_up():
    cards = awarded(["95", "79.99", "85"], awards(("一等奖", 1, TieRule.ALL_OUT), ("二等奖", 1, TieRule.ALL_OUT),
                                                 floor=D(80)))
    assert decisions(cards) == {"甲": "一等奖", "丙": "二等奖", "乙": None}
    assert "考评总分低于80分，不评奖（第十一条）" in cards["乙"].flags


def test_tiers_by_count_within_each_group():
    cards = awarded(["95", "94", "93", "92", "91", "60"], awards(("第一名", 1, TieRule.ALL_OUT), each_group=True),
                    groups=GROUPS)
    assert {e for e, v in decisions(cards).items() if v == "第一名"} == {"甲", "丁"}


def test_single_awards_only_for_the_named_tasks():
    tasks = [(("1", "90"), ("2", "80")), (("1", "95"), ("2", "70")), (("1", "60"), ("2", "85"))]
    cards = awarded(["85", "84", "70"], awards(single_tasks=(("2", 1),)), tasks=tasks)
    assert {e: c.task_awards for e, c in cards.items()} == {"甲": (), "乙": (), "丙": ("2",)}


def test_single_awards_tied_beyond_their_places_are_pending():
    tasks = [(("1", "90"),), (("1", "90"),), (("1", "80"),)]
    cards = awarded(["85", "84", "70"], awards(single_tasks=(("1", 1),)), tasks=tasks)
    assert cards["甲"].pending_task_awards == (PendingPlaces("1", 1, ("甲", "乙")),)
    assert cards["甲"].task_awards == () and cards["丙"].pending_task_awards == ()


# ------------------------------------------------------------------ properties
totals_lists = st.lists(st.sampled_from(["96", "94", "92", "92", "90", "88", "85", "70", "50"]), min_size=1, max_size=8)


@given(totals=totals_lists, count=st.integers(1, 4), tie=st.sampled_from(list(TieRule)))
def test_quota_properties(totals, count, tie):
    cards = graded(totals, quota(count=count, tie=tie))
    order = ["优秀", "良好", "合格", "不合格"]
    decided_top = [c for c in cards.values() if c.grade_decision.value == "优秀"]
    # a grade quota is never exceeded by decided grades, but for a tie the author lets all in
    if tie is not TieRule.ALL_IN:
        assert len(decided_top) <= count
    for c in cards.values():
        decision = c.grade_decision
        # quotas never raise a grade
        reached = decision.candidates if decision.is_pending else (decision.value,)
        assert all(order.index(g) >= order.index(c.grade.name) for g in reached)
        # pending only at a tie: a pending entity shares its total with another one
        if decision.is_pending:
            assert tie is TieRule.COMMITTEE
            assert sum(1 for o in cards.values() if o.total == c.total) > 1
            assert any("待认定" in f for f in c.flags)
        # a moved grade is never silent
        if decision.value is not None and decision.value != c.grade.name:
            assert c.flags


@given(totals=totals_lists, first=st.integers(1, 3), second=st.integers(1, 3),
       tie=st.sampled_from([TieRule.ALL_OUT, TieRule.COMMITTEE]))
def test_tiers_by_count_are_never_exceeded_by_decided_awards(totals, first, second, tie):
    cards = awarded(totals, awards(("一等奖", first, tie), ("二等奖", second, tie)))
    values = [c.award_decision.value for c in cards.values()]
    assert values.count("一等奖") <= first and values.count("二等奖") <= second
    places = {"一等奖": first, "二等奖": second}
    for c in cards.values():
        if c.award_decision.is_pending:
            tied = sum(1 for o in cards.values() if o.total == c.total)
            assert tied > 1
            # the candidates have room for every tied entity: 不评奖 when the tiers run out
            candidates = c.award_decision.candidates
            assert "不评奖" in candidates or sum(places[n] for n in candidates) >= tied


def test_an_entity_in_no_group_is_told_it_has_no_award_or_quota_by_group():
    # GROUPS leave 庚 out: 每组 tiers give it no award and a 每组 quota leaves its grade, both flagged
    cards = awarded(["95", "94", "93", "92", "91", "60", "99"],
                    awards(("第一名", 1, TieRule.ALL_OUT), each_group=True), groups=GROUPS)
    assert decisions(cards)["庚"] is None
    assert "不在任何分组中，不评各组分别评定的综合奖（第十一条）" in cards["庚"].flags
    assert not any("分组" in f for f in cards["甲"].flags)
    graded_ = graded(["95", "94", "93", "92", "91", "60", "99"], quota(count=1, tie=TieRule.ALL_OUT, scope="每组"),
                     groups=GROUPS)
    assert graded_["庚"].grade_decision == Decision.decided("优秀")
    assert "不在任何分组中，优秀等次名额每组不超过1名对其不适用（第十条）" in graded_["庚"].flags


def test_a_tie_within_a_group_is_pending_and_names_the_group():
    rules_ = AwardRules((Tier("片区第一名", 1, 1, span=HERE),), None, None, span=HERE, clause="第八条",
                        each_group=True)
    cards = awarded(["95", "95", "90", "92", "91", "60"], rules_, groups=GROUPS)
    assert decisions(cards)["甲"] == ("片区第一名", "不评奖") and decisions(cards)["丁"] == "片区第一名"
    assert cards["甲"].flags[0].startswith("东片内与乙并列第1名")
    count = awarded(["95", "95", "90", "92", "91", "60"], awards(("第一名", 1, TieRule.COMMITTEE), each_group=True),
                    groups=GROUPS)
    assert "一等奖" not in count["甲"].flags[0] and "第一名名额东片内" in count["甲"].flags[0]
