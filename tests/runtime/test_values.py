"""runtime/values.py: the number rule, the ranges, and short excerpts of bad values."""
from __future__ import annotations

import decimal
from decimal import Decimal

import pytest

from scorelang.runtime.values import (
    MAX_COUNT,
    MAX_NUMBER,
    MAX_PLACES,
    Refusal,
    describe,
    excerpt,
    name_excerpt,
    number_token,
    places,
    read_decimal,
)


@pytest.mark.parametrize("token, value", [
    ("3", 3), ("-3", -3), ("007", 7), ("2.5", Decimal("2.5")), ("1e-05", Decimal("0.00001")),
    ("1.0e+3", Decimal(1000)), ("9" * 19, Decimal("9" * 19)), ("9" * 5000, Decimal("9" * 5000)),
])
def test_number_tokens(token, value):
    read = number_token(token)
    assert read == value and type(read) is type(value)


@pytest.mark.parametrize("token", ["0x1F", "1_000", "+3", "1:30", ".inf", ".nan", "5.", ".5", "0o17", "1e99999999999999999999"])
def test_tokens_outside_the_rule_stay_text(token):
    assert number_token(token) == token


@pytest.mark.parametrize("raw, value", [
    (" 3 ", Decimal(3)), ("３", Decimal(3)), ("－２．５", Decimal("-2.5")), (2.5, Decimal("2.5")),
    (Decimal("1E+27"), Decimal("1E+27")), (10 ** 100, Decimal(10) ** 40),
])
def test_read_decimal(raw, value):
    assert read_decimal(raw) == value


@pytest.mark.parametrize("raw", [
    "+3", "1_000", "1,000", "1 000", "1e3", "٣", "三", "①", ".5", "5.", "", "NaN", "Infinity", "1" * 41,
    True, None, [], {}, float("nan"), float("inf"), Decimal("NaN"), Decimal("-Infinity"),
])
def test_read_decimal_refuses_without_repr(raw):
    with pytest.raises(Refusal) as info:
        read_decimal(raw)
    assert "Decimal(" not in info.value.zh + info.value.en and "'" not in info.value.zh


def test_a_hint_for_each_common_mistake():
    hints = {text: _hint(text) for text in ("+3", "1_000", "1e3", "٣", "三", ".5", "50%")}
    assert all(hints.values()), hints
    assert len(set(hints.values())) == 6  # ٣ and 三 share one


def _hint(text: str) -> str:
    with pytest.raises(Refusal) as info:
        read_decimal(text)
    return info.value.hint


def test_places_ignore_trailing_zeros():
    assert places(Decimal("2.50")) == 1 and places(Decimal("2.000000000")) == 0
    assert places(Decimal("1E+999999")) == 0 and places(Decimal("0.0000001")) == 7
    assert places(Decimal("1e-999999999")) == 999999999
    assert places(Decimal("0.000000000")) == 0 and places(Decimal("-0E-1000000")) == 0


def test_describe_is_short_and_never_a_repr():
    bomb: list = ["lol"] * 9
    for _ in range(8):
        bomb = [bomb] * 9
    cyclic: list = []
    cyclic.append(cyclic)
    for value in ("x" * 10 ** 6, Decimal("9" * 5000), 10 ** 5000, bomb, cyclic, {"a": bomb}, Decimal("1e999999"),
                  True, None, 2.5, "a\nb\x1b[31m", object()):
        for lang in ("zh", "en"):
            text = describe(value, lang)
            assert len(text) < 80 and "Decimal(" not in text and "\n" not in text and "\x1b" not in text, text
    assert describe("x" * 100).endswith("（共 100 个字符）") and "100 characters" in describe("x" * 100, "en")
    assert "4301" in describe(Decimal("9" * 4301))
    assert describe(bomb) == "列表（9 项）" and describe(bomb, "en") == "a list (9 items)"


def test_name_excerpt_keeps_short_names():
    assert name_excerpt("西昌市") == "西昌市"
    assert len(name_excerpt("县" * 10 ** 5)) < 60 and "100000" in name_excerpt("县" * 10 ** 5)
    assert excerpt("a\x00b") == "a�b"


def test_the_largest_accepted_products_fit_the_decimal_context():
    """count × amount and a number's ladder steps, at the range ends, quantize without raising
    in the default context (28 digits); the evaluator rounds with quantize (numbers.py)."""
    context = decimal.getcontext()
    assert context.prec >= 28
    smallest = Decimal(1).scaleb(-MAX_PLACES)
    products = [
        Decimal(MAX_COUNT) * Decimal("99999.99"),                    # 每「x」扣 N分, N far above any item
        (MAX_NUMBER * 2) / smallest * Decimal(100),                  # a ladder step of 10⁻⁶ on ±10¹²
        (MAX_NUMBER * 2) / MAX_NUMBER * 100 / smallest * Decimal(100),  # percentage points of a target
    ]
    for product in products:
        for places_ in (0, 2, 6):
            product.quantize(Decimal(1).scaleb(-places_))  # raises InvalidOperation past the precision


def test_a_refusal_is_a_catalogue_entry_with_its_hint_kept_inside_a_record():
    from scorelang import messages
    from scorelang.model.nodes import FactDecl
    from scorelang.runtime.facts import COERCE
    from scorelang.span import Span

    with pytest.raises(Refusal) as info:
        read_decimal("+3")
    d = info.value.about("西昌市", "漏管脱管人次")
    assert info.value.message is messages.NOT_A_NUMBER
    assert (d.code, d.entity, d.fact) == ("SL213", "西昌市", "漏管脱管人次")
    assert (d.message, d.hint) == ("应为数字，收到 「+3」", "不要写正号：写成 3")
    assert (d.message_en, d.hint_en) == ("expected a number, got 「+3」", "no plus sign: write 3")
    decl = FactDecl("扣分记录", "records", low=Decimal(1), high=Decimal(3), span=Span("p.score", 1, 1, 1, 2))
    with pytest.raises(Refusal) as info:
        COERCE["records"](decl, [1, "+3"])
    d = info.value.about("西昌市", "扣分记录")
    assert info.value.message is messages.RECORD_PROBLEM
    assert (d.message, d.hint) == ("第 2 条：应为数字，收到 「+3」", "不要写正号：写成 3")
    assert d.message_en == "record 2: expected a number, got 「+3」"
