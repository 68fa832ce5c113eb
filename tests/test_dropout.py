"""dlref.dropout against torch.nn.Dropout: scaling, keep rate, expectation, eval mode."""
from __future__ import annotations

import pytest
import torch
import torch.nn as nn

from dlref.dropout import dropout_mask, inverted_dropout


@pytest.mark.parametrize("p", [0.2, 0.5, 0.75])
def test_scaling_and_keep_rate_match_nn_dropout(p):
    # strictly positive, so a zero means "dropped"; drawn from its own stream, so that
    # the masks below (seeded with 0) are independent of the values
    x = torch.rand(200_000, generator=torch.Generator().manual_seed(123)) + 0.5
    ours = inverted_dropout(x, p, generator=torch.Generator().manual_seed(0))
    torch.manual_seed(0)
    theirs = nn.Dropout(p).train()(x)
    for y in (ours, theirs):
        kept = y != 0
        # kept units are scaled by exactly 1 / (1 - p); the others are zero
        torch.testing.assert_close(y[kept], x[kept] / (1 - p))
        # keep rate 1 - p (binomial std ~0.001 for n = 200,000)
        assert abs(kept.float().mean().item() - (1 - p)) < 0.006
        # the expectation is preserved: the mean of y estimates the mean of x
        assert abs(y.mean().item() - x.mean().item()) < 0.02
    assert abs((ours != 0).float().mean() - (theirs != 0).float().mean()) < 0.01


def test_expectation_per_unit_over_many_passes():
    x = torch.linspace(-2, 3, 10)
    g = torch.Generator().manual_seed(1)
    mean = torch.stack([inverted_dropout(x, 0.5, generator=g) for _ in range(20_000)]).mean(0)
    torch.testing.assert_close(mean, x, atol=0.1, rtol=0)


def test_eval_mode_is_identity_and_p0_is_identity():
    x = torch.randn(5, 7)
    assert torch.equal(nn.Dropout(0.75).eval()(x), x)
    assert inverted_dropout(x, 0.0) is x


def test_mask_is_reproducible_and_binary():
    a = dropout_mask((3, 4), 0.3, generator=torch.Generator().manual_seed(5))
    b = dropout_mask((3, 4), 0.3, generator=torch.Generator().manual_seed(5))
    assert torch.equal(a, b)
    assert set(a.unique().tolist()) <= {0.0, 1.0}
    assert a.shape == (3, 4)


def test_gradient_flows_only_through_kept_units():
    x = torch.ones(1000, requires_grad=True)
    y = inverted_dropout(x, 0.5, generator=torch.Generator().manual_seed(2))
    y.sum().backward()
    torch.testing.assert_close(x.grad, (y != 0).float() * 2)


@pytest.mark.parametrize("p, error", [(1.0, ValueError), (-0.1, ValueError), (1.5, ValueError),
                                      ("0.5", TypeError), (True, TypeError)])
def test_bad_p(p, error):
    with pytest.raises(error):
        inverted_dropout(torch.ones(3), p)
    with pytest.raises(error):
        dropout_mask((3,), p)


def test_bad_x():
    with pytest.raises(TypeError):
        inverted_dropout([1.0, 2.0], 0.5)
    with pytest.raises(TypeError):
        inverted_dropout(torch.ones(3, dtype=torch.int64), 0.5)
