"""The catalogue of diagnostics: every problem an author or a facts file can meet, in one place.

Each entry is a ``Message``: a stable name (the constant's own name), a code (``SL0xx`` reading
the policy text, ``SL1xx`` its meaning, ``SL2xx`` a facts file, ``SL3xx`` a
regression case file), a severity, and the Chinese and
English templates of the message and of its hint, with their ``str.format`` fields declared.
A code may have several entries (SL106 is about weights in six ways). Call sites name the
problem and give its fields; the words live only here::

    from scorelang import messages
    messages.WEIGHT_MISSING.at(span, ordinal="一", number=1)       # a policy (file:line:col)
    messages.FACT_REQUIRED.about("西昌市", "漏管人次", type=...)      # a facts problem (entity, fact)
    messages.FACT_UNDECLARED.at(span, name=..., hint=messages.DID_YOU_MEAN.words(name=close))

``at`` and ``about`` return a ``diagnostics.Diagnostic``; a field that reads differently in each
language is given as ``Words(zh, en)``; ``hint=`` replaces the entry's own hint, ``related=``
adds second positions (labelled with a ``Phrase`` through ``related(span, FIRST_DECLARED_HERE)``)
and ``rewrite=`` carries an exact fix as data.

To add a problem: add an entry to the module of its code range (``syntax``, ``policy``,
``facts``) with ``error(...)`` or ``warning(...)``; if its code is new, give it a line in
docs/language.md §15. tests/test_messages.py checks that every template formats with its
declared fields in both languages, that the docs list exactly the catalogue's codes, and that
no module outside this package writes a code literal.

Foundation level: imports only ``span`` and ``diagnostics``.
"""
from __future__ import annotations

from ..diagnostics import Severity
from .awards import *  # noqa: F401,F403  (SL410–SL419, SL440–SL449: quotas, awards as the policy defines them)

# re-exported: call sites write messages.Words, messages.related, …
from .base import Message as Message
from .base import Phrase as Phrase
from .base import Words as Words
from .base import phrase as phrase
from .base import related as related
from .base import template_fields as template_fields
from .cases import *  # noqa: F401,F403  (SL3xx)
from .cohort import *  # noqa: F401,F403  (SL18x)
from .derived import *  # noqa: F401,F403  (SL19x: derived values, 个百分点, unit words)
from .facts import *  # noqa: F401,F403  (SL2xx)
from .grades import *  # noqa: F401,F403  (SL145–SL149: grades, 等次)
from .incidents import *  # noqa: F401,F403  (SL420–SL429, SL220–SL229: incident records)
from .outcomes import *  # noqa: F401,F403  (SL400–SL409: outcome effects, 一票否决)
from .outputs import *  # noqa: F401,F403  (SL430–SL439: outputs, 输出)
from .policy import *  # noqa: F401,F403  (SL1xx)
from .scales import *  # noqa: F401,F403  (SL1xx: scales, caps of sections and tasks, open choices)
from .syntax import *  # noqa: F401,F403  (SL0xx)

# ------------------------------------------------------------------ phrases shared by stages
DID_YOU_MEAN = phrase("DID_YOU_MEAN", "name", "是不是「{name}」？", "did you mean 「{name}」?")
FIRST_WRITTEN_HERE = phrase("FIRST_WRITTEN_HERE", "", "第一次写在这里", "first written here")
FIRST_DECLARED_HERE = phrase("FIRST_DECLARED_HERE", "", "第一次声明在这里", "first declared here")
FIRST_DEFINED_HERE = phrase("FIRST_DEFINED_HERE", "", "第一次定义在这里", "first defined here")
DECLARED_HERE = phrase("DECLARED_HERE", "", "声明在这里", "declared here")
OTHER_LINE_HERE = phrase("OTHER_LINE_HERE", "", "另一行在这里", "the other line is here")
BLOCK_OPENS_HERE = phrase("BLOCK_OPENS_HERE", "", "此块在这里打开", "the block opens here")
#: the hint of a syntax error whose exact fix parses (the fix is also Diagnostic.rewrite)
REWRITE = phrase("REWRITE", "fixed", "应写作：{fixed}", "write it as: {fixed}")

#: every entry by name: what the tests and the docs are checked against
CATALOGUE: dict[str, Message] = {v.name: v for v in list(globals().values()) if isinstance(v, Message)}
PHRASES: dict[str, Phrase] = {v.name: v for v in list(globals().values()) if isinstance(v, Phrase)}


def codes() -> dict[str, set[Severity]]:
    """Every code of the catalogue, with the severities its entries have."""
    out: dict[str, set[Severity]] = {}
    for entry in CATALOGUE.values():
        out.setdefault(entry.code, set()).add(entry.severity)
    return dict(sorted(out.items()))


def did_you_mean(name: str | None) -> Words | None:
    """The "did you mean" hint for a close name found, or None (keep the entry's own hint)."""
    return None if not name else DID_YOU_MEAN.words(name=name)


__all__ = [n for n in list(globals()) if not n.startswith("_")]
