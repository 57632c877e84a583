"""Raw facts (from JSON, YAML, CSV or Python) → typed values, validated once before scoring.

Every problem becomes a Diagnostic naming the entity and the fact; the caller raises one
FactsError for all of them, so nothing is scored from partly valid facts. What each type
accepts, with examples of what it refuses, is docs/facts.md §3; the number rule and the
ranges live in ``runtime/values.py``.

Typed values: count → int; number, percent → Decimal; flag → bool; choice → str;
judgement → (Decimal amount, reason or None); records → tuple of judgements, or of
{field: text} mappings for records with fields; ratings → ``ratings.Rated`` (amount, reason),
the ratings combined as the policy states.
"""
from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Union

from .. import messages as msg
from ..diagnostics import Diagnostic, suggest
from ..messages import Words
from ..model.nodes import FactDecl, RecordField, parse_date
from .ratings import read_ratings
from .values import (
    MAX_COUNT,
    MAX_NUMBER,
    MAX_RECORDS,
    MAX_TEXT,
    Refusal,
    check_places,
    describe,
    name_excerpt,
    names_shown,
    read_decimal,
    shown,
)

#: a judgement: the amount with the assessor's reason (or None)
Judged = tuple[Decimal, Union[str, None]]
#: a record of 记录 {…}: field → its text (a 日期 as an ISO date, a 项号 as a tuple of item ids)
FieldRecord = dict[str, Any]
#: a fact's typed value (see the module's docstring)
FactValue = Union[int, Decimal, bool, str, Judged, tuple[Judged, ...], tuple[FieldRecord, ...]]

_YES = {"是", "yes", "true", "y", "有", "√"}
_NO = {"否", "no", "false", "n", "无", "×"}
_FLAG_WORDS = "是/否、有/无、√/×、yes/no、y/n、true/false、1/0"
_TYPE_ZH = {"count": "计数", "number": "数值", "percent": "百分比", "flag": "是否", "choice": "选项",
            "judgement": "评定", "records": "评定记录", "ratings": "评分"}
_HUNDRED = Decimal(100)
_SUGGEST_UP_TO = 100  # characters: longer text gets no "did you mean" (difflib is quadratic)

# Top-level keys of a facts document besides "entities": notes and YAML anchor blocks, never read.
TOP_LEVEL_KEYS = ("entities", "说明", "comment", "默认", "defaults")


def _count(decl: FactDecl, value: Any) -> int:
    number = read_decimal(value)
    if number < 0:
        raise Refusal(msg.COUNT_NEGATIVE, value=shown(value))
    if number > MAX_COUNT:
        raise Refusal(msg.COUNT_RANGE, high=MAX_COUNT, value=shown(value))
    if number != number.to_integral_value():
        raise Refusal(msg.COUNT_NOT_WHOLE, value=shown(value))
    if decl.high is not None and number > decl.high:
        raise Refusal(msg.COUNT_ABOVE, high=decl.high, value=shown(value))
    return int(number)


def _number(decl: FactDecl, value: Any) -> Decimal:
    number = read_decimal(value)
    if abs(number) > MAX_NUMBER:
        raise Refusal(msg.NUMBER_RANGE, high=MAX_NUMBER, value=shown(value))
    check_places(number, value)
    if decl.high is not None and number > decl.high:
        raise Refusal(msg.NUMBER_ABOVE, high=decl.high, value=shown(value))
    return number


def _percent(decl: FactDecl, value: Any) -> Decimal:
    raw = value
    if isinstance(value, str):
        value = value.strip()
        if value.endswith(("%", "％")):
            value = value[:-1]
            if value.rstrip().endswith(("%", "％")):
                raise Refusal(msg.PERCENT_SIGN_TWICE, value=shown(raw))
    number = read_decimal(value)
    if not Decimal(0) <= number <= _HUNDRED:
        raise Refusal(msg.PERCENT_RANGE, value=shown(number))
    check_places(number, raw)
    return number


