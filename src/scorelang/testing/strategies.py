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

A whole entity's facts are ONE hypothesis draw (a byte string decoded fact by fact, see
"one fact's values" below): drawing the 253 facts of the 2017 policy costs about 2 ms, so a
property test can afford many examples, and hypothesis still shrinks a failure toward the
simplest facts.
"""
from __future__ import annotations

import math
import random
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, Protocol, TypeVar

from hypothesis import strategies as st

from ..model import nodes as m

__all__ = ["facts_for", "facts_document_for", "fact_value", "thresholds", "deduction_counts",
           "with_more", "policies", "policy_texts"]

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
# What a rule reads and does comes from the model itself: ``m.facts_read`` (one generic walk
# over the fields that name facts) and ``Rule.effect``; nothing here lists rule classes.
_Expand = Callable[[str], tuple[str, ...]]
_T = TypeVar("_T")


def _rules_with_names(model: m.Policy) -> Iterator[tuple[m.Rule, _Expand]]:
    """Every rule (of the items and of the articles) with a function from a fact name as
    written to the declared names it reads (a fact declared 按次 is read as 名第1次, 名第2次 …
    in a 共N次 part)."""
    for task in model.tasks:
        for item in task.items:
            for part in item.parts:
                per_occasion = dict(part.occasion_facts)

                def expand(name: str, per_occasion: dict[str, tuple[str, ...]] = per_occasion) -> tuple[str, ...]:
                    return tuple(per_occasion.get(name, (name,)))
                for rule in part.rules:
                    yield rule, expand
    for article in model.articles:
        for rule in article.rules:
            yield rule, _as_written


def _as_written(name: str) -> tuple[str, ...]:
    return (name,)


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
        if isinstance(body, m.Ladder) and isinstance(body.target, Decimal):  # (a computed target: no one point)
            target = body.target
            points.add(target)
            # the boundary of every whole step of shortfall below the target
            width = target * body.step / _HUNDRED if body.relative else body.step
            if width > 0:
                steps = int(target / width) if target > 0 else 0
                points.update(target - k * width for k in range(1, min(steps, 200) + 1))
            # a ladder on an expression has no one fact whose value is the measured value
            for name in expand(body.fact) if isinstance(body.fact, str) else ():
                found.setdefault(name, set()).update(points)
        for node in m.walk(body):
            if isinstance(node, m.Compare) and isinstance(node.value, Decimal):
                for name in expand(node.fact):
                    found.setdefault(name, set()).add(node.value)
    return {name: tuple(sorted(values)) for name, values in found.items()}


def deduction_counts(policy: Any) -> tuple[str, ...]:
    """The count facts that only 每…扣 rules read (``PerOccurrence`` whose effect deducts).

    More of such a fact can only lose points, which is what the monotonicity property
    needs; a count that any other rule reads (a ladder, a condition, a 每…得, a 每…加) is
    left out, because more of it may earn points.
    """
    model = _model(policy)
    deducting: set[str] = set()
    other: set[str] = set()
    for rule, expand in _rules_with_names(model):
        # only a plain 每「x」扣 (no expression: 最大（「a」 - 「b」，0） falls as 「b」 grows; no
        # condition: its facts may go either way)
        plain = isinstance(rule.body, m.PerOccurrence) and isinstance(rule.body.fact, str) and rule.condition is None
        target = deducting if plain and rule.effect is m.Effect.DEDUCT else other
        for name in rule.facts:
            target.update(expand(name))
    counts = {f.name for f in model.facts if f.type == "count"}
    return tuple(f.name for f in model.facts if f.name in deducting - other and f.name in counts)


# ------------------------------------------------------------------ one fact's values
# A fact's values are a *menu*: options, each a finite indexed family of values (``(size,
# value_at)``), drawn with equal chance (an option listed twice is twice as likely). A
# value is decoded from a few bytes: one picks the option, the next ones the index within
# it. A whole entity's facts are then decoded from ONE hypothesis draw of a byte string
# (``st.binary``), about a hundred times cheaper than a draw per fact, and still shrinkable:
# hypothesis shrinks the bytes toward zeros, and zeros decode to every fact's first option
# (no occurrence, the lowest value, a fact left at its default).
Option = tuple[int, Callable[[int], object]]  # (size, value_at)


def _values(values: Iterable[object]) -> Option:
    values = tuple(values)
    return len(values), values.__getitem__


def _ints(low: int, high: int) -> Option:
    return high - low + 1, low.__add__


def _two_places(value: Decimal) -> str:
    return str(value.quantize(_CENT))


def _cent(n: int) -> str:
    return _two_places(Decimal(n).scaleb(-2))


def _cents_between(low: Decimal, high: Decimal) -> list[Option]:
    """Decimal strings with two places in [low, high] (no option when no cent fits)."""
    first, last = math.ceil(low * 100), math.floor(high * 100)
    if first > last:
        return []

    def value_at(i: int) -> str:
        return _cent(first + i)
    return [(last - first + 1, value_at)]


def _near(points: Iterable[Decimal], delta: Decimal, low: Decimal, high: Decimal) -> list[Decimal]:
    """Each point and its neighbours at ±delta, kept inside [low, high]."""
    out: set[Decimal] = set()
    for point in points:
        for value in (point - delta, point, point + delta):
            if low <= value <= high:
                out.add(value)
    return sorted(out)


def _count(decl: m.FactDecl, marks: tuple[Decimal, ...]) -> list[Option]:
    low = max(int(decl.low), 0) if decl.low is not None else 0
    if decl.high is not None:
        high = int(decl.high)
        return [_values(sorted({low, high})), _ints(low, high)]
    # counts near a ladder's target or step boundaries (300 件: 285, 284 …) need a wider range
    top = max([_LARGE_COUNT] + [math.ceil(v) + 10 for v in marks])
    near = sorted({int(v) for p in marks for v in (math.floor(p) - 1, math.floor(p), math.ceil(p), math.ceil(p) + 1)
                   if low <= v <= top})
    # a clean record (no occurrence) is the commonest case in practice
    small = _ints(low, max(low, _SMALL_COUNT))
    options = [_values([low]), small, small, _ints(low, top)]
    if near:
        options.append(_values(near))
    return options


def _decimal_in(low: Decimal, high: Decimal, marks: tuple[Decimal, ...]) -> list[Option]:
    """Two-place Decimal strings in [low, high]: the ends, the marks ±0.01, anything between,
    and often the band just below the highest mark up to ``high``, where ladders bite."""
    ends = [_two_places(v) for v in sorted({low, high}) if v == v.quantize(_CENT)]
    specials = [_two_places(v) for v in _near(marks, _CENT, low, high) if v == v.quantize(_CENT)]
    options = [_values(s) for s in (ends, specials) if s] + _cents_between(low, high)
    if marks:
        options += _cents_between(max(low, max(marks) - _BAND), high)
    return options


def _judgement_amount(decl: m.FactDecl) -> list[Option]:
    # "0" (it did not happen) half the time, for deductions only: a score every entity is
    # given (zero_means_absent false) lies in its range; otherwise the assessor's amount
    # inside the range
    low = decl.low if decl.low is not None else Decimal(0)
    high = decl.high if decl.high is not None else Decimal(10)
    amounts = _decimal_in(low, high, ())
    if not decl.zero_means_absent:
        return amounts
    return [_values(["0"])] * len(amounts) + amounts


class _Bytes:
    """Reads unsigned integers off a byte string, front to back."""

    __slots__ = ("data", "at")

    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def below(self, n: int, width: int = 1) -> int:
        """An integer in [0, n) from the next ``width`` bytes (0 when ``n`` is 1)."""
        start = self.at
        self.at = start + width
        return int.from_bytes(self.data[start:self.at], "big") % n if n > 1 else 0


def _width(n: int) -> int:
    """Bytes needed to index ``n`` values with little bias (a byte more than the minimum)."""
    return 0 if n <= 1 else ((n - 1).bit_length() + 7) // 8 + 1


class _Decoder(Protocol):
    """Decodes one raw value from ``width`` bytes."""

    @property
    def width(self) -> int: ...

    def decode(self, data: _Bytes) -> object: ...


class _Menu:
    """Decodes one value of a menu of options from ``width`` bytes."""

    __slots__ = ("options", "width", "_index")

    def __init__(self, options: list[Option]) -> None:
        if not options:
            raise ValueError("a fact with no valid value")
        self.options = tuple(options)
        self._index = _width(max(size for size, _ in options))
        self.width = 1 + self._index

    def decode(self, data: _Bytes) -> object:
        size, value_at = self.options[data.below(len(self.options))]
        return value_at(data.below(size, self._index))


class _Judgement:
    """A judgement: its amount, as is (2 in 3) or as ``{"amount", "reason"}`` (1 in 3)."""

    __slots__ = ("amount", "width")

    def __init__(self, decl: m.FactDecl) -> None:
        self.amount = _Menu(_judgement_amount(decl))
        self.width = 2 + self.amount.width

    def decode(self, data: _Bytes) -> object:
        with_reason = data.below(3) == 2
        reason = _REASONS[data.below(len(_REASONS))]
        amount = self.amount.decode(data)
        return {"amount": amount, "reason": reason} if with_reason else amount


def _field_values(field: m.RecordField) -> tuple[object, ...]:
    """What a record's field is drawn from: its choices; for a 日期, the edges of 考评期 and a
    day between (or a few dates of one year, several the same, so that ties by date occur); for a
    项号, one item or two; else a short text."""
    if field.kind == "choice":
        return field.choices
    if field.kind == "date":
        low, high = field.period or ("2025-01-01", "2025-12-31")
        return (low, high, low[:4] + "-06-30" if low[:4] == high[:4] else low, high)
    if field.kind == "item":
        ids = field.choices
        return tuple([(i,) for i in ids[:4]] + [tuple(ids[:2])] + [tuple(ids[-2:])])
    return _WORKS


class _Record:
    """A record of a 记录 fact: a declared choice per choice field, a short text (often the
    same, so that 同一工作 occurs) per text field, a date in 考评期, the items it concerns."""

    __slots__ = ("fields", "width")

    def __init__(self, decl: m.FactDecl) -> None:
        self.fields = tuple((f.name, _field_values(f)) for f in decl.fields)
        self.width = sum(_width(len(values)) for _, values in self.fields)

    def decode(self, data: _Bytes) -> dict[str, object]:
        return {name: values[data.below(len(values), _width(len(values)))] for name, values in self.fields}


class _List:
    """0 to ``_MAX_RECORDS`` values of one kind (every slot is read, so the width is fixed)."""

    __slots__ = ("element", "width")

    def __init__(self, element: _Decoder) -> None:
        self.element = element
        self.width = 1 + _MAX_RECORDS * element.width

    def decode(self, data: _Bytes) -> list[object]:
        n = data.below(_MAX_RECORDS + 1)
        values = [self.element.decode(data) for _ in range(_MAX_RECORDS)]
        return values[:n]


class _Ratings:
    """评分: as many ratings as the policy's aggregation can combine (its ``needed`` and up to
    ``_MAX_RECORDS`` more), or none when no rating is allowed (无评分时 计 …); for ratings
    weighted by rater group, every group rates at least once."""

    __slots__ = ("score", "rule", "groups", "width")

    def __init__(self, decl: m.FactDecl):
        low = decl.low if decl.low is not None else Decimal(0)
        high = decl.high if decl.high is not None else Decimal(10)
        self.score = _Menu(_decimal_in(low, high, ()))
        self.rule = decl.ratings
        self.groups = tuple(g for g, _ in self.rule.weights) if self.rule is not None else ()
        least = self._least()
        self.width = 1 + (least + _MAX_RECORDS) * (self.score.width + 1)

    def _least(self) -> int:
        return max(self.rule.needed if self.rule is not None else 1, len(self.groups))

    def decode(self, data: _Bytes) -> list[object]:
        least = self._least()
        n = data.below(_MAX_RECORDS + 2)
        count = 0 if n == _MAX_RECORDS + 1 and self.rule is not None and self.rule.empty_value is not None \
            else least + min(n, _MAX_RECORDS)
        out: list[object] = []
        group_field = self.rule.group_field if self.rule is not None else None  # set when groups are
        for index in range(least + _MAX_RECORDS):
            score = self.score.decode(data)
            group_at = data.below(max(len(self.groups), 1))
            if index < count:
                if self.groups and group_field is not None:
                    group = self.groups[index] if index < len(self.groups) else self.groups[group_at]
                    out.append({"分": score, group_field: group})
                else:
                    out.append(score)
        return out


_FLAGS = (False, True, "否", "是")
_WORKS = ("人民调解", "普法宣传", "社区矫正")


def _decoder(decl: m.FactDecl, marks: tuple[Decimal, ...]) -> _Decoder:
    """How one declared fact's raw values are decoded from bytes (see ``fact_value``)."""
    kind = decl.type
    if kind == "count":
        return _Menu(_count(decl, marks))
    if kind == "percent":
        low = decl.low if decl.low is not None else Decimal(0)
        high = decl.high if decl.high is not None else _HUNDRED
        return _Menu(_decimal_in(max(low, Decimal(0)), min(high, _HUNDRED), marks))
    if kind == "number":
        low = decl.low if decl.low is not None else min([Decimal(0)] + list(marks))
        high = decl.high if decl.high is not None else max([_NUMBER_CEILING] + [2 * v for v in marks])
        return _Menu(_decimal_in(low, high, marks))
    if kind == "flag":
        return _Menu([_values(_FLAGS)])
    if kind == "choice":
        return _Menu([_values(decl.choices)])
    if kind == "judgement":
        return _Judgement(decl)
    if kind == "records" and decl.fields:
        return _List(_Record(decl))
    if kind == "records":
        return _List(_Judgement(decl))
    if kind == "ratings":
        return _Ratings(decl)
    raise TypeError(f"no strategy for fact type {kind!r}")  # a new FACT_TYPES entry, loudly


