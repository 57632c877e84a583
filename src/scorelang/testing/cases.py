"""Regression cases for any policy: run case files (``*.cases.yaml``) and report or update them.

The format is documented in docs/testing.md; ``casefile`` reads it. Everything here goes
through the public façade (``Policy.evaluate`` for one entity, ``Policy.score_all`` when a
case expects a rank, award or flags) and reads the public scorecards::

    from scorelang.testing.cases import read_case_file, run_case, render_failures
    policy = scorelang.load("policies/2017.score")
    for case in read_case_file("tests/cases/2017/task3.cases.yaml").cases:
        result = run_case(policy, case)
        if not result.passed:
            print(render_failures(result))

Every scorecard a case produces is also checked against the invariants of
``scorelang.testing.invariants`` (bounds, sums, events that explain every item, bonuses only
where granted …), whatever figures the case states. A figure compares exactly: the expected
decimal equals the actual one (``"28.5"`` and ``"28.50"`` are the same figure; ``28.49`` is not).
Each failing figure is reported with the expected and actual values and the events (trace
lines) that produced the actual one.
"""
from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs

import scorelang

from ..diagnostics import Diagnostic, FactsError
from ..numbers import format_fixed
from ..runtime.scorecard import Event, ItemScore, Scorecard
from ..runtime.sources import read_facts_file
from .casefile import (
    Case,
    CaseFile,
    CaseFileError,
    EntityCase,
    ErrorExpectation,
    Figure,
    find_case_files,
    parse_case_file,
    read_case_file,
)
from .invariants import check_card

__all__ = [
    "Case",
    "CaseFile",
    "CaseFileError",
    "CaseResult",
    "Change",
    "Failure",
    "Figure",
    "find_case_files",
    "parse_case_file",
    "read_case_file",
    "render_failures",
    "run_case",
    "run_cases",
    "update_case_files",
]

#: problems of refused facts shown in a failure (the rest are counted)
MAX_SHOWN = 8
#: called with the scorecards a case produced (its coverage, for example)
Observer = Callable[[Sequence[Scorecard]], None]


@attrs.frozen
class Failure:
    """One figure that is not what the case expects (or an error that did or did not happen).

    Attributes:
        case: the case; figure: the figure (None for an error expectation or an unexpected error).
        expected, actual: as shown (decimals with the policy's places); actual_value: the actual
            figure as the case file would write it (None when there is none to write).
        trace: the events that produced the actual figure, one line each.
    """

    case: Case
    figure: Figure | None
    entity: str
    what: str
    expected: str
    actual: str
    actual_value: Any = None
    trace: tuple[str, ...] = ()


@attrs.frozen
class CaseResult:
    case: Case
    failures: tuple[Failure, ...]
    figures: int

    @property
    def passed(self) -> bool:
        return not self.failures


# ------------------------------------------------------------------ running
def run_case(policy: scorelang.Policy, case: Case, *, observe: Observer | None = None,
             documents: dict[str, dict[str, Any]] | None = None) -> CaseResult:
    """Score the case's entities and compare every figure it states.

    ``documents`` caches facts files read by path (pass one dict for a run of many cases).
    """
    cache = {} if documents is None else documents
    base: dict[str, dict[str, Any]] = {}
    if case.facts_file is not None:
        if case.facts_file not in cache:
            cache[case.facts_file] = read_facts_file(case.facts_file)
        base = cache[case.facts_file].get("entities", {})
    figures = sum(len(e.figures) + len(e.errors) for e in case.entities)
    try:
        cards = _score(policy, case, base)
    except FactsError as error:
        return CaseResult(case, tuple(_error_failures(case, error.diagnostics)), figures)
    if observe is not None:
        observe(tuple(cards.values()))
    failures: list[Failure] = []
    for entity_case in case.entities:
        card = cards[entity_case.entity]
        unranked = card.unranked()
        for broken in check_card(policy, entity_case.entity, _entity_facts(base, entity_case), unranked):
            failures.append(Failure(case, None, entity_case.entity, "invariant", "holds (成立)",
                                    f"broken (不成立): {broken}"))
        for expected in entity_case.errors:
            failures.append(Failure(case, None, entity_case.entity, f"error {expected.code}",
                                    _error_shown(expected), "scored (评分成功，没有错误)"))
        for figure in entity_case.figures:
            failure = _compare(policy, case, figure, card)
            if failure is not None:
                failures.append(failure)
    return CaseResult(case, tuple(failures), figures)


def run_cases(policy: scorelang.Policy, files: Iterable[CaseFile], *,
              observe: Observer | None = None) -> list[CaseResult]:
    """Run every case of every file, in order."""
    documents: dict[str, dict[str, Any]] = {}
    return [run_case(policy, case, observe=observe, documents=documents) for f in files for case in f.cases]


def _entity_facts(base: dict[str, dict[str, Any]], entity_case: EntityCase) -> dict[str, Any]:
    facts = dict(base.get(entity_case.entity) or {})
    for name, value in entity_case.facts.items():
        if value is None:
            facts.pop(name, None)  # null: the fact is not given
        else:
            facts[name] = value
    return facts


