"""numbers.py: the one place that rounds and formats, and never shows a negative zero."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorelang.numbers import format_decimal, format_fixed, format_short, quantize_half_up, rounder

D = Decimal


@pytest.mark.parametrize("value, places, text", [
    ("-0.004", 2, "0.00"),     # a tiny deduction (a ladder's 0.05 × 0.07) rounds to zero, not -0.00
    ("-0.0049999", 2, "0.00"),
    ("-0.005", 2, "-0.01"),    # half-up away from zero
    ("-0", 2, "0.00"),
    ("-0.00", 0, "0"),
    ("0.004", 2, "0.00"),
    ("-1.004", 2, "-1.00"),
    ("14.325", 2, "14.33"),
])
def test_format_fixed(value, places, text):
    assert format_fixed(D(value), places) == text


@pytest.mark.parametrize("value", ["-0.004", "-0", "-0.00", "-0E+3"])
def test_rounding_never_returns_a_negative_zero(value):
    assert not quantize_half_up(D(value), 2).is_signed()
    assert not rounder(2)(D(value)).is_signed()
    assert str(rounder(2)(D(value))) == "0.00"


@pytest.mark.parametrize("value, text", [("-0", "0"), ("-0.00", "0.00"), ("82.50", "82.50"), ("300", "300"),
                                         ("-1.5", "-1.5"), ("1E+2", "100")])
def test_format_decimal_keeps_the_value_as_written(value, text):
    assert format_decimal(D(value)) == text


@pytest.mark.parametrize("value, text", [("18.00", "18"), ("1.40", "1.4"), ("-0.001", "0"), ("1E+2", "100"),
                                         (D(200) / D(30), "6.67"), ("0.125", "0.13")])
def test_format_short(value, text):
    assert format_short(D(value), 2) == text


decimals = st.decimals(min_value=-1000, max_value=1000, allow_nan=False, allow_infinity=False, places=6)


@given(value=decimals, places=st.integers(0, 4))
def test_no_negative_zero_and_half_up(value, places):
    text = format_fixed(value, places)
    assert not text.startswith("-") or D(text) != 0  # "-0.00" never
    assert D(text) == value.quantize(D(1).scaleb(-places), rounding=ROUND_HALF_UP)
    assert text == str(rounder(places)(value))
    short = format_short(value, places)
    assert not short.startswith("-") or D(short) != 0
