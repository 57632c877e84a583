"""Scales and the caps of sections and tasks, syntax tree → model: 满分 1000 分 按原分计入,
各目标任务得分相加, 基础分 0 分, 部分 … 折算为百分制, 本部分扣分最多 N 分, 本任务加分累计最多 N 分.

``ScalesResolver`` is a mixin of ``from_syntax.Resolver`` (it uses ``self.error``). Each method
returns model values, after reporting what it cannot read.
"""
from __future__ import annotations

from decimal import Decimal

from .. import messages as msg
from ..diagnostics import Diagnostic
from ..messages.base import Words
from ..numbers import chinese_ordinal
from ..syntax import nodes as syn
from . import nodes as m


class ScalesResolver:
    """Resolves scales, base-zero scoring and caps of sections and tasks (mixed into ``Resolver``)."""

    def error(self, diagnostic: Diagnostic) -> None:  # provided by Resolver
        raise NotImplementedError

    def _once(self, found: tuple[syn.ScaleDecl, ...] | tuple[syn.BaseScore, ...] | tuple[syn.TasksSummed, ...],
              what: Words) -> None:
        for extra in found[1:]:
            self.error(msg.SCALE_REPEATED.at(extra.span, what=what))

    def _base_zero(self, bases: tuple[syn.BaseScore, ...], where: str) -> bool:
        """基础分 0 分: only 0 (from zero up); written once."""
        self._once(bases, Words(f"{where}的基础分", f"the base score of {where}"))
        if not bases:
            return False
        if bases[0].points != 0:
            self.error(msg.BASE_NOT_ZERO.at(bases[0].span, points=bases[0].points))
            return False
        return True

    def _positive_scale(self, decl: syn.ScaleDecl) -> bool:
        if decl.points > 0:
            return True
        self.error(msg.SCALE_NOT_POSITIVE.at(decl.span, points=decl.points))
        return False

    def _policy_scale(self, header: syn.Header, weighted: bool) -> tuple[m.Scale, bool, bool]:
        """满分 N 分 依据 "…", 各目标任务得分相加 (no weights then) and 基础分 0 分, in the header."""
        self._once(header.scales, Words("考评总分的满分", "the total's full score"))
        self._once(header.summed, Words("各目标任务得分相加", "各目标任务得分相加"))
        scale = m.Scale()
        if header.scales and self._positive_scale(header.scales[0]):
            decl = header.scales[0]
            scale = m.Scale(decl.points, declared=True, enters="as_is",
                            clause=decl.clause.text if decl.clause else None, span=decl.span)
        summed = bool(header.summed)
        if summed and weighted:
            self.error(msg.SUMMED_WITH_WEIGHTS.at(header.summed[0].span))
        return scale, summed, self._base_zero(header.bases, "考评办法")

    def _task_scale(self, task: syn.Task, policy_base_zero: bool) -> tuple[m.Scale, bool, m.Cap | None,
                                                                           m.Cap | None]:
        """满分 N 分 按原分计入 | 折算为百分制, 基础分 0 分, 本任务 … 分 in a task."""
        ordinal = chinese_ordinal(task.number)
        self._once(task.scales, Words(f"目标任务{ordinal}的满分", f"the full score of task {task.number}"))
        scale = m.Scale()
        if task.scales and self._positive_scale(task.scales[0]):
            decl = task.scales[0]
            if decl.enters is None and decl.points != 100:
                self.error(msg.SCALE_ENTERS_MISSING.at(decl.span, ordinal=ordinal, scale=decl.points))
            scale = m.Scale(decl.points, declared=True, enters=decl.enters or "normalised",
                            stated=decl.enters is not None or decl.points == 100, span=decl.span)
        base_zero = self._base_zero(task.bases, f"目标任务{ordinal}") or policy_base_zero
        bonus_cap, deduct_cap = self._scope_caps(task.caps, f"目标任务{ordinal}", f"目标任务{ordinal}")
        return scale, base_zero, bonus_cap, deduct_cap

    def _scope_caps(self, caps: tuple[syn.SetCap, ...], clause: str,
                    where: str) -> tuple[m.Cap | None, m.Cap | None]:
        """本部分/本任务 加分累计最多 N 分 / 扣分最多 N 分: each at most once, more than 0."""
        found: dict[str, m.Cap] = {}
        for cap in caps:
            if cap.verb in found:
                self.error(msg.CAP_REPEATED.at(cap.span, what=Words(f"{where}的{cap.verb}分上限",
                                                                    f"the {cap.verb}分 cap of {where}")))
                continue
            if cap.points <= 0:
                self.error(msg.CAP_NOT_POSITIVE.at(cap.span, points=cap.points))
                continue
            found[cap.verb] = m.Cap(cap.points, clause, f"{where}{cap.verb}分最多{cap.points}分", span=cap.span)
        return found.get("加"), found.get("扣")

    def _section_extras(self, task: int, section: syn.Section) -> tuple[bool, m.Cap | None, m.Cap | None]:
        """折算为百分制 after a section's points, and its 本部分 caps. (按原分计入 is what a section
        does without saying so: its items' points add up into the task.)"""
        where = f"部分「{section.title.text}」"
        bonus_cap, deduct_cap = self._scope_caps(section.caps, f"{task}·{section.title.text}", where)
        return section.enters == "normalised", bonus_cap, deduct_cap

    def _records_empty(self, decl: syn.FactDecl, type_: str) -> tuple[Decimal | None, bool]:
        """无记录时 计 N 分 / 无记录时 报错: only on judgement records (评定记录), once (SL138)."""
        written = decl.records_empty
        if not written:
            return None, False
        if type_ != "records" or decl.type.fields or len(written) > 1:
            for extra in written if type_ != "records" or decl.type.fields else written[1:]:
                self.error(msg.RECORDS_EMPTY_MISPLACED.at(extra.span, name=decl.name.text))
            if type_ != "records" or decl.type.fields:
                return None, False
        value = written[0].value
        return value, value is None

    def _summed_weighting(self, task: syn.Task, item_numbers: list[int], entities: tuple[str, ...]) -> m.Weighting:
        """各目标任务得分相加: the task counts whole, at 100%, for every entity."""
        part = m.WeightedPart(tuple(f"{task.number}.{n}" for n in item_numbers), "", Decimal(100), span=task.span)
        return m.Weighting(None, entities, (part,), False, span=task.span)
