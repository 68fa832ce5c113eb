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
TypeError: module must be an nn.Module (e.g. a model, not model.parameters()), got generator
>>> linear_params(3, 0)
Traceback (most recent call last):
...
ValueError: n_out must be >= 1, got 0
"""
from __future__ import annotations

import torch.nn as nn

from . import validate

__all__ = ["count_parameters", "linear_params"]


def count_parameters(module: nn.Module, trainable_only: bool = False) -> int:
    """Number of scalar parameters in ``module`` and all its sub-modules.

    Args:
        module: any ``nn.Module``.
        trainable_only: count only parameters with ``requires_grad=True``
            (what an optimizer would update).
    """
    validate.instance("module", module, nn.Module, "an nn.Module (e.g. a model, not model.parameters())")
    trainable_only = validate.flag("trainable_only", trainable_only)
    return sum(p.numel() for p in module.parameters() if p.requires_grad or not trainable_only)


def linear_params(n_in: int, n_out: int, bias: bool = True) -> int:
    """Parameters of ``nn.Linear(n_in, n_out, bias)``: ``n_in * n_out`` weights plus ``n_out`` biases."""
    n_in = validate.integer("n_in", n_in, minimum=1)
    n_out = validate.integer("n_out", n_out, minimum=1)
    bias = validate.flag("bias", bias)
    return n_in * n_out + (n_out if bias else 0)
