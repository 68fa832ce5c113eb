"""Argument checks shared by every reference implementation.

Each public ``dlref`` function checks its arguments with these helpers, so a bad
call fails at once with an error that names the argument, and every module
agrees on what it accepts: numpy scalars wherever Python numbers are accepted,
never ``bool`` for a number, never NaN or infinity for a setting.

>>> real("lr", 0.1, low=0, low_open=True)
0.1
>>> real("lr", float("inf"))
Traceback (most recent call last):
...
ValueError: lr must be a finite number, got inf
>>> real("beta", 1.0, low=0, high=1, high_open=True)
Traceback (most recent call last):
...
ValueError: beta must be in [0, 1), got 1.0
>>> import numpy as np; integer("steps", np.int64(3), minimum=1)
3
>>> integer("steps", True)
Traceback (most recent call last):
...
TypeError: steps must be an int, got bool
>>> integers("shape", (2, 0), minimum=1)
Traceback (most recent call last):
...
ValueError: shape[1] must be >= 1, got 0
>>> tensor("x", None)
Traceback (most recent call last):
...
TypeError: x must be a torch.Tensor, got NoneType
>>> import torch; tensor("x", torch.tensor([1, 2]), floating=True, fn="relu")
Traceback (most recent call last):
...
TypeError: relu expects a floating-point tensor, got dtype torch.int64 for x; convert it with x.float()
>>> values_in("target", torch.tensor([0.0, 2.0]), low=0, high=1)
Traceback (most recent call last):
...
ValueError: target must have all values in [0, 1], got values from 0 to 2
>>> one_of("nonlinearity", "gelu", ("tanh", "relu"))
Traceback (most recent call last):
...
ValueError: nonlinearity must be one of ('tanh', 'relu'), got 'gelu'
"""
from __future__ import annotations

import math
from numbers import Integral, Real

import numpy as np

__all__ = [
    "real",
    "integer",
    "probability",
    "flag",
    "instance",
    "sequence",
    "integers",
    "tensor",
    "values_in",
    "same_dtype",
    "same_shape",
    "one_of",
]


def _interval(low, high, low_open: bool, high_open: bool) -> str:
    """The allowed range in words: ``in [0, 1)``, ``>= 0``, ``> 0`` or ``<= 1``."""
    if low is not None and high is not None:
        return f"in {'(' if low_open else '['}{low}, {high}{')' if high_open else ']'}"
    if low is not None:
        return f"{'>' if low_open else '>='} {low}"
    return f"{'<' if high_open else '<='} {high}"


def _outside(value, low, high, low_open: bool, high_open: bool) -> bool:
    return (low is not None and (value < low or (low_open and value == low))) or (
        high is not None and (value > high or (high_open and value == high))
    )


def _bounds(name: str, value, low, high, low_open: bool, high_open: bool, noun: str = "") -> None:
    if _outside(value, low, high, low_open, high_open):
        raise ValueError(f"{name} must be {noun}{_interval(low, high, low_open, high_open)}, got {value}")


def real(name: str, value, *, low=None, high=None, low_open: bool = False, high_open: bool = False,
         finite: bool = True) -> float:
    """``value`` as a finite float within the bounds, or an error naming ``name``.

    Accepts ``int``, ``float`` and numpy scalars; rejects ``bool``, NaN and infinity
    (``finite=False`` lets NaN and infinity through, for data rather than settings).
    """
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    value = float(value)
    if finite and not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value}")
    _bounds(name, value, low, high, low_open, high_open)
    return value


def integer(name: str, value, *, minimum: int | None = None, maximum: int | None = None,
            positive: bool = False) -> int:
    """``value`` as an ``int`` (numpy integers accepted, ``bool`` rejected) within the bounds.

    ``positive=True`` is ``minimum=1``, worded "a positive integer".

    >>> integer("fan_in", 0, positive=True)
    Traceback (most recent call last):
    ...
    ValueError: fan_in must be a positive integer, got 0
    """
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    value = int(value)
    if positive and value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value}")
    _bounds(name, value, minimum, maximum, False, False)
    return value


def probability(name: str, value, *, allow_one: bool = False) -> float:
    """A probability in ``[0, 1)`` (``[0, 1]`` with ``allow_one``).

    >>> probability("p", 1.0)
    Traceback (most recent call last):
    ...
    ValueError: p must be a probability in [0, 1), got 1.0
    """
    value = real(name, value)
    _bounds(name, value, 0, 1, False, not allow_one, noun="a probability ")
    return value


