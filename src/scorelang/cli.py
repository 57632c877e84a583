"""The command line: parses arguments, runs the pipeline, renders, and maps errors to exit codes.

Exit status (docs/contracts.md): 0 done; 1 bad facts (every problem listed, nothing
scored); 2 bad policy or usage (every diagnostic listed); 3 an internal error, reported in one
line. A Python traceback is never shown, unless ``SCORELANG_DEBUG=1``.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sys
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, NoReturn

import click

import scorelang

from .diagnostics import Diagnostic, FactsError, PolicyError, ScorelangError, Severity, render_text, suggest
from .policy import needed_facts
from .report.json import render_diagnostics_json, render_json
from .report.outline import departments, render_outline
from .report.progress import progress_bar, wanted
from .report.text import render_text as render_scorecards
from .runtime.sources import read_facts_located

EXIT_FACTS = 1
EXIT_POLICY = 2
EXIT_INTERNAL = 3

_LANG_KEY = "scorelang.lang"
_CONTEXT = {"help_option_names": ["-h", "--help"]}


def _version() -> str:
    version = getattr(scorelang, "__version__", None)
    if version:
        return str(version)
    try:
        from importlib.metadata import version as dist_version

        return dist_version("scorelang")
    except Exception:  # not installed (PYTHONPATH=src)
        return "unknown"


class _Main(click.Group):
    """The group that turns every error into a message and an exit status, never a traceback."""

    def main(self, *args: Any, **kwargs: Any) -> Any:  # click.Group.main's own signature
        _utf8_streams()  # before click writes anything, usage errors included
        return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except PolicyError as error:
            _print_diagnostics(error, ctx.meta.get(_LANG_KEY, "zh"))
            raise click.exceptions.Exit(EXIT_POLICY) from None
        except FactsError as error:
            _print_diagnostics(error, ctx.meta.get(_LANG_KEY, "zh"))
            raise click.exceptions.Exit(EXIT_FACTS) from None
        except BrokenPipeError:
            _silence_stdout()  # `scorelang … | head`: the reader left; that is not an error
            raise click.exceptions.Exit(0) from None
        except Exception as error:
            if os.environ.get("SCORELANG_DEBUG") == "1":
                raise
            click.echo(f"scorelang: 内部错误 (internal error): {type(error).__name__}: {error}", err=True)
            raise click.exceptions.Exit(EXIT_INTERNAL) from None


def _remember_lang(ctx: click.Context, _param: click.Parameter, value: str) -> str:
    ctx.meta[_LANG_KEY] = value  # meta is shared with the group: errors render in this language
    return value


_lang_option = click.option(
    "--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, is_eager=True,
    callback=_remember_lang, help="诊断与报告的语言 / language of messages and reports.")

_policy_argument = click.argument("policy_path", metavar="POLICY", type=click.Path(exists=True, dir_okay=False))
_output_option = click.option("-o", "--output", metavar="PATH", type=click.Path(dir_okay=False),
                              help="写入该文件 / write to this file.")
_quiet_option = click.option("-q", "--quiet", is_flag=True, help="不显示进度条 / no progress bar.")


@click.group(cls=_Main, context_settings=_CONTEXT)
@click.version_option(_version(), "--version", "-V", prog_name="scorelang", message="%(prog)s %(version)s")
def main() -> None:
    """scorelang: 绩效考评办法的规则语言与评分引擎 (scoring policies as code)."""


# ------------------------------------------------------------------ check
@main.command(context_settings=_CONTEXT)
@_policy_argument
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: 诊断写成 scorelang/diagnostics-1 文档 (for editors and CI; docs/testing.md).")
@_lang_option
def check(policy_path: str, fmt: str, lang: str) -> None:
    """检查考评办法 (check a policy): 语法、引用、分值。"""
    if fmt == "json":
        from .testing.cli_test import check_json

        check_json(policy_path)
        return
    policy = scorelang.load(policy_path)
    model = policy.model
    items = sum(len(task.items) for task in model.tasks)
    if lang == "en":
        line = (f"OK {policy_path}: 「{policy.title}」 — {len(model.tasks)} tasks, {items} items, "
                f"{len(model.facts)} facts, "
                + ("entities from the facts file" if model.entities_from_facts else f"{len(model.entities)} entities"))
    else:
        line = (f"通过 {policy_path}：「{policy.title}」— {len(model.tasks)} 个目标任务，{items} 项，"
                f"{len(model.facts)} 个事实，"
                + (f"{model.entity_kind}由事实文件列出" if model.entities_from_facts
                   else f"{len(model.entities)} 个{model.entity_kind}"))
    click.echo(line)
    warnings = tuple(d for d in policy.warnings if d.severity is Severity.WARNING) + policy.notes
    if warnings:
        click.echo(render_text(warnings, _sources(warnings, {policy.file: policy.source}), lang), err=True)


# ------------------------------------------------------------------ template
@main.command(context_settings=_CONTEXT)
@_policy_argument
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "xlsx"]), default=None,
              help="json（默认）: 事实说明 (the facts the policy needs); csv: 空白填报表 (a fill-in sheet); "
                   "xlsx: Excel 填报工作簿 (a data-entry workbook; the default for -o *.xlsx).")
@_output_option
@_lang_option
def template(policy_path: str, fmt: str | None, output: str | None, lang: str) -> None:
    """列出考评办法需要的事实 (the facts a policy needs), or a blank CSV or Excel workbook to fill in."""
    policy = scorelang.load(policy_path)
    if (fmt or _suffix_format(output, "json")) == "xlsx":
        from .runtime.facts_workbook import build_facts_workbook

        build_facts_workbook(policy.model, needed_facts(policy.model)).save(_needs_output(output, "xlsx"))
        return
    doc = policy.template()
    if fmt != "csv":
        _emit(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", output)
        return
    # Records do not fit in a cell — lists of judgements, and records of fields (第六条 表彰:
    # 层级, 等级, 工作) alike: they go in a JSON or YAML file.
    # Ratings go in a cell as 9;8.5;7 — unless each names its rater group (a mapping each).
    def in_cell(fact: dict[str, Any]) -> bool:
        if fact["type"] == "ratings":
            return not fact["ratings"]["group_field"]
        return fact["type"] != "records" and not fact.get("fields")

    scalar = [f["name"] for f in doc["facts"] if in_cell(f)]
    judgements = [f["name"] for f in doc["facts"] if not in_cell(f) and not f.get("fields")]  # or grouped ratings
    with_fields = [f["name"] for f in doc["facts"] if f.get("fields")]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["entity", *scalar])
    for entity in doc["entities"]:
        writer.writerow([entity, *([""] * len(scalar))])
    _emit(buffer.getvalue(), output)
    if judgements or with_fields:
        click.echo(_records_note(judgements, with_fields, lang), err=True)
    if doc.get("entities_from_facts"):
        click.echo(_entities_note(doc.get("entity_kind", ""), lang), err=True)
    pending = [f["name"] for f in doc["facts"] if f.get("pending") and in_cell(f)]
    if pending:
        click.echo(_pending_note(pending, lang), err=True)


def _entities_note(kind: str, lang: str) -> str:
    """A data-defined policy lists no entities: the sheet has a header and no rows to fill."""
    if lang == "en":
        return f"note: the policy takes its entities ({kind}) from the facts file: add one row per entity"
    return f"注意：考评对象（{kind}）由事实文件列出，请每个对象填一行"


def _pending_note(pending: list[str], lang: str) -> str:
    """The sheet's judgements without a default: the lead department must enter each (``pending``)."""
    names = "、".join(f"「{n}」" for n in pending)
    if lang == "en":
        return (f"pending: {len(pending)} judgement(s) have no default and must be entered by the lead "
                f"department: {names}")
    return f"待评定：以下 {len(pending)} 个评定没有默认值，须由牵头部门评定后填写：{names}"