def _drawn(width: int, decode: Callable[[_Bytes], _T]) -> st.SearchStrategy[_T]:
    return st.binary(min_size=width, max_size=width).map(lambda data: decode(_Bytes(data)))


def fact_value(decl: m.FactDecl, marks: tuple[Decimal, ...] = ()) -> st.SearchStrategy[Any]:
    """Valid raw values of one declared fact.

    - count: ints ≥ 0, ≤ its 至多 when declared; otherwise mostly 0–3, sometimes up to 50
      (or past the largest mark), and often a mark ±1;
    - percent: two-place Decimal strings in [0, 100], often 0, 100 and each mark ±0.01;
    - number: two-place Decimal strings in [low or 0, high or 1000], often each mark ±0.01;
    - flag: ``True``, ``False``, ``"是"`` or ``"否"``;
    - choice: one of the declared choices;
    - judgement: ``"0"`` (a deduction's "did not occur") or a two-place amount in [low, high], sometimes as
      ``{"amount": ..., "reason": ...}``;
    - records: a list of 0–4 such judgements; for 记录 with fields, 0–4 mappings with a
      declared choice per choice field and a short text (often repeated, so that 同一工作 occurs)
      per text field;
    - ratings: enough two-place scores in [low, high] for the aggregation (or none, when the
      policy gives no rating a score), each ``{"分": …, 「group」: …}`` when weighted by rater group.

    ``marks`` are the values where the policy's rules change a score (see ``thresholds``).
    """
    decoder = _decoder(decl, marks)
    return _drawn(decoder.width, decoder.decode)


