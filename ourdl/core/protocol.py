"""The two ways to write an op, told apart once per class, when the class is created.

Ours (the built-ins): `compute(self, *values)` returns the value; `local_grad(self, index)` returns
d(self)/d(parents[index]). The tutorial's (how the series teaches readers to add an op, subclassing
`Node`, `Op` or `LossFunction`): `compute(self)` sets `self.value` from `self.parents`;
`get_parent_grad(self, parent)` returns d(self)/d(parent).

A class's most derived `compute` decides its forward: one that takes no values (beyond defaults) is
the tutorial's. Its most derived of `local_grad` / `get_parent_grad` decides its grads. Each class gets
the matching methods bound here, so the engine calls one method per node with no per-call test, and
the scalar loop of the built-ins costs what it did. Either way every caller's form works: `compute()`
with no arguments sets and returns the value of a built-in too, and `get_parent_grad(parent)` /
`local_grad(index)` answer on every op. The bridges are bound to the class's own functions, not looked
up on `self`, so a subclass mixing the two ways can call `super()` without going round in a circle.
"""

from __future__ import annotations

import functools
import inspect
from typing import Any


def takes_no_values(fn: Any) -> bool:
    """True for `def compute(self)` (the tutorial's), False for `def compute(self, a, b)` or
    `def compute(self, *values)` (ours). Parameters with defaults do not count."""
    try:
        params = list(inspect.signature(fn).parameters.values())[1:]
    except (TypeError, ValueError):
        return False
    for p in params:
        if p.kind is p.VAR_POSITIONAL:
            return False
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty:
            return False
    return True


def forward_by_compute(self: Any) -> Any:
    """forward() for an op written the tutorial's way: parents first, then `self.compute()`, which
    sets `self.value` (a value it returns instead is taken too)."""
    for p in self.parents:
        if p.value is None:
            p.forward()
    out = self.compute()
    if out is not None:
        self.value = out
    return self.value


def local_grad_from(get_parent_grad: Any) -> Any:
    """local_grad() for an op written the tutorial's way: ask its own `get_parent_grad` about the parent
    at `index`. A parent used twice is asked twice, once per edge, as the tutorial's children list does."""

    def local_grad(self: Any, index: int) -> Any:
        return get_parent_grad(self, self.parents[index])

    return local_grad


def parent_grad_from(local_grad: Any) -> Any:
    """get_parent_grad() for an op written our way: its own `local_grad` at the parent's position. Bound
    to that function, not looked up on `self`, so a subclass's `super().get_parent_grad()` ends here."""

    def get_parent_grad(self: Any, parent: Any) -> Any:
        for i, p in enumerate(self.parents):
            if p is parent:
                return local_grad(self, i)
        raise ValueError(f"{parent!r} is not a parent of {self!r}")

    return get_parent_grad


def compute_both_ways(fn: Any) -> Any:
    """An op's `compute(*values)` made callable the tutorial's way too: with no values it computes from
    the parents, sets `self.value` and returns it (a subclass's `super().compute()`)."""

    @functools.wraps(fn)
    def compute(self: Any, *values: Any) -> Any:
        if values:
            return fn(self, *values)
        self.value = fn(self, *[p.value for p in self.parents])
        return self.value

    return compute


def adopt(cls: type, base: type) -> None:
    """Bind `cls`'s engine methods to the protocol its own definitions use (`base` is `Node`)."""
    own = cls.__dict__
    engine_forwards = (base.__dict__["forward"], forward_by_compute)
    if "compute" in own:
        fn = own["compute"]
        if takes_no_values(fn):
            forward = forward_by_compute
        else:
            cls._values = fn  # the raw function: the engine calls it with no wrapper in between
            cls.compute = compute_both_ways(fn)
            forward = base.__dict__["forward"]
        if "forward" not in own and cls.forward in engine_forwards:  # keep a custom forward
            cls.forward = forward
    if "get_parent_grad" in own and "local_grad" not in own:
        cls.local_grad = local_grad_from(own["get_parent_grad"])
    elif "local_grad" in own and "get_parent_grad" not in own:
        cls.get_parent_grad = parent_grad_from(own["local_grad"])
