"""A rule kind is complete in every stage, or a test here says which step is missing.

Each test is one step of docs/architecture.md's checklist "Adding a rule kind": the syntax
node written in the sampler (tests/policies/sampler.score) and parsed by the grammar, its
resolver, its model class with its effect, its compiler (tests/compile/test_rules.py), the
facts it reads, its row in docs/language.md. The last tests show the failure a hand-kept
list of rule classes allowed — a new kind's bonus silently dropped — is gone: a class the
model does not know, or one that does not say what it does, fails loudly.
"""
from __future__ import annotations

import re
import typing
from decimal import Decimal as D
from pathlib import Path

import attrs
import pytest

from scorelang.compile import compile_policy
from scorelang.compile import rules as compiled_rules
from scorelang.model import from_syntax_rules
from scorelang.model import nodes as m
from scorelang.model.from_syntax_value_grades import GRADED
from scorelang.runtime.scorecard import EventKind, new_event
from scorelang.syntax import nodes as syn
from scorelang.syntax import parse

ROOT = Path(__file__).resolve().parents[1]
SAMPLER = ROOT / "tests" / "policies" / "sampler.score"
LANGUAGE_DOC = ROOT / "docs" / "language.md"
ARCHITECTURE_DOC = ROOT / "docs" / "architecture.md"

SYNTAX_RULE_CLASSES = set(typing.get_args(syn.RuleBody))
MODEL_RULE_CLASSES = set(m.RULE_CLASSES)


def syntax_rules(tree: syn.Policy) -> list[syn.Rule]:
    """Every rule written in a policy: in items, their parts and occasions, and articles."""
    found = []
    for task in tree.tasks:
        for section in task.sections:
            for item in section.items:
                found.extend(item.rules)
                for block in item.parts + item.occasions:
                    found.extend(block.rules)
    for article in tree.articles:
        found.extend(article.rules)
    return found


def model_rules(policy: m.Policy) -> list[m.Rule]:
    found = [rule for task in policy.tasks for item in task.items for rule in item.rules]
    return found + [rule for article in policy.articles for rule in article.rules]


@pytest.fixture(scope="module")
def sampler_tree() -> syn.Policy:
    return parse(SAMPLER.read_text(encoding="utf-8"), str(SAMPLER))


# ------------------------------------------------------------------ step 1–3: syntax node, grammar, from_lark
def test_sampler_writes_every_syntax_rule_kind(sampler_tree):
    # a new syntax rule class (syntax.nodes.RuleBody) must be written in the sampler, which
    # only parses into it once the grammar has its rule and from_lark its method
    written = {type(rule.body) for rule in syntax_rules(sampler_tree)}
    assert written == SYNTAX_RULE_CLASSES, f"not in tests/policies/sampler.score: {SYNTAX_RULE_CLASSES - written}"
    # 若 … 扣「评定」 as well as 扣「评定」
    assert {rule.body.condition is None for rule in syntax_rules(sampler_tree) if isinstance(rule.body, syn.Judged)} \
        == {True, False}


# ------------------------------------------------------------------ step 4: resolver
def test_every_syntax_rule_of_the_sampler_resolves(sampler_tree, policy_sampler):
    # each rule written resolves to exactly one model rule: none is dropped on the way
    assert len(model_rules(policy_sampler.model)) == len(syntax_rules(sampler_tree))
    assert not policy_sampler.warnings


def test_the_resolver_table_covers_every_syntax_rule_class():
    # the checklist's step 4: RULE_RESOLVERS is the table resolution dispatches through
    assert set(from_syntax_rules.RULE_RESOLVERS) == SYNTAX_RULE_CLASSES


# ------------------------------------------------------------------ step 5: model class and its effect
def test_rule_classes_are_the_rule_union():
    assert m.RULE_CLASSES == typing.get_args(m.RuleBody)
    for cls in m.RULE_CLASSES:
        assert attrs.has(cls) and cls.__setattr__ is not object.__setattr__, f"{cls.__name__} is not attrs frozen"


