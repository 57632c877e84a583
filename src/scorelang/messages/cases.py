"""SL3xx: problems of a regression case file (``*.cases.yaml``, read by scorelang.testing.cases).

Every problem names the case file, line and column, in the words of the case-file format
(docs/testing.md): a key the format does not know is answered with the keys it does know.
Braces in a template are doubled: ``{{ }}``.
"""
from __future__ import annotations

from .base import error

CASES_UNREADABLE = error(
    "CASES_UNREADABLE", "SL301", "path reason",
    "无法读取用例文件 {path}：{reason}", "cannot read case file {path}: {reason}")
CASES_YAML = error(
    "CASES_YAML", "SL301", "problem",
    "用例文件的 YAML 写法有误：{problem}", "the case file is not valid YAML: {problem}",
    "检查这一行的缩进、冒号和引号", "check this line's indentation, colons and quotes")
CASES_SHAPE = error(
    "CASES_SHAPE", "SL302", "where expected",
    "{where} 应写成{expected}", "{where} should be {expected}")
CASES_UNKNOWN_KEY = error(
    "CASES_UNKNOWN_KEY", "SL303", "key where known",
    "{where}不认识「{key}」这一项", "{where}: unknown key 「{key}」",
    "可以写：{known}", "known keys: {known}")
CASES_BAD_FIGURE = error(
    "CASES_BAD_FIGURE", "SL304", "figure value expected",
    "「{figure}」的期望值 {value} 不是{expected}", "the expected value {value} of 「{figure}」 is not {expected}",
    "分数写成小数，如 \"28.50\"（按原样精确比较）", 'write a score as a decimal such as "28.50" (compared exactly)')
CASES_MISSING_KEY = error(
    "CASES_MISSING_KEY", "SL305", "key where",
    "{where}缺少「{key}」", "{where}: 「{key}」 is missing")
CASES_DUPLICATE_NAME = error(
    "CASES_DUPLICATE_NAME", "SL306", "name",
    "用例名「{name}」已经用过", "case name 「{name}」 is used twice",
    "每个用例取一个不同的名字（测试报告按名字列出）", "give each case its own name (reports list cases by name)")
CASES_NO_POLICY = error(
    "CASES_NO_POLICY", "SL307", "path",
    "用例文件 {path} 没有写 policy:（要测试的考评办法）", "case file {path} names no policy (policy:)",
    "在文件开头写 policy: 考评办法文件的路径（相对于用例文件）",
    "write policy: <path of the .score file, relative to the case file> at the top")
CASES_NOT_FOUND = error(
    "CASES_NOT_FOUND", "SL308", "path",
    "没有找到用例文件：{path}", "no case files found: {path}",
    "用例文件的名字以 .cases.yaml 结尾", "case file names end in .cases.yaml")
