"""The command line against docs/contracts.md: exit codes 0/1/2, the JSON shapes, no tracebacks.

Most tests run in-process with click's CliRunner; a few run ``python -m scorelang`` in a
subprocess, as a user would, to check encoding and that no traceback escapes.
"""
from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

import scorelang
from scorelang.cli import main
from scorelang.runtime.sources import read_facts_file

ROOT = Path(__file__).resolve().parents[1]
POLICY = str(ROOT / "policies" / "2017.score")
FACTS = ROOT / "examples" / "2017" / "facts.json"
TWO_PLACES = re.compile(r"^-?\d+\.\d{2}$")

# A small policy with 第六条 加分 (表彰 records), 第七条 扣分 and award effects, 第十三条 领导评分,
# a task weighed in parts for one group, bonuses, award tiers and 单项奖 — and facts for it:
# 甲 刑事处罚 (降低一个等次评奖) and two 表彰 for the same 工作; 乙 弄虚作假 "严重" (直接排名最后一位)
# and last the year before; 丙 通报批评 once.
ARTICLES = str(ROOT / "tests" / "report" / "fixtures" / "articles.score")
ARTICLES_FACTS = str(ROOT / "tests" / "report" / "fixtures" / "articles.facts.json")

needs_facts = pytest.mark.skipif(not FACTS.exists(), reason="examples/2017/facts.json not written yet")

_load = scorelang.load
_loaded: dict[tuple[str, bytes], scorelang.Policy] = {}


def _load_once(path) -> scorelang.Policy:
    """``scorelang.load``, once per file and text: a Policy is immutable once loaded."""
    try:
        key = (str(path), Path(path).read_bytes())
    except OSError:
        return _load(path)  # the real load reports it
    if key not in _loaded:
        _loaded[key] = _load(path)  # a PolicyError is raised each time, never kept
    return _loaded[key]


@pytest.fixture(autouse=True)
def policies_loaded_once(monkeypatch):
    # What these tests check is the CLI's own work — arguments, exit codes, rendering —, so
    # the in-process commands share one load of each policy (2017: 0.2 s a command);
    # loading itself is tested from tests/syntax to tests/compile, and here by the
    # subprocess tests.
    monkeypatch.setattr(scorelang, "load", _load_once)


def run(*args: str, env: dict | None = None) -> tuple[int, str, str]:
    """Invoke the CLI in-process; an exception escaping the CLI fails the test."""
    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        runner = CliRunner()
    result = runner.invoke(main, list(args), catch_exceptions=False, env=env)
    return result.exit_code, result.stdout, result.stderr


