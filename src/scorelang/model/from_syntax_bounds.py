"""Caps and floors of the syntax tree → model: 最多扣 N 分 after a rule, 加分累计最多 N 分 in an
article, 考评总分 最高 N 分 最低 N 分 in the header.

``BoundsResolver`` is a mixin of ``from_syntax.Resolver`` (it uses ``self.error``). Each
method returns the model node, or None after reporting why it cannot.
"""
from __future__ import annotations

from decimal import Decimal

from .. import messages as msg
from ..diagnostics import Diagnostic
from ..messages.base import Words, related
from ..span import Span
from ..syntax import nodes as syn
from . import nodes as m

# the verb a rule cap is written with, by the effect of the rule it caps
_CAP_VERB = {m.Effect.DEDUCT: "扣", m.Effect.BONUS: "加", m.Effect.EARN: "得"}
_EFFECT_WORDS = {m.Effect.DEDUCT: "扣分", m.Effect.BONUS: "加分", m.Effect.EARN: "得分",
                 m.Effect.ZERO: "不得分", m.Effect.RANKING: "改变评奖，不加减分"}
_EFFECT_WORDS_EN = {m.Effect.DEDUCT: "deducts", m.Effect.BONUS: "adds a bonus", m.Effect.EARN: "earns points",
                    m.Effect.ZERO: "zeroes its part", m.Effect.RANKING: "changes the award, not points"}


class BoundsResolver:
    """Resolves caps and floors (mixed into ``Resolver``)."""

    def error(self, diagnostic: Diagnostic) -> None:  # provided by Resolver
        raise NotImplementedError

    def _positive(self, points: Decimal, span: Span) -> bool:
        if points > 0:
            return True
        self.error(msg.CAP_NOT_POSITIVE.at(span, points=points))
        return False

    def _rule_cap(self, clause: str, cap: syn.Cap | None, body: m.RuleBody, text: str,
                  quoted: bool) -> m.Cap | None:
        """最多扣/加/得 N 分 after a rule: the verb must be the rule's own (a deduction is capped
        by 最多扣), and only a rule that moves points has one."""
        if cap is None:
            return None
        effect: m.Effect = body.effect
        if _CAP_VERB.get(effect) != cap.verb:
            self.error(msg.CAP_VERB_MISMATCH.at(
                cap.span, cap=cap.verb, effect=Words(_EFFECT_WORDS[effect], _EFFECT_WORDS_EN[effect])))
            return None
        if not self._positive(cap.points, cap.span):
            return None
        # an unquoted rule's text is what was written, its cap included
        said = f"{text}（最多{cap.verb}{cap.points}分）" if quoted else text
        return m.Cap(cap.points, clause, said, span=cap.span)

    def _article_caps(self, article: syn.Article) -> tuple[m.Cap | None, m.Cap | None]:
        """加分累计最多 N 分 / 扣分累计最多 N 分: at most one of each."""
        found: dict[str, m.Cap] = {}
        for cap in article.caps:
            if cap.verb in found:
                what = Words(f"{article.number}的{cap.verb}分上限", f"the {cap.verb}分 cap of {article.number}")
                self.error(msg.CAP_REPEATED.at(cap.span, what=what,
                                               related=[related(found[cap.verb].span, msg.FIRST_WRITTEN_HERE)]))
                continue
            if self._positive(cap.points, cap.span):
                found[cap.verb] = m.Cap(cap.points, article.number,
                                        f"{article.title.text}：{cap.verb}分累计最多{cap.points}分", span=cap.span)
        return found.get("加"), found.get("扣")

    def _total_bounds(self, header: syn.Header) -> m.TotalBounds | None:
        """考评总分 最高 N 分 最低 N 分 依据 "…": each bound once, the upper not below the lower."""
        total = header.total
        if total is None:
            return None
        seen: dict[str, syn.Bound] = {}
        for bound in total.bounds:
            if bound.limit in seen:
                what = Words("考评总分的" + ("最高分" if bound.limit == "upper" else "最低分"),
                                 f"the total's {bound.limit} bound")
                self.error(msg.CAP_REPEATED.at(bound.span, what=what,
                                               related=[related(seen[bound.limit].span, msg.FIRST_WRITTEN_HERE)]))
                continue
            seen[bound.limit] = bound
        upper = seen["upper"].points if "upper" in seen else None
        lower = seen["lower"].points if "lower" in seen else None
        if upper is not None and lower is not None and upper < lower:
            self.error(msg.TOTAL_BOUNDS_CROSSED.at(total.span, upper=upper, lower=lower))
            return None
        return m.TotalBounds(upper, lower, total.clause.text if total.clause else None, span=total.span)
