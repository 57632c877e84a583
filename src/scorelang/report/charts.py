"""The report's charts, drawn by matplotlib as SVG at report time and put inline in the page.

Text is drawn as paths (``svg.fonttype = path``), so a page needs no font and no network to
show a chart, and prints as sharply as its text. The scores become floats here, and only here
in scorelang, as the geometry of bars and colours (tests/test_architecture.py allows this one
module); every figure printed on a chart is the Decimal, formatted by ``numbers``. Chinese
labels need a CJK font at report time: the first of ``CJK_FONTS`` installed (on Debian/Ubuntu: ``apt-get install
fonts-noto-cjk``); without one, ``cjk_font()`` is None and the CLI says what to install.
"""
from __future__ import annotations

import io
import re
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ..numbers import format_fixed

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei",
             "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "SimHei",
             "Noto Sans CJK JP", "Noto Sans CJK TC")
FONT_PACKAGE = "fonts-noto-cjk"
#: bar colours by award tier (first tier first), then the colour of entities with no award
TIER_COLOURS = ("#1f6f8b", "#4f9fbf", "#9cc7d9", "#c9dde6")
NO_AWARD = "#c7c7c7"
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.S)
_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.S)


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The family name of an installed CJK font matplotlib can use, or None."""
    from matplotlib import font_manager

    def known() -> set[str]:
        return {f.name for f in font_manager.fontManager.ttflist}

    names = known()
    found = next((name for name in CJK_FONTS if name in names), None)
    if found is None:  # installed after matplotlib cached its font list
        for path in font_manager.findSystemFonts():
            if re.search(r"(?i)(notosanscjk|notosanssc|sourcehansans|wqy|msyh|simhei|pingfang)", path):
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    continue
        names = known()
        found = next((name for name in CJK_FONTS if name in names), None)
    return found


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _svg(figure: Any) -> str:
    import matplotlib

    buffer = io.StringIO()
    families = [name for name in (cjk_font(), "DejaVu Sans") if name]
    with matplotlib.rc_context({"svg.fonttype": "path", "font.family": families, "svg.hashsalt": "scorelang"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    text = _PROLOGUE.sub("", buffer.getvalue(), count=1)
    return _METADATA.sub("", text, count=1)


def _font_context() -> Any:
    import matplotlib

    families = [name for name in (cjk_font(), "DejaVu Sans") if name]
    return matplotlib.rc_context({"font.family": families, "font.size": 10, "axes.spines.top": False,
                                  "axes.spines.right": False, "svg.fonttype": "path"})


def totals_chart(entities: Sequence[str], totals: Sequence[Decimal], awards: Sequence[str | None],
                 tiers: Sequence[str]) -> str:
    """A horizontal bar per entity (in rank order, first at the top), coloured by award tier."""
    with _font_context():
        figure = _figure(7.2, 0.32 * len(entities) + 1.0)
        axes = figure.add_subplot()
        values = [float(t) for t in totals]  # the bars' geometry: matplotlib draws in floats
        colours = [TIER_COLOURS[min(tiers.index(a), len(TIER_COLOURS) - 1)] if a in tiers else NO_AWARD
                   for a in awards]
        positions = list(range(len(entities)))[::-1]
        axes.barh(positions, values, color=colours, height=0.7)
        axes.set_yticks(positions, list(entities))
        for y, value, text in zip(positions, values, totals, strict=True):
            axes.text(value, y, f" {text}", va="center", ha="left", fontsize=8.5)
        axes.set_xlim(0, max(values + [100.0]) * 1.1)
        axes.set_xlabel("总分 total")
        axes.tick_params(axis="y", length=0)
        axes.grid(axis="x", color="#e5e5e5", linewidth=0.6)
        axes.set_axisbelow(True)
        handles = [_patch(TIER_COLOURS[min(i, len(TIER_COLOURS) - 1)], name) for i, name in enumerate(tiers)]
        if handles:
            axes.legend(handles=handles, loc="lower right", frameon=False, fontsize=8.5)
        return _svg(figure)


def _patch(colour: str, label: str) -> Any:
    from matplotlib.patches import Patch

    return Patch(facecolor=colour, label=label)


def heat_map(entities: Sequence[str], tasks: Sequence[str], scores: Sequence[Sequence[Decimal]]) -> str:
    """Task scores (on their 100-point scale) by entity: one row per entity, one column per task."""
    with _font_context():
        figure = _figure(1.0 + 0.78 * len(tasks), 0.34 * len(entities) + 1.2)
        axes = figure.add_subplot()
        grid = [[float(value) for value in row] for row in scores]  # colours only
        low = min([min(row) for row in grid if row] + [60.0])
        image = axes.imshow(grid, cmap="RdYlGn", vmin=max(low, 0.0), vmax=100.0, aspect="auto")
        axes.set_xticks(range(len(tasks)), list(tasks))
        axes.set_yticks(range(len(entities)), list(entities))
        axes.xaxis.tick_top()
        axes.tick_params(length=0)
        for spine in axes.spines.values():
            spine.set_visible(False)
        span = max(100.0 - max(low, 0.0), 1.0)
        for y, row in enumerate(scores):
            for x, value in enumerate(row):
                shade = (grid[y][x] - max(low, 0.0)) / span  # where the colour map is dark, white text
                axes.text(x, y, format_fixed(value, 1), ha="center", va="center", fontsize=8,
                          color="#ffffff" if shade < 0.15 or shade > 0.85 else "#1a1a1a")
        figure.colorbar(image, ax=axes, shrink=0.6, label="任务得分（百分制）")
        return _svg(figure)
