"""Random valid policies: a hypothesis strategy that writes a whole .score text.

``policy_texts()`` draws the text of a policy that ``scorelang check`` accepts, with at least
one rule of every rule kind of the model (``model.nodes.RULE_CLASSES``: ``GENERATORS`` has one
generator per class, and a test checks it covers them all — a new rule kind fails until it has
one), in items (deduction items, earning items), a 扣分项 and articles, with conditions (且、
或、非, comparisons, choices, parentheses), caps and 扣完为止, an optional 考评总分 bound,
groups (分组), awards (by rank band or by count with tie rules, 每组, 不评奖 below a total,
single-task awards for every task or named ones), grades with quotas (名额) and outputs.
It writes like different authors do: 「」 or 【】, "…" or “…”, 扣 or 减, 至 or -, full-width
digits, comparison words or signs, soft punctuation, comments on their own line and at the end
of a line. ``policies()`` draws the loaded ``scorelang.Policy``; its facts come from
``strategies.facts_for(policy)``, so every property of ``scorelang.testing.properties`` runs on
them. Needs hypothesis (the ``test`` extra).
"""
from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

import scorelang

from ..model import nodes as m
from ..numbers import chinese_ordinal

Draw = Callable[[st.SearchStrategy[Any]], Any]

#: the facts every drawn policy declares (a rule reads some of them; unread ones are warnings)
COUNTS = ("违规次数", "迟报次数", "达标项数")
FLAGS = ("被通报", "已建档")
PERCENTS = ("完成率", "空编率")
CHOICE, CHOICES = "等级", ("好", "中", "差")
JUDGED, JUDGED_RECORDS, JUDGED_BONUS = "酌情扣分", "事故扣分", "评议加分"
RECORDS = "表彰"
INCIDENTS, KINDS, SEVERITIES, KEYS = "安全事件", ("生产", "消防"), ("一般", "重大"), ("A", "B")
_FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


class Author:
    """Writes the pieces of a policy, drawing at each the spelling a real author might use.

    What a policy holds (which rules, conditions, caps) is drawn from hypothesis (``choose``,
    ``draw``), so a failure shrinks to a small policy; how each word is spelled (``pick``)
    comes from one drawn ``random.Random``: hundreds of spellings cost one draw.
    """

    def __init__(self, draw: Draw) -> None:
        self.draw = draw
        self.rng: random.Random = draw(st.randoms(use_true_random=True))

    def choose(self, *options: str) -> str:
        return str(self.draw(st.sampled_from(options)))

    def pick(self, *options: str) -> str:
        return self.rng.choice(options)

    def name(self, text: str) -> str:
        return self.pick(f"「{text}」", f"「{text}」", f"【{text}】")

    def string(self, text: str) -> str:
        return self.pick(f'"{text}"', f"“{text}”")

    def number(self, text: str) -> str:
        return text.translate(_FULL_WIDTH) if self.rng.random() < 0.15 else text

    def gap(self) -> str:
        """White space or soft punctuation between two words."""
        return self.pick(" ", " ", " ", "  ", "，", " 、", "\t")

    def glue(self) -> str:
        """Nothing, or a gap (between a keyword and a name, number or string)."""
        return self.pick("", "", " ")

    def deduct(self) -> str:
        return self.pick("扣", "扣", "减")

    def range_sep(self) -> str:
        return self.pick("至", "至", "-", "～")

    def end(self) -> str:
        """The end of a statement: maybe a comment."""
        return self.pick("", "", "", "  # 注释", "   # 依据原文", "；")

    def amount(self) -> str:
        return self.number(self.pick("0.5", "1", "2", "0.25", "1.50", "3"))


