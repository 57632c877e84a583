"""The public façade over the pipeline: parse → resolve/check → compile, then score."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Callable, Mapping

from .cohort import rank
from .compile import compile_policy
from . import messages as msg
from .diagnostics import Diagnostic, Diagnostics, FactsError, PolicyError
from .model import nodes as model_nodes
from .model import resolve
from .runtime.facts import coerce_all, coerce_entity_facts, unknown_entity
from .runtime.scorecard import Scorecard
from .syntax import parse


class Policy:
    """A loaded, checked and compiled policy.

    Attributes:
        file: where it was read from; source: its text; sha256: of the text (UTF-8).
        model: the checked policy model; warnings: non-fatal diagnostics from checking.
        title, places: from the header.
    """

    def __init__(self, source: str, file: str):
        self.file = file
        self.source = source
        self.sha256 = hashlib.sha256(source.encode("utf-8")).hexdigest()
        tree = parse(source, file)
        self.model, diagnostics = resolve(tree, source)
        self.warnings: tuple[Diagnostic, ...] = tuple(diagnostics)
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
        """Score one entity. Raises FactsError (every problem at once) on bad facts."""
        if entity not in self.model.entities:
            raise FactsError((unknown_entity(entity, self.model.entities),))
        typed, problems = coerce_entity_facts(self.model.facts, entity, facts, self._needed[entity])
        if problems:
            raise FactsError(tuple(problems))
        return self.evaluator.evaluate(entity, typed)

    def validate(self, document: Mapping[str, Any]) -> dict[str, dict]:
        """Check and type a whole facts document ({"entities": {…}}) without scoring it:
        {entity: typed facts}, ready for ``evaluator.evaluate``. Raises FactsError listing
        every problem."""
        typed, problems = coerce_all(self.model.facts, self.model.entities, document, self._needed)
        if problems:
            Diagnostics(list(problems)).raise_if_errors(FactsError)
        return typed

    def score_all(self, document: Mapping[str, Any],
                  progress: Callable[[str], None] | None = None) -> tuple[Scorecard, ...]:
        """Score every entity of a facts document and rank them. Nothing is scored unless
        every entity's facts are valid. ``progress(entity)`` is called after each entity."""
        typed = self.validate(document)
        cards = []
        for entity in self.model.entities:
            cards.append(self.evaluator.evaluate(entity, typed[entity]))
            if progress is not None:
                progress(entity)
        return rank(cards, self.model.entities, self.model.awards)

    def template(self) -> dict:
        """The facts this policy needs, in the contract's template shape."""
        return {
            "policy": self.title,
            "entities": list(self.model.entities),
            "facts": [_fact_template(f) for f in self.model.facts],
        }


def needed_facts(policy: model_nodes.Policy) -> dict[str, frozenset[str]]:
    """For each entity, the facts its scoring reads: a fact read only by items that do not
    apply to an entity (木里县 is not scored on 第14项) is not required of it."""
    item_ids = {item.id for task in policy.tasks for item in task.items}
    needed = {}
    for entity in policy.entities:
        applicable = set()
        for task in policy.tasks:
            weighting = task.weighting_for(entity)
            if weighting is not None:
                applicable.update(i for part in weighting.parts for i in part.items)
        needed[entity] = frozenset(
            f.name for f in policy.facts
            if not f.items or any(i in applicable or i not in item_ids for i in f.items))
    return needed


def _plain(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return str(value)


def _fact_template(fact: model_nodes.FactDecl) -> dict:
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
        **({"fields": [{"name": f.name, "type": f.kind, "choices": list(f.choices) if f.kind == "choice" else None}
                       for f in fact.fields]} if fact.fields else {}),
    }


def loads(text: str, file: str = "<string>") -> Policy:
    """Load a policy from text. Raises PolicyError with every diagnostic."""
    return Policy(text, file)


def load(path: str | Path) -> Policy:
    """Load a policy file. Raises PolicyError (also for an unreadable file)."""
    path = str(path)
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError((msg.POLICY_UNREADABLE.at(None, reason=exc),)) from None
    return Policy(text, path)
