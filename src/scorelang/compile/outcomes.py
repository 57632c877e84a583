"""Outcome effects on the grade (一票否决, docs/language.md §22), compiled once: the grade step
the evaluator runs after the total's band. The articles' rules record an event per effect whose
condition held (compile/rules.py ``_compile_AwardEffect``); this step reads those events, finds
each one's effect by the rule that wrote it, and composes them in model/outcomes.py's order.
Effects on the award and the rank (降低一个等次评奖, 直接排名最后一位, 取消评优资格) are the
cohort stage's. Also here: the grades of a task's score or of a value (§22.1), looked up once the
tasks are scored."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ..model import nodes as m
from ..runtime.scorecard import Event, Grade, GradeChange, ScoreGrade, TaskScore
from .expressions import Facts, compile_value
from .grades import compile_grades

GradeStep = Callable[[Grade | None, tuple[Event, ...]], tuple[Grade | None, tuple[GradeChange, ...]]]


def compile_outcomes(policy: m.Policy) -> GradeStep | None:
    """The grade step, or None when the policy writes no effect on the grade (or no grades:
    check refuses such effects, SL401)."""
    effects = {rule.span: (rule.body.change, rule.body.grade, rule.body.levels)
               for article in policy.articles for rule in article.rules
               if isinstance(rule.body, m.AwardEffect) and m.Change(rule.body.change).on_grade}
    if not effects or policy.grades is None:
        return None
    order = m.grade_order(policy.grades)

    def step(grade: Grade | None, adjustments: tuple[Event, ...]) -> tuple[Grade | None, tuple[GradeChange, ...]]:
        hits = [event for event in adjustments if event.span is not None and event.span in effects]
        if grade is None or not hits:  # None: a total no band holds, which check refuses (SL145)
            return grade, ()
        final, applied = m.compose(order, grade.name, [effects[event.span] for event in hits if event.span is not None])
        changes = tuple(GradeChange(hits[a.index].clause, hits[a.index].rule, hits[a.index].kind, a.before, a.after)
                        for a in applied)
        return (grade if final == grade.name else Grade(final, grade.band, grade.clause)), changes
    return step


def compile_value_grades(policy: m.Policy) -> Callable[[list[TaskScore], Facts], tuple[ScoreGrade, ...]] | None:
    """The grades of tasks' scores (等次 目标任务二得分 { … }, for the tasks an entity is scored on)
    and of values (等次 「结案率」 { … }, read from the facts with their derived values); None when
    the policy declares none."""
    if not policy.value_grades:
        return None
    given = tuple((g.task, g.subject, g.unit, compile_value(g.value, _same)[0] if g.value is not None else None,
                   compile_grades(g)) for g in policy.value_grades)

    def grade(tasks: list[TaskScore], facts: Facts) -> tuple[ScoreGrade, ...]:
        scores = {task.id: task.score for task in tasks}
        found = []
        for task_id, subject, unit, read, band in given:
            if read is not None:
                value = read(facts)
            elif task_id in scores:
                value = scores[task_id]
            else:  # a task the entity is not scored on
                continue
            found.append(ScoreGrade(subject, task_id, value, unit, band(Decimal(value))))
        return tuple(found)
    return grade


def _same(name: str) -> str:
    return name