@pytest.mark.parametrize("cls", m.RULE_CLASSES, ids=lambda c: c.__name__)
def test_every_rule_class_declares_its_effect(cls):
    own = vars(cls)
    assert "effect" in own, f"{cls.__name__} declares no effect (class data or a property)"
    assert isinstance(own["effect"], (m.Effect, property)), cls.__name__
    if "places" in own:  # where the class narrows the places its effect allows
        assert isinstance(cls.places, frozenset) and cls.places and cls.places <= m.ALL_PLACES, cls.__name__
    assert re.search(r"[\u4e00-\u9fff]", cls.__doc__ or ""), f"{cls.__name__}'s docstring quotes no phrase"


def test_every_effect_says_where_it_is_allowed():
    assert set(m._EFFECT_PLACES) == set(m.Effect)
    for effect in m.Effect:
        assert effect.places and effect.places <= m.ALL_PLACES, effect


def test_sampler_holds_every_rule_class_and_effect(policy_sampler, policy_2017):
    def kinds(model):
        return {(type(rule.body), rule.effect) for rule in model_rules(model)}
    sampler = kinds(policy_sampler.model)
    assert {cls for cls, _ in sampler} == MODEL_RULE_CLASSES
    assert {effect for _, effect in sampler} == set(m.Effect)
    # whatever the 2017 policy writes, the sampler writes too
    assert kinds(policy_2017.model) <= sampler


def test_every_rule_answers_its_effect(policy_sampler, policy_2017):
    for model in (policy_sampler.model, policy_2017.model):
        for rule in model_rules(model):
            assert isinstance(rule.effect, m.Effect), rule
            assert rule.can_deduct == (rule.effect in (m.Effect.DEDUCT, m.Effect.ZERO))
            assert rule.earns == (rule.effect is m.Effect.EARN)
            assert rule.bonus == (rule.effect is m.Effect.BONUS)


NOWHERE = {"span": None}


def test_effects_follow_the_rules_sign():
    cond = m.FlagIs("f", **NOWHERE)
    assert m.PerOccurrence("n", D(1), -1, **NOWHERE).effect is m.Effect.DEDUCT
    assert m.PerOccurrence("n", D(1), 1, **NOWHERE).effect is m.Effect.EARN
    assert m.PerOccurrence("n", D(1), 1, True, **NOWHERE).effect is m.Effect.BONUS
    assert m.Fixed(cond, D(1), -1, **NOWHERE).effect is m.Effect.DEDUCT
    assert m.Fixed(cond, D(1), 1, **NOWHERE).effect is m.Effect.EARN
    assert m.Fixed(cond, D(1), 1, True, **NOWHERE).effect is m.Effect.BONUS
    assert m.Judgement("j", None, False, **NOWHERE).effect is m.Effect.DEDUCT
    assert m.Judgement("j", None, False, 1, **NOWHERE).effect is m.Effect.BONUS


def test_places_are_read_from_class_and_effect():
    def rule(body):
        return m.Rule("1.1", "t", body, False, **NOWHERE)
    cond = m.FlagIs("f", **NOWHERE)
    ladder = m.Ladder("p", D(100), False, D(5), D(1), "ceil", **NOWHERE)
    assert rule(ladder).allowed_in(m.Place.DEDUCTION_ITEM)
    assert not rule(ladder).allowed_in(m.Place.ARTICLE)  # a ladder's class keeps it out of articles
    assert not rule(m.Zero(cond, **NOWHERE)).allowed_in(m.Place.ARTICLE)
    assert not rule(m.Zero(cond, **NOWHERE)).allowed_in(m.Place.DEDUCTION_ITEM)
    assert not rule(m.Fixed(cond, D(1), 1, **NOWHERE)).allowed_in(m.Place.ARTICLE)
    assert rule(m.Fixed(cond, D(1), 1, True, **NOWHERE)).allowed_in(m.Place.ARTICLE)
    assert not rule(m.AwardEffect(cond, "demote", **NOWHERE)).allowed_in(m.Place.ITEM)
    assert rule(m.AwardEffect(cond, "last", **NOWHERE)).allowed_in(m.Place.ARTICLE)


# ------------------------------------------------------------------ step 6: compile (see also tests/compile/test_rules.py)
def test_every_rule_class_has_a_compiler():
    assert set(compiled_rules._COMPILERS) == MODEL_RULE_CLASSES


def test_every_effect_but_ranking_has_an_event_kind():
    assert set(compiled_rules._EVENT_KINDS) == set(m.Effect) - {m.Effect.RANKING}


