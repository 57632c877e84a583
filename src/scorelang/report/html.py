"""The static HTML report (``scorelang report POLICY FACTS -o DIR``), rendered with Jinja2.

``DIR/index.html`` is the cohort: ranking table, award tiers, flags to decide, a bar chart of
totals and a heat map of task scores. ``DIR/<entity>.html`` is one entity's page: its
scorecard, every lost or gained point with the rule's own sentence and the facts behind it,
the adjustments by article, its rank and what separates it from the next tier up.

Pages are self-contained: the stylesheet is inline, charts are inline SVG (``charts.py``), and
nothing is fetched at view time. The templates ship inside the package (report/templates/).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from ..model.nodes import Policy as PolicyModel
from ..numbers import format_fixed
from ..runtime.scorecard import Event, ItemScore, Scorecard
from . import charts
from .common import (
    award_text,
    fact_text,
    format_signed,
    grade_text,
    group_record_facts,
    output_figure,
    pending_singles_text,
    task_label,
    task_number,
    task_weight,
)

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def page_name(entity: str) -> str:
    """The file of an entity's page: its name, with characters no file system takes replaced."""
    return _UNSAFE.sub("_", entity).strip(". ") + ".html" or "_.html"


@attrs.frozen
class Written:
    """What ``write_report`` wrote: the cohort page, the entity pages, and a note when the charts
    could not draw Chinese text (no CJK font installed)."""

    index: Path
    pages: tuple[Path, ...]
    font_note: str | None


