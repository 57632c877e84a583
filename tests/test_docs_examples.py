"""Every ```score block of docs/*.md loads with no error.

A block that is a whole policy (it has a 考评办法 header) is loaded as it is. A fragment — rules,
an item, a section, a task, an article, 奖项, facts, entities, groups or weights — is wrapped in
the smallest policy that holds it: the 2017 policy's header-less pieces it names (its entities,
groups, and the declarations of the facts it mentions and does not declare itself), a task and
an item around rules, a section around an item, a filler item so that a task adds up to 100.
A block that shows an error on purpose says so in its info string, ```score error SL123, and
must give exactly that code (among its errors). A quota or award warning (SL441–SL449) appears
only in a block that shows it on purpose, ```score warning SL442.
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

import scorelang
from scorelang.diagnostics import Severity

ROOT = Path(__file__).resolve().parents[1]
DOCS = sorted((ROOT / "docs").glob("*.md"))
BLOCK = re.compile(r"^([ \t]*)```score([^\n]*)\n(.*?)^[ \t]*```", re.S | re.M)
FACT_TYPES = "计数|数值|百分比|是否|选项|评定记录|评定|评分|记录"
DECLARED = re.compile(r"「([^」\n]+)」\s*(?:" + FACT_TYPES + ")")


def _blocks() -> list:
    params = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for m in BLOCK.finditer(text):
            indent, info, body = m.group(1), m.group(2).strip(), m.group(3)
            body = "\n".join(line[len(indent):] if line.startswith(indent) else line for line in body.splitlines())
            line = text[:m.start()].count("\n") + 1
            params.append(pytest.param(body, info, id=f"{doc.name}:{line}"))
    return params


def _braced(text: str, start: int) -> str:
    """The text from ``start`` to the brace that closes the first ``{`` after it."""
    depth, i = 0, text.index("{", start)
    while True:
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return text[start:i + 1]
        i += 1


def _pool() -> tuple[dict[str, str], str, str]:
    """From the 2017 policy: each fact's declaration line by name, the entities, the groups."""
    text = (ROOT / "policies" / "2017.score").read_text(encoding="utf-8")
    decls: dict[str, str] = {}
    for m in re.finditer(r"事实 \{", text):
        block = _braced(text, m.start())[len("事实 {"):-1]
        # a declaration starts a line with its name; a records fact runs to its closing brace
        for d in re.finditer(r"^[ \t]*「([^」]+)」\s*(?:" + FACT_TYPES + ")", block, re.M):
            rest = block[d.start():]
            line = rest.split("\n", 1)[0]
            if line.count("{") > line.count("}"):
                line = _braced(rest, 0) + rest[len(_braced(rest, 0)):].split("\n", 1)[0]
            decls.setdefault(d.group(1), re.sub(r"#[^\n]*", "", line).strip())
    entities = _braced(text, text.index("对象 「"))
    groups = "\n".join(m.group(0) for m in re.finditer(r"^分组 [^\n]*", text, re.M))
    return decls, entities, groups


POOL, ENTITIES, GROUPS = _pool()
HEADER = '考评办法 "文档示例" { 保留 2 位小数 四舍五入 }\n'
LEAD = "牵头 「办公室」"


def _points(head: str) -> Decimal:
    m = re.search(r"([0-9.]+)\s*分\s*\{", head)
    return Decimal(m.group(1)) if m else Decimal(100)


def _filled(text: str, opener: str, child: str, filler: str, whole: Decimal | None = None) -> str:
    """Each block starting with ``opener`` (部分 or 目标任务) gets a filler ``child`` worth what its
    children leave short of its points (or of ``whole``): an example that elides (……从略) still
    adds up."""
    out, pos = [], 0
    for m in re.finditer(opener, text):
        if m.start() < pos:
            continue
        block = _braced(text, m.start())
        points = whole if whole is not None else _points(block.split("\n", 1)[0])
        inner = block[block.index("{") + 1:-1]
        # the children's points: 第N项 "…" [扣分项 …] N分 (an item) or 部分 "…" N分 (a section)
        taken = sum((Decimal(v) for v in re.findall(child, inner, re.M)), Decimal(0))
        gap = points - taken
        out.append(text[pos:m.start()])
        out.append(block[:-1] + (filler.format(gap=gap) if gap > 0 else "") + "\n}")
        pos = m.start() + len(block)
    return "".join(out) + text[pos:]


_ITEM_POINTS = r'^\s*第\d+项\s+"[^"\n]*"\s+([0-9.]+)分'
_SECTION_POINTS = r'^\s*部分\s+"[^"\n]*"\s+([0-9.]+)分'
FILLER_ITEM = '\n第98项 "补足" {gap}分 {{ }}'
FILLER_SECTION = '\n部分 "补足" {gap}分 {{ 第99项 "补足" {gap}分 {{ }} }}'


def _task(number: str, body: str) -> str:
    return f'目标任务{number} "示例" {{\n{LEAD}\n{body}\n}}\n'


def _per_occasion_uses(fragment: str) -> str:
    """A 共N次 item reading each 按次 fact a facts fragment declares (else SL111)."""
    names = re.findall(r"「([^」\n]+)」\s*(?:计数|数值|百分比)[^\n]*按次", fragment)
    rules = " ".join(f"若「{n}」 < 0 扣1分" for n in names)
    return f'第2项 "按次" 10分 {{ 共 2 次 每次 5分 {{ {rules} }} }}' if names else ""


def wrap(fragment: str) -> str:
    """The smallest policy that holds ``fragment`` (see the module docstring)."""
    body = re.sub(r"^\s*#[^\n]*\n", "", fragment.strip() + "\n", flags=re.M).strip()
    if re.match(r"第\S+项", body):
        kind = "item"
    elif re.match(r"第[一二三四五六七八九十]+条", body):
        kind = "top"
    else:
        kind = next((k for word, k in (("目标任务", "task"), ("部分", "section")) if body.startswith(word)),
                    "top" if re.match(r"(奖项|事实|对象|分组|计入总分权重|考评办法)", body) else "rules")
    own = set(DECLARED.findall(fragment))
    named = set(re.findall(r"「([^」\n]+)」", fragment))
    facts = "\n".join(POOL[n] for n in sorted(named - own) if n in POOL)
    parts = [] if "考评办法" in fragment else [HEADER]
    if "对象 「" not in fragment:
        parts.append(ENTITIES)
    parts.extend(g for g in GROUPS.splitlines() if re.search(r"「([^」]+)」", g).group(0) not in fragment)
    if facts:
        parts.append(f"事实 {{\n{facts}\n}}")
    filled = _filled(fragment, r"部分\s+\"", _ITEM_POINTS, FILLER_ITEM)
    if kind == "task":
        filled = _filled(filled, r"目标任务\s*\S+\s+\"", _SECTION_POINTS, FILLER_SECTION, Decimal(100))
        numbers = re.findall(r"^目标任务\s*(\S+)", body, re.M)
        parts.append("计入总分权重 { " + " ".join(f"目标任务{n} {100 // len(numbers)}%" for n in numbers) + " }")
        parts.append(filled)
    elif "计入总分权重" in body:
        weights = _braced(body, body.index("计入总分权重"))
        numbers = dict.fromkeys(re.findall(r"目标任务\s*([一二三四五六七八九十]+)", weights))
        # the percents of the lines without a group: a filler task takes the rest of 100%
        default = sum((Decimal(p) for p in re.findall(r"^\s*目标任务\s*\S+\s+(?:第[^「\n]*?)?([0-9.]+)%", weights, re.M)),
                      Decimal(0))
        items = max((int(n) for n in re.findall(r"(\d+)项", weights)), default=0)
        section = (f'部分 "示例" {10 * items}分 {{ ' + " ".join(f'第{i}项 "示例" 10分 {{ }}' for i in range(1, items + 1))
                   + " }") if items else '部分 "示例" 100分 { 第1项 "示例" 100分 { } }'
        parts.append(filled)
        parts.extend(_task(n, section) for n in numbers)
        if default < 100:
            parts.append(f"计入总分权重 {{ 目标任务九 {100 - default}% }}")
            parts.append(_task("九", '部分 "示例" 100分 { 第1项 "示例" 100分 { } }'))
    else:
        parts.append("计入总分权重 { 目标任务一 100% }")
        if kind == "rules":
            parts.append(_task("一", f'部分 "示例" 100分 {{ 第1项 "示例" 100分 {{\n{fragment}\n}} }}'))
        elif kind == "item":
            section = f'部分 "示例" 0分 {{\n{fragment}\n}}'
            section = _filled(section, r"部分\s+\"", _ITEM_POINTS, FILLER_ITEM, Decimal(100))
            parts.append(_task("一", section.replace('部分 "示例" 0分', '部分 "示例" 100分', 1)))
        elif kind == "section":
            parts.append(_task("一", _filled(f"目标任务一 \"x\" {{\n{filled}\n}}", r"目标任务\s*\S+\s+\"",
                                             _SECTION_POINTS, FILLER_SECTION, Decimal(100))
                               .split("\n", 1)[1].rsplit("}", 1)[0]))
        else:  # an article, 奖项, facts, entities or groups: beside a task that reads nothing
            uses = _per_occasion_uses(fragment)
            items = '第1项 "示例" 90分 { } ' + uses if uses else '第1项 "示例" 100分 { }'
            parts.append(_task("一", f'部分 "示例" 100分 {{ {items} }}'))
            parts.append(filled)
    return "\n".join(parts) + "\n"


def _whole(block: str) -> bool:
    return "考评办法" in block and "目标任务" in block.split("计入总分权重")[-1] and re.search(
        r"^目标任务\s*\S+\s+\"", block, re.M) is not None


@pytest.mark.parametrize("block, info", _blocks())
def test_every_docs_example_loads(block, info):
    text = block if _whole(block) else wrap(block)
    expected = info.split()[1:] if info.startswith("error") else []
    try:
        policy = scorelang.loads(text, "example.score")
    except scorelang.PolicyError as err:
        codes = [d.code for d in err.diagnostics if d.severity is Severity.ERROR]
        assert expected and set(expected) <= set(codes), (codes, text)
        return
    assert not expected, f"the block shows no error, but its info string says {info!r}"
    # the quota and award warnings (SL441–SL449) only where a block shows one: ```score warning SL442
    shown = set(info.split()[1:]) if info.startswith("warning") else set()
    warned = {d.code for d in policy.warnings if "SL441" <= d.code <= "SL449"}
    assert warned == shown, (warned, info)


def test_the_docs_have_examples_and_a_deliberate_error_is_marked():
    blocks = _blocks()
    assert len(blocks) > 50
    assert any(p.values[1].startswith("error") for p in blocks)


@pytest.mark.parametrize("fragment, code", [
    ('每「没有声明的事实」扣1分', "SL112"),
    ('第3项 "示例" 10分 {\n  「漏管脱管人次」 达 100% 每降低 5 个百分点 扣5分\n}', "SL117"),
    ('部分 "示例" 30分 {\n  第1项 "示例" 10分 { 每「漏管脱管人次」扣0.5分 }\n}', None),
])
def test_the_wrapper_adds_no_error_and_hides_none(fragment, code):
    # a fragment that is wrong stays wrong once wrapped; a right one loads
    if code is None:
        scorelang.loads(wrap(fragment))
        return
    with pytest.raises(scorelang.PolicyError) as err:
        scorelang.loads(wrap(fragment))
    assert code in {d.code for d in err.value.diagnostics}