def _score(policy: scorelang.Policy, case: Case, base: dict[str, dict[str, Any]]) -> dict[str, Scorecard]:
    if case.cohort or policy.model.cohort:  # cohort values need every entity (docs/language.md §9.6)
        entities = copy.deepcopy(base)
        for entity_case in case.entities:
            entities[entity_case.entity] = _entity_facts(base, entity_case)
        ranked = policy.score_all({"entities": entities})
        return {card.entity: card for card in ranked}
    problems: list[Diagnostic] = []
    cards: dict[str, Scorecard] = {}
    for entity_case in case.entities:
        try:
            cards[entity_case.entity] = policy.evaluate(entity_case.entity, _entity_facts(base, entity_case))
        except FactsError as error:
            problems.extend(error.diagnostics)
    if problems:
        raise FactsError(tuple(problems))
    return cards


def _error_shown(expected: ErrorExpectation) -> str:
    where = " ".join(x for x in (expected.entity and f"对象「{expected.entity}」",
                                 expected.fact and f"事实「{expected.fact}」") if x)
    return f"{expected.code} {where}".strip()


def _matches(expected: ErrorExpectation, d: Diagnostic) -> bool:
    return (d.code == expected.code and (expected.fact is None or d.fact == expected.fact)
            and (expected.entity is None or d.entity is None or d.entity == expected.entity))


def _error_failures(case: Case, diagnostics: Sequence[Diagnostic]) -> list[Failure]:
    """The case's facts were refused: each expected error must be among the diagnostics, and
    a case that expected none fails with them."""
    expected = [(e.entity, x) for e in case.entities for x in e.errors]
    shown = tuple(" ".join(x for x in (d.code, d.entity, d.fact) if x) + f": {d.message}" for d in diagnostics)
    if len(shown) > MAX_SHOWN:
        shown = (*shown[:MAX_SHOWN], f"…（另有 {len(shown) - MAX_SHOWN} 个 / {len(shown) - MAX_SHOWN} more）")
    codes = [f"{d.code}{'（' + d.fact + '）' if d.fact else ''}" for d in diagnostics]
    actual = "；".join(codes[:MAX_SHOWN]) + (f"；…（共 {len(codes)} 个 / {len(codes)} in all）"
                                            if len(codes) > MAX_SHOWN else "")
    if not expected:
        entity = case.entities[0].entity if case.entities else ""
        return [Failure(case, None, entity, "facts", "scored (评分)", f"facts refused (事实有误): {actual}",
                        trace=shown)]
    return [Failure(case, None, entity, f"error {x.code}", _error_shown(x), actual, trace=shown)
            for entity, x in expected if not any(_matches(x, d) for d in diagnostics)]


# ------------------------------------------------------------------ figures
def _compare(policy: scorelang.Policy, case: Case, figure: Figure, card: Scorecard) -> Failure | None:
    places = policy.places
    try:
        actual, events = _actual(figure, card)
    except LookupError:
        return Failure(case, figure, card.entity, figure.label, _shown(figure.expected, places),
                       "(the policy has no such figure / 考评办法中没有这一项)")
    if figure.expected == actual:  # Decimal equality is exact: 28.5 == 28.50, 28.49 != 28.5
        return None
    shown = _shown(actual, places)
    decision = {"award": card.award_decision, "grade": card.grade_decision}.get(figure.path[0])
    if actual is None and decision is not None and decision.is_pending:  # None while pending: say so
        shown = f"null（待认定：{'/'.join(decision.candidates)}）"
    return Failure(case, figure, card.entity, figure.label, _shown(figure.expected, places), shown,
                   actual, tuple(trace_line(e, places) for e in events))


def _actual(figure: Figure, card: Scorecard) -> tuple[Any, tuple[Event, ...]]:
    kind = figure.path[0]
    if kind == "item":
        item = card.item(figure.path[1])
        value = item.bonus if figure.path[2] == "bonus" else item.score
        return value, item.events
    if kind == "section":
        task_id, _, name = figure.path[1].partition("/")
        task = card.task(task_id)
        for section in task.sections:
            if section.name == name:
                return section.score, _item_events(section.items)
        raise KeyError(figure.path[1])
    if kind == "task":
        task = card.task(figure.path[1])
        value = {"score": task.score, "weighted": task.weighted, "bonus": task.bonus}[figure.path[2]]
        items = [i for s in task.sections for i in s.items]
        return value, _item_events(items) + task.events
    if kind == "adjustment":
        events = tuple(e for e in card.adjustments if e.clause == figure.path[1])
        return sum((e.points for e in events), Decimal(0)), events
    if kind == "derived":  # a derived value the entity's scoring read (KeyError: none of that name)
        for derived in card.derived:
            if derived.name == figure.path[1]:
                return Decimal(derived.value), ()
        raise KeyError(figure.path[1])
    every = tuple(e for t in card.tasks for s in t.sections for i in s.items for e in i.events) + card.adjustments
    if kind == "total":
        return card.total, tuple(e for e in every if e.points != 0 or e.kind not in ("deduct", "bonus", "award"))
    if kind == "rank":
        return card.rank, ()
    if kind == "award":
        return card.award, tuple(e for e in card.adjustments if e.points == 0 and e.kind != "note")
    if kind == "award_status":
        return card.award_status, ()
    if kind == "award_candidates":
        return (card.award_decision.candidates if card.award_decision else ()), ()
    if kind == "grade":  # after quotas once ranked; None while pending
        if card.grade_decision is not None:
            return card.grade_decision.value, ()
        return (card.grade.name if card.grade else None), ()
    if kind == "grade_status":
        return card.grade_status, ()
    if kind == "grade_candidates":
        return (card.grade_decision.candidates if card.grade_decision else ()), ()
    if kind == "flags":
        return tuple(card.flags), ()
    raise KeyError(kind)


