"""dlref.conv against PyTorch: conv2d values and gradients, output sizes of real layers,
parameter and MAC counts, and the errors for bad input."""
from __future__ import annotations

import itertools

import pytest
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

from dlref.conv import Conv2dCost, conv2d, conv2d_cost, conv2d_output_size

# (input shape, weight shape, stride, padding, dilation)
CASES = [
    ((1, 1, 3, 3), (1, 1, 2, 2), 1, 0, 1),
    ((2, 3, 8, 8), (4, 3, 3, 3), 1, 1, 1),  # 'same' 3×3
    ((2, 3, 9, 7), (5, 3, 3, 3), 2, 0, 1),  # odd sizes: floor drops the rest
    ((1, 2, 10, 11), (3, 2, 3, 3), 1, 2, 2),  # dilated, size kept
    ((3, 4, 12, 12), (2, 4, 5, 5), 3, 2, 1),
    ((2, 3, 11, 13), (6, 3, 3, 5), (2, 1), (1, 2), (1, 2)),  # rectangular everything
    ((1, 8, 6, 6), (16, 8, 1, 1), 1, 0, 1),  # 1×1 convolution
    ((2, 3, 7, 7), (2, 3, 7, 7), 1, 0, 1),  # kernel as large as the input
    ((1, 1, 5, 5), (1, 1, 3, 3), 1, 4, 1),  # padding larger than the kernel
    ((1, 3, 16, 16), (8, 3, 4, 4), 4, 0, 1),  # patchify: stride = kernel
    ((2, 2, 1, 9), (3, 2, 1, 3), 1, (0, 1), 1),  # one row
    ((0, 3, 8, 8), (2, 3, 3, 3), 1, 1, 1),  # an empty batch
]


@pytest.mark.parametrize(("x_shape", "w_shape", "stride", "padding", "dilation"), CASES)
@pytest.mark.parametrize("use_bias", [False, True])
def test_conv2d_matches_torch(x_shape, w_shape, stride, padding, dilation, use_bias):
    g = torch.Generator().manual_seed(0)
    x = torch.randn(x_shape, generator=g, dtype=torch.float64)
    w = torch.randn(w_shape, generator=g, dtype=torch.float64)
    b = torch.randn(w_shape[0], generator=g, dtype=torch.float64) if use_bias else None
    ours = conv2d(x, w, b, stride=stride, padding=padding, dilation=dilation)
    theirs = F.conv2d(x, w, b, stride=stride, padding=padding, dilation=dilation)
    torch.testing.assert_close(ours, theirs)


@pytest.mark.parametrize(
    ("size", "kernel", "stride", "padding", "dilation"),
    [c for c in itertools.product([5, 8], [1, 2, 3], [1, 2, 3], [0, 1, 2], [1, 2])
     if c[4] * (c[1] - 1) + 1 <= c[0] + 2 * c[3]],
)
def test_conv2d_matches_torch_on_a_grid_of_settings(size, kernel, stride, padding, dilation):
    g = torch.Generator().manual_seed(size * 100 + kernel * 10 + stride)
    x = torch.randn(2, 3, size, size + 1, generator=g)
    w = torch.randn(2, 3, kernel, kernel, generator=g)
    b = torch.randn(2, generator=g)
    kw = dict(stride=stride, padding=padding, dilation=dilation)
    torch.testing.assert_close(conv2d(x, w, b, **kw), F.conv2d(x, w, b, **kw), atol=1e-5, rtol=1e-5)


def test_the_layer_nn_conv2d_computes():
    torch.manual_seed(0)
    layer = nn.Conv2d(3, 8, kernel_size=(3, 5), stride=(1, 2), padding=(1, 2), dilation=(2, 1))
    x = torch.randn(4, 3, 15, 17)
    ours = conv2d(x, layer.weight, layer.bias, layer.stride, layer.padding, layer.dilation)
    torch.testing.assert_close(ours, layer(x))


def test_unbatched_input_like_torch():
    g = torch.Generator().manual_seed(1)
    x = torch.randn(3, 9, 9, generator=g)
    w = torch.randn(5, 3, 3, 3, generator=g)
    ours = conv2d(x, w, stride=2, padding=1)
    assert ours.shape == (5, 5, 5)
    torch.testing.assert_close(ours, F.conv2d(x, w, stride=2, padding=1))


def test_worked_example():
    x = torch.arange(9.0).reshape(1, 1, 3, 3)
    k = torch.tensor([[[[0.0, 1.0], [2.0, 3.0]]]])
    assert conv2d(x, k).tolist() == [[[[19.0, 25.0], [37.0, 43.0]]]]
    assert torch.equal(conv2d(x, k), F.conv2d(x, k))


