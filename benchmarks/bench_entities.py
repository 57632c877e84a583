"""Benchmark: scoring and ranking entities listed by the facts file (a script, not a test).

    python benchmarks/bench_entities.py                 # 1,000 and 10,000 generated 司法所
    python benchmarks/bench_entities.py --sizes 1000 10000 100000

The policy is the example of docs/language.md §4.1 (对象 「司法所」 由事实文件列出, a group by a
choice fact with its own weights, an award by rank), plus a 民主测评 with 去掉一个最高分和一个最低分后平均
(§8.12). For each size N it generates N entities' facts (fixed seed), then times, best of
``--repeat`` runs, ``policy.score_all(document)``: reading the group facts, binding the groups
and the weight lines, validating every fact, compiling, scoring and ranking. It prints the time,
the time per entity, and the ratio of the per-entity cost to that of the smallest size — close
to 1 when the cost is linear in the number of entities. Each size is timed twice: as Python
runs it (gc on), and with the cyclic garbage collector paused during the call (gc off). The
engine's own work is linear (one pass per group, per weight line and per entity, ranks by one
sort); with gc on, CPython's generational collector adds a cost that grows with the number of
live objects (the scorecards of every entity are alive until ranked), which shows in the ratio.
"""
from __future__ import annotations

import argparse
import gc
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if (ROOT / "src" / "scorelang").is_dir() and str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))  # measure this checkout, with or without PYTHONPATH=src
import scorelang

DOC = ROOT / "docs" / "language.md"


def policy_text() -> str:
    """The §4.1 example with a trimmed-mean 民主测评 added to task 一."""
    text = DOC.read_text(encoding="utf-8")
    start = text.index("### 4.1 对象由事实文件列出")
    source = re.findall(r"```score\n(.*?)```", text[start:], re.DOTALL)[0]
    source = source.replace(
        '事实 { 「调解卷宗不规范件数」 计数 单位 "件" }',
        '事实 { 「调解卷宗不规范件数」 计数 单位 "件"\n'
        '         「民主测评」 评分 0 至 5 分 去掉一个最高分和一个最低分后平均 无评分时 报错 }')
    return source.replace('每「调解卷宗不规范件数」扣2分 扣完为止 }',
                          '每「调解卷宗不规范件数」扣2分 扣完为止 加「民主测评」 }')


def document(n: int, seed: int = 7) -> dict:
    rng = random.Random(seed)
    areas = ("城区", "农区", "牧区")
    return {"entities": {
        f"第{i}司法所": {
            "所在区域": areas[rng.randrange(3)],
            "调解卷宗不规范件数": rng.randrange(6),
            "未完成宣传场次": rng.randrange(4),
            "民主测评": [rng.randrange(0, 6) for _ in range(5)],
        } for i in range(1, n + 1)}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    policy = scorelang.loads(policy_text(), "bench_entities.score")
    policy.score_all(document(100))  # warm up
    base: dict[bool, float] = {}
    for n in args.sizes:
        doc = document(n)
        for collect in (True, False):
            best = float("inf")
            for _ in range(args.repeat):
                if not collect:
                    gc.collect()
                    gc.disable()
                start = time.perf_counter()
                cards = policy.score_all(doc)
                best = min(best, time.perf_counter() - start)
                gc.enable()
            assert len(cards) == n and min(c.rank for c in cards) == 1
            per = best / n
            base.setdefault(collect, per)
            label = "gc on " if collect else "gc off"
            print(f"entities {n:>7,}  {label}  score_all {best:8.3f} s  per entity {per * 1e6:8.1f} µs  "
                  f"per-entity ratio to {args.sizes[0]:,}: {per / base[collect]:.2f}")


if __name__ == "__main__":
    main()
