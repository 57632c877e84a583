"""The public façade over the pipeline: parse → resolve/check → compile, then score."""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from . import messages as msg
from .cohort import rank
from .compile import Evaluator, compile_policy
from .compile.cohort import evaluate_all
from .diagnostics import Diagnostic, Diagnostics, FactsError, PolicyError, Severity
from .model import nodes as model_nodes
from .model import resolve
from .runtime.entities import bind, group_facts, listed_entities
from .runtime.facts import FactValue, coerce_all, coerce_entity_facts, unknown_entity
from .runtime.scorecard import Scorecard
from .span import Span
from .syntax import parse


class Policy:
    """A loaded, checked and compiled policy.

    Attributes:
        file: where it was read from; source: its text; sha256: of the text (UTF-8).
        model: the checked policy model; warnings: non-fatal diagnostics from checking;
        notes: what `check` lists as information (信息), apart from the warnings.
        title, places: from the header.
    """

    def __init__(self, source: str, file: str) -> None:
        self.file = file
        self.source = source
        self.sha256 = hashlib.sha256(source.encode("utf-8")).hexdigest()
        tree = parse(source, file)
        self.model, diagnostics = resolve(tree, source)
        self.warnings: tuple[Diagnostic, ...] = tuple(d for d in diagnostics if d.severity is not Severity.INFO)
        # 信息 (SL139: a fact that scores in several clauses): shown by `check`, never a warning
        self.notes: tuple[Diagnostic, ...] = tuple(d for d in diagnostics if d.severity is Severity.INFO)
        self.evaluator = compile_policy(self.model)
        self._needed = needed_facts(self.model)

    @property
    def title(self) -> str:
        return self.model.title

    @property
    def places(self) -> int:
        return self.model.places

    @property
    def entities(self) -> tuple[str, ...]:
        return self.model.entities

    @property
    def facts(self) -> tuple[model_nodes.FactDecl, ...]:
        return self.model.facts

    def evaluate(self, entity: str, facts: Mapping[str, Any]) -> Scorecard:
        """Score one entity. Raises FactsError (every problem at once) on bad facts, and
        PolicyError (SL185) when the policy reads values over the cohort (全体平均「x」, a rank):
        those need every entity, ``score_all``."""
        if self.model.cohort:
            term = self.model.cohort[0]
            raise PolicyError((msg.COHORT_NEEDS_ALL.at(term.span, key=term.key),), {self.file: self.source})
        if self.model.data_defined:
            if not self.model.entities_from_facts and entity not in self.model.entities:
                raise FactsError((unknown_entity(entity, self.model.entities),))
            model, evaluator, needed = self._bound({"entities": {entity: facts}}, only=entity)
        else:
            model, evaluator, needed = self.model, self.evaluator, self._needed
        if entity not in model.entities:
            raise FactsError((unknown_entity(entity, model.entities),))
        typed, problems = coerce_entity_facts(model.facts, entity, facts, needed[entity])
        if problems:
            raise FactsError(tuple(problems))
        return evaluator.evaluate(entity, typed)

    def validate(self, document: Mapping[str, Any]) -> dict[str, dict[str, FactValue]]:
        """Check and type a whole facts document ({"entities": {…}}) without scoring it:
        {entity: typed facts}, ready for ``evaluator.evaluate``. Raises FactsError listing
        every problem."""
        return self._validate(document)[1]

    def _validate(self, document: Mapping[str, Any]
                  ) -> tuple[tuple[model_nodes.Policy, Evaluator], dict[str, dict[str, FactValue]]]:
        if self.model.data_defined:
            model, evaluator, needed = self._bound(document)
        else:
            model, evaluator, needed = self.model, self.evaluator, self._needed
        typed, problems = coerce_all(model.facts, model.entities, document, needed)
        if problems:
            Diagnostics(list(problems)).raise_if_errors(FactsError)
        return (model, evaluator), typed

    def _bound(self, document: Any, only: str | None = None
               ) -> tuple[model_nodes.Policy, Evaluator, dict[str, frozenset[str]]]:
        """For a policy whose entities or groups come from the facts file: the model bound to
        this document's entities and group facts (``runtime.entities.bind``), compiled.
        ``only``: one entity scored alone (``evaluate``)."""
        given = document.get("entities") if isinstance(document, Mapping) else None
        if not isinstance(given, Mapping):  # the shape problem, said as for any policy
            _, shape = coerce_all(self.model.facts, self.model.entities, document)
            raise FactsError(tuple(shape))
        entities = (only,) if only is not None else listed_entities(self.model, given)
        deciding = group_facts(self.model)
        names = {f.name for f in deciding}
        values: dict[str, dict[str, FactValue]] = {}
        problems = []
        for entity in entities:
            raw = given.get(entity)
            if not isinstance(raw, Mapping):
                continue  # said once, by coerce_all
            typed, entity_problems = coerce_entity_facts(deciding, entity, {k: v for k, v in raw.items() if k in names})
            problems.extend(entity_problems)
            values[entity] = typed
        model, bind_problems = bind(self.model, entities, values)
        problems.extend(bind_problems)
        if problems:
            Diagnostics(list(problems)).raise_if_errors(FactsError)
        return model, compile_policy(model), needed_facts(model)

    def score_all(self, document: Mapping[str, Any],
                  progress: Callable[[str], None] | None = None) -> tuple[Scorecard, ...]:
        """Score every entity of a facts document and rank them. Nothing is scored unless
        every entity's facts are valid. ``progress(entity)`` is called after each entity."""
        (model, evaluator), typed = self._validate(document)
        if model.cohort:  # values over the cohort first, then every entity (compile.cohort)
            cards = evaluate_all(evaluator, model.entities, typed, {g.name: g.members for g in model.groups})
            if progress is not None:
                for card in cards:
                    progress(card.entity)
        else:
            cards = []
            for entity in model.entities:
                cards.append(evaluator.evaluate(entity, typed[entity]))
                if progress is not None:
                    progress(entity)
        # outputs (输出 { … }) after the cohort stage: they read the final grades and awards
        return evaluator.with_outputs(rank(cards, model.entities, model.awards, quotas=model.quotas,
                                                grades=model.grades, groups=model.groups), typed)

    def template(self) -> dict[str, Any]:
        """The facts this policy needs, in the contract's template shape. For a policy whose
        entities come from the facts file, "entities" is empty and "entities_from_facts" is
        true (docs/facts.md §1)."""
        from_facts = {"entities_from_facts": True, "entity_kind": self.model.entity_kind} \
            if self.model.entities_from_facts else {}
        return {
            "policy": self.title,
            "entities": list(self.model.entities),
            **from_facts,
            "facts": [_fact_template(f) for f in self.model.facts],
        }


