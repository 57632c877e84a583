"""The invariants every scorecard of every policy must satisfy, one scorecard at a time.

Each is a function ``(policy, entity, facts, card)`` that raises AssertionError (they are
``assert`` statements: do not run them under ``python -O``). ``check_card`` runs them all;
``scorelang.testing.properties`` runs them on hypothesis-drawn facts, and the case runner
(``scorelang.testing.cases``) on the scorecard of every case. The oracles are written
independently of the engine: rounding is ``Decimal.quantize`` with ROUND_HALF_UP, not
``scorelang.numbers``. Needs nothing beyond scorelang (no hypothesis).
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import scorelang

from ..model import nodes as m
from ..runtime.scorecard import ItemScore, Scorecard, TaskScore
from ..span import Span

ZERO = Decimal(0)
HUNDRED = Decimal(100)
Facts = Mapping[str, Any]
Invariant = Callable[[scorelang.Policy, str, Facts, Scorecard], None]


# ------------------------------------------------------------------ oracles
# a bonus, what a declared cap (最多加, 加分累计最多) takes back of it, and what 不得分（含加分） cancels
BONUS_KINDS = ("bonus", "bonus_cap", "bonus_zero")

def half_up(value: Decimal, places: int) -> Decimal:
    return value.quantize(_quantum(places), rounding=ROUND_HALF_UP)


@functools.cache
def _quantum(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)


def rounded_at(policy: scorelang.Policy, stage: str, value: Decimal) -> Decimal:
    """``value`` rounded half-up when the policy declares rounding at ``stage``."""
    return half_up(value, policy.places) if stage in policy.model.round_at else value


def figures(card: Scorecard) -> Iterator[tuple[str, str, Decimal]]:
    """Every computed figure of a scorecard: (where, rounding stage it belongs to, value).

    Event points are left out: they are the trace of unrounded steps (第二十一条 rounds the
    item, not each deduction inside it).
    """
    for task in card.tasks:
        yield f"task {task.id} score", "task", task.score
        yield f"task {task.id} max", "always", task.max
        yield f"task {task.id} weighted", "weighted", task.weighted
        for section in task.sections:
            yield f"section {section.name} score", "item", section.score
            yield f"section {section.name} max", "always", section.max
            for item in section.items:
                yield f"item {item.id} score", "item", item.score
                yield f"item {item.id} max", "always", item.max
                yield f"item {item.id} bonus", "item", item.bonus
    yield "total", "total", card.total


def card_items(card: Scorecard) -> list[ItemScore]:
    return [item for task in card.tasks for section in task.sections for item in section.items]


# what the checks read of a policy is read once per policy (functools.cache: by identity)
@functools.cache
def model_items(policy: scorelang.Policy) -> dict[str, m.Item]:
    return {item.id: item for task in policy.model.tasks for item in task.items}


@functools.cache
def all_rules(policy: scorelang.Policy) -> tuple[m.Rule, ...]:
    items = tuple(rule for item in model_items(policy).values() for rule in item.rules)
    return items + tuple(rule for article in policy.model.articles for rule in article.rules)


@functools.cache
def item_starts(policy: scorelang.Policy) -> dict[str, Decimal]:
    """Where each item's score starts before its events: its parts' points (times their
    occasions), but 0 for a part that earns (得) and for a 扣分项."""
    starts = {}
    for declared in model_items(policy).values():
        start = ZERO
        for part in declared.parts:
            if not declared.deduction_only and not any(rule.earns for rule in part.rules):
                start += part.points * part.occasions
        starts[declared.id] = start
    return starts


@functools.cache
def bonus_clauses(policy: scorelang.Policy) -> set[str]:
    """Items and articles whose rules grant a bonus (加) — the only places one may appear."""
    return {rule.clause for rule in all_rules(policy) if rule.bonus}


# ------------------------------------------------------------------ invariants of one scorecard
def items_within_their_bounds(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    for item in card_items(card):
        assert item.bonus >= 0, item
        if item.deduction_only:
            # 扣分项: subtracts up to its points, never adds
            assert -item.max <= item.score <= 0, item
        else:
            assert 0 <= item.score <= item.max + item.bonus, item


def sections_are_the_sum_of_their_items(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    """A section is its items plus its own caps' events (本部分扣分最多: a cap gives back); its
    bonus is its items' bonuses less what its own bonus cap takes back."""
    for task in card.tasks:
        for section in task.sections:
            own = sum((e.points for e in section.events if e.kind not in BONUS_KINDS), ZERO)
            assert section.score == sum((i.score for i in section.items), ZERO) + own, section
            bonus = sum((i.bonus for i in section.items), ZERO)
            assert section.bonus == bonus + sum((e.points for e in section.events if e.kind in BONUS_KINDS), ZERO)
            assert section.score <= section.max, section
            if section.counted is not None:  # 折算为百分制
                assert section.counted == section.score * HUNDRED / section.max, section


