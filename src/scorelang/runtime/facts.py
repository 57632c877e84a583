"""Raw facts (from JSON, YAML, CSV or Python) → typed values, validated once before scoring.

Every problem becomes a Diagnostic naming the entity and the fact; the caller raises one
FactsError for all of them, so nothing is scored from partly valid facts.

Typed values: count → int; number, percent → Decimal; flag → bool; choice → str;
judgement → (Decimal amount, reason or None); records → tuple of judgements.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Mapping

from .. import messages as msg
from ..diagnostics import Diagnostic, suggest
from ..messages import Message, Words
from ..model.nodes import FactDecl
from ..numbers import parse_decimal

_YES = {"是", "yes", "true", "y", "1", "有", "√"}
_NO = {"否", "no", "false", "n", "0", "无", "×"}
_TYPE_ZH = {"count": "计数", "number": "数值", "percent": "百分比", "flag": "是否", "choice": "选项",
            "judgement": "评定", "records": "评定记录"}


class _Bad(Exception):
    """A value that does not fit: the catalogue entry (SL213) and its fields."""

    def __init__(self, message: Message, **fields: Any):
        super().__init__(message.name)
        self.message, self.fields = message, fields

    def words(self) -> Words:
        return self.message.words(**self.fields)


def _close(value: str, choices) -> Words:
    """", did you mean …" appended to a value message when a choice is close, else nothing."""
    close = suggest(value, choices, cutoff=0.3)
    return msg.CLOSE_CHOICE.words(name=close[0]) if close else Words("", "")


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise _Bad(msg.NOT_A_NUMBER_FLAG)
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # only reached from Python callers; the file readers parse decimals exactly
        return parse_decimal(repr(value))
    if isinstance(value, str):
        try:
            return parse_decimal(value)
        except ValueError:
            raise _Bad(msg.NOT_A_NUMBER, value=value) from None
    raise _Bad(msg.NOT_A_NUMBER_KIND, kind=type(value).__name__)


def _count(decl: FactDecl, value: Any) -> int:
    number = _decimal(value)
    if number != number.to_integral_value():
        raise _Bad(msg.COUNT_NOT_WHOLE, value=value)
    if number < 0:
        raise _Bad(msg.COUNT_NEGATIVE, value=value)
    if decl.high is not None and number > decl.high:
        raise _Bad(msg.COUNT_ABOVE, high=decl.high, value=value)
    return int(number)


def _number(decl: FactDecl, value: Any) -> Decimal:
    number = _decimal(value)
    if decl.high is not None and number > decl.high:
        raise _Bad(msg.NUMBER_ABOVE, high=decl.high, value=value)
    return number


def _percent(decl: FactDecl, value: Any) -> Decimal:
    if isinstance(value, str):
        value = value.strip().rstrip("%％")
    number = _decimal(value)
    if not Decimal(0) <= number <= Decimal(100):
        raise _Bad(msg.PERCENT_RANGE, value=number)
    return number


def _flag(decl: FactDecl, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, str)):
        text = str(value).strip().lower()
        if text in _YES:
            return True
        if text in _NO:
            return False
    raise _Bad(msg.FLAG_EXPECTED, value=value)


def _choice(decl: FactDecl, value: Any) -> str:
    if isinstance(value, str) and value.strip() in decl.choices:
        return value.strip()
    raise _Bad(msg.CHOICE_EXPECTED, choices=_choices(decl.choices), value=value,
               suggestion=_close(str(value), decl.choices))


def _choices(choices) -> Words:
    return Words("、".join(choices), ", ".join(choices))


def _judgement(decl: FactDecl, value: Any) -> tuple[Decimal, str | None]:
    reason = None
    if isinstance(value, Mapping):
        unknown = set(value) - {"amount", "reason", "分", "理由"}
        if unknown:
            raise _Bad(msg.JUDGEMENT_KEYS, unknown=sorted(unknown))
        amount_raw = value.get("amount", value.get("分"))
        if amount_raw is None:
            raise _Bad(msg.JUDGEMENT_NO_AMOUNT)
        reason = value.get("reason", value.get("理由"))
        if reason is not None and not isinstance(reason, str):
            raise _Bad(msg.JUDGEMENT_REASON_TEXT)
        value = amount_raw
    amount = _decimal(value)
    if not (decl.low <= amount <= decl.high):
        if amount == 0 and decl.zero_means_absent:
            return amount, reason  # 0: the situation did not occur (a deduction's convention)
        if not decl.zero_means_absent:  # a score every entity is given: no "0 = did not occur"
            raise _Bad(msg.SCORE_RANGE, low=decl.low, high=decl.high, value=amount)
        raise _Bad(msg.JUDGEMENT_RANGE, low=decl.low, high=decl.high, value=amount)
    return amount, reason


def _field_records(decl: FactDecl, value: Any) -> tuple:
    """记录 {…}: a list of mappings, each with every field (choices checked)."""
    if value is None or (isinstance(value, str) and value.strip() in ("", "无")):
        return ()
    if isinstance(value, Mapping):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise _Bad(msg.RECORDS_NOT_A_LIST)
    out = []
    names = [f.name for f in decl.fields]
    for index, record in enumerate(value, start=1):
        if not isinstance(record, Mapping):
            raise _Bad(msg.RECORD_NOT_A_MAPPING, index=index)
        unknown = [k for k in record if k not in names]
        if unknown:
            raise _Bad(msg.RECORD_UNKNOWN_FIELDS, index=index, unknown=unknown, fields=_choices(names))
        typed = {}
        for field in decl.fields:
            item = record.get(field.name)
            if _missing(item):
                raise _Bad(msg.RECORD_FIELD_MISSING, index=index, field=field.name)
            item = str(item).strip()
            if field.kind == "choice" and item not in field.choices:
                raise _Bad(msg.RECORD_FIELD_CHOICE, index=index, field=field.name, choices=_choices(field.choices),
                           value=item, suggestion=_close(item, field.choices))
            typed[field.name] = item
        out.append(typed)
    return tuple(out)


def _records(decl: FactDecl, value: Any) -> tuple:
    if decl.fields:
        return _field_records(decl, value)
    if value is None or (isinstance(value, str) and value.strip() in ("", "无")):
        return ()
    if isinstance(value, (int, Decimal, float, Mapping)) and not isinstance(value, bool):
        value = [value]  # a single judgement is one record
    if isinstance(value, str):
        value = [v for v in value.replace("；", ";").replace("，", ";").replace(",", ";").split(";") if v.strip()]
    if not isinstance(value, (list, tuple)):
        raise _Bad(msg.JUDGEMENT_RECORDS_NOT_A_LIST)
    out = []
    for index, record in enumerate(value, start=1):
        try:
            out.append(_judgement(decl, record))
        except _Bad as bad:
            raise _Bad(msg.RECORD_PROBLEM, index=index, problem=bad.words()) from None
    return tuple(out)


COERCE = {"count": _count, "number": _number, "percent": _percent, "flag": _flag, "choice": _choice,
          "judgement": _judgement, "records": _records}


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def coerce_entity_facts(decls: tuple[FactDecl, ...], entity: str, raw: Any,
                        needed: frozenset[str] | None = None) -> tuple[dict, list[Diagnostic]]:
    """Validate one entity's raw facts. Returns (typed facts, problems).

    ``needed``: the facts this entity's scoring reads (None: all). A fact outside it may be
    left out; when given, it is still checked.
    """
    problems: list[Diagnostic] = []
    if not isinstance(raw, Mapping):
        problems.append(msg.ENTITY_FACTS_NOT_A_MAPPING.about(entity))
        return {}, problems
    by_name = {d.name: d for d in decls}
    for name in raw:
        if name not in by_name:
            close = suggest(str(name), by_name, cutoff=0.5)
            problems.append(msg.FACT_UNKNOWN.about(entity, name, hint=msg.did_you_mean(close[0] if close else None)))
    typed: dict = {}
    for decl in decls:
        value = raw.get(decl.name)
        if _missing(value):
            if needed is not None and decl.name not in needed:
                continue
            if decl.has_default:
                typed[decl.name] = COERCE[decl.type](decl, decl.default)
                continue
            problems.append(msg.FACT_REQUIRED.about(entity, decl.name, type=Words(_TYPE_ZH[decl.type], decl.type)))
            continue
        try:
            typed[decl.name] = COERCE[decl.type](decl, value)
        except _Bad as bad:
            problems.append(bad.message.about(entity, decl.name, **bad.fields))
    return typed, problems


def unknown_entity(entity: str, entities: tuple[str, ...]) -> Diagnostic:
    close = suggest(str(entity), entities, cutoff=0.3)
    return msg.ENTITY_UNKNOWN.about(entity, hint=msg.did_you_mean(close[0] if close else None))


def coerce_all(decls: tuple[FactDecl, ...], entities: tuple[str, ...], doc: Any,
               needed: Mapping[str, frozenset[str]] | None = None) -> tuple[dict, list[Diagnostic]]:
    """Validate a whole facts document {"entities": {name: {fact: value}}}: every entity,
    every problem. Returns ({entity: typed facts}, problems)."""
    problems: list[Diagnostic] = []
    if not isinstance(doc, Mapping) or not isinstance(doc.get("entities"), Mapping):
        problems.append(msg.DOCUMENT_SHAPE.about())
        return {}, problems
    given = doc["entities"]
    known = set(entities)
    out: dict = {}
    for entity, raw in given.items():
        if entity not in known:
            problems.append(unknown_entity(entity, entities))
            continue
        typed, entity_problems = coerce_entity_facts(decls, entity, raw, needed.get(entity) if needed else None)
        problems.extend(entity_problems)
        out[entity] = typed
    for entity in entities:
        if entity not in given:
            problems.append(msg.ENTITY_MISSING.about(entity))
    return out, problems