def needed_facts(policy: model_nodes.Policy) -> dict[str, frozenset[str]]:
    """For each entity, the facts its scoring reads: a fact read only by items that do not
    apply to an entity (木里县 is not scored on 第14项) is not required of it. Linear in the
    entities: each weight line is visited once."""
    item_ids = {item.id for task in policy.tasks for item in task.items}
    lines: dict[str, list[model_nodes.Weighting]] = {entity: [] for entity in policy.entities}
    for task in policy.tasks:
        for weighting in task.weightings:
            for entity in weighting.entities:
                if entity in lines:
                    lines[entity].append(weighting)
    needed: dict[str, frozenset[str]] = {}
    for entity in policy.entities:
        applicable: set[str] = set()
        for weighting in lines[entity]:
            applicable.update(i for part in weighting.parts for i in part.items)
        needed[entity] = frozenset(
            f.name for f in policy.facts
            if not f.items or any(i in applicable or i not in item_ids for i in f.items))
    return needed


def _plain(value: object) -> str | bool | list[object] | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return str(value)


def is_judgement(fact: model_nodes.FactDecl) -> bool:
    """A judgement or judgement records: an amount the lead department decides."""
    return fact.type == "judgement" or (fact.type == "records" and not fact.fields)


def _fact_template(fact: model_nodes.FactDecl) -> dict[str, Any]:
    # judgements only: "pending" — no default, so the assessor's amount must still be entered;
    # "zero_means_absent" — 0 (did not occur) is accepted outside min..max (deductions), or not
    # (a score every entity is given, such as a leaders' score)
    judgement = {"pending": not fact.has_default, "zero_means_absent": fact.zero_means_absent} \
        if is_judgement(fact) else {}
    return {
        "name": fact.name,
        "type": fact.type,
        "unit": fact.unit,
        "description": fact.description,
        "items": list(fact.items),
        "min": _plain(fact.low),
        "max": _plain(fact.high),
        "choices": list(fact.choices) if fact.type == "choice" else None,
        "default": _plain(fact.default) if fact.has_default else None,
        **({"fields": [_field_template(f) for f in fact.fields]} if fact.fields else {}),
        **judgement,
        **({"ratings": _ratings_template(fact.ratings)} if fact.ratings else {}),
    }