def flag(name: str, value) -> bool:
    """``value`` if it is a ``bool`` (or ``numpy.bool_``), not merely truthy like ``1`` or ``"no"``."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be a bool, got {type(value).__name__}")
    return bool(value)


def instance(name: str, value, types, what: str):
    """``value`` if it is an instance of ``types``, else a ``TypeError`` saying it must be ``what``.

    >>> instance("path", 3, str, "a str")
    Traceback (most recent call last):
    ...
    TypeError: path must be a str, got int
    """
    if not isinstance(value, types):
        raise TypeError(f"{name} must be {what}, got {type(value).__name__}")
    return value


def sequence(name: str, value, *, length: int | None = None) -> tuple:
    """The items of ``value`` (a list, tuple or other iterable, but not a string) as a tuple."""
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise TypeError(f"{name} must be a sequence (e.g. a list or tuple), got {type(value).__name__}")
    items = tuple(value)
    if length is not None and len(items) != length:
        raise ValueError(f"{name} must have {length} items, got {len(items)}: {items!r}")
    return items


def integers(name: str, value, *, minimum: int | None = None) -> tuple[int, ...]:
    """A sequence of ints, each checked as ``name[i]`` by :func:`integer`."""
    return tuple(integer(f"{name}[{i}]", v, minimum=minimum) for i, v in enumerate(sequence(name, value)))


def tensor(name: str, value, *, floating: bool = False, ndim: int | tuple[int, ...] | None = None,
           nonempty: bool = False, fn: str | None = None):
    """``value`` if it is a ``torch.Tensor`` of the required kind, else an error naming ``name``.

    With ``fn``, the message also names the function: ``relu expects ... for x``.
    """
    import torch  # here, not at the top: modules that check no tensor need not load torch

    def fail(error, wanted: str, got: str, hint: str = ""):
        said = f"{fn} expects {wanted}, got {got} for {name}" if fn else f"{name} must be {wanted}, got {got}"
        return error(said + hint)

    if not isinstance(value, torch.Tensor):
        raise fail(TypeError, "a torch.Tensor", type(value).__name__)
    if floating and not value.is_floating_point():
        raise fail(TypeError, "a floating-point tensor", f"dtype {value.dtype}", f"; convert it with {name}.float()")
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if value.dim() not in allowed:
            raise fail(ValueError, " or ".join(f"{n}-D" for n in allowed), f"shape {tuple(value.shape)}")
    if nonempty and value.numel() == 0:
        raise fail(ValueError, "non-empty", f"shape {tuple(value.shape)}")
    return value


def values_in(name: str, t, *, low=None, high=None, high_open: bool = False):
    """``t`` if every value lies within the bounds (and none is NaN), else a ``ValueError``."""
    if t.numel() and (t.isnan().any() or _outside(t.min(), low, high, False, high_open) or
                      _outside(t.max(), low, high, False, high_open)):
        least, most = float(t.min()), float(t.max())
        got = "NaN" if t.isnan().any() else f"{least:g}" if least == most else f"values from {least:g} to {most:g}"
        raise ValueError(f"{name} must have all values {_interval(low, high, False, high_open)}, got {got}")
    return t


def same_dtype(**tensors):
    """The common dtype of the given tensors (``None`` values skipped), or an error listing them."""
    dtypes = {name: t.dtype for name, t in tensors.items() if t is not None}
    if len(set(dtypes.values())) > 1:
        listed = ", ".join(f"{name}: {dtype}" for name, dtype in dtypes.items())
        raise TypeError(f"tensors must share one dtype, got {listed}")
    return next(iter(dtypes.values()))


def same_shape(**tensors) -> tuple[int, ...]:
    """The common shape of the given tensors, or an error listing them.

    >>> import torch; same_shape(input=torch.zeros(3), target=torch.zeros(2, 3))
    Traceback (most recent call last):
    ...
    ValueError: tensors must share one shape, got input: (3,), target: (2, 3)
    """
    shapes = {name: tuple(t.shape) for name, t in tensors.items()}
    if len(set(shapes.values())) > 1:
        listed = ", ".join(f"{name}: {shape}" for name, shape in shapes.items())
        raise ValueError(f"tensors must share one shape, got {listed}")
    return next(iter(shapes.values()))


def one_of(name: str, value, choices) -> object:
    """``value`` if it is one of ``choices``, else an error listing them (a ``TypeError`` for a wrong type)."""
    if not any(isinstance(value, type(c)) for c in choices):
        raise TypeError(f"{name} must be one of {tuple(choices)}, got {type(value).__name__}")
    if not any(isinstance(value, type(c)) and value == c for c in choices):
        raise ValueError(f"{name} must be one of {tuple(choices)}, got {value!r}")
    return value
