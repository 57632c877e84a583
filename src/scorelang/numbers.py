"""Decimal parsing and the one rounding function: every score in scorelang is a Decimal.

第二十一条: 考评各项数据保留到小数点后两位，按四舍五入计算 — rounding is half-up, and it
happens only here, only at the points a policy declares.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation

ZERO = Decimal(0)
HUNDRED = Decimal(100)

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
# 一 … 九, 十, 十二, 二十, 二十三 (task and item numbers never go higher)
_CN_NUMERAL = re.compile(r"([一二两三四五六七八九])?(十)?([一二两三四五六七八九])?")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．－＋", "0123456789.-+")


def parse_decimal(text: str) -> Decimal:
    """Parse a decimal literal (ASCII or full-width digits). Raises ValueError."""
    cleaned = str(text).strip().translate(_FULLWIDTH)
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {text!r}") from exc
    if not value.is_finite():
        raise ValueError(f"not a finite number: {text!r}")
    return value


def chinese_numeral(text: str) -> int:
    """一..九十九 and ASCII digits to int (task and item numbers). Raises ValueError."""
    text = text.strip().translate(_FULLWIDTH)
    if text.isascii() and text.isdigit():
        return int(text)
    match = _CN_NUMERAL.fullmatch(text)
    if not match:
        raise ValueError(f"不是序号 (not a numeral): {text!r}")
    tens, has_ten, ones = match.groups()
    if not has_ten:
        if bool(tens) == bool(ones):  # "" or 二二
            raise ValueError(f"不是序号 (not a numeral): {text!r}")
        return _CN_DIGITS[tens or ones]
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def chinese_ordinal(number: int) -> str:
    """1 → 一, 12 → 十二 (for task ids in messages)."""
    digits = "零一二三四五六七八九"
    if not 0 <= number < 100:
        return str(number)  # task numbers in practice stay below 十
    if number < 10:
        return digits[number]
    tens, ones = divmod(number, 10)
    return (digits[tens] if tens > 1 else "") + "十" + (digits[ones] if ones else "")


_QUANTA = {places: Decimal(1).scaleb(-places) for places in range(0, 11)}


def quantum(places: int) -> Decimal:
    """0.01 for 2 places."""
    q = _QUANTA.get(places)
    return q if q is not None else Decimal(1).scaleb(-places)


def quantize_half_up(value: Decimal, places: int) -> Decimal:
    """Round half-up (四舍五入) to ``places`` decimal places.

    A value that rounds to zero is +0 whatever its sign (-0.004 → 0.00, never -0.00): a
    negative zero is a Decimal artefact, not a score, and must never reach a report.
    """
    rounded = value.quantize(quantum(places), rounding=ROUND_HALF_UP)
    return rounded if rounded else rounded.copy_abs()


#: how a count of places (a quota's share of the entities) rounds, as the author writes it
WHOLE_ROUNDING = {"向下取整": ROUND_FLOOR, "四舍五入": ROUND_HALF_UP, "向上取整": ROUND_CEILING}


def whole_number(value: Decimal, how: str) -> int:
    """A non-negative count of places (20% of 17 entities = 3.4) rounded to a whole number as
    the policy says: 向下取整 (3), 四舍五入 (3; 3.5 → 4) or 向上取整 (4). Not a score: the
    score rounding stays half-up at the declared places."""
    return int(value.quantize(Decimal(1), rounding=WHOLE_ROUNDING[how]))


def rounder(places: int) -> Callable[[Decimal], Decimal]:
    """``quantize_half_up`` with the places bound once, for compiled code's hot path."""
    q = quantum(places)

    def round_half_up(value: Decimal, _q: Decimal = q, _mode: str = ROUND_HALF_UP) -> Decimal:
        rounded = value.quantize(_q, _mode)
        return rounded if rounded else rounded.copy_abs()  # 0.00, never -0.00
    return round_half_up


def format_fixed(value: Decimal, places: int) -> str:
    """A decimal as a string with exactly ``places`` places (for reports and JSON), rounded
    half-up; never ``-0.00``."""
    return str(quantize_half_up(value, places))


def format_decimal(value: Decimal) -> str:
    """A decimal written out as it is (``82.50``, ``300``), without exponent and never as a
    negative zero: for values shown as given, such as facts, targets and ladder steps."""
    if not value and value.is_signed():
        value = value.copy_abs()
    return format(value, "f")


def format_short(value: Decimal, places: int) -> str:
    """A figure in a sentence: at most ``places`` places (half-up), trailing zeros dropped:
    ``18``, ``6.67`` (for 6.666…), ``1.4``. Never ``-0``."""
    if value.as_tuple().exponent < -places:  # type: ignore[operator]
        value = quantize_half_up(value, places)
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    else:
        value = value.normalize()
    return format_decimal(value)
