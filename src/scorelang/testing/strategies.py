"""Hypothesis strategies derived from a policy: valid raw facts for property tests of any policy.

Everything here reads the policy's own declarations (fact types, ranges, choices, defaults)
and its rules (the thresholds where a score changes), so the same property tests run on
the 2017 policy and on a policy written next year:

    from hypothesis import given
    from scorelang.testing.strategies import facts_for

    policy = scorelang.load("policies/2017.score")

    @given(facts_for(policy))
    def test_items_in_bounds(facts):
        card = policy.evaluate(policy.entities[0], facts)
        ...

The values are *raw* facts, in the forms a facts file or a Python caller gives them
(``runtime.facts`` describes them): ints for counts, Decimal strings with two places for
percents, numbers and judgement amounts, ``True``/``False``/``是``/``否`` for flags. Every
mapping these strategies produce passes validation: ``Policy.evaluate`` never raises
``FactsError`` for it.
"""
from __future__ import annotations

import math
from decimal import Decimal
from typing import Any, Iterable, Mapping

from hypothesis import strategies as st

from ..model import nodes as m

__all__ = ["facts_for", "facts_document_for", "fact_value", "thresholds", "deduction_counts",
           "with_more"]

_CENT = Decimal("0.01")
_HUNDRED = Decimal(100)
# A count with no declared ceiling is mostly small (the usual 0–3 occurrences), sometimes large.
_SMALL_COUNT = 3
_LARGE_COUNT = 50
_NUMBER_CEILING = Decimal(1000)
_BAND = Decimal(20)  # how far below the highest threshold the "near the top" values reach
_MAX_RECORDS = 4
_REASONS = ("", "社区服刑人员脱管期间再犯罪", "未按期整改", "reason given in English")


def _model(policy: Any) -> m.Policy:
    """The model of a loaded policy (``scorelang.Policy``) or the model itself."""
    model = getattr(policy, "model", policy)
    if not isinstance(model, m.Policy):
        raise TypeError(f"expected a scorelang.Policy or a model Policy, got {type(policy).__name__}")
    return model


# ------------------------------------------------------------------ reading the rules
def _conditions(cond: m.Condition | None) -> Iterable[m.Condition]:
    if cond is None:
        return
    yield cond
    if isinstance(cond, m.Negation):
        yield from _conditions(cond.operand)
    elif isinstance(cond, (m.AllOf, m.AnyOf)):
        for operand in cond.operands:
            yield from _conditions(operand)


def _facts_read(body: m.RuleBody) -> tuple[str, ...]:
    """The fact names a rule body reads, as written (before per-occasion expansion)."""
    direct = (body.fact,) if isinstance(body, (m.PerOccurrence, m.Judgement, m.Ladder)) else ()
    condition = getattr(body, "condition", None)
    return direct + tuple(c.fact for c in _conditions(condition) if isinstance(c, (m.FlagIs, m.Compare)))


def _rules_with_names(model: m.Policy):
    """Every rule with a function from a fact name as written to the declared names it reads
    (a fact declared 按次 is read as 名第1次, 名第2次 … in a 共N次 part)."""
    for task in model.tasks:
        for item in task.items:
            for part in item.parts:
                per_occasion = dict(part.occasion_facts)

                def expand(name: str, per_occasion=per_occasion) -> tuple[str, ...]:
                    return tuple(per_occasion.get(name, (name,)))
                for rule in part.rules:
                    yield rule, expand


def thresholds(policy: Any) -> dict[str, tuple[Decimal, ...]]:
    """Where each fact's value changes a score: ladder targets and step boundaries, and the
    values conditions compare against. Keyed by declared fact name; ascending values.

    Facts values just either side of these (±0.01, or ±1 for counts) are where off-by-one
    and rounding mistakes live, so ``facts_for`` draws them often.
    """
    model = _model(policy)
    found: dict[str, set[Decimal]] = {}
    for rule, expand in _rules_with_names(model):
        body = rule.body
        points: set[Decimal] = set()
        if isinstance(body, m.Ladder):
            points.add(body.target)
            # the boundary of every whole step of shortfall below the target
            width = body.target * body.step / _HUNDRED if body.relative else body.step
            if width > 0:
                steps = int(body.target / width) if body.target > 0 else 0
                points.update(body.target - k * width for k in range(1, min(steps, 200) + 1))
            for name in expand(body.fact):
                found.setdefault(name, set()).update(points)
        for cond in _conditions(getattr(body, "condition", None)):
            if isinstance(cond, m.Compare) and isinstance(cond.value, Decimal):
                for name in expand(cond.fact):
                    found.setdefault(name, set()).add(cond.value)
    return {name: tuple(sorted(values)) for name, values in found.items()}