# ------------------------------------------------------------------ step 7: the facts a rule reads
@pytest.mark.parametrize("which", ["sampler", "2017"])
def test_facts_read_are_the_facts_the_resolver_saw(which, policy_sampler, policy_2017):
    # m.facts_read finds a rule's facts by the fields declared with _fact(); the resolver
    # records, for each fact, the items and articles that read it (FactDecl.items). They
    # agree only if every field of every rule and condition class that names a fact says so.
    model = (policy_sampler if which == "sampler" else policy_2017).model
    walked: dict[str, set[str]] = {}
    for task in model.tasks:
        for item in task.items:
            for part in item.parts:
                per_occasion = dict(part.occasion_facts)
                for rule in part.rules:
                    for name in rule.facts:
                        for declared in per_occasion.get(name, (name,)):
                            walked.setdefault(declared, set()).add(item.id)
    for article in model.articles:
        for rule in article.rules:
            for name in rule.facts:
                walked.setdefault(name, set()).add(article.id)
    for grades in model.value_grades:  # 等次 「结案数」 { … } reads its value under 等次 (§22.1)
        if grades.value is not None:
            for name in m.facts_read(grades.value):
                walked.setdefault(name, set()).add(GRADED)
    previous_last = model.awards.previous_last if model.awards else None
    recorded = {f.name: set(f.items) - {"第十八条"} for f in model.facts if f.name != previous_last}
    assert walked == {name: items for name, items in recorded.items() if items}


def test_facts_read_walks_conditions_and_both_sides_of_a_comparison():
    comparisons = m.AnyOf((m.Compare("b", "gt", D(1), **NOWHERE), m.CompareFacts("c", "lt", "d", **NOWHERE)),
                          **NOWHERE)
    cond = m.AllOf((m.FlagIs("a", **NOWHERE), m.Negation(comparisons, **NOWHERE), m.FlagIs("a", **NOWHERE)), **NOWHERE)
    assert m.facts_read(m.Judgement("j", cond, False, **NOWHERE)) == ("j", "a", "b", "c", "d")
    fixed = m.Fixed(m.FlagIs("a", **NOWHERE), D(1), -1, **NOWHERE)
    assert m.facts_read(m.Rule("1.1", "t", fixed, False, **NOWHERE)) == ("a",)


# ------------------------------------------------------------------ step 8: docs
def documented_rule_kinds() -> dict[str, set[str]]:
    """The table of docs/language.md §8.11: model class → the effects its row names."""
    text = LANGUAGE_DOC.read_text(encoding="utf-8")
    section = text[text.index("### 8.11"):]
    table = section[section.index("| 模型类"):]
    table = table[:table.index("\n\n")]
    rows = re.findall(r"^\| `(\w+)` \|[^|]*\| ([^|]*) \|", table, flags=re.MULTILINE)
    return {name: set(re.findall(r"`(\w+)`", effects)) for name, effects in rows}


def test_language_doc_lists_every_rule_kind_with_its_effects(policy_sampler):
    documented = documented_rule_kinds()
    assert set(documented) == {cls.__name__ for cls in m.RULE_CLASSES}
    answered: dict[str, set[str]] = {}
    for rule in model_rules(policy_sampler.model):
        answered.setdefault(type(rule.body).__name__, set()).add(rule.effect.value)
    assert documented == answered


# ------------------------------------------------------------------ the failure mode is gone
@attrs.frozen
class Doubled:
    """A rule kind a developer is adding: 每「x」加2分, twice over (bonus)."""

    fact: str = attrs.field(metadata={"fact": True})
    span: object = attrs.field(default=None, eq=False, repr=False, kw_only=True)


def _compile_doubled(rule, body, rename, decls):
    name = rename(body.fact)

    def step(facts, events):
        if facts[name]:
            events.append(new_event(clause=rule.clause, rule=rule.text, kind=EventKind.BONUS,
                                    facts=((name, facts[name]),), points=D(2), span=rule.span))
        return compiled_rules.ZERO  # a bonus stays out of the item's points
    return step


def quiet_facts(model: m.Policy) -> dict:
    values = {"count": 0, "percent": "100", "number": "0", "flag": False, "judgement": "0", "records": []}
    return {f.name: _quiet_ratings(f) if f.type == "ratings" else values.get(f.type, f.choices[0] if f.choices else None)
            for f in model.facts if not f.has_default}


