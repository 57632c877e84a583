"""A case file can expect a pending award or grade and its candidates (docs/testing.md, §23.4):
金阳县 and 雷波县 tie at 5th across 一等奖/二等奖 in the 2017 example facts."""
from __future__ import annotations

from pathlib import Path

from scorelang.testing.cases import read_case_file, run_cases

ROOT = Path(__file__).resolve().parents[2]
FACTS = ROOT / "examples" / "2017" / "facts.json"
CASE = """policy: {policy}
cases:
  - name: "第十六条 并列跨越奖项界限 待认定"
    source: "并列跨越奖项界限时，由州局考评领导小组认定"
    facts_file: {facts}
    entities:
      金阳县:
        expect: {{rank: 5, award: {{name: null, status: pending, candidates: [一等奖, 二等奖]}}}}
      雷波县:
        expect: {{award: {{status: pending, candidates: [{candidates}]}}}}
      会东县:
        expect: {{rank: 4, award: {{name: 一等奖, status: decided, candidates: []}}}}
"""


def _failures(policy, tmp_path, candidates):
    path = tmp_path / "pending.cases.yaml"
    path.write_text(CASE.format(policy=ROOT / "policies" / "2017.score", facts=FACTS, candidates=candidates),
                    encoding="utf-8")
    (result,) = run_cases(policy, [read_case_file(str(path))])
    return [(f.entity, f.what, f.expected, f.actual) for f in result.failures]


def test_a_pending_award_and_its_candidates_are_expected(policy_2017, tmp_path):
    assert _failures(policy_2017, tmp_path, "一等奖, 二等奖") == []


def test_wrong_candidates_fail_naming_both_lists(policy_2017, tmp_path):
    assert _failures(policy_2017, tmp_path, "二等奖") == [
        ("雷波县", "award candidates", "[二等奖]", "[一等奖, 二等奖]")]


def test_expecting_a_decided_award_of_a_pending_one_says_it_is_pending(policy_2017, tmp_path):
    path = tmp_path / "decided.cases.yaml"
    path.write_text(f"policy: {ROOT / 'policies' / '2017.score'}\ncases:\n  - name: x\n    facts_file: {FACTS}\n"
                    "    entities:\n      金阳县:\n        expect: {award: 一等奖}\n", encoding="utf-8")
    (result,) = run_cases(policy_2017, [read_case_file(str(path))])
    assert [(f.what, f.actual) for f in result.failures] == [("award", "null（待认定：一等奖/二等奖）")]
