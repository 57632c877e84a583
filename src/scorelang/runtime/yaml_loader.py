"""The YAML loader for facts files: safe, exact and bounded.

It builds on PyYAML's safe loader (libyaml scanning and parsing in C when PyYAML has it, the
composer and constructor in Python) and adds what a facts file needs: numbers as Decimal under
the same rule as text (``runtime/values.py``), dates kept as written, duplicate keys refused,
nesting bounded, and aliases refused when they refer to themselves or would expand past
MAX_ALIAS_EXPANSION values — an alias bomb (9 levels of 9 aliases: 387 million values from a
few hundred bytes) is refused before anything walks it. Problems are raised as the exceptions
below; ``runtime/sources.py`` turns them into diagnostics.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, Protocol

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from .values import MAX_ALIAS_EXPANSION, MAX_DEPTH, number_token


class Mark(Protocol):
    """Where in the text (0-based), as PyYAML's Python and libyaml parsers both mark it."""

    line: int
    column: int


def _mark(event: yaml.Event) -> Mark:
    mark = event.start_mark
    assert mark is not None  # both parsers mark every event
    return mark


class DuplicateKey(Exception):
    """The same key twice in one mapping (line and column when the format keeps them)."""

    def __init__(self, key: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(key)
        self.key, self.line, self.column = key, line, column


class TooDeep(Exception):
    """Nesting past MAX_DEPTH, at ``mark``."""

    def __init__(self, mark: Mark) -> None:
        super().__init__("too deep")
        self.mark = mark


class AliasProblem(Exception):
    """An alias (at ``mark``) that refers to itself (``size`` None) or expands to ``size`` values."""

    def __init__(self, mark: Mark, anchor: str, size: int | None) -> None:
        super().__init__(anchor)
        self.mark, self.anchor, self.size = mark, anchor, size  # size None: refers to itself


if TYPE_CHECKING:
    from yaml.parser import Parser

    class _Host(Parser, Composer, SafeConstructor):
        """What the guards are mixed in ahead of (for the type checker only)."""

        def peek_event(self) -> yaml.NodeEvent: ...  # untyped in the stubs; compose_node meets node events
else:
    _Host = object


class _Guarded(_Host):
    """The guards, mixed in ahead of PyYAML's composer and constructor."""

    def __init__(self) -> None:
        self._depth = 0
        self._open_anchors: list[str | None] = []
        self._alias_uses: list[tuple[Mark, str, yaml.Node]] = []

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            anchor = event.anchor
            assert anchor is not None  # an alias names its anchor
            if anchor in self._open_anchors:  # &a [*a]: a value that contains itself
                raise AliasProblem(_mark(event), anchor, None)
            node = super().compose_node(parent, index)
            assert node is not None  # an alias composes to the node it names
            self._alias_uses.append((_mark(event), anchor, node))
            return node
        event = self.peek_event()
        if self._depth >= MAX_DEPTH:
            raise TooDeep(_mark(event))
        self._depth += 1
        self._open_anchors.append(event.anchor)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1
            self._open_anchors.pop()

    def compose_document(self) -> yaml.Node | None:
        node = super().compose_document()
        if self._alias_uses and node is not None:
            _check_alias_expansion(node, self._alias_uses)
        return node

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        # Only the keys written in this mapping: a key that overrides one merged in with
        # "<<: *defaults" is an intended override, not a duplicate.
        seen: set[object] = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or not isinstance(key_node, yaml.ScalarNode):
                continue
            key = self.construct_object(key_node)
            if key in seen:
                mark = key_node.start_mark
                raise DuplicateKey(str(key), mark.line + 1, mark.column + 1)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


class _PythonLoader(_Guarded, yaml.SafeLoader):
    """PyYAML's pure-Python safe loader, guarded (where PyYAML was built without libyaml)."""

    def __init__(self, stream: str) -> None:
        yaml.SafeLoader.__init__(self, stream)
        _Guarded.__init__(self)


LIBYAML = bool(getattr(yaml, "__with_libyaml__", False))
_Loader: type[_Guarded] = _PythonLoader
if LIBYAML:
    from yaml._yaml import CParser

    class _LibyamlLoader(_Guarded, Composer, CParser, SafeConstructor, Resolver):
        """libyaml scans and parses (in C, ten times faster); composing stays in Python, guarded."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            _Guarded.__init__(self)

    _Loader = _LibyamlLoader


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        children: list[yaml.Node] = node.value
        return children
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    return []


def _check_alias_expansion(root: yaml.Node, uses: list[tuple[Mark, str, yaml.Node]]) -> None:
    """Refuse a document whose aliases, expanded, add more than MAX_ALIAS_EXPANSION values.

    Sizes are counted once per node (post-order, without recursion), so the check costs what
    the document as written costs, however far its aliases would expand.
    """
    size: dict[int, int] = {}
    stack = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in size:
            continue
        children = _children(node)
        if children_done:
            size[id(node)] = 1 + sum(size[id(child)] for child in children)
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in size)
    added = size[id(root)] - len(size)  # the expanded document beyond the nodes written
    if added > MAX_ALIAS_EXPANSION:
        mark, anchor, node = max(uses, key=lambda use: size[id(use[2])])
        raise AliasProblem(mark, anchor, size[id(node)])


def _yaml_number(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    # The token as written, under the same number rule as text: 010 is 10 (not YAML 1.1's
    # octal 8); 0x1F, 1_000, +3 and 1:30 (sexagesimal) stay text, refused as they are in CSV.
    return number_token(loader.construct_scalar(node))


def _yaml_bool(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> bool | str:
    # true/false are yes/no values; YAML 1.1's yes/no/on/off stay words, read as a CSV cell is.
    text = loader.construct_scalar(node)
    return {"true": True, "false": False}.get(text.lower(), text)


def _yaml_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return loader.construct_scalar(node)


_LOADERS: set[type[_Guarded]] = {_PythonLoader, _Loader}
for _loader in _LOADERS:
    _loader.add_constructor("tag:yaml.org,2002:int", _yaml_number)
    _loader.add_constructor("tag:yaml.org,2002:float", _yaml_number)
    _loader.add_constructor("tag:yaml.org,2002:bool", _yaml_bool)
    # Dates and times as written ("2017-03-01"), the same value a JSON file would give.
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _yaml_text)


def load_yaml(text: str, loader: type[_Guarded] | None = None) -> Any:
    """Parse ``text``; raises yaml.YAMLError, DuplicateKey, TooDeep or AliasProblem.

    ``loader``: the libyaml-backed loader by default; tests pass ``_PythonLoader`` too.
    """
    # the stubs list PyYAML's own loader classes; ours are built from their parts
    return yaml.load(text, Loader=loader or _Loader)  # type: ignore[arg-type]  # noqa: S506 — SafeConstructor


def compose_yaml(text: str) -> tuple[yaml.Node | None, Callable[[yaml.Node], Any]]:
    """The node tree of ``text`` (with each node's line and column) and a function that builds
    a node's value under the same rules as ``load_yaml``: for files whose readers point back at
    lines (regression case files). Uses the pure-Python loader, whose marks count characters.
    Raises what ``load_yaml`` raises."""
    loader = _PythonLoader(text)
    node = loader.get_single_node()

    def construct(n: yaml.Node) -> Any:
        return loader.construct_object(n, deep=True)
    return node, construct