def deduction_counts(policy: Any) -> tuple[str, ...]:
    """The count facts that only 每…扣 rules read (``PerOccurrence`` with sign -1).

    More of such a fact can only lose points, which is what the monotonicity property
    needs; a count that any other rule reads (a ladder, a condition, a 每…得) is left out,
    because more of it may earn points.
    """
    model = _model(policy)
    deducting: set[str] = set()
    other: set[str] = set()
    for rule, expand in _rules_with_names(model):
        body = rule.body
        if isinstance(body, m.PerOccurrence) and body.sign < 0:
            deducting.update(expand(body.fact))
            names: tuple[str, ...] = ()
        else:
            names = _facts_read(body)
        for name in names:
            other.update(expand(name))
    counts = {f.name for f in model.facts if f.type == "count"}
    return tuple(f.name for f in model.facts if f.name in deducting - other and f.name in counts)


# ------------------------------------------------------------------ one fact's values
def _two_places(value: Decimal) -> str:
    return str(value.quantize(_CENT))


def _cents_between(low: Decimal, high: Decimal) -> st.SearchStrategy[str]:
    """Decimal strings with two places in [low, high] (empty when no cent fits)."""
    first, last = math.ceil(low * 100), math.floor(high * 100)
    if first > last:
        return st.nothing()
    return st.integers(first, last).map(lambda n: _two_places(Decimal(n).scaleb(-2)))


def _near(points: Iterable[Decimal], delta: Decimal, low: Decimal, high: Decimal) -> list[Decimal]:
    """Each point and its neighbours at ±delta, kept inside [low, high]."""
    out = set()
    for point in points:
        for value in (point - delta, point, point + delta):
            if low <= value <= high:
                out.add(value)
    return sorted(out)


def _count(decl: m.FactDecl, marks: tuple[Decimal, ...]) -> st.SearchStrategy[int]:
    low = max(int(decl.low), 0) if decl.low is not None else 0
    if decl.high is not None:
        high = int(decl.high)
        return st.one_of(st.sampled_from(sorted({low, high})), st.integers(low, high))
    # counts near a ladder's target or step boundaries (300 件: 285, 284 …) need a wider range
    top = max([_LARGE_COUNT] + [math.ceil(v) + 10 for v in marks])
    near = sorted({int(v) for p in marks for v in (math.floor(p) - 1, math.floor(p), math.ceil(p), math.ceil(p) + 1)
                   if low <= v <= top})
    # a clean record (no occurrence) is the commonest case in practice
    options = [st.just(low), st.integers(low, max(low, _SMALL_COUNT)), st.integers(low, max(low, _SMALL_COUNT)),
               st.integers(low, top)]
    if near:
        options.append(st.sampled_from(near))
    return st.one_of(options)


def _decimal_in(low: Decimal, high: Decimal, marks: tuple[Decimal, ...]) -> st.SearchStrategy[str]:
    """Two-place Decimal strings in [low, high]: the ends, the marks ±0.01, anything between,
    and often the band just below the highest mark up to ``high``, where ladders bite."""
    ends = [_two_places(v) for v in sorted({low, high}) if v == v.quantize(_CENT)]
    specials = [_two_places(v) for v in _near(marks, _CENT, low, high) if v == v.quantize(_CENT)]
    options = [st.sampled_from(s) for s in (ends, specials) if s] + [_cents_between(low, high)]
    if marks:
        options.append(_cents_between(max(low, max(marks) - _BAND), high))
    return st.one_of(options)


def _judgement_amount(decl: m.FactDecl) -> st.SearchStrategy[str]:
    # "0" means it did not happen (deductions only: a score every entity is given lies in its
    # range); otherwise the assessor's amount lies inside the range
    low = decl.low if decl.low is not None else Decimal(0)
    high = decl.high if decl.high is not None else Decimal(10)
    if not decl.zero_means_absent:
        return _decimal_in(low, high, ())
    return st.one_of(st.just("0"), _decimal_in(low, high, ()))


def _judgement(decl: m.FactDecl) -> st.SearchStrategy[Any]:
    amount = _judgement_amount(decl)
    with_reason = st.fixed_dictionaries({"amount": amount, "reason": st.sampled_from(_REASONS)})
    return st.one_of(amount, amount, with_reason)


