"""Reading regression case files (``*.cases.yaml``, docs/testing.md) into checked data.

A case file is read once into ``CaseFile``: its cases, each with the facts it gives and the
figures it expects, every figure with the span of its value in the file (so a failure and
``--update`` point at the line, and ``--update`` rewrites that value in place). Every
problem of the file is collected and raised at once as ``CaseFileError`` (SL3xx), each at
the file, line and column where it is written.
"""
from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs
import yaml

from .. import messages as msg
from ..diagnostics import Diagnostic, ScorelangError
from ..messages.base import Words
from ..runtime.yaml_loader import AliasProblem, DuplicateKey, TooDeep, compose_yaml
from ..span import Span

SUFFIX = ".cases.yaml"

FILE_KEYS = ("policy", "facts_file", "entity", "description", "cases")
CASE_KEYS = ("name", "source", "entity", "facts_file", "facts", "entities", "expect")
ENTITY_KEYS = ("facts", "expect")
EXPECT_KEYS = ("items", "sections", "tasks", "weighted", "adjustments", "derived", "total", "rank", "award",
               "grade", "flags", "error")
ITEM_KEYS = ("score", "bonus")
SECTION_KEYS = ("score",)
TASK_KEYS = ("score", "weighted", "bonus")
AWARD_KEYS = ("name", "status", "candidates")
ERROR_KEYS = ("code", "entity", "fact")
#: figures that only a ranked cohort has: a case expecting one scores every entity
COHORT_FIGURES = frozenset({"rank", "award", "award_status", "award_candidates", "grade", "grade_status",
                            "grade_candidates", "flags"})

_DECIMAL = Words("小数（如 \"28.50\"）", 'a decimal (such as "28.50")')
_INTEGER = Words("正整数", "a positive whole number")
_TEXT = Words("文字", "text")
_MAPPING = Words("映射（键: 值）", "a mapping (key: value)")
_LIST = Words("列表（- …）", "a list (- …)")


class CaseFileError(ScorelangError):
    """A case file that cannot be read as cases: every problem, each at its file:line:column."""


@attrs.frozen
class Figure:
    """One expected figure of one entity.

    Attributes:
        entity: whose figure; path: what it is: ``("item", "3.1", "score")``, ``("section",
            "3/基础建设", "score")``, ``("task", "3", "weighted")``, ``("total",)``, ``("rank",)``,
            ``("award",)``, ``("award_status",)``, ``("award_candidates",)``, ``("grade",)``,
            ``("grade_status",)``, ``("grade_candidates",)``, ``("flags",)``.
        expected: Decimal for scores, int for rank, str or None for an award or grade (None
            also while pending), tuple of str for flags and candidates.
        span: where the expected value is written; quote: its quote character ("" unquoted).
    """

    entity: str
    path: tuple[str, ...]
    expected: Any
    span: Span = attrs.field(eq=False)
    quote: str = attrs.field(default="", eq=False)

    @property
    def label(self) -> str:
        """How a report names the figure: ``3.1 score``, ``task 3 weighted``, ``total``."""
        kind = self.path[0]
        if kind == "item":
            return f"{self.path[1]} {self.path[2]}"
        if kind in ("section", "task"):
            return f"{kind} {self.path[1]} {self.path[2]}"
        if kind in ("adjustment", "derived"):
            return f"{kind} {self.path[1]}"
        return kind.replace("_", " ")

    @property
    def cohort(self) -> bool:
        return self.path[0] in COHORT_FIGURES


@attrs.frozen
class ErrorExpectation:
    """A facts error the case expects (its code; the entity and fact when given)."""

    code: str
    entity: str | None
    fact: str | None
    span: Span = attrs.field(eq=False)


@attrs.frozen
class EntityCase:
    """One entity of a case: its facts (over the facts file's, ``None`` removes one) and its figures."""

    entity: str
    facts: Mapping[str, Any]
    figures: tuple[Figure, ...]
    errors: tuple[ErrorExpectation, ...]


