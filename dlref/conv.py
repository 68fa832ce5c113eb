r"""2-D convolution from scratch: what ``nn.Conv2d`` computes, its output size and its cost.

What deep-learning libraries call convolution is a **cross-correlation**: the kernel slides
over the input without being flipped, and each output value is the sum of the products of
the kernel with the input patch under it. With stride ``s``, zero padding ``p`` and dilation
``d`` (``x_p`` is ``x`` with ``p`` zeros added on every side):

    y[n, o, i, j] = b[o] + sum over c, u, v of  w[o, c, u, v] * x_p[n, c, s*i + d*u, s*j + d*v]

A 3×3 input and a 2×2 kernel; the first output is 0·0 + 1·1 + 3·2 + 4·3 = 19:

>>> x = torch.arange(9.).reshape(1, 1, 3, 3)
>>> k = torch.tensor([[[[0., 1.], [2., 3.]]]])
>>> conv2d(x, k)
tensor([[[[19., 25.],
          [37., 43.]]]])
>>> conv2d(x, k, padding=1, stride=2)  # zeros around the input, every second position
tensor([[[[ 0.,  8.],
          [21., 43.]]]])

Along each spatial axis the output has ``floor((n + 2p - d(k - 1) - 1) / s) + 1`` positions:

>>> conv2d_output_size((224, 224), 7, stride=2, padding=3)  # ResNet's first convolution
(112, 112)

and a layer costs ``c_out·c_in·kh·kw (+ c_out)`` parameters and ``c_out·c_in·kh·kw``
multiply-accumulates (MACs) per output position:

>>> conv2d_cost(3, 64, 7, (224, 224), stride=2, padding=3, bias=False)
Conv2dCost(params=9408, macs=118013952, output_size=(112, 112))

Bad input is rejected with an error that names the argument:

>>> conv2d(x, torch.zeros(1, 2, 2, 2))
Traceback (most recent call last):
...
ValueError: weight expects 2 input channels (weight.shape[1]), but x has 1
>>> conv2d(x, k, stride=0)
Traceback (most recent call last):
...
ValueError: stride must be >= 1, got 0
"""
from __future__ import annotations

from typing import NamedTuple

import torch

from dlref.validate import integer, same_dtype, tensor

__all__ = ["conv2d", "conv2d_output_size", "conv2d_cost", "Conv2dCost"]


def _pair(name: str, value, minimum: int) -> tuple[int, int]:
    """An int or a pair of ints, each ``>= minimum``, as (height, width)."""
    if isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise ValueError(f"{name} must be an int or a pair of ints (height, width), got {value!r}")
        return integer(name, value[0], minimum=minimum), integer(name, value[1], minimum=minimum)
    value = integer(name, value, minimum=minimum)
    return value, value


