"""The diagnostic codes a policy text gets, for tests that check which problems ``check`` finds.

``error_codes`` expects the policy to be refused; ``codes`` gives its errors when refused, else its
warnings, leaving out the codes a small test policy gets for reasons beside the point (by default
SL110, a declared fact no rule reads).
"""
from __future__ import annotations

import pytest

import scorelang
from scorelang.policy import loads


def error_codes(text: str) -> list[str]:
    """The codes of the errors that refuse ``text`` (the test fails if it loads)."""
    with pytest.raises(scorelang.PolicyError) as err:
        loads(text)
    return [d.code for d in err.value.diagnostics]


def codes(text: str, ignore: tuple[str, ...] = ("SL110",)) -> list[str]:
    """The codes of the errors refusing ``text``, or of its warnings (less ``ignore``) if it loads."""
    try:
        policy = loads(text)
    except scorelang.PolicyError as err:
        return [d.code for d in err.diagnostics]
    return [d.code for d in policy.warnings if d.code not in ignore]
