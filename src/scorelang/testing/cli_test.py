"""``scorelang test POLICY CASES...`` (and ``scorelang check --format json``'s document).

Kept apart from cli.py, which registers the command in one line. Exit status: 0 every case
passes (and coverage reaches ``--fail-under``); 1 a case fails (or coverage falls short); 2 a
bad policy, a bad case file or bad usage.
"""
from __future__ import annotations

import os
from typing import Any

import click

import scorelang

from ..diagnostics import Diagnostic, FactsError, PolicyError
from ..report.json import render_diagnostics_json
from .casefile import CaseFile, CaseFileError, find_case_files, read_case_file
from .cases import CaseResult, render_failures, run_cases, update_case_files
from .coverage import RuleCoverage

EXIT_FAILED = 1
EXIT_BAD = 2
_CONTEXT = {"help_option_names": ["-h", "--help"]}
#: every diagnostic of ``check --format json`` has these keys (null where they do not apply)
DIAGNOSTIC_KEYS = ("code", "severity", "file", "line", "column", "end_line", "end_column",
                   "message", "message_en", "hint", "hint_en")


def _remember_lang(ctx: click.Context, _param: click.Parameter, value: str) -> str:
    ctx.meta["scorelang.lang"] = value  # the language the diagnostics render in (as cli.py does)
    return value


@click.command("test", context_settings=_CONTEXT)
@click.argument("policy_path", metavar="POLICY", type=click.Path(exists=True, dir_okay=False))
@click.argument("cases", metavar="CASES...", nargs=-1, type=click.Path())
@click.option("--update", is_flag=True,
              help="把未通过的期望值改为实际值（只改已写出的值，逐条列出）/ rewrite failing expectations "
                   "to the actual values after a reviewed rule change (each change is listed).")
@click.option("--coverage", "show_coverage", is_flag=True,
              help="列出每条规则是否被某个用例触发 / list every rule and whether a case made it fire.")
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None, metavar="N",
              help="规则覆盖率低于 N% 时失败 / fail when rule coverage is below N percent.")
@click.option("--properties", is_flag=True,
              help="在随机生成的有效事实上检查不变量 / check the invariants on random valid facts.")
@click.option("--examples", type=click.IntRange(1, 100000), default=100, show_default=True,
              help="--properties 的例子数 / examples per property.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, is_eager=True,
              callback=_remember_lang, help="诊断的语言 / language of diagnostics.")
def test(policy_path: str, cases: tuple[str, ...], update: bool, show_coverage: bool,
         fail_under: float | None, properties: bool, examples: int, lang: str) -> None:
    """运行回归用例 (run regression cases): CASES 为 *.cases.yaml 文件或目录。"""
    policy = scorelang.load(policy_path)
    if not cases and not properties:
        raise click.UsageError("给出用例文件或目录，或 --properties / give case files or directories, or --properties")
    failed = False
    if cases:
        files = _read(cases)
        coverage = RuleCoverage(policy.model) if (show_coverage or fail_under is not None) else None
        try:
            results = run_cases(policy, files, observe=coverage.observe if coverage else None)
        except FactsError as error:  # a facts_file a case file names cannot be read: a bad case file
            from ..cli import _print_diagnostics

            _print_diagnostics(error, click.get_current_context().meta.get("scorelang.lang", "zh"))
            raise click.exceptions.Exit(EXIT_BAD) from None
        if update:
            failed = _update(results, policy.places)
        else:
            failed = _report(results)
        if coverage is not None:
            click.echo(coverage.render(show_all=show_coverage))
            if fail_under is not None and coverage.percent < fail_under:
                click.echo(f"规则覆盖率 {coverage.percent}% 低于 {fail_under:g}% "
                           f"(rule coverage {coverage.percent}% is under {fail_under:g}%)", err=True)
                failed = True
    if properties:
        from .properties import run_properties  # needs hypothesis (the test extra)

        problems = run_properties(policy, max_examples=examples)
        for problem in problems:
            click.echo(problem, err=True)
        click.echo(f"性质 (properties): {'未通过 failed' if problems else '全部通过 all hold'}")
        failed = failed or bool(problems)
    if failed:
        raise click.exceptions.Exit(EXIT_FAILED)


def _read(paths: tuple[str, ...]) -> list[CaseFile]:
    problems: list[Diagnostic] = []
    sources: dict[str, str] = {}
    files: list[CaseFile] = []
    try:
        names = find_case_files(paths)
    except CaseFileError as error:
        _fail(error)
    for name in names:
        try:
            files.append(read_case_file(name))
        except CaseFileError as error:
            problems.extend(error.diagnostics)
            sources.update(error.sources)
    if problems:
        _fail(CaseFileError(tuple(problems), sources))
    return files


def _fail(error: CaseFileError) -> None:
    from ..cli import _print_diagnostics  # the one renderer of diagnostics

    _print_diagnostics(error, click.get_current_context().meta.get("scorelang.lang", "zh"))
    raise click.exceptions.Exit(EXIT_BAD)


def _report(results: list[CaseResult]) -> bool:
    failing = [r for r in results if not r.passed]
    for result in failing:
        click.echo(render_failures(result))
        click.echo()
    figures = sum(r.figures for r in results)
    click.echo(f"{len(results)} 个用例，{len(results) - len(failing)} 个通过，{len(failing)} 个未通过；"
               f"共检查 {figures} 个数值 ({len(results)} cases, {len(results) - len(failing)} passed, "
               f"{len(failing)} failed; {figures} figures checked)")
    return bool(failing)


def _update(results: list[CaseResult], places: int) -> bool:
    if all(r.passed for r in results):
        click.echo(f"{len(results)} 个用例全部通过，没有要更新的期望值 "
                   f"({len(results)} cases pass; nothing to update)")
        return False
    changes, skipped = update_case_files(results, places)
    for change in changes:
        click.echo(f"{_relative(change.file)}:{change.line}: 「{change.case}」 {change.entity} {change.what}: "
                   f"{change.old} → {change.new}")
    click.echo(f"已更新 {len(changes)} 个期望值，请用 git diff 复核 "
               f"(updated {len(changes)} expectations; review them with git diff)")
    for failure in skipped:
        click.echo(f"无法自动更新 (cannot update): 「{failure.case.name}」 {failure.entity} {failure.what}: "
                   f"expected {failure.expected}, actual {failure.actual}", err=True)
    return bool(skipped)


def _relative(path: str) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return path


# ------------------------------------------------------------------ check --format json
def check_document(diagnostics: tuple[Diagnostic, ...] | list[Diagnostic], policy_file: str) -> dict[str, Any]:
    """The ``check --format json`` document: ``scorelang/diagnostics-1`` with every key of
    DIAGNOSTIC_KEYS present in every diagnostic (null where it does not apply)."""
    doc = render_diagnostics_json(diagnostics)
    doc["file"] = policy_file
    for entry in doc["diagnostics"]:
        for key in DIAGNOSTIC_KEYS:
            entry.setdefault(key, None)
    return doc


def check_json(policy_path: str) -> None:
    """``scorelang check --format json``: the document on stdout, whether the policy loads (exit 0,
    its warnings) or not (exit 2, its errors)."""
    import json

    try:
        policy = scorelang.load(policy_path)
    except PolicyError as error:
        click.echo(json.dumps(check_document(error.diagnostics, policy_path), ensure_ascii=False, indent=2))
        raise click.exceptions.Exit(EXIT_BAD) from None
    click.echo(json.dumps(check_document(policy.warnings + policy.notes, policy_path), ensure_ascii=False, indent=2))
