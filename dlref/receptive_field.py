"""Receptive fields of stacked convolutions, and the parameter count of one convolution.

A stack of layers, each given as ``(kernel, stride, dilation)``, has a receptive
field of ``size`` input pixels (per side) and a ``jump`` (the input distance between
two neighbouring output pixels). Starting from ``size = jump = 1``, each layer updates

    size <- size + (kernel - 1) * dilation * jump
    jump <- jump * stride

Two 3×3 convolutions see a 5×5 patch, three see 7×7 — the argument VGG made for
small kernels:

>>> receptive_field([(3, 1, 1), (3, 1, 1)])
(5, 1)
>>> receptive_field([(3, 1, 1)] * 3)
(7, 1)

A stride-2 layer doubles the jump, so every later layer widens the field twice as fast:

>>> receptive_field([(3, 1, 1), (2, 2, 1), (3, 1, 1)])
(8, 2)

Padding does not enter: it moves the field but does not change its size.
A 5×5 kernel and two stacked 3×3 kernels, both mapping C = 64 channels to 64:

>>> conv_params(64, 64, 5), 2 * conv_params(64, 64, 3)
(102400, 73728)
>>> conv_params(64, 64, 3, bias=True)  # 64·64·9 weights + 64 biases
36928
"""
from __future__ import annotations

from collections.abc import Iterable

from . import validate

__all__ = ["receptive_field", "conv_params"]


def receptive_field(layers: Iterable[tuple[int, int, int]]) -> tuple[int, int]:
    """Receptive-field size and jump of a stack of conv or pooling layers.

    Args:
        layers: ``(kernel, stride, dilation)`` per layer, input side first. Square
            kernels only; a pooling layer is ``(kernel, stride, 1)``.

    Returns:
        ``(size, jump)``: one output pixel depends on a ``size × size`` input patch,
        and neighbouring output pixels are ``jump`` input pixels apart.

    >>> receptive_field([])  # no layer: each pixel sees itself
    (1, 1)
    >>> receptive_field([(3, 1, 2)])  # a dilated 3×3 kernel spans 5 pixels
    (5, 1)
    >>> receptive_field([(3, 1, 1), (0, 1, 1)])
    Traceback (most recent call last):
    ...
    ValueError: kernel of layers[1] must be >= 1, got 0
    >>> receptive_field([(3, 1)])
    Traceback (most recent call last):
    ...
    ValueError: layers[0] must be (kernel, stride, dilation), got (3, 1)
    """
    size, jump = 1, 1
    for i, layer in enumerate(validate.sequence("layers", layers)):
        if isinstance(layer, (str, bytes)) or not hasattr(layer, "__len__") or len(layer) != 3:
            raise ValueError(f"layers[{i}] must be (kernel, stride, dilation), got {layer!r}")
        kernel, stride, dilation = (validate.integer(f"{part} of layers[{i}]", value, minimum=1)
                                    for part, value in zip(("kernel", "stride", "dilation"), layer))
        size += (kernel - 1) * dilation * jump
        jump *= stride
    return size, jump


def conv_params(c_in: int, c_out: int, k: int, bias: bool = False) -> int:
    """Number of parameters of a ``k × k`` ``nn.Conv2d(c_in, c_out, k)``.

    Each of the ``c_out`` filters has ``c_in · k · k`` weights (and one bias).

    >>> conv_params(3, 64, 3, bias=True)  # VGG's first layer
    1792
    >>> conv_params(64, 64, 3.0)
    Traceback (most recent call last):
    ...
    TypeError: k must be an int, got float
    """
    c_in = validate.integer("c_in", c_in, minimum=1)
    c_out = validate.integer("c_out", c_out, minimum=1)
    k = validate.integer("k", k, minimum=1)
    bias = validate.flag("bias", bias)
    return c_out * c_in * k * k + (c_out if bias else 0)
