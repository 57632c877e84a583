"""The catalogue of diagnostics (scorelang.messages) is the one place codes and words live."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

import scorelang
from scorelang import messages
from scorelang.diagnostics import Severity
from scorelang.messages import Message, Phrase, Words, template_fields
from scorelang.messages import awards as awards_messages
from scorelang.messages import cases as cases_messages
from scorelang.messages import cohort as cohort_messages
from scorelang.messages import derived as derived_messages
from scorelang.messages import facts as facts_messages
from scorelang.messages import grades as grades_messages
from scorelang.messages import incidents as incidents_messages
from scorelang.messages import outcomes as outcomes_messages
from scorelang.messages import outputs as outputs_messages
from scorelang.messages import policy as policy_messages
from scorelang.messages import scales as scales_messages
from scorelang.messages import syntax as syntax_messages
from scorelang.span import Span

SRC = Path(scorelang.__file__).parent
ROOT = Path(__file__).resolve().parents[1]
CODE_LITERAL = re.compile(r"""["']SL\d{3}["']""")
SPAN = Span("p.score", 3, 5, 3, 9, 40, 44)


def test_no_code_literal_outside_the_catalogue():
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        if path.relative_to(SRC).parts[0] == "messages":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if CODE_LITERAL.search(line):
                offenders.append(f"{path.relative_to(SRC)}:{number}: {line.strip()}")
    assert not offenders, "diagnostic codes belong in scorelang.messages:\n" + "\n".join(offenders)


# every module of the catalogue, each test below reads all of them
CATALOGUE_MODULES = (syntax_messages, policy_messages, facts_messages, cases_messages, derived_messages, cohort_messages,
                     scales_messages, grades_messages, outcomes_messages, outputs_messages, awards_messages,
                     incidents_messages)


@pytest.mark.parametrize("module", [*CATALOGUE_MODULES, messages])
def test_every_entry_is_named_after_its_constant(module):
    for constant, entry in vars(module).items():
        if isinstance(entry, (Message, Phrase)):
            assert entry.name == constant, f"{constant} is named {entry.name!r}"
            assert messages.CATALOGUE.get(constant, messages.PHRASES.get(constant)) is entry


def test_catalogue_holds_every_entry_once():
    names = [n for module in CATALOGUE_MODULES for n, v in vars(module).items() if isinstance(v, Message)]
    assert len(names) == len(set(names)) == len(messages.CATALOGUE)


def _sample(field: str):
    # a Words value for every field: each language must pick its own side
    return Words(f"<{field}-中>", f"<{field}-en>")


@pytest.mark.parametrize("entry", list(messages.CATALOGUE.values()) + list(messages.PHRASES.values()),
                         ids=lambda e: e.name)
def test_templates_format_with_their_declared_fields_in_both_languages(entry):
    declared = set(entry.fields)
    used = set().union(*(template_fields(t) for t in entry.templates()))
    assert used == declared, f"{entry.name}: fields used {sorted(used)}, declared {sorted(declared)}"
    assert entry.zh and entry.en
    values = {f: _sample(f) for f in entry.fields}
    zh_templates = [t for t in entry.templates()[::2]]
    en_templates = [t for t in entry.templates()[1::2]]
    if isinstance(entry, Message):
        d = entry.at(SPAN, **values)
        zh, en = d.message + d.hint, d.message_en + d.hint_en
    else:
        w = entry.words(**values)
        zh, en = w.zh, w.en
    for f in entry.fields:
        if any(f in template_fields(t) for t in zh_templates):
            assert f"<{f}-中>" in zh
        if any(f in template_fields(t) for t in en_templates):
            assert f"<{f}-en>" in en
    assert "-en>" not in zh and "-中>" not in en
    if isinstance(entry, Message):
        assert re.fullmatch(r"SL\d{3}", entry.code)
        diagnostic = entry.at(SPAN, **values)
        assert diagnostic.code == entry.code and diagnostic.severity is entry.severity
        assert bool(diagnostic.hint) == bool(entry.hint_zh) and bool(diagnostic.hint_en) == bool(entry.hint_en)
        # no stray braces: every {{ }} was meant as a brace, every field was filled
        for text in (diagnostic.message, diagnostic.message_en, diagnostic.hint, diagnostic.hint_en):
            assert "{" + "}" not in text and not re.search(r"\{[a-z_]+\}", text)


def test_a_diagnostic_for_a_policy_span_and_for_an_entity_and_fact():
    d = messages.WEIGHT_MISSING.at(SPAN, ordinal="二", number=2)
    assert (d.code, d.span, d.severity) == ("SL106", SPAN, Severity.ERROR)
    assert d.message == "目标任务二没有计入总分权重" and d.message_en == "task 2 has no weight"
    assert d.hint == "在「计入总分权重 { }」中写：目标任务二 15%"
    f = messages.COUNT_NEGATIVE.about("西昌市", "漏管人次", value=Decimal("-1"))
    assert (f.code, f.entity, f.fact, f.span) == ("SL213", "西昌市", "漏管人次", None)
    assert f.message == "计数不能为负数，收到 -1"
    w = messages.FACT_UNREAD.at(SPAN, name="x")
    assert w.severity is Severity.WARNING


def test_a_given_hint_replaces_the_entrys_own():
    d = messages.FACT_UNDECLARED.at(SPAN, name="漏管人数", hint=messages.did_you_mean("漏管人次"))
    assert (d.hint, d.hint_en) == ("是不是「漏管人次」？", "did you mean 「漏管人次」?")
    d = messages.FACT_UNDECLARED.at(SPAN, name="漏管人数", hint=messages.did_you_mean(None))
    assert d.hint == "在「事实 { }」中声明它，如：「漏管人数」 计数"


def test_wrong_fields_are_a_bug_not_a_message():
    with pytest.raises(TypeError, match="WEIGHT_MISSING"):
        messages.WEIGHT_MISSING.at(SPAN, ordinal="二")
    with pytest.raises(TypeError):
        messages.WEIGHT_MISSING.at(SPAN, ordinal="二", number=2, task=2)


# ---------------------------------------------------------------- the docs list the catalogue
def _section(path: Path, heading: str) -> str:
    text = path.read_text(encoding="utf-8")
    start = text.index(heading)
    end = text.find("\n## ", start + 1)
    return text[start:] if end < 0 else text[start:end]


def _table_rows(section: str) -> dict[str, tuple[str, str]]:
    """code → (severity column, meaning) of every row | SLxxx | … | of a markdown table."""
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and re.fullmatch(r"SL\d{3}", cells[0]):
            assert cells[0] not in rows, f"{cells[0]} is listed twice"
            rows[cells[0]] = (cells[1], cells[2] if len(cells) > 2 else "")
    return rows


_LEVEL = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "信息"}