def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(loader=PackageLoader("scorelang.report", "templates"),
                       autoescape=select_autoescape(["html", "j2"]), undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


def _lines(items: Iterable[tuple[str, Any]]) -> list[dict[str, str]]:
    return [{"name": name, "value": fact_text(value)} for name, value in group_record_facts(items)]


def _event(e: Event, places: int) -> dict[str, Any]:
    return {"clause": e.clause, "rule": e.rule, "kind": str(getattr(e.kind, "value", e.kind)),
            "facts": _lines(e.facts), "points": format_signed(e.points, places),
            "lost": e.points < 0, "reason": e.reason}


def _item(item: ItemScore, places: int, sources: tuple[str, ...]) -> dict[str, Any]:
    events = [_event(e, places) for e in item.events if e.points != 0]
    return {"id": item.id, "title": item.title, "sources": sources, "score": format_fixed(item.score, places),
            "max": format_fixed(item.max, places), "deduction_only": item.deduction_only,
            "events": events, "full": not events}


def _tier_gap(card: Scorecard, cards: tuple[Scorecard, ...], tiers: tuple[Any, ...],
              places: int) -> dict[str, Any] | None:
    """The next tier up and the points between this entity and the last place of that tier."""
    if card.rank is None:
        return None
    above = [t for t in tiers if t.last < card.rank]
    if not above:
        return None
    tier = max(above, key=lambda t: t.last)
    # the last place inside the tier's ranks (the lowest total that reaches it)
    holder = max((c for c in cards if c.rank is not None and c.rank <= tier.last), key=lambda c: c.rank or 0,
                 default=None)
    if holder is None:
        return None
    return {"tier": tier.name, "last": tier.last, "entity": holder.entity,
            "total": format_fixed(holder.total, places), "gap": format_fixed(holder.total - card.total, places)}


def render_report(cards: Iterable[Scorecard], model: PolicyModel, *, engine: str) -> dict[str, str]:
    """Every page of the report: file name → HTML text (``index.html`` first)."""
    cards = tuple(cards)
    places = model.places
    tiers = model.awards.tiers if model.awards else ()
    # tiers by rank band and by count (综合奖 "一等奖" 3 名, §23) colour their badges the same way
    tier_names = model.awards.tier_names if model.awards else ()
    env = _environment()
    tasks = cards[0].tasks if cards else ()
    task_heads = [{"id": t.id, "number": task_number(t.id), "label": task_label(t.id, t.name), "name": t.name,
                   "weight": task_weight(t)} for t in tasks]
    rows: list[dict[str, Any]] = [{"rank": c.rank, "entity": c.entity, "page": page_name(c.entity), "award": c.award,
             "tier": tier_names.index(c.award) if c.award in tier_names else len(tier_names),
             "total": format_fixed(c.total, places), "flags": list(c.flags),
             "adjust": format_signed(sum((e.points for e in c.adjustments), Decimal(0)), places),
             "tasks": [format_fixed(t.weighted, places) for t in c.tasks],
             "singles": "、".join(task_number(t) for t in c.task_awards),
             # the award and grade as decided, or 待认定（…） with the candidates
             "award_shown": award_text(c, none=""), "grade": grade_text(c),
             "pending_singles": pending_singles_text(c)} for c in cards]
    graded = any(c.grade is not None for c in cards)
    font = charts.cjk_font()
    common = {"title": model.title, "doc_number": model.doc_number, "engine": engine, "places": places,
              "font_missing": font is None, "font_package": charts.FONT_PACKAGE, "count": len(cards)}
    pages = {"index.html": env.get_template("cohort.html.j2").render(
        **common, rows=rows, tasks=task_heads, graded=graded,
        tiers=[{"name": t.name, "first": t.first, "last": t.last,
                "entities": [r for r in rows if r["award"] == t.name]} for t in tiers],
        flags=[(r["entity"], r["page"], flag) for r in rows for flag in r["flags"]],
        totals_svg=charts.totals_chart([c.entity for c in cards], [c.total for c in cards],
                                       [c.award for c in cards], tier_names),
        heat_svg=charts.heat_map([c.entity for c in cards], [task_number(t.id) for t in tasks],
                                 [[t.score for t in c.tasks] for c in cards]))}
    entity_template = env.get_template("entity.html.j2")
    # each item's original sentences, as the policy quotes them (the rules' own words are on the events)
    sources = {item.id: item.sources for task in model.tasks for item in task.items}
    for index, card in enumerate(cards):
        task_blocks = []
        for task in card.tasks:
            items = [_item(i, places, sources.get(i.id, ())) for s in task.sections for i in s.items]
            task_blocks.append({
                "label": task_label(task.id, task.name), "lead": "、".join(task.lead),
                "score": format_fixed(task.score, places), "weight": task_weight(task),
                "weighted": format_fixed(task.weighted, places),
                "lost": format_fixed(task.max - task.score, places),
                "changed": [i for i in items if not i["full"]], "full": sum(1 for i in items if i["full"]),
                "events": [_event(e, places) for e in task.events if e.points != 0]})
        articles: dict[str, list[dict[str, Any]]] = {}
        for event in card.adjustments:
            if event.points != 0:
                articles.setdefault(event.clause, []).append(_event(event, places))
        article_sums = {clause: format_signed(sum((e.points for e in card.adjustments if e.clause == clause),
                                                  Decimal(0)), places) for clause in articles}
        pages[page_name(card.entity)] = entity_template.render(
            **common, card=rows[index], tasks=task_blocks, graded=graded, articles=articles, article_sums=article_sums,
            outputs=[{"name": o.name, "figure": output_figure(o), "rule": o.rule, "clause": o.clause}
                     for o in card.outputs],
            gap=_tier_gap(card, cards, tiers, places),
            previous=rows[index - 1] if index > 0 else None, next=rows[index + 1] if index + 1 < len(rows) else None)
    return pages


def write_report(cards: Iterable[Scorecard], model: PolicyModel, directory: str, *, engine: str) -> Written:
    """Write every page of the report into ``directory`` (created if missing)."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_report(cards, model, engine=engine).items():
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    note = None if charts.cjk_font() else charts.FONT_PACKAGE
    return Written(written[0], tuple(written[1:]), note)