# ------------------------------------------------------------------ conditions
def condition(a: Author, depth: int = 0) -> str:
    """A condition over the declared facts: a flag, a comparison, a choice, or 且/或/非 of them."""
    kind = a.draw(st.integers(0, 6 if depth < 2 else 3))
    if kind == 0:
        return a.name(a.pick(*FLAGS))
    if kind == 1:
        op = a.pick(">", "＞", "高于", ">=", "≥", "<", "低于", "=")
        return f"{_count(a)} {op} {a.number(a.pick('0', '2', '5'))}"
    if kind == 2:
        op = a.pick("为", "=", "＝", "不为", "≠")
        return f"{a.name(CHOICE)}{a.glue()}{op} {a.string(a.pick(*CHOICES))}"
    if kind == 3:
        return f"{a.name(a.pick(*PERCENTS))} {a.pick('低于', '<', '不低于', '高于')} {a.number(a.pick('80', '95.5'))}%"
    if kind == 4:
        return "非" + a.glue() + _operand(a, depth)
    word = "且" if kind == 5 else "或"
    return f"{_operand(a, depth)} {word} {_operand(a, depth)}"


def _count(a: Author) -> str:
    """A count fact, or a count of incidents (个数（「安全事件」 中 …）, docs/language.md §24)."""
    if a.rng.random() < 0.7:
        return a.name(a.pick(*COUNTS))
    where = a.pick("", f" 中 {a.name('严重程度')} 为 {a.string(a.pick(*SEVERITIES))}",
                   f" 中 {a.name('类别')} 不为 {a.string(KINDS[1])} 且 {a.name('严重程度')} 为 {a.string('重大')}")
    return f"个数{a.pick('（', '(')}{a.name(INCIDENTS)}{where}{a.pick('）', ')')}"


def _operand(a: Author, depth: int) -> str:
    inner = condition(a, depth + 1)
    if a.draw(st.booleans()) or " " in inner.strip():
        return a.pick("（", "(") + inner + a.pick("）", ")")
    return inner


def _if(a: Author) -> str:
    return f"若{a.pick(' ', '')}{condition(a)} "


def _sometimes_if(a: Author, rule: str) -> str:
    """``rule``, one time in four behind a condition (若 …)."""
    return (_if(a) + rule) if a.draw(st.integers(0, 3)) == 0 else rule


# ------------------------------------------------------------------ one generator per rule kind
# Each returns (where the rule goes, its text): "deduct" (an item that deducts), "earn" (an item
# that earns from 0), "only" (a 扣分项), "article" (an article of adjustments to the total).
def per_occurrence(a: Author) -> tuple[str, str]:
    count = a.name(a.pick(*COUNTS))
    subject = count if a.draw(st.integers(0, 3)) else f" {count} + {a.name(a.pick(*COUNTS))} "
    verb = a.choose("扣", "减", "得", "加")
    place = {"扣": "deduct", "减": "deduct", "得": "earn", "加": "deduct"}[verb]
    rule = f"每{subject}{verb}{a.glue()}{a.amount()}分"
    if a.draw(st.integers(0, 3)) == 0:  # 「违规次数」 每 1 次 扣0.5分: the unit after the number
        rule = f"{a.name(COUNTS[0])} {a.pick('每', '每发现')} {a.number('1')} 次 {verb}{a.amount()}分"
    if verb in "扣减":
        rule += _deduct_tail(a)
        if a.draw(st.integers(0, 3)) == 0:
            place = "only"
    return place, rule


def _deduct_tail(a: Author) -> str:
    tail = ""
    if a.draw(st.integers(0, 2)) == 0:
        tail += f" 最多{a.pick('扣', '减')} {a.number(a.pick('2', '4'))} 分"
    if a.draw(st.booleans()):
        tail += " 扣完为止"
    return tail


def fixed(a: Author) -> tuple[str, str]:
    verb = a.choose("扣", "减", "得", "加")
    # two conditions drawn on one fact are stacked thresholds: the bands say they add up (SL137)
    rule = f"{_if(a)}{verb}{a.amount()}分"
    if verb in "扣减":
        tail = _deduct_tail(a)
        if tail.endswith(" 扣完为止"):
            return "deduct", rule + tail.removesuffix(" 扣完为止") + " 各档累计 扣完为止"
        return "deduct", rule + tail + " 各档累计"
    return ("earn" if verb == "得" else "deduct"), rule + " 各档累计"


