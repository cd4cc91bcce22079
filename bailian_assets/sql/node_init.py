"""A faster `__init__` for the syntax tree's frozen, slotted dataclasses.

A frozen dataclass's generated `__init__` sets each field through `object.__setattr__` (its
own `__setattr__` refuses), which looks the function up and resolves the attribute on every
call: making a node costs about twice what setting its slots directly does. The parser makes a
node for most tokens it reads, so this is a good part of parsing. `install_fast_init` gives a
class an `__init__` with the same signature (defaults and default factories included) that
calls each slot's own setter. The instances are the same in every way: same class, fields,
equality, hash and immutability; only their making is quicker.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

# Stands for an argument not given, where the field's default comes from a factory.
_NOT_GIVEN = object()


def install_fast_init(cls: type) -> None:
    """Replace the generated `__init__` of the frozen, slotted dataclass `cls`. Raises
    TypeError for a class this cannot do exactly (no slots, `__post_init__`, fields outside
    `__init__` or keyword-only): those keep the dataclass's own."""
    init = _compile(cls, "__init__", "self, ", "")
    type.__setattr__(cls, "__init__", init)


def fast_maker(cls: type) -> Callable[..., Any]:
    """A function that makes an instance of the frozen, slotted dataclass `cls` from the
    arguments its `__init__` takes, the quick way, without changing `cls` (for a class of
    another package, such as `Position`). Raises TypeError as `install_fast_init` does."""
    return _compile(cls, "make", "", "    return self")


def _compile(cls: type, function: str, first: str, last: str) -> Any:
    """The source of `function(first, <the fields>)`, which sets each field with its slot's
    setter (making `self` first when `first` is empty), compiled."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or "__slots__" not in vars(cls):
        raise TypeError(f"{cls.__name__} is not a frozen dataclass with slots")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__")
    namespace: dict[str, Any] = {"_NOT_GIVEN": _NOT_GIVEN, "_new": object.__new__, "_cls": cls}
    signature: list[str] = []
    body: list[str] = [] if first else ["    self = _new(_cls)"]
    for field in dataclasses.fields(cls):
        name = field.name
        if not field.init or field.kw_only:
            raise TypeError(f"{cls.__name__}.{name} is not an ordinary __init__ argument")
        namespace[f"_set_{name}"] = vars(cls)[name].__set__  # the slot's own setter
        if field.default is not dataclasses.MISSING:
            namespace[f"_default_{name}"] = field.default
            signature.append(f"{name}=_default_{name}")
        elif field.default_factory is not dataclasses.MISSING:
            namespace[f"_factory_{name}"] = field.default_factory
            signature.append(f"{name}=_NOT_GIVEN")
            body.append(f"    if {name} is _NOT_GIVEN:\n        {name} = _factory_{name}()")
        else:
            signature.append(name)
        body.append(f"    _set_{name}(self, {name})")
    body.append(last or "    pass")
    exec(f"def {function}({first}{', '.join(signature)}):\n" + "\n".join(body), namespace)
    compiled = namespace[function]  # compiled as dataclasses itself compiles __init__
    compiled.__qualname__ = f"{cls.__qualname__}.{function}"
    compiled.__module__ = cls.__module__
    return compiled
