"""How one value written in a facts file is read and shown: the number rule, the ranges a
fact may hold, and the short excerpts that messages show in place of a bad value.

Both the file readers (``runtime/sources.py``) and the validator (``runtime/facts.py``) use
it, so a number means the same in JSON, YAML, CSV, XLSX and from Python. The rules, with
examples, are in docs/facts.md §3; the words of every refusal are SL213 entries of the
catalogue (``scorelang.messages.facts``), with values shown through ``shown``.

Why the limits: every accepted value must score without an exception and quickly. A count up
to 10⁹ times any amount a policy writes, and a number up to 10¹² with six places in a ladder,
stay far inside the 28 significant digits of Python's default Decimal context, so rounding an
event (quantize) never raises; and a value is never turned into a Python int larger than 10⁹
(a 10-byte ``1e999999`` once took minutes).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from .. import messages as msg
from ..diagnostics import Diagnostic
from ..messages import Message, Words

# ------------------------------------------------------------------ the ranges (docs/facts.md §3)
MAX_COUNT = 10 ** 9                 # a count: a whole number 0 … 1,000,000,000
MAX_NUMBER = Decimal(10) ** 12      # a number: −10¹² … 10¹²
MAX_PLACES = 6                      # decimal places of a number, percent or judgement amount
MAX_RECORDS = 1000                  # records of one fact for one entity
MAX_TEXT = 500                      # characters of a record's text field or a judgement's reason
MAX_NUMBER_TEXT = 40                # characters of a number written as text ("-1000000000000.000000" is 21)
# A facts file needs five levels (document, entities, entity, records, record); any deeper is a
# mistake, and refusing it early keeps the parsers' recursion far from Python's limit.
MAX_DEPTH = 100
# YAML aliases (*name) serve "<<: *默认" merges of a few hundred values; all of a file's aliases
# together may add this many values when expanded.
MAX_ALIAS_EXPANSION = 100_000

# ------------------------------------------------------------------ the number rule
# Text (a quoted string, a CSV or Excel cell): ASCII digits — or the full-width ones the policy
# language accepts too (docs/language.md §4) — an optional leading minus, an optional decimal
# point with digits on both sides. No plus sign, no exponent, no thousands separators, no other
# script's digits.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．－", "0123456789.-")
_TEXT_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
# A number token of the file format itself (a JSON number, a YAML int or float) may also carry
# an exponent, as JSON and YAML writers emit it for small values (1e-05, 1.0e-05).
_TOKEN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_SMALL_INT = 18  # digits: a token this short is read as a Python int, longer ones as Decimal


class Refusal(Exception):
    """A value that cannot be accepted: its catalogue entry (an SL213 of scorelang.messages)
    with the entry's fields, and a hint in place of the entry's own when the mistake is a
    common one. ``about(entity, fact)`` is the diagnostic."""

    def __init__(self, message: Message, *, hint: Words | None = None, **fields: Any):
        super().__init__(message.name)
        self.message, self.fields, self._hint = message, fields, hint

    def about(self, entity: str | None = None, fact: str | None = None) -> Diagnostic:
        return self.message.about(entity, fact, hint=self._hint, **self.fields)

    def in_record(self, index: int) -> Refusal:
        """The same refusal for record ``index`` of a list: "第 2 条：…", the hint kept."""
        inner = self.about()
        return Refusal(msg.RECORD_PROBLEM, hint=Words(inner.hint, inner.hint_en), index=index,
                       problem=Words(inner.message, inner.message_en))

    # the words, for tests and callers that show a refusal on its own
    zh = property(lambda self: self.about().message)
    en = property(lambda self: self.about().message_en)
    hint = property(lambda self: self.about().hint)
    hint_en = property(lambda self: self.about().hint_en)


def number_token(text: str) -> int | Decimal | str:
    """A JSON or YAML number token as written → int (short whole numbers) or Decimal.

    A token outside the number rule (YAML's ``0x1F``, ``1_000``, ``+3``, ``1:30``, ``.inf``)
    is returned as its text, so the validator refuses it exactly as it would the same text
    in a CSV cell; a token whose exponent Decimal cannot hold stays text too.
    """
    if _TOKEN_NUMBER.fullmatch(text) is None:
        return text
    if len(text) <= _SMALL_INT and text.lstrip("-").isdigit():
        return int(text)
    try:
        return Decimal(text)
    except InvalidOperation:
        return text


def read_decimal(value: Any) -> Decimal:
    """Any raw value → a finite Decimal, or Refusal. Ranges are the caller's to check.

    Accepts int, Decimal, a Python float (from Python callers; by its repr) and text under
    the number rule. A Python int too large for any range comes back as 10⁴⁰ with its sign, a
    stand-in that every range refuses (converting a huge int to Decimal is itself slow).
    """
    if isinstance(value, bool):
        raise Refusal(msg.NOT_A_NUMBER_FLAG)
    if isinstance(value, int):
        if abs(value) >= _HUGE_INT:
            return _HUGE if value > 0 else -_HUGE
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise Refusal(msg.NOT_A_NUMBER, value=shown(value))
        return value
    if isinstance(value, float):  # from Python callers only: the readers never make floats
        text = repr(value)
        if text in ("inf", "-inf", "nan"):
            raise Refusal(msg.NOT_A_NUMBER, value=text)
        return Decimal(text)
    if isinstance(value, str):
        return _read_text_number(value)
    raise Refusal(msg.NOT_A_NUMBER, value=shown(value))


_HUGE_INT = 10 ** 40
_HUGE = Decimal(10) ** 40


def _read_text_number(value: str) -> Decimal:
    text = value.strip()
    if len(text) > MAX_NUMBER_TEXT:
        raise Refusal(msg.NUMBER_TEXT_TOO_LONG, value=shown(value), limit=MAX_NUMBER_TEXT)
    cleaned = text.translate(_FULLWIDTH)
    if _TEXT_NUMBER.fullmatch(cleaned) is None:
        raise Refusal(msg.NOT_A_NUMBER, hint=_number_hint(cleaned), value=shown(value))
    return Decimal(cleaned)


def _number_hint(text: str) -> Words | None:
    """Why ``text`` is not a number, when the mistake is a common one (None: no hint)."""
    if not text:
        return None
    if any(not c.isascii() and (c.isdigit() or unicodedata.numeric(c, None) is not None) for c in text):
        return msg.DIGITS_OF_ANOTHER_SCRIPT.words()
    if text.startswith("+"):
        return msg.NO_PLUS_SIGN.words(fixed=text[1:])
    if re.fullmatch(r"-?[0-9][0-9_,， ]*[0-9](?:\.[0-9]+)?", text):
        return msg.NO_SEPARATORS.words()
    if re.fullmatch(r"-?[0-9.]*[0-9][eE][-+]?[0-9]+", text):
        return msg.NO_EXPONENT.words()
    if re.fullmatch(r"-?(?:\.[0-9]+|[0-9]+\.)", text):
        return msg.DIGITS_AROUND_POINT.words()
    if "%" in text or "％" in text:
        return msg.PERCENT_SIGN_ONLY_FOR_PERCENT.words()
    return None


def places(value: Decimal) -> int:
    """Decimal places of ``value`` as a value (trailing zeros do not count: 2.50 has 1)."""
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int) or exponent >= 0 or not any(digits):
        return 0  # an integer, or zero however written (0.000000000)
    trailing = len(digits) - len(bytes(digits).rstrip(b"\x00")) if digits else 0
    return max(0, -(exponent + trailing))


def check_places(value: Decimal, raw: Any) -> None:
    if places(value) > MAX_PLACES:
        raise Refusal(msg.TOO_MANY_PLACES, places=MAX_PLACES, value=shown(raw))


# ------------------------------------------------------------------ showing a value in a message
_EXCERPT = 40      # characters of text shown before cutting
_CUT_TO = 30


def excerpt(text: str, limit: int = _EXCERPT) -> str:
    """``text`` made safe to show: control characters replaced, cut to a short prefix."""
    shown = "".join("�" if unicodedata.category(c) in ("Cc", "Cf") else c for c in text[:limit + 1])
    if len(text) <= limit:
        return shown
    return shown[:limit * 3 // 4] + "…"


def name_excerpt(name: Any) -> str:
    """A name (entity, fact, column, key) the file gave, cut short when long."""
    text = name if isinstance(name, str) else describe(name)
    return excerpt(text) if len(text) <= _EXCERPT else f"{excerpt(text)}（{len(text)} 字符 / chars）"


def describe(value: Any, lang: str = "zh") -> str:
    """A short, person-readable rendering of any raw value: never a Python repr, never long.

    Text is quoted 「…」 and cut after 40 characters (saying how long it was); numbers are
    written plainly, long ones cut to their first digits; a list or mapping is described by
    its size only, so a structure however deep or shared is never walked.
    """
    en = lang == "en"
    if value is None:
        return "null" if en else "空值"
    if isinstance(value, bool):
        return ("the yes/no value " if en else "是/否值 ") + ("true" if value else "false")
    if isinstance(value, str):
        if len(value) <= _EXCERPT:
            return f"「{excerpt(value)}」"
        return f"「{excerpt(value)}」" + (f" ({len(value)} characters)" if en else f"（共 {len(value)} 个字符）")
    if isinstance(value, int):
        if abs(value) < _HUGE_INT:
            return str(value)
        return "a whole number of more than 40 digits" if en else "一个超过 40 位的整数"
    if isinstance(value, Decimal):
        return _describe_decimal(value, en)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Mapping):
        return f"a mapping ({_many(len(value), 'key')})" if en else f"映射（{len(value)} 个键）"
    if isinstance(value, (list, tuple)):
        return f"a list ({_many(len(value), 'item')})" if en else f"列表（{len(value)} 项）"
    return "another kind of value" if en else "其他类型的值"


def shown(value: Any) -> Words:
    """``describe(value)`` in both languages: how a message shows a value the file gave."""
    return Words(describe(value), describe(value, "en"))


def _many(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _describe_decimal(value: Decimal, en: bool) -> str:
    if not value.is_finite():
        return {"Infinity": "Infinity", "-Infinity": "-Infinity"}.get(str(value), "NaN")
    digits = value.as_tuple().digits
    if len(digits) <= _EXCERPT:
        return str(value)
    sign = "-" if value < 0 else ""
    head = sign + "".join(map(str, digits[:_CUT_TO])) + "…"
    return head + (f" ({len(digits)} digits)" if en else f"（共 {len(digits)} 位数字）")


def names_list(names: list[Any], lang: str = "zh", limit: int = 5) -> str:
    """「a」、「b」… for a few names the file gave (at most ``limit``, then how many more)."""
    shown = [f"「{name_excerpt(n)}」" for n in names[:limit]]
    more = len(names) - limit
    if lang == "en":
        return ", ".join(shown) + (f" and {more} more" if more > 0 else "")
    return "、".join(shown) + (f" 等 {len(names)} 个" if more > 0 else "")


def names_shown(names: list[Any], limit: int = 5) -> Words:
    """``names_list`` in both languages."""
    return Words(names_list(names, "zh", limit), names_list(names, "en", limit))
