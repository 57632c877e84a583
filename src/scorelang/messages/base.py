"""What a catalogue entry is: ``Message`` (one kind of problem with its code, severity and
words), ``Phrase`` (reusable words such as "did you mean") and ``Words`` (a field value that
reads differently in each language). The entries themselves are in the sibling modules."""
from __future__ import annotations

import string
from collections.abc import Iterable
from typing import Any

import attrs

from ..diagnostics import Diagnostic, Related, Rewrite, Severity
from ..span import Span

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@attrs.frozen
class Words:
    """A value that reads differently in each language (a type name, a list of names)."""

    zh: str
    en: str

    def __str__(self) -> str:
        return self.zh


def _fill(template: str, lang: str, fields: dict[str, Any]) -> str:
    if not template:
        return ""
    values = {k: (getattr(v, lang) if isinstance(v, Words) else v) for k, v in fields.items()}
    return template.format(**values)


def template_fields(template: str) -> set[str]:
    """The field names a ``str.format`` template uses."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template)
            if name is not None}


class _Templates:
    fields: tuple[str, ...]
    name: str

    def _check(self, fields: dict[str, Any]) -> None:
        if set(fields) != set(self.fields):
            raise TypeError(f"{self.name} takes the fields {sorted(self.fields)}, got {sorted(fields)}")


@attrs.frozen
class Phrase(_Templates):
    """Reusable words that go into a diagnostic: a hint shared by several messages, the label
    of a related position."""

    name: str
    fields: tuple[str, ...]
    zh: str
    en: str

    def words(self, **fields: Any) -> Words:
        self._check(fields)
        return Words(_fill(self.zh, "zh", fields), _fill(self.en, "en", fields))

    def templates(self) -> tuple[str, ...]:
        return (self.zh, self.en)


@attrs.frozen
class Message(_Templates):
    """One kind of problem: its code, severity and words (see the module docstring)."""

    name: str
    code: str
    severity: Severity
    fields: tuple[str, ...]
    zh: str
    en: str
    hint_zh: str = ""
    hint_en: str = ""

    def templates(self) -> tuple[str, ...]:
        return (self.zh, self.en, self.hint_zh, self.hint_en)

    def words(self, **fields: Any) -> Words:
        """The message text in both languages (for a message nested inside another)."""
        self._check(fields)
        return Words(_fill(self.zh, "zh", fields), _fill(self.en, "en", fields))

    def at(self, span: Span | None, *, hint: Words | None = None, related: Iterable[Related] = (),
           rewrite: Rewrite | None = None, **fields: Any) -> Diagnostic:
        """The diagnostic for a problem at ``span`` of a policy (or of a facts file).

        ``hint`` replaces the entry's own hint (e.g. a "did you mean" that was found);
        ``rewrite`` is the exact fix, as data (see ``diagnostics.Rewrite``).
        """
        return self._diagnostic(fields, span=span, hint=hint, related=tuple(related), rewrite=rewrite)

    def about(self, entity: str | None = None, fact: str | None = None, *, hint: Words | None = None,
              **fields: Any) -> Diagnostic:
        """The diagnostic for a problem with the facts of ``entity`` (and ``fact``)."""
        return self._diagnostic(fields, entity=None if entity is None else str(entity),
                                fact=None if fact is None else str(fact), hint=hint)

    def _diagnostic(self, fields: dict[str, Any], *, hint: Words | None, **where: Any) -> Diagnostic:
        self._check(fields)
        if hint is None:
            hint = Words(_fill(self.hint_zh, "zh", fields), _fill(self.hint_en, "en", fields))
        return Diagnostic(self.code, _fill(self.zh, "zh", fields), _fill(self.en, "en", fields),
                          severity=self.severity, hint=hint.zh, hint_en=hint.en, **where)


def _fields(spec: str) -> tuple[str, ...]:
    return tuple(spec.split())


def error(name: str, code: str, fields: str, zh: str, en: str, hint_zh: str = "", hint_en: str = "") -> Message:
    return Message(name, code, ERROR, _fields(fields), zh, en, hint_zh, hint_en)


def warning(name: str, code: str, fields: str, zh: str, en: str, hint_zh: str = "", hint_en: str = "") -> Message:
    return Message(name, code, WARNING, _fields(fields), zh, en, hint_zh, hint_en)


def info(name: str, code: str, fields: str, zh: str, en: str, hint_zh: str = "", hint_en: str = "") -> Message:
    """A note for the author (信息): never fails a check, shown so that something is visible."""
    return Message(name, code, INFO, _fields(fields), zh, en, hint_zh, hint_en)


def phrase(name: str, fields: str, zh: str, en: str) -> Phrase:
    return Phrase(name, _fields(fields), zh, en)


def related(span: Span, label: Phrase) -> Related:
    """A second position, labelled with a field-less phrase ("first declared here")."""
    words = label.words()
    return Related(span, words.zh, words.en)
