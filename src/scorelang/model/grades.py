"""Grades (等次) by bands of the total: the checked model's nodes, the lookup a scorecard's grade
comes from, and the coverage analysis behind SL145/SL146 (model/checks_grades.py).

An edge is a number and whether it is excluded (以上/以下 and both edges of 至 include their
number; （不含） excludes it). None is unbounded on that side. The grades cover the totals the
policy can give: from its declared lowest total (考评总分 最低 N 分), else 0 (the total is
floored at 0), to its declared highest (最高 N 分), else unbounded above (bonuses may be
uncapped)."""
from __future__ import annotations

from decimal import Decimal

import attrs

from ..numbers import format_decimal as plain
from ..span import Span
from .expressions import Expr


@attrs.frozen(eq=False)
class GradeBand:
    """One band: ``name`` for a total in [low, high] (each edge excluded when ``*_open``)."""

    name: str
    low: Decimal | None
    low_open: bool
    high: Decimal | None
    high_open: bool
    text: str  # as the source reads: 80 分至 90 分（不含）
    span: Span

    def contains(self, total: Decimal) -> bool:
        if self.low is not None and (total < self.low or (self.low_open and total == self.low)):
            return False
        return not (self.high is not None and (total > self.high or (self.high_open and total == self.high)))

    def empty(self) -> bool:
        if self.low is None or self.high is None:
            return False
        return self.low > self.high or (self.low == self.high and (self.low_open or self.high_open))


@attrs.frozen(eq=False)
class Grades:
    """等次 依据 "…" { bands }: ``clause`` the policy cites for them (None: none). ``task``: the id
    of the task whose score they grade (等次 目标任务二得分 { … }, docs/language.md §22.1), None for
    the total's; ``subject`` how the policy names it (目标任务二得分; 考评总分 for the total)."""

    bands: tuple[GradeBand, ...]
    clause: str | None
    span: Span
    task: str | None = attrs.field(default=None, kw_only=True)
    subject: str = attrs.field(default="考评总分", kw_only=True)
    value: Expr | None = attrs.field(default=None, kw_only=True)  # 等次 「结案率」 { … }: the value graded
    unit: str = attrs.field(default="分", kw_only=True)  # the edges' unit: 分, % or a unit word
    # the interval a value's grades must cover (None: unbounded on that side), as the resolver knows it
    within: tuple[Decimal | None, Decimal | None] = attrs.field(default=(None, None), kw_only=True)

    def grade_of(self, total: Decimal) -> GradeBand | None:
        """The band holding ``total`` (the first, when a checked policy has exactly one)."""
        return next((band for band in self.bands if band.contains(total)), None)


def band_text(low: Decimal | None, low_open: bool, high: Decimal | None, high_open: bool, unit: str = "分") -> str:
    """A band as the source reads it: 90 分以上, 60 分以下（不含）, 80 分至 90 分（不含）; 95% 以上."""
    excluded = "（不含）"
    after = "% " if unit == "%" else f" {unit}"
    if high is None:
        return f"{plain(low or Decimal(0))}{after}以上" + (excluded if low_open else "")
    if low is None:
        return f"{plain(high)}{after}以下" + (excluded if high_open else "")
    return f"{plain(low)}{after}至 {plain(high)}{after.rstrip()}" + (excluded if high_open else "")


def interval_text(low: Decimal | None, low_open: bool, high: Decimal | None, high_open: bool) -> str:
    """An interval of totals in the notation both languages read: [80, 90), [90, +∞)."""
    left = "(-∞" if low is None else ("(" if low_open else "[") + plain(low)
    right = "+∞)" if high is None else plain(high) + (")" if high_open else "]")
    return f"{left}, {right}"


Edge = tuple[Decimal | None, bool]


def _lower_key(band: GradeBand) -> tuple[int, Decimal, int]:
    if band.low is None:
        return (0, Decimal(0), 0)
    return (1, band.low, 1 if band.low_open else 0)


def gaps(bands: tuple[GradeBand, ...], low: Decimal, high: Decimal | None) -> list[str]:
    """The intervals of totals in [low, high] (high None: unbounded above) no band holds."""
    found: list[str] = []
    # every total below ``cur`` is held by some band, and ``cur`` itself when ``cur_in``
    cur: Decimal | None = low
    cur_in = False
    for band in sorted((b for b in bands if not b.empty()), key=_lower_key):
        if cur is None or (high is not None and (cur > high or (cur == high and cur_in))):
            return found
        joined = band.low is None or band.low < cur or (band.low == cur and (cur_in or not band.low_open))
        if not joined:
            assert band.low is not None
            if high is not None and (band.low > high or (band.low == high and band.low_open)):
                found.append(interval_text(cur, cur_in, high, False))
                return found
            found.append(interval_text(cur, cur_in, band.low, not band.low_open))
            cur, cur_in = band.low, not band.low_open
        if band.high is None:
            cur, cur_in = None, True
        elif band.high > cur or (band.high == cur and not band.high_open):
            cur, cur_in = band.high, (not band.high_open) or (band.high == cur and cur_in)
    if cur is not None and (high is None or cur < high or (cur == high and not cur_in)):
        found.append(interval_text(cur, cur_in, high, False))
    return found


def overlaps(bands: tuple[GradeBand, ...]) -> list[tuple[GradeBand, GradeBand, str]]:
    """Each pair of bands holding a total in common, with the totals they share."""
    found = []
    for i, first in enumerate(bands):
        for second in bands[i + 1:]:
            low, low_open = _max_low(first, second)
            high, high_open = _min_high(first, second)
            if low is not None and high is not None and (low > high or (low == high and (low_open or high_open))):
                continue
            found.append((first, second, interval_text(low, low_open, high, high_open)))
    return found


def _max_low(a: GradeBand, b: GradeBand) -> Edge:
    if a.low is None:
        return b.low, b.low_open
    if b.low is None or a.low > b.low:
        return a.low, a.low_open
    if b.low > a.low:
        return b.low, b.low_open
    return a.low, a.low_open or b.low_open


def _min_high(a: GradeBand, b: GradeBand) -> Edge:
    if a.high is None:
        return b.high, b.high_open
    if b.high is None or a.high < b.high:
        return a.high, a.high_open
    if b.high < a.high:
        return b.high, b.high_open
    return a.high, a.high_open or b.high_open
