"""A progress bar for long runs: drawn on a terminal (stderr), nothing at all when piped or
when ``--quiet`` is given. The bar is transient: it disappears when the run ends."""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


def wanted(quiet: bool, stream: TextIO | None = None) -> bool:
    """A bar is drawn only on a terminal, and never with ``--quiet``."""
    stream = sys.stderr if stream is None else stream
    return not quiet and hasattr(stream, "isatty") and stream.isatty()


@contextmanager
def progress_bar(total: int, label: str, *, enabled: bool,
                 console: Console | None = None) -> Iterator[Callable[[str], None]]:
    """Yields ``advance(entity)``, to call once per entity scored; a no-op when not enabled."""
    if not enabled or total <= 0:
        yield lambda _entity: None
        return
    console = console or Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[entity]}"),
               TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(label, total=total, entity="")

        def advance(entity: str) -> None:
            bar.update(task, advance=1, entity=entity)
        yield advance