def zero(a: Author) -> tuple[str, str]:
    # an item may hold a bonus (加) too: 不得分 says what becomes of it (SL136)
    return "deduct", f"{_if(a)}{a.pick('不得分（加分照计）', '不得分（含加分）', '不得分(加分照计)')}"


def judgement(a: Author) -> tuple[str, str]:
    kind = a.draw(st.integers(0, 3))
    if kind == 0:
        return "deduct", f"{a.deduct()}{a.name(JUDGED)}"
    if kind == 1:
        return "deduct", f"{_if(a)}{a.deduct()}{a.name(JUDGED)}"
    if kind == 2:
        return "deduct", f"{a.deduct()}{a.name(JUDGED_RECORDS)} 扣完为止"
    return "deduct", f"加{a.name(JUDGED_BONUS)}"


def ladder(a: Author) -> tuple[str, str]:
    partial = a.pick("不足一档按一档计", "不足一档不计", "不足一档按比例计")
    amount = f"{a.deduct()}{a.amount()}分"
    kind = a.draw(st.integers(0, 4))
    if kind == 3:  # above a baseline, a bonus per step
        base = a.name(PERCENTS[1])
        rule = f"{a.name(PERCENTS[0])} 比 {base} 每提高 {a.number('3')} 个百分点 加{a.amount()}分 {partial}"
        return "deduct", _sometimes_if(a, rule)
    if kind == 4:  # a target computed per entity
        base = a.name(PERCENTS[1])
        target = a.pick(base, f"{base} + 5 个百分点", f"最大（{base}，60%）")
        rule = f"{a.name(PERCENTS[0])} 达 {target} 每降低 {a.number('5')} 个百分点 {amount} {partial}"
    elif kind == 0:
        target = a.number(a.pick("90", "100", "85.5"))
        step = a.number(a.pick("5", "1"))
        rule = f"{a.name(PERCENTS[0])} {a.pick('达', '不低于')} {target}% 每降低 {step} 个百分点 {amount} {partial}"
    elif kind == 1:
        ceiling = a.pick("不高于", "不超过")
        rule = f"{a.name(PERCENTS[1])} {ceiling} {a.number('2')}% 每增加 1 个百分点 {amount} {partial}"
    else:
        rule = f"{a.name(COUNTS[2])} 不少于 {a.number('3')} 每少 1 {amount}"
    if a.draw(st.booleans()):
        rule += " 扣完为止"
    return "deduct", _sometimes_if(a, rule)


def proportional(a: Author) -> tuple[str, str]:
    rule = f"按{a.glue()}{a.name(a.pick(*PERCENTS))}{a.glue()}比例得{a.amount()}分"
    return "earn", _sometimes_if(a, rule)


def _no_repeat(a: Author) -> str:
    return f" 同一{a.name('问题编号')}不重复扣分" if a.draw(st.booleans()) else ""


def _incident_table(a: Author) -> tuple[str, str]:
    """每起「安全事件」 涉及本项的 按「类别」「严重程度」扣分 同一「问题编号」不重复扣分 { … } (§24)."""
    concerning = " 涉及本项的" if a.draw(st.booleans()) else ""
    rows = (f"{a.string('生产')} {{ {a.string('一般')} {a.amount()} {a.string('重大')} {a.number('5')} }}"
            f"{a.gap()}{a.string('消防')} {{ {a.string('一般')} 0.5 }}")
    rule = (f"每起{a.name(INCIDENTS)}{concerning} 按{a.name('类别')}{a.name('严重程度')}扣分{_no_repeat(a)}"
            f" {{ {rows} }}")
    return ("deduct" if concerning or a.draw(st.booleans()) else "article"), rule


