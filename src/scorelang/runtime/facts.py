"""Raw facts (from JSON, YAML, CSV or Python) → typed values, validated once before scoring.

Every problem becomes a Diagnostic naming the entity and the fact; the caller raises one
FactsError for all of them, so nothing is scored from partly valid facts. What each type
accepts, with examples of what it refuses, is docs/facts.md §3; the number rule and the
ranges live in ``runtime/values.py``.

Typed values: count → int; number, percent → Decimal; flag → bool; choice → str;
judgement → (Decimal amount, reason or None); records → tuple of judgements, or of
{field: text} mappings for records with fields.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Mapping

from ..diagnostics import Diagnostic, suggest
from ..model.nodes import FactDecl
from .values import (
    MAX_COUNT, MAX_NUMBER, MAX_RECORDS, MAX_TEXT, Refusal, check_places, describe, name_excerpt, names_list,
    read_decimal,
)

_YES = {"是", "yes", "true", "y", "有", "√"}
_NO = {"否", "no", "false", "n", "无", "×"}
_FLAG_WORDS = "是/否、有/无、√/×、yes/no、y/n、true/false、1/0"
_TYPE_ZH = {"count": "计数", "number": "数值", "percent": "百分比", "flag": "是否", "choice": "选项",
            "judgement": "评定", "records": "评定记录"}
_HUNDRED = Decimal(100)
_SUGGEST_UP_TO = 100  # characters: longer text gets no "did you mean" (difflib is quadratic)

# Top-level keys of a facts document besides "entities": notes and YAML anchor blocks, never read.
TOP_LEVEL_KEYS = ("entities", "说明", "comment", "默认", "defaults")


def _count(decl: FactDecl, value: Any) -> int:
    number = read_decimal(value)
    if number < 0:
        raise Refusal(f"计数不能为负数，收到 {describe(value)}", f"a count cannot be negative, got {describe(value, 'en')}")
    if number > MAX_COUNT:
        raise Refusal(f"计数应在 0 至 {MAX_COUNT} 之间，收到 {describe(value)}",
                      f"a count must be between 0 and {MAX_COUNT}, got {describe(value, 'en')}")
    if number != number.to_integral_value():
        raise Refusal(f"计数应为整数，收到 {describe(value)}", f"a count must be a whole number, got {describe(value, 'en')}")
    if decl.high is not None and number > decl.high:
        raise Refusal(f"计数至多为 {decl.high}，收到 {describe(value)}",
                      f"a count of at most {decl.high}, got {describe(value, 'en')}")
    return int(number)


def _number(decl: FactDecl, value: Any) -> Decimal:
    number = read_decimal(value)
    if abs(number) > MAX_NUMBER:
        raise Refusal(f"数值应在 -{MAX_NUMBER} 至 {MAX_NUMBER} 之间，收到 {describe(value)}",
                      f"a number must be between -{MAX_NUMBER} and {MAX_NUMBER}, got {describe(value, 'en')}")
    check_places(number, value)
    if decl.high is not None and number > decl.high:
        raise Refusal(f"至多为 {decl.high}，收到 {describe(value)}", f"at most {decl.high}, got {describe(value, 'en')}")
    return number


def _percent(decl: FactDecl, value: Any) -> Decimal:
    raw = value
    if isinstance(value, str):
        value = value.strip()
        if value.endswith(("%", "％")):
            value = value[:-1]
            if value.rstrip().endswith(("%", "％")):
                raise Refusal(f"应为百分比，收到 {describe(raw)}", f"expected a percent, got {describe(raw, 'en')}",
                              "百分号只能写一个，在数字后面，如 92.5%", "one percent sign, after the number: 92.5%")
    number = read_decimal(value)
    if not Decimal(0) <= number <= _HUNDRED:
        raise Refusal(f"百分比应在 0 至 100 之间，收到 {describe(number)}",
                      f"a percent must be between 0 and 100, got {describe(number, 'en')}")
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
    raise Refusal(f"应为 是 或 否，收到 {describe(value)}", f"expected yes or no (是/否), got {describe(value, 'en')}",
                  f"可写 {_FLAG_WORDS}（英文不分大小写）", f"write one of {_FLAG_WORDS} (any case)")


def _as_text(value: Any) -> str | None:
    """A value as the text it was written as: text itself, or a number token's digits."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10 ** MAX_TEXT:
        return str(value)
    if isinstance(value, Decimal) and value.is_finite() and len(value.as_tuple().digits) <= MAX_TEXT:
        return str(value)
    return None


def _suggestion(text: str | None, choices: tuple[str, ...]) -> tuple[str, str]:
    if text is None or len(text) > _SUGGEST_UP_TO:
        return "", ""
    close = suggest(text, choices, cutoff=0.3)
    return (f"，是不是「{close[0]}」？", f"; did you mean 「{close[0]}」?") if close else ("", "")


