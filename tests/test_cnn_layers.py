"""dlref.pooling against PyTorch: pooling values on random input, output sizes of real layers."""
from __future__ import annotations

import itertools

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from dlref.pooling import avg_pool2d, conv_output_size, max_pool2d

POOL_CASES = [
    # (input shape, kernel, stride)
    ((2, 3, 8, 8), 2, 2),
    ((2, 3, 8, 8), 2, None),
    ((1, 4, 9, 7), 3, 2),  # odd sizes: floor drops the last row/column
    ((1, 2, 10, 10), 3, 1),  # overlapping windows
    ((3, 6, 5), (2, 3), (1, 2)),  # unbatched (C, H, W), rectangular window and stride
    ((1, 1, 4, 4), 4, 4),  # global pooling
]


@pytest.mark.parametrize(("shape", "kernel", "stride"), POOL_CASES)
def test_max_pool2d_matches_torch(shape, kernel, stride):
    g = torch.Generator().manual_seed(0)
    x = torch.randn(shape, generator=g)
    torch.testing.assert_close(max_pool2d(x, kernel, stride), F.max_pool2d(x, kernel, stride))


@pytest.mark.parametrize(("shape", "kernel", "stride"), POOL_CASES)
def test_avg_pool2d_matches_torch(shape, kernel, stride):
    g = torch.Generator().manual_seed(1)
    x = torch.randn(shape, generator=g, dtype=torch.float64)
    torch.testing.assert_close(avg_pool2d(x, kernel, stride), F.avg_pool2d(x, kernel, stride))


def test_worked_example():
    x = torch.arange(16.0).reshape(1, 1, 4, 4)
    assert max_pool2d(x, 2, 2).tolist() == [[[[5.0, 7.0], [13.0, 15.0]]]]
    assert avg_pool2d(x, 2, 2).tolist() == [[[[2.5, 4.5], [10.5, 12.5]]]]
    assert torch.equal(max_pool2d(x, 2, 2), nn.MaxPool2d(2, 2)(x))
    assert torch.equal(avg_pool2d(x, 2, 2), nn.AvgPool2d(2, 2)(x))


def test_gradients_match_torch():
    g = torch.Generator().manual_seed(2)
    x = torch.randn(2, 3, 6, 6, generator=g, dtype=torch.float64, requires_grad=True)
    for ours, theirs in ((max_pool2d, F.max_pool2d), (avg_pool2d, F.avg_pool2d)):
        (g1,) = torch.autograd.grad(ours(x, 2, 2).pow(2).sum(), x)
        (g2,) = torch.autograd.grad(theirs(x, 2, 2).pow(2).sum(), x)
        torch.testing.assert_close(g1, g2)


@pytest.mark.parametrize(
    ("size", "kernel", "stride", "padding", "dilation"),
    [
        c
        for c in itertools.product([5, 8, 13], [1, 2, 3, 5], [1, 2, 3], [0, 1, 2], [1, 2])
        if c[4] * (c[1] - 1) + 1 <= c[0] + 2 * c[3]
    ],
)
def test_conv_output_size_matches_conv2d(size, kernel, stride, padding, dilation):
    conv = nn.Conv2d(1, 1, kernel, stride=stride, padding=padding, dilation=dilation, bias=False)
    with torch.no_grad():
        out = conv(torch.zeros(1, 1, size, size))
    expected = conv_output_size(size, kernel, stride, padding, dilation)
    assert out.shape[-1] == out.shape[-2] == expected


@pytest.mark.parametrize(("size", "kernel", "stride"), [(32, 2, 2), (7, 3, 2), (9, 3, 3), (224, 3, 2)])
def test_conv_output_size_matches_pooling(size, kernel, stride):
    x = torch.zeros(1, 1, size, size)
    expected = conv_output_size(size, kernel, stride)
    assert nn.MaxPool2d(kernel, stride)(x).shape[-1] == expected
    assert nn.AvgPool2d(kernel, stride)(x).shape[-1] == expected
    assert max_pool2d(x, kernel, stride).shape[-1] == expected


@pytest.mark.parametrize("fn", [max_pool2d, avg_pool2d])
def test_pooling_rejects_bad_input(fn):
    x = torch.zeros(1, 1, 4, 4)
    with pytest.raises(ValueError, match="kernel must be >= 1"):
        fn(x, 0)
    with pytest.raises(ValueError, match="stride must be >= 1"):
        fn(x, 2, 0)
    with pytest.raises(ValueError, match="got 2 dimensions"):
        fn(torch.zeros(4, 4), 2)
    with pytest.raises(ValueError, match="got 5 dimensions"):
        fn(torch.zeros(1, 1, 1, 4, 4), 2)
    with pytest.raises(ValueError, match="larger than the input"):
        fn(x, 5)
    with pytest.raises(TypeError, match="torch.Tensor"):
        fn([[1.0, 2.0], [3.0, 4.0]], 2)
    with pytest.raises(TypeError, match="kernel must be an int or a pair"):
        fn(x, 2.0)
    with pytest.raises(TypeError, match="kernel must be an int or a pair"):
        fn(x, (2, 2, 2))


def test_avg_pool2d_rejects_integer_tensors():
    with pytest.raises(TypeError, match="floating-point"):
        avg_pool2d(torch.ones(1, 1, 4, 4, dtype=torch.int64), 2)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        (dict(size=32, kernel=0), ValueError, "kernel must be >= 1"),
        (dict(size=32, kernel=3, stride=0), ValueError, "stride must be >= 1"),
        (dict(size=32, kernel=3, padding=-1), ValueError, "padding must be >= 0"),
        (dict(size=32, kernel=3, dilation=0), ValueError, "dilation must be >= 1"),
        (dict(size=0, kernel=1), ValueError, "size must be >= 1"),
        (dict(size=4, kernel=3, dilation=2), ValueError, "does not fit"),
        (dict(size=32.0, kernel=3), TypeError, "size must be an int"),
        (dict(size=32, kernel=True), TypeError, "kernel must be an int"),
    ],
)
def test_conv_output_size_rejects_bad_input(kwargs, error, match):
    with pytest.raises(error, match=match):
        conv_output_size(**kwargs)
