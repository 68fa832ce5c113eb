r"""Batch normalization from scratch, as the batch-norm page explains it.

Training mode normalizes with the statistics of the current mini-batch, computed
per feature (per channel for images: over the batch and every spatial position)::

    mu_B      = mean(x)                       # per channel
    sigma2_B  = mean((x - mu_B) ** 2)         # biased: divide by m
    x_hat     = (x - mu_B) / sqrt(sigma2_B + eps)
    y         = gamma * x_hat + beta

and updates the running statistics, where ``momentum`` is the weight of the *new*
batch statistic (PyTorch's convention, default 0.1; Keras calls 0.99 what PyTorch
calls 0.01)::

    running_mean <- (1 - momentum) * running_mean + momentum * mu_B
    running_var  <- (1 - momentum) * running_var  + momentum * m / (m - 1) * sigma2_B

The running variance uses the **unbiased** batch variance (m values per channel),
while the normalization itself uses the biased one. Evaluation mode normalizes
with the running statistics instead and changes nothing.

>>> x = torch.tensor([[1.0, 10.0], [3.0, 20.0], [5.0, 30.0]])    # 3 samples, 2 features
>>> gamma, beta = torch.ones(2), torch.zeros(2)
>>> y, rm, rv = batch_norm_train(x, gamma, beta, torch.zeros(2), torch.ones(2))
>>> y
tensor([[-1.2247, -1.2247],
        [ 0.0000,  0.0000],
        [ 1.2247,  1.2247]])
>>> rm                                   # 0.9 * 0 + 0.1 * [3, 20]
tensor([0.3000, 2.0000])
>>> rv                                   # 0.9 * 1 + 0.1 * unbiased var [4, 100]
tensor([ 1.3000, 10.9000])
>>> batch_norm_eval(torch.tensor([[3.0, 20.0]]), gamma, beta, rm, rv)
tensor([[2.3680, 5.4520]])

A single value per channel has no variance, so training mode refuses it, as PyTorch does:

>>> batch_norm_train(x[:1], gamma, beta, torch.zeros(2), torch.ones(2))
Traceback (most recent call last):
...
ValueError: Expected more than 1 value per channel when training, got input size torch.Size([1, 2])

A variance cannot be negative, so neither mode accepts a negative running variance:

>>> batch_norm_eval(x, gamma, beta, rm, torch.tensor([1.0, -1.0]))
Traceback (most recent call last):
...
ValueError: running_var must have all values >= 0, got values from -1 to 1
"""
from __future__ import annotations

import math

import torch

from . import validate

__all__ = ["batch_norm_train", "batch_norm_eval"]


def _arguments(x, gamma, beta, running_mean, running_var, eps) -> float:
    """Check what both modes share: x is (N, C, *), the other four are (C,) of x's dtype. Returns eps."""
    named = {"x": x, "gamma": gamma, "beta": beta, "running_mean": running_mean, "running_var": running_var}
    for name, value in named.items():
        validate.tensor(name, value, floating=name == "x")
    if x.dim() < 2:
        raise ValueError(f"x must have shape (N, C) or (N, C, *), got {tuple(x.shape)}")
    channels = x.shape[1]
    for name in ("gamma", "beta", "running_mean", "running_var"):
        if tuple(named[name].shape) != (channels,):
            raise ValueError(f"{name} must have shape ({channels},) to match x's C, got {tuple(named[name].shape)}")
    validate.same_dtype(**named)
    validate.values_in("running_var", running_var, low=0)
    return validate.real("eps", eps, low=0, low_open=True)


def _per_channel(v: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """Reshape a (C,) vector so that it broadcasts over x of shape (N, C, *)."""
    return v.reshape(1, -1, *([1] * (x.dim() - 2)))


def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    """One training-mode forward pass of batch normalization.

    Args:
        x: input of shape ``(N, C)`` or ``(N, C, *)`` (e.g. ``(N, C, H, W)``).
        gamma: the learnable scale, shape ``(C,)``.
        beta: the learnable shift, shape ``(C,)``.
        running_mean: the running mean before this batch, shape ``(C,)``.
        running_var: the running variance before this batch, shape ``(C,)``.
        momentum: weight of the new batch statistic in the running average (PyTorch's convention).
        eps: added to the variance before the square root.

    Returns:
        ``(y, new_running_mean, new_running_var)``; the inputs are not modified.

    Raises:
        TypeError: an argument is not a tensor, ``x`` is not floating point, the tensors
            do not share one dtype, or ``momentum``/``eps`` is not a number.
        ValueError: wrong shapes, ``momentum`` outside [0, 1], ``eps <= 0``, a negative
            running variance, or a single value per channel (e.g. a batch of one sample of
            shape ``(1, C)``). An empty batch is no error: as in PyTorch, it gives an empty
            output and leaves the running statistics unchanged.
    """
    eps = _arguments(x, gamma, beta, running_mean, running_var, eps)
    momentum = validate.real("momentum", momentum, low=0, high=1)
    dims = [0, *range(2, x.dim())]  # every dimension except the channel one
    m = x.shape[0] * math.prod(x.shape[2:])  # values per channel
    if m == 1:
        raise ValueError(f"Expected more than 1 value per channel when training, got input size {x.shape}")
    if m == 0:  # an empty batch: an empty output, and no statistics to add (as in PyTorch)
        return x.clone(), running_mean.clone(), running_var.clone()
    mean = x.mean(dim=dims)
    var = x.var(dim=dims, unbiased=False)  # biased: used to normalize
    x_hat = (x - _per_channel(mean, x)) / torch.sqrt(_per_channel(var, x) + eps)
    y = _per_channel(gamma, x) * x_hat + _per_channel(beta, x)
    with torch.no_grad():  # the running statistics are buffers, not part of the graph
        unbiased = var.detach() * m / (m - 1)
        new_mean = (1 - momentum) * running_mean + momentum * mean.detach()
        new_var = (1 - momentum) * running_var + momentum * unbiased
    return y, new_mean, new_var


def batch_norm_eval(x, gamma, beta, running_mean, running_var, eps=1e-5):
    """Evaluation-mode batch normalization: normalize with the running statistics.

    Works for any batch size, including one sample, and gives each sample the same
    output whatever else is in the batch.

    Raises:
        TypeError, ValueError: as :func:`batch_norm_train`.
    """
    eps = _arguments(x, gamma, beta, running_mean, running_var, eps)
    x_hat = (x - _per_channel(running_mean, x)) / torch.sqrt(_per_channel(running_var, x) + eps)
    return _per_channel(gamma, x) * x_hat + _per_channel(beta, x)