def _choice(decl: FactDecl, value: Any) -> str:
    text = _as_text(value)
    if text is not None and text in decl.choices:
        return text
    zh, en = _suggestion(text, decl.choices)
    raise Refusal(f"应为 {_choices(decl.choices)} 之一，收到 {describe(value)}{zh}",
                  f"expected one of {_choices(decl.choices, 'en')}, got {describe(value, 'en')}{en}")


def _choices(choices: tuple[str, ...], lang: str = "zh") -> str:
    # each in 「」: a choice may itself hold 、 (省委、省人大、省政府、省政协和国家部委)
    return (", " if lang == "en" else "、").join(f"「{c}」" for c in choices)


def _text(value: Any, what: str, what_en: str) -> str:
    text = _as_text(value)
    if text is None:
        raise Refusal(f"{what}应为文字，收到 {describe(value)}", f"{what_en} must be text, got {describe(value, 'en')}")
    if len(text) > MAX_TEXT:
        raise Refusal(f"{what}至多 {MAX_TEXT} 个字，收到 {describe(value)}",
                      f"{what_en} has at most {MAX_TEXT} characters, got {describe(value, 'en')}")
    return text


def _judgement(decl: FactDecl, value: Any) -> tuple[Decimal, str | None]:
    reason = None
    if isinstance(value, Mapping):
        unknown = [k for k in value if k not in ("amount", "reason", "分", "理由")]
        if unknown:
            raise Refusal(f"评定只能有 amount（或 分）和 reason（或 理由），多了 {names_list(unknown)}",
                          f"a judgement has only amount (or 分) and reason (or 理由); "
                          f"unexpected {names_list(unknown, 'en')}")
        if "amount" in value and "分" in value or "reason" in value and "理由" in value:
            raise Refusal("评定的 amount 与 分（reason 与 理由）只能写一个",
                          "a judgement gives amount or 分 (reason or 理由), not both")
        amount_raw = value.get("amount", value.get("分"))
        if amount_raw is None:
            raise Refusal("评定缺少 amount（扣分数额）", "a judgement needs an amount")
        reason_raw = value.get("reason", value.get("理由"))
        if reason_raw is not None:
            reason = _text(reason_raw, "评定的理由", "a judgement's reason")
        value = amount_raw
    amount = read_decimal(value)
    if amount != 0 and not (decl.low <= amount <= decl.high):
        raise Refusal(f"评定应在 {decl.low} 至 {decl.high} 分之间（未发生填 0），收到 {describe(amount)}",
                      f"a judgement must be within {decl.low} to {decl.high} (0 when it does not apply), "
                      f"got {describe(amount, 'en')}")
    check_places(amount, value)
    return amount, reason


def _none_written(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() in ("", "无"))


def _check_record_count(records: list | tuple) -> None:
    if len(records) > MAX_RECORDS:
        raise Refusal(f"记录至多 {MAX_RECORDS} 条，收到 {len(records)} 条",
                      f"at most {MAX_RECORDS} records, got {len(records)}")


def _field_records(decl: FactDecl, value: Any) -> tuple:
    """记录 {…}: a list of mappings, each with every field (choices checked)."""
    if _none_written(value):
        return ()
    if isinstance(value, Mapping):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise Refusal(f"记录应为列表，每条是「字段: 值」的映射，收到 {describe(value)}",
                      f"records must be a list of field → value mappings, got {describe(value, 'en')}")
    _check_record_count(value)
    out = []
    names = [f.name for f in decl.fields]
    for index, record in enumerate(value, start=1):
        if not isinstance(record, Mapping):
            raise Refusal(f"第 {index} 条应为「字段: 值」的映射，收到 {describe(record)}",
                          f"record {index} must be a field → value mapping, got {describe(record, 'en')}")
        unknown = [k for k in record if k not in names]
        if unknown:
            raise Refusal(f"第 {index} 条有未声明的字段 {names_list(unknown)}（字段：{'、'.join(names)}）",
                          f"record {index} has undeclared fields {names_list(unknown, 'en')} (fields: {', '.join(names)})")
        typed = {}
        for field in decl.fields:
            item = record.get(field.name)
            if _missing(item):
                raise Refusal(f"第 {index} 条缺少字段「{field.name}」", f"record {index} lacks field 「{field.name}」")
            if field.kind == "choice":
                text = _as_text(item)
                if text is None or text not in field.choices:
                    zh, en = _suggestion(text, field.choices)
                    raise Refusal(f"第 {index} 条「{field.name}」应为 {_choices(field.choices)} 之一，收到 {describe(item)}{zh}",
                                  f"record {index}: 「{field.name}」 must be one of {_choices(field.choices, 'en')}, "
                                  f"got {describe(item, 'en')}{en}")
                typed[field.name] = text
            else:
                typed[field.name] = _text(item, f"第 {index} 条「{field.name}」", f"record {index}: 「{field.name}」")
        out.append(typed)
    return tuple(out)


