"""Catalogue entries of grades (等次 { "优秀" 90 分以上 … }): SL145–SL149, found by resolution
(model/from_syntax_grades.py) and by the check on the bands (model/checks_grades.py).
Braces in a template are doubled: ``{{ }}``."""
from __future__ import annotations

from .base import error

GRADE_GAP = error(
    "GRADE_GAP", "SL145", "interval",
    "等次的各档没有覆盖考评总分 {interval}：这样的总分得不到等次",
    "the grade bands leave the total {interval} uncovered: such a total gets no grade",
    "补上这一段，或改动相邻一档的边界（以上/以下含本数，写（不含）则不含）",
    "add a band for it, or move a neighbouring edge (以上/以下 include the number, （不含） excludes it)")
GRADE_OVERLAP = error(
    "GRADE_OVERLAP", "SL146", "first second interval",
    "等次「{first}」与「{second}」都覆盖考评总分 {interval}：一个总分只能得一个等次",
    "grades 「{first}」 and 「{second}」 both cover the total {interval}: a total gets one grade",
    "在共同的边界上写（不含），如 `80 分至 90 分（不含）`",
    "exclude the shared edge with （不含）, e.g. `80 分至 90 分（不含）`")
GRADE_DUPLICATE = error(
    "GRADE_DUPLICATE", "SL147", "name",
    "等次「{name}」写了不止一档", "grade 「{name}」 is given more than one band")
GRADES_REPEATED = error(
    "GRADES_REPEATED", "SL148", "",
    "等次块写了不止一个：全部等次写在一个块里",
    "grades are declared in more than one block: write every band in one")
GRADE_EMPTY_BAND = error(
    "GRADE_EMPTY_BAND", "SL149", "name interval",
    "等次「{name}」的一档 {interval} 不含任何总分（起点大于终点，或两端都不含）",
    "grade 「{name}」 has the band {interval}, which holds no total (it runs backwards or excludes "
    "its only number)")
