"""Weight-initialization formulas, from scratch (page ``initialization``).

Each function returns the *number* that a ``torch.nn.init`` function uses: the
bound ``c`` of a uniform ``U(-c, c)`` or the standard deviation of a normal
``N(0, std²)``. ``tests/test_initialization.py`` checks them against PyTorch.

The fans of a weight tensor: a ``Linear(in_features=5, out_features=3)`` weight
has shape ``(3, 5)``; a ``Conv2d(3, 16, kernel_size=5)`` weight has shape
``(16, 3, 5, 5)`` and every input channel brings a 5×5 receptive field.

>>> fan_in_fan_out((3, 5))
(5, 3)
>>> fan_in_fan_out((16, 3, 5, 5))
(75, 400)

Kaiming (He) keeps the second moment through ReLU layers, ``Var(w) = 2 / fan_in``;
Xavier (Glorot) averages the forward and backward conditions,
``Var(w) = 2 / (fan_in + fan_out)``:

>>> round(kaiming_normal_std(1000), 5)
0.04472
>>> round(kaiming_uniform_bound(1000), 6)  # sqrt(6 / 1000)
0.07746
>>> round(xavier_normal_std(500, 300), 5)
0.05
>>> round(xavier_uniform_bound(500, 300), 6)  # sqrt(6 / 800)
0.086603

PyTorch's default for ``nn.Linear`` and ``nn.Conv*`` is ``kaiming_uniform_(a=√5)``,
which works out to ``U(-1/√fan_in, 1/√fan_in)``: variance ``1 / (3·fan_in)``,
a sixth of He's ``2 / fan_in``:

>>> default_linear_bound(100)
0.1
>>> round(kaiming_uniform_bound(100, a=5 ** 0.5), 12)
0.1

Bad input is rejected with a clear message:

>>> kaiming_normal_std(0)
Traceback (most recent call last):
...
ValueError: fan_in must be a positive integer, got 0
>>> fan_in_fan_out((10,))
Traceback (most recent call last):
...
ValueError: fan-in and fan-out need a shape with at least 2 dimensions, got (10,)
"""
from __future__ import annotations

import math

from . import validate

__all__ = [
    "NONLINEARITIES",
    "calculate_gain",
    "fan_in_fan_out",
    "xavier_uniform_bound",
    "xavier_normal_std",
    "kaiming_uniform_bound",
    "kaiming_normal_std",
    "default_linear_bound",
]

_LINEAR = ("linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d")
NONLINEARITIES = _LINEAR + ("sigmoid", "tanh", "relu", "leaky_relu", "selu")


def fan_in_fan_out(shape) -> tuple[int, int]:
    """``(fan_in, fan_out)`` of a weight of this shape ``(out, in, *kernel)``.

    ``fan_in = in · prod(kernel)``, ``fan_out = out · prod(kernel)``, as in
    ``torch.nn.init._calculate_fan_in_and_fan_out``.

    >>> fan_in_fan_out([128, 784])
    (784, 128)
    >>> fan_in_fan_out((2, 0))
    Traceback (most recent call last):
    ...
    ValueError: shape[1] must be >= 1, got 0
    """
    dims = validate.integers("shape", shape, minimum=1)
    if len(dims) < 2:
        raise ValueError(f"fan-in and fan-out need a shape with at least 2 dimensions, got {dims}")
    receptive_field = math.prod(dims[2:])
    return dims[1] * receptive_field, dims[0] * receptive_field


def calculate_gain(nonlinearity: str, param=None) -> float:
    """The recommended gain for a non-linearity, as ``torch.nn.init.calculate_gain``.

    linear/conv and sigmoid: 1; tanh: 5/3; relu: √2; leaky_relu with slope ``a``:
    √(2 / (1 + a²)) (``param=None`` means ``a = 0.01``); selu: 3/4.

    >>> calculate_gain("relu")
    1.414...
    >>> calculate_gain("tanh")
    1.666...
    >>> calculate_gain("leaky_relu", 0)
    1.414...
    >>> calculate_gain("swish")
    Traceback (most recent call last):
    ...
    ValueError: nonlinearity must be one of ('linear', 'conv1d', ...), got 'swish'
    """
    validate.one_of("nonlinearity", nonlinearity, NONLINEARITIES)
    if nonlinearity in _LINEAR or nonlinearity == "sigmoid":
        return 1.0
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "selu":
        return 3.0 / 4
    slope = 0.01 if param is None else validate.real("param (the negative slope)", param)
    return math.sqrt(2.0 / (1 + slope**2))


def xavier_normal_std(fan_in: int, fan_out: int, gain: float = 1) -> float:
    """Std of ``xavier_normal_``: ``gain · √(2 / (fan_in + fan_out))``.

    >>> round(xavier_normal_std(5, 3), 4)
    0.5
    """
    fan_in = validate.integer("fan_in", fan_in, positive=True)
    fan_out = validate.integer("fan_out", fan_out, positive=True)
    gain = validate.real("gain", gain, low=0, low_open=True)
    return gain * math.sqrt(2.0 / (fan_in + fan_out))


def xavier_uniform_bound(fan_in: int, fan_out: int, gain: float = 1) -> float:
    """Bound ``c`` of ``xavier_uniform_``'s ``U(-c, c)``: ``gain · √(6 / (fan_in + fan_out))``.

    It is √3 times :func:`xavier_normal_std`, because ``Var U(-c, c) = c² / 3``.

    >>> round(xavier_uniform_bound(5, 3), 4)
    0.866
    """
    return math.sqrt(3.0) * xavier_normal_std(fan_in, fan_out, gain)


def kaiming_normal_std(fan_in: int, a: float = 0, nonlinearity: str = "leaky_relu") -> float:
    """Std of ``kaiming_normal_``: ``gain / √fan_in``, with ``gain = calculate_gain(nonlinearity, a)``.

    PyTorch's default ``nonlinearity`` is ``'leaky_relu'`` with ``a = 0``, whose gain
    √2 equals ReLU's. For ``mode='fan_out'`` pass the fan-out instead.

    >>> kaiming_normal_std(2) == kaiming_normal_std(2, nonlinearity="relu") == 1.0
    True
    """
    fan_in = validate.integer("fan_in", fan_in, positive=True)
    return calculate_gain(nonlinearity, validate.real("a", a)) / math.sqrt(fan_in)


def kaiming_uniform_bound(fan_in: int, a: float = 0, nonlinearity: str = "leaky_relu") -> float:
    """Bound ``c`` of ``kaiming_uniform_``'s ``U(-c, c)``: ``gain · √(3 / fan_in)``.

    >>> round(kaiming_uniform_bound(6), 6)
    1.0
    """
    return math.sqrt(3.0) * kaiming_normal_std(fan_in, a, nonlinearity)


def default_linear_bound(fan_in: int) -> float:
    """Bound of PyTorch's default ``nn.Linear``/``nn.Conv*`` weight init: ``1 / √fan_in``.

    ``reset_parameters`` calls ``kaiming_uniform_(w, a=√5)``: the gain is
    √(2 / (1 + 5)) = √(1/3), so the bound is √3 · √(1/3) / √fan_in = 1 / √fan_in.
    The weights' variance is ``1 / (3·fan_in)``.

    >>> default_linear_bound(4)
    0.5
    >>> default_linear_bound(2.5)
    Traceback (most recent call last):
    ...
    TypeError: fan_in must be an int, got float
    """
    return 1.0 / math.sqrt(validate.integer("fan_in", fan_in, positive=True))
