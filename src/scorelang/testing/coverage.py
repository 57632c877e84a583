"""Rule coverage: which rules of a policy some case made fire, and which it saw stay quiet.

Every rule of every item and article has two branches: **fired** (a case produced an event
from it that changed something: points, 不得分, an award effect) and **not fired** (a case
scored the rule's item or article and the rule changed nothing) — but a rule that fires for
every entity (an unconditional judgement whose least value is above 0) has only the first. A condition, a ladder or a
count each has both; a report lists every rule with its two branches, like a line coverage
report, and the share of branches covered. Events are matched to rules by the rule's span in
the .score file, so coverage needs nothing but the public scorecards.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from decimal import Decimal

import attrs

from ..model import nodes as m
from ..runtime.scorecard import Event, Scorecard

#: event kinds that record a rule considered but changing nothing
QUIET_KINDS = frozenset({"note"})


@attrs.define
class RuleTarget:
    """One rule and what the cases made of it."""

    clause: str
    text: str
    line: int
    key: tuple[str, int, int]
    fired: int = 0
    quiet: int = 0
    always: bool = False  # it fires for every entity: its "not fired" branch cannot be reached

    @property
    def branches(self) -> int:
        return 1 if self.always else 2

    @property
    def covered(self) -> int:
        return (self.fired > 0) + (self.quiet > 0 and not self.always)


class RuleCoverage:
    """Collects coverage over many scorecards (``observe``), then reports it."""

    def __init__(self, policy: m.Policy) -> None:
        self.file = policy.file
        self._facts = {f.name: f for f in policy.facts}
        self.targets: list[RuleTarget] = []
        self._by_key: dict[tuple[str, int, int], RuleTarget] = {}
        self._by_clause: dict[str, list[RuleTarget]] = {}
        for task in policy.tasks:
            for section in task.sections:
                for item in section.items:
                    for part in item.parts:
                        for rule in part.rules:
                            self._add(item.id, rule)
        self._articles = tuple(article.id for article in policy.articles)
        for article in policy.articles:
            for rule in article.rules:
                self._add(article.id, rule)

    def _add(self, clause: str, rule: m.Rule) -> None:
        key = (rule.span.file, rule.span.start, rule.span.end)
        if key in self._by_key:
            return
        target = RuleTarget(clause, rule.text, rule.span.line, key, always=_always_fires(rule, self._facts))
        self.targets.append(target)
        self._by_key[key] = target
        self._by_clause.setdefault(clause, []).append(target)

    def observe(self, cards: Sequence[Scorecard]) -> None:
        """Count, for every rule of every item and article these scorecards score, whether it fired."""
        for card in cards:
            for task in card.tasks:
                for section in task.sections:
                    for item in section.items:
                        self._clause(item.id, item.events)
            by_clause: dict[str, list[Event]] = {}
            for event in card.adjustments:
                by_clause.setdefault(event.clause, []).append(event)
            for clause in self._articles:
                self._clause(clause, by_clause.get(clause, ()))

    def _clause(self, clause: str, events: Sequence[Event]) -> None:
        fired = {(e.span.file, e.span.start, e.span.end) for e in events
                 if e.span is not None and e.kind not in QUIET_KINDS}
        for target in self._by_clause.get(clause, ()):
            if target.key in fired:
                target.fired += 1
            else:
                target.quiet += 1

    # -------------------------------------------------------------- the report
    @property
    def branches(self) -> int:
        return sum(t.branches for t in self.targets)

    @property
    def covered(self) -> int:
        return sum(t.covered for t in self.targets)

    @property
    def percent(self) -> Decimal:
        if not self.targets:
            return Decimal(100)
        return (Decimal(100) * self.covered / self.branches).quantize(Decimal("0.01"))

    def missing(self) -> list[tuple[RuleTarget, str]]:
        """Every branch no case reached: (rule, "fired" | "not fired")."""
        out = []
        for t in self.targets:
            if not t.fired:
                out.append((t, "fired"))
            if not t.quiet and not t.always:
                out.append((t, "not fired"))
        return out

    def render(self, *, show_all: bool = True, width: int = 48) -> str:
        """The report: one line per rule (``✓``/``✗`` per branch), then the total."""
        header = (f"{_pad('条款 clause', 12)} {'行 line':>7}  {_pad('触发 fired', 12)} "
                  f"{_pad('未触发 not fired', 18)} 规则 (rule)")
        lines = [f"规则覆盖 (rule coverage): {self.file}", header]
        for t in self.targets:
            if not show_all and t.covered == t.branches:
                continue
            text = t.text if len(t.text) <= width else t.text[: width - 1] + "…"
            quiet = "— (always fires)" if t.always else _mark(t.quiet)
            lines.append(f"{_pad(t.clause, 12)} {t.line:>7}  {_pad(_mark(t.fired), 12)} {_pad(quiet, 18)} {text}")
        lines.append(f"合计 (total): {len(self.targets)} 条规则, {self.branches} 个分支, "
                     f"已覆盖 {self.covered} ({self.percent}%)")
        return "\n".join(lines)


def _always_fires(rule: m.Rule, facts: dict[str, m.FactDecl]) -> bool:
    """A rule with no condition reading one required amount whose least value is above 0 (a
    score every entity is given, such as a leader's 0.5–2 points): it changes the score for
    every entity, so only its "fired" branch counts."""
    body = rule.body
    if not isinstance(body, m.Judgement) or body.condition is not None or rule.condition is not None or body.records:
        return False
    decl = facts.get(body.fact)
    return decl is not None and not decl.has_default and decl.low is not None and decl.low > 0


def _pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` columns, a CJK character taking two."""
    used = sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)
    return text + " " * max(0, width - used)


def _mark(count: int) -> str:
    return f"✓ {count}" if count else "✗"
