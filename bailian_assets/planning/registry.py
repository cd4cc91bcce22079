"""A registry of plugins found by name: connectors (`connectors/connector.py`) and model
providers (`providers/provider.py`) are both found this way.

As Flink finds its factories (Java's ServiceLoader): every module of a package that holds the
plugin attribute (`CONNECTOR`, `PROVIDER`) is loaded on the first look-up, so a new built-in
plugin is one new module; `register` adds one from anywhere else (a plugin, a test).
"""

from __future__ import annotations

import importlib
import pkgutil
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def _same_type(old: object, new: object) -> bool:
    return type(old) is type(new)


class Registry(Generic[T]):
    """The plugins of one `kind`, by name: those of `package`'s modules (each holding an
    instance of `cls` as `attribute`) and those registered."""

    def __init__(
        self,
        kind: str,
        package: str,
        attribute: str,
        cls: type,
        name_of: Callable[[T], str],
        same: Callable[[T, T], bool] = _same_type,
    ):
        """`same`: whether registering `new` where `old` is would change nothing (then it
        is allowed without `replace`)."""
        self.kind, self.package, self.attribute, self.cls = kind, package, attribute, cls
        self._name_of, self._same = name_of, same
        self._items: dict[str, T] = {}
        self._lock = threading.RLock()  # a module being discovered may call `register`
        self._discovered = False

    def register(self, item: T, replace: bool = False) -> T:
        """Make `item` known by its name; a second one of a name is an error unless
        `replace` (a test swapping one in)."""
        name = self._name_of(item)
        if not name:
            raise ValueError(f"{type(item).__name__} has no name")
        self._discover()
        with self._lock:
            old = self._items.get(name)
            if old is not None and not replace and not self._same(old, item):
                raise ValueError(
                    f"a {self.kind} named '{name}' is already registered ({type(old).__name__})"
                )
            self._items[name] = item
        return item

    def unregister(self, name: str) -> None:
        """Forget the plugin of that name (a test cleaning up after itself)."""
        with self._lock:
            self._items.pop(name, None)

    def get(self, name: str) -> T | None:
        self._discover()
        return self._items.get(name)

    def items(self) -> list[T]:
        """Every plugin, built-in ones in module order, then in the order registered."""
        self._discover()
        with self._lock:
            return list(self._items.values())

    def _discover(self) -> None:
        """Load the package's plugin modules once."""
        if self._discovered:
            return
        with self._lock:
            if self._discovered:
                return
            self._discovered = True  # first: a module being loaded may call `register`
            package = importlib.import_module(self.package)
            for module_info in pkgutil.iter_modules(package.__path__):
                module = importlib.import_module(f"{self.package}.{module_info.name}")
                item = getattr(module, self.attribute, None)
                if isinstance(item, self.cls):
                    self._items.setdefault(self._name_of(item), item)  # type: ignore[arg-type]