def _item_events(items: Iterable[ItemScore]) -> tuple[Event, ...]:
    return tuple(e for i in items for e in i.events)


def _shown(value: Any, places: int) -> str:
    if isinstance(value, Decimal):
        return format_fixed(value, places)
    if value is None:
        return "null（无）"
    if isinstance(value, tuple):
        return "[" + ", ".join(value) + "]"
    return str(value)


def trace_line(event: Event, places: int) -> str:
    """One event as a trace line: ``2.1 deduct -1.00 漏管脱管人次=2 「每…扣0.5分」 (2017.score:120)``."""
    facts = " ".join(f"{name}={_fact_text(value)}" for name, value in event.facts)
    where = f" ({event.span.file}:{event.span.line})" if event.span is not None else ""
    reason = f" 理由: {event.reason}" if event.reason else ""
    return (f"{event.clause} {event.kind} {format_fixed(event.points, places)} {facts} 「{event.rule}」"
            f"{reason}{where}").replace("  ", " ")


def _fact_text(value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, tuple):
        return "[" + ", ".join(_fact_text(v) for v in value) + "]"
    return str(value)


def render_failures(result: CaseResult) -> str:
    """A failing case as text: where it is, then per failing figure expected, actual and trace."""
    case = result.case
    lines = [f"{case.file}:{case.span.line}: 用例「{case.name}」未通过 (case failed)"]
    if case.source:
        lines.append(f"  原文 (source): {case.source}")
    for failure in result.failures:
        where = f"{failure.figure.span.file}:{failure.figure.span.line}: " if failure.figure else ""
        lines.append(f"  {where}{failure.entity} {failure.what}")
        lines.append(f"    期望 expected: {failure.expected}")
        lines.append(f"    实际 actual:   {failure.actual}")
        if failure.trace:
            lines.append("    来自 (trace):")
            lines.extend(f"      {line}" for line in failure.trace)
    return "\n".join(lines)


# ------------------------------------------------------------------ --update
@attrs.frozen
class Change:
    """One expectation rewritten by ``update_case_files``."""

    file: str
    line: int
    case: str
    entity: str
    what: str
    old: str
    new: str


def update_case_files(results: Sequence[CaseResult], places: int, *,
                      write: Callable[[str, str], None] | None = None) -> tuple[list[Change], list[Failure]]:
    """Rewrite, in place, each failing figure a case states to its actual value.

    Only the figures the cases already state change (the scalar is replaced where it is
    written, so comments, order and quotes stay); nothing is added. Returns the changes and
    the failures it cannot rewrite (an expected error, flags, an absent figure), which stay
    failures. ``write(path, text)`` writes a file (by default, to disk).
    """
    by_file: dict[str, list[tuple[Figure, Failure]]] = {}
    skipped: list[Failure] = []
    for result in results:
        for failure in result.failures:
            figure = failure.figure
            nullable = ("award", "award_status", "grade", "grade_status")
            if figure is None or figure.path[0] == "flags" or figure.path[0].endswith("_candidates") or (
                    failure.actual_value is None and figure.path[0] not in nullable):
                skipped.append(failure)
                continue
            by_file.setdefault(figure.span.file, []).append((figure, failure))
    changes: list[Change] = []
    for path, pairs in by_file.items():
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
        for figure, failure in sorted(pairs, key=lambda p: p[0].span.start, reverse=True):
            new = _written(failure.actual_value, figure.quote, places)
            text = text[:figure.span.start] + new + text[figure.span.end:]
            changes.append(Change(path, figure.span.line, failure.case.name, failure.entity, failure.what,
                                  failure.expected, _shown(failure.actual_value, places)))
        parse_case_file(text, path)  # the rewritten file must still read as cases
        (write or _write)(path, text)
    changes.sort(key=lambda c: (c.file, c.line))
    return changes, skipped


def _written(value: Any, quote: str, places: int) -> str:
    if value is None:
        return "null"
    text = format_fixed(value, places) if isinstance(value, Decimal) else str(value)
    if isinstance(value, str) or quote:
        q = quote or '"'
        return f"{q}{text}{q}"
    return text


def _write(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
