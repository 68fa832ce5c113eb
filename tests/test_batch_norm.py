"""dlref.batchnorm against torch.nn.BatchNorm1d / BatchNorm2d."""
from __future__ import annotations

import pytest
import torch
import torch.nn as nn

from dlref.batchnorm import batch_norm_eval, batch_norm_train


def _state(bn: nn.Module):
    return (bn.weight.detach().clone(), bn.bias.detach().clone(),
            bn.running_mean.clone(), bn.running_var.clone())


@pytest.mark.parametrize("momentum", [0.1, 0.3, 1.0])
def test_matches_batchnorm1d_over_several_steps(momentum):
    torch.manual_seed(0)
    bn = nn.BatchNorm1d(4, momentum=momentum)
    with torch.no_grad():  # non-trivial gamma and beta
        bn.weight.copy_(torch.tensor([1.0, 2.0, 0.5, -1.0]))
        bn.bias.copy_(torch.tensor([0.0, 1.0, -2.0, 3.0]))
    gamma, beta, rm, rv = _state(bn)
    bn.train()
    for step in range(5):
        x = torch.randn(8, 4) * torch.tensor([1.0, 3.0, 0.1, 10.0]) + torch.tensor([0.0, 5.0, -1.0, 50.0])
        expected = bn(x)
        y, rm, rv = batch_norm_train(x, gamma, beta, rm, rv, momentum=momentum, eps=bn.eps)
        torch.testing.assert_close(y, expected, rtol=1e-5, atol=1e-5)
        torch.testing.assert_close(rm, bn.running_mean)
        torch.testing.assert_close(rv, bn.running_var)
    bn.eval()
    x = torch.randn(3, 4) * 5
    torch.testing.assert_close(batch_norm_eval(x, gamma, beta, rm, rv, eps=bn.eps), bn(x), rtol=1e-5, atol=1e-5)
    one = x[:1]  # eval mode works for a single sample
    torch.testing.assert_close(batch_norm_eval(one, gamma, beta, rm, rv), bn(one), rtol=1e-5, atol=1e-5)


def test_matches_batchnorm1d_on_sequences():
    torch.manual_seed(1)
    bn = nn.BatchNorm1d(3)
    x = torch.randn(4, 3, 7)  # (N, C, L): statistics over N and L
    gamma, beta, rm, rv = _state(bn)
    y, rm, rv = batch_norm_train(x, gamma, beta, rm, rv)
    torch.testing.assert_close(y, bn(x), rtol=1e-5, atol=1e-5)
    torch.testing.assert_close(rv, bn.running_var)


def test_matches_batchnorm2d_per_channel():
    torch.manual_seed(2)
    bn = nn.BatchNorm2d(3, momentum=0.2)
    with torch.no_grad():
        bn.weight.copy_(torch.tensor([0.5, 1.0, 2.0]))
        bn.bias.copy_(torch.tensor([1.0, 0.0, -1.0]))
    gamma, beta, rm, rv = _state(bn)
    for _ in range(3):
        x = torch.randn(2, 3, 4, 5) * torch.tensor([1.0, 4.0, 0.2]).view(1, 3, 1, 1) + 3
        expected = bn(x)
        y, rm, rv = batch_norm_train(x, gamma, beta, rm, rv, momentum=0.2)
        torch.testing.assert_close(y, expected, rtol=1e-5, atol=1e-5)
        torch.testing.assert_close(rm, bn.running_mean)
        torch.testing.assert_close(rv, bn.running_var)
    # each channel of the normalized output has mean 0 and (biased) variance ~1 before gamma/beta
    x_hat = (y - beta.view(1, 3, 1, 1)) / gamma.view(1, 3, 1, 1)
    torch.testing.assert_close(x_hat.mean(dim=(0, 2, 3)), torch.zeros(3), atol=1e-5, rtol=0)
    torch.testing.assert_close(x_hat.var(dim=(0, 2, 3), unbiased=False), torch.ones(3), atol=1e-3, rtol=0)
    bn.eval()
    x = torch.randn(1, 3, 4, 5)
    torch.testing.assert_close(batch_norm_eval(x, gamma, beta, rm, rv), bn(x), rtol=1e-5, atol=1e-5)


def test_running_var_uses_unbiased_variance():
    x = torch.tensor([[1.0], [2.0], [6.0]])  # var: biased 14/3, unbiased 7
    _, _, rv = batch_norm_train(x, torch.ones(1), torch.zeros(1), torch.zeros(1), torch.ones(1))
    torch.testing.assert_close(rv, torch.tensor([0.9 * 1 + 0.1 * 7.0]))


def test_gradients_match():
    torch.manual_seed(3)
    bn = nn.BatchNorm1d(2)
    x1 = torch.randn(5, 2, requires_grad=True)
    x2 = x1.detach().clone().requires_grad_(True)
    gamma = bn.weight.detach().clone().requires_grad_(True)
    beta = bn.bias.detach().clone().requires_grad_(True)
    (bn(x1) ** 3).sum().backward()
    y, _, _ = batch_norm_train(x2, gamma, beta, torch.zeros(2), torch.ones(2))
    (y ** 3).sum().backward()
    torch.testing.assert_close(x2.grad, x1.grad, rtol=1e-4, atol=1e-5)
    torch.testing.assert_close(gamma.grad, bn.weight.grad, rtol=1e-4, atol=1e-5)
    torch.testing.assert_close(beta.grad, bn.bias.grad, rtol=1e-4, atol=1e-5)


def test_inputs_are_not_modified():
    x = torch.randn(4, 2)
    rm, rv = torch.zeros(2), torch.ones(2)
    batch_norm_train(x, torch.ones(2), torch.zeros(2), rm, rv)
    assert torch.equal(rm, torch.zeros(2)) and torch.equal(rv, torch.ones(2))


def test_batch_of_one_in_training_raises_like_pytorch():
    bn = nn.BatchNorm1d(3)
    x = torch.randn(1, 3)
    with pytest.raises(ValueError, match="more than 1 value per channel") as ours:
        batch_norm_train(x, *_state(bn))
    with pytest.raises(ValueError) as theirs:
        bn(x)
    assert str(ours.value) == str(theirs.value)
    # one image with several pixels is fine: the statistics run over H and W too
    y, _, _ = batch_norm_train(torch.randn(1, 3, 2, 2), *_state(nn.BatchNorm2d(3)))
    assert y.shape == (1, 3, 2, 2)


@pytest.mark.parametrize(
    "kwargs, error",
    [
        (dict(x=[[1.0, 2.0]]), TypeError),
        (dict(x=torch.ones(4, 2, dtype=torch.int64)), TypeError),
        (dict(gamma=1.0), TypeError),
        (dict(x=torch.ones(4)), ValueError),
        (dict(gamma=torch.ones(3)), ValueError),
        (dict(running_var=torch.ones(2, 1)), ValueError),
        (dict(eps=0.0), ValueError),
        (dict(momentum=1.5), ValueError),
        (dict(momentum=-0.1), ValueError),
    ],
)
def test_bad_input(kwargs, error):
    args = dict(x=torch.randn(4, 2), gamma=torch.ones(2), beta=torch.zeros(2),
                running_mean=torch.zeros(2), running_var=torch.ones(2))
    args.update(kwargs)
    with pytest.raises(error):
        batch_norm_train(**args)
    if "momentum" not in kwargs:
        with pytest.raises(error):
            batch_norm_eval(**args)