def _records_note(judgements: list[str], with_fields: list[str], lang: str) -> str:
    """The note for the record facts a CSV sheet leaves out."""
    def names(group: list[str]) -> str:
        return "、".join(f"「{n}」" for n in group)

    if lang == "en":
        kinds = []
        if judgements:
            kinds.append(f"judgement records {names(judgements)}")
        if with_fields:
            kinds.append(f"records with fields {names(with_fields)}")
        return (f"note: record facts ({'; '.join(kinds)}) cannot be given in CSV; use a JSON or YAML "
                "facts file, or the Excel workbook of template -o facts.xlsx (or leave them to their defaults)")
    kinds = []
    if judgements:
        kinds.append(f"评定记录类事实 {names(judgements)}")
    if with_fields:
        kinds.append(f"带字段的记录类事实 {names(with_fields)}")
    return (f"注意：{'以及'.join(kinds)} 不能写在 CSV 中，需要时请用 JSON 或 YAML 事实文件，"
            "或 template -o 填报.xlsx 生成的 Excel 填报表")


# ------------------------------------------------------------------ score
@main.command(context_settings=_CONTEXT)
@_policy_argument
@click.argument("facts_path", metavar="FACTS", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "xlsx"]), default=None,
              help="text（默认）、json，或 xlsx 成绩工作簿 (a results workbook; needs -o, the default for -o *.xlsx).")
