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
"""
from __future__ import annotations

import torch

__all__ = ["dropout_mask", "inverted_dropout"]


def _check_p(p) -> float:
    if isinstance(p, bool) or not isinstance(p, (int, float)):
        raise TypeError(f"p must be a number, got {type(p).__name__}")
    if not 0 <= p < 1:
        raise ValueError(f"p must be a probability in [0, 1), got {p!r}")
    return float(p)


def dropout_mask(shape, p, generator=None, dtype=torch.float32):
    """A random 0/1 mask of ``shape``: each entry is 1 (kept) with probability ``1 - p``.

    Args:
        shape: the mask's shape (a tuple or ``torch.Size``).
        p: the drop probability, in [0, 1).
        generator: a ``torch.Generator`` for reproducible masks (default: the global one).

    Raises:
        TypeError: ``p`` is not a number.
        ValueError: ``p`` is outside [0, 1).
    """
    p = _check_p(p)
    keep = torch.full(tuple(shape), 1.0 - p, dtype=dtype)
    return torch.bernoulli(keep, generator=generator)


def inverted_dropout(x, p, generator=None):
    """Training-mode dropout: zero each element with probability ``p``, scale the rest by ``1/(1-p)``.

    Returns ``x`` itself when ``p == 0``.

    Raises:
        TypeError: ``x`` is not a floating-point tensor, or ``p`` is not a number.
        ValueError: ``p`` is outside [0, 1).
    """
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"x must be a torch.Tensor, got {type(x).__name__}")
    if not x.is_floating_point():
        raise TypeError(f"x must be a floating-point tensor, got {x.dtype}")
    p = _check_p(p)
    if p == 0:
        return x
    mask = dropout_mask(x.shape, p, generator, dtype=x.dtype).to(x.device)
    return x * mask / (1.0 - p)
