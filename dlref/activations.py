r"""Activation functions and their derivatives, in closed form.

The formulas the *activations* page explains, written out with elementary tensor
operations so they can be checked against PyTorch's autograd (`tests/test_activations.py`).
Every function takes a floating-point tensor and works element-wise (`softmax` along `dim`).

Derivatives follow PyTorch's conventions at the kink `x = 0`: `relu_grad(0) = 0`,
`leaky_relu_grad(0) = negative_slope` and `elu_grad(0) = alpha`.

>>> import torch
>>> x = torch.tensor([-3.0, 0.0, 3.0])
>>> sigmoid(x)
tensor([0.0474, 0.5000, 0.9526])
>>> sigmoid_grad(x)  # σ'(x) = σ(x)(1 − σ(x)), largest at 0
tensor([0.0452, 0.2500, 0.0452])
>>> tanh_grad(x)  # tanh'(x) = 1 − tanh²(x)
tensor([0.0099, 1.0000, 0.0099])
>>> relu_grad(x)
tensor([0., 0., 1.])
>>> softmax(torch.tensor([1.0, 2.0, 3.0]))
tensor([0.0900, 0.2447, 0.6652])

Bad input is rejected with a clear message:

>>> sigmoid([1.0, 2.0])
Traceback (most recent call last):
...
TypeError: sigmoid expects a torch.Tensor, got list for x
>>> relu_grad(torch.tensor([1, 2]))
Traceback (most recent call last):
...
TypeError: relu_grad expects a floating-point tensor, got dtype torch.int64 for x; convert it with x.float()

NaN propagates, as in PyTorch (``torch.relu(nan)`` is ``nan``), and so does a derivative at NaN:

>>> relu(torch.tensor([float("nan"), -1.0])), relu_grad(torch.tensor([float("nan"), -1.0]))
(tensor([nan, 0.]), tensor([nan, 0.]))
"""
from __future__ import annotations

import torch

from . import validate

__all__ = [
    "sigmoid",
    "sigmoid_grad",
    "tanh_grad",
    "relu",
    "relu_grad",
    "leaky_relu",
    "leaky_relu_grad",
    "elu",
    "elu_grad",
    "softmax",
]