def fact_value(decl: m.FactDecl, marks: tuple[Decimal, ...] = ()) -> st.SearchStrategy[Any]:
    """Valid raw values of one declared fact.

    - count: ints ≥ 0, ≤ its 至多 when declared; otherwise mostly 0–3, sometimes up to 50
      (or past the largest mark), and often a mark ±1;
    - percent: two-place Decimal strings in [0, 100], often 0, 100 and each mark ±0.01;
    - number: two-place Decimal strings in [low or 0, high or 1000], often each mark ±0.01;
    - flag: ``True``, ``False``, ``"是"`` or ``"否"``;
    - choice: one of the declared choices;
    - judgement: ``"0"`` or a two-place amount in [low, high], sometimes as
      ``{"amount": ..., "reason": ...}``;
    - records: a list of 0–4 such judgements; for 记录 with fields, 0–4 mappings with a
      declared choice per choice field and a short text (often repeated, so that 同一工作 occurs)
      per text field.

    ``marks`` are the values where the policy's rules change a score (see ``thresholds``).
    """
    kind = decl.type
    if kind == "count":
        return _count(decl, marks)
    if kind == "percent":
        low = decl.low if decl.low is not None else Decimal(0)
        high = decl.high if decl.high is not None else _HUNDRED
        return _decimal_in(max(low, Decimal(0)), min(high, _HUNDRED), marks)
    if kind == "number":
        low = decl.low if decl.low is not None else min([Decimal(0)] + list(marks))
        high = decl.high if decl.high is not None else max([_NUMBER_CEILING] + [2 * v for v in marks])
        return _decimal_in(low, high, marks)
    if kind == "flag":
        return st.sampled_from([True, False, "是", "否"])
    if kind == "choice":
        return st.sampled_from(decl.choices)
    if kind == "judgement":
        return _judgement(decl)
    if kind == "records" and decl.fields:
        return st.lists(_record(decl), max_size=_MAX_RECORDS)
    if kind == "records":
        return st.lists(_judgement(decl), max_size=_MAX_RECORDS)
    raise TypeError(f"no strategy for fact type {kind!r}")  # a new FACT_TYPES entry, loudly


def _record(decl: m.FactDecl) -> st.SearchStrategy[dict[str, str]]:
    fields = {}
    for field in decl.fields:
        if field.kind == "choice":
            fields[field.name] = st.sampled_from(field.choices)
        else:
            fields[field.name] = st.sampled_from(["人民调解", "普法宣传", "社区矫正"])
    return st.fixed_dictionaries(fields)


# ------------------------------------------------------------------ whole entities
def facts_for(policy: Any) -> st.SearchStrategy[dict[str, Any]]:
    """Valid raw facts for one entity of ``policy`` (a ``scorelang.Policy`` or a model).

    Every required fact (no default) is present; a fact with a default is sometimes left
    out, so the default is exercised too. Each value comes from ``fact_value`` with the
    policy's own thresholds, so ``policy.evaluate(entity, facts)`` never raises FactsError.
    """
    model = _model(policy)
    marks = thresholds(model)
    required = {}
    optional = {}
    for decl in model.facts:
        strategy = fact_value(decl, marks.get(decl.name, ()))
        (optional if decl.has_default else required)[decl.name] = strategy
    return st.fixed_dictionaries(required, optional=optional)


def facts_document_for(policy: Any, distinct: int | None = None) -> st.SearchStrategy[dict[str, Any]]:
    """A valid facts document ``{"entities": {entity: facts}}`` naming every declared entity
    (ranking needs them all), in the policy's order.

    Each entity's facts are drawn from ``facts_for``: independently by default, or, with
    ``distinct=n``, from a pool of at most ``n`` facts mappings shared among the entities,
    which makes equal totals (并列) common and a large cohort cheap to draw.
    """
    model = _model(policy)
    entity_facts = facts_for(model)
    if distinct is None:
        return st.fixed_dictionaries({"entities": st.fixed_dictionaries({e: entity_facts for e in model.entities})})
    if distinct < 1:
        raise ValueError("distinct must be at least 1")

    @st.composite
    def shared(draw) -> dict[str, Any]:
        pool = draw(st.lists(entity_facts, min_size=1, max_size=distinct))
        picks = st.integers(0, len(pool) - 1)
        return {"entities": {e: dict(pool[draw(picks)]) for e in model.entities}}
    return shared()


def with_more(policy: Any, facts: Mapping[str, Any], fact_name: str, by: int = 1) -> dict[str, Any]:
    """A copy of raw ``facts`` with the count ``fact_name`` raised by ``by`` (an omitted
    count starts from its default). Raises ValueError for a fact that is not a count, and
    when the result would exceed the count's declared 至多."""
    decl = _model(policy).fact(fact_name)
    if decl.type != "count":
        raise ValueError(f"{fact_name} is a {decl.type}, not a count")
    current = facts.get(fact_name)
    if current is None:
        current = decl.default if decl.has_default else 0
    raised = int(Decimal(str(current))) + by
    if raised < 0 or (decl.high is not None and raised > decl.high):
        raise ValueError(f"{fact_name} cannot be {raised}: the count is within 0..{decl.high}")
    out = dict(facts)
    out[fact_name] = raised
    return out
