"""Benchmark: the compiled evaluator against a hand-written Decimal function (a script, not a test).

    PYTHONPATH=src python benchmarks/bench_evaluate.py            # N = 100,000 evaluations
    PYTHONPATH=src python benchmarks/bench_evaluate.py --n 20000  # quicker

What it measures (see benchmarks/README.md):

* the compiled evaluator of a policy restricted to 目标任务二 (社区矫正) — built from the text
  of policies/2017.score by cutting out 目标任务四 and its weight line — scoring the 17 example
  counties in turn, with its full trace (Events), N evaluations, best of 3 runs;
* a hand-written plain-Python Decimal function computing task 二 the same way (same floors,
  same judgements, same ladders, same half-up rounding points, and a minimal trace of
  (clause, points)), over the same N evaluations;
* for information: the full policy (all eight tasks and the articles), the validation cost per entity
  (coerce_entity_facts), and parse+check+compile of policies/2017.score, cold and warm.

Facts are validated once before timing: the ratio measures evaluation, not validation.
The last line is ``ratio N.NN`` = compiled task-二 time / hand-written time (target ≤ 2.0).
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if (ROOT / "src" / "scorelang").is_dir() and str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))  # measure this checkout, with or without PYTHONPATH=src
import scorelang  # noqa: E402
from scorelang.compile import compile_policy  # noqa: E402
from scorelang.model import resolve  # noqa: E402
from scorelang.runtime.facts import coerce_entity_facts  # noqa: E402
from scorelang.syntax import parse  # noqa: E402

POLICY_FILE = ROOT / "policies" / "2017.score"
FACTS_FILE = ROOT / "examples" / "2017" / "facts.json"


# ---------------------------------------------------------------------------- policy text
def _block_end(text: str, start: int) -> int:
    """Index just past the ``}`` closing the first ``{`` at or after ``start``.

    Braces inside strings ("…", “…”), names (「…」, 【…】) and # comments are not counted,
    following the lexical rules of grammar/scorelang.lark.
    """
    closers = {'"': '"', "“": "”", "「": "」", "【": "】"}
    depth = 0
    opened = False
    i, n = start, len(text)
    while i < n:
        ch = text[i]
        if ch in closers:
            close = text.find(closers[ch], i + 1)
            newline = text.find("\n", i + 1)
            if close < 0 or (0 <= newline < close):
                raise ValueError(f"unterminated {ch}…{closers[ch]} at offset {i}")
            i = close + 1
            continue
        if ch == "#":
            newline = text.find("\n", i)
            i = n if newline < 0 else newline
            continue
        if ch == "{":
            depth += 1
            opened = True
        elif ch == "}":
            depth -= 1
            if depth < 0:
                raise ValueError(f"unbalanced }} at offset {i}")
            if depth == 0 and opened:
                return i + 1
        i += 1
    raise ValueError("no closing } for the block")


def task_two_only(text: str) -> str:
    """The policy with 目标任务二 alone: the header, entities and groups, a weight of 100% for
    task 二 (SL124 requires every county's weights to add up to 100%), and task 二's block
    (brace-matched). Articles and awards are left out: the hand-written side has none."""
    weights = re.search(r"^计入总分权重", text, re.MULTILINE)
    if weights is None:
        raise ValueError("no 计入总分权重 block")
    blocks = list(re.finditer(r"^目标任务[ \t\u3000]*二[ \t\u3000]*[\"“]", text, re.MULTILINE))
    if len(blocks) != 1:
        raise ValueError(f"expected one `目标任务 二` block, found {len(blocks)}")
    start = blocks[0].start()
    end = _block_end(text, start)
    return text[:weights.start()] + "计入总分权重 {\n  目标任务二 100%\n}\n\n" + text[start:end] + "\n"


# ---------------------------------------------------------------------------- hand-written task 二
Q = Decimal("0.01")
ZERO = Decimal(0)
HUNDRED = Decimal(100)
WEIGHT = Decimal(100)        # task 二 alone, at 100% (see task_two_only)
HALF = Decimal("0.5")
FIVE = Decimal(5)
TWO = Decimal(2)
LADDER_2_10 = Decimal("0.05")  # 每降低1个百分点扣0.05分，不足一档按比例计


def _close(clause, score, trace):
    """扣完为止 at 0 for the item, then half-up to 2 places."""
    if score < 0:
        trace.append((clause, -score))
        score = ZERO
    return score.quantize(Q, ROUND_HALF_UP)


def task2_by_hand(entity, f):
    """Task 二 (社区矫正) of policies/2017.score, written out by hand.

    Returns (entity, ((item id, score), …), (section scores), task score, weighted, trace),
    the trace being (clause, points) for every deduction, 不得分 and floor, in order.
    """
    trace = []

    # 部分 "落实社区矫正基本任务" 20分
    s = Decimal(10)                                   # 2.1 每漏管脱管人次扣0.5分
    n = f["漏管脱管人次"]
    if n:
        d = -HALF * n
        trace.append(("2.1", d))
        s += d
    i1 = _close("2.1", s, trace)

    s = Decimal(10)                                   # 2.2 每起扣5分
    n = f["恶性案件起数"]
    if n:
        d = -FIVE * n
        trace.append(("2.2", d))
        s += d
    i2 = _close("2.2", s, trace)

    # 部分 "加强执法规范化建设" 20分
    if f["执法不规范被曝光"]:                          # 2.3 不得分
        trace.append(("2.3", Decimal(-10)))
        i3 = ZERO.quantize(Q)
    else:
        i3 = Decimal(10).quantize(Q)

    s = Decimal(5)                                    # 2.4 每未建档人次扣0.5分
    n = f["未建档人次"]
    if n:
        d = -HALF * n
        trace.append(("2.4", d))
        s += d
    i4 = _close("2.4", s, trace)

    s = Decimal(5)                                    # 2.5 不少于二次 / 一次，每少一次扣2分
    v = f["执法专项检查次数"]
    if v < 2:
        d = -TWO * (2 - v)
        trace.append(("2.5", d))
        s += d
    v = f["档案检查评比次数"]
    if v < 1:
        d = -TWO * (1 - v)
        trace.append(("2.5", d))
        s += d
    i5 = _close("2.5", s, trace)

    # 部分 "加强机构队伍建设" 25分
    s = Decimal(5)                                    # 2.6 减1至3分；每起扣1至3分
    amount, _reason = f["机构不适应扣分"]
    if amount:
        trace.append(("2.6", -amount))
        s -= amount
    for amount, _reason in f["执法责任事故扣分"]:
        if amount:
            trace.append(("2.6", -amount))
            s -= amount
    i6 = _close("2.6", s, trace)

    items = []
    for clause, fact in (("2.7", "执法力量扣分"), ("2.8", "社工配备扣分"), ("2.9", "矫正小组扣分")):
        s = Decimal(5)                                # 2.7–2.9 评定扣分
        amount, _reason = f[fact]
        if amount:
            trace.append((clause, -amount))
            s -= amount
        items.append(_close(clause, s, trace))
    i7, i8, i9 = items

    s = Decimal(5)                                    # 2.10 培训率达100%，缺口按比例扣分
    v = f["执法人员培训率"]
    if v < HUNDRED:
        d = -((HUNDRED - v) * LADDER_2_10)
        trace.append(("2.10", d))
        s += d
    i10 = _close("2.10", s, trace)

    # 部分 "加强保障能力建设" 35分
    s = Decimal(10)                                   # 2.11 扣2至5分 ×2
    for fact in ("县级经费扣分", "专项资金扣分"):
        amount, _reason = f[fact]
        if amount:
            trace.append(("2.11", -amount))
            s -= amount
    i11 = _close("2.11", s, trace)

    s = Decimal(10)                                   # 2.12 视情节减2至5分
    amount, _reason = f["矫正中心扣分"]
    if amount:
        trace.append(("2.12", -amount))
        s -= amount
    i12 = _close("2.12", s, trace)

    s = Decimal(15)                                   # 2.13 减2至5分 ×2；每次减0.5分
    for fact in ("电子定位扣分", "信息系统扣分"):
        amount, _reason = f[fact]
        if amount:
            trace.append(("2.13", -amount))
            s -= amount
    n = f["数据报送差错次数"]
    if n:
        d = -HALF * n
        trace.append(("2.13", d))
        s += d
    i13 = _close("2.13", s, trace)

    sections = (i1 + i2, i3 + i4 + i5, i6 + i7 + i8 + i9 + i10, i11 + i12 + i13)
    task = sections[0] + sections[1] + sections[2] + sections[3]
    if task < 0:
        trace.append(("2", -task))
        task = ZERO
    task = task.quantize(Q, ROUND_HALF_UP)
    weighted = (task * WEIGHT / HUNDRED).quantize(Q, ROUND_HALF_UP)
    items = (("2.1", i1), ("2.2", i2), ("2.3", i3), ("2.4", i4), ("2.5", i5), ("2.6", i6), ("2.7", i7),
             ("2.8", i8), ("2.9", i9), ("2.10", i10), ("2.11", i11), ("2.12", i12), ("2.13", i13))
    return entity, items, sections, task, weighted, trace


# ---------------------------------------------------------------------------- agreement
def check_agreement(evaluator, typed, entities) -> int:
    agreed = 0
    for entity in entities:
        card = evaluator.evaluate(entity, typed[entity])
        task = card.task("2")
        _, items, sections, score, weighted, trace = task2_by_hand(entity, typed[entity])
        compiled_items = tuple((i.id, i.score) for s in task.sections for i in s.items)
        compiled_trace = [(e.clause, e.points) for s in task.sections for i in s.items for e in i.events]
        compiled_trace += [(e.clause, e.points) for e in task.events]
        problems = []
        if compiled_items != items:
            problems.append(f"items {compiled_items} != {items}")
        if tuple(s.score for s in task.sections) != sections:
            problems.append(f"sections {[s.score for s in task.sections]} != {sections}")
        if task.score != score:
            problems.append(f"task {task.score} != {score}")
        if task.weighted != weighted:
            problems.append(f"weighted {task.weighted} != {weighted}")
        if card.total != weighted:
            problems.append(f"total {card.total} != weighted {weighted}")
        if compiled_trace != trace:
            problems.append(f"trace {compiled_trace} != {trace}")
        if problems:
            raise AssertionError(f"{entity}: " + "; ".join(problems))
        agreed += 1
    return agreed


# ---------------------------------------------------------------------------- timing
CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}


def _run(fn, seq, clock) -> float:
    start = clock()
    for entity, facts in seq:
        fn(entity, facts)
    return clock() - start


def best_of(fn, seq, repeat: int, clock=time.perf_counter) -> float:
    """Best time (seconds) of ``repeat`` runs over ``seq``."""
    return min(_run(fn, seq, clock) for _ in range(repeat))


def best_of_interleaved(fns, seq, repeat: int, clock=time.perf_counter) -> list[float]:
    """Best time of each function, the runs interleaved (A B C, A B C, …) so that a
    change in machine load affects every side alike."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for k, fn in enumerate(fns):
            best[k] = min(best[k], _run(fn, seq, clock))
    return best


def cycle(pairs, n):
    return (pairs * (n // len(pairs) + 1))[:n]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="evaluations per run (default 100000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure, best taken (default 3)")
    parser.add_argument("--clock", choices=tuple(CLOCKS), default="wall",
                        help="wall: elapsed time (default); cpu: this process's CPU time, steadier on a busy "
                             "machine (time spent waiting for a CPU is not counted)")
    parser.add_argument("--only-task2", action="store_true",
                        help="only the two task-二 figures and the ratio (skips the full policy, validation and "
                             "parsing): for comparing changes to the evaluator quickly")
    args = parser.parse_args(argv)
    if args.n < 1 or args.repeat < 1:
        parser.error("--n and --repeat must be at least 1")
    clock = CLOCKS[args.clock]

    text = POLICY_FILE.read_text(encoding="utf-8")
    file = str(POLICY_FILE.relative_to(ROOT))

    # parse+check+compile, cold: the first load in this process (builds the Lark parser too)
    start = time.perf_counter()
    full = scorelang.loads(text, file)
    cold_ms = (time.perf_counter() - start) * 1000
    warm = []
    # the same three stages as Policy.__init__, each timed on its own (warm, median of 20)
    stages: dict[str, list[float]] = {"parse": [], "resolve/check": [], "compile": []}
    for _ in range(0 if args.only_task2 else 20):
        start = time.perf_counter()
        scorelang.loads(text, file)
        warm.append((time.perf_counter() - start) * 1000)
    for _ in range(0 if args.only_task2 else 20):
        t0 = time.perf_counter()
        tree = parse(text, file)
        t1 = time.perf_counter()
        model, _diagnostics = resolve(tree, text)
        t2 = time.perf_counter()
        compile_policy(model)
        t3 = time.perf_counter()
        for stage, seconds in zip(stages, (t1 - t0, t2 - t1, t3 - t2)):
            stages[stage].append(seconds * 1000)

    task2 = scorelang.loads(task_two_only(text), file + " (目标任务二 only)")
    if [t.id for t in task2.model.tasks] != ["2"]:
        raise SystemExit(f"restricted policy has tasks {[t.id for t in task2.model.tasks]}, expected ['2']")

    # validate the example facts once, against the full policy (the restricted one declares a
    # subset of its facts; the task-二 evaluator reads only those)
    with open(FACTS_FILE, encoding="utf-8") as handle:
        doc = json.load(handle, parse_float=Decimal)
    typed = full.validate(doc)
    entities = full.model.entities
    pairs = [(e, typed[e]) for e in entities]

    agreed = check_agreement(task2.evaluator, typed, entities)
    print(f"scorelang {scorelang.__version__} from {Path(scorelang.__file__).parent}, "
          f"Python {sys.version.split()[0]}")
    print(f"agreement: {agreed}/{len(entities)} counties")

    seq = cycle(pairs, args.n)
    n = len(seq)
    sides = [task2.evaluator.evaluate, task2_by_hand]
    if not args.only_task2:
        sides.append(full.evaluator.evaluate)
    t_compiled, t_hand, *t_full = best_of_interleaved(sides, seq, args.repeat, clock)

    us = 1e6
    print(f"evaluations: {n:,} per run ({len(entities)} counties in turn), best of {args.repeat} interleaved runs"
          + (", CPU time" if args.clock == "cpu" else ""))
    print(f"compiled evaluator, task 二 with trace:  {t_compiled / n * us:8.2f} µs/scorecard")
    print(f"hand-written Decimal function, task 二:  {t_hand / n * us:8.2f} µs/scorecard")
    if not args.only_task2:
        raw = doc["entities"]
        decls = full.model.facts
        raw_seq = cycle([(e, raw[e]) for e in entities], max(len(entities), n // 10))
        t_validate = best_of(lambda entity, facts: coerce_entity_facts(decls, entity, facts), raw_seq, args.repeat,
                             clock)
        print(f"compiled evaluator, full 2017 policy: {t_full[0] / n * us:8.2f} µs/scorecard")
        print(f"validation (coerce_entity_facts, {len(decls)} facts): {t_validate / len(raw_seq) * us:8.2f} µs/entity")
        print(f"parse+check+compile {file}: cold {cold_ms:.1f} ms (first load, builds the parser), "
              f"warm {statistics.median(warm):.2f} ms (median of 20)")
        print("  warm, by stage: "
              + ", ".join(f"{stage} {statistics.median(ms):.2f} ms" for stage, ms in stages.items()))
    print(f"ratio {t_compiled / t_hand:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
