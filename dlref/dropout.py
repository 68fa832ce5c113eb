r"""Inverted dropout from scratch, as the dropout page explains it.

In training, each unit is zeroed with probability ``p`` and every kept unit is
multiplied by ``1 / (1 - p)``, so the expected output equals the input:
``E[y] = (1 - p) * x / (1 - p) + p * 0 = x``. In evaluation nothing is dropped and
nothing is scaled: dropout is the identity (``nn.Dropout`` in ``eval()`` mode).

>>> g = torch.Generator().manual_seed(0)
>>> mask = dropout_mask((2, 6), p=0.5, generator=g)
>>> mask
tensor([[1., 0., 1., 1., 1., 0.],
        [1., 0., 1., 0., 1., 1.]])
>>> x = torch.ones(2, 6)
>>> inverted_dropout(x, p=0.5, generator=torch.Generator().manual_seed(0))   # same mask, kept units x 2
tensor([[2., 0., 2., 2., 2., 0.],
        [2., 0., 2., 0., 2., 2.]])
>>> inverted_dropout(x, p=0.0) is x        # p = 0 drops nothing
True
>>> inverted_dropout(x, p=1.0)
Traceback (most recent call last):
...
ValueError: p must be a probability in [0, 1), got 1.0
>>> dropout_mask(6, p=0.5)
Traceback (most recent call last):
...
TypeError: shape must be a sequence (e.g. a list or tuple), got int
"""
from __future__ import annotations

import torch

from . import validate

__all__ = ["dropout_mask", "inverted_dropout"]

_FLOATING = (torch.float16, torch.bfloat16, torch.float32, torch.float64)


def dropout_mask(shape, p, generator=None, dtype=torch.float32):
    """A random 0/1 mask of ``shape``: each entry is 1 (kept) with probability ``1 - p``.

    Args:
        shape: the mask's shape (a tuple or ``torch.Size``; ``(6,)``, not ``6``).
        p: the drop probability, in [0, 1).
        generator: a ``torch.Generator`` for reproducible masks (default: the global one).
        dtype: a floating-point dtype.

    Raises:
        TypeError: ``shape`` is not a sequence of ints, ``p`` is not a number, or
            ``generator`` is not a ``torch.Generator``.
        ValueError: a dimension is negative, ``p`` is outside [0, 1), or ``dtype`` is not floating point.
    """
    shape = validate.integers("shape", shape, minimum=0)
    p = validate.probability("p", p)
    validate.one_of("dtype", dtype, _FLOATING)
    validate.instance("generator", generator, (torch.Generator, type(None)), "a torch.Generator or None")
    keep = torch.full(shape, 1.0 - p, dtype=dtype)
    return torch.bernoulli(keep, generator=generator)


def inverted_dropout(x, p, generator=None):
    """Training-mode dropout: zero each element with probability ``p``, scale the rest by ``1/(1-p)``.

    Returns ``x`` itself when ``p == 0``.

    Raises:
        TypeError: ``x`` is not a floating-point tensor, ``p`` is not a number, or
            ``generator`` is not a ``torch.Generator``.
        ValueError: ``p`` is outside [0, 1).
    """
    x = validate.tensor("x", x, floating=True)
    p = validate.probability("p", p)
    validate.instance("generator", generator, (torch.Generator, type(None)), "a torch.Generator or None")
    if p == 0:
        return x
    mask = dropout_mask(x.shape, p, generator, dtype=x.dtype).to(x.device)
    return x * mask / (1.0 - p)