def escalation(a: Author) -> tuple[str, str]:
    """每起「安全事件」 涉及本项的 首次扣1分 再次扣2分 第三次及以上不得分 (§24): in an item (不得分, 涉及本项的
    only there), a 扣分项 or an article."""
    place = a.choose("deduct", "only", "article")
    concerning = " 涉及本项的" if place == "deduct" and a.draw(st.booleans()) else ""
    steps = f"首次{a.deduct()}{a.amount()}分"
    if a.draw(st.booleans()):
        steps += f" 再次{a.deduct()}{a.amount()}分"
    onwards = a.draw(st.integers(0, 2))
    third = "第三次及以上" if "再次" in steps else "再次及以上"
    if onwards == 1 and "再次" in steps:
        steps += f" {third}{a.deduct()}{a.amount()}分"
    elif onwards == 2 and place == "deduct" and "再次" in steps:
        steps += f" {third}不得分"
    return place, f"每起{a.name(INCIDENTS)}{concerning} {steps}{_no_repeat(a)}"


def table(a: Author) -> tuple[str, str]:
    if a.draw(st.integers(0, 2)) == 0:
        return _incident_table(a)
    alias = f" {a.string('未明确')} 视为 {a.string('二等奖')}" if a.draw(st.booleans()) else ""
    rows = (f"{a.string('省级')} {{ {a.string('一等奖')} {a.amount()} {a.string('二等奖')} 0.5 }}"
            f"{a.gap()}{a.string('州级')} {{ {a.string('一等奖')} 0.3 {a.string('二等奖')} 0.2 }}")
    rule = f"每条{a.name(RECORDS)} 按{a.name('层级')}{a.name('奖次')}加分 {{ {rows}{alias} }}"
    return "article", rule


#: the grades of a policy that writes an effect on the grade (its 等次 block: GRADES_BLOCK)
GRADE_NAMES = ("优秀", "良好", "合格", "不合格")
GRADES_BLOCK = ('等次 { "优秀" 90 分以上 "良好" 80 分至 90 分（不含） "合格" 60 分至 80 分（不含） '
                '"不合格" 60 分以下（不含） }\n')
#: the words of the effects on the grade (a policy with one of them gets GRADES_BLOCK)
GRADE_EFFECT_WORDS = ("直接评定为", "等次不得高于", "不得评为", "个等次", "降低一个等次 ")


def award_effect(a: Author) -> tuple[str, str]:
    """An outcome effect (§22): on the award or rank, 取消评优资格, or on the grade."""
    effect = a.choose("降低一个等次评奖", "直接排名最后一位", "取消评优资格",
                      f"直接评定为 {a.string(a.pick(*GRADE_NAMES[1:]))}",
                      f"等次不得高于 {a.string(a.pick(*GRADE_NAMES[1:]))}",
                      f"不得评为 {a.string(a.pick(*GRADE_NAMES[:-1]))}",
                      "降低一个等次 ", f"降低 {a.pick('1', '2')} 个等次")
    return "article", f"{_if(a)}{effect}"


def _rank_points_given(a: Author) -> tuple[str, str]:
    # the rank given as data (a count fact): a cohort rank would need every entity scored together
    rows = a.pick(f"第1名得{a.amount()}分", f"第1{a.range_sep()}2名得{a.amount()}分")
    rule = f"按{a.glue()}{a.name(COUNTS[2])} {rows} 第3名得{a.amount()}分 其余得{a.number(a.pick('0', '1'))}分"
    return "earn", _sometimes_if(a, rule)


def rank_points(a: Author) -> tuple[str, str]:
    """按 全体名次（「x」 由高到低 并列占位） 第1名得8分 第2至3名得6分 其余得4分 (the rank a cohort value),
    or the same table on a rank given as data (a count fact)."""
    if a.draw(st.booleans()):
        return _rank_points_given(a)
    order = a.choose("由高到低", "由低到高")
    ties = a.choose("并列占位", "并列不占位")
    rank = f"全体名次{a.pick('（', '(')}{a.name(a.pick(*PERCENTS))} {order} {ties}{a.pick('）', ')')}"
    rows = f"第1名得{a.number('8')}分 第2{a.range_sep()}3名得6分 其余得{a.choose('4', '0')}分"
    rule = f"按 {rank} {rows}"
    return "earn", _sometimes_if(a, rule)


