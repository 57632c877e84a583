"""Public testing helpers for scorelang policies (used by scorelang's own tests and by authors').

``scorelang.testing.strategies`` holds hypothesis strategies derived from a policy
(``facts_for``, ``facts_document_for``) and helpers for property tests (``with_more``,
``deduction_counts``, ``thresholds``) and random valid policies (``policies``,
``policy_texts``, from ``policy_strategy``). It needs ``hypothesis`` (the ``test`` extra), so it
is imported on demand rather than from here.
"""
