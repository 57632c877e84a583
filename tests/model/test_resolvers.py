"""Resolution dispatches on the syntax class, through tables with no gaps."""
from __future__ import annotations

import typing

import attrs
import pytest

from scorelang.model import from_syntax_rules as rules
from scorelang.model.from_syntax import Resolver
from scorelang.span import Span
from scorelang.syntax import nodes as syn


def test_every_syntax_rule_class_has_a_resolver():
    assert set(rules.RULE_RESOLVERS) == set(typing.get_args(syn.RuleBody))


def test_every_syntax_condition_class_has_a_resolver():
    assert set(rules.CONDITION_RESOLVERS) == set(typing.get_args(syn.Condition))


def test_an_unknown_class_fails_loudly():
    @attrs.frozen
    class Unknown:
        pass

    resolver = Resolver(syn.Policy("p.score", (), (), (), (), (), (), span=Span.unknown("p.score")))
    with pytest.raises(TypeError, match="no resolver for rule Unknown"):
        resolver._rule_body("1.1", Unknown(), 0)
    with pytest.raises(TypeError, match="no resolver for condition Unknown"):
        resolver._condition("1.1", Unknown(), 0)
