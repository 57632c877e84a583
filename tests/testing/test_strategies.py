"""scorelang.testing.strategies: every drawn mapping is valid, cheap to draw, and shrinks toward
the simplest facts."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorelang.testing import strategies
from scorelang.testing.strategies import fact_value, facts_document_for, facts_for, thresholds


@pytest.fixture(scope="module", params=["2017", "sampler"])
def policy(request, policy_2017, policy_sampler):
    return policy_2017 if request.param == "2017" else policy_sampler


def test_zero_bytes_are_the_simplest_facts(policy):
    entity = strategies._EntityFacts(policy.model)
    facts = entity.from_bytes(bytes(entity.width))
    # every fact with a default is left out; every other takes its first option
    assert set(facts) == {f.name for f in policy.facts if not f.has_default}
    for decl in policy.facts:
        if decl.has_default:
            continue
        value = facts[decl.name]
        if decl.type == "count":
            assert value == (int(decl.low) if decl.low is not None else 0)
        elif decl.type == "flag":
            assert value is False
        elif decl.type == "choice":
            assert value == decl.choices[0]
        elif decl.type == "judgement":
            # "0" (did not occur) for a deduction; a score every entity is given starts at its low end
            assert value == ("0" if decl.zero_means_absent else str(decl.low.quantize(Decimal("0.01"))))
        elif decl.type == "records":
            assert value == []
    policy.evaluate(policy.entities[0], facts)  # valid


def test_an_entity_is_one_draw_that_fits_hypothesis_buffer(policy):
    entity = strategies._EntityFacts(policy.model)
    # the ranking property draws a pool of 4 entities' bytes at once
    assert 4 * entity.width <= strategies._BYTES_BUDGET
    assert strategies._entity_facts(policy.model) is strategies._entity_facts(policy.model)


@settings(max_examples=25)
@given(data=st.data())
def test_every_fact_value_is_valid_and_thresholds_are_drawn(policy, data):
    marks = thresholds(policy)
    decl = data.draw(st.sampled_from(policy.facts), label="fact")
    value = data.draw(fact_value(decl, marks.get(decl.name, ())), label="value")
    facts = data.draw(facts_for(policy), label="facts")
    policy.evaluate(policy.entities[0], {**facts, decl.name: value})


def test_marks_and_their_neighbours_are_options(policy_sampler):
    # 「平均办结天数」 高于 30: 29.99, 30.00 and 30.01 are among its values
    decl = policy_sampler.model.fact("平均办结天数")
    menu = strategies._decoder(decl, thresholds(policy_sampler)["平均办结天数"])
    values = {value_at(i) for size, value_at in menu.options if size < 10 for i in range(size)}
    assert {"29.99", "30.00", "30.01"} <= values


@settings(max_examples=10)
@given(data=st.data())
def test_a_whole_2017_document_draws_a_seed_per_entity(policy_2017, data):
    # 17 entities' bytes would not fit hypothesis's buffer: each entity is drawn from a seed
    assert 17 * strategies._entity_facts(policy_2017.model).width > strategies._BYTES_BUDGET
    document = data.draw(facts_document_for(policy_2017))
    assert list(document["entities"]) == list(policy_2017.entities)
    policy_2017.validate(document)
