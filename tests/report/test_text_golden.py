"""The whole text report of tests/report/fixtures/articles.score, byte for byte (golden files).

The fixture has what the report lays out: several entities and a ranking with flags, tasks in
parts, bonuses, the articles' adjustments with long wrapped rules, a demotion. Its report at the
usual width and at the narrowest the CLI uses, in both languages, is kept in
tests/golden/text/ (written by the rich-based renderer this one replaced; SCORELANG_UPDATE_GOLDEN=1
rewrites them when the report changes on purpose).
"""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import scorelang
from golden_files import GOLDEN, compare
from scorelang.report.text import render_text

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def articles():
    policy = scorelang.load(FIXTURES / "articles.score")
    with open(FIXTURES / "articles.facts.json", encoding="utf-8") as handle:
        return policy, policy.score_all(json.load(handle, parse_float=Decimal))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [100, 60])
def test_the_articles_report_is_unchanged(articles, lang, width, request):
    policy, cards = articles
    scale = policy.model.scale
    text = render_text(cards, title=policy.title, places=policy.places, lang=lang, width=width,
                       scale=((scale.points if scale.declared else None), policy.model.summed, scale.clause))
    compare(GOLDEN / "text" / f"articles-{lang}-{width}", text, request.config)
