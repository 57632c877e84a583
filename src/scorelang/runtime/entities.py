"""Entities from data: the model a data-defined policy scores for one facts file.

A policy may declare only the kind of entity it scores (对象 「司法所」 由事实文件列出) and groups
defined by a choice fact (分组 「藏区所」 凡「类别」为 "藏区"). Who is scored and who is in each group
are then known once the facts are read: ``bind`` fills them in — the entities, each group's
members, and the entities each weight line of 计入总分权重 applies to — and returns an ordinary
model, so compiling, scoring and ranking are the same as for a policy that lists its entities.

Everything here is linear in the number of entities (one pass per group and per weight line).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from .. import messages as msg
from ..diagnostics import Diagnostic
from ..model import nodes as m


def group_facts(model: m.Policy) -> tuple[m.FactDecl, ...]:
    """The facts that decide group membership (read before anything else)."""
    names = {g.fact for g in model.groups if g.fact is not None}
    return tuple(f for f in model.facts if f.name in names)


def listed_entities(model: m.Policy, given: Mapping[Any, Any]) -> tuple[str, ...]:
    """Who is scored: the policy's list, or the facts file's entities (text keys, in file order)."""
    if not model.entities_from_facts:
        return model.entities
    return tuple(k for k in given if isinstance(k, str))


def _member(group: m.Group, value: Any) -> bool:
    return bool((value == group.value) == (group.op == "eq"))


def bind(model: m.Policy, entities: tuple[str, ...],
         values: Mapping[str, Mapping[str, Any]]) -> tuple[m.Policy, list[Diagnostic]]:
    """The model for these ``entities``, whose typed group facts are ``values``: groups defined
    by a fact get their members, and every weight line the entities it applies to. Problems
    (an entity under two lines of one task, or under none) name the entity (SL242)."""
    problems: list[Diagnostic] = []
    if model.entities_from_facts and not entities:
        problems.append(msg.FACTS_NO_ENTITIES.about())
    groups = tuple(
        attrs.evolve(g, members=tuple(e for e in entities if _member(g, values.get(e, {}).get(g.fact))))
        if g.fact is not None else g
        for g in model.groups)
    members = {g.name: g.members for g in groups}
    tasks = []
    for task in model.tasks:
        claimed: dict[str, str] = {}
        for weighting in task.weightings:
            if weighting.group is None:
                continue
            for entity in members.get(weighting.group, ()):
                if entity in claimed:
                    problems.append(msg.ENTITY_IN_TWO_WEIGHT_GROUPS.about(
                        entity, first=claimed[entity], second=weighting.group, number=task.number))
                else:
                    claimed[entity] = weighting.group
        rest = tuple(e for e in entities if e not in claimed)
        has_default = any(w.group is None for w in task.weightings)
        if task.weightings and not has_default:
            problems.extend(msg.ENTITY_NO_WEIGHT_LINE.about(e, number=task.number) for e in rest)
        weightings = tuple(
            attrs.evolve(w, entities=rest if w.group is None else members.get(w.group, ()))
            for w in task.weightings)
        tasks.append(attrs.evolve(task, weightings=weightings))
    return attrs.evolve(model, entities=entities, groups=groups, tasks=tuple(tasks)), problems
