"""Hostile and odd facts files, end to end: ``scorelang score policies/2017.score FILE``
ends in exit 1 naming the file, or the entity and fact, within a couple of seconds — or scores.

Each case starts from examples/2017 and changes one thing, in JSON, YAML or CSV as the issue
reported it. The CLI runs in-process (click's CliRunner); the policy is loaded once up front so
the timing measures the facts, not the grammar's first build.
"""
from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import scorelang
from scorelang.cli import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = str(ROOT / "policies" / "2017.score")
FACTS = json.loads((ROOT / "examples" / "2017" / "facts.json").read_text(encoding="utf-8"))
QUICK = 2.0  # seconds of this process's CPU: "within a second or two", whatever else the machine runs

COUNT, FLAG, CHOICE, PERCENT, RECORDS = "漏管脱管人次", "执法不规范被曝光", "局域网状况", "执法人员培训率", "表彰记录"


@pytest.fixture(scope="module", autouse=True)
def policy_loaded_once():
    """The CLI loads policies/2017.score as always, from a cache: the runs time the facts alone."""
    real_load, policy = scorelang.load, scorelang.load(POLICY)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(scorelang, "load", lambda path: policy if str(path) == POLICY else real_load(path))
        yield


def run(path: Path, *extra: str) -> tuple[int, str, str, float]:
    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        runner = CliRunner()
    started = time.process_time()  # CPU, not wall time: a loaded machine (parallel test workers) must not fail it
    result = runner.invoke(main, ["score", POLICY, str(path), "--format", "json", *extra], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr, time.process_time() - started


def refused(path: Path, *names: str) -> str:
    """Run, and check: exit 1, quickly, every name in the message, nothing Python-ish, short."""
    code, out, err, seconds = run(path)
    assert code == 1, err[:2000]
    assert seconds < QUICK, seconds
    for name in names:
        assert name in err, (name, err[:2000])
    assert "Traceback" not in err and "内部错误" not in err and "Decimal(" not in err
    assert len(err) < 3000, err[:3000]
    return err


def scored(path: Path) -> dict:
    code, out, err, seconds = run(path)
    assert code == 0, err[:2000]
    return json.loads(out)


def json_file(tmp_path: Path, fact: str, raw_value: str, entity: str = "西昌市") -> Path:
    """examples/2017/facts.json with one value replaced by raw JSON text (a number token as written)."""
    doc = copy.deepcopy(FACTS)
    doc["entities"][entity][fact] = "@@VALUE@@"
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(doc, ensure_ascii=False).replace('"@@VALUE@@"', raw_value), encoding="utf-8")
    return path


def yaml_file(tmp_path: Path, fact: str, raw_value: str, prelude: str = "", entity: str = "西昌市") -> Path:
    """The same facts as YAML (JSON is YAML), one value written as raw YAML text."""
    doc = copy.deepcopy(FACTS)
    doc["entities"][entity][fact] = "@@VALUE@@"
    body = json.dumps(doc, ensure_ascii=False, indent=1).replace('"@@VALUE@@"', raw_value)
    path = tmp_path / "facts.yaml"
    path.write_text(prelude + "---\n" + body if prelude else body, encoding="utf-8")
    return path