def test_no_flip_cross_correlation_and_true_convolution():
    """F.conv2d does not flip the kernel; true convolution is conv2d with the kernel flipped."""
    g = torch.Generator().manual_seed(2)
    x = torch.randn(1, 1, 6, 6, generator=g, dtype=torch.float64)
    k = torch.randn(1, 1, 3, 3, generator=g, dtype=torch.float64)
    y = conv2d(x, k)
    # cross-correlation by its definition, one output at a time
    for i, j in itertools.product(range(4), range(4)):
        assert torch.isclose(y[0, 0, i, j], (x[0, 0, i:i + 3, j:j + 3] * k[0, 0]).sum())
    # true convolution of a delta reproduces the kernel; cross-correlation gives it flipped
    delta = torch.zeros(1, 1, 5, 5, dtype=torch.float64)
    delta[0, 0, 2, 2] = 1
    assert torch.equal(conv2d(delta, k, padding=1)[0, 0, 1:4, 1:4], k[0, 0].flip(0, 1))
    assert torch.equal(conv2d(delta, k.flip(-2, -1), padding=1)[0, 0, 1:4, 1:4], k[0, 0])


def test_gradients_match_torch():
    g = torch.Generator().manual_seed(3)
    x = torch.randn(2, 3, 9, 8, generator=g, dtype=torch.float64, requires_grad=True)
    w = torch.randn(4, 3, 3, 2, generator=g, dtype=torch.float64, requires_grad=True)
    b = torch.randn(4, generator=g, dtype=torch.float64, requires_grad=True)
    kw = dict(stride=(2, 1), padding=(1, 2), dilation=(1, 2))
    grads_ours = torch.autograd.grad(conv2d(x, w, b, **kw).pow(2).sum(), (x, w, b))
    grads_theirs = torch.autograd.grad(F.conv2d(x, w, b, **kw).pow(2).sum(), (x, w, b))
    for a, c in zip(grads_ours, grads_theirs):
        torch.testing.assert_close(a, c)


def test_gradcheck():
    g = torch.Generator().manual_seed(4)
    x = torch.randn(1, 2, 5, 5, generator=g, dtype=torch.float64, requires_grad=True)
    w = torch.randn(3, 2, 2, 3, generator=g, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(lambda a, b: conv2d(a, b, stride=2, padding=1), (x, w))


def test_float32_and_numpy_integer_settings():
    import numpy as np

    g = torch.Generator().manual_seed(5)
    x = torch.randn(1, 2, 7, 7, generator=g)
    w = torch.randn(3, 2, 3, 3, generator=g)
    ours = conv2d(x, w, stride=np.int64(2), padding=[np.int32(1), 1])
    assert ours.dtype == torch.float32
    torch.testing.assert_close(ours, F.conv2d(x, w, stride=2, padding=1))


# --- conv2d_output_size ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("size", "kernel", "stride", "padding", "dilation"),
    [c for c in itertools.product([(5, 5), (8, 13), (13, 8)], [1, 2, 3, (3, 1), (2, 5)], [1, 2, (3, 1)],
                                  [0, 1, (2, 0)], [1, 2, (1, 3)])],
)
def test_output_size_matches_conv2d(size, kernel, stride, padding, dilation):
    conv = nn.Conv2d(1, 1, kernel, stride=stride, padding=padding, dilation=dilation, bias=False)
    try:
        with torch.no_grad():
            expected = tuple(conv(torch.zeros(1, 1, *size)).shape[-2:])
    except RuntimeError:
        with pytest.raises(ValueError, match="more than the padded input"):
            conv2d_output_size(size, kernel, stride, padding, dilation)
        return
    assert conv2d_output_size(size, kernel, stride, padding, dilation) == expected


def test_output_size_agrees_with_the_pooling_formula():
    from dlref.pooling import conv_output_size

    for n, k, s, p, d in itertools.product([7, 32], [1, 3, 5], [1, 2], [0, 2], [1, 2]):
        if d * (k - 1) + 1 <= n + 2 * p:
            assert conv2d_output_size(n, k, s, p, d) == (conv_output_size(n, k, s, p, d),) * 2


# --- conv2d_cost ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("c_in", "c_out", "kernel", "size", "stride", "padding", "dilation", "bias"),
    [
        (3, 64, 7, 224, 2, 3, 1, False),
        (64, 64, 3, 56, 1, 1, 1, True),
        (256, 64, 1, 56, 1, 0, 1, False),
        (3, 8, (3, 5), (20, 31), (2, 1), (1, 2), (2, 1), True),
        (1, 1, 28, 28, 1, 0, 1, True),
    ],
)
def test_cost_matches_the_layer_and_the_flop_counter(c_in, c_out, kernel, size, stride, padding, dilation, bias):
    conv = nn.Conv2d(c_in, c_out, kernel, stride=stride, padding=padding, dilation=dilation, bias=bias)
    cost = conv2d_cost(c_in, c_out, kernel, size, stride, padding, dilation, bias)
    assert isinstance(cost, Conv2dCost)
    assert cost.params == sum(p.numel() for p in conv.parameters())
    hw = (size, size) if isinstance(size, int) else size
    with FlopCounterMode(display=False) as counter, torch.no_grad():
        y = conv(torch.zeros(1, c_in, *hw))
    assert cost.output_size == tuple(y.shape[-2:])
    assert counter.get_total_flops() == 2 * cost.macs


