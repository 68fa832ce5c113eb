r"""Loss functions written out from their formulas, each checked against ``torch.nn.functional``.

Every function takes ``(input, target)`` tensors of matching shapes (except
:func:`cross_entropy`, which also takes class indices) and returns the **mean**
over all elements or samples, as PyTorch's ``reduction="mean"`` default does.

The numbers of the loss-functions page, computed by hand:

>>> import torch
>>> y_true = torch.tensor([2.0, 3.0, 1.0])
>>> y_pred = torch.tensor([1.0, 5.0, 4.0])      # errors -1, 2, 3
>>> mae(y_pred, y_true)                          # (1 + 2 + 3) / 3
tensor(2.)
>>> mse(y_pred, y_true)                          # (1 + 4 + 9) / 3
tensor(4.6667)
>>> smooth_l1(y_pred, y_true)                    # (0.5 + 1.5 + 2.5) / 3
tensor(1.5000)
>>> logits = torch.tensor([[18.0, 9, 10], [2, 14, 6], [3, 8, 16]])
>>> cross_entropy(logits, torch.tensor([0, 1, 2]))
tensor(0.0004)
>>> binary_cross_entropy(torch.tensor([0.1, 0.9, 0.2, 0.8]), torch.tensor([0.0, 1, 0, 1]))
tensor(0.1643)

Bad input is rejected with a message that says what is wrong:

>>> mse(y_pred, torch.zeros(4))
Traceback (most recent call last):
...
ValueError: tensors must share one shape, got input: (3,), target: (4,)
>>> mae([1.0, 5.0], y_true)
Traceback (most recent call last):
...
TypeError: mae expects a torch.Tensor, got list for input

As in ``torch.nn.functional``, an integer ``target`` and mixed float dtypes are fine for
the regression losses (the result has the promoted dtype), and an empty batch gives NaN.
"""
from __future__ import annotations

import torch

from . import validate

__all__ = ["cross_entropy", "binary_cross_entropy", "mae", "mse", "smooth_l1", "huber", "log_softmax"]


def _pair(fn: str, input, target, name: str = "input") -> None:
    """The contract of every element-wise loss: a float ``input`` and a ``target`` tensor of its shape."""
    validate.tensor(name, input, floating=True, fn=fn)
    validate.tensor("target", target, fn=fn)
    validate.same_shape(**{name: input, "target": target})


def log_softmax(logits: torch.Tensor, dim: int = -1) -> torch.Tensor:
    r"""Numerically stable :math:`\log\operatorname{softmax}(z)_c = z_c - \max z - \log\sum_j e^{z_j - \max z}`.

    Subtracting the maximum first keeps ``exp`` from overflowing:

    >>> log_softmax(torch.tensor([1000.0, 0.0]))
    tensor([    0., -1000.])
    >>> torch.log(torch.softmax(torch.tensor([1000.0, 0.0]), 0))  # the naive way loses it
    tensor([0., -inf])
    """
    validate.tensor("logits", logits, floating=True, fn="log_softmax")
    dim = validate.integer("dim", dim)
    if logits.numel() == 0:  # nothing to normalize; PyTorch returns an empty tensor too
        logits.size(dim)  # an IndexError for a dim that logits does not have
        return logits.clone()
    shifted = logits - logits.amax(dim=dim, keepdim=True)
    return shifted - shifted.exp().sum(dim=dim, keepdim=True).log()


