"""Grades (等次) by bands of the total, docs/language.md §21: edges included or excluded exactly
as written, gaps and overlaps named by check (SL145/SL146), the grade on the scorecard, and a
property: every total in range gets exactly one grade, monotone in the total."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import scorelang
from scorelang.model.grades import GradeBand, gaps, overlaps
from scorelang.span import Span

HEAD = """考评办法 "某县综治考评" {{
  保留 2 位小数 四舍五入
  {bounds}
}}
对象 「乡镇」 {{ 「甲镇」 }}
计入总分权重 {{ 目标任务一 100% }}
目标任务 一 "平安建设" {{
  牵头 「县委政法委」
  事实 {{ 「案件起数」 计数 单位 "起" }}
  部分 "平安建设" 100分 {{
    第1项 "案件控制" 100分 {{ 每「案件起数」扣0.5分 扣完为止 }}
  }}
}}
"""
GOOD = """等次 依据 "第十条" {
  "优秀" 考评总分 90 分以上
  "良好" 80 分至 90 分（不含）
  "合格" 60 分至 80 分（不含）
  "不合格" 60 分以下（不含）
}
"""


def _policy(grades: str, bounds: str = "考评总分 最高 100 分") -> str:
    return HEAD.format(bounds=bounds) + grades


def _codes(text: str) -> list[tuple[str, str]]:
    with pytest.raises(scorelang.PolicyError) as caught:
        scorelang.loads(text)
    return [(d.code, d.message) for d in caught.value.diagnostics]


@pytest.fixture(scope="module")
def good() -> scorelang.Policy:
    return scorelang.loads(_policy(GOOD))


@pytest.mark.parametrize(("cases", "grade", "band"), [
    (0, "优秀", "90 分以上"),            # 100
    (20, "优秀", "90 分以上"),           # 90: 以上 includes 90
    (21, "良好", "80 分至 90 分（不含）"),  # 89.5
    (40, "良好", "80 分至 90 分（不含）"),  # 80: 至 includes its lower edge
    (41, "合格", "60 分至 80 分（不含）"),  # 79.5: （不含） excludes 80
    (80, "合格", "60 分至 80 分（不含）"),  # 60
    (81, "不合格", "60 分以下（不含）"),    # 59.5
    (200, "不合格", "60 分以下（不含）"),   # 0
])
def test_edges_as_written(good: scorelang.Policy, cases: int, grade: str, band: str) -> None:
    card = good.evaluate("甲镇", {"案件起数": cases})
    assert card.grade is not None
    assert (card.grade.name, card.grade.band, card.grade.clause) == (grade, band, "第十条")


def test_no_grades_no_grade(good: scorelang.Policy) -> None:
    plain = scorelang.loads(_policy(""))
    assert plain.evaluate("甲镇", {"案件起数": 0}).grade is None


def test_gap_named() -> None:
    text = _policy(GOOD.replace('"合格" 60 分至 80 分（不含）', '"合格" 60 分至 79 分'))
    found = _codes(text)
    assert [c for c, _ in found] == ["SL145"]
    assert "(79, 80)" in found[0][1]


def test_overlap_named() -> None:
    text = _policy(GOOD.replace('"良好" 80 分至 90 分（不含）', '"良好" 80 分至 90 分'))
    found = _codes(text)
    assert [c for c, _ in found] == ["SL146"]
    assert "[90, 90]" in found[0][1] and "优秀" in found[0][1] and "良好" in found[0][1]


def test_uncapped_total_needs_an_open_top_band() -> None:
    capped_top = GOOD.replace('"优秀" 考评总分 90 分以上', '"优秀" 90 分至 100 分')
    assert scorelang.loads(_policy(capped_top))  # 最高 100 分: the range ends at 100
    found = _codes(_policy(capped_top, bounds=""))  # no 最高: bonuses may lift the total above 100
    assert [c for c, _ in found] == ["SL145"] and "(100, +∞)" in found[0][1]


def test_excluded_lower_edge_leaves_zero_uncovered() -> None:
    text = _policy(GOOD.replace('"不合格" 60 分以下（不含）', '"不合格" 0 分以上（不含） 60 分以下（不含）'))
    # a band is one of the three forms: this does not parse, so say it with 至 instead
    with pytest.raises(scorelang.PolicyError):
        scorelang.loads(text)
    found = _codes(_policy(GOOD.replace('"不合格" 60 分以下（不含）', '"不合格" 1 分至 60 分（不含）')))
    assert [c for c, _ in found] == ["SL145"] and "[0, 1)" in found[0][1]


def test_duplicate_repeated_and_empty_bands() -> None:
    assert "SL147" in [c for c, _ in _codes(_policy(GOOD.replace('"合格"', '"良好"')))]
    assert "SL148" in [c for c, _ in _codes(_policy(GOOD + GOOD))]
    assert "SL149" in [c for c, _ in _codes(_policy(GOOD + "").replace("60 分至 80 分（不含）", "80 分至 60 分"))]


def test_printer_round_trip() -> None:
    from scorelang.syntax.printer import format_text

    text = _policy(GOOD)
    printed = format_text(text)
    assert "80 分至 90 分（不含）" in printed and "60 分以下（不含）" in printed
    assert format_text(printed) == printed


# ------------------------------------------------------------------ property
_SPAN = Span("<t>", 1, 1, 1, 1)


@st.composite
def _bands(draw: st.DrawFn) -> tuple[GradeBand, ...]:
    """Cut points in (0, 100) make contiguous bands, each edge given to one side at random."""
    cuts = sorted(set(draw(st.lists(st.integers(1, 99).map(Decimal), max_size=5))))
    upper_open = [draw(st.booleans()) for _ in cuts]  # True: the cut belongs to the band above
    edges: list[tuple[Decimal | None, bool]] = [(None, False)] + [(c, not o) for c, o in zip(cuts, upper_open, strict=True)]
    bands = []
    for i, (low, low_open) in enumerate(edges):
        high, high_open = (cuts[i], upper_open[i]) if i < len(cuts) else (None, False)
        bands.append(GradeBand(f"第{i}档", low, low_open, high, high_open, "", _SPAN))
    return tuple(reversed(bands)) if draw(st.booleans()) else tuple(bands)


@given(_bands(), st.lists(st.decimals(0, 120, places=2), min_size=2, max_size=8))
def test_every_total_one_grade_monotone(bands: tuple[GradeBand, ...], totals: list[Decimal]) -> None:
    assert gaps(bands, Decimal(0), None) == [] and overlaps(bands) == []
    order = sorted(bands, key=lambda b: (b.low is not None, b.low or 0))
    ranks = []
    for total in sorted(totals):
        holding = [i for i, b in enumerate(order) if b.contains(total)]
        assert len(holding) == 1
        ranks.append(holding[0])
    assert ranks == sorted(ranks)  # a higher total never gets a lower band


@given(_bands(), st.integers(0, 10))
def test_a_band_removed_is_a_gap_named(bands: tuple[GradeBand, ...], which: int) -> None:
    if len(bands) < 2:
        return
    kept = tuple(b for i, b in enumerate(bands) if i != which % len(bands))
    found = gaps(kept, Decimal(0), None)
    removed = bands[which % len(bands)]
    assert len(found) == 1
    if removed.low is not None:
        assert str(removed.low) in found[0]


# ------------------------------------------------------------------ reports
def _cli(*args: str) -> tuple[int, str]:
    from click.testing import CliRunner

    from scorelang.cli import main

    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout


@pytest.mark.parametrize("grades", [GOOD, ""])
def test_json_grade_key_only_when_declared(tmp_path, grades: str) -> None:
    import json

    (tmp_path / "p.score").write_text(_policy(grades), encoding="utf-8")
    (tmp_path / "f.json").write_text('{"entities": {"甲镇": {"案件起数": 21}}}', encoding="utf-8")
    code, out = _cli("score", str(tmp_path / "p.score"), str(tmp_path / "f.json"), "--format", "json")
    assert code == 0
    card = json.loads(out)["entities"][0]
    if grades:
        assert card["grade"] == {"status": "decided", "value": "良好", "candidates": [],
                                 "band": "80 分至 90 分（不含）", "clause": "第十条"}
    else:
        assert "grade" not in card
    code, text = _cli("score", str(tmp_path / "p.score"), str(tmp_path / "f.json"))
    assert code == 0 and (("等次 良好 [80 分至 90 分（不含）]" in text) == bool(grades))
