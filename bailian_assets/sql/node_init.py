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

# Stands for an argument not given, where the field's default comes from a factory.
_NOT_GIVEN = object()


def install_fast_init(cls: type) -> None:
    """Replace the generated `__init__` of the frozen, slotted dataclass `cls`. Raises
    TypeError for a class this cannot do exactly (no slots, `__post_init__`, fields outside
    `__init__` or keyword-only): those keep the dataclass's own."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or "__slots__" not in vars(cls):
        raise TypeError(f"{cls.__name__} is not a frozen dataclass with slots")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__")
    namespace: dict[str, object] = {"_NOT_GIVEN": _NOT_GIVEN}
    signature: list[str] = []
    body: list[str] = []
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
    source = f"def __init__(self, {', '.join(signature)}):\n" + "\n".join(body or ["    pass"])
    exec(source, namespace)  # as dataclasses itself makes __init__
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    init.__module__ = cls.__module__
    type.__setattr__(cls, "__init__", init)