#: model rule class → the generator that writes a rule of that kind
GENERATORS: dict[type, Callable[[Author], tuple[str, str]]] = {
    m.PerOccurrence: per_occurrence, m.Fixed: fixed, m.Zero: zero, m.Judgement: judgement, m.Ladder: ladder,
    m.Proportional: proportional, m.Table: table, m.AwardEffect: award_effect, m.RankPoints: rank_points,
    m.Escalation: escalation,
}


# ------------------------------------------------------------------ the whole policy
def _facts(a: Author) -> str:
    options = {"违规次数": f" 单位 {a.string('次')}", "迟报次数": " 默认 0", "达标项数": " 至多 6"}
    lines = [f"{a.name(c)} 计数{options[c]}" for c in COUNTS]
    lines += [f"{a.name(f)} 是否" for f in FLAGS]
    lines += [f"{a.name(p)} 百分比 说明 {a.string('百分比')}" for p in PERCENTS]
    lines.append(f"{a.name(CHOICE)} 选项 {{ {' '.join(a.string(c) for c in CHOICES)} }}")
    lines.append(f"{a.name(JUDGED)} 评定 {a.number('1')} {a.range_sep()} {a.number('3')} 分 默认 未发生")
    lines.append(f"{a.name(JUDGED_RECORDS)} 评定记录 0.5 {a.range_sep()} 2.5 分 默认 无")
    lines.append(f"{a.name(JUDGED_BONUS)} 评定 0 {a.range_sep()} 1 分 默认 0")
    levels = " ".join(a.string(x) for x in ("省级", "州级"))
    grades = " ".join(a.string(x) for x in ("一等奖", "二等奖", "未明确"))
    fields = f"{a.name('层级')} 选项 {{ {levels} }} {a.name('奖次')} 选项 {{ {grades} }}"
    lines.append(f"{a.name(RECORDS)} 记录 {{ {fields} }} 默认 无")
    kinds, severities, keys = (" ".join(a.string(v) for v in values) for values in (KINDS, SEVERITIES, KEYS))
    fields = (f"{a.name('日期')} 日期 {a.name('类别')} 选项 {{ {kinds} }} "
              f"{a.name('严重程度')} 选项 {{ {severities} }} {a.name('涉及项目')} 项号 "
              f"{a.name('问题编号')} 选项 {{ {keys} }}")
    lines.append(f"{a.name(INCIDENTS)} 记录 {{ {fields} }} 默认 无")
    return "事实 {\n" + "".join(f"  {line}{a.end()}\n" for line in lines) + "}\n"


def _article(a: Author) -> str:
    """An article number, 第六条 or any other (no one policy's)."""
    return "第" + chinese_ordinal(a.draw(st.integers(1, 30))) + "条"


def _cite(a: Author) -> str:
    """Sometimes 依据 "第…条" (the article a block cites), else nothing."""
    return f" 依据 {a.string(_article(a))}" if a.draw(st.booleans()) else ""