def run_process(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = dict(os.environ, PYTHONPATH=str(ROOT / "src"), **env)
    environment.pop("SCORELANG_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "scorelang", *args], capture_output=True, cwd=ROOT,
                          env=environment, timeout=120)


@pytest.fixture(scope="module")
def template() -> dict:
    code, out, err = run("template", POLICY, "--format", "json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def facts() -> dict:
    return json.loads(FACTS.read_text(encoding="utf-8"))


def write_facts(tmp_path: Path, document: dict) -> str:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


def score_json(path: str, *extra: str) -> dict:
    code, out, err = run("score", POLICY, path, "--format", "json", *extra)
    assert code == 0, err
    return json.loads(out)


# ------------------------------------------------------------------ version, check
def test_version():
    code, out, _ = run("--version")
    assert code == 0 and out.strip() == f"scorelang {scorelang.__version__}"


def test_check_good_policy():
    code, out, err = run("check", POLICY)
    assert code == 0, err
    assert "2017年度全州司法行政系统绩效考评办法" in out and "17" in out and "Traceback" not in out + err


def test_check_english():
    code, out, _ = run("check", POLICY, "--lang", "en")
    assert code == 0 and "tasks" in out and "17 entities" in out


def test_missing_policy_is_a_usage_error():
    code, _, err = run("check", "no/such.score")
    assert code == 2 and "no/such.score" in err


@pytest.mark.parametrize("breakage", ["unclosed brace", "garbage line"])
def test_broken_policy_exits_2_with_file_line_column(tmp_path, breakage):
    source = Path(POLICY).read_text(encoding="utf-8")
    text = source[: source.rfind("}")] if breakage == "unclosed brace" else source.replace("\n", "\n@@@ 扣 扣 分\n", 1)
    broken = tmp_path / "broken.score"
    broken.write_text(text, encoding="utf-8")
    for args in (("check", str(broken)), ("template", str(broken)), ("show", str(broken))):
        code, out, err = run(*args)
        assert code == 2, (args, out, err)
        assert re.search(re.escape(str(broken)) + r":\d+:\d+", err), err
        assert "Traceback" not in out + err


@needs_facts
def test_broken_policy_exits_2_when_scoring_too(tmp_path):
    broken = tmp_path / "broken.score"
    broken.write_text("考评办法 {", encoding="utf-8")
    code, _, err = run("score", str(broken), str(FACTS))
    assert code == 2 and re.search(r"broken\.score:\d+:\d+", err)


# ------------------------------------------------------------------ template
def test_template_json_contract(template):
    assert template["policy"] == "2017年度全州司法行政系统绩效考评办法"
    assert len(template["entities"]) == 17 and template["entities"][0] == "西昌市"
    keys = {"name", "type", "unit", "description", "items", "min", "max", "choices", "default"}
    for fact in template["facts"]:
        assert keys <= fact.keys(), fact
        assert fact["type"] in ("count", "number", "percent", "flag", "choice", "judgement", "records")
    read = {item for fact in template["facts"] for item in fact["items"]}
    assert {"2.1", "2.13", "4.1", "4.12"} <= read


def test_template_csv_is_a_fill_in_sheet(tmp_path, template):
    code, out, _ = run("template", POLICY, "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    scalar = [f["name"] for f in template["facts"] if f["type"] != "records" and not f.get("fields")]
    assert rows[0] == ["entity", *scalar]
    assert [r[0] for r in rows[1:]] == template["entities"]
    assert all(cell == "" for r in rows[1:] for cell in r[1:])
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(out, encoding="utf-8")
    assert read_facts_file(str(sheet)) == {"entities": {e: {} for e in template["entities"]}}


# ------------------------------------------------------------------ score
@needs_facts
def test_score_json_contract():
    doc = score_json(str(FACTS))
    assert doc["schema"] == "scorelang/scorecard-2"
    # 金阳县 and 雷波县 tie at 5th across 一等奖/二等奖: pending, with the candidates, no value
    pending = {c["entity"]: c["award"] for c in doc["entities"] if c["award"]["status"] == "pending"}
    assert pending == {e: {"status": "pending", "value": None, "candidates": ["一等奖", "二等奖"]}
                       for e in ("金阳县", "雷波县")}
    # schema 1 for consumers not yet migrated: the award a string, null while pending
    old = score_json(str(FACTS), "--schema", "1")
    assert old["schema"] == "scorelang/scorecard-1"
    assert [c["award"] for c in old["entities"]] == [c["award"]["value"] for c in doc["entities"]]
    assert all("pending_single_awards" not in c for c in old["entities"])
    assert doc["engine"] == scorelang.__version__
    assert doc["policy"]["title"] == "2017年度全州司法行政系统绩效考评办法"
    assert doc["policy"]["sha256"] == hashlib.sha256(Path(POLICY).read_text(encoding="utf-8").encode()).hexdigest()
    cards = doc["entities"]
    assert len(cards) == 17
    ranks = [c["rank"] for c in cards]
    assert ranks == sorted(ranks) and ranks[0] == 1
    totals = [Decimal(c["total"]) for c in cards]
    assert totals == sorted(totals, reverse=True)
    task_ids = {t["id"] for c in cards for t in c["tasks"]}
    for card in cards:
        assert {"entity", "total", "rank", "award", "single_awards", "flags", "tasks", "adjustments"} <= card.keys()
        assert TWO_PLACES.match(card["total"])
        assert set(card["single_awards"]) <= task_ids
        for task in card["tasks"]:
            assert all(TWO_PLACES.match(task[k]) for k in ("score", "max", "weighted", "bonus"))
            if "parts" in task:  # weighed in parts (木里县 目标任务一): "10%+5%"
                assert len(task["parts"]) > 1
                assert task["weight"] == "+".join(p["weight"] for p in task["parts"])
                for part in task["parts"]:
                    assert part["items"] and re.match(r"^\d+(\.\d+)?%$", part["weight"])
                    assert TWO_PLACES.match(part["score"]) and TWO_PLACES.match(part["weighted"])
                assert sum(Decimal(p["weighted"]) for p in task["parts"]) == Decimal(task["weighted"])
            else:
                assert re.match(r"^\d+(\.\d+)?%$", task["weight"]), task["weight"]
            for section in task["sections"]:
                for item in section["items"]:
                    assert re.match(r"^\d+\.\d+$", item["id"])
                    assert all(TWO_PLACES.match(item[k]) for k in ("score", "max", "bonus"))
                    for event in item["events"]:
                        assert {"clause", "rule", "facts", "points"} <= event.keys()
                        assert TWO_PLACES.match(event["points"]) and isinstance(event["facts"], dict)
    tasks = {t["id"]: t for t in cards[0]["tasks"]}
    assert tasks["2"]["name"] == "社区矫正" and tasks["2"]["lead"] == ["基层科"] and tasks["2"]["weight"] == "15%"


@needs_facts
def test_event_names_the_facts_it_read(tmp_path, facts):
    facts["entities"]["西昌市"]["漏管脱管人次"] = 3
    doc = score_json(write_facts(tmp_path, facts), "--entity", "西昌市")
    item = next(i for t in doc["entities"][0]["tasks"] for s in t["sections"] for i in s["items"] if i["id"] == "2.1")
    assert item["score"] == "8.50"
    assert [(e["facts"], e["points"]) for e in item["events"]] == [({"漏管脱管人次": 3}, "-1.50")]
    assert "每发现一人次扣0.5分" in item["events"][0]["rule"]


@needs_facts
def test_score_text_lists_every_entity_by_rank():
    code, out, err = run("score", POLICY, str(FACTS))
    assert code == 0, err
    doc = score_json(str(FACTS))
    names = [c["entity"] for c in doc["entities"]]
    summary_end = out.index("┏")  # the first entity's heading panel follows the ranking table
    positions = [out.index(name) for name in names]
    assert positions == sorted(positions) and positions[-1] < summary_end
    assert "2.1" in out and "4.12" in out and "Traceback" not in out + err


@needs_facts
def test_score_yaml_and_json_agree():
    yaml_path = FACTS.with_suffix(".yaml")
    if not yaml_path.exists():
        pytest.skip("examples/2017/facts.yaml not written")
    assert score_json(str(yaml_path))["entities"] == score_json(str(FACTS))["entities"]


@needs_facts
def test_entity_filter_keeps_the_rank_among_all():
    everyone = {c["entity"]: c for c in score_json(str(FACTS))["entities"]}
    only = score_json(str(FACTS), "--entity", "木里县")["entities"]
    assert [c["entity"] for c in only] == ["木里县"]
    assert only[0] == everyone["木里县"]


@needs_facts
def test_unknown_entity_option_is_a_usage_error_with_a_suggestion():
    code, out, err = run("score", POLICY, str(FACTS), "--entity", "西昌")
    assert code == 2 and "西昌市" in err and out == ""


# ------------------------------------------------------------------ articles: 第六条, 第七条, 第十三条, awards
@pytest.fixture(scope="module")
def articles() -> dict:
    code, out, err = run("score", ARTICLES, ARTICLES_FACTS, "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    return {c["entity"]: c for c in doc["entities"]} | {"_order": [c["entity"] for c in doc["entities"]]}


def test_articles_adjustments_name_their_clauses(articles):
    for entity in ("甲", "乙", "丙"):
        card = articles[entity]
        assert {a["clause"] for a in card["adjustments"]} >= {"第七条", "第十三条"}, entity
        for event in card["adjustments"]:
            assert {"clause", "rule", "kind", "facts", "points"} <= event.keys()
            assert TWO_PLACES.match(event["points"])
            assert event["kind"] in ("deduct", "award", "bonus", "zero", "floor", "cap", "note", "demote", "last")
    assert "第六条" in {a["clause"] for a in articles["甲"]["adjustments"]}
    # the policy's own arithmetic: the tasks' weighted scores plus the adjustments make the total
    for entity in ("甲", "乙", "丙"):
        card = articles[entity]
        made = sum(Decimal(t["weighted"]) for t in card["tasks"]) + sum(Decimal(a["points"]) for a in card["adjustments"])
        assert made == Decimal(card["total"]), entity


def test_articles_commendations_count_once_per_work(articles):
    commended = [a for a in articles["甲"]["adjustments"] if a["clause"] == "第六条"]
    by_work = {}
    for event in commended:
        work = next(v for k, v in event["facts"].items() if k.endswith(".工作"))
        by_work.setdefault(work, []).append(event)
    # 普法: 省级一等奖 and 州级一等奖 — only the higher counts, the other is noted at 0 points
    assert sorted((e["kind"], e["points"]) for e in by_work["普法"]) == [("bonus", "1.00"), ("note", "0.00")]
    higher = next(e for e in by_work["普法"] if e["kind"] == "bonus")
    assert any(k.endswith(".层级") and v == "省级" for k, v in higher["facts"].items())
    # 调解: 州级 未明确等级 → 视为二等奖
    assert [(e["kind"], e["points"]) for e in by_work["调解"]] == [("bonus", "0.40")]


def test_articles_leader_scores(articles):
    leaders = [a for a in articles["甲"]["adjustments"] if a["clause"] == "第十三条"]
    assert sum(Decimal(a["points"]) for a in leaders) == Decimal("2.0")  # 1.5 + 0.3 + 0.2
    assert any(a.get("reason") == "分管工作推进有力" for a in leaders)


def test_articles_ranks_and_awards_follow_the_flags(articles):
    order = articles["_order"]
    ranks = [articles[e]["rank"] for e in order]
    assert ranks == sorted(ranks) == [1, 2, 3]
    # 乙 弄虚作假 严重: 直接排名最后一位, though its total beats 丙's
    fraud = articles["乙"]
    assert [a["kind"] for a in fraud["adjustments"] if a["clause"] == "第七条"] == ["last"]
    assert fraud["rank"] == max(ranks) and order[-1] == "乙"
    assert Decimal(fraud["total"]) > Decimal(articles["丙"]["total"])
    assert any("直接排名最后一位" in f for f in fraud["flags"])
    assert any("连续两年排名最后一位" in f for f in fraud["flags"])  # last again, and last the year before
    # the others by total
    others = [articles[e] for e in order[:-1]]
    assert [Decimal(c["total"]) for c in others] == sorted((Decimal(c["total"]) for c in others), reverse=True)
    # 甲 刑事处罚: first, but its award is one tier lower (一等奖 → 二等奖), and flagged so
    crime = articles["甲"]
    assert crime["rank"] == 1 and [a["kind"] for a in crime["adjustments"] if a["clause"] == "第七条"] == ["demote"]
    assert crime["award"] == {"status": "decided", "value": "二等奖", "candidates": []}
    assert any("降低一个等次评奖" in f and "一等奖→二等奖" in f for f in crime["flags"])
    # 丙: second, 二等奖, nothing to flag (its 通报批评 only deducts)
    plain = articles["丙"]
    assert (plain["rank"], plain["award"]["value"], plain["flags"]) == (2, "二等奖", [])
    assert [(a["kind"], a["points"]) for a in plain["adjustments"] if a["clause"] == "第七条"] == [("deduct", "-1.00")]
    assert fraud["award"]["value"] == "三等奖"  # 第3名: the policy's 三等奖 covers it


def test_articles_single_awards_go_to_the_best_in_each_task(articles):
    entities = [articles[e] for e in articles["_order"]]
    task_ids = [t["id"] for t in entities[0]["tasks"]]
    for task_id in task_ids:
        def value(card, task_id=task_id):
            task = next(t for t in card["tasks"] if t["id"] == task_id)
            return Decimal(task["score"]) + Decimal(task["bonus"])
        best = max(value(c) for c in entities)
        winners = {c["entity"] for c in entities if task_id in c["single_awards"]}
        assert winners == {c["entity"] for c in entities if value(c) == best}, task_id  # 单项奖 前1名
    assert articles["甲"]["single_awards"] == ["1", "2"]


def test_articles_task_in_parts_and_bonus(articles):
    task = next(t for t in articles["甲"]["tasks"] if t["id"] == "1")  # 「特」: 第1至2项 40%, 第3项 20%
    assert task["weight"] == "40%+20%"
    assert [(p["items"], p["weight"]) for p in task["parts"]] == [("第1至2项", "40%"), ("第3项", "20%")]
    assert Decimal(task["bonus"]) > 0  # 第3项: 优秀 加0.4分, 交流人数 2 × 0.2
    assert sum(Decimal(p["weighted"]) for p in task["parts"]) == Decimal(task["weighted"])
    for entity in ("乙", "丙"):
        whole = next(t for t in articles[entity]["tasks"] if t["id"] == "1")
        assert "parts" not in whole and whole["weight"] == "60%"


def test_articles_text_report_shows_why():
    code, out, err = run("score", ARTICLES, ARTICLES_FACTS)
    assert code == 0, err
    for needle in ("〔降等〕", "〔排末位〕", "〔不计〕", "第六条", "第七条", "第十三条", "单项奖",
                   "※ 标记：", "一等奖→二等奖", "第1至2项 ", " × 40% + 第3项 ", "加分 +"):
        assert needle in out, needle
    code, out, err = run("score", ARTICLES, ARTICLES_FACTS, "--lang", "en")
    assert code == 0, err
    for needle in ("[demoted one tier]", "[ranked last]", "[not counted]", "single awards", "* flag: "):
        assert needle in out, needle


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_template_csv_leaves_out_records_with_fields(tmp_path, lang):
    code, out, err = run("template", ARTICLES, "--format", "csv", "--lang", lang)
    assert code == 0
    header = next(csv.reader(io.StringIO(out)))
    assert "表彰" not in header and "班子成员评分" not in header  # records of fields; judgement records
    assert {"主要领导评分", "刑事处罚", "弄虚作假", "通报批评次数", "a", "b"} <= set(header)
    assert "「表彰」" in err and "「班子成员评分」" in err and ("JSON" in err)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(out, encoding="utf-8")
    assert read_facts_file(str(sheet)) == {"entities": {"甲": {}, "乙": {}, "丙": {}}}


# ------------------------------------------------------------------ bad facts → exit 1
def _first(template: dict, kind: str) -> str:
    return next(f["name"] for f in template["facts"] if f["type"] == kind)


BAD_FACTS = {
    "negative count": lambda t, f: (f["entities"]["西昌市"].__setitem__(_first(t, "count"), -1), ["西昌市", _first(t, "count")]),
    "count as text": lambda t, f: (f["entities"]["西昌市"].__setitem__(_first(t, "count"), "若干"), ["西昌市", _first(t, "count")]),
    "percent 150": lambda t, f: (f["entities"]["会理县"].__setitem__(_first(t, "percent"), "150"), ["会理县", _first(t, "percent")]),
    "unknown fact": lambda t, f: (f["entities"]["西昌市"].__setitem__("不存在的事实", 1), ["西昌市", "不存在的事实"]),
    "unknown entity": lambda t, f: (f["entities"].__setitem__("火星县", dict(f["entities"]["西昌市"])), ["火星县"]),
    "missing required fact": lambda t, f: (
        f["entities"]["木里县"].pop(next(x["name"] for x in t["facts"] if x["default"] is None)),
        ["木里县", next(x["name"] for x in t["facts"] if x["default"] is None)]),
}


@needs_facts
@pytest.mark.parametrize("case", sorted(BAD_FACTS))
def test_bad_facts_exit_1_naming_entity_and_fact(tmp_path, template, facts, case):
    _, names = BAD_FACTS[case](template, facts)
    code, out, err = run("score", POLICY, write_facts(tmp_path, facts))
    assert code == 1, (out, err)
    assert out == ""  # nothing scored
    for name in names:
        assert name in err, (name, err)
    assert "Traceback" not in out + err


@needs_facts
def test_every_bad_fact_is_listed(tmp_path, template, facts):
    count, percent = _first(template, "count"), _first(template, "percent")
    facts["entities"]["西昌市"][count] = -5
    facts["entities"]["木里县"][percent] = "101"
    facts["entities"]["盐源县"]["不存在的事实"] = 1
    code, _, err = run("score", POLICY, write_facts(tmp_path, facts))
    assert code == 1
    for name in ("西昌市", count, "木里县", percent, "盐源县", "不存在的事实"):
        assert name in err


@needs_facts
def test_bad_facts_as_json_diagnostics(tmp_path, template, facts):
    count = _first(template, "count")
    facts["entities"]["西昌市"][count] = -1
    code, out, err = run("score", POLICY, write_facts(tmp_path, facts), "--format", "json")
    assert code == 1
    doc = json.loads(out)
    assert doc["errors"] >= 1
    assert any(d["entity"] == "西昌市" and d["fact"] == count for d in doc["diagnostics"])
    assert count in err


@needs_facts
def test_bad_facts_in_english(tmp_path, template, facts):
    facts["entities"]["西昌市"][_first(template, "count")] = -1
    code, _, err = run("score", POLICY, write_facts(tmp_path, facts), "--lang", "en")
    assert code == 1 and "error[" in err and "错误[" not in err


@pytest.mark.parametrize("name, content, code", [
    ("facts.json", '{"entities": {', "SL203"),
    ("facts.json", '{"西昌市": {}}', "SL204"),
    ("facts.csv", "对象,次数\n西昌市,1\n", "SL206"),
    ("facts.txt", "", "SL202"),
])
def test_unreadable_facts_file_exits_1(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    status, out, err = run("score", POLICY, str(path))
    assert status == 1 and code in err and "Traceback" not in out + err


def test_missing_facts_file_exits_1(tmp_path):
    status, _, err = run("score", POLICY, str(tmp_path / "nope.json"))
    assert status == 1 and "SL201" in err and "nope.json" in err


# ------------------------------------------------------------------ show
def test_show_lead_lists_task_four_deducting_items():
    code, out, err = run("show", POLICY, "--lead", "办公室")
    assert code == 0, err
    # 办公室 leads tasks 三, 四, 六 and 八, not 二 (基层科 alone)
    assert "目标任务四 信息化建设" in out and "目标任务二" not in out
    assert "熊国祥" in out and "2169152" in out  # the contact
    # the answer closes the output: "办公室 牵头的考评项中，可扣分的有 N 项：…" (it may wrap)
    answer = out[out.rindex("办公室 牵头的"):]
    ids = re.findall(r"\d+\.\d+", answer)
    assert {"4.2", "4.3", "4.4", "4.10", "4.11", "4.12"} <= set(ids)
    assert "4.1" not in ids  # 每有一项内容得2分: earns points, deducts none
    assert {i.split(".")[0] for i in ids} <= {"3", "4", "6", "8"}  # the tasks 办公室 leads
    assert not any(i.startswith(("2.", "5.", "7.")) for i in ids)
    assert "未开展的不得分" in out  # a deducting rule's own text


def test_show_everything():
    code, out, _ = run("show", POLICY)
    assert code == 0
    for needle in ("社区矫正", "信息化建设", "基层科", "办公室", "2.1", "4.12", "扣分项"):
        assert needle in out


def test_show_unknown_department_suggests():
    code, out, err = run("show", POLICY, "--lead", "办公")
    assert code == 2 and "办公室" in err and out == ""


# ------------------------------------------------------------------ errors never show a traceback
def test_internal_error_is_one_line_exit_3(monkeypatch):
    def boom(path):
        raise RuntimeError("boom")

    monkeypatch.setattr(scorelang, "load", boom)
    monkeypatch.delenv("SCORELANG_DEBUG", raising=False)
    code, out, err = run("check", POLICY)
    assert code == 3
    assert err.strip() == "scorelang: 内部错误 (internal error): RuntimeError: boom"


def test_internal_error_raises_under_debug(monkeypatch):
    def boom(path):
        raise RuntimeError("boom")

    monkeypatch.setattr(scorelang, "load", boom)
    with pytest.raises(RuntimeError, match="boom"):
        run("check", POLICY, env={"SCORELANG_DEBUG": "1"})


@needs_facts
def test_subprocess_bad_facts_utf8_without_traceback(tmp_path, facts):
    broken = copy.deepcopy(facts)
    broken["entities"]["火星县"] = {}
    process = run_process("score", POLICY, write_facts(tmp_path, broken), PYTHONIOENCODING="ascii")
    assert process.returncode == 1
    err = process.stderr.decode("utf-8")  # UTF-8 even though the locale asked for ASCII
    assert "火星县" in err and "Traceback" not in err


def test_subprocess_version_and_broken_policy(tmp_path):
    process = run_process("--version")
    assert process.returncode == 0 and process.stdout.decode().startswith("scorelang ")
    broken = tmp_path / "broken.score"
    broken.write_text("考评办法 \"x\" {\n  文号 \n", encoding="utf-8")
    process = run_process("check", str(broken), PYTHONIOENCODING="ascii")
    err = process.stderr.decode("utf-8")
    assert process.returncode == 2 and re.search(r"broken\.score:\d+:\d+", err) and "Traceback" not in err
