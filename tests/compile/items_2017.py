"""The harness the item tests of policies/2017.score share (tests/compile/test_items_2017*.py).

Each of those modules scores a "clean" entity (every fact of its task(s) at its best value,
the other facts at some value the policy accepts, all built from ``policy.template()``) with
only the facts a case is about changed, and checks an item with ``check_item``: its score,
its points, its bounds, and events that explain the score. What differs from module to
module is given where its harness is built, ``ItemsHarness(...)``: the task(s), BEST and
ITEM_POINTS, which facts count as the task's and which are left out, the other facts' values,
where an item's events start from, the event kinds (and so whether bonuses may occur) and the
entity.

A test module builds its harness and takes the fixtures and ``check_item`` from it::

    HARNESS = ItemsHarness(tasks=(TASK,), item_points=ITEM_POINTS, best=BEST)
    policy, clean, run = HARNESS.fixtures()
    check_item = HARNESS.check_item

Not a test module: it is imported as ``from items_2017 import ...``. tests/compile has no
__init__.py, so pytest (default "prepend" import mode) puts tests/compile on sys.path when it
imports a test module from there, as it puts tests/ there for tests/golden_files.py.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

import pytest

import scorelang

ROOT = Path(__file__).resolve().parents[2]
POLICY_2017 = ROOT / "policies" / "2017.score"
EXAMPLES_2017 = ROOT / "examples" / "2017"
D = Decimal

MISSING = object()             # an override that removes the fact
LEAVE_OUT = object()           # what an ``others`` function returns for a fact it does not give

# The kinds of event an item may have; a module whose task grants bonuses (加…分) adds "bonus".
EVENT_KINDS = frozenset({"deduct", "award", "zero", "floor", "cap"})
BONUS = "bonus"
# Some value the policy accepts for a required fact of each type ("choice": its first choice).
VALID_BY_TYPE = {"count": 0, "number": "0", "percent": "100", "flag": False, "judgement": "0", "records": []}
_NUMERALS = dict(zip("12345678", "一二三四五六七八", strict=True))


def policy_from_env() -> Path:
    """policies/2017.score, or the file SCORELANG_POLICY names (a task's harness while it is written)."""
    return Path(os.environ.get("SCORELANG_POLICY") or POLICY_2017)


def half_up(value: Decimal) -> Decimal:
    return value.quantize(D("0.01"), rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------------------- which facts, what values

def reads_tasks(*task_ids: str) -> Callable[[dict], bool]:
    """A fact read by an item of one of these tasks ("2.5" is task "2")."""
    return lambda fact: any(item.split(".")[0] in task_ids for item in fact["items"])


def reads_items(item_ids) -> Callable[[dict], bool]:
    """A fact read by one of these items."""
    item_ids = set(item_ids)
    return lambda fact: bool(set(fact["items"]) & item_ids)


def has_default(fact: dict) -> bool:
    return fact["default"] is not None


def valid_value(fact: dict):
    """Some valid value of another task's fact; defaulted facts are left out."""
    if fact["default"] is not None:
        return LEAVE_OUT
    if fact["type"] == "choice":
        return fact["choices"][0]
    if fact["type"] == "judgement" and not fact["zero_means_absent"]:
        return fact["min"]  # a score every entity is given (第十三条): 0 is not "did not occur"
    if fact["type"] in VALID_BY_TYPE:  # records too: the template cannot tell 默认 无 from no
        return VALID_BY_TYPE[fact["type"]]  # default, and [] is valid for both
    raise AssertionError(f"clean_facts: no valid value for required {fact['type']} fact {fact['name']}")


@cache
def _example(entity: str) -> dict:
    return json.loads((EXAMPLES_2017 / "facts.json").read_text(encoding="utf-8"))["entities"][entity]


def example_values(entity: str) -> Callable[[dict], object]:
    """The facts examples/2017/facts.json gives ``entity`` (defaulted ones too); the others left out."""
    return lambda fact: _example(entity).get(fact["name"], LEAVE_OUT)


# ---------------------------------------------------------------------------- the harness

class ItemsHarness:
    """The clean facts, the fixtures and ``check_item`` of one module's task(s).

    tasks           the task ids under test, ("1",) or ("2", "4"); they name the task in messages
    item_points     every item under test and its points (ITEM_POINTS)
    best            the best value of the task's facts, by name (BEST)
    best_by_type    the best value of the task's other facts, by type; a fact of the task that
                    neither gives a value to is an error, not a guess
    entity          the entity ``run`` scores unless told another
    policy_file     the policy; by default policies/2017.score or SCORELANG_POLICY
    is_ours         which facts are the task's: by default those read by an item of ``tasks``
    leave_out       which of the task's facts the clean entity does not give (None: none of
                    them); by default the defaulted ones, whose default is their best value
    others          the value of every other fact, or LEAVE_OUT: by default ``valid_value``
    best_within     "task": every BEST name is a fact of the task that the clean entity gives;
                    "policy": every BEST name is a fact the policy declares
    start           where an item's events start from, when not from its points (0 for an
                    item scored up from 0)
    deduction_only  扣分项: scored in -points … 0 instead of 0 … points
    event_kinds     the kinds an item's events may have; with "bonus" in them (tasks 七, 八),
                    bonus events stay out of the score and must add up to ItemScore.bonus,
                    which check_item(…, bonus="0.2") expects
    assert_bonus    check_item asserts ItemScore.bonus (0 unless a bonus is expected)
    """

    def __init__(self, *, tasks: tuple[str, ...], item_points: Mapping[str, int], best: Mapping,
                 best_by_type: Mapping | None = None, entity: str = "西昌市",
                 policy_file: Path | None = None, is_ours: Callable[[dict], bool] | None = None,
                 leave_out: Callable[[dict], bool] | None = has_default,
                 others: Callable[[dict], object] = valid_value, best_within: str = "task",
                 start: Mapping[str, int] | None = None, deduction_only=frozenset(),
                 event_kinds=EVENT_KINDS, assert_bonus: bool = True) -> None:
        assert best_within in ("task", "policy"), best_within
        self.tasks = tuple(tasks)
        self.label = " and ".join(_NUMERALS.get(task, task) for task in self.tasks)
        self.item_points = item_points
        self.best = best
        self.best_by_type = best_by_type or {}
        self.entity = entity
        self.policy_file = policy_file or policy_from_env()
        self.is_ours = is_ours or reads_tasks(*self.tasks)
        self.leave_out = leave_out
        self.others = others
        self.best_within = best_within
        self.start = start or {}
        self.deduction_only = frozenset(deduction_only)
        self.event_kinds = frozenset(event_kinds)
        self.assert_bonus = assert_bonus

    def load(self) -> scorelang.Policy:
        return scorelang.load(str(self.policy_file))

    def clean_facts(self, policy) -> dict:
        """Every fact of the task at its best value (but those ``leave_out`` leaves out), every
        other fact at the value ``others`` gives it."""
        facts = {}
        names = set()
        ours = set()
        for fact in policy.template()["facts"]:
            name, kind = fact["name"], fact["type"]
            names.add(name)
            if not self.is_ours(fact):
                value = self.others(fact)
                if value is not LEAVE_OUT:
                    facts[name] = value
                continue
            if self.leave_out is not None and self.leave_out(fact):
                continue
            ours.add(name)
            if name in self.best:
                facts[name] = self.best[name]
            elif kind in self.best_by_type:
                facts[name] = self.best_by_type[kind]
            else:  # a new flag/choice/... fact of the task: say what it is, don't guess
                raise AssertionError(f"clean_facts: no best value for task {self.label} {kind} fact {name}")
        if self.best_within == "policy":
            unknown = set(self.best) - names
            assert not unknown, f"BEST names facts the policy does not declare: {sorted(unknown)}"
        else:
            unknown = set(self.best) - ours
            assert not unknown, f"BEST names facts task {self.label} does not ask for: {sorted(unknown)}"
        return facts

    def fixtures(self):
        """The fixtures ``policy`` (module), ``clean`` (module) and ``run``, to assign in a test module."""
        harness = self

        @pytest.fixture(scope="module", name="policy")
        def policy():
            return harness.load()

        @pytest.fixture(scope="module", name="clean")
        def clean(policy):
            return harness.clean_facts(policy)

        @pytest.fixture(name="run")
        def run(policy, clean):
            """run({"漏管脱管人次": 3}) → the scorecard of the clean entity with those facts changed
            (MISSING removes a fact); run(…, entity="木里县") scores another entity."""

            def _run(overrides=None, entity=harness.entity):
                facts = dict(clean)
                for name, value in (overrides or {}).items():
                    if value is MISSING:
                        facts.pop(name, None)
                    else:
                        facts[name] = value
                return policy.evaluate(entity, facts)

            return _run

        return policy, clean, run

    def check_item(self, card, item_id: str, expected, bonus="0") -> None:
        """The item's score (and bonus), and that its events explain them (floors and caps included)."""
        assert self.assert_bonus or bonus == "0", "this harness does not check bonuses"
        item = card.item(item_id)
        points = self.item_points[item_id]
        assert item.score == D(expected), f"{item_id}: {item.score} != {expected}"
        if self.assert_bonus:
            assert item.bonus == D(bonus), f"{item_id}: bonus {item.bonus} != {bonus}"
        assert item.max == points
        if item_id in self.deduction_only:
            assert -item.max <= item.score <= 0
        else:
            assert 0 <= item.score <= item.max
        for event in item.events:
            assert event.clause == item_id
            assert event.kind in self.event_kinds
            assert isinstance(event.points, Decimal)
        start = D(self.start.get(item_id, points))
        explained = start + sum((e.points for e in item.events if e.kind != BONUS), D(0))
        assert half_up(explained) == item.score, (
            f"{item_id}: events add up to {explained} from {start}, score is {item.score}: {item.events}")
        if BONUS in self.event_kinds:
            assert sum((e.points for e in item.events if e.kind == BONUS), D(0)) == item.bonus