@st.composite
def policy_texts(draw: Draw) -> str:
    """The text of a random valid policy with a rule of every rule kind (see the module)."""
    a = Author(draw)
    rules: list[tuple[str, str]] = [GENERATORS[cls](a) for cls in m.RULE_CLASSES]
    extra = draw(st.lists(st.sampled_from(m.RULE_CLASSES), max_size=4))
    rules += [GENERATORS[cls](a) for cls in extra]
    bodies: list[tuple[str, str]] = []  # (place, the item's rules)
    for place in ("deduct", "earn"):
        group = [text for where, text in rules if where == place]
        while group:
            size = draw(st.integers(1, 3))
            bodies.append((place, "".join(f"      {rule}{a.end()}\n" for rule in group[:size])))
            group = group[size:]
    each = 10 if len(bodies) <= 9 else 5  # the items and a filler item add up to 100
    items: list[str] = []
    for number, (place, body) in enumerate(bodies, 1):
        title = a.string("扣分项目" if place == "deduct" else "得分项目")
        items.append(f"    第{a.number(str(number))}项 {title} {a.number(str(each))}分 {{\n{body}    }}\n")
    number = len(bodies)
    filler = 100 - each * len(items)
    items.append(f"    第{number + 1}项 {a.string('其他')} {filler}分 {{ 每{a.name(COUNTS[1])}扣0.5分 }}\n")
    only = [text for where, text in rules if where == "only"]
    deduction_items = "".join(f"    第{number + 2 + i}项 扣分项 {a.string('通报')} 5分 {{ {rule} }}\n"
                              for i, rule in enumerate(only))
    sections = f"  部分 {a.string('基本任务')} 100分 {{\n{''.join(items)}  }}\n"
    if deduction_items:
        sections += f"  部分 {a.string('扣分项目')} 0分 {{\n{deduction_items}  }}\n"
    articles = "".join(f"  {text}{a.end()}\n" for where, text in rules if where == "article")
    header = (f"考评办法 {a.string('随机生成的考评办法')} {{\n"
              f"  保留 {a.number('2')} 位小数 四舍五入 于 项得分 任务得分 加权得分 总分{a.end()}\n"
              + (f"  考评期 2019-01-01 {a.range_sep()} 2019-12-31\n" if draw(st.booleans()) else "")
              + (f"  考评总分 最高 100 分 最低 0 分 依据 {a.string(_article(a))}\n" if draw(st.booleans()) else "")
              + "}\n")
    entities = f"对象 {a.name('单位')} {{ {a.gap().join(a.name(e) for e in ('甲', '乙', '丙'))} }}\n"
    task_number = a.pick("一", "1")
    weights = f"计入总分权重 {{ 目标任务{task_number} 100% }}\n"
    task = f"\n# 目标任务\n目标任务 {task_number} {a.string('随机任务')} {{\n  牵头 {a.name('办公室')}\n{sections}}}\n"
    groups = a.choose("", "东", "东西")  # 分组: none, one (丙 in no group) or two
    declared = ("".join(f"分组 {a.name('东片')} {{ {a.name('甲')} {a.name('乙')} }}\n" if g == "东" else
                        f"分组 {a.name('西片')} {{ {a.name('丙')} }}\n" for g in groups))
    awards = _awards(a, task_number, bool(groups)) if draw(st.booleans()) else ""
    on_grade = any(word in articles for word in GRADE_EFFECT_WORDS)  # 一票否决 on the grade needs 等次
    grades = GRADES_BLOCK if on_grade or draw(st.booleans()) else ""
    if grades and draw(st.booleans()):
        grades += _quotas(a, bool(groups))
    if draw(st.booleans()):  # the grades of the task's score (§22.1)
        grades += (f'等次 目标任务{task_number}得分 {{ {a.string("好")} 90 分以上 '
                   f'{a.string("一般")} 90 分以下（不含） }}\n')
    return (header + entities + declared + weights + _facts(a) + task
            + f"{_article(a)} {a.string('加分与扣分')} {{\n{articles}}}\n" + awards + grades
            + (_outputs(a, bool(awards)) if draw(st.booleans()) else ""))


def _tie(a: Author) -> str:
    return f"并列 {a.choose('全部计入', '全部不计入', '提交认定')}"