def sigmoid(x: torch.Tensor) -> torch.Tensor:
    r"""The logistic sigmoid `σ(x) = 1 / (1 + exp(-x))`, without overflow.

    For `x < 0` it uses the equal form `exp(x) / (1 + exp(x))`, so `exp` only
    ever sees non-positive arguments.

    >>> import torch
    >>> sigmoid(torch.tensor([-1000.0, 0.0, 1000.0]))
    tensor([0.0000, 0.5000, 1.0000])
    >>> float(sigmoid(torch.tensor(-3.0)) + sigmoid(torch.tensor(3.0)))  # σ(−x) = 1 − σ(x)
    1.0
    """
    x = validate.tensor("x", x, floating=True, fn="sigmoid")
    e = torch.exp(-x.abs())  # in (0, 1]: never overflows
    return torch.where(x >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_grad(x: torch.Tensor) -> torch.Tensor:
    r"""The derivative `σ'(x) = σ(x) (1 - σ(x))`; its maximum is 0.25 at 0.

    >>> import torch
    >>> sigmoid_grad(torch.tensor([0.0, 1.0, 6.0]))
    tensor([0.2500, 0.1966, 0.0025])
    """
    s = sigmoid(validate.tensor("x", x, floating=True, fn="sigmoid_grad"))
    return s * (1 - s)


def tanh_grad(x: torch.Tensor) -> torch.Tensor:
    r"""The derivative `tanh'(x) = 1 - tanh(x)²`; its maximum is 1 at 0.

    >>> import torch
    >>> tanh_grad(torch.tensor([0.0, 1.0, 2.0]))
    tensor([1.0000, 0.4200, 0.0707])
    """
    t = torch.tanh(validate.tensor("x", x, floating=True, fn="tanh_grad"))
    return 1 - t * t


def relu(x: torch.Tensor) -> torch.Tensor:
    r"""The rectified linear unit `max(0, x)`.

    >>> import torch
    >>> relu(torch.tensor([-2.0, 0.0, 3.0]))
    tensor([0., 0., 3.])
    """
    x = validate.tensor("x", x, floating=True, fn="relu")
    return torch.where(x <= 0, torch.zeros_like(x), x)  # NaN is not <= 0, so it passes through


def relu_grad(x: torch.Tensor) -> torch.Tensor:
    r"""The derivative of ReLU: 1 where `x > 0`, else 0 (PyTorch's convention at 0); NaN at NaN.

    >>> import torch
    >>> relu_grad(torch.tensor([-2.0, 0.0, 3.0]))
    tensor([0., 0., 1.])
    """
    x = validate.tensor("x", x, floating=True, fn="relu_grad")
    return (x > 0).to(x.dtype).masked_fill(x.isnan(), float("nan"))


def leaky_relu(x: torch.Tensor, negative_slope: float = 0.01) -> torch.Tensor:
    r"""Leaky ReLU: `x` where `x > 0`, else `negative_slope * x`.

    >>> import torch
    >>> leaky_relu(torch.tensor([-2.0, 0.0, 3.0]), negative_slope=0.1)
    tensor([-0.2000,  0.0000,  3.0000])
    """
    x = validate.tensor("x", x, floating=True, fn="leaky_relu")
    slope = validate.real("negative_slope", negative_slope)
    return torch.where(x > 0, x, slope * x)


def leaky_relu_grad(x: torch.Tensor, negative_slope: float = 0.01) -> torch.Tensor:
    r"""The derivative of leaky ReLU: 1 where `x > 0`, else `negative_slope` (also at 0); NaN at NaN.

    >>> import torch
    >>> leaky_relu_grad(torch.tensor([-2.0, 0.0, 3.0]))
    tensor([0.0100, 0.0100, 1.0000])
    """
    x = validate.tensor("x", x, floating=True, fn="leaky_relu_grad")
    slope = validate.real("negative_slope", negative_slope)
    return torch.where(x > 0, torch.ones_like(x), torch.full_like(x, slope)).masked_fill(x.isnan(), float("nan"))


def elu(x: torch.Tensor, alpha: float = 1.0) -> torch.Tensor:
    r"""The exponential linear unit: `x` where `x > 0`, else `alpha * (exp(x) - 1)`.

    Its values lie in `(-alpha, +inf)`.

    >>> import torch
    >>> elu(torch.tensor([-1.0, 0.0, 2.0]))
    tensor([-0.6321,  0.0000,  2.0000])
    >>> elu(torch.tensor([-100.0]), alpha=2.0)  # approaches −α
    tensor([-2.])
    """
    x = validate.tensor("x", x, floating=True, fn="elu")
    a = validate.real("alpha", alpha)
    # expm1 only sees x ≤ 0, so a large positive x cannot overflow to inf
    return torch.where(x > 0, x, a * torch.expm1(torch.clamp(x, max=0)))


def elu_grad(x: torch.Tensor, alpha: float = 1.0) -> torch.Tensor:
    r"""The derivative of ELU: 1 where `x > 0`, else `f(x) + alpha = alpha * exp(x)`.

    At `x = 0` it is `alpha` (PyTorch's convention), so ELU is
    continuously differentiable only when `alpha == 1`.

    >>> import torch
    >>> elu_grad(torch.tensor([-1.0, 0.0, 2.0]))
    tensor([0.3679, 1.0000, 1.0000])
    >>> elu_grad(torch.tensor([0.0]), alpha=2.0)
    tensor([2.])
    """
    x = validate.tensor("x", x, floating=True, fn="elu_grad")
    a = validate.real("alpha", alpha)
    return torch.where(x > 0, torch.ones_like(x), elu(x, a) + a)


def softmax(x: torch.Tensor, dim: int = -1) -> torch.Tensor:
    r"""Softmax along `dim`: `exp(z_i) / sum_j exp(z_j)`, computed stably.

    Subtracting the maximum first (the log-sum-exp trick) does not change the
    result, because the factor `exp(-max(z))` cancels, but it keeps every
    exponent at most 0, so `exp` cannot overflow.

    >>> import torch
    >>> softmax(torch.tensor([1000.0, 1001.0, 1002.0]))  # naive exp(1000) = inf
    tensor([0.0900, 0.2447, 0.6652])
    >>> softmax(torch.tensor([[1.0, 1.0], [0.0, 2.0]]), dim=1)
    tensor([[0.5000, 0.5000],
            [0.1192, 0.8808]])
    >>> softmax(torch.tensor([1.0, 2.0]), dim=1.5)
    Traceback (most recent call last):
    ...
    TypeError: dim must be an int, got float

    An empty tensor gives an empty result, as ``torch.softmax`` does.
    """
    x = validate.tensor("x", x, floating=True, fn="softmax")
    dim = validate.integer("dim", dim)
    if x.dim() == 0:
        raise ValueError("softmax needs x with at least one dimension, got a 0-d tensor")
    if x.numel() == 0:
        x.size(dim)  # an IndexError for a dim that x does not have, as PyTorch raises
        return x.clone()
    z = x - x.amax(dim=dim, keepdim=True)
    e = torch.exp(z)
    return e / e.sum(dim=dim, keepdim=True)
