"""Benchmark: the text report (report/text.py) of the 17 example counties (a script, not a test).

    python benchmarks/bench_text.py                 # best of 5, zh and en, width 100
    python benchmarks/bench_text.py --repeat 10 --clock cpu

Loads policies/2017.score, scores examples/2017/facts.json once, then times
``render_text(cards, …)`` — the whole report ``scorelang score`` prints: the ranking and the 17
scorecards — best of ``--repeat`` runs, for each language. It prints the time per report,
per scorecard, the report's size and the sha256 of its text: the hash is how two versions of
the renderer are seen to print the same bytes (compare it before and after a change), the time
is what the change is for. ``--clock cpu`` times with the process's CPU time
(``time.process_time``), steadier on a machine shared with other work.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if (ROOT / "src" / "scorelang").is_dir() and str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))  # measure this checkout, with or without PYTHONPATH=src
import scorelang  # noqa: E402
from scorelang.report.text import render_text  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure; the best is kept")
    parser.add_argument("--width", type=int, default=100)
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    args = parser.parse_args()
    clock = time.perf_counter if args.clock == "wall" else time.process_time

    policy = scorelang.load(ROOT / "policies" / "2017.score")
    with open(ROOT / "examples" / "2017" / "facts.json", encoding="utf-8") as handle:
        cards = policy.score_all(json.load(handle, parse_float=Decimal))
    scale_ = policy.model.scale
    scale = ((scale_.points if scale_.declared else None), policy.model.summed, scale_.clause)

    for lang in ("zh", "en"):
        best = float("inf")
        text = ""
        for _ in range(args.repeat):
            start = clock()
            text = render_text(cards, title=policy.title, places=policy.places, lang=lang,
                               width=args.width, scale=scale)
            best = min(best, clock() - start)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        print(f"render_text {lang}  {len(cards)} cards  width {args.width}  "
              f"{best * 1000:8.1f} ms  per card {best * 1000 / len(cards):6.1f} ms  "
              f"{len(text.splitlines()):6d} lines  sha256 {digest}  ({args.clock}, best of {args.repeat})")


if __name__ == "__main__":
    main()
