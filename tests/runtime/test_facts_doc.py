"""docs/facts.md §3.3 against the validator: every example row reads as the table says.

Each table follows a ``<!-- examples: TYPE -->`` marker; a row is a JSON value in backticks and
either the value it reads as (in backticks) or ✗ (refused, as SL213). The declarations are the
ones the docs state: a judgement range of 1 to 3, the choices 满足工作需要 / 不能满足工作需要 / 未建成;
``score`` and ``score_records`` are judgements only added (zero_means_absent false: 0 is refused),
ranges 0.5 to 2 and 0.1 to 0.5.
"""
from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from scorelang.model.nodes import FactDecl
from scorelang.runtime.facts import COERCE
from scorelang.runtime.values import Refusal, number_token
from scorelang.span import Span

DOC = Path(__file__).resolve().parents[2] / "docs" / "facts.md"
HERE = Span("docs/facts.md", 1, 1, 1, 1)
DECLS = {
    "count": FactDecl("计数", "count", span=HERE),
    "number": FactDecl("数值", "number", span=HERE),
    "percent": FactDecl("百分比", "percent", low=Decimal(0), high=Decimal(100), span=HERE),
    "flag": FactDecl("是否", "flag", span=HERE),
    "choice": FactDecl("选项", "choice", choices=("满足工作需要", "不能满足工作需要", "未建成"), span=HERE),
    "judgement": FactDecl("评定", "judgement", low=Decimal(1), high=Decimal(3), span=HERE),
    "records": FactDecl("评定记录", "records", low=Decimal(1), high=Decimal(3), span=HERE),
    "score": FactDecl("评分", "judgement", low=Decimal("0.5"), high=Decimal(2), zero_means_absent=False,
                      span=HERE),
    "score_records": FactDecl("评分记录", "records", low=Decimal("0.1"), high=Decimal("0.5"),
                              zero_means_absent=False, span=HERE),
}
_ROW = re.compile(r"^\| `(?P<given>[^`]*)` \| (?P<result>.*) \|$")


def doc_examples() -> list:
    rows, kind = [], None
    for number, line in enumerate(DOC.read_text(encoding="utf-8").splitlines(), start=1):
        marker = re.fullmatch(r"<!-- examples: (\w+) -->", line.strip())
        if marker:
            kind = marker.group(1)
            continue
        if kind is None:
            continue
        if not line.startswith("|"):
            if line.strip() and not line.startswith("|"):
                kind = None  # the table ended
            continue
        match = _ROW.match(line)
        if match:
            rows.append(pytest.param(kind, match["given"], match["result"], id=f"{kind}-L{number}"))
    return rows


EXAMPLES = doc_examples()


def test_every_type_has_examples():
    assert {p.values[0] for p in EXAMPLES} == set(DECLS)
    assert len(EXAMPLES) > 80


def assert_worded_for_a_person(refusal: Refusal) -> None:
    """No Python repr of a value in either language: no Decimal('…'), no '…', no […]."""
    assert "'" not in refusal.zh and "[" not in refusal.zh, refusal.zh
    for text in (refusal.zh, refusal.en):
        assert "Decimal(" not in text and not re.search(r"'[^' ]*'|\['|\[\d", text), text


def _read(given: str):
    # as the JSON reader reads it: numbers through the same hook, never float
    return json.loads(given, parse_float=number_token, parse_int=number_token)


def _expected(kind: str, text: str):
    if kind == "flag":
        return {"是": True, "否": False}[text]
    if kind == "choice":
        return text
    if DECLS[kind].type == "records":
        return [Decimal(v) for v in json.loads(text, parse_float=Decimal)]
    return Decimal(text)


@pytest.mark.parametrize("kind, given, result", EXAMPLES)
def test_doc_example(kind, given, result):
    decl, value = DECLS[kind], _read(given)
    coerce = COERCE[decl.type]
    if result.startswith("✗"):
        with pytest.raises(Refusal) as info:
            coerce(decl, value)
        assert_worded_for_a_person(info.value)
        return
    wanted = _expected(kind, re.match(r"`([^`]*)`", result).group(1))
    got = coerce(decl, value)
    if decl.type == "judgement":
        got = got[0]
    elif decl.type == "records":
        got = [amount for amount, _ in got]
    assert got == wanted and type(got) is type(wanted) or (kind == "count" and got == wanted and type(got) is int)
