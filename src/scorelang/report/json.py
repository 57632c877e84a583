"""Renders scorecards as the JSON document "scorelang/scorecard-2" of docs/contracts.md (or,
with ``schema=1``, the earlier "scorelang/scorecard-1" for consumers not yet migrated).

Schema 2 writes ``award`` (and ``grade``, for a policy that declares grades) as a decision:
``{"status": "decided"|"pending", "value": …, "candidates": [...]}``; schema 1 writes the award
as a string, null while it is pending (a flag says why).

A pure function of the scorecards: every decimal becomes a string with exactly the policy's
places (never ``"-0.00"``), weights become ``"15%"`` (``"10%+5%"`` for a task weighed in parts, listed in
``"parts"``), fact values are kept as given (record fields as ``"表彰[1].层级"``, tuples as
lists). Entities stay in the order given (``Policy.score_all`` returns them by rank).
"""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from ..diagnostics import Diagnostic, Severity, to_json
from ..numbers import format_fixed
from ..runtime.scorecard import Decision, Event, ItemScore, Scorecard, SectionScore, TaskPart, TaskScore
from .common import (
    derived_json,
    fact_json,
    format_weight,
    ladder_json,
    output_json,
    policy_scale_json,
    task_scale_json,
    task_weight,
)

SCHEMA = "scorelang/scorecard-2"
SCHEMAS = {1: "scorelang/scorecard-1", 2: SCHEMA}
DIAGNOSTICS_SCHEMA = "scorelang/diagnostics-1"