def _quiet_ratings(fact: m.FactDecl) -> list:
    """No rating where none is allowed, else the fewest ratings of 0 the aggregation takes."""
    rule = fact.ratings
    if rule.empty_value is not None:
        return []
    if rule.group_field:
        return [{"分": "0", rule.group_field: group} for group, _ in rule.weights]
    return ["0"] * rule.needed


def with_rule(model: m.Policy, body) -> m.Policy:
    """The model with one more rule in item 1.1 (a plain 每…扣 item with no bonus)."""
    task = model.tasks[0]
    section = task.sections[0]
    item = section.items[0]
    assert item.id == "1.1" and not any(rule.bonus for rule in item.rules)
    part = item.parts[0]
    part = attrs.evolve(part, rules=part.rules + (m.Rule("1.1", "每「违规次数」加2分（新规则）", body, False, **NOWHERE),))
    item = attrs.evolve(item, parts=(part,) + item.parts[1:])
    section = attrs.evolve(section, items=(item,) + section.items[1:])
    task = attrs.evolve(task, sections=(section,) + task.sections[1:])
    return attrs.evolve(model, tasks=(task,) + model.tasks[1:])


def test_a_rule_class_outside_the_union_is_refused(policy_sampler):
    with pytest.raises(TypeError, match="Doubled is not a rule class"):
        with_rule(policy_sampler.model, Doubled("违规次数"))


def test_a_registered_rule_class_without_an_effect_fails_loudly(policy_sampler, monkeypatch):
    monkeypatch.setattr(m, "RULE_CLASSES", m.RULE_CLASSES + (Doubled,))
    monkeypatch.setitem(compiled_rules._COMPILERS, Doubled, _compile_doubled)
    model = with_rule(policy_sampler.model, Doubled("违规次数"))
    with pytest.raises(TypeError, match="Doubled declares no effect"):
        compile_policy(model)
    assert not hasattr(Doubled, "effect")  # what the completeness test above would catch first


def test_a_new_bonus_kind_that_declares_its_effect_keeps_its_bonus(policy_sampler, monkeypatch):
    # the failure this replaces: a new class left out of Rule.bonus's hand-kept list scored
    # its +2 event but the item's bonus stayed 0. Declaring the effect is all it takes now.
    monkeypatch.setattr(Doubled, "effect", m.Effect.BONUS, raising=False)
    monkeypatch.setattr(m, "RULE_CLASSES", m.RULE_CLASSES + (Doubled,))
    monkeypatch.setitem(compiled_rules._COMPILERS, Doubled, _compile_doubled)
    model = with_rule(policy_sampler.model, Doubled("违规次数"))
    facts = quiet_facts(model) | {"违规次数": 1}
    typed = policy_sampler.validate({"entities": {e: facts for e in model.entities}})
    card = compile_policy(model).evaluate("甲", typed["甲"])
    item = card.item("1.1")
    assert [e.points for e in item.events if e.kind == "bonus"] == [D(2)]
    assert item.bonus == D(2)
    assert item.score == D(8)  # 10 − 2 for the one 违规, the bonus beyond it
    assert card.task("1").bonus == D(2)


# ------------------------------------------------------------------ the checklist itself
def test_the_checklist_names_tests_that_exist():
    text = ARCHITECTURE_DOC.read_text(encoding="utf-8")
    section = text[text.index("## Adding a rule kind"):]
    section = section[:section.index("\n## ")]
    assert len(re.findall(r"^\d+\. \*\*", section, flags=re.MULTILINE)) == 10  # step 10: the printer entry and the random-policy generator
    named, module = [], None
    for path, test in re.findall(r"`(tests/[\w/]+\.py)?::(\w+)(?:\[\w+\])?`", section):
        module = path or module  # `::name` continues the file named before it
        named.append((module, test))
    named += [("src/scorelang/testing/invariants.py", name) for name in re.findall(r"`(\w+_\w+)`", section)
              if name in ("items_are_what_their_events_add_up_to", "events_record_what_their_rule_does")]
    assert len(named) >= 15
    for path, test in named:
        source = (ROOT / path).read_text(encoding="utf-8")
        assert re.search(rf"^def {test}\(", source, flags=re.MULTILINE), f"{path}::{test} does not exist"
