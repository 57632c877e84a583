"""The engine holds no text of one particular policy: no article numbers (第…条) and no words
of the 2017 policy in src/'s string constants. Where the engine explains a behaviour it cites
the clause the policy attaches (依据 "…"), or none — policies/2017.score attaches its own.

Docstrings and comments may name articles as examples; string constants the program uses may not.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "scorelang"
ARTICLE = re.compile(r"第[一二三四五六七八九十百零〇两\d]+条")
# words only the 2017 policy (a county-level 司法局 assessment in 凉山州) would put in the engine
POLICY_WORDS = ("凉山", "凉司发", "司法局", "县市", "西昌", "整改报告", "领导小组", "法宣科", "特殊情况扣分")


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def policy_text(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string constant, docstrings excepted, that holds policy text."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            text = node.value
            if ARTICLE.search(text) or any(word in text for word in POLICY_WORDS):
                found.append((node.lineno, text))
    return found


def test_the_check_sees_strings_and_f_strings_but_not_docstrings_or_comments():
    source = ('"""第十四条 in a docstring."""\n'
              '# 第十四条 in a comment\n'
              'A = "（第十六条）"\n'
              'def f(x):\n    """领导小组 in a docstring"""\n    return f"{x}须由考评领导小组认定"\n'
              'B = "第…条"\n')
    assert [line for line, _ in policy_text(source)] == [3, 6]


def test_src_holds_no_article_numbers_or_2017_wording():
    offenders = [f"{path.relative_to(SRC)}:{line}: {text!r}"
                 for path in sorted(SRC.rglob("*.py"))
                 for line, text in policy_text(path.read_text(encoding="utf-8"))]
    assert not offenders, "policy text in the engine:\n" + "\n".join(offenders)
