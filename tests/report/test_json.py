"""report/json.py: the scorecard-2 (and scorecard-1) document of docs/contracts.md, built from hand-made scorecards."""
from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

from scorelang.diagnostics import Diagnostic, Severity
from scorelang.report.common import format_weight
from scorelang.report.json import SCHEMA, render_diagnostics_json, render_json
from scorelang.span import Span

DECIDED_FIRST = {"status": "decided", "value": "一等奖", "candidates": []}
DECIMAL_KEYS = ("total", "score", "max", "weighted", "bonus", "points")


def render(cards, places=2, schema=2):
    return render_json(cards, title="2017年度全州司法行政系统绩效考评办法", sha256="ab" * 32,
                       places=places, engine_version="9.9.9", schema=schema)


def walk_decimals(node, path=""):
    """Yield (path, value) for every decimal-valued key in the document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in DECIMAL_KEYS:
                yield f"{path}.{key}", value
            if key != "facts":  # fact values are kept as given, not formatted
                yield from walk_decimals(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk_decimals(value, f"{path}[{i}]")


def test_top_level_shape(cards):
    doc = render(cards)
    assert doc["schema"] == SCHEMA == "scorelang/scorecard-2"
    assert render(cards, schema=1)["schema"] == "scorelang/scorecard-1"
    assert doc["engine"] == "9.9.9"
    assert doc["policy"] == {"title": "2017年度全州司法行政系统绩效考评办法", "sha256": "ab" * 32}
    assert [e["entity"] for e in doc["entities"]] == ["西昌市", "木里县"]  # order as given (by rank)


def test_entity_task_section_item_keys(cards):
    entity = render(cards)["entities"][0]
    assert {"entity", "total", "rank", "award", "flags", "tasks", "adjustments"} <= entity.keys()
    assert entity["rank"] == 1 and entity["award"] == DECIDED_FIRST and entity["flags"] == ["连续两年整改"]
    task = entity["tasks"][0]
    assert {"id", "name", "lead", "score", "max", "weight", "weighted", "sections"} <= task.keys()
    assert (task["id"], task["name"], task["lead"]) == ("2", "社区矫正", ["基层科"])
    section = task["sections"][0]
    assert {"name", "score", "max", "items"} <= section.keys()
    item = section["items"][0]
    assert {"id", "title", "score", "max", "bonus", "events"} <= item.keys()
    assert item["id"] == "2.1"
    event = item["events"][0]
    assert event == {"clause": "2.1", "rule": "每发现一人次扣0.5分", "kind": "deduct",
                     "facts": {"漏管脱管人次": 3}, "points": "-1.50"}


def test_no_award_and_no_rank_are_null(cards):
    second = render(cards)["entities"][1]
    assert render(cards, schema=1)["entities"][1]["award"] is None
    assert second["award"] == {"status": "decided", "value": None, "candidates": []} and second["flags"] == [] and second["adjustments"] == []


def test_every_decimal_is_a_string_with_exactly_the_places(cards):
    for places, pattern in ((2, r"^-?\d+\.\d{2}$"), (1, r"^-?\d+\.\d$"), (3, r"^-?\d+\.\d{3}$")):
        found = list(walk_decimals(render(cards, places)))
        assert len(found) > 20
        bad = [(p, v) for p, v in found if not (isinstance(v, str) and re.match(pattern, v))]
        assert bad == [], f"places={places}"


def test_rounding_is_half_up(cards):
    doc = render(cards)
    assert doc["entities"][0]["tasks"][0]["weighted"] == "14.33"  # 14.325: half-even would give 14.32
    assert doc["entities"][0]["total"] == "26.48"                 # 26.475
    assert doc["entities"][1]["total"] == "20.00"


def test_weight_is_a_percent_without_trailing_zeros(cards):
    tasks = render(cards)["entities"][0]["tasks"]
    assert [t["weight"] for t in tasks] == ["15%", "12.5%"]


@pytest.mark.parametrize("weight, text", [
    (Decimal(15), "15%"), (Decimal("12.5"), "12.5%"), (Decimal("10.00"), "10%"),
    (Decimal(100), "100%"), (Decimal("7.25"), "7.25%"), (Decimal("0"), "0%"),
])
def test_format_weight(weight, text):
    assert format_weight(weight) == text


def test_event_facts_keep_their_values(cards):
    items = {i["id"]: i for t in render(cards)["entities"][0]["tasks"] for s in t["sections"] for i in s["items"]}
    assert items["2.3"]["events"][0]["facts"] == {"执法不规范被曝光": False}
    assert items["4.10"]["events"][0]["facts"] == {"省厅通报批评次数": 4, "有人司法所外网接入率": "97.5"}
    accident = items["2.6"]["events"][0]
    assert accident["facts"] == {"执法责任事故扣分": ["1", {"amount": "2.5", "reason": "再犯罪"}]}


def test_reason_only_when_given_and_kind_always(cards):
    items = {i["id"]: i for t in render(cards)["entities"][0]["tasks"] for s in t["sections"] for i in s["items"]}
    accident, floor = items["2.6"]["events"]
    assert accident["reason"] == "社区服刑人员脱管期间再犯罪"
    assert "reason" not in floor
    assert floor["kind"] == "floor" and floor["points"] == "-0.50"
    assert items["4.10"]["events"][1]["kind"] == "cap"
    assert items["4.10"]["score"] == "-6.00" and items["4.10"]["max"] == "6.00"
    assert items["2.6"]["bonus"] == "0.40"


def test_adjustments(cards):
    adjustments = render(cards)["entities"][0]["adjustments"]
    assert adjustments == [{"clause": "第六条", "rule": "获省级表彰的加0.4分", "kind": "award",
                            "facts": {"表彰": ["省级", "一等奖"]}, "points": "0.40"}]


def test_document_is_plain_json(cards):
    doc = render(cards)
    text = json.dumps(doc, ensure_ascii=False)  # raises on a Decimal or a tuple left inside
    assert json.loads(text) == doc
    assert "西昌市" in text


def test_no_cards_is_an_empty_list():
    assert render([])["entities"] == []


def test_diagnostics_json():
    diagnostics = [
        Diagnostic("SL213", "计数不能为负数，收到 -1", "a count cannot be negative, got -1",
                   entity="西昌市", fact="漏管脱管人次"),
        Diagnostic("SL124", "权重合计不是 100%", "weights do not sum to 100%",
                   span=Span("p.score", 3, 5, 3, 9, 20, 24), severity=Severity.WARNING),
    ]
    doc = render_diagnostics_json(diagnostics)
    assert doc["errors"] == 1 and doc["warnings"] == 1
    first, second = doc["diagnostics"]
    assert (first["code"], first["entity"], first["fact"]) == ("SL213", "西昌市", "漏管脱管人次")
    assert (second["file"], second["line"], second["column"]) == ("p.score", 3, 5)
    json.dumps(doc, ensure_ascii=False)


# ------------------------------------------------------------------ bonuses, parts, articles, awards
def tasks_of(doc, entity):
    card = next(c for c in doc["entities"] if c["entity"] == entity)
    return {t["id"]: t for t in card["tasks"]}


def test_task_bonus_is_fixed_places(article_cards, cards):
    doc = render(article_cards)
    assert tasks_of(doc, "木里县")["2"]["bonus"] == "0.40"
    assert tasks_of(doc, "木里县")["3"]["bonus"] == "0.00"
    assert tasks_of(doc, "西昌市")["1"]["bonus"] == "0.40"
    assert render(article_cards, places=1)["entities"][0]["tasks"][1]["bonus"] == "0.4"
    assert all(t["bonus"] == "0.00" for c in render(cards)["entities"] for t in c["tasks"])  # the default


def test_task_weighed_in_parts(article_cards):
    task = tasks_of(render(article_cards), "木里县")["1"]
    assert task["weight"] == "10%+5%"
    assert task["weighted"] == "13.50"
    assert task["parts"] == [
        {"items": "第1至12项", "score": "95.00", "weight": "10%", "weighted": "9.50"},
        {"items": "第13项", "score": "80.00", "weight": "5%", "weighted": "4.00"},
    ]
    assert sum(Decimal(p["weighted"]) for p in task["parts"]) == Decimal(task["weighted"])
    keys = list(task)
    assert keys.index("weighted") < keys.index("bonus") < keys.index("parts") < keys.index("sections")


def test_task_weighed_whole_has_no_parts(article_cards, cards):
    for doc in (render(article_cards), render(cards)):
        for card in doc["entities"]:
            for task in card["tasks"]:
                if task["id"] != "1":
                    assert "parts" not in task, task["id"]
                    assert re.fullmatch(r"\d+(\.\d+)?%", task["weight"])
    assert tasks_of(render(article_cards), "木里县")["2"]["weight"] == "15%"  # one part labelled ""


def test_single_awards_follow_the_award(article_cards, cards):
    doc = render(article_cards)
    muli, xichang, yanyuan = doc["entities"]
    assert muli["single_awards"] == ["1", "3"] and xichang["single_awards"] == ["2"]
    assert yanyuan["single_awards"] == [] and yanyuan["award"]["value"] is None
    keys = list(muli)
    assert keys.index("single_awards") == keys.index("award") + 1
    assert all(c["single_awards"] == [] for c in render(cards)["entities"])


def test_article_adjustments_with_clauses_and_kinds(article_cards):
    muli, xichang, yanyuan = render(article_cards)["entities"]
    assert [(a["clause"], a["kind"], a["points"]) for a in muli["adjustments"]] == [
        ("第六条", "bonus", "1.00"), ("第六条", "note", "0.00"), ("第七条", "demote", "0.00"),
        ("第十三条", "bonus", "1.50"), ("第十三条", "bonus", "0.50")]
    assert muli["adjustments"][3]["reason"] == "年度述职优秀"
    assert [(a["clause"], a["kind"]) for a in yanyuan["adjustments"]] == [("第七条", "last"), ("第十三条", "bonus")]
    assert xichang["adjustments"][0]["points"] == "-1.00"


def test_record_fields_and_tuples_in_facts(article_cards):
    muli = render(article_cards)["entities"][0]
    province, prefecture = muli["adjustments"][:2]
    assert province["facts"] == {"表彰[1].层级": "省级", "表彰[1].等级": "一等奖", "表彰[1].工作": "普法"}
    assert prefecture["facts"]["表彰[2].层级"] == "州级"
    assert muli["adjustments"][4]["facts"] == {"班子成员评分": ["0.3", "0.2"]}  # a tuple of Decimals
    assert muli["adjustments"][2]["facts"] == {"刑事处罚": True}


def test_article_document_is_plain_json_with_exact_places(article_cards):
    doc = render(article_cards, places=3)
    assert json.loads(json.dumps(doc, ensure_ascii=False)) == doc
    found = list(walk_decimals(doc))
    assert any(".parts[" in path for path, _ in found)
    bad = [(p, v) for p, v in found if not (isinstance(v, str) and re.match(r"^-?\d+\.\d{3}$", v))]
    assert bad == []


# ------------------------------------------------------------------ event kinds and the ladder's detail
def ladder_card(detail, points):
    from scorelang.runtime.scorecard import Event, EventKind, ItemScore, Scorecard, SectionScore, TaskScore
    D = Decimal
    event = Event("2.10", "培训率达到100%", EventKind.DEDUCT, (("执法人员培训率", D("82.00")),), points, detail=detail)
    item = ItemScore("2.10", "培训", D(5) + points, D(5), D(0), False, (event,))
    task = TaskScore("2", "社区矫正", ("基层科",), D(5) + points, D(100), D(100), D(5) + points,
                     (SectionScore("s", D(5) + points, D(5), (item,)),))
    return Scorecard("甲", D(5) + points, (task,))


def test_ladder_detail_in_json():
    from scorelang.runtime.scorecard import LadderDetail
    D = Decimal
    detail = LadderDetail(measured=D("82.00"), target=D("100"), unit="%", upward=False, percentage_points=True,
                          gap=D("18.00"), step=D("5"), steps=D("4"), partial="ceil")
    doc = render([ladder_card(detail, D("-0.2"))])
    (event,) = doc["entities"][0]["tasks"][0]["sections"][0]["items"][0]["events"]
    assert event["detail"] == {"type": "ladder", "measured": "82.00", "target": "100", "unit": "%",
                               "direction": "below", "gap": "18", "percentage_points": True, "step": "5",
                               "steps": "4", "partial": "ceil"}
    # additive: the other keys are as before
    assert list(event) == ["clause", "rule", "kind", "facts", "points", "detail"]
    assert event["kind"] == "deduct" and type(event["kind"]) is str
    json.dumps(doc)


def test_ladder_detail_in_json_counts_and_ceilings():
    from scorelang.runtime.scorecard import LadderDetail
    D = Decimal
    detail = LadderDetail(measured=280, target=D("300"), unit="件", upward=True, percentage_points=True,
                          gap=D(20) / 3, step=D("5"), steps=D("1"), partial="floor")
    doc = render([ladder_card(detail, D("-2"))])
    got = doc["entities"][0]["tasks"][0]["sections"][0]["items"][0]["events"][0]["detail"]
    assert got["measured"] == 280 and got["direction"] == "above" and got["steps"] == "1"
    assert Decimal(got["gap"]) == D(20) / 3


def test_events_without_detail_have_no_detail_key(cards):
    doc = render(cards)
    events = [e for c in doc["entities"] for t in c["tasks"] for s in t["sections"] for i in s["items"]
              for e in i["events"]]
    assert events and all("detail" not in e for e in events)


def test_a_pending_award_and_grade_carry_status_and_candidates(cards):
    """Schema 2: a pending award is no provisional value: status, null value, the candidates;
    schema 1: null, and the flag says why. A grade likewise (with the band and clause)."""
    import attrs

    from scorelang.runtime.decision import Decision, PendingPlaces
    from scorelang.runtime.scorecard import Grade

    tied = attrs.evolve(cards[0], award=None, award_decision=Decision.pending(("一等奖", "二等奖")),
                        grade=Grade("优秀", "90 分以上", "第十条"), grade_decision=Decision.pending(("优秀", "良好")),
                        pending_task_awards=(PendingPlaces("2", 1, ("西昌市", "木里县")),))
    new, old = render([tied])["entities"][0], render([tied], schema=1)["entities"][0]
    assert new["award"] == {"status": "pending", "value": None, "candidates": ["一等奖", "二等奖"]}
    assert new["grade"] == {"status": "pending", "value": None, "candidates": ["优秀", "良好"],
                            "band": "90 分以上", "clause": "第十条"}
    assert new["pending_single_awards"] == [{"task": "2", "places": 1, "candidates": ["西昌市", "木里县"]}]
    assert old["award"] is None and old["grade"] == {"name": None, "band": "90 分以上", "clause": "第十条"}
    assert "pending_single_awards" not in old
    moved = attrs.evolve(tied, grade_decision=Decision.decided("良好"))
    assert render([moved])["entities"][0]["grade"]["value"] == "良好"
    assert render([moved], schema=1)["entities"][0]["grade"]["name"] == "良好"
    with pytest.raises(ValueError):
        render(cards, schema=3)
