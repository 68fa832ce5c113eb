"""dlref.receptive_field against PyTorch: autograd footprints and nn.Conv2d parameter counts."""
import pytest
import torch
from torch import nn

from dlref.receptive_field import conv_params, receptive_field


def _stack(layers):
    """Linear conv / average-pool layers with all-positive weights, so no path cancels."""
    modules = []
    for kernel, stride, dilation in layers:
        if kernel == stride and dilation == 1 and kernel > 1:
            modules.append(nn.AvgPool2d(kernel, stride))
        else:
            conv = nn.Conv2d(1, 1, kernel, stride=stride, dilation=dilation, bias=False)
            nn.init.ones_(conv.weight)
            modules.append(conv)
    return nn.Sequential(*modules)


def _footprint(net, size=48, pixel=None):
    """Rows and columns of the input that one output pixel's gradient touches."""
    x = torch.zeros(1, 1, size, size, requires_grad=True)
    y = net(x)
    h, w = y.shape[-2:]
    i, j = pixel or (h // 2, w // 2)
    y[0, 0, i, j].backward()
    rows, cols = torch.nonzero(x.grad[0, 0], as_tuple=True)
    return (rows.min().item(), rows.max().item()), (cols.min().item(), cols.max().item())


STACKS = [
    [(3, 1, 1)],
    [(3, 1, 1)] * 2,
    [(3, 1, 1)] * 3,
    [(5, 1, 1)],
    [(3, 1, 1), (3, 2, 1), (3, 1, 1)],
    [(3, 1, 1), (2, 2, 1), (3, 1, 1), (3, 1, 1)],
    [(3, 1, 2), (3, 1, 1)],
    [(7, 2, 1), (3, 2, 1), (3, 1, 1)],
]


@pytest.mark.parametrize("layers", STACKS, ids=str)
def test_size_matches_autograd_footprint(layers):
    size, _ = receptive_field(layers)
    (r0, r1), (c0, c1) = _footprint(_stack(layers))
    assert r1 - r0 + 1 == size
    assert c1 - c0 + 1 == size


@pytest.mark.parametrize("layers", STACKS, ids=str)
def test_jump_is_the_shift_between_neighbouring_outputs(layers):
    _, jump = receptive_field(layers)
    net = _stack(layers)
    (r0, _), (c0, _) = _footprint(net, pixel=(3, 3))
    (r0b, _), (c0b, _) = _footprint(net, pixel=(4, 5))
    assert (r0b - r0, c0b - c0) == (jump, 2 * jump)


def test_named_cases():
    assert receptive_field([(3, 1, 1)] * 2) == (5, 1)
    assert receptive_field([(3, 1, 1)] * 3) == (7, 1)
    assert receptive_field([(3, 1, 1), (3, 2, 1), (3, 1, 1)]) == (9, 2)
    assert receptive_field(iter([(3, 1, 1)])) == (3, 1)  # any iterable


@pytest.mark.parametrize("c_in,c_out,k", [(1, 1, 1), (3, 64, 3), (64, 64, 5), (64, 128, 1), (16, 8, 7)])
@pytest.mark.parametrize("bias", [False, True])
def test_conv_params_matches_conv2d(c_in, c_out, k, bias):
    conv = nn.Conv2d(c_in, c_out, k, bias=bias)
    assert conv_params(c_in, c_out, k, bias=bias) == sum(p.numel() for p in conv.parameters())


def test_vgg_argument_25_vs_18_c_squared():
    c = 64
    assert conv_params(c, c, 5) == 25 * c * c == 102_400
    assert 2 * conv_params(c, c, 3) == 18 * c * c == 73_728


@pytest.mark.parametrize(
    "layers,error",
    [
        ([(0, 1, 1)], ValueError),
        ([(3, 0, 1)], ValueError),
        ([(3, 1, -1)], ValueError),
        ([(3, 1)], ValueError),
        ([3], ValueError),
        ([(3.0, 1, 1)], TypeError),
        ([(True, 1, 1)], TypeError),
        (3, TypeError),
        ("331", TypeError),
    ],
)
def test_receptive_field_rejects_bad_input(layers, error):
    with pytest.raises(error):
        receptive_field(layers)


@pytest.mark.parametrize(
    "args,error",
    [((0, 1, 3), ValueError), ((1, 1, 0), ValueError), ((1, -2, 3), ValueError), ((1.5, 1, 3), TypeError), ((1, 1, "3"), TypeError)],
)
def test_conv_params_rejects_bad_input(args, error):
    with pytest.raises(error):
        conv_params(*args)


def test_conv_params_bias_must_be_bool():
    with pytest.raises(TypeError):
        conv_params(1, 1, 3, bias=1)
