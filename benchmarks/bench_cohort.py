"""Benchmark: cohort values — rank-based points and an average comparison (a script, not a test).

    python benchmarks/bench_cohort.py                        # 1,000 and 100,000 generated 司法所
    python benchmarks/bench_cohort.py --sizes 1000 10000     # quicker

The policy (below) scores 司法所 listed by the facts file with a group defined by a fact, and
reads values over the cohort (docs/language.md §9.6): a ladder below the 全州平均 调解成功率,
points by rank of 办案数 over every entity (第1名, 第2至3名, 其余), a bonus for the first two
of the 牧区所 group by 社区矫正人数, points in proportion to the 全体最高, a deduction for the
last three by 脱管人数, and a share of entities meeting a condition. For each size N it
generates N entities' facts (fixed seed), validates them once, and times, best of
``--repeat`` runs:

* ``cohort``: ``compile.cohort.evaluate_all`` — every cohort value computed (each aggregate
  once, each rank by one sort) and every entity scored with them;
* ``score_all``: the whole ``policy.score_all(document)`` (binding, validation, the above, ranking).

It prints the time, the time per entity and the ratio of the per-entity cost to that of the
smallest size: close to 1 when the cost is linear in the number of entities (a rank's sort is
N log N, far below the per-entity scoring at these sizes). The garbage collector is paused
during each timed call (see bench_entities.py for what it adds with gc on).
"""
from __future__ import annotations

import argparse
import functools
import gc
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if (ROOT / "src" / "scorelang").is_dir() and str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))  # measure this checkout, with or without PYTHONPATH=src
import scorelang  # noqa: E402
from scorelang.compile.cohort import evaluate_all  # noqa: E402

POLICY = '''考评办法 "某州司法所业务考评（基准测试）" { 保留 2 位小数 四舍五入 }
对象 「司法所」 由事实文件列出
分组 「牧区所」 凡「所在区域」为 "牧区"
计入总分权重 { 目标任务一 100% }
目标任务一 "司法所业务工作" {
  牵头 「基层科」
  事实 {
    「所在区域」 选项 { "城区" "农区" "牧区" }
    「调解成功率」 百分比
    「办案数」 计数 单位 "件"
    「社区矫正人数」 计数 单位 "人"
    「脱管人数」 计数 单位 "人"
  }
  部分 "业务" 100分 {
    第1项 "人民调解" 30分 {
      「调解成功率」 - 全州平均「调解成功率」 不低于 0 每降低 1 个百分点 扣1分 不足一档按一档计
      若 「调解成功率」 > 全州平均「调解成功率」 加1分
    }
    第2项 "法律援助办案" 30分 {
      若 全体名次（「办案数」 由高到低 并列占位） = 1 得30分
      若 全体名次（「办案数」 由高到低 并列占位） 前 3 名 且 全体名次（「办案数」 由高到低 并列占位） > 1 得24分
      若 全体名次（「办案数」 由高到低 并列占位） > 3 得12分
    }
    第3项 "社区矫正" 40分 {
      按 「社区矫正人数」 ÷ 全体最高「社区矫正人数」 × 100% 除数为0时取 100% 比例得30分
      若 「牧区所」名次（「社区矫正人数」 由高到低 并列占位） 前 2 名 加2分
      若 全体名次（「脱管人数」 由低到高 并列占位） 后 3 名 扣5分
      若 全体占比（「脱管人数」 > 0） > 50% 且 「脱管人数」 > 0 扣2分
    }
  }
}
'''


def document(n: int, seed: int = 11) -> dict:
    rng = random.Random(seed)
    areas = ("城区", "农区", "牧区")
    return {"entities": {
        f"第{i}司法所": {
            "所在区域": areas[rng.randrange(3)],
            "调解成功率": str(rng.randrange(600, 1001) / 10),
            "办案数": rng.randrange(200),
            "社区矫正人数": rng.randrange(80),
            "脱管人数": rng.randrange(4),
        } for i in range(1, n + 1)}}


def _best(call, repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        start = time.perf_counter()
        result = call()
        best = min(best, time.perf_counter() - start)
        gc.enable()
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100000])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    policy = scorelang.loads(POLICY, "bench_cohort.score")
    policy.score_all(document(100))  # warm up
    base: dict[str, float] = {}
    for n in args.sizes:
        doc = document(n)
        (model, evaluator), typed = policy._validate(doc)
        groups = {g.name: g.members for g in model.groups}
        t_cohort, cards = _best(functools.partial(evaluate_all, evaluator, model.entities, typed, groups), args.repeat)
        assert len(cards) == n  # type: ignore[arg-type]
        t_all, ranked = _best(functools.partial(policy.score_all, doc), args.repeat)
        assert min(c.rank for c in ranked) == 1  # type: ignore[attr-defined]
        for label, t in (("cohort   ", t_cohort), ("score_all", t_all)):
            per = t / n
            base.setdefault(label, per)
            print(f"entities {n:>7,}  {label} {t:8.3f} s  per entity {per * 1e6:8.1f} µs  "
                  f"per-entity ratio to {args.sizes[0]:,}: {per / base[label]:.2f}")


if __name__ == "__main__":
    main()