@attrs.frozen
class Case:
    """One regression case: a name, the source sentence it checks, its entities."""

    name: str
    source: str | None
    file: str
    span: Span = attrs.field(eq=False)
    facts_file: str | None
    entities: tuple[EntityCase, ...]

    @property
    def cohort(self) -> bool:
        """The case expects a rank, award or flags: every entity is scored and ranked."""
        return any(f.cohort for e in self.entities for f in e.figures)


@attrs.frozen
class CaseFile:
    """A case file: its path and text, the policy it names (resolved) and its cases."""

    path: str
    text: str
    policy: str | None
    cases: tuple[Case, ...]


# ------------------------------------------------------------------ reading
def read_case_file(path: str) -> CaseFile:
    """Read and check one case file. Raises CaseFileError listing every problem."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        reason: str | Words = Words("不是 UTF-8 编码", "not UTF-8 encoded")
        if isinstance(exc, OSError):
            reason = exc.strerror or Words("无法读取", "cannot be read")
        raise CaseFileError((msg.CASES_UNREADABLE.at(None, path=path, reason=reason),)) from None
    return parse_case_file(text, path)


def parse_case_file(text: str, path: str) -> CaseFile:
    """Check the text of a case file (``path`` names it in messages and resolves relative paths)."""
    reader = _Reader(text, path)
    result = reader.read()
    if reader.problems:
        raise CaseFileError(tuple(reader.problems), {path: text})
    return result


def find_case_files(paths: tuple[str, ...] | list[str]) -> list[str]:
    """The case files at ``paths``: files as given, directories searched for ``*.cases.yaml``."""
    found: list[str] = []
    missing: list[Diagnostic] = []
    for path in paths:
        if os.path.isdir(path):
            inside = sorted(os.path.join(root, name) for root, _, names in os.walk(path)
                            for name in names if name.endswith(SUFFIX))
            if not inside:
                missing.append(msg.CASES_NOT_FOUND.at(None, path=path))
            found.extend(inside)
        elif os.path.isfile(path):
            found.append(path)
        else:
            missing.append(msg.CASES_NOT_FOUND.at(None, path=path))
    if missing:
        raise CaseFileError(tuple(missing))
    return found


class _Reader:
    def __init__(self, text: str, path: str) -> None:
        self.text, self.path = text, path
        self.base = os.path.dirname(os.path.abspath(path))
        self.problems: list[Diagnostic] = []
        self.construct: Callable[[yaml.Node], Any] = lambda n: None

    # -------------------------------------------------------------- helpers
    def span(self, node: yaml.Node) -> Span:
        start, end = node.start_mark, node.end_mark
        return Span(self.path, start.line + 1, start.column + 1, end.line + 1, end.column + 1,
                    start.index, end.index)

    def problem(self, diagnostic: Diagnostic) -> None:
        self.problems.append(diagnostic)

    def mapping(self, node: yaml.Node, where: str | Words,
                known: tuple[str, ...]) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """The pairs of a mapping node by key; unknown keys are problems (with the known ones)."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(msg.CASES_SHAPE.at(self.span(node), where=where, expected=_MAPPING))
            return {}
        pairs: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = str(self.construct(key_node))
            if key in pairs:  # the same key twice is never silently the last one
                self.problem(msg.CASES_YAML.at(self.span(key_node), problem=_yaml_words(DuplicateKey(key))))
                continue
            if known and key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = msg.DID_YOU_MEAN.words(name=close[0]) if close else None
                self.problem(msg.CASES_UNKNOWN_KEY.at(self.span(key_node), key=key, where=where,
                                                      known="、".join(known), hint=hint))
                continue
            pairs[key] = (key_node, value_node)
        return pairs

    def text_of(self, node: yaml.Node, where: str | Words) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self.problem(msg.CASES_SHAPE.at(self.span(node), where=where, expected=_TEXT))
            return None
        return str(node.value)

    def resolve(self, relative: str) -> str:
        return os.path.normpath(os.path.join(self.base, relative))

    # -------------------------------------------------------------- the file
    def read(self) -> CaseFile:
        try:
            root, self.construct = compose_yaml(self.text)
        except (yaml.YAMLError, DuplicateKey, TooDeep, AliasProblem) as exc:
            self.problem(msg.CASES_YAML.at(self._mark_span(exc), problem=_yaml_words(exc)))
            return CaseFile(self.path, self.text, None, ())
        if root is None:
            self.problem(msg.CASES_MISSING_KEY.at(Span(self.path, 1, 1, 1, 1), key="cases",
                                                  where=Words("用例文件", "case file")))
            return CaseFile(self.path, self.text, None, ())
        top = self.mapping(root, Words("用例文件", "case file"), FILE_KEYS)
        policy = None
        if "policy" in top:
            name = self.text_of(top["policy"][1], "policy")
            policy = self.resolve(name) if name else None
        facts_file = None
        if "facts_file" in top:
            name = self.text_of(top["facts_file"][1], "facts_file")
            facts_file = self.resolve(name) if name else None
        entity = self.text_of(top["entity"][1], "entity") if "entity" in top else None
        cases: list[Case] = []
        if "cases" not in top:
            if isinstance(root, yaml.MappingNode):
                self.problem(msg.CASES_MISSING_KEY.at(self.span(root), key="cases",
                                                      where=Words("用例文件", "case file")))
        elif not isinstance(top["cases"][1], yaml.SequenceNode):
            self.problem(msg.CASES_SHAPE.at(self.span(top["cases"][1]), where="cases", expected=_LIST))
        else:
            seen: set[str] = set()
            for node in top["cases"][1].value:
                case = self.case(node, entity, facts_file)
                if case is None:
                    continue
                if case.name in seen:
                    self.problem(msg.CASES_DUPLICATE_NAME.at(case.span, name=case.name))
                seen.add(case.name)
                cases.append(case)
        return CaseFile(self.path, self.text, policy, tuple(cases))

    def _mark_span(self, exc: Exception) -> Span:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "mark", None)
        if mark is not None:
            return Span(self.path, mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 2,
                        mark.index, mark.index + 1)
        line, column = getattr(exc, "line", None) or 1, getattr(exc, "column", None) or 1
        return Span(self.path, line, column, line, column + 1)

    # -------------------------------------------------------------- one case
    def case(self, node: yaml.Node, entity: str | None, facts_file: str | None) -> Case | None:
        where = Words("用例", "case")
        if isinstance(node, yaml.MappingNode):  # name the case in its own problems when it has a name
            named = [v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == "name"
                     and isinstance(v, yaml.ScalarNode)]
            if named:
                where = Words(f"用例「{named[0].value}」", f"case 「{named[0].value}」")
        before = len(self.problems)
        keys = self.mapping(node, where, CASE_KEYS)
        if not keys:
            return None
        name = self.text_of(keys["name"][1], "name") if "name" in keys else None
        if name is None:
            if "name" not in keys:
                self.problem(msg.CASES_MISSING_KEY.at(self.span(node), key="name", where=where))
            return None
        where = Words(f"用例「{name}」", f"case 「{name}」")
        source = self.text_of(keys["source"][1], "source") if "source" in keys else None
        if "entity" in keys:
            entity = self.text_of(keys["entity"][1], "entity")
        if "facts_file" in keys:
            given = self.text_of(keys["facts_file"][1], "facts_file")
            facts_file = self.resolve(given) if given else None
        entities: list[EntityCase] = []
        if "entities" in keys:
            if "facts" in keys or "expect" in keys:
                first = keys.get("facts", keys.get("expect"))
                assert first is not None
                self.problem(msg.CASES_UNKNOWN_KEY.at(
                    self.span(first[0]), key=str(first[0].value), where=where, known="entities",
                    hint=Words("有 entities: 时，事实和期望写在每个对象之下",
                               "with entities:, write facts and expect under each entity")))
            for entity_node, body in self.mapping(keys["entities"][1], "entities", ()).values():
                entity_name = str(self.construct(entity_node))
                parts = self.mapping(body, Words(f"对象「{entity_name}」", f"entity 「{entity_name}」"),
                                     ENTITY_KEYS)
                entities.append(self.entity_case(entity_name, parts, where))
        else:
            if entity is None:
                self.problem(msg.CASES_MISSING_KEY.at(self.span(node), key="entity", where=where))
                return None
            entities.append(self.entity_case(entity, keys, where))
        if not any(e.figures or e.errors for e in entities) and len(self.problems) == before:
            # (a misspelt expect: is reported once, as the unknown key it is)
            self.problem(msg.CASES_MISSING_KEY.at(self.span(node), key="expect", where=where))
        return Case(name, source, self.path, self.span(node), facts_file, tuple(entities))

    def entity_case(self, entity: str, keys: Mapping[str, tuple[yaml.Node, yaml.Node]],
                    where: Words) -> EntityCase:
        facts: dict[str, Any] = {}
        if "facts" in keys:
            node = keys["facts"][1]
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    name = str(self.construct(k))
                    if name in facts:
                        self.problem(msg.CASES_YAML.at(self.span(k), problem=_yaml_words(DuplicateKey(name))))
                    facts[name] = self.construct(v)
            elif not (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
                self.problem(msg.CASES_SHAPE.at(self.span(node), where="facts", expected=_MAPPING))
        figures: list[Figure] = []
        errors: list[ErrorExpectation] = []
        if "expect" in keys:
            self.expect(entity, keys["expect"][1], figures, errors)
        return EntityCase(entity, facts, tuple(figures), tuple(errors))

    # -------------------------------------------------------------- expectations
    def expect(self, entity: str, node: yaml.Node, figures: list[Figure], errors: list[ErrorExpectation]) -> None:
        keys = self.mapping(node, "expect", EXPECT_KEYS)
        for kind, key_set, name in (("items", ITEM_KEYS, "item"), ("sections", SECTION_KEYS, "section"),
                                    ("tasks", TASK_KEYS, "task")):
            if kind not in keys:
                continue
            for key_node, value in self.mapping(keys[kind][1], kind, ()).values():
                ident = str(self.construct(key_node))
                if isinstance(value, yaml.MappingNode):
                    for field, (_, field_value) in self.mapping(value, f"{kind}: {ident}", key_set).items():
                        self.decimal(figures, entity, (name, ident, field), field_value)
                else:
                    self.decimal(figures, entity, (name, ident, "score"), value)
        if "weighted" in keys:
            for key_node, value in self.mapping(keys["weighted"][1], "weighted", ()).values():
                self.decimal(figures, entity, ("task", str(self.construct(key_node)), "weighted"), value)
        if "adjustments" in keys:
            for key_node, value in self.mapping(keys["adjustments"][1], "adjustments", ()).values():
                self.decimal(figures, entity, ("adjustment", str(self.construct(key_node))), value)
        if "derived" in keys:  # 计算 { 「结案率」 = … }: the value computed for the entity
            for key_node, value in self.mapping(keys["derived"][1], "derived", ()).values():
                self.decimal(figures, entity, ("derived", str(self.construct(key_node))), value)
        if "total" in keys:
            self.decimal(figures, entity, ("total",), keys["total"][1])
        if "rank" in keys:
            rank = keys["rank"][1]
            rank_value = self.construct(rank) if isinstance(rank, yaml.ScalarNode) else None
            if isinstance(rank_value, int) and not isinstance(rank_value, bool) and rank_value >= 1:
                figures.append(Figure(entity, ("rank",), rank_value, self.span(rank), _quote(rank)))
            else:
                self.problem(msg.CASES_BAD_FIGURE.at(self.span(rank), figure="rank", value=_shown(rank),
                                                     expected=_INTEGER, hint=Words("", "")))
        if "award" in keys:
            self.award(entity, keys["award"][1], figures)
        if "grade" in keys:
            self.award(entity, keys["grade"][1], figures, "grade")
        if "flags" in keys:
            flags = keys["flags"][1]
            if isinstance(flags, yaml.SequenceNode) and all(isinstance(n, yaml.ScalarNode) for n in flags.value):
                figures.append(Figure(entity, ("flags",), tuple(str(n.value) for n in flags.value), self.span(flags)))
            else:
                self.problem(msg.CASES_SHAPE.at(self.span(flags), where="flags", expected=_LIST))
        if "error" in keys:
            self.error(entity, keys["error"][1], errors)

    def decimal(self, figures: list[Figure], entity: str, path: tuple[str, ...], node: yaml.Node) -> None:
        label = Figure(entity, path, None, self.span(node)).label
        if isinstance(node, yaml.ScalarNode):
            try:
                value = Decimal(str(node.value).strip())
            except InvalidOperation:
                value = None
            if value is not None and value.is_finite():
                figures.append(Figure(entity, path, value, self.span(node), _quote(node)))
                return
        self.problem(msg.CASES_BAD_FIGURE.at(self.span(node), figure=label, value=_shown(node), expected=_DECIMAL))

    def award(self, entity: str, node: yaml.Node, figures: list[Figure], what: str = "award") -> None:
        """``award: 一等奖`` or ``{name: …, status: pending, candidates: [一等奖, 二等奖]}``; a grade alike."""
        if isinstance(node, yaml.MappingNode):
            parts = self.mapping(node, what, AWARD_KEYS)
            for key, path in (("name", (what,)), ("status", (f"{what}_status",))):
                if key in parts:
                    self.award_value(entity, path, parts[key][1], figures)
            if "candidates" in parts:
                listed = parts["candidates"][1]
                if isinstance(listed, yaml.SequenceNode) and all(isinstance(n, yaml.ScalarNode) for n in listed.value):
                    figures.append(Figure(entity, (f"{what}_candidates",), tuple(str(n.value) for n in listed.value),
                                          self.span(listed)))
                else:
                    self.problem(msg.CASES_SHAPE.at(self.span(listed), where="candidates", expected=_LIST))
            return
        self.award_value(entity, (what,), node, figures)

    def award_value(self, entity: str, path: tuple[str, ...], node: yaml.Node, figures: list[Figure]) -> None:
        if not isinstance(node, yaml.ScalarNode):
            self.problem(msg.CASES_SHAPE.at(self.span(node), where=path[0], expected=_TEXT))
            return
        value = None if node.tag.endswith(":null") and node.style is None else str(node.value)
        figures.append(Figure(entity, path, value, self.span(node), _quote(node)))

    def error(self, entity: str, node: yaml.Node, errors: list[ErrorExpectation]) -> None:
        nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
        for one in nodes:
            if isinstance(one, yaml.ScalarNode):
                errors.append(ErrorExpectation(str(one.value), entity, None, self.span(one)))
                continue
            parts = self.mapping(one, "error", ERROR_KEYS)
            if "code" not in parts:
                self.problem(msg.CASES_MISSING_KEY.at(self.span(one), key="code", where="error"))
                continue
            values = {k: self.text_of(v, k) for k, (_, v) in parts.items()}
            errors.append(ErrorExpectation(values["code"] or "", values.get("entity") or entity,
                                           values.get("fact"), self.span(one)))


def _quote(node: yaml.Node) -> str:
    style = getattr(node, "style", None)
    return style if style in ("'", '"') else ""


def _shown(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        text = str(node.value)
        return f"「{text[:40]}」"
    return "「…」"


def _yaml_words(exc: Exception) -> str | Words:
    if isinstance(exc, DuplicateKey):
        return Words(f"「{exc.key}」写了两次", f"「{exc.key}」 is written twice")
    if isinstance(exc, TooDeep):
        return Words("嵌套太深", "nested too deep")
    if isinstance(exc, AliasProblem):
        return Words("别名（*名称）引用了包含它自己的值，或展开得太多",
                     "an alias (*name) refers to itself or expands too far")
    if isinstance(exc, yaml.MarkedYAMLError):
        return str(exc.problem or exc.context or "")
    return Words("无法解析", "cannot be parsed")