def _field_template(field: model_nodes.RecordField) -> dict[str, Any]:
    """A record's field: its type (choice, text, date 日期, item 项号) and what it takes — the
    choices, the item ids; a 日期 adds the 考评期 its dates lie in (docs/language.md §24)."""
    listed = field.kind in ("choice", "item")
    out: dict[str, Any] = {"name": field.name, "type": field.kind, "choices": list(field.choices) if listed else None}
    if field.kind == "date":
        out["period"] = list(field.period) if field.period is not None else None
    return out


def _ratings_template(rule: model_nodes.Ratings) -> dict[str, Any]:
    """评分: how the policy combines the ratings, so whoever fills them in knows what counts."""
    return {
        "method": rule.method,
        "drop_highest": rule.drop_high,
        "drop_lowest": rule.drop_low,
        "group_field": rule.group_field,
        "weights": {group: str(percent) for group, percent in rule.weights} or None,
        "when_empty": "error" if rule.empty_value is None else str(rule.empty_value),
    }


def loads(text: str, file: str = "<string>") -> Policy:
    """Load a policy from text. Raises PolicyError with every diagnostic. A leading UTF-8 byte
    order mark (U+FEFF) is not part of the policy: it is dropped, as when reading a file."""
    return Policy(text[1:] if text.startswith(_BOM) else text, file)


def load(path: str | Path) -> Policy:
    """Load a policy file (UTF-8, with or without a byte order mark). Raises PolicyError, also
    for a file that cannot be read or is not UTF-8 (SL000, located at the first bad byte)."""
    path = str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise PolicyError((msg.POLICY_UNREADABLE.at(Span(path, 1, 1, 1, 1), path=path, reason=reason),)) from None
    return Policy(decode_policy(data, path), path)


_BOM = "\ufeff"
# byte order marks of encodings that are not UTF-8 (UTF-32 first: its LE mark starts like UTF-16's)
_OTHER_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
               (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """(line, column) of a byte offset, counting the characters before it as UTF-8 reads them."""
    before = data[:offset].decode("utf-8-sig", errors="replace")
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def decode_policy(data: bytes, path: str) -> str:
    """The text of a policy file: UTF-8, a leading byte order mark dropped (as for facts files).

    Anything else is SL000 naming the file, with the line and column of the first byte that is
    not UTF-8: a UTF-16 or UTF-32 file (by its byte order mark, or by the NUL bytes UTF-16 puts
    in ASCII text), or a legacy Chinese encoding such as GBK.
    """
    def refuse(line: int, column: int, message: msg.Message, **fields: Any) -> PolicyError:  # as Message.at
        return PolicyError((message.at(Span(path, line, column, line, column + 1), path=path, **fields),))

    for mark, encoding in _OTHER_BOMS:
        if data.startswith(mark):
            raise refuse(1, 1, msg.POLICY_OTHER_ENCODING, encoding=encoding)
    nul = data.find(b"\x00")  # before decoding: UTF-16 without a mark is mostly invalid UTF-8 too
    if nul >= 0:
        raise refuse(*_position(data, nul), msg.POLICY_NUL)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise refuse(*_position(data, exc.start), msg.POLICY_NOT_UTF8) from None
    # universal newlines, as reading in text mode would: \r\n and \r end a line
    return text.replace("\r\n", "\n").replace("\r", "\n")
