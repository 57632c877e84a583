"""Facts-file fuzz: whatever a facts file holds, ``scorelang score`` ends in exit 0 or 1, quickly,
without a traceback, and an exit-1 message says where (the file, or the entity and fact).

A valid facts file for a small policy with every fact type (fixtures/every_type.score) is
written as JSON, YAML or CSV with one thing changed: a value replaced by a hostile one (huge or
long numbers, other scripts' digits, signs and separators, deep nesting, YAML aliases and bombs,
YAML 1.1 scalars, wrong types, long or control-character text), or an unknown key at the top,
at an entity or in a judgement. Values are written as raw text in the file's own syntax, so
they reach the readers exactly as a person (or an attacker) would type them.

The default run draws a few dozen files (HYPOTHESIS_PROFILE=ci draws more).
"""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import scorelang
from scorelang.cli import main

POLICY = str(Path(__file__).resolve().parent / "fixtures" / "every_type.score")
ENTITIES = ("甲", "乙", "丙")
VALID = {
    "违规次数": "1", "金额": "250.5", "完成率": "92.5", "被通报": "否", "等级": "好",
    "酌情扣分": {"amount": "2", "reason": "未按期整改"}, "事故扣分": ["0.5", "2.5"],
    "表彰": [{"层级": "省级", "等级": "一等奖", "工作": "人民调解"}],
}
SCALAR = [name for name in VALID if name != "表彰"]  # what a CSV row can hold
QUICK = 2.0
EXAMPLES = 100 if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else 25


class Raw:
    """A value as written in each format: JSON text, YAML text, CSV cell text."""

    def __init__(self, json_text: str, yaml_text: str | None = None, cell: str | None = None, anchors: str = ""):
        self.json_text = json_text
        self.yaml_text = json_text if yaml_text is None else yaml_text
        self.cell = json_text if cell is None else cell
        self.anchors = anchors  # YAML only: lines under 默认 that define the aliases it uses

    def __repr__(self) -> str:  # hypothesis prints failing examples
        return f"Raw({self.json_text[:80]!r}, yaml={self.yaml_text[:80]!r})"


def text(value: str) -> Raw:
    return Raw(json.dumps(value, ensure_ascii=False), cell=value)


def token(value: str) -> Raw:
    """Written bare: a number token in JSON (quoted when JSON would not take it), a plain scalar in YAML."""
    try:
        json.loads(value)
        json_text = value
    except ValueError:
        json_text = json.dumps(value, ensure_ascii=False)
    return Raw(json_text, value, value)


def nested(depth: int, value: str, bracket: str) -> Raw:
    opening, closing = ("[" * depth, "]" * depth) if bracket == "[" else ('{"a": ' * depth, "}" * depth)
    return Raw(opening + value + closing, cell=opening + value + closing)


def alias_bomb(levels: int, width: int) -> Raw:
    names = [f"l{i}" for i in range(levels)]
    lines = [f"  {names[0]}: &{names[0]} [" + ",".join(['"lol"'] * width) + "]"]
    lines += [f"  {names[i]}: &{names[i]} [" + ",".join([f"*{names[i - 1]}"] * width) + "]" for i in range(1, levels)]
    return Raw(json.dumps("*" + names[-1]), f"*{names[-1]}", "*" + names[-1], anchors="\n".join(lines))


digits = st.text(st.characters(categories=["Nd", "No", "Nl"]), min_size=1, max_size=6)
numbers = st.one_of(
    st.integers(-10 ** 30, 10 ** 30).map(str),
    st.integers(0, 6000).map(lambda n: "9" * n if n else "0"),
    st.integers(-1_000_000, 1_000_000).map(lambda e: f"1e{e}"),
    st.integers(-400, 400).map(lambda e: f"1.0e{e:+d}"),
    st.integers(0, 60).map(lambda n: "0." + "1" * n if n else "0.5"),
    st.sampled_from(["1_000", "1,000", "+3", "-0", "007", "0x1F", "0o17", "1:30", ".inf", "-.inf", ".nan", "NaN",
                     "Infinity", "5.", ".5", "50%", "50%%", "%50", "１２．５", "－３", "三", "二百", "٣", "①", "³"]),
)
hostile = st.one_of(
    numbers.map(token),
    numbers.map(text),
    digits.map(text),
    st.sampled_from(["true", "false", "null", "[]", "{}", '["是"]', '{"amount": "2", "why": "x"}', '{"reason": "x"}',
                     '{"amount": [1], "reason": {"a": 1}}', '[{"层级": "省级"}]', '[1, [2, [3]]]']).map(Raw),
    st.sampled_from(["on", "off", "yes", "No", "~", "TRUE", "2017-03-01", "!!binary aGVsbG8=", "!!python/object:os.system x",
                     "&x [*x]", "*undefined", "'quoted'", '"\\x00"', "|\n      block"]).map(lambda s: Raw(json.dumps(s), s, s)),
    st.tuples(st.integers(1, 1500), st.sampled_from(["[", "{"])).map(lambda t: nested(t[0], "1", t[1])),
    st.tuples(st.integers(1, 10), st.integers(1, 12)).map(lambda t: alias_bomb(*t)),
    st.text(max_size=50).map(text),
    st.integers(0, 300_000).map(lambda n: text("字" * n)),
    st.integers(0, 3000).map(lambda n: Raw("[" + ",".join(['"2"'] * n) + "]", cell=";".join(["2"] * n))),
)

