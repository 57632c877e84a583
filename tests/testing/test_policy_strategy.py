"""Random valid policies (``scorelang.testing.policies``): they cover every rule kind, load
without error, round-trip through the printer, keep their scores when reformatted, and satisfy
every invariant of ``scorelang.testing.properties``. Two property tests share the draws (a
policy costs a few milliseconds to load), keeping the default run fast."""
from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import scorelang
from scorelang.model import nodes as m
from scorelang.report.json import render_json
from scorelang.syntax import parse, parse_keeping_layout
from scorelang.syntax.compare import structural_diff
from scorelang.syntax.printer import format_text, print_policy
from scorelang.testing import policy_strategy
from scorelang.testing.properties import check_cohort, check_entity
from scorelang.testing.strategies import facts_document_for, policies, policy_texts

# a drawn policy is a few kilobytes of text: hypothesis's size checks are not about us
LARGE = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# drawing, printing, parsing and checking a whole policy is ~50 ms an example: 15 in a plain run,
# the CI profile's count in CI
if os.environ.get("HYPOTHESIS_PROFILE", "dev") == "dev":
    LARGE = settings(LARGE, max_examples=15)


def _rule_classes(policy: scorelang.Policy) -> set[type]:
    model = policy.model
    rules = [r for t in model.tasks for i in t.items for r in i.rules] + [r for a in model.articles for r in a.rules]
    return {type(rule.body) for rule in rules}


def test_every_rule_kind_of_the_model_has_a_generator():
    # the registry is model.nodes.RULE_CLASSES: a new rule kind fails here until it is drawn
    assert set(policy_strategy.GENERATORS) == set(m.RULE_CLASSES)


@LARGE
@given(policy_texts())
def test_random_policies_round_trip_through_the_printer(text):
    tree, layout = parse_keeping_layout(text, "random.score")
    printed = print_policy(tree, layout)
    assert structural_diff(tree, parse(printed, "random.score")) is None
    assert format_text(printed) == printed


# what a layout changes in a rule's text (shown in events and flags when no sentence is quoted)
LAYOUT = re.compile(r"#[^\n]*|[ \t\r\n\u3000，,、；;。：:]+")


def _scores(policy: scorelang.Policy, document: dict) -> dict:
    """The scored document, every text without its layout (a rule's text is shown as written)."""
    def strip(value: object) -> object:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items()}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return LAYOUT.sub("", value) if isinstance(value, str) else value
    cards = policy.score_all(document)
    return strip(render_json(cards, title=policy.title, sha256="", places=policy.places, engine_version=""))  # type: ignore[return-value]


@LARGE
@given(data=st.data())
def test_random_policies_have_every_rule_kind_the_invariants_and_their_scores_once_formatted(data):
    policy = data.draw(policies(), label="policy")
    assert _rule_classes(policy) == set(m.RULE_CLASSES)  # every rule kind, in every example
    check_entity(policy, data)
    check_cohort(policy, data)
    # and formatting it changes no score
    formatted = scorelang.loads(format_text(policy.source, "random.score"), "random.score")
    document = data.draw(facts_document_for(policy), label="facts")
    assert _scores(policy, document) == _scores(formatted, document)