@click.option("--entity", "entities", metavar="NAME", multiple=True,
              help="只显示该对象（可重复）/ show only this entity (repeatable); ranks stay those of all.")
@click.option("--schema", "schema", type=click.Choice(["1", "2"]), default="2", show_default=True,
              help="JSON 记分卡版本 / the JSON scorecard schema: 2, or 1 for consumers not yet migrated "
                   "(award a string, null while pending).")
@_output_option
@_quiet_option
@_lang_option
def score(policy_path: str, facts_path: str, fmt: str | None, entities: tuple[str, ...], schema: str,
          output: str | None, quiet: bool, lang: str) -> None:
    """按事实文件评分 (score every entity): FACTS 为 JSON、YAML、CSV 或 XLSX。"""
    fmt = fmt or _suffix_format(output, "text")
    policy = scorelang.load(policy_path)
    for name in entities:
        # entities listed by the facts file are known once it is read
        if not policy.model.entities_from_facts and name not in policy.model.entities:
            _unknown("--entity", name, policy.model.entities, lang, "对象", "entity")
    try:
        cards = _score_file(policy, facts_path, quiet)
    except FactsError as error:
        if fmt == "json":  # a machine reading stdout gets the problems as data too
            click.echo(json.dumps(render_diagnostics_json(error.diagnostics), ensure_ascii=False, indent=2))
        raise
    if entities:
        cards = tuple(card for card in cards if card.entity in entities)
    if fmt == "xlsx":
        from .report.xlsx import build_results_workbook

        build_results_workbook(cards, title=policy.title, places=policy.places).save(_needs_output(output, "xlsx"))
    elif fmt == "json":
        doc = render_json(cards, title=policy.title, sha256=policy.sha256, places=policy.places,
                          engine_version=_version(), scale=_scale(policy), schema=int(schema))
        _emit(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", output)
    else:
        _emit(render_scorecards(cards, title=policy.title, places=policy.places, lang=lang,
                                width=_width() if output is None else 100, scale=_scale(policy)), output)


def _scale(policy: scorelang.Policy) -> tuple[Decimal | None, bool, str | None]:
    """The policy's declared scale for the reports: full score, tasks summed, its clause."""
    scale = policy.model.scale
    return (scale.points if scale.declared else None), policy.model.summed, scale.clause


# ------------------------------------------------------------------ report
@main.command(context_settings=_CONTEXT)
@_policy_argument
@click.argument("facts_path", metavar="FACTS", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "directory", metavar="DIR", required=True, type=click.Path(file_okay=False),
              help="报告目录 / the report's folder (index.html and one page per entity).")
@_quiet_option
@_lang_option
def report(policy_path: str, facts_path: str, directory: str, quiet: bool, lang: str) -> None:
    """生成 HTML 报告 (a static HTML report): 总体排名页和每个对象一页。"""
    from .report.html import write_report

    policy = scorelang.load(policy_path)
    written = write_report(_score_file(policy, facts_path, quiet), policy.model, directory, engine=_version())
    if not quiet:
        click.echo(f"{written.index}（+{len(written.pages)} 页 / pages）", err=True)
    if written.font_note:
        click.echo(f"注意：图表中的中文需要 CJK 字体，请安装 {written.font_note}（apt-get install {written.font_note}）"
                   f" / note: install {written.font_note} for Chinese text in the charts", err=True)


# ------------------------------------------------------------------ show
@main.command(context_settings=_CONTEXT)
@_policy_argument
@click.option("--lead", metavar="DEPT", help="只显示该部门牵头的任务 / only tasks this department leads.")
@_lang_option
def show(policy_path: str, lead: str | None, lang: str) -> None:
    """显示任务、牵头部门、考评项与扣分规则 (tasks, leads, items and their deductions)."""
    policy = scorelang.load(policy_path)
    if lead is not None and lead not in departments(policy.model):
        _unknown("--lead", lead, departments(policy.model), lang, "牵头部门", "lead department")
    click.echo(render_outline(policy.model, lead=lead, lang=lang, width=_width()), nl=False)


# ------------------------------------------------------------------ test (scorelang.testing)
from .testing.cli_test import test as _test_command  # noqa: E402  (it uses the helpers above)

main.add_command(_test_command)

# ------------------------------------------------------------------ fmt (syntax.printer)
from .cli_fmt import fmt as _fmt_command  # noqa: E402  (it renders diagnostics with the helpers above)

main.add_command(_fmt_command)


# ------------------------------------------------------------------ helpers
def _score_file(policy: scorelang.Policy, facts_path: str, quiet: bool) -> tuple[scorelang.Scorecard, ...]:
    """Read and score a facts file, a progress bar on a terminal; a workbook's problems name
    sheet, row and column."""
    document, where = read_facts_located(facts_path)
    try:
        with progress_bar(len(policy.entities), "评分 scoring", enabled=wanted(quiet)) as advance:
            return policy.score_all(document, progress=advance)
    except FactsError as error:
        if where is None:
            raise
        raise FactsError(where.locate(error.diagnostics), error.sources) from None


def _emit(text: str, output: str | None) -> None:
    if output:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    else:
        click.echo(text, nl=False)


def _suffix_format(output: str | None, default: str) -> str:
    return "xlsx" if output and output.lower().endswith((".xlsx", ".xlsm")) else default


def _needs_output(output: str | None, fmt: str) -> str:
    if not output:
        raise click.UsageError(f"--format {fmt} 需要 -o 文件名 / --format {fmt} needs -o PATH")
    return output


def _unknown(option: str, name: str, known: Iterable[str], lang: str, what_zh: str, what_en: str) -> NoReturn:
    known = list(known)
    close = suggest(name, known, cutoff=0.5, n=3)
    if lang == "en":
        message = f"unknown {what_en} 「{name}」"
        message += f"; did you mean {', '.join(f'「{c}」' for c in close)}?" if close else \
            f"; known: {', '.join(known)}"
    else:
        message = f"没有名为「{name}」的{what_zh}"
        message += f"，是不是 {'、'.join(f'「{c}」' for c in close)}？" if close else f"（共有：{'、'.join(known)}）"
    raise click.BadParameter(message, param_hint=f"'{option}'")


def _print_diagnostics(error: ScorelangError, lang: str) -> None:
    click.echo(render_text(error.diagnostics, _sources(error.diagnostics, error.sources), lang), err=True)


def _sources(diagnostics: Iterable[Diagnostic], given: dict[str, str]) -> dict[str, str]:
    """The texts the diagnostics point into: those the error carries, else read from disk."""
    sources = dict(given)
    for d in diagnostics:
        for span in (d.span, *(r.span for r in d.related)):
            if span is not None and span.file not in sources and os.path.isfile(span.file):
                try:
                    with open(span.file, encoding="utf-8-sig") as fh:
                        sources[span.file] = fh.read()
                except (OSError, UnicodeDecodeError):
                    pass  # the message still names file:line:column
    return sources


def _width() -> int:
    if sys.stdout.isatty():
        return max(shutil.get_terminal_size((100, 24)).columns, 60)
    return 100


def _utf8_streams() -> None:
    """Chinese text must come out as UTF-8 even where the locale says otherwise (Windows, C locale)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8")
            except (ValueError, OSError):
                pass  # a stream already written to in another encoding; leave it


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass
