"""Lark tree → syntax nodes for rule bodies (每「x」扣0.5分, 若 … 扣10分, 扣「评定」, ladders with their thresholds
and steps, 按「开工率」比例, tables, award effects): builders registered into ``from_lark.BUILDERS``
(from_lark.py keeps the rest of the grammar's rules)."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from . import nodes as n
from .from_lark_support import _all, _condition

if TYPE_CHECKING:  # only from_lark.py, errors.py and grammar.py import lark; here a token is Any
    from .from_lark import Children, ToSyntax

Meta = Any  # lark's position record, read through ToSyntax.pos


def per_deduct(self: ToSyntax, meta: Meta, children: Children) -> n.PerDeduct:
    return n.PerDeduct(children[0], children[1], span=self.pos.of_meta(meta))


def per_award(self: ToSyntax, meta: Meta, children: Children) -> n.PerAward:
    return n.PerAward(children[0], children[1], span=self.pos.of_meta(meta))


def zero_if(self: ToSyntax, meta: Meta, children: Children) -> n.ZeroIf:
    from .from_lark import _tokens  # a token is lark's: only from_lark.py imports lark
    said = _tokens(children, "ZERO_BONUS")
    bonuses = ("included" if "含加分" in str(said[0]) else "kept") if said else None
    return n.ZeroIf(_condition(children[0]), span=self.pos.of_meta(meta), bonuses=bonuses)


def deduct_if(self: ToSyntax, meta: Meta, children: Children) -> n.DeductIf:
    return n.DeductIf(_condition(children[0]), children[1], span=self.pos.of_meta(meta))


def award_if(self: ToSyntax, meta: Meta, children: Children) -> n.AwardIf:
    return n.AwardIf(_condition(children[0]), children[1], span=self.pos.of_meta(meta))


def judged(self: ToSyntax, meta: Meta, children: Children) -> n.Judged:
    return n.Judged(children[0], None, span=self.pos.of_meta(meta))


def judged_if(self: ToSyntax, meta: Meta, children: Children) -> n.Judged:
    return n.Judged(children[1], _condition(children[0]), span=self.pos.of_meta(meta))


def ladder(self: ToSyntax, meta: Meta, children: Children) -> n.Ladder:
    fact, threshold_word, threshold, step_word, step, amount = children[:6]
    partial = str(children[6]) if len(children) > 6 else None
    return n.Ladder(
        fact, str(threshold_word), threshold[0], threshold[1], str(step_word),
        step[0], step[1], amount, partial, threshold[2], span=self.pos.of_meta(meta),
        target=threshold[3] if len(threshold) > 3 else None,
    )


def per_bonus(self: ToSyntax, meta: Meta, children: Children) -> n.PerBonus:
    return n.PerBonus(children[0], children[1], span=self.pos.of_meta(meta))


def bonus_if(self: ToSyntax, meta: Meta, children: Children) -> n.BonusIf:
    return n.BonusIf(_condition(children[0]), children[1], span=self.pos.of_meta(meta))


def judged_bonus(self: ToSyntax, meta: Meta, children: Children) -> n.JudgedBonus:
    aggregate = str(children[1]) if len(children) > 1 else None
    return n.JudgedBonus(children[0], aggregate, span=self.pos.of_meta(meta))


def proportional(self: ToSyntax, meta: Meta, children: Children) -> n.Proportional:
    return n.Proportional(children[0], children[1], span=self.pos.of_meta(meta))


def demote_if(self: ToSyntax, meta: Meta, children: Children) -> n.AwardEffect:
    return n.AwardEffect(_condition(children[0]), "demote", span=self.pos.of_meta(meta))


def last_if(self: ToSyntax, meta: Meta, children: Children) -> n.AwardEffect:
    return n.AwardEffect(_condition(children[0]), "last", span=self.pos.of_meta(meta))


def table(self: ToSyntax, meta: Meta, children: Children) -> n.Table:
    from .from_lark import _tokens  # a token is lark's: only from_lark.py imports lark
    records, level, grade = (c for c in children if isinstance(c, n.Name))
    keep = next((str(t) for t in _tokens(children, "TABLE_KEEP")), None)
    no_repeat = next((str(t) for t in _tokens(children, "NO_REPEAT")), None)
    return n.Table(records, level, grade, keep, _all(children, n.TableRow), _all(children, n.TableAlias),
                   span=self.pos.of_meta(meta), each=str(_tokens(children, "EACH_RECORD")[0]),
                   deduct=str(_tokens(children, "TABLE_SIGN")[0]) == "扣分",
                   concerning=bool(_tokens(children, "CONCERNING")), no_repeat=no_repeat)


def table_row(self: ToSyntax, meta: Meta, children: Children) -> n.TableRow:
    level, rest = children[0], children[1:]
    pairs = tuple((rest[i], self._number(rest[i + 1])) for i in range(0, len(rest), 2))
    return n.TableRow(level, pairs, span=self.pos.of_meta(meta))


def table_alias(self: ToSyntax, meta: Meta, children: Children) -> n.TableAlias:
    return n.TableAlias(tuple(children[:-1]), children[-1], span=self.pos.of_meta(meta))


def threshold(self: ToSyntax, meta: Meta, children: Children) -> tuple[Decimal, bool, str | None]:
    unit = str(children[1]) if len(children) > 1 else None
    return (self._number(children[0]), unit is not None and children[1].type == "PERCENT_SIGN",
            unit if unit is not None and children[1].type in ("UNIT", "POINTS_UNIT") else None)


def step(self: ToSyntax, meta: Meta, children: Children) -> tuple[Decimal, str | None]:
    return (self._number(children[0]), str(children[1]) if len(children) > 1 else None)


RULE_BUILDERS: dict[str, Callable[[ToSyntax, Meta, Children], Any]] = {
    "per_deduct": per_deduct,
    "per_award": per_award,
    "zero_if": zero_if,
    "deduct_if": deduct_if,
    "award_if": award_if,
    "judged": judged,
    "judged_if": judged_if,
    "ladder": ladder,
    "per_bonus": per_bonus,
    "bonus_if": bonus_if,
    "judged_bonus": judged_bonus,
    "proportional": proportional,
    "demote_if": demote_if,
    "last_if": last_if,
    "table": table,
    "table_row": table_row,
    "table_alias": table_alias,
    "threshold": threshold,
    "step": step,
}