def _records(decl: FactDecl, value: Any) -> tuple:
    if decl.fields:
        return _field_records(decl, value)
    if _none_written(value):
        return ()
    if isinstance(value, (int, Decimal, float, Mapping)) and not isinstance(value, bool):
        value = [value]  # a single judgement is one record
    if isinstance(value, str):
        value = [v for v in value.replace("；", ";").replace("，", ";").replace(",", ";").split(";") if v.strip()]
    if not isinstance(value, (list, tuple)):
        raise Refusal(f"评定记录应为列表（每起一条），收到 {describe(value)}",
                      f"judgement records must be a list (one per occurrence), got {describe(value, 'en')}")
    _check_record_count(value)
    out = []
    for index, record in enumerate(value, start=1):
        try:
            out.append(_judgement(decl, record))
        except Refusal as bad:
            raise bad.prefixed(f"第 {index} 条：", f"record {index}: ") from None
    return tuple(out)


COERCE = {"count": _count, "number": _number, "percent": _percent, "flag": _flag, "choice": _choice,
          "judgement": _judgement, "records": _records}


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _did_you_mean(name: str, known) -> tuple[str, str]:
    close = suggest(name, known, cutoff=0.5) if len(name) <= _SUGGEST_UP_TO else []
    return (f"是不是「{close[0]}」？", f"did you mean 「{close[0]}」?") if close else ("", "")


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
            text = name if isinstance(name, str) else describe(name)
            hint, hint_en = _did_you_mean(text, by_name)
            problems.append(Diagnostic(
                "SL211", "考评办法没有声明这个事实", "the policy declares no such fact",
                entity=entity, fact=name_excerpt(name), hint=hint, hint_en=hint_en))
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
        except Refusal as bad:
            problems.append(Diagnostic("SL213", bad.zh, bad.en, entity=entity, fact=decl.name,
                                       hint=bad.hint, hint_en=bad.hint_en))
    return typed, problems


def unknown_entity(entity: Any, entities: tuple[str, ...]) -> Diagnostic:
    text = entity if isinstance(entity, str) else describe(entity)
    close = suggest(text, entities, cutoff=0.3) if len(text) <= _SUGGEST_UP_TO else []
    return Diagnostic("SL215", "考评办法没有这个考评对象", "the policy has no such entity", entity=name_excerpt(entity),
                      hint=f"是不是「{close[0]}」？" if close else "", hint_en=f"did you mean 「{close[0]}」?" if close else "")


def unknown_top_level_keys(keys: list, file: str | None = None) -> Diagnostic:
    """SL219: keys beside "entities" that scoring would not read (a typo, or facts put at the top)."""
    where, where_en = (f"事实文件 {file} ", f"facts file {file} ") if file else ("事实文档", "the facts document ")
    allowed = "、".join(TOP_LEVEL_KEYS[1:])
    hint, hint_en = _did_you_mean(str(keys[0]), ("entities",)) if isinstance(keys[0], str) else ("", "")
    return Diagnostic(
        "SL219", f"{where}顶层有不认识的键 {names_list(keys)}：顶层只能有 entities，以及不参与评分的 {allowed}",
        f"{where_en}has unknown top-level keys {names_list(keys, 'en')}: only entities, and the unread "
        f"{', '.join(TOP_LEVEL_KEYS[1:])}, may stand at the top",
        hint=hint or "对象的事实写在 entities 下：{\"entities\": {对象: {事实: 值}}}",
        hint_en=hint_en or 'facts go under entities: {"entities": {entity: {fact: value}}}')


def coerce_all(decls: tuple[FactDecl, ...], entities: tuple[str, ...], doc: Any,
               needed: Mapping[str, frozenset[str]] | None = None) -> tuple[dict, list[Diagnostic]]:
    """Validate a whole facts document {"entities": {name: {fact: value}}}: every entity,
    every problem. Returns ({entity: typed facts}, problems)."""
    problems: list[Diagnostic] = []
    if not isinstance(doc, Mapping) or not isinstance(doc.get("entities"), Mapping):
        problems.append(Diagnostic("SL214", "事实文件应为 {\"entities\": {对象: {事实: 值}}}",
                                   "a facts document must be {\"entities\": {entity: {fact: value}}}"))
        return {}, problems
    unknown = [key for key in doc if key not in TOP_LEVEL_KEYS]
    if unknown:
        problems.append(unknown_top_level_keys(unknown))
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
