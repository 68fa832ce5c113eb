"""dlref.params against torchinfo and numel() sums, and its input checks."""
from __future__ import annotations

import pytest
import torch.nn as nn
import torchinfo

from dlref.params import count_parameters, linear_params


@pytest.mark.parametrize("n_in, n_out", [(1, 1), (3, 3), (3, 2), (784, 128), (20, 64)])
@pytest.mark.parametrize("bias", [True, False])
def test_linear_params_matches_numel(n_in, n_out, bias):
    layer = nn.Linear(n_in, n_out, bias=bias)
    assert linear_params(n_in, n_out, bias) == sum(p.numel() for p in layer.parameters())
    assert count_parameters(layer) == linear_params(n_in, n_out, bias)


def _models():
    return {
        "mlp_3_3_2_2": (nn.Sequential(nn.Linear(3, 3), nn.Sigmoid(), nn.Linear(3, 2), nn.ReLU(), nn.Linear(2, 2)), (8, 3)),
        "phone_price": (
            nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 4)),
            (10, 20),
        ),
        "conv_bn": (
            nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.Flatten(),
                          nn.Linear(16 * 8 * 8, 10)),
            (2, 3, 8, 8),
        ),
    }


@pytest.mark.parametrize("name", list(_models()))
def test_count_parameters_matches_torchinfo(name):
    model, input_size = _models()[name]
    stats = torchinfo.summary(model, input_size=input_size, verbose=0)
    assert count_parameters(model) == stats.total_params
    assert count_parameters(model, trainable_only=True) == stats.trainable_params


def test_known_totals():
    models = _models()
    assert count_parameters(models["mlp_3_3_2_2"][0]) == 26
    assert count_parameters(models["phone_price"][0]) == 10_180


def test_frozen_and_shared_parameters():
    shared = nn.Linear(4, 4)
    model = nn.Sequential(shared, nn.ReLU(), shared, nn.Linear(4, 2))
    # parameters() yields a shared tensor once
    assert count_parameters(model) == linear_params(4, 4) + linear_params(4, 2)
    model[3].requires_grad_(False)
    assert count_parameters(model, trainable_only=True) == linear_params(4, 4)
    stats = torchinfo.summary(model, input_size=(1, 4), verbose=0)
    assert count_parameters(model, trainable_only=True) == stats.trainable_params


def test_buffers_are_not_parameters():
    bn = nn.BatchNorm1d(5)  # running_mean / running_var are buffers, not parameters
    assert count_parameters(bn) == 10


@pytest.mark.parametrize("bad", [[nn.Linear(2, 2)], nn.Linear(2, 2).parameters(), None, 3])
def test_count_parameters_rejects_non_modules(bad):
    with pytest.raises(TypeError, match="nn.Module"):
        count_parameters(bad)


@pytest.mark.parametrize("n_in, n_out, exc", [(0, 3, ValueError), (3, -1, ValueError), (3.0, 3, TypeError),
                                              ("3", 3, TypeError), (True, 3, TypeError)])
def test_linear_params_rejects_bad_sizes(n_in, n_out, exc):
    with pytest.raises(exc):
        linear_params(n_in, n_out)
