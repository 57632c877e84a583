"""``scorelang fmt POLICY...``: rewrite policies in the canonical layout (``syntax.printer``).

Kept apart from cli.py, which registers the command in two lines. Exit status: 0 done
(with ``--check``: every file already canonical); 1 with ``--check``, some file would change
(each one listed); 2 a policy that does not parse (its diagnostics listed, the file left as
it was) or bad usage. A file is replaced atomically: the new text is written beside it and
renamed over it, so a reader never sees half a policy.
"""
from __future__ import annotations

import difflib
import os
import sys
import tempfile

import click

from .diagnostics import PolicyError
from .policy import decode_policy
from .syntax.printer import format_text

EXIT_CHANGED = 1
EXIT_BAD = 2
_CONTEXT = {"help_option_names": ["-h", "--help"]}
_BOM = "\ufeff"


def _remember_lang(ctx: click.Context, _param: click.Parameter, value: str) -> str:
    ctx.meta["scorelang.lang"] = value  # the language the diagnostics render in (as cli.py does)
    return value


def canonical(text: str, file: str) -> str:
    """The canonical text of a policy file's text, keeping its byte order mark and its line
    ends (CRLF stays CRLF). Raises PolicyError when it does not parse."""
    bom = _BOM if text.startswith(_BOM) else ""
    crlf = "\r\n" in text
    printed = format_text(text[len(bom):], file)
    if crlf:
        printed = printed.replace("\n", "\r\n")
    return bom + printed


def write_atomically(path: str, text: str) -> None:
    """Replace ``path`` by ``text`` (UTF-8) in one rename, keeping the file's permissions (a
    symbolic link stays a link: the file it points to is replaced)."""
    path = os.path.realpath(path)
    directory = os.path.dirname(path)
    mode = os.stat(path).st_mode & 0o7777
    fd, temporary = tempfile.mkstemp(prefix=".scorelang-fmt-", suffix=".score", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _diff(before: str, after: str, name: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=name, tofile=name)
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


@click.command("fmt", context_settings=_CONTEXT)
@click.argument("paths", metavar="POLICY...", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--check", is_flag=True,
              help="不改写文件；有文件需要重排时列出并以 1 退出（用于 CI）/ write nothing; exit 1 listing the "
                   "files that would change (for CI).")
@click.option("--diff", "show_diff", is_flag=True,
              help="不改写文件，显示重排前后的统一差异 / write nothing; show a unified diff of the changes.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, is_eager=True,
              callback=_remember_lang, help="消息的语言 / language of messages.")
def fmt(paths: tuple[str, ...], check: bool, show_diff: bool, lang: str) -> None:
    """按规范格式重排考评办法 (rewrite policies in the canonical layout); - 读标准输入、写标准输出。"""
    from .cli import _print_diagnostics

    en = lang == "en"
    changed: list[str] = []
    bad, bad_files = 0, 0
    for path in paths:
        name = "<stdin>" if path == "-" else path
        try:
            before = _decode(sys.stdin.buffer.read(), name) if path == "-" else _read(path)
            after = canonical(before, name)
        except PolicyError as error:
            _print_diagnostics(error, lang)
            bad += 1
            bad_files += path != "-"
            continue
        if after != before:
            changed.append(name)
        if show_diff:
            click.echo(_diff(before, after, name), nl=False)
        elif path == "-" and not check:
            click.echo(after, nl=False)
        elif after != before and not check:
            write_atomically(path, after)
    files = len([p for p in paths if p != "-"])
    if files:
        _summary([c for c in changed if c != "<stdin>"], files - bad_files, check or show_diff, en)
    if bad:
        raise click.exceptions.Exit(EXIT_BAD)
    if check and changed:
        raise click.exceptions.Exit(EXIT_CHANGED)


def _read(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise click.BadParameter(f"{path}: {exc.strerror or type(exc).__name__}", param_hint="'POLICY'") from None
    return _decode(data, path)


def _decode(data: bytes, name: str) -> str:
    """The text of a policy file, its byte order mark and CRLF line ends kept (fmt writes
    them back)."""
    bom = _BOM if data.startswith(b"\xef\xbb\xbf") else ""
    text = decode_policy(data, name)
    return bom + (text.replace("\n", "\r\n") if b"\r\n" in data else text)


def _summary(changed: list[str], files: int, dry: bool, en: bool) -> None:
    """One line per file that changes (or would), then the counts, on stderr."""
    for name in changed:
        click.echo((f"would reformat {name}" if en else f"需要重排 {name}") if dry else
                   (f"reformatted {name}" if en else f"已重排 {name}"), err=True)
    unchanged = files - len(changed)
    if en:
        verb = "would be reformatted" if dry else "reformatted"
        click.echo(f"{len(changed)} file(s) {verb}, {unchanged} already canonical", err=True)
    else:
        verb = "需要重排" if dry else "已重排"
        click.echo(f"{len(changed)} 个文件{verb}，{unchanged} 个文件已是规范格式", err=True)