# ------------------------------------------------------------------ whole entities
class _EntityFacts:
    """Decodes one entity's raw facts from ``width`` bytes: every fact a fixed slice, a fact
    with a default preceded by a byte that leaves it out half the time (zero: left out)."""

    def __init__(self, model: m.Policy) -> None:
        marks = thresholds(model)
        self.facts = tuple((decl.name, decl.has_default, _decoder(decl, marks.get(decl.name, ())))
                           for decl in model.facts)
        self.width = sum(decoder.width + optional for _, optional, decoder in self.facts)

    def decode(self, data: _Bytes) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, optional, decoder in self.facts:
            if optional and not data.below(2):
                data.at += decoder.width
                continue
            out[name] = decoder.decode(data)
        return out

    def from_bytes(self, data: bytes) -> dict[str, Any]:
        return self.decode(_Bytes(data))

    def from_seed(self, seed: int) -> dict[str, Any]:
        return self.decode(_Bytes(random.Random(seed).randbytes(self.width)))


# built once per policy model (thresholds read every rule): the model is frozen
_ENTITY_FACTS: dict[int, tuple[weakref.ref[m.Policy], _EntityFacts]] = {}


def _entity_facts(model: m.Policy) -> _EntityFacts:
    cached = _ENTITY_FACTS.get(id(model))
    if cached is None or cached[0]() is not model:
        cached = _ENTITY_FACTS[id(model)] = (weakref.ref(model), _EntityFacts(model))
    return cached[1]


