"""2-D max and average pooling from scratch, and the output-size formula of conv/pool layers.

A pooling layer slides a ``kernel``-sized window over each channel with step ``stride``
and replaces every window by one number: its maximum or its mean. The worked example
of the page, a 4×4 input pooled with a 2×2 window and stride 2:

>>> x = torch.arange(16.).reshape(1, 1, 4, 4)
>>> max_pool2d(x, 2, 2)
tensor([[[[ 5.,  7.],
          [13., 15.]]]])
>>> avg_pool2d(x, 2, 2)
tensor([[[[ 2.5000,  4.5000],
          [10.5000, 12.5000]]]])

The output side length follows one formula for convolutions and pooling alike,
``floor((n + 2p - d(k - 1) - 1) / s) + 1``:

>>> conv_output_size(32, kernel=3, padding=1)  # 'same' 3×3 convolution
32
>>> conv_output_size(32, kernel=2, stride=2)  # 2×2 pooling halves the size
16
>>> conv_output_size(224, kernel=7, stride=2, padding=3)  # ResNet's first convolution
112

Bad input is rejected with a clear message:

>>> max_pool2d(torch.zeros(4, 4), 2)
Traceback (most recent call last):
...
ValueError: x must have shape (N, C, H, W) or (C, H, W), got 2 dimensions
>>> conv_output_size(32, kernel=0)
Traceback (most recent call last):
...
ValueError: kernel must be >= 1, got 0
"""
from __future__ import annotations

import torch

from . import validate

__all__ = ["max_pool2d", "avg_pool2d", "conv_output_size"]


def _pair(value, name: str) -> tuple[int, int]:
    """A window size or step given as one int or as (height, width), each at least 1."""
    if not isinstance(value, (tuple, list)):
        try:
            return (validate.integer(name, value, minimum=1),) * 2
        except TypeError:
            raise TypeError(f"{name} must be an int or a pair of ints, got {value!r}") from None
    if len(value) != 2:
        raise TypeError(f"{name} must be an int or a pair of ints, got {value!r}")
    return validate.integers(name, value, minimum=1)  # type: ignore[return-value]


def _windows(x: torch.Tensor, kernel, stride) -> torch.Tensor:
    """All pooling windows of ``x`` as a tensor of shape (N, C, H_out, W_out, kh, kw)."""
    validate.tensor("x", x)
    if x.ndim not in (3, 4):
        raise ValueError(f"x must have shape (N, C, H, W) or (C, H, W), got {x.ndim} dimensions")
    kh, kw = _pair(kernel, "kernel")
    sh, sw = _pair(kernel if stride is None else stride, "stride")
    height, width = x.shape[-2:]
    if kh > height or kw > width:
        raise ValueError(f"kernel {(kh, kw)} is larger than the input {(height, width)}")
    # unfold(dim, size, step) cuts dim into windows of `size` taken every `step` elements
    return x.unfold(-2, kh, sh).unfold(-2, kw, sw)


def max_pool2d(x: torch.Tensor, kernel, stride=None) -> torch.Tensor:
    """Max pooling: the largest value of each ``kernel`` window, windows ``stride`` apart.

    Same result as ``torch.nn.functional.max_pool2d(x, kernel, stride)`` (no padding,
    no dilation, floor mode). ``stride`` defaults to ``kernel``, as in PyTorch.

    >>> x = torch.tensor([[[1., 3., 2., 0.],
    ...                    [4., 2., 1., 5.],
    ...                    [0., 1., 7., 2.],
    ...                    [2., 6., 3., 1.]]])
    >>> max_pool2d(x, 2)
    tensor([[[4., 5.],
             [6., 7.]]])
    >>> max_pool2d(x, 3, 1)  # overlapping 3×3 windows
    tensor([[[7., 7.],
             [7., 7.]]])
    """
    return _windows(x, kernel, stride).amax(dim=(-2, -1))


def avg_pool2d(x: torch.Tensor, kernel, stride=None) -> torch.Tensor:
    """Average pooling: the mean of each ``kernel`` window, windows ``stride`` apart.

    Same result as ``torch.nn.functional.avg_pool2d(x, kernel, stride)`` (no padding,
    floor mode). ``x`` must be a floating-point tensor, as in PyTorch.

    >>> avg_pool2d(torch.ones(1, 1, 4, 4), (2, 4))  # rectangular window
    tensor([[[[1.],
              [1.]]]])
    >>> avg_pool2d(torch.ones(1, 1, 4, 4, dtype=torch.long), 2)
    Traceback (most recent call last):
    ...
    TypeError: avg_pool2d expects a floating-point tensor, got dtype torch.int64 for x; convert it with x.float()
    """
    validate.tensor("x", x, floating=True, fn="avg_pool2d")
    return _windows(x, kernel, stride).mean(dim=(-2, -1))


def conv_output_size(size: int, kernel: int, stride: int = 1, padding: int = 0, dilation: int = 1) -> int:
    """Output side length of a convolution or pooling layer along one spatial axis.

    ``floor((size + 2*padding - dilation*(kernel - 1) - 1) / stride) + 1``, the formula
    of ``nn.Conv2d``, ``nn.MaxPool2d`` and ``nn.AvgPool2d`` (with ``ceil_mode=False``).

    >>> conv_output_size(28, kernel=5)  # LeNet's first convolution
    24
    >>> conv_output_size(7, kernel=3, stride=2)  # floor: the last column is dropped
    3
    >>> conv_output_size(32, kernel=3, padding=2, dilation=2)  # a dilated 3×3 sees 5×5
    32
    >>> conv_output_size(2, kernel=3)
    Traceback (most recent call last):
    ...
    ValueError: kernel 3 (dilation 1) does not fit in size 2 with padding 0
    """
    size = validate.integer("size", size, minimum=1)
    kernel = validate.integer("kernel", kernel, minimum=1)
    stride = validate.integer("stride", stride, minimum=1)
    padding = validate.integer("padding", padding, minimum=0)
    dilation = validate.integer("dilation", dilation, minimum=1)
    span = dilation * (kernel - 1) + 1  # the input extent one window covers
    if span > size + 2 * padding:
        raise ValueError(
            f"kernel {kernel} (dilation {dilation}) does not fit in size {size} with padding {padding}"
        )
    return (size + 2 * padding - span) // stride + 1