def _output_size(size, kernel, stride, padding, dilation) -> tuple[int, int]:
    """The formula on checked pairs; an error if the (dilated) kernel does not fit."""
    # the input extent one (dilated) kernel covers, and the padded input
    span = [d * (k - 1) + 1 for k, d in zip(kernel, dilation)]
    padded = [n + 2 * p for n, p in zip(size, padding)]
    if span[0] > padded[0] or span[1] > padded[1]:
        raise ValueError(
            f"kernel {kernel[0]}×{kernel[1]} with dilation {dilation[0]}×{dilation[1]} spans "
            f"{span[0]}×{span[1]} input pixels, more than the padded input {padded[0]}×{padded[1]}"
        )
    return tuple((q - e) // s + 1 for q, e, s in zip(padded, span, stride))  # type: ignore[return-value]


def conv2d_output_size(input_size, kernel_size, stride=1, padding=0, dilation=1) -> tuple[int, int]:
    """Output height and width of ``nn.Conv2d`` (and of pooling with ``ceil_mode=False``).

    Per axis, ``floor((n + 2*padding - dilation*(kernel - 1) - 1) / stride) + 1``: the
    dilated kernel spans ``dilation*(kernel - 1) + 1`` input pixels and fits at positions
    ``0, stride, 2*stride, ...`` of the padded input.

    Args:
        input_size: ``(height, width)``, or one int for a square input.
        kernel_size: an int, or a pair ``(height, width)``, as in ``nn.Conv2d``.
        stride: an int or a pair; the step between two kernel positions.
        padding: an int or a pair; zeros added on both sides.
        dilation: an int or a pair; the spacing between kernel entries.

    Returns:
        ``(height, width)`` of the output.

    >>> conv2d_output_size(32, 3, padding=1)  # 'same' padding for a 3×3 kernel
    (32, 32)
    >>> conv2d_output_size((7, 10), (3, 5), stride=2)  # floor drops what does not fit
    (3, 3)
    >>> conv2d_output_size(32, 3, padding=2, dilation=2)  # a dilated 3×3 spans 5×5
    (32, 32)
    >>> conv2d_output_size(2, 3)
    Traceback (most recent call last):
    ...
    ValueError: kernel 3×3 with dilation 1×1 spans 3×3 input pixels, more than the padded input 2×2
    """
    size = _pair("input_size", input_size, 1)
    kernel = _pair("kernel_size", kernel_size, 1)
    stride = _pair("stride", stride, 1)
    padding = _pair("padding", padding, 0)
    dilation = _pair("dilation", dilation, 1)
    return _output_size(size, kernel, stride, padding, dilation)


class Conv2dCost(NamedTuple):
    """What one ``nn.Conv2d`` costs for one input image."""

    params: int  #: learnable parameters: weights (and biases)
    macs: int  #: multiply-accumulate operations per image (bias additions not counted)
    output_size: tuple[int, int]  #: (height, width) of each output feature map


def conv2d_cost(in_channels: int, out_channels: int, kernel_size, input_size, stride=1, padding=0,
                dilation=1, bias: bool = True) -> Conv2dCost:
    """Parameters and multiply-accumulates (MACs) of ``nn.Conv2d`` on one image.

    Each of the ``out_channels`` filters holds ``in_channels·kh·kw`` weights (and one bias).
    Every output value is one filter applied at one position: ``in_channels·kh·kw`` MACs.
    So ``params = out·in·kh·kw (+ out)`` does not depend on the image size, while
    ``macs = out·in·kh·kw·H_out·W_out`` grows with it. A MAC is one multiplication and one
    addition: ``torch.utils.flop_counter`` reports ``2 * macs`` FLOPs for a convolution.

    Args:
        in_channels: input channels, as in ``nn.Conv2d``.
        out_channels: output channels (the number of filters).
        kernel_size: an int or a pair ``(height, width)``.
        input_size: ``(height, width)`` of the input, or one int for a square input.
        stride: an int or a pair, as in ``conv2d_output_size``.
        padding: an int or a pair, as in ``conv2d_output_size``.
        dilation: an int or a pair, as in ``conv2d_output_size``.
        bias: whether the layer has a bias (``nn.Conv2d``'s default is ``True``).

    Returns:
        A ``Conv2dCost`` with ``params``, ``macs`` and the ``output_size`` of each feature map.

    >>> conv2d_cost(64, 64, 3, 56, padding=1)  # a 3×3 layer of ResNet's first stage
    Conv2dCost(params=36928, macs=115605504, output_size=(56, 56))
    >>> conv2d_cost(256, 64, 1, 56, bias=False).params  # a 1×1 convolution: 256 -> 64 channels
    16384
    >>> conv2d_cost(3, 64, 3, 32, bias=1)
    Traceback (most recent call last):
    ...
    TypeError: bias must be a bool, got int
    """
    c_in = integer("in_channels", in_channels, minimum=1)
    c_out = integer("out_channels", out_channels, minimum=1)
    if not isinstance(bias, bool):
        raise TypeError(f"bias must be a bool, got {type(bias).__name__}")
    kh, kw = _pair("kernel_size", kernel_size, 1)
    h_out, w_out = conv2d_output_size(input_size, (kh, kw), stride, padding, dilation)
    per_position = c_in * kh * kw
    params = c_out * per_position + (c_out if bias else 0)
    return Conv2dCost(params, c_out * per_position * h_out * w_out, (h_out, w_out))


def conv2d(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None = None, stride=1, padding=0,
           dilation=1) -> torch.Tensor:
    """2-D cross-correlation, the operation of ``torch.nn.functional.conv2d`` (``groups=1``).

    The loop runs over the ``kh·kw`` kernel offsets ``(u, v)``, not over output pixels: for
    each offset it takes the strided slice of the padded input that this kernel entry meets
    at every output position, and adds ``weight[:, :, u, v]`` (a ``c_out × c_in`` matrix)
    times that slice, summed over the input channels. Autograd differentiates it as is.

    Args:
        x: input of shape ``(N, C_in, H, W)``, or ``(C_in, H, W)`` for one unbatched image;
            floating point.
        weight: kernels of shape ``(C_out, C_in, kh, kw)``, the layout of ``nn.Conv2d.weight``.
        bias: ``None`` or a tensor of shape ``(C_out,)``.
        stride: an int or a pair ``(height, width)``; the step between two kernel positions.
        padding: an int or a pair; that many zeros are added on both sides.
        dilation: an int or a pair; the spacing between kernel entries (1: adjacent).

    Returns:
        The output, ``(N, C_out, H_out, W_out)`` (``(C_out, H_out, W_out)`` for unbatched
            input), with ``H_out, W_out`` from ``conv2d_output_size``.

    Two input channels and three output channels; a 1×1 kernel mixes channels at each pixel:

    >>> x = torch.ones(1, 2, 4, 4)
    >>> w = torch.tensor([1., 2., 0., -1., 1., 1.]).reshape(3, 2, 1, 1)
    >>> conv2d(x, w, bias=torch.tensor([0., 0., 10.]))[0, :, 0, 0]
    tensor([ 3., -1., 12.])
    >>> conv2d(torch.ones(3, 5, 5), torch.ones(4, 3, 3, 3), dilation=2).shape  # unbatched
    torch.Size([4, 1, 1])
    >>> conv2d(torch.ones(1, 1, 5, 5, dtype=torch.long), torch.ones(1, 1, 3, 3))
    Traceback (most recent call last):
    ...
    TypeError: x must be a floating-point tensor, got dtype torch.int64...
    """
    x = tensor("x", x, floating=True, ndim=(3, 4))
    weight = tensor("weight", weight, floating=True, ndim=4, nonempty=True)
    if bias is not None:
        bias = tensor("bias", bias, floating=True, ndim=1)
        if bias.shape[0] != weight.shape[0]:
            raise ValueError(f"bias must have shape ({weight.shape[0]},) to match weight.shape[0], "
                             f"got {tuple(bias.shape)}")
    same_dtype(x=x, weight=weight, bias=bias)
    stride = _pair("stride", stride, 1)
    padding = _pair("padding", padding, 0)
    dilation = _pair("dilation", dilation, 1)

    unbatched = x.dim() == 3
    if unbatched:
        x = x.unsqueeze(0)
    c_out, c_in, kh, kw = weight.shape
    if x.shape[1] != c_in:
        raise ValueError(f"weight expects {c_in} input channels (weight.shape[1]), but x has {x.shape[1]}")
    h_out, w_out = _output_size(tuple(x.shape[-2:]), (kh, kw), stride, padding, dilation)

    (sh, sw), (ph, pw), (dh, dw) = stride, padding, dilation
    xp = torch.nn.functional.pad(x, (pw, pw, ph, ph))  # pw zero columns left and right, ph rows top and bottom
    out = x.new_zeros(x.shape[0], c_out, h_out, w_out)
    for u in range(kh):
        for v in range(kw):
            # what kernel entry (u, v) meets at every output position (i, j): xp[..., sh*i + dh*u, sw*j + dw*v]
            patch = xp[:, :, dh * u: dh * u + sh * (h_out - 1) + 1: sh, dw * v: dw * v + sw * (w_out - 1) + 1: sw]
            out = out + torch.einsum("oc,nchw->nohw", weight[:, :, u, v], patch)
    if bias is not None:
        out = out + bias.view(1, -1, 1, 1)
    return out.squeeze(0) if unbatched else out
