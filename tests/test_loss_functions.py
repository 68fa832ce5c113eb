"""dlref.losses against torch.nn.functional, on seeded random inputs, and its input checks."""
from __future__ import annotations

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from dlref import losses

SHAPES = [(7,), (4, 5), (2, 3, 6)]


def _pair(shape, seed, scale=3.0):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(shape, generator=g) * scale, torch.randn(shape, generator=g) * scale


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize(
    "ours, theirs",
    [
        (losses.mae, F.l1_loss),
        (losses.mse, F.mse_loss),
        (losses.smooth_l1, F.smooth_l1_loss),
        (losses.huber, F.huber_loss),
    ],
    ids=["mae", "mse", "smooth_l1", "huber"],
)
def test_regression_losses_match_torch(ours, theirs, shape, seed):
    pred, target = _pair(shape, seed)
    torch.testing.assert_close(ours(pred, target), theirs(pred, target))


@pytest.mark.parametrize("param", [0.0, 0.5, 1.0, 2.5])
def test_smooth_l1_beta_and_huber_delta(param):
    pred, target = _pair((50,), seed=10)
    torch.testing.assert_close(losses.smooth_l1(pred, target, beta=param), F.smooth_l1_loss(pred, target, beta=param))
    if param > 0:
        torch.testing.assert_close(losses.huber(pred, target, delta=param), F.huber_loss(pred, target, delta=param))
        # Huber_delta = delta * SmoothL1_(beta=delta)
        torch.testing.assert_close(
            F.huber_loss(pred, target, delta=param), param * F.smooth_l1_loss(pred, target, beta=param)
        )


def test_smooth_l1_equals_huber_only_at_one():
    pred, target = torch.tensor([1.0, 5.0, 4.0]), torch.tensor([2.0, 3.0, 1.0])
    assert losses.smooth_l1(pred, target) == losses.huber(pred, target)
    assert not torch.isclose(losses.smooth_l1(pred, target, beta=2.0), losses.huber(pred, target, delta=2.0))


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("n, c", [(1, 2), (8, 3), (16, 10)])
def test_cross_entropy_matches_torch(seed, n, c):
    g = torch.Generator().manual_seed(seed)
    logits = torch.randn(n, c, generator=g) * 4
    labels = torch.randint(0, c, (n,), generator=g)
    probs = torch.softmax(torch.randn(n, c, generator=g), dim=1)
    torch.testing.assert_close(losses.cross_entropy(logits, labels), F.cross_entropy(logits, labels))
    torch.testing.assert_close(losses.cross_entropy(logits, probs), F.cross_entropy(logits, probs))
    one_hot = F.one_hot(labels, c).float()
    torch.testing.assert_close(losses.cross_entropy(logits, one_hot), F.cross_entropy(logits, labels))


def test_cross_entropy_is_stable_for_huge_logits():
    logits = torch.tensor([[1000.0, 0.0, -1000.0], [0.0, 2000.0, 0.0]])
    labels = torch.tensor([1, 1])
    ours = losses.cross_entropy(logits, labels)
    assert torch.isfinite(ours)
    torch.testing.assert_close(ours, F.cross_entropy(logits, labels))


def test_log_softmax_matches_torch():
    x = _pair((5, 7), seed=3, scale=50.0)[0]
    torch.testing.assert_close(losses.log_softmax(x, dim=1), F.log_softmax(x, dim=1))
    torch.testing.assert_close(losses.log_softmax(x, dim=0), F.log_softmax(x, dim=0))


@pytest.mark.parametrize("seed", range(3))
def test_binary_cross_entropy_matches_torch(seed):
    g = torch.Generator().manual_seed(seed)
    probs = torch.rand(20, generator=g)
    target = torch.randint(0, 2, (20,), generator=g).float()
    torch.testing.assert_close(losses.binary_cross_entropy(probs, target), F.binary_cross_entropy(probs, target))
    soft = torch.rand(20, generator=g)  # soft labels are allowed too
    torch.testing.assert_close(losses.binary_cross_entropy(probs, soft), F.binary_cross_entropy(probs, soft))


def test_binary_cross_entropy_clamps_like_torch():
    probs, target = torch.tensor([0.0, 1.0, 0.5]), torch.tensor([1.0, 0.0, 1.0])
    torch.testing.assert_close(losses.binary_cross_entropy(probs, target), nn.BCELoss()(probs, target))


def test_gradients_match_torch():
    pred, target = _pair((6,), seed=5)
    for ours, theirs in [(losses.mse, F.mse_loss), (losses.smooth_l1, F.smooth_l1_loss), (losses.huber, F.huber_loss)]:
        a = pred.clone().requires_grad_()
        b = pred.clone().requires_grad_()
        ours(a, target).backward()
        theirs(b, target).backward()
        torch.testing.assert_close(a.grad, b.grad)
    logits = torch.randn(4, 3, generator=torch.Generator().manual_seed(1), requires_grad=True)
    labels = torch.tensor([0, 2, 1, 1])
    losses.cross_entropy(logits, labels).backward()
    expected = (torch.softmax(logits.detach(), 1) - F.one_hot(labels, 3)) / 4  # (p - y) / N
    torch.testing.assert_close(logits.grad, expected)


@pytest.mark.parametrize("fn", [losses.mae, losses.mse, losses.smooth_l1, losses.huber, losses.binary_cross_entropy])
def test_shape_mismatch_names_both_shapes(fn):
    with pytest.raises(ValueError, match=r"\(3,\).*\(2, 3\)"):
        fn(torch.full((3,), 0.5), torch.full((2, 3), 0.5))


@pytest.mark.parametrize("fn", [losses.mae, losses.mse, losses.smooth_l1, losses.huber, losses.binary_cross_entropy])
def test_non_tensor_is_type_error(fn):
    with pytest.raises(TypeError, match="torch.Tensor"):
        fn([0.5, 0.5], torch.tensor([0.0, 1.0]))
    with pytest.raises(TypeError, match="torch.Tensor"):
        fn(torch.tensor([0.5, 0.5]), 1.0)


def test_integer_input_is_type_error():
    with pytest.raises(TypeError, match="floating-point"):
        losses.mse(torch.tensor([1, 2]), torch.tensor([1.0, 2.0]))


def test_cross_entropy_bad_input():
    logits = torch.zeros(4, 3)
    with pytest.raises(TypeError, match="torch.Tensor"):
        losses.cross_entropy(logits, [0, 1, 2, 0])
    with pytest.raises(ValueError, match=r"\(4, 3\).*\(5,\)"):
        losses.cross_entropy(logits, torch.tensor([0, 1, 2, 0, 1]))
    with pytest.raises(ValueError, match=r"\(4, 3\).*\(4, 2\)"):
        losses.cross_entropy(logits, torch.zeros(4, 2))
    with pytest.raises(ValueError, match=r"\[0, 3\)"):
        losses.cross_entropy(logits, torch.tensor([0, 1, 2, -1]))
    with pytest.raises(ValueError, match=r"\(N, C\)"):
        losses.cross_entropy(torch.zeros(3), torch.tensor([0, 1, 2]))


def test_bad_hyperparameters():
    x = torch.zeros(2)
    with pytest.raises(ValueError, match="beta"):
        losses.smooth_l1(x, x, beta=-0.5)
    with pytest.raises(ValueError, match="delta"):
        losses.huber(x, x, delta=0.0)
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        losses.binary_cross_entropy(torch.tensor([-0.1, 0.5]), torch.tensor([0.0, 1.0]))
