"""runtime/yaml_loader.py, with libyaml and without: the same reading and the same guards."""
from __future__ import annotations

from decimal import Decimal

import pytest
import yaml

from scorelang.runtime import yaml_loader
from scorelang.runtime.yaml_loader import AliasProblem, DuplicateKey, TooDeep, load_yaml

LOADERS = [pytest.param(yaml_loader._PythonLoader, id="python")]
if yaml_loader.LIBYAML:
    LOADERS.append(pytest.param(yaml_loader._Loader, id="libyaml"))


def bomb(levels: int) -> str:
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "\n".join(lines) + f"\nv: *l{levels - 1}\n"


@pytest.fixture(params=LOADERS)
def loader(request):
    return request.param


def test_scalars(loader):
    data = load_yaml("a: 010\nb: 0x1F\nc: 1.5\nd: yes\ne: True\nf: 2017-03-01\ng: ~\nh: 1_000\n", loader)
    assert data == {"a": 10, "b": "0x1F", "c": Decimal("1.5"), "d": "yes", "e": True, "f": "2017-03-01",
                    "g": None, "h": "1_000"}


def test_merge_and_override(loader):
    data = load_yaml("d: &d {x: 1, y: 2}\ne: {<<: *d, y: 3}\n", loader)
    assert data["e"] == {"x": 1, "y": 3}


def test_bomb(loader):
    with pytest.raises(AliasProblem) as info:
        load_yaml(bomb(9), loader)
    assert info.value.anchor == "l8" and info.value.size > 10 ** 8 and info.value.mark.line == 9


def test_small_expansion_passes(loader):
    assert len(load_yaml(bomb(4), loader)["v"]) == 9  # some 16,000 values added: under the limit


def test_self_reference(loader):
    with pytest.raises(AliasProblem) as info:
        load_yaml("a: &x [1, {b: *x}]\n", loader)
    assert info.value.size is None and info.value.mark.line == 0


def test_depth(loader):
    load_yaml("a: " + "[" * 98 + "]" * 98, loader)  # the mapping, a and 98 lists: 99 levels
    with pytest.raises(TooDeep):
        load_yaml("a: " + "[" * 100 + "]" * 100, loader)
    with pytest.raises((TooDeep, yaml.YAMLError)):  # libyaml's own scanner stops at 1000 levels
        load_yaml("a: " + "[" * 5000 + "]" * 5000, loader)


def test_alias_chain_deeper_than_written(loader):
    # each anchor wraps the previous one: written two levels deep, 200 deep when expanded; nothing
    # recursion-bound walks it (the validator never descends into values)
    text = "l0: &l0 [1]\n" + "".join(f"l{i}: &l{i} [*l{i - 1}]\n" for i in range(1, 200))
    assert load_yaml(text, loader)["l1"] == [[1]]


def test_duplicate_key_line(loader):
    with pytest.raises(DuplicateKey) as info:
        load_yaml("a: 1\nb: 2\na: 3\n", loader)
    assert (info.value.key, info.value.line, info.value.column) == ("a", 3, 1)