def render_json(cards: Iterable[Scorecard], *, title: str, sha256: str, places: int,
                engine_version: str, scale: tuple[Decimal | None, bool, str | None] = (None, False, None),
                schema: int = 2) -> dict[str, Any]:
    """The scorecard document: ``{"schema", "engine", "policy", "entities": [...]}``; ``scale``:
    the policy's declared full score, whether its tasks are summed, and the clause (additive:
    ``policy.scale`` only when it declares one); ``schema``: 2 (decisions as objects) or 1."""
    if schema not in SCHEMAS:
        raise ValueError(f"unknown scorecard schema {schema}")

    def fixed(value: Decimal) -> str:
        return format_fixed(value, places)

    def event(e: Event) -> dict[str, Any]:
        data: dict[str, Any] = {"clause": e.clause, "rule": e.rule, "kind": str(e.kind),
                "facts": {name: fact_json(value) for name, value in e.facts},
                "points": fixed(e.points)}
        if e.reason is not None:
            data["reason"] = e.reason
        if e.detail is not None:  # additive: only events that carry one (ladders)
            data["detail"] = ladder_json(e.detail)
        return data

    def item(i: ItemScore) -> dict[str, Any]:
        return {"id": i.id, "title": i.title, "score": fixed(i.score), "max": fixed(i.max),
                "bonus": fixed(i.bonus), "deduction_only": i.deduction_only,
                "events": [event(e) for e in i.events]}

    def section(s: SectionScore) -> dict[str, Any]:
        data: dict[str, Any] = {"name": s.name, "score": fixed(s.score), "max": fixed(s.max),
                                "items": [item(i) for i in s.items]}
        if s.counted is not None:  # additive: a section 折算为百分制
            data["counted"] = fixed(s.counted)
        if s.events:  # additive: a section's own caps (本部分扣分最多 N 分)
            data["events"] = [event(e) for e in s.events]
        return data

    def part(p: TaskPart) -> dict[str, Any]:
        return {"items": p.label, "score": fixed(p.score), "weight": format_weight(p.weight),
                "weighted": fixed(p.weighted)}

    def task(t: TaskScore) -> dict[str, Any]:
        multi = len(t.parts) > 1
        data: dict[str, Any] = {"id": t.id, "name": t.name, "lead": list(t.lead), "score": fixed(t.score),
                "max": fixed(t.max), "weight": task_weight(t), "weighted": fixed(t.weighted),
                "bonus": fixed(t.bonus)}
        scale = task_scale_json(t, places)
        if scale is not None:  # additive: a task that declares 满分 N 分 or 基础分 0 分
            data["scale"] = scale
        if multi:  # a task weighed in parts (木里县 目标任务一: 第1至12项 10%, 第13项 5%)
            data["parts"] = [part(p) for p in t.parts]
        data["sections"] = [section(s) for s in t.sections]
        # Task-level events (the floor at 0 when 扣分项 exceed the task score).
        data["events"] = [event(e) for e in t.events]
        return data

    def card(c: Scorecard) -> dict[str, Any]:
        award: Any = c.award if schema == 1 else decision_json(c.award_decision or Decision.decided(c.award))
        data: dict[str, Any] = {"entity": c.entity, "total": fixed(c.total), "rank": c.rank, "award": award,
                                "single_awards": list(c.task_awards)}
        if schema > 1:
            data["pending_single_awards"] = [{"task": p.task, "places": p.places, "candidates": list(p.candidates)}
                                             for p in c.pending_task_awards]
        data.update({"flags": list(c.flags), "tasks": [task(t) for t in c.tasks],
                     "adjustments": [event(e) for e in c.adjustments]})
        if c.derived:  # additive: only a policy with derived values (计算 { … }) gives them
            data["derived"] = [derived_json(d) for d in c.derived]
        if c.grade is not None:  # only a policy that declares grades (等次 { … }) gives one
            data["grade"] = grade_json(c, schema)
        if c.value_grades is not None:  # additive: only a policy that grades a task's score (§22.1)
            data["value_grades"] = [{"subject": g.subject, "task": g.task, "unit": g.unit,
                                    "value": fixed(g.value) if isinstance(g.value, Decimal) else str(g.value),
                                    "name": g.grade.name if g.grade else None,
                                    "band": g.grade.band if g.grade else None,
                                    "clause": g.grade.clause if g.grade else None} for g in c.value_grades]
        if c.grade_changes is not None:  # additive: only a policy that writes effects on the grade (§22)
            data["grade_changes"] = [{"clause": g.clause, "rule": g.rule, "kind": str(g.kind), "before": g.before,
                                      "after": g.after} for g in c.grade_changes]
        if c.outputs:  # additive: only a policy that declares outputs (输出 { … }) gives them
            data["outputs"] = [output_json(o) for o in c.outputs]
        return data

    policy: dict[str, Any] = {"title": title, "sha256": sha256}
    policy_scale = policy_scale_json(*scale, places)
    if policy_scale is not None:
        policy["scale"] = policy_scale
    return {"schema": SCHEMAS[schema], "engine": engine_version, "policy": policy,
            "entities": [card(c) for c in cards]}


def decision_json(decision: Decision) -> dict[str, Any]:
    """``{"status": "decided", "value": "一等奖", "candidates": []}`` / pending: value null."""
    return {"status": str(decision.status), "value": decision.value, "candidates": list(decision.candidates)}


def grade_json(card: Scorecard, schema: int) -> dict[str, Any]:
    """Schema 2: the grade's decision (after quotas), the band its total falls in and the clause;
    schema 1: ``name`` (null while pending), band and clause."""
    assert card.grade is not None
    decision = card.grade_decision or Decision.decided(card.grade.name)
    if schema == 1:
        return {"name": decision.value if not decision.is_pending else None, "band": card.grade.band,
                "clause": card.grade.clause}
    return {**decision_json(decision), "band": card.grade.band, "clause": card.grade.clause}


def render_diagnostics_json(diagnostics: Iterable[Diagnostic]) -> dict[str, Any]:
    """Diagnostics as JSON: ``{"schema", "errors", "warnings", "diagnostics": [...]}``."""
    items = list(diagnostics)
    errors = sum(1 for d in items if d.severity is Severity.ERROR)
    infos = sum(1 for d in items if d.severity is Severity.INFO)
    doc: dict[str, Any] = {"schema": DIAGNOSTICS_SCHEMA, "errors": errors, "warnings": len(items) - errors - infos}
    if infos:  # additive: only where a check listed information (信息, severity "info")
        doc["infos"] = infos
    doc["diagnostics"] = to_json(items)
    return doc