def csv_file(tmp_path: Path, fact: str, cell: str, entity: str = "西昌市") -> Path:
    text = (ROOT / "examples" / "2017" / "facts.csv").read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    header = lines[0].split(",")
    column = header.index(fact)
    for number, line in enumerate(lines):
        cells = line.split(",")
        if cells[0] == entity:
            cells[column] = cell
            lines[number] = ",".join(cells)
    path = tmp_path / "facts.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def alias_bomb_yaml(tmp_path: Path, fact: str) -> Path:
    """9 levels of 9 aliases under 默认 (a key allowed for anchors), the last used as a value."""
    names = "abcdefghi"
    lines = ["默认:", '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"  {names[i]}: &{names[i]} [" + ",".join([f"*{names[i - 1]}"] * 9) + "]" for i in range(1, 9)]
    doc = copy.deepcopy(FACTS)
    if fact == RECORDS:
        doc["entities"]["西昌市"][fact] = [{"授奖层级": "州委、州人大、州政府、州政协", "等级": "一等奖", "工作": "@@VALUE@@"}]
    else:
        doc["entities"]["西昌市"][fact] = "@@VALUE@@"
    body = json.dumps(doc, ensure_ascii=False)[1:-1].replace('"@@VALUE@@"', "*i")
    path = tmp_path / "facts.yaml"
    path.write_text("\n".join(lines) + "\n" + body + "\n", encoding="utf-8")
    assert len("\n".join(lines).encode()) < 1000 and path.read_text(encoding="utf-8").count("*") == 73
    return path


# ------------------------------------------------------------------ 1. YAML alias bomb
@pytest.mark.parametrize("fact", [FLAG, CHOICE, RECORDS])
def test_alias_bomb_is_refused_naming_the_file(tmp_path, fact):
    path = alias_bomb_yaml(tmp_path, fact)
    err = refused(path, str(path), "SL218", "*i")
    assert "lol" not in err  # the expanded value is never printed


# ------------------------------------------------------------------ 2. huge counts
@pytest.mark.parametrize("raw", ['"1e999999"', "1e999999", '"1e27"', "1e27", '"1e400"', "1e400", "1000000001",
                                 '"-1e999999"', "1E+999999999"])
def test_huge_count_in_json_names_entity_and_fact(tmp_path, raw):
    refused(json_file(tmp_path, COUNT, raw), "西昌市", COUNT, "SL213")


@pytest.mark.parametrize("cell", ["1e999999", "1e27", "1e400", "1000000001"])
def test_huge_count_in_csv_names_entity_and_fact(tmp_path, cell):
    refused(csv_file(tmp_path, COUNT, cell), "西昌市", COUNT, "SL213")


@pytest.mark.parametrize("raw", ["1e999999", "1.0e+27", "1.0e+400", '"1e27"'])
def test_huge_count_in_yaml_names_entity_and_fact(tmp_path, raw):
    refused(yaml_file(tmp_path, COUNT, raw), "西昌市", COUNT, "SL213")


def test_largest_count_is_scored(tmp_path):
    doc = scored(json_file(tmp_path, COUNT, "1000000000"))
    assert any(card["entity"] == "西昌市" for card in doc["entities"])


# ------------------------------------------------------------------ 3. Python's limits
@pytest.mark.parametrize("build", [
    lambda tmp: json_file(tmp, COUNT, "9" * 4301),
    lambda tmp: json_file(tmp, COUNT, "9" * 100_000),
    lambda tmp: yaml_file(tmp, COUNT, "9" * 4301),
    lambda tmp: csv_file(tmp, COUNT, "9" * 4301),
    lambda tmp: json_file(tmp, PERCENT, "0." + "1" * 4301),
], ids=["json", "json-100k", "yaml", "csv", "json-places"])
def test_integer_beyond_pythons_digit_limit(tmp_path, build):
    refused(build(tmp_path), "西昌市", "SL213")


@pytest.mark.parametrize("build", [
    lambda tmp: json_file(tmp, COUNT, "[" * 1000 + "]" * 1000),
    lambda tmp: json_file(tmp, COUNT, "[" * 100_000),
    lambda tmp: yaml_file(tmp, COUNT, "[" * 500 + "]" * 500),
    lambda tmp: yaml_file(tmp, COUNT, "{a: " * 500 + "1" + "}" * 500),
], ids=["json-1000", "json-unclosed-100k", "yaml-500", "yaml-mappings-500"])
def test_deep_nesting_names_the_file(tmp_path, build):
    path = build(tmp_path)
    err = refused(path, str(path))
    assert "SL217" in err or "SL203" in err  # too deep, or (unclosed) a syntax error: both name the file


# ------------------------------------------------------------------ 4. one consistent reading
@pytest.mark.parametrize("fact, raw", [
    (COUNT, '"1_000"'), (COUNT, '"٣"'), (COUNT, '"+3"'), (COUNT, '"三"'), (COUNT, '"1,000"'), (COUNT, '"NaN"'),
    (PERCENT, '"50%%"'), (PERCENT, '"%50"'), (PERCENT, '"99.1234567"'), (FLAG, '"on"'), (FLAG, "2"),
    (CHOICE, "true"), (CHOICE, '"' + "未建" * 50_000 + '"'),
])
def test_lenient_readings_are_refused(tmp_path, fact, raw):
    refused(json_file(tmp_path, fact, raw), "西昌市", fact, "SL213")


@pytest.mark.parametrize("fact, raw", [(COUNT, "1_000"), (COUNT, "+3"), (COUNT, "0x1F"), (COUNT, "1:30"),
                                       (PERCENT, ".inf"), (FLAG, "on")])
def test_yaml_1_1_readings_are_refused(tmp_path, fact, raw):
    refused(yaml_file(tmp_path, fact, raw), "西昌市", fact, "SL213")


@pytest.mark.parametrize("fact, cell", [(COUNT, "1_000"), (COUNT, "٣"), (COUNT, "+3"), (PERCENT, "50%%")])
def test_lenient_readings_in_csv_are_refused(tmp_path, fact, cell):
    refused(csv_file(tmp_path, fact, cell), "西昌市", fact, "SL213")


@pytest.mark.parametrize("raw", ["1.0", '"1.0"', "1", '"１"', '"yes"', "true"])
def test_a_flag_written_as_one_is_yes(tmp_path, raw):
    doc = scored(json_file(tmp_path, FLAG, raw))
    card = next(c for c in doc["entities"] if c["entity"] == "西昌市")
    item = next(i for t in card["tasks"] for s in t["sections"] for i in s["items"]
                if any(e["facts"].get(FLAG) is not None for e in i["events"]))
    assert any(e["facts"][FLAG] in (True, "是") for e in item["events"])


@pytest.mark.parametrize("fact, raw", [(COUNT, '"３"'), (PERCENT, '"９２．５％"'), (PERCENT, '"92.5 %"')])
def test_full_width_digits_are_read_as_in_the_policy_language(tmp_path, fact, raw):
    scored(json_file(tmp_path, fact, raw))


def test_flag_refusal_shows_no_python_repr(tmp_path):
    err = refused(yaml_file(tmp_path, FLAG, "2.0"), "西昌市", FLAG)
    assert "Decimal" not in err and "'" not in err


@pytest.mark.parametrize("key", ["polcy", "漏管脱管人次", "entites"])
def test_unknown_top_level_key_names_the_file(tmp_path, key):
    doc = copy.deepcopy(FACTS)
    doc[key] = 1
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    refused(path, str(path), "SL219", key)


def test_notes_at_the_top_are_allowed(tmp_path):
    doc = copy.deepcopy(FACTS)
    doc["说明"] = "2017 年度填报"
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    scored(path)


def test_alias_bomb_as_a_user_runs_it(tmp_path):
    """The original report: `scorelang score policies/2017.score bomb.yaml` hung and grew memory."""
    path = alias_bomb_yaml(tmp_path, FLAG)
    environment = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    environment.pop("SCORELANG_DEBUG", None)
    process = subprocess.run([sys.executable, "-m", "scorelang", "score", POLICY, str(path)],
                             capture_output=True, cwd=ROOT, env=environment, timeout=60)
    err = process.stderr.decode("utf-8")
    assert process.returncode == 1 and "SL218" in err and "Traceback" not in err and len(err) < 2000