# Hypothesis keeps a test case's draws under 8 KiB: a cohort of entities whose bytes would
# not fit draws a seed per entity instead (valid facts, cheaper to draw, not shrinkable).
_BYTES_BUDGET = 6 * 1024


def facts_for(policy: Any) -> st.SearchStrategy[dict[str, Any]]:
    """Valid raw facts for one entity of ``policy`` (a ``scorelang.Policy`` or a model).

    Every required fact (no default) is present; a fact with a default is left out half the
    time, so the default is exercised too. Each value is one of ``fact_value``'s, with the
    policy's own thresholds, so ``policy.evaluate(entity, facts)`` never raises FactsError.
    The whole mapping is one draw (see "one fact's values" above).
    """
    entity = _entity_facts(_model(policy))
    return _drawn(entity.width, entity.decode)


def facts_document_for(policy: Any, distinct: int | None = None) -> st.SearchStrategy[dict[str, Any]]:
    """A valid facts document ``{"entities": {entity: facts}}`` naming every declared entity
    (ranking needs them all), in the policy's order.

    Each entity's facts are drawn like ``facts_for``: independently by default, or, with
    ``distinct=n``, from a pool of at most ``n`` facts mappings shared among the entities,
    which makes equal totals (并列) common and a large cohort cheap to draw.
    """
    model = _model(policy)
    if distinct is not None and distinct < 1:
        raise ValueError("distinct must be at least 1")
    entity = _entity_facts(model)
    drawn = len(model.entities) if distinct is None else distinct
    if drawn * entity.width <= _BYTES_BUDGET:
        one = _drawn(entity.width, entity.decode)
    else:
        one = st.integers(0, 2**64 - 1).map(entity.from_seed)
    if distinct is None:
        entities = model.entities
        return st.tuples(*(one for _ in entities)).map(
            lambda drawn: {"entities": dict(zip(entities, drawn, strict=True))})

    @st.composite
    def shared(draw: st.DrawFn) -> dict[str, Any]:
        pool = draw(st.lists(one, min_size=1, max_size=distinct))
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


# random valid policies (a strategy of policies rather than of one policy's facts): their own
# module, re-exported here beside facts_for
from .policy_strategy import policies, policy_texts  # noqa: E402
