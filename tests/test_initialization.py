"""dlref.init (the initialization page's formulas) against torch.nn.init."""
from __future__ import annotations

import math

import pytest
import torch
import torch.nn as nn

from dlref import init as ref

SHAPES = [(3, 5), (300, 500), (128, 784), (16, 3, 5, 5), (64, 32, 3, 3), (8, 4, 3)]


def _gen(seed: int = 0) -> torch.Generator:
    return torch.Generator().manual_seed(seed)


@pytest.mark.parametrize("shape", SHAPES)
def test_fans_match_torch(shape):
    expected = nn.init._calculate_fan_in_and_fan_out(torch.empty(shape))
    assert ref.fan_in_fan_out(shape) == expected
    assert ref.fan_in_fan_out(torch.Size(shape)) == expected


@pytest.mark.parametrize("nonlinearity", ref.NONLINEARITIES)
def test_gain_matches_torch(nonlinearity):
    assert ref.calculate_gain(nonlinearity) == pytest.approx(nn.init.calculate_gain(nonlinearity))


@pytest.mark.parametrize("slope", [0, 0.01, 0.2, 1, math.sqrt(5)])
def test_leaky_relu_gain_matches_torch(slope):
    assert ref.calculate_gain("leaky_relu", slope) == pytest.approx(nn.init.calculate_gain("leaky_relu", slope))


# A 1000×1000 tensor has 10^6 samples: the sample std is within ~0.2% of the true
# std, and the largest |w| of a uniform comes within 0.1% of its bound.
BIG = (1000, 1000)


def _check_uniform(w: torch.Tensor, bound: float) -> None:
    assert w.abs().max().item() <= bound
    assert w.abs().max().item() > 0.999 * bound
    assert w.std().item() == pytest.approx(bound / math.sqrt(3), rel=0.01)  # Var U(-c, c) = c²/3


def _check_normal(w: torch.Tensor, std: float) -> None:
    assert w.mean().item() == pytest.approx(0, abs=0.01 * std)
    assert w.std().item() == pytest.approx(std, rel=0.01)


@pytest.mark.parametrize("shape", [(1000, 1000), (800, 1250), (100, 40, 5, 5)])
@pytest.mark.parametrize("gain", [1.0, 5 / 3])
def test_xavier_against_torch(shape, gain):
    fan_in, fan_out = ref.fan_in_fan_out(shape)
    w = torch.empty(shape)
    nn.init.xavier_uniform_(w, gain=gain, generator=_gen())
    _check_uniform(w, ref.xavier_uniform_bound(fan_in, fan_out, gain))
    nn.init.xavier_normal_(w, gain=gain, generator=_gen())
    _check_normal(w, ref.xavier_normal_std(fan_in, fan_out, gain))


@pytest.mark.parametrize(
    "a, nonlinearity",
    [(0, "leaky_relu"), (0, "relu"), (0.2, "leaky_relu"), (math.sqrt(5), "leaky_relu"), (0, "tanh"), (0, "linear")],
)
@pytest.mark.parametrize("mode", ["fan_in", "fan_out"])
def test_kaiming_against_torch(a, nonlinearity, mode):
    shape = (500, 2000)
    fan_in, fan_out = ref.fan_in_fan_out(shape)
    fan = fan_in if mode == "fan_in" else fan_out
    w = torch.empty(shape)
    nn.init.kaiming_uniform_(w, a=a, mode=mode, nonlinearity=nonlinearity, generator=_gen())
    _check_uniform(w, ref.kaiming_uniform_bound(fan, a, nonlinearity))
    nn.init.kaiming_normal_(w, a=a, mode=mode, nonlinearity=nonlinearity, generator=_gen())
    _check_normal(w, ref.kaiming_normal_std(fan, a, nonlinearity))


def test_torch_defaults_are_leaky_relu_with_a_zero():
    """Called with defaults, both functions match ReLU's √2 gain."""
    w = torch.empty(BIG)
    nn.init.kaiming_normal_(w, generator=_gen())
    _check_normal(w, ref.kaiming_normal_std(1000))
    assert ref.kaiming_normal_std(1000) == pytest.approx(math.sqrt(2 / 1000))
    assert ref.kaiming_uniform_bound(1000) == pytest.approx(math.sqrt(6 / 1000))


@pytest.mark.parametrize(
    "make, fan_in",
    [
        (lambda: nn.Linear(1000, 1000), 1000),
        (lambda: nn.Linear(250, 4000), 250),
        (lambda: nn.Conv2d(40, 1000, kernel_size=5), 40 * 25),
    ],
)
def test_default_layer_init(make, fan_in):
    torch.manual_seed(0)
    layer = make()
    bound = ref.default_linear_bound(fan_in)
    _check_uniform(layer.weight.detach(), bound)
    assert layer.bias.abs().max().item() <= bound
    # variance 1/(3·fan_in): a sixth of He's 2/fan_in
    assert layer.weight.var().item() == pytest.approx(1 / (3 * fan_in), rel=0.02)
    assert bound == pytest.approx(ref.kaiming_uniform_bound(fan_in, a=math.sqrt(5)))


@pytest.mark.parametrize(
    "call",
    [
        lambda: ref.kaiming_normal_std(0),
        lambda: ref.kaiming_uniform_bound(-3),
        lambda: ref.xavier_normal_std(0, 10),
        lambda: ref.xavier_uniform_bound(10, -1),
        lambda: ref.default_linear_bound(0),
        lambda: ref.xavier_normal_std(10, 10, gain=0),
        lambda: ref.xavier_uniform_bound(10, 10, gain=-1.0),
        lambda: ref.kaiming_normal_std(10, a=float("nan")),
        lambda: ref.kaiming_normal_std(10, nonlinearity="swish"),
        lambda: ref.calculate_gain("gelu"),
        lambda: ref.fan_in_fan_out((5,)),
        lambda: ref.fan_in_fan_out(()),
        lambda: ref.fan_in_fan_out((3, 0)),
        lambda: ref.fan_in_fan_out((3, 5, -1)),
    ],
)
def test_bad_values_raise_value_error(call):
    with pytest.raises(ValueError):
        call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: ref.kaiming_normal_std(2.5),
        lambda: ref.kaiming_normal_std("100"),
        lambda: ref.kaiming_uniform_bound(True),
        lambda: ref.default_linear_bound(None),
        lambda: ref.xavier_normal_std(10, 10.0),
        lambda: ref.xavier_uniform_bound(10, 10, gain="1"),
        lambda: ref.kaiming_normal_std(10, nonlinearity=None),
        lambda: ref.fan_in_fan_out(12),
        lambda: ref.fan_in_fan_out("12"),
        lambda: ref.fan_in_fan_out((3.0, 5)),
    ],
)
def test_bad_types_raise_type_error(call):
    with pytest.raises(TypeError):
        call()


def test_error_messages_name_the_argument():
    with pytest.raises(ValueError, match="fan_in must be a positive integer, got 0"):
        ref.default_linear_bound(0)
    with pytest.raises(ValueError, match="fan_out"):
        ref.xavier_normal_std(3, 0)
