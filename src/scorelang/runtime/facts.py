"""Raw facts (from JSON, YAML, CSV or Python) → typed values, validated once before scoring.

Every problem becomes a Diagnostic naming the entity and the fact; the caller raises one
FactsError for all of them, so nothing is scored from partly valid facts.

Typed values: count → int; number, percent → Decimal; flag → bool; choice → str;
judgement → (Decimal amount, reason or None); records → tuple of judgements.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Mapping

from ..diagnostics import Diagnostic, suggest
from ..model.nodes import FactDecl
from ..numbers import parse_decimal

_YES = {"是", "yes", "true", "y", "1", "有", "√"}
_NO = {"否", "no", "false", "n", "0", "无", "×"}
_TYPE_ZH = {"count": "计数", "number": "数值", "percent": "百分比", "flag": "是否", "choice": "选项",
            "judgement": "评定", "records": "评定记录"}


class _Bad(Exception):
    def __init__(self, zh: str, en: str):
        self.zh, self.en = zh, en


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise _Bad("应为数字，不是是/否", "expected a number, not a yes/no value")
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
            raise _Bad(f"应为数字，收到 {value!r}", f"expected a number, got {value!r}") from None
    raise _Bad(f"应为数字，收到 {type(value).__name__}", f"expected a number, got {type(value).__name__}")


def _count(decl: FactDecl, value: Any) -> int:
    number = _decimal(value)
    if number != number.to_integral_value():
        raise _Bad(f"计数应为整数，收到 {value}", f"a count must be a whole number, got {value}")
    if number < 0:
        raise _Bad(f"计数不能为负数，收到 {value}", f"a count cannot be negative, got {value}")
    if decl.high is not None and number > decl.high:
        raise _Bad(f"计数至多为 {decl.high}，收到 {value}", f"a count of at most {decl.high}, got {value}")
    return int(number)


def _number(decl: FactDecl, value: Any) -> Decimal:
    number = _decimal(value)
    if decl.high is not None and number > decl.high:
        raise _Bad(f"至多为 {decl.high}，收到 {value}", f"at most {decl.high}, got {value}")
    return number


def _percent(decl: FactDecl, value: Any) -> Decimal:
    if isinstance(value, str):
        value = value.strip().rstrip("%％")
    number = _decimal(value)
    if not Decimal(0) <= number <= Decimal(100):
        raise _Bad(f"百分比应在 0 至 100 之间，收到 {number}", f"a percent must be between 0 and 100, got {number}")
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
    raise _Bad(f"应为 是 或 否，收到 {value!r}", f"expected yes or no (是/否), got {value!r}")


def _choice(decl: FactDecl, value: Any) -> str:
    if isinstance(value, str) and value.strip() in decl.choices:
        return value.strip()
    close = suggest(str(value), decl.choices, cutoff=0.3)
    suggestion = f"，是不是「{close[0]}」？" if close else ""
    suggestion_en = f"; did you mean 「{close[0]}」?" if close else ""
    raise _Bad(f"应为 {'、'.join(decl.choices)} 之一，收到 {value!r}{suggestion}",
               f"expected one of {', '.join(decl.choices)}, got {value!r}{suggestion_en}")


def _judgement(decl: FactDecl, value: Any) -> tuple[Decimal, str | None]:
    reason = None
    if isinstance(value, Mapping):
        unknown = set(value) - {"amount", "reason", "分", "理由"}
        if unknown:
            raise _Bad(f"评定只能有 amount 和 reason，多了 {sorted(unknown)}",
                       f"a judgement has only amount and reason; unexpected {sorted(unknown)}")
        amount_raw = value.get("amount", value.get("分"))
        if amount_raw is None:
            raise _Bad("评定缺少 amount（扣分数额）", "a judgement needs an amount")
        reason = value.get("reason", value.get("理由"))
        if reason is not None and not isinstance(reason, str):
            raise _Bad("评定的 reason 应为文字", "a judgement's reason must be text")
        value = amount_raw
    amount = _decimal(value)
    if not (decl.low <= amount <= decl.high):
        if amount == 0 and decl.zero_means_absent:
            return amount, reason  # 0: the situation did not occur (a deduction's convention)
        if not decl.zero_means_absent:  # a score every entity is given: no "0 = did not occur"
            raise _Bad(f"评分应在 {decl.low} 至 {decl.high} 分之间，收到 {amount}",
                       f"a score must be within {decl.low} to {decl.high}, got {amount}")
        raise _Bad(f"评定应在 {decl.low} 至 {decl.high} 分之间（未发生填 0），收到 {amount}",
                   f"a judgement must be within {decl.low} to {decl.high} (0 when it does not apply), got {amount}")
    return amount, reason


def _field_records(decl: FactDecl, value: Any) -> tuple:
    """记录 {…}: a list of mappings, each with every field (choices checked)."""
    if value is None or (isinstance(value, str) and value.strip() in ("", "无")):
        return ()
    if isinstance(value, Mapping):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise _Bad("记录应为列表，每条是「字段: 值」的映射", "records must be a list of field → value mappings")
    out = []
    names = [f.name for f in decl.fields]
    for index, record in enumerate(value, start=1):
        if not isinstance(record, Mapping):
            raise _Bad(f"第 {index} 条应为「字段: 值」的映射", f"record {index} must be a field → value mapping")
        unknown = [k for k in record if k not in names]
        if unknown:
            raise _Bad(f"第 {index} 条有未声明的字段 {unknown}（字段：{'、'.join(names)}）",
                       f"record {index} has undeclared fields {unknown} (fields: {', '.join(names)})")
        typed = {}
        for field in decl.fields:
            item = record.get(field.name)
            if _missing(item):
                raise _Bad(f"第 {index} 条缺少字段「{field.name}」", f"record {index} lacks field 「{field.name}」")
            item = str(item).strip()
            if field.kind == "choice" and item not in field.choices:
                close = suggest(item, field.choices, cutoff=0.3)
                hint = f"，是不是「{close[0]}」？" if close else ""
                raise _Bad(f"第 {index} 条「{field.name}」应为 {'、'.join(field.choices)} 之一，收到 {item!r}{hint}",
                           f"record {index}: 「{field.name}」 must be one of {', '.join(field.choices)}, got {item!r}")
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
        raise _Bad("评定记录应为列表（每起一条）", "judgement records must be a list (one per occurrence)")
    out = []
    for index, record in enumerate(value, start=1):
        try:
            out.append(_judgement(decl, record))
        except _Bad as bad:
            raise _Bad(f"第 {index} 条：{bad.zh}", f"record {index}: {bad.en}") from None
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
        problems.append(Diagnostic("SL210", "对象的事实应为「事实名: 值」的映射",
                                   "an entity's facts must be a mapping of fact name to value", entity=entity))
        return {}, problems
    by_name = {d.name: d for d in decls}
    for name in raw:
        if name not in by_name:
            close = suggest(str(name), by_name, cutoff=0.5)
            problems.append(Diagnostic(
                "SL211", "考评办法没有声明这个事实", "the policy declares no such fact",
                entity=entity, fact=str(name),
                hint=f"是不是「{close[0]}」？" if close else "", hint_en=f"did you mean 「{close[0]}」?" if close else ""))
    typed: dict = {}
    for decl in decls:
        value = raw.get(decl.name)
        if _missing(value):
            if needed is not None and decl.name not in needed:
                continue
            if decl.has_default:
                typed[decl.name] = COERCE[decl.type](decl, decl.default)
                continue
            problems.append(Diagnostic(
                "SL212", f"缺少必填事实（{_TYPE_ZH[decl.type]}，没有默认值）",
                f"a required fact is missing ({decl.type}, no default)", entity=entity, fact=decl.name))
            continue
        try:
            typed[decl.name] = COERCE[decl.type](decl, value)
        except _Bad as bad:
            problems.append(Diagnostic("SL213", bad.zh, bad.en, entity=entity, fact=decl.name))
    return typed, problems


def unknown_entity(entity: str, entities: tuple[str, ...]) -> Diagnostic:
    close = suggest(str(entity), entities, cutoff=0.3)
    return Diagnostic("SL215", "考评办法没有这个考评对象", "the policy has no such entity", entity=str(entity),
                      hint=f"是不是「{close[0]}」？" if close else "", hint_en=f"did you mean 「{close[0]}」?" if close else "")


def coerce_all(decls: tuple[FactDecl, ...], entities: tuple[str, ...], doc: Any,
               needed: Mapping[str, frozenset[str]] | None = None) -> tuple[dict, list[Diagnostic]]:
    """Validate a whole facts document {"entities": {name: {fact: value}}}: every entity,
    every problem. Returns ({entity: typed facts}, problems)."""
    problems: list[Diagnostic] = []
    if not isinstance(doc, Mapping) or not isinstance(doc.get("entities"), Mapping):
        problems.append(Diagnostic("SL214", "事实文件应为 {\"entities\": {对象: {事实: 值}}}",
                                   "a facts document must be {\"entities\": {entity: {fact: value}}}"))
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
            problems.append(Diagnostic("SL216", "事实文件中没有这个考评对象（排名需要全部对象）",
                                       "the facts file has no entry for this entity (ranking needs every entity)",
                                       entity=entity))
    return out, problems
