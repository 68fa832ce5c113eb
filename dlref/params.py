r"""Counting a model's learnable parameters, by formula and by walking the module tree.

A fully connected layer ``nn.Linear(n_in, n_out)`` holds a weight matrix of shape
``(n_out, n_in)`` and a bias vector of shape ``(n_out,)``:

>>> linear_params(3, 3)            # 3*3 weights + 3 biases
12
>>> linear_params(3, 3, bias=False)
9

:func:`count_parameters` adds up ``numel()`` over ``module.parameters()``, which
visits every sub-module (and counts a shared parameter once):

>>> import torch.nn as nn
>>> count_parameters(nn.Linear(3, 3))
12
>>> net = nn.Sequential(nn.Linear(3, 3), nn.Sigmoid(), nn.Linear(3, 2), nn.ReLU(), nn.Linear(2, 2))
>>> count_parameters(net), linear_params(3, 3) + linear_params(3, 2) + linear_params(2, 2)
(26, 26)
>>> net[0].requires_grad_(False)   # freeze the first layer
Linear(in_features=3, out_features=3, bias=True)
>>> count_parameters(net, trainable_only=True)
14
>>> count_parameters(net.parameters())
Traceback (most recent call last):
...
TypeError: count_parameters: expected an nn.Module, got generator
>>> linear_params(3, 0)
Traceback (most recent call last):
...
ValueError: linear_params: n_in and n_out must be positive, got n_in=3, n_out=0
"""
from __future__ import annotations

import torch.nn as nn

__all__ = ["count_parameters", "linear_params"]


def count_parameters(module: nn.Module, trainable_only: bool = False) -> int:
    """Number of scalar parameters in ``module`` and all its sub-modules.

    Args:
        module: any ``nn.Module``.
        trainable_only: count only parameters with ``requires_grad=True``
            (what an optimizer would update).
    """
    if not isinstance(module, nn.Module):
        raise TypeError(f"count_parameters: expected an nn.Module, got {type(module).__name__}")
    return sum(p.numel() for p in module.parameters() if p.requires_grad or not trainable_only)


def linear_params(n_in: int, n_out: int, bias: bool = True) -> int:
    """Parameters of ``nn.Linear(n_in, n_out, bias)``: ``n_in * n_out`` weights plus ``n_out`` biases."""
    for name, value in (("n_in", n_in), ("n_out", n_out)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"linear_params: {name} must be an int, got {type(value).__name__}")
    if n_in < 1 or n_out < 1:
        raise ValueError(f"linear_params: n_in and n_out must be positive, got n_in={n_in}, n_out={n_out}")
    return n_in * n_out + (n_out if bias else 0)
