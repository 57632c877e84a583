"""评分 (raters): one entity's ratings read from the facts file and combined into one amount,
the way the policy states (``model.nodes.Ratings``): 取平均, 取合计, 去掉N个最高分和N个最低分后平均,
or 按「评分人类别」加权.

The typed value of a ratings fact is a ``Rated``: the amount every rule reads (``amount``;
扣「…」 and 加「…」 read it as the assessor's amount of a judgement) and the words the trace
shows (``reason``: every rating, which were dropped, how the rest combine). An expression that
needs the aggregate reads ``Rated.amount``; ``combine`` is the arithmetic, on its own.

Problems are ``Refusal``s: the facts validator names the entity and the fact.
"""
from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, NamedTuple

from .. import messages as msg
from ..messages.base import Words
from ..model.nodes import FactDecl, Ratings
from .values import MAX_RECORDS, Refusal, check_places, names_shown, read_decimal, shown

_ZERO = Decimal(0)
_SCORE_KEYS = ("分", "amount")


class Rated(NamedTuple):
    """A ratings fact, combined: unpacks as a judgement does, ``(amount, reason)``."""

    amount: Decimal
    reason: str


class Rating(NamedTuple):
    """One rater's rating: its score, its rater group (weighted ratings) and its place in the list."""

    score: Decimal
    group: str | None
    place: int


def _fmt(value: Decimal) -> str:
    """A rating as written (trailing zeros of 90.0 dropped), for the trace — display only."""
    text = format(value.normalize(), "f")
    return text


def _one(rule: Ratings, decl: FactDecl, raw: Any, index: int) -> Rating:
    group = None
    if isinstance(raw, Mapping):
        allowed = _SCORE_KEYS + ((rule.group_field,) if rule.group_field else ())
        unknown = [k for k in raw if k not in allowed]
        if unknown:
            raise Refusal(msg.RATING_KEYS, index=index, unknown=names_shown(unknown),
                          allowed=Words("、".join(allowed), ", ".join(allowed)))
        score_raw = raw.get("分", raw.get("amount"))
        if score_raw is None:
            raise Refusal(msg.RATING_NO_SCORE, index=index)
        if rule.group_field:
            group_raw = raw.get(rule.group_field)
            if group_raw is None:
                raise Refusal(msg.RATING_GROUP_MISSING, index=index, field=rule.group_field)
            group = _group(rule, group_raw, index)
        raw = score_raw
    elif rule.group_field:
        raise Refusal(msg.RATING_GROUP_MISSING, index=index, field=rule.group_field)
    score = read_decimal(raw)
    if decl.low is not None and decl.high is not None and not decl.low <= score <= decl.high:
        raise Refusal(msg.SCORE_RANGE, low=decl.low, high=decl.high, value=shown(score)).in_record(index)
    check_places(score, raw)
    return Rating(score, group, index)


def _group(rule: Ratings, raw: Any, index: int) -> str:
    groups = tuple(g for g, _ in rule.weights)
    text = raw.strip() if isinstance(raw, str) else None
    if text not in groups:
        quoted = [f"「{g}」" for g in groups]
        raise Refusal(msg.RATING_GROUP_CHOICE, index=index, field=rule.group_field,
                      choices=Words("、".join(quoted), ", ".join(quoted)), value=shown(raw))
    return text


def read_ratings(decl: FactDecl, value: Any) -> Rated:
    """The facts file's ratings of one entity (a list of scores, or of ``{"分": 90,
    "评分人类别": "领导"}``; 无 or an empty list for none), checked and combined."""
    rule = decl.ratings
    if rule is None:  # the resolver refuses a ratings fact without its rule
        raise TypeError(f"ratings fact {decl.name} has no aggregation")
    if value is None or (isinstance(value, str) and value.strip() in ("", "无")):
        value = []
    if isinstance(value, str):
        value = [v for v in value.replace("；", ";").replace("，", ";").replace(",", ";").split(";") if v.strip()]
    if isinstance(value, (int, Decimal, float, Mapping)) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise Refusal(msg.RATINGS_NOT_A_LIST, value=shown(value))
    if len(value) > MAX_RECORDS:
        raise Refusal(msg.RECORDS_TOO_MANY, limit=MAX_RECORDS, count=len(value))
    ratings = tuple(_one(rule, decl, raw, index) for index, raw in enumerate(value, start=1))
    return combine(rule, ratings)


def combine(rule: Ratings, ratings: tuple[Rating, ...]) -> Rated:
    """The one amount the policy makes of ``ratings``, with the words that show how."""
    if not ratings:
        if rule.empty_value is None:
            raise Refusal(msg.RATINGS_NONE)
        return Rated(rule.empty_value, f"无评分，按规定计 {_fmt(rule.empty_value)} 分")
    listed = "、".join(_fmt(r.score) for r in ratings)
    if rule.method == "sum":
        return Rated(sum((r.score for r in ratings), _ZERO), f"{len(ratings)} 个评分 {listed}，合计")
    if rule.method == "mean":
        return Rated(_mean(ratings), f"{len(ratings)} 个评分 {listed}，平均")
    if rule.method == "trimmed":
        return _trimmed(rule, ratings, listed)
    return _weighted(rule, ratings)


def _mean(ratings: tuple[Rating, ...]) -> Decimal:
    return sum((r.score for r in ratings), _ZERO) / len(ratings)


def trimmed_split(rule: Ratings, ratings: tuple[Rating, ...]) -> tuple[tuple[Rating, ...], tuple[Rating, ...],
                                                                       tuple[Rating, ...]]:
    """(dropped lowest, kept, dropped highest): sorted by score, equal scores by their place in
    the list, so which of two equal ratings is dropped never changes the amount."""
    if len(ratings) < rule.needed:
        raise Refusal(msg.RATINGS_TOO_FEW, count=len(ratings), high=rule.drop_high, low=rule.drop_low,
                      need=rule.needed)
    ordered = sorted(ratings, key=lambda r: (r.score, r.place))
    low = tuple(ordered[:rule.drop_low])
    high = tuple(ordered[len(ordered) - rule.drop_high:])
    kept = tuple(ordered[rule.drop_low:len(ordered) - rule.drop_high])
    return low, kept, high


def _trimmed(rule: Ratings, ratings: tuple[Rating, ...], listed: str) -> Rated:
    low, kept, high = trimmed_split(rule, ratings)

    def named(group: tuple[Rating, ...]) -> str:
        return "、".join(f"{_fmt(r.score)}（第 {r.place} 个）" for r in group)

    reason = (f"{len(ratings)} 个评分 {listed}；去掉最高分 {named(high)}、最低分 {named(low)}；"
              f"其余 {len(kept)} 个平均")
    return Rated(_mean(kept), reason)


def _weighted(rule: Ratings, ratings: tuple[Rating, ...]) -> Rated:
    total = _ZERO
    parts = []
    for group, percent in rule.weights:
        mine = tuple(r for r in ratings if r.group == group)
        if not mine:
            raise Refusal(msg.RATINGS_GROUP_NONE, field=rule.group_field, group=group)
        total += _mean(mine) * percent / 100
        parts.append(f"{group} {len(mine)} 个评分 {'、'.join(_fmt(r.score) for r in mine)} 平均 × {_fmt(percent)}%")
    return Rated(total, "；".join(parts))
