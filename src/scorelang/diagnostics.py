"""Diagnostics as data: every stage collects them, raises once, and one renderer draws them.

A policy diagnostic points at ``file:line:column`` (its ``span``); a facts diagnostic names
the entity and the fact. Messages are Chinese first, with the English text carried beside.
"""
from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable, Iterator

import attrs

from .span import SourceText, Span, display_width


def suggest(name: str, known: Iterable[str], cutoff: float = 0.4, n: int = 1) -> list[str]:
    """The closest known names to a misspelt one, for "did you mean".

    Ties in similarity go to the longer common prefix: 西昌县 suggests 西昌市, not 越西县.
    """
    name = str(name)
    scored = []
    for candidate in dict.fromkeys(known):
        ratio = difflib.SequenceMatcher(None, name, candidate).ratio()
        if ratio >= cutoff:
            prefix = 0
            for a, b in zip(name, candidate, strict=False):  # the common prefix
                if a != b:
                    break
                prefix += 1
            scored.append((-ratio, -prefix, candidate))
    return [c for _, _, c in sorted(scored)[:n]]


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"  # 信息: shown by `check`, never fails anything


@attrs.frozen
class Related:
    """A second position a diagnostic refers to ("first declared here")."""

    span: Span
    message: str
    message_en: str = ""


@attrs.frozen
class Rewrite:
    """The exact fix a hint proposes, as data: replace the text of ``span`` with ``text``.

    A rewrite is only offered when the parser accepts the rewritten line, so an editor (or a
    test) may apply it as it stands.
    """

    span: Span
    text: str

    def apply(self, source: str) -> str:
        return source[: self.span.start] + self.text + source[self.span.end:]


@attrs.frozen
class Diagnostic:
    """One problem found in a policy or in a facts file.

    Attributes:
        code: stable code: ``SL001`` syntax, ``SL1xx`` policy checks, ``SL2xx`` facts.
        severity: error or warning.
        message: the Chinese message; ``message_en`` its English text.
        span: where in the policy (None for facts problems).
        hint: what to write instead (Chinese); ``hint_en`` in English.
        entity, fact: for facts problems, which entity and which fact.
        related: other positions worth showing.
        rewrite: the fix the hint proposes, when it is an exact one (see ``Rewrite``).
    """

    code: str
    message: str
    message_en: str
    span: Span | None = None
    severity: Severity = Severity.ERROR
    hint: str = ""
    hint_en: str = ""
    entity: str | None = None
    fact: str | None = None
    related: tuple[Related, ...] = ()
    rewrite: Rewrite | None = None

    def text(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" and self.message_en else self.message

    def hint_text(self, lang: str = "zh") -> str:
        return self.hint_en if lang == "en" and self.hint_en else self.hint

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "message_en": self.message_en,
            "hint": self.hint or None,
            "hint_en": self.hint_en or None,
        }
        if self.span is not None:
            data.update(file=self.span.file, line=self.span.line, column=self.span.column,
                        end_line=self.span.end_line, end_column=self.span.end_column)
        if self.entity is not None or self.fact is not None:
            data.update(entity=self.entity, fact=self.fact)
        if self.related:
            data["related"] = [
                {"file": r.span.file, "line": r.span.line, "column": r.span.column,
                 "message": r.message, "message_en": r.message_en}
                for r in self.related
            ]
        return data