def _scoped(task: TaskScore) -> bool:
    """A task that caps itself or one of its sections, puts a section on 100, or counts as is."""
    return bool(task.events and any(e.kind in ("cap", "bonus_cap") for e in task.events)) or any(
        s.events or s.counted is not None for s in task.sections) or task.enters == "as_is"


def task_score_is_floored_rounded_sum_of_sections(policy: scorelang.Policy, entity: str, facts: Facts,
                                                  card: Scorecard) -> None:
    for task in card.tasks:
        if _scoped(task) and len(task.parts) == 1:
            # its sections as they count (折算为百分制: on 100) and its own caps, floored at 0,
            # on 100 unless it counts as is (按原分计入: out of its full score)
            raw = sum((s.counted if s.counted is not None else s.score for s in task.sections), ZERO)
            raw += sum((e.points for e in task.events if e.kind == "cap"), ZERO)
            worth = sum((HUNDRED if s.counted is not None else s.max for s in task.sections), ZERO)
            exact = max(ZERO, raw) if task.enters == "as_is" else max(ZERO, raw) * HUNDRED / worth
            assert task.score == task.parts[0].score == rounded_at(policy, "task", exact), (task.id, task.score)
            assert task.max == (task.full if task.enters == "as_is" and task.full is not None else HUNDRED)
            assert ZERO <= task.score <= task.max, task.id
            continue
        weighting = next(t for t in policy.model.tasks if t.id == task.id).weighting_for(entity)
        items = {i.id: i for s in task.sections for i in s.items}
        assert weighting is not None, task.id  # the card has only the tasks that apply
        assert len(task.parts) == len(weighting.parts), task.id
        for part, declared in zip(task.parts, weighting.parts, strict=True):
            # each part on a 100-point scale: its items' sum, floored at 0, × 100 / its points
            raw = sum((items[i].score for i in declared.items), ZERO)
            worth = sum((items[i].max for i in declared.items if not items[i].deduction_only), ZERO)
            assert part.score == rounded_at(policy, "task", max(ZERO, raw) * HUNDRED / worth), (task.id, part)
            assert part.weight == declared.percent
        if len(task.parts) == 1:
            assert task.score == task.parts[0].score
        else:
            mean = sum((p.score * p.weight for p in task.parts), ZERO) / task.weight
            assert task.score == rounded_at(policy, "task", mean), task.id
        # 第三条: every task is scored on a 100-point scale
        assert ZERO <= task.score <= task.max <= HUNDRED, task.id