def _awards(a: Author, task_number: str, grouped: bool) -> str:
    """奖项 { … } (§13, §23): tiers by rank band or by count (each with its tie rule), over the
    cohort or 每组 when the policy has groups, maybe 考评总分 低于 N 分 不评奖 and single-task
    awards for every task or the one task named; the tiers are always 一等奖 and 二等奖."""
    each = " 每组" if grouped and a.draw(st.booleans()) else ""
    if a.draw(st.booleans()):
        tiers = f'  综合奖 {a.string("一等奖")}{each} 第1至1名\n  综合奖 {a.string("二等奖")}{each} 第2至3名\n'
    else:
        first, second = a.draw(st.integers(1, 2)), a.draw(st.integers(1, 3))
        tiers = (f'  综合奖 {a.string("一等奖")}{each} {a.number(str(first))} 名 {_tie(a)}{a.end()}\n'
                 f'  综合奖 {a.string("二等奖")}{each} {a.number(str(second))} 名 {_tie(a)}{a.end()}\n')
    floor = (f"  考评总分 低于 {a.number(a.choose('60', '80', '95'))} 分 不评奖{a.end()}\n"
             if a.draw(st.booleans()) else "")
    single = a.choose("", f"单项奖 前{a.number('1')}名", f"单项奖 目标任务{task_number} 各前{a.number('1')}名")
    cite = _cite(a)
    decider = f" 认定 {a.name('考核委员会')}" if a.draw(st.booleans()) else ""
    return f"奖项{cite}{decider} {{\n{tiers}{floor}" + (f"  {single}\n" if single else "") + "}\n"


def _quotas(a: Author, grouped: bool) -> str:
    """名额 { … } (§23.1) on GRADES_BLOCK's 优秀 and maybe 良好: a count or a percentage with its
    rounding, over the cohort, 每组 or one group, each with its tie rule."""
    lines = []
    for grade in ("优秀", "良好")[:a.draw(st.integers(1, 2))]:
        scope = a.choose("", " 每组", f" {a.name('东片')}") if grouped else ""
        if a.draw(st.booleans()):
            amount = f"{a.number(str(a.draw(st.integers(1, 3))))} 名"
        else:
            percent = a.number(str(a.draw(st.sampled_from((10, 20, 34, 50, 100)))))
            amount = f"{a.pick('总数的 ', '参评总数的 ', '')}{percent}% {a.choose('向下取整', '四舍五入', '向上取整')}"
        lines.append(f"  {a.string(grade)}{scope} 不超过 {amount} {_tie(a)}{a.end()}\n")
    cite = _cite(a)
    decider = f" 认定 {a.name('考核委员会')}" if a.draw(st.booleans()) else ""
    return f"名额{cite}{decider} {{\n{''.join(lines)}}}\n"


def _outputs(a: Author, awards: bool) -> str:
    """输出 { … } (docs/language.md §25): a formula over 考评总分 with or without bounds and places,
    sometimes one reading a fact and that formula's amount, a table by award when the policy has
    awards, and a table by rank covering the three entities; never part of a score."""
    unit = a.pick("元", "万元", "千元")
    formula = (f"  {a.name('超额奖励')} = （考评总分 {a.pick('-', '－')} {a.number('80')}） × {a.number('500')} {unit}"
               + (f" 最低 {a.number('0')} {unit}" if a.draw(st.booleans()) else "")
               + (f" 最高 {a.number('6000')} {unit}" if a.draw(st.booleans()) else "")
               + (f" 保留 {a.number('0')} 位小数" if a.draw(st.booleans()) else "") + a.end())
    # a formula reading a fact, and the output before it (§25): counted in the entity's own facts
    staff = (f"  {a.name('达标奖励')} = {a.name('超额奖励')} + {a.name('达标项数')} × {a.number('100')} {unit}"
             f"{a.end()}\n" if a.draw(st.booleans()) else "")
    table = (f"  {a.name('奖项奖金')} 按 奖项 {{ {a.string('一等奖')} {a.number('2')} {unit}"
             f" 其余 {a.number('0')} {unit} }}{a.end()}\n" if awards else "")
    ranks = (f"  {a.name('名次奖')} 按 名次 {{ 第{a.number('1')}名 {a.number('300')} {unit}"
             f" 第2{a.range_sep()}3名 {a.number('100')} {unit} }}{a.end()}\n" if a.draw(st.booleans()) else "")
    cite = _cite(a)
    return f"输出{cite} {{\n{formula}\n{staff}{table}{ranks}}}\n"


def policies() -> st.SearchStrategy[scorelang.Policy]:
    """Random valid policies (``policy_texts``, loaded): draw facts for one with
    ``strategies.facts_for(policy)``."""
    return policy_texts().map(lambda text: scorelang.loads(text, "random.score"))