@attrs.define
class Diagnostics:
    """A collector: stages append, then ``raise_if_errors`` raises one exception for all."""

    items: list[Diagnostic] = attrs.Factory(list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.items.extend(diagnostics)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    def raise_if_errors(self, error_class: type[ScorelangError], sources: dict[str, str] | None = None) -> None:
        if self.errors:
            raise error_class(tuple(sorted_diagnostics(self.items)), sources or {})


def sorted_diagnostics(items: Iterable[Diagnostic]) -> list[Diagnostic]:
    def key(d: Diagnostic) -> tuple[int, str, str | int, str | int, str | int, str]:
        if d.span is not None:
            return (0, d.span.file, d.span.start, d.span.line, d.span.column, d.code)
        return (1, d.entity or "", d.fact or "", d.code, "", "")
    return sorted(items, key=key)


class ScorelangError(Exception):
    """Base of the project's own errors: carries every diagnostic found, not just the first."""

    def __init__(self, diagnostics: tuple[Diagnostic, ...], sources: dict[str, str] | None = None):
        self.diagnostics = tuple(diagnostics)
        self.sources = dict(sources or {})
        super().__init__(render_text(self.diagnostics, self.sources))


class PolicyError(ScorelangError):
    """The policy text is malformed or inconsistent (CLI exit status 2)."""


class FactsError(ScorelangError):
    """The facts given for scoring are invalid (CLI exit status 1); nothing was scored."""


_LABELS = {
    ("zh", Severity.ERROR): "错误",
    ("zh", Severity.WARNING): "警告",
    ("en", Severity.ERROR): "error",
    ("en", Severity.WARNING): "warning",
    ("zh", Severity.INFO): "信息",
    ("en", Severity.INFO): "info",
}


def _snippet(span: Span, source: SourceText | None) -> list[str]:
    if source is None:
        return []
    line = source.line_text(span.line)
    if not line and span.line > 1 and span.start >= len(source.text):
        return []
    gutter = f"{span.line:>4} | "
    prefix = display_width(line[: span.column - 1])
    if span.end_line == span.line and span.end_column > span.column:
        width = display_width(line[span.column - 1 : span.end_column - 1])
    elif span.end_line > span.line:
        # a block: underline the rest of its first line
        width = display_width(line[span.column - 1 :].rstrip())
    else:
        width = display_width(line[span.column - 1 : span.column]) if span.column <= len(line) else 1
    width = max(width, 1)
    return [gutter + line, " " * (len(gutter) - 2) + "| " + " " * prefix + "^" * width]


def render_one(d: Diagnostic, sources: dict[str, str] | None = None, lang: str = "zh") -> str:
    """Render one diagnostic as plain text: location, message, source line, caret, hint."""
    sources = sources or {}
    label = _LABELS[(lang, d.severity)]
    out = []
    if d.span is not None:
        out.append(f"{d.span.location()}: {label}[{d.code}]: {d.text(lang)}")
        text = sources.get(d.span.file)
        out.extend(_snippet(d.span, SourceText(d.span.file, text) if text is not None else None))
    else:
        where = []
        if d.entity is not None:
            where.append(("对象 " if lang == "zh" else "entity ") + f"「{d.entity}」")
        if d.fact is not None:
            where.append(("事实 " if lang == "zh" else "fact ") + f"「{d.fact}」")
        location = (" " + " ".join(where)) if where else ""
        out.append(f"{label}[{d.code}]{location}: {d.text(lang)}")
    hint = d.hint_text(lang)
    if hint:
        out.append(("  提示: " if lang == "zh" else "  hint: ") + hint)
    for r in d.related:
        msg = r.message_en if lang == "en" and r.message_en else r.message
        out.append(f"  {r.span.location()}: {msg}")
    return "\n".join(out)


def render_text(diagnostics: Iterable[Diagnostic], sources: dict[str, str] | None = None, lang: str = "zh") -> str:
    """Render every diagnostic, then a one-line count."""
    items = list(diagnostics)
    parts = [render_one(d, sources, lang) for d in items]
    errors = sum(1 for d in items if d.severity is Severity.ERROR)
    infos = sum(1 for d in items if d.severity is Severity.INFO)
    warnings = len(items) - errors - infos
    if lang == "en":
        parts.append(f"{errors} error(s), {warnings} warning(s)" + (f", {infos} note(s)" if infos else ""))
    else:
        parts.append(f"共 {errors} 个错误，{warnings} 个警告" + (f"，{infos} 条信息" if infos else ""))
    return "\n\n".join(parts[:-1]) + ("\n\n" if len(parts) > 1 else "") + parts[-1]


def to_json(diagnostics: Iterable[Diagnostic]) -> list[dict[str, object]]:
    return [d.to_json() for d in diagnostics]