def weighted_is_task_score_times_weight(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    for task in card.tasks:
        for part in task.parts:
            # bonuses (加) beyond the items' points count when weighting
            assert part.weighted == rounded_at(policy, "weighted", (part.score + part.bonus) * part.weight / HUNDRED)
        assert task.weighted == sum((p.weighted for p in task.parts), ZERO), task.id
        assert task.weight == sum((p.weight for p in task.parts), ZERO), task.id
        assert task.bonus == sum((p.bonus for p in task.parts), ZERO), task.id


def total_is_sum_of_weighted(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    weighted = sum((t.weighted for t in card.tasks), ZERO)
    adjustments = sum((e.points for e in card.adjustments), ZERO)
    # 第十四条: the total is never below 0
    assert card.total == rounded_at(policy, "total", max(ZERO, weighted + adjustments))


def figures_are_exact_at_the_declared_places(policy: scorelang.Policy, entity: str, facts: Facts,
                                             card: Scorecard) -> None:
    places = policy.places
    for where, stage, value in figures(card):
        assert isinstance(value, Decimal), where
        assert value.is_finite(), where
        if stage == "always" or stage in policy.model.round_at:
            exponent = value.as_tuple().exponent
            assert isinstance(exponent, int) and exponent >= -places, f"{where} = {value} has more than {places} places"


def evaluation_is_deterministic(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    if policy.model.cohort:  # scored only with the cohort: properties.cohort_scoring_ignores_the_order
        return
    assert policy.evaluate(entity, dict(facts)) == card


def bonuses_only_where_the_text_grants_them(policy: scorelang.Policy, entity: str, facts: Facts,
                                            card: Scorecard) -> None:
    allowed = bonus_clauses(policy)
    for item in card_items(card):
        if item.bonus:
            assert item.id in allowed, item.id
        assert all(e.clause in allowed for e in item.events if e.kind == "bonus"), item.id
    for event in card.adjustments:
        # the total's floor and a cap on deductions (扣分累计最多, 最多扣) give back
        if event.points > 0 and event.kind not in ("floor", "cap"):
            assert event.kind == "bonus" and event.clause in allowed, event


def items_are_what_their_events_add_up_to(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    """Every point of an item is traced: its score is where it starts (its points; 0 for a
    part that earns (得) and for a 扣分项) plus its events — deductions, points earned, 不得分,
    and the caps and floors the evaluator applied —, rounded at 项得分; its bonus is the sum of
    its bonus events, rounded at 项得分 too. Holds for every rule kind, whatever its class."""
    starts = item_starts(policy)
    for item in card_items(card):
        start = starts[item.id]
        # a bonus and what a cap (最多加) takes back of it count toward the bonus, not the score
        traced = start + sum((e.points for e in item.events if e.kind not in BONUS_KINDS), ZERO)
        assert item.score == rounded_at(policy, "item", traced), (item.id, item.score, traced)
        bonus = sum((e.points for e in item.events if e.kind in BONUS_KINDS), ZERO)
        assert item.bonus == rounded_at(policy, "item", bonus), (item.id, item.bonus, bonus)


# the event kinds a rule's effect may record, and the sign of their points (-1, 0, 1; None: any)
EVENT_OF_EFFECT = {
    m.Effect.DEDUCT: ({"deduct"}, -1),
    m.Effect.EARN: ({"award"}, 1),
    m.Effect.BONUS: ({"bonus", "note"}, 1),
    # a rule that makes its part score nothing may deduct before it does (escalation: 首次扣1分 …
    # 第三次及以上不得分, docs/language.md §24)
    m.Effect.ZERO: ({"zero", "bonus_zero", "deduct"}, -1),
    m.Effect.RANKING: (set(m.AWARD_CHANGES), 0),
}


@functools.cache
def rules_by_span(policy: scorelang.Policy) -> dict[Span, m.Rule]:
    return {rule.span: rule for rule in all_rules(policy)}


def events_record_what_their_rule_does(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    """Each rule's events say what its declared effect does: a deduction never adds, points
    earned never subtract, an award effect moves no points."""
    rules = rules_by_span(policy)
    events = [e for item in card_items(card) for e in item.events] + list(card.adjustments)
    for event in events:
        rule = rules.get(event.span) if event.span is not None else None
        if rule is None:
            assert event.kind in ("cap", "floor", "bonus_cap"), event  # the bounds, declared or the evaluator's own
            continue
        kinds, sign = EVENT_OF_EFFECT[rule.effect]
        assert event.kind in kinds, (rule.effect, event)
        if sign == 0:
            assert event.points == 0, event
        elif sign is not None:
            assert event.points * sign >= 0, (rule.effect, event)



# ------------------------------------------------------------------ the caps and floors the author declares
def _capped_rules(policy: scorelang.Policy) -> Iterator[tuple[str, m.Rule, m.Cap, int]]:
    """(the events' clause, the rule, its cap, the occasions it is scored on) of every capped rule."""
    for task in policy.model.tasks:
        for item in task.items:
            for part in item.parts:
                for rule in part.rules:
                    if rule.cap is not None:
                        yield item.id, rule, rule.cap, part.occasions
    for article in policy.model.articles:
        for rule in article.rules:
            if rule.cap is not None:
                yield article.id, rule, rule.cap, 1


def rule_caps_hold(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    """最多扣/得/加 N 分: what a rule changes, its cap's event included, stays within N (on each occasion)."""
    events = [e for item in card_items(card) for e in item.events] + list(card.adjustments)
    for clause, rule, cap, occasions in _capped_rules(policy):
        mine = [e for e in events if e.clause == clause and e.span in (rule.span, cap.span)]
        limit = cap.points * occasions
        if rule.effect is m.Effect.DEDUCT:
            assert sum((e.points for e in mine), ZERO) >= -limit, (rule.text, mine)
        elif rule.effect is m.Effect.EARN:
            assert sum((e.points for e in mine), ZERO) <= limit, (rule.text, mine)
        else:
            assert sum((e.points for e in mine if e.kind in BONUS_KINDS), ZERO) <= limit, (rule.text, mine)


def article_caps_hold(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    """加分累计最多 N 分 / 扣分累计不超过 N 分: an article's bonuses, its deductions, stay within N."""
    for article in policy.model.articles:
        mine = [e for e in card.adjustments if e.clause == article.id]
        if article.bonus_cap is not None:
            added = sum((e.points for e in mine if e.kind in BONUS_KINDS), ZERO)
            assert ZERO <= added <= article.bonus_cap.points, (article.id, mine)
        if article.deduct_cap is not None:
            taken = sum((e.points for e in mine if e.kind in ("deduct", "cap")), ZERO)
            assert -article.deduct_cap.points <= taken <= ZERO, (article.id, mine)


def _deducted(events: Iterator[Any] | list[Any] | tuple[Any, ...]) -> Decimal:
    """Net points deductions took (≤ 0): 扣 and 不得分, less what floors and deduction caps gave back."""
    return sum((e.points for e in events
                if e.kind in ("deduct", "zero", "floor") or (e.kind == "cap" and e.points > 0)), ZERO)


def section_and_task_caps_hold(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    """本部分/本任务 扣分最多 N 分, 加分累计最多 N 分: a section's (a task's) net deductions and its
    bonuses stay within N, in its own points."""
    tasks = {t.id: t for t in policy.model.tasks}
    for task in card.tasks:
        declared = tasks[task.id]
        sections = {s.title: s for s in declared.sections}
        task_taken = ZERO
        for section in task.sections:
            model = sections[section.name]
            taken = _deducted([e for i in section.items for e in i.events] + list(section.events))
            factor = HUNDRED / section.max if section.counted is not None else Decimal(1)
            task_taken += taken * factor
            if model.deduct_cap is not None:
                assert -model.deduct_cap.points <= taken, (section.name, taken)
            if model.bonus_cap is not None:
                assert section.bonus <= model.bonus_cap.points, (section.name, section.bonus)
        if declared.deduct_cap is not None:
            task_taken += sum((e.points for e in task.events if e.kind == "cap"), ZERO)
            assert -declared.deduct_cap.points <= task_taken, (task.id, task_taken)
        if declared.bonus_cap is not None and len(task.parts) == 1:
            # in the task's own points: its sections' bonuses as they count, and its own cap's event
            bonus = sum((s.bonus * (HUNDRED / s.max if s.counted is not None else 1) for s in task.sections), ZERO)
            bonus += sum((e.points for e in task.events if e.kind in BONUS_KINDS), ZERO)
            assert bonus <= declared.bonus_cap.points, (task.id, bonus)


def total_within_the_scale(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    """The total is never negative (unless a lower bound says otherwise) and, bonuses aside, never
    above the policy's full score (满分 N 分, 100 unless declared): a base-zero policy's too."""
    bounds = policy.model.total_bounds
    if bounds is None or bounds.lower is None or bounds.lower >= 0:
        assert card.total >= ZERO, card.total
    bonuses = sum((t.bonus * t.weight / HUNDRED for t in card.tasks), ZERO)
    bonuses += sum((e.points for e in card.adjustments if e.points > 0), ZERO)
    slack = Decimal(1).scaleb(-policy.places) / 2 * (len(card.tasks) + 1)  # half a unit per rounded figure
    assert card.total <= policy.model.scale.points + bonuses + slack, (card.total, policy.model.scale.points)


def total_within_its_declared_bounds(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    """考评总分 最高 N 分 最低 M 分: the total stays within them."""
    bounds = policy.model.total_bounds
    if bounds is None:
        return
    if bounds.upper is not None:
        assert card.total <= bounds.upper, card.total
    if bounds.lower is not None:
        assert card.total >= bounds.lower, card.total

def grade_effects_only_lower_the_grade(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    """一票否决 (§22): the grade is a declared one, at or below its total's band; each effect on the
    grade applied moves it down or leaves it; the final grade is at or below every forced grade
    and cap that applied, never an excluded grade, and as many levels below as lowering requires
    (but never below the lowest)."""
    grades = policy.model.grades
    if grades is None or card.grade is None:
        return
    order = m.grade_order(grades)
    level = {name: index for index, name in enumerate(order)}
    band = grades.grade_of(card.total)
    assert band is not None and card.band_grade == band.name, (card.band_grade, card.total)
    final = level[card.grade.name]
    assert final >= level[band.name], (card.grade.name, band.name)
    for change in card.grade_changes or ():
        assert level[change.after] >= level[change.before], change
    rules = rules_by_span(policy)
    effects = [rules[e].body for e in (ev.span for ev in card.adjustments) if e is not None and e in rules]
    lowered = 0
    for body in effects:
        if not isinstance(body, m.AwardEffect) or not m.Change(body.change).on_grade:
            continue
        if body.change in ("grade_force", "grade_cap"):
            assert final >= level[body.grade or ""], (card.grade.name, body.change, body.grade)
        elif body.change == "grade_exclude":
            assert card.grade.name != body.grade, (card.grade.name, body.grade)
        else:
            lowered += body.levels or 0
    assert final >= min(level[band.name] + lowered, len(order) - 1), (card.grade.name, band.name, lowered)


def value_grades_are_the_bands_of_their_values(policy: scorelang.Policy, entity: str, facts: Facts,
                                              card: Scorecard) -> None:
    """等次 目标任务二得分 { … } (§22.1): each graded task the entity is scored on has the grade of
    the band holding its score."""
    declared = policy.model.value_grades
    if not declared:
        assert card.value_grades is None, card.value_grades
        return
    scores = {task.id: task.score for task in card.tasks}
    graded_tasks = [g for g in declared if g.task in scores or g.task is None]
    assert card.value_grades is not None and len(card.value_grades) == len(graded_tasks), card.value_grades
    for graded, grades in zip(card.value_grades, graded_tasks, strict=True):
        assert graded.task == grades.task, graded
        if grades.task is not None:
            assert graded.value == scores[grades.task], graded
        band = grades.grade_of(Decimal(graded.value))
        assert band is not None and graded.grade is not None and graded.grade.name == band.name, graded


INVARIANTS = (
    items_within_their_bounds,
    sections_are_the_sum_of_their_items,
    task_score_is_floored_rounded_sum_of_sections,
    weighted_is_task_score_times_weight,
    total_is_sum_of_weighted,
    figures_are_exact_at_the_declared_places,
    evaluation_is_deterministic,
    bonuses_only_where_the_text_grants_them,
    items_are_what_their_events_add_up_to,
    events_record_what_their_rule_does,
    rule_caps_hold,
    article_caps_hold,
    section_and_task_caps_hold,
    total_within_the_scale,
    total_within_its_declared_bounds,
    grade_effects_only_lower_the_grade,
    value_grades_are_the_bands_of_their_values,
)


def check_card(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> list[str]:
    """Every invariant on one scorecard: the ones that do not hold, as text (empty when all hold)."""
    broken = []
    for invariant in INVARIANTS:
        try:
            invariant(policy, entity, facts, card)
        except AssertionError as error:
            broken.append(f"{invariant.__name__}: {error}")
    return broken