def cross_entropy(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    r"""Cross-entropy from raw scores, averaged over the batch.

    .. math:: \mathcal L = -\frac1N\sum_{n=1}^{N}\sum_{c=1}^{C} y_{n,c}\,\log\operatorname{softmax}(z_n)_c

    Args:
        logits: ``(N, C)`` raw scores :math:`z` (no softmax applied).
        target: ``(N,)`` integer class indices in ``[0, C)``, or ``(N, C)``
            probabilities :math:`y` (e.g. one-hot rows), like ``nn.CrossEntropyLoss``.

    Class indices and the equivalent one-hot rows give the same loss:

    >>> z = torch.tensor([[2.0, 0.0, -1.0], [0.0, 3.0, 0.0]])
    >>> cross_entropy(z, torch.tensor([0, 1]))
    tensor(0.1324)
    >>> cross_entropy(z, torch.tensor([[1.0, 0, 0], [0, 1, 0]]))
    tensor(0.1324)
    >>> cross_entropy(z, torch.tensor([0, 3]))
    Traceback (most recent call last):
    ...
    ValueError: target must have all values in [0, 3), got values from 0 to 3
    """
    validate.tensor("logits", logits, floating=True, fn="cross_entropy")
    validate.tensor("target", target, fn="cross_entropy")
    if logits.dim() != 2:
        raise ValueError(f"cross_entropy: logits must have shape (N, C), got {tuple(logits.shape)}")
    n, c = logits.shape
    if target.is_floating_point():
        if target.shape != logits.shape:
            raise ValueError(
                f"cross_entropy: logits shape {tuple(logits.shape)} and probability target shape "
                f"{tuple(target.shape)} differ"
            )
        return -(target * log_softmax(logits, dim=1)).sum(dim=1).mean()
    if target.dtype == torch.bool or target.shape != (n,):
        raise ValueError(
            f"cross_entropy: logits shape {tuple(logits.shape)} needs a target of class indices of shape ({n},) "
            f"or probabilities of shape {tuple(logits.shape)}; got target shape {tuple(target.shape)} "
            f"({target.dtype})"
        )
    validate.values_in("target", target, low=0, high=c, high_open=True)
    return -log_softmax(logits, dim=1)[torch.arange(n), target].mean()


def binary_cross_entropy(probs: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    r"""Binary cross-entropy of probabilities :math:`\hat y \in [0, 1]`, averaged.

    .. math:: L = -\bigl[y\log\hat y + (1-y)\log(1-\hat y)\bigr]

    Like ``nn.BCELoss``, each log is clamped at -100, so a confident mistake
    costs 100 rather than infinity:

    >>> binary_cross_entropy(torch.tensor([0.0]), torch.tensor([1.0]))
    tensor(100.)
    >>> binary_cross_entropy(torch.tensor([1.5]), torch.tensor([1.0]))
    Traceback (most recent call last):
    ...
    ValueError: probs must have all values in [0, 1], got 1.5

    Both tensors must hold probabilities of one float dtype (``nn.BCELoss`` refuses the
    rest too): a target of 2, an integer target or a NaN is an error.
    """
    _pair("binary_cross_entropy", probs, target, name="probs")
    validate.same_dtype(probs=probs, target=target)
    validate.values_in("probs", probs, low=0, high=1)
    validate.values_in("target", target, low=0, high=1)
    log_p = probs.log().clamp(min=-100)
    log_1mp = (1 - probs).log().clamp(min=-100)
    return -(target * log_p + (1 - target) * log_1mp).mean()


def mae(input: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    r"""Mean absolute error (L1 loss): :math:`\frac1n\sum_i |y_i - \hat y_i|`."""
    _pair("mae", input, target)
    return (input - target).abs().mean()


def mse(input: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    r"""Mean squared error (L2 loss): :math:`\frac1n\sum_i (y_i - \hat y_i)^2`."""
    _pair("mse", input, target)
    return ((input - target) ** 2).mean()


def smooth_l1(input: torch.Tensor, target: torch.Tensor, beta: float = 1.0) -> torch.Tensor:
    r"""Smooth L1 loss: quadratic :math:`0.5e^2/\beta` for :math:`|e| < \beta`, else :math:`|e| - 0.5\beta`.

    ``beta=0`` is the plain L1 loss (as in PyTorch). Near zero the slope is
    :math:`e/\beta`; far away it is :math:`\pm 1`.

    >>> e = torch.tensor([0.5, 3.0])
    >>> smooth_l1(e, torch.zeros(2), beta=2.0)    # (0.0625 + 2) / 2
    tensor(1.0312)
    >>> smooth_l1(e, torch.zeros(2), beta=-1.0)
    Traceback (most recent call last):
    ...
    ValueError: beta must be >= 0, got -1.0
    """
    _pair("smooth_l1", input, target)
    beta = validate.real("beta", beta, low=0)
    e = (input - target).abs()
    if beta == 0:
        return e.mean()
    return torch.where(e < beta, 0.5 * e**2 / beta, e - 0.5 * beta).mean()


def huber(input: torch.Tensor, target: torch.Tensor, delta: float = 1.0) -> torch.Tensor:
    r"""Huber loss: :math:`0.5e^2` for :math:`|e| \le \delta`, else :math:`\delta(|e| - 0.5\delta)`.

    It equals ``delta * smooth_l1(..., beta=delta)``: the same curve, scaled so
    that the slope far from zero is :math:`\pm\delta` instead of :math:`\pm 1`.

    >>> e, zero = torch.tensor([0.5, 3.0]), torch.zeros(2)
    >>> huber(e, zero, delta=2.0), 2.0 * smooth_l1(e, zero, beta=2.0)
    (tensor(2.0625), tensor(2.0625))
    >>> huber(e, zero, delta=0)
    Traceback (most recent call last):
    ...
    ValueError: delta must be > 0, got 0.0
    """
    _pair("huber", input, target)
    delta = validate.real("delta", delta, low=0, low_open=True)
    e = (input - target).abs()
    return torch.where(e <= delta, 0.5 * e**2, delta * (e - 0.5 * delta)).mean()
