"""The pytest plugin: a plain ``pytest`` runs every ``*.cases.yaml`` case file it meets.

Registered through the ``pytest11`` entry point (pyproject.toml), so installing scorelang is
enough. Each case is one test item, ``path/file.cases.yaml::<case name>``; a failing case is
reported as ``scorelang test`` reports it (expected, actual and the trace lines). A case file
that cannot be read is one failing item with its located diagnostics. The policy is the one
the case file names (``policy:``), loaded once per session.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import scorelang

from .. import messages as msg
from ..diagnostics import FactsError, PolicyError, ScorelangError, render_text
from .casefile import SUFFIX, Case, CaseFile, CaseFileError, read_case_file
from .cases import render_failures, run_case

_POLICIES: dict[str, scorelang.Policy | ScorelangError] = {}
_DOCUMENTS: dict[str, dict[str, Any]] = {}


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.name.endswith(SUFFIX):
        return CaseFileCollector.from_parent(parent, path=file_path)
    return None


def _policy(path: str) -> scorelang.Policy:
    if path not in _POLICIES:
        try:
            _POLICIES[path] = scorelang.load(path)
        except PolicyError as error:
            _POLICIES[path] = error
    loaded = _POLICIES[path]
    if isinstance(loaded, ScorelangError):
        raise CaseProblem(render_text(loaded.diagnostics, loaded.sources))
    return loaded


class CaseProblem(Exception):
    """A case that could not run (bad case file, bad policy, unreadable facts): its message."""


class CaseFailed(Exception):
    """A case whose figures differ: the report of ``scorelang test``."""


class CaseFileCollector(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        try:
            case_file = read_case_file(str(self.path))
        except CaseFileError as error:
            yield BrokenCaseFile.from_parent(self, name="<case file>",
                                             message=render_text(error.diagnostics, error.sources))
            return
        for case in case_file.cases:
            yield CaseItem.from_parent(self, name=case.name, case=case, case_file=case_file)


class BrokenCaseFile(pytest.Item):
    def __init__(self, *, message: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.message = message

    def runtest(self) -> None:
        raise CaseProblem(self.message)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        return str(excinfo.value)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"{self.path.name} (case file)"


class CaseItem(pytest.Item):
    def __init__(self, *, case: Case, case_file: CaseFile, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case
        self.case_file = case_file

    def runtest(self) -> None:
        if self.case_file.policy is None:
            raise CaseProblem(render_text((msg.CASES_NO_POLICY.at(None, path=self.case_file.path),)))
        policy = _policy(self.case_file.policy)
        try:
            result = run_case(policy, self.case, documents=_DOCUMENTS)
        except FactsError as error:  # an unreadable facts_file
            raise CaseProblem(render_text(error.diagnostics, error.sources)) from None
        if not result.passed:
            raise CaseFailed(render_failures(result))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, (CaseFailed, CaseProblem)):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, self.case.span.line - 1, f"case 「{self.case.name}」"