def test_language_docs_list_exactly_the_catalogues_codes_with_their_severity():
    rows = _table_rows(_section(ROOT / "docs" / "language.md", "## 15. 诊断信息"))
    assert set(rows) == set(messages.codes()), (
        f"missing from the docs: {sorted(set(messages.codes()) - set(rows))}; "
        f"not in the catalogue: {sorted(set(rows) - set(messages.codes()))}")
    for code, severities in messages.codes().items():
        level, meaning = rows[code]
        assert set(re.split(r"\s*/\s*", level)) == {_LEVEL[s] for s in severities}, code
        assert meaning, f"{code} needs a line saying what it means"


def test_facts_docs_list_exactly_the_facts_codes():
    rows = _table_rows(_section(ROOT / "docs" / "facts.md", "## 6. 事实文件的诊断"))
    assert set(rows) == {c for c in messages.codes() if c.startswith("SL2")}


def test_each_code_and_each_name_belongs_to_one_catalogue_module():
    # the catalogue's modules are star-imported into one namespace: two modules defining the same
    # name would shadow one silently, and two modules giving one code to different problems would
    # give an author one code for two meanings (engineers adding constructs in parallel collide so)
    import importlib
    import pkgutil

    owner_of_code: dict[str, str] = {}
    owner_of_name: dict[str, str] = {}
    clashes = []
    for info in pkgutil.iter_modules(messages.__path__):
        module = importlib.import_module(f"{messages.__name__}.{info.name}")
        for name, value in vars(module).items():
            if not isinstance(value, Message) or value.name != name:
                continue
            for table, key in ((owner_of_name, name), (owner_of_code, value.code)):
                if table.setdefault(key, info.name) != info.name:
                    clashes.append(f"{key}: in messages/{table[key]}.py and messages/{info.name}.py")
    assert not clashes, "\n".join(clashes)


@pytest.mark.parametrize("module", CATALOGUE_MODULES)
def test_no_entry_is_defined_twice_in_its_module(module):
    # a merge that brings the same entry in twice leaves the second silently shadowing the first
    source = Path(module.__file__).read_text(encoding="utf-8")
    names = re.findall(r"^([A-Z][A-Z0-9_]*) = (?:error|warning|info|phrase)\(", source, re.M)
    assert len(names) == len(set(names)), sorted(n for n in set(names) if names.count(n) > 1)