# where the hostile value goes
places = st.one_of(
    st.tuples(st.just("value"), st.sampled_from(ENTITIES), st.sampled_from(list(VALID))),
    st.tuples(st.just("unknown fact"), st.sampled_from(ENTITIES), st.text(min_size=1, max_size=20)),
    st.tuples(st.just("top"), st.just(""), st.sampled_from(["polcy", "entites", "违规次数", "说明", "默认", "comment"])),
    st.tuples(st.just("entity"), st.sampled_from(ENTITIES), st.just("")),
    st.tuples(st.just("reason"), st.sampled_from(ENTITIES), st.just("酌情扣分")),
)


def render(fmt: str, place: tuple, raw: Raw) -> str:
    kind, entity, name = place
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        columns = SCALAR + ([name] if kind == "unknown fact" and name not in SCALAR else [])
        writer.writerow(["entity", *columns])
        for each in ENTITIES:
            row = [str(VALID[c]) if c in VALID and not isinstance(VALID[c], (dict, list)) else "" for c in columns]
            row[columns.index("事故扣分")] = "0.5;2.5"
            if each == entity and kind in ("value", "unknown fact", "reason") and name in columns:
                row[columns.index(name)] = raw.cell
            writer.writerow([each, *row])
        return buffer.getvalue()
    syntax = "json_text" if fmt == "json" else "yaml_text"
    entities = []
    for each in ENTITIES:
        facts = {k: json.dumps(v, ensure_ascii=False) for k, v in VALID.items()}
        if each == entity:
            if kind == "value":
                facts[name] = getattr(raw, syntax)
            elif kind == "unknown fact":
                facts[name] = getattr(raw, syntax)
            elif kind == "reason":
                facts[name] = '{"amount": "2", "reason": ' + getattr(raw, syntax) + "}"
        body = ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {v}" for k, v in facts.items())
        value = getattr(raw, syntax) if kind == "entity" and each == entity else "{" + body + "}"
        entities.append(f"{json.dumps(each, ensure_ascii=False)}: {value}")
    top = [f'"entities": {{{", ".join(entities)}}}']
    if kind == "top":
        top.append(f"{json.dumps(name, ensure_ascii=False)}: {getattr(raw, syntax)}")
    if fmt == "json":
        return "{" + ", ".join(top) + "}"
    anchors = "默认:\n" + raw.anchors + "\n" if raw.anchors else ""
    return anchors + "\n".join(top) + "\n"


@pytest.fixture(scope="module")
def cached_policy():
    real_load, policy = scorelang.load, scorelang.load(POLICY)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(scorelang, "load", lambda path: policy if str(path) == POLICY else real_load(path))
        yield policy


def run(path: str) -> tuple[int, str, str, float]:
    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        runner = CliRunner()
    started = time.process_time()  # CPU, not wall time: parallel test workers must not fail it
    result = runner.invoke(main, ["score", POLICY, path, "--format", "json"], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr, time.process_time() - started


def test_the_base_file_scores_in_every_format(cached_policy):
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ("json", "yaml", "csv"):
            path = os.path.join(folder, f"facts.{fmt}")
            Path(path).write_text(render(fmt, ("value", "甲", "违规次数"), token("2")), encoding="utf-8")
            code, out, err, _ = run(path)
            assert code == 0, (fmt, err)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(fmt=st.sampled_from(["json", "yaml", "csv"]), place=places, raw=hostile)
def test_any_facts_file_ends_in_0_or_1_saying_where(cached_policy, fmt, place, raw):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, f"facts.{fmt}")
        Path(path).write_text(render(fmt, place, raw), encoding="utf-8")
        code, out, err, seconds = run(path)
    assert code in (0, 1), err[:3000]
    assert seconds < QUICK, seconds
    assert "Traceback" not in err and "内部错误" not in err and "Decimal(" not in err + out[:100_000]
    assert len(err) < 20_000  # a short excerpt of any value, however large
    if code == 0:
        assert json.loads(out)["entities"]
        return
    diagnostics = json.loads(out)["diagnostics"]
    assert diagnostics
    for d in diagnostics:
        assert d.get("entity") or d.get("fact") or d.get("file") or path in d["message"], d
        assert len(d["message"]) < 1000, d["message"][:1000]
