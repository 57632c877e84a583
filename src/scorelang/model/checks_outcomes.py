"""Checks of outcome effects (一票否决, docs/language.md §22), listed in ``checks.CHECKS``: a
grade effect names a declared grade (SL400) of a policy that declares grades (SL401), never
excludes the lowest (SL402); force or cap at the highest grade and lowering past every grade
are warnings (SL403, SL404); 取消评优资格 needs awards to withdraw (SL405)."""
from __future__ import annotations

from collections.abc import Iterable

from .. import messages as msg
from ..diagnostics import Diagnostic
from . import nodes as m
from .outcomes import Change, grade_order, written


def check_outcomes(policy: m.Policy) -> Iterable[Diagnostic]:
    order = grade_order(policy.grades) if policy.grades is not None else ()
    awards = policy.awards
    for article in policy.articles:
        for rule in article.rules:
            body = rule.body
            if not isinstance(body, m.AwardEffect):
                continue
            change = Change(body.change)
            text = written(change, body.grade, body.levels)
            if change is Change.INELIGIBLE and (awards is None or (not awards.tiers and not awards.single_top)):
                yield msg.INELIGIBLE_WITHOUT_AWARDS.at(body.span)
            if not change.on_grade:
                continue
            if not order:
                yield msg.OUTCOME_WITHOUT_GRADES.at(body.span, written=text)
            elif change is Change.GRADE_LOWER:
                if len(order) > 1 and (body.levels or 0) >= len(order) - 1:
                    yield msg.OUTCOME_LOWER_PAST_ALL.at(body.span, written=text, count=len(order), lowest=order[-1])
            elif body.grade not in order:
                yield msg.OUTCOME_GRADE_UNDECLARED.at(body.span, written=text, grade=body.grade,
                                                     declared="、".join(order))
            elif change is Change.GRADE_EXCLUDE and body.grade == order[-1]:
                yield msg.OUTCOME_EXCLUDES_LOWEST.at(body.span, grade=body.grade)
            elif change in (Change.GRADE_FORCE, Change.GRADE_CAP) and body.grade == order[0]:
                yield msg.OUTCOME_NO_CHANGE.at(body.span, written=text, grade=body.grade)
