"""Stage 1: .score text → syntax tree. ``parse`` returns a syntax.Policy or raises PolicyError."""
from __future__ import annotations

from lark.exceptions import UnexpectedInput, VisitError

from ..diagnostics import Diagnostic, Diagnostics, PolicyError
from ..span import SourceText
from . import nodes
from .errors import diagnostic_from
from .from_lark import to_syntax
from .grammar import parser

__all__ = ["parse", "nodes"]

_MAX_ERRORS = 20


def parse(text: str, file: str = "<string>") -> nodes.Policy:
    """Parse a whole policy. Every syntax error found is reported at once.

    Recovery: after an error, the offending line is blanked (offsets preserved) and the text
    parsed again, so one run reports the errors of several lines.
    """
    if not isinstance(text, str):
        raise TypeError("parse() takes the policy text as str")
    source = SourceText(file, text)
    collector = Diagnostics()
    current = text
    seen_lines: set[int] = set()
    lark = parser()
    while True:
        try:
            tree = lark.parse(current)
        except UnexpectedInput as exc:
            diagnostic = diagnostic_from(exc, SourceText(file, current), lark)
            diagnostic = Diagnostic(diagnostic.code, diagnostic.message, diagnostic.message_en,
                                    diagnostic.span, diagnostic.severity, diagnostic.hint,
                                    diagnostic.hint_en, related=diagnostic.related)
            line = diagnostic.span.line if diagnostic.span else 0
            if line in seen_lines:
                break
            seen_lines.add(line)
            collector.add(diagnostic)
            if len(collector) >= _MAX_ERRORS or diagnostic.span is None:
                break
            blanked = _blank_line(current, line)
            if blanked == current:
                break
            current = blanked
            continue
        if collector.items:
            break
        try:
            return to_syntax(tree, file, text)
        except VisitError as exc:  # a transformer bug or an out-of-range literal
            original = exc.orig_exc
            collector.add(Diagnostic("SL002", f"无法读取：{original}", f"cannot read: {original}",
                                     None))
            break
    collector.raise_if_errors(PolicyError, {file: text})
    raise AssertionError("unreachable")  # pragma: no cover


def _blank_line(text: str, line: int) -> str:
    """The text with the erroneous line (and, if it opens a block, the whole block) blanked.

    Offsets and line numbers are preserved: characters become spaces, newlines stay.
    """
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return text
    start = sum(len(l) + 1 for l in lines[: line - 1])
    end = start + len(lines[line - 1])
    old = text[start:end]
    depth = old.count("{") - old.count("}")
    if depth > 0:
        # blank up to the brace that closes the block this line opens
        i = end
        while i < len(text) and depth > 0:
            if text[i] == "{":
                depth += 1
            elif text[i] == "}":
                depth -= 1
            i += 1
        end = i
        replacement = "".join("\n" if ch == "\n" else " " for ch in text[start:end])
    else:
        replacement = "}" * -depth + " " * (len(old) + depth) if depth < 0 else " " * len(old)
    return text[:start] + replacement + text[end:]