def test_cost_formulas():
    assert conv2d_cost(3, 64, 7, 224, stride=2, padding=3, bias=False) == (9408, 118_013_952, (112, 112))
    # VGG-16's second layer: 3×3, 64 -> 64 at 224×224
    assert conv2d_cost(64, 64, 3, 224, padding=1) == (36_928, 1_849_688_064, (224, 224))
    # the parameters do not depend on the input size, the MACs grow with it
    small, large = conv2d_cost(16, 32, 3, 32, padding=1), conv2d_cost(16, 32, 3, 64, padding=1)
    assert small.params == large.params and large.macs == 4 * small.macs


# --- bad input ------------------------------------------------------------------------------

X = torch.zeros(1, 2, 5, 5)
W = torch.zeros(3, 2, 3, 3)


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        (([[1.0]], W), {}, TypeError, "x must be a torch.Tensor, got list"),
        ((X, None), {}, TypeError, "weight must be a torch.Tensor, got NoneType"),
        ((X.long(), W), {}, TypeError, r"x must be a floating-point tensor, got dtype torch.int64"),
        ((X, W.int()), {}, TypeError, r"weight must be a floating-point tensor"),
        ((X, W.double()), {}, TypeError, r"tensors must share one dtype, got x: torch.float32, weight: torch.float64"),
        ((torch.zeros(5, 5), W), {}, ValueError, r"x must be 3-D or 4-D, got shape \(5, 5\)"),
        ((torch.zeros(1, 1, 2, 5, 5), W), {}, ValueError, "x must be 3-D or 4-D"),
        ((X, torch.zeros(3, 2, 3)), {}, ValueError, r"weight must be 4-D, got shape \(3, 2, 3\)"),
        ((X, torch.zeros(0, 2, 3, 3)), {}, ValueError, r"weight must (not be empty|be non-empty)"),
        ((X, torch.zeros(3, 4, 3, 3)), {}, ValueError, r"weight expects 4 input channels \(weight.shape\[1\]\), but x has 2"),
        ((X, W, torch.zeros(2)), {}, ValueError, r"bias must have shape \(3,\) to match weight.shape\[0\], got \(2,\)"),
        ((X, W, torch.zeros(3, 1)), {}, ValueError, "bias must be 1-D"),
        ((X, W, torch.zeros(3, dtype=torch.float64)), {}, TypeError, "tensors must share one dtype"),
        ((X, W), {"stride": 0}, ValueError, "stride must be >= 1, got 0"),
        ((X, W), {"stride": 1.5}, TypeError, "stride must be an int, got float"),
        ((X, W), {"stride": True}, TypeError, "stride must be an int, got bool"),
        ((X, W), {"padding": -1}, ValueError, "padding must be >= 0, got -1"),
        ((X, W), {"padding": (1, 1, 1)}, ValueError, r"padding must be an int or a pair of ints \(height, width\)"),
        ((X, W), {"padding": "same"}, TypeError, "padding must be an int, got str"),
        ((X, W), {"dilation": (1, 0)}, ValueError, "dilation must be >= 1, got 0"),
        ((X, W), {"dilation": 3}, ValueError, r"kernel 3×3 with dilation 3×3 spans 7×7 input pixels, "
                                             r"more than the padded input 5×5"),
        ((X, torch.zeros(3, 2, 6, 6)), {}, ValueError, "more than the padded input 5×5"),
    ],
)
def test_conv2d_rejects_bad_input(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        conv2d(*args, **kwargs)


def test_a_kernel_that_fits_only_thanks_to_padding_is_accepted():
    assert conv2d(X, torch.zeros(3, 2, 6, 6), padding=1).shape == (1, 3, 2, 2)


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        ((0, 3), {}, ValueError, "input_size must be >= 1, got 0"),
        ((32, 0), {}, ValueError, "kernel_size must be >= 1, got 0"),
        ((32.0, 3), {}, TypeError, "input_size must be an int, got float"),
        (((32, 32, 3), 3), {}, ValueError, "input_size must be an int or a pair"),
        ((32, 3), {"stride": 0}, ValueError, "stride must be >= 1"),
        ((32, 3), {"padding": -2}, ValueError, "padding must be >= 0"),
        ((4, 3), {"dilation": 2}, ValueError, "spans 5×5 input pixels, more than the padded input 4×4"),
    ],
)
def test_output_size_rejects_bad_input(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        conv2d_output_size(*args, **kwargs)


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        ((0, 8, 3, 32), {}, ValueError, "in_channels must be >= 1, got 0"),
        ((3, 8.0, 3, 32), {}, TypeError, "out_channels must be an int, got float"),
        ((3, 8, 3, 32), {"bias": None}, TypeError, "bias must be a bool, got NoneType"),
        ((3, 8, 5, 4), {}, ValueError, "more than the padded input 4×4"),
        ((3, 8, (3, 3, 3), 32), {}, ValueError, "kernel_size must be an int or a pair"),
    ],
)
def test_cost_rejects_bad_input(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        conv2d_cost(*args, **kwargs)