def _flag(decl: FactDecl, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _YES:
            return True
        if word in _NO:
            return False
    if isinstance(value, (str, int, Decimal, float)):
        try:
            number = read_decimal(value)
        except Refusal:
            pass
        else:
            if number in (0, 1):
                return number == 1
    raise Refusal(msg.FLAG_EXPECTED, value=shown(value), words=_FLAG_WORDS)


def _as_text(value: Any) -> str | None:
    """A value as the text it was written as: text itself, or a number token's digits."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10 ** MAX_TEXT:
        return str(value)
    if isinstance(value, Decimal) and value.is_finite() and len(value.as_tuple().digits) <= MAX_TEXT:
        return str(value)
    return None


def _suggestion(text: str | None, choices: tuple[str, ...]) -> Words:
    """", did you mean …" appended to a value message when a choice is close, else nothing."""
    close = suggest(text, choices, cutoff=0.3) if text is not None and len(text) <= _SUGGEST_UP_TO else []
    return msg.CLOSE_CHOICE.words(name=close[0]) if close else Words("", "")


def _choice(decl: FactDecl, value: Any) -> str:
    text = _as_text(value)
    if text is not None and text in decl.choices:
        return text
    raise Refusal(msg.CHOICE_EXPECTED, choices=_choices(decl.choices), value=shown(value),
                  suggestion=_suggestion(text, decl.choices))


def _choices(choices: tuple[str, ...]) -> Words:
    # each in 「」: a choice may itself hold 、 (省委、省人大、省政府、省政协和国家部委)
    quoted = [f"「{c}」" for c in choices]
    return Words("、".join(quoted), ", ".join(quoted))


def _text(value: Any, what: Words) -> str:
    text = _as_text(value)
    if text is None:
        raise Refusal(msg.TEXT_EXPECTED, what=what, value=shown(value))
    if len(text) > MAX_TEXT:
        raise Refusal(msg.TEXT_TOO_LONG, what=what, limit=MAX_TEXT, value=shown(value))
    return text


def _judgement(decl: FactDecl, value: Any) -> tuple[Decimal, str | None]:
    reason = None
    if isinstance(value, Mapping):
        unknown = [k for k in value if k not in ("amount", "reason", "分", "理由")]
        if unknown:
            raise Refusal(msg.JUDGEMENT_KEYS, unknown=names_shown(unknown))
        if "amount" in value and "分" in value or "reason" in value and "理由" in value:
            raise Refusal(msg.JUDGEMENT_KEY_TWICE)
        amount_raw = value.get("amount", value.get("分"))
        if amount_raw is None:
            raise Refusal(msg.JUDGEMENT_NO_AMOUNT)
        reason_raw = value.get("reason", value.get("理由"))
        if reason_raw is not None:
            reason = _text(reason_raw, msg.JUDGEMENT_REASON.words())
        value = amount_raw
    amount = read_decimal(value)
    # 0 outside the range: "did not occur" for a deduction (zero_means_absent); a score every
    # entity is given (a judgement only added) has no such convention and lies in its range.
    assert decl.low is not None and decl.high is not None  # a judgement is declared with its range
    if not (decl.low <= amount <= decl.high) and not (amount == 0 and decl.zero_means_absent):
        refusal = msg.JUDGEMENT_RANGE if decl.zero_means_absent else msg.SCORE_RANGE
        raise Refusal(refusal, low=decl.low, high=decl.high, value=shown(amount))
    check_places(amount, value)
    return amount, reason


def _none_written(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() in ("", "无"))


def _check_record_count(records: list[Any] | tuple[Any, ...]) -> None:
    if len(records) > MAX_RECORDS:
        raise Refusal(msg.RECORDS_TOO_MANY, limit=MAX_RECORDS, count=len(records))


def _field_records(decl: FactDecl, value: Any) -> tuple[FieldRecord, ...]:
    """记录 {…}: a list of mappings, each with every field (choices checked)."""
    if _none_written(value):
        return ()
    if isinstance(value, Mapping):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise Refusal(msg.RECORDS_NOT_A_LIST, value=shown(value))
    _check_record_count(value)
    out = []
    problems: list[Refusal] = []
    names = [f.name for f in decl.fields]
    for index, record in enumerate(value, start=1):
        if not isinstance(record, Mapping):
            raise Refusal(msg.RECORD_NOT_A_MAPPING, index=index, value=shown(record))
        unknown = [k for k in record if k not in names]
        if unknown:
            raise Refusal(msg.RECORD_UNKNOWN_FIELDS, index=index, unknown=names_shown(unknown),
                          fields=Words("、".join(names), ", ".join(names)))
        typed: FieldRecord = {}
        for field in decl.fields:
            try:
                typed[field.name] = _field_value(field, index, record.get(field.name))
            except Refusal as bad:  # every field of every record is checked: all problems at once
                problems.append(bad)
        out.append(typed)
    if problems:
        raise Refusals(problems)
    return tuple(out)


class Refusals(Exception):
    """Several refusals of one fact (the fields of its records), each its own diagnostic."""

    def __init__(self, refusals: list[Refusal]):
        super().__init__(refusals[0].message.name)
        self.refusals = refusals


def _field_value(field: RecordField, index: int, item: Any) -> Any:
    """One field of record ``index``: a choice, text, a 日期 within 考评期 (SL220, SL221) or
    项号 naming the policy's items (SL222, SL223)."""
    if _missing(item) and field.kind != "item":
        raise Refusal(msg.RECORD_FIELD_MISSING, index=index, field=field.name)
    if field.kind == "choice":
        text = _as_text(item)
        if text is None or text not in field.choices:
            raise Refusal(msg.RECORD_FIELD_CHOICE, index=index, field=field.name,
                          choices=_choices(field.choices), value=shown(item),
                          suggestion=_suggestion(text, field.choices))
        return text
    if field.kind == "date":
        return _date_value(field, index, item)
    if field.kind == "item":
        return _items_value(field, index, item)
    return _text(item, msg.RECORD_FIELD.words(index=index, field=field.name))


def _date_value(field: RecordField, index: int, item: Any) -> str:
    if isinstance(item, datetime.datetime):  # a spreadsheet's date cell
        item = item.date()
    date = item if isinstance(item, datetime.date) else parse_date(item) if isinstance(item, str) else None
    if date is None:
        raise Refusal(msg.INCIDENT_DATE, index=index, field=field.name, value=shown(item))
    text = date.isoformat()
    if field.period is not None and not field.period[0] <= text <= field.period[1]:
        raise Refusal(msg.INCIDENT_OUTSIDE_PERIOD, index=index, field=field.name, value=text,
                      low=field.period[0], high=field.period[1])
    return text


def _items_value(field: RecordField, index: int, item: Any) -> tuple[str, ...]:
    if isinstance(item, (int, float, Decimal)) and not isinstance(item, bool):
        item = str(item)  # 2.1 written as a number
    if isinstance(item, str):
        item = [v for v in item.replace("，", "、").replace(",", "、").replace("；", "、").split("、")]
    if not isinstance(item, (list, tuple)) or not all(isinstance(v, (str, int, float, Decimal)) for v in item):
        raise Refusal(msg.INCIDENT_ITEM_UNKNOWN, index=index, field=field.name, value=shown(item))
    ids = tuple(dict.fromkeys(str(v).strip() for v in item if str(v).strip()))
    if not ids:
        raise Refusal(msg.INCIDENT_ITEM_EMPTY, index=index, field=field.name)
    unknown = [v for v in ids if v not in field.choices]
    if unknown:
        raise Refusal(msg.INCIDENT_ITEM_UNKNOWN, index=index, field=field.name, value=names_shown(unknown))
    return ids


def _records(decl: FactDecl, value: Any) -> tuple[Judged, ...] | tuple[FieldRecord, ...]:
    if decl.fields:
        return _field_records(decl, value)
    if _none_written(value):
        if decl.no_records_error:  # 无记录时 报错
            raise Refusal(msg.RECORDS_NONE)
        return ()
    if isinstance(value, (int, Decimal, float, Mapping)) and not isinstance(value, bool):
        value = [value]  # a single judgement is one record
    if isinstance(value, str):
        value = [v for v in value.replace("；", ";").replace("，", ";").replace(",", ";").split(";") if v.strip()]
    if not isinstance(value, (list, tuple)):
        raise Refusal(msg.JUDGEMENT_RECORDS_NOT_A_LIST, value=shown(value))
    _check_record_count(value)
    out = []
    for index, record in enumerate(value, start=1):
        try:
            out.append(_judgement(decl, record))
        except Refusal as bad:
            raise bad.in_record(index) from None
    if not out and decl.no_records_error:  # 无记录时 报错
        raise Refusal(msg.RECORDS_NONE)
    return tuple(out)


COERCE: dict[str, Callable[[FactDecl, Any], FactValue]] = {
    "count": _count, "number": _number, "percent": _percent, "flag": _flag, "choice": _choice,
    "judgement": _judgement, "records": _records, "ratings": read_ratings,
}


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _did_you_mean(name: str, known: Iterable[str], cutoff: float = 0.5) -> Words | None:
    """The "did you mean" hint for a name close to one of ``known`` (None: none is close)."""
    close = suggest(name, known, cutoff=cutoff) if len(name) <= _SUGGEST_UP_TO else []
    return msg.did_you_mean(close[0] if close else None)


def coerce_entity_facts(decls: tuple[FactDecl, ...], entity: str, raw: Any,
                        needed: frozenset[str] | None = None) -> tuple[dict[str, FactValue], list[Diagnostic]]:
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
            text = name if isinstance(name, str) else describe(name)
            problems.append(msg.FACT_UNKNOWN.about(entity, name_excerpt(name), hint=_did_you_mean(text, by_name)))
    typed: dict[str, FactValue] = {}
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
        except Refusal as bad:
            problems.append(bad.about(entity, decl.name))
        except Refusals as bad:  # the fields of a fact's records: every problem
            problems.extend(r.about(entity, decl.name) for r in bad.refusals)
    return typed, problems


def unknown_entity(entity: Any, entities: tuple[str, ...]) -> Diagnostic:
    text = entity if isinstance(entity, str) else describe(entity)
    return msg.ENTITY_UNKNOWN.about(name_excerpt(entity), hint=_did_you_mean(text, entities, cutoff=0.3))


def unknown_top_level_keys(keys: list[Any], file: str | None = None) -> Diagnostic:
    """SL219: keys beside "entities" that scoring would not read (a typo, or facts put at the top)."""
    allowed = Words("、".join(TOP_LEVEL_KEYS[1:]), ", ".join(TOP_LEVEL_KEYS[1:]))
    hint = _did_you_mean(keys[0], ("entities",)) if isinstance(keys[0], str) else None
    if file:
        return msg.TOP_LEVEL_UNKNOWN_IN_FILE.about(hint=hint, path=file, keys=names_shown(keys), allowed=allowed)
    return msg.TOP_LEVEL_UNKNOWN.about(hint=hint, keys=names_shown(keys), allowed=allowed)


def coerce_all(decls: tuple[FactDecl, ...], entities: tuple[str, ...], doc: Any,
               needed: Mapping[str, frozenset[str]] | None = None
               ) -> tuple[dict[str, dict[str, FactValue]], list[Diagnostic]]:
    """Validate a whole facts document {"entities": {name: {fact: value}}}: every entity,
    every problem. Returns ({entity: typed facts}, problems)."""
    problems: list[Diagnostic] = []
    if not isinstance(doc, Mapping) or not isinstance(doc.get("entities"), Mapping):
        problems.append(msg.DOCUMENT_SHAPE.about())
        return {}, problems
    unknown = [key for key in doc if key not in TOP_LEVEL_KEYS]
    if unknown:
        problems.append(unknown_top_level_keys(unknown))
    given = doc["entities"]
    known = set(entities)
    out: dict[str, dict[str, FactValue]] = {}
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
