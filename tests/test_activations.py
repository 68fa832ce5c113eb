"""dlref.activations: each closed form against PyTorch's function and autograd on a grid."""
from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F

from dlref import activations as A

# float64 grid on [-8, 8] that contains 0 exactly, plus a few far-out points
GRID = torch.cat([torch.linspace(-8, 8, 801, dtype=torch.float64), torch.tensor([-40.0, 40.0], dtype=torch.float64)])


def autograd_derivative(fn, x: torch.Tensor) -> torch.Tensor:
    """The element-wise derivative of ``fn`` at ``x``, from autograd."""
    x = x.clone().requires_grad_(True)
    fn(x).sum().backward()
    return x.grad


@pytest.mark.parametrize(
    "ours, theirs",
    [
        (A.sigmoid, torch.sigmoid),
        (A.relu, torch.relu),
        (A.leaky_relu, F.leaky_relu),
        (lambda x: A.leaky_relu(x, 0.2), lambda x: F.leaky_relu(x, 0.2)),
        (A.elu, F.elu),
        (lambda x: A.elu(x, alpha=0.5), lambda x: F.elu(x, alpha=0.5)),
    ],
    ids=["sigmoid", "relu", "leaky_relu", "leaky_relu_0.2", "elu", "elu_0.5"],
)
def test_function_matches_pytorch(ours, theirs):
    torch.testing.assert_close(ours(GRID), theirs(GRID))


@pytest.mark.parametrize(
    "grad, fn",
    [
        (A.sigmoid_grad, torch.sigmoid),
        (A.tanh_grad, torch.tanh),
        (A.relu_grad, torch.relu),
        (A.leaky_relu_grad, F.leaky_relu),
        (lambda x: A.leaky_relu_grad(x, 0.2), lambda x: F.leaky_relu(x, 0.2)),
        (A.elu_grad, F.elu),
        (lambda x: A.elu_grad(x, alpha=2.0), lambda x: F.elu(x, alpha=2.0)),
    ],
    ids=["sigmoid", "tanh", "relu", "leaky_relu", "leaky_relu_0.2", "elu", "elu_2"],
)
def test_derivative_matches_autograd(grad, fn):
    # the grid contains x = 0, so this also checks PyTorch's convention at the kink
    torch.testing.assert_close(grad(GRID), autograd_derivative(fn, GRID))


def test_conventions_at_zero():
    zero = torch.zeros(1)
    assert A.relu_grad(zero).item() == 0.0
    assert A.leaky_relu_grad(zero).item() == pytest.approx(0.01)
    assert A.elu_grad(zero, alpha=2.0).item() == 2.0


def test_sigmoid_does_not_overflow():
    x = torch.tensor([-1000.0, 1000.0])
    assert torch.equal(A.sigmoid(x), torch.tensor([0.0, 1.0]))
    assert torch.isfinite(A.sigmoid_grad(x)).all()


def test_derivative_peaks():
    assert A.sigmoid_grad(torch.zeros(1)).item() == 0.25
    assert A.tanh_grad(torch.zeros(1)).item() == 1.0
    assert A.sigmoid_grad(GRID).max().item() == pytest.approx(0.25)


@pytest.mark.parametrize("dim", [0, 1, -1])
def test_softmax_matches_pytorch(dim):
    torch.manual_seed(0)
    x = torch.randn(4, 5, dtype=torch.float64) * 3
    torch.testing.assert_close(A.softmax(x, dim=dim), torch.softmax(x, dim=dim))
    torch.testing.assert_close(A.softmax(x, dim=dim).sum(dim=dim), torch.ones_like(x.sum(dim=dim)))


def test_softmax_is_stable_where_the_naive_formula_overflows():
    x = torch.tensor([1000.0, 1001.0, 1002.0])
    naive = torch.exp(x) / torch.exp(x).sum()
    assert torch.isnan(naive).all()  # inf / inf
    torch.testing.assert_close(A.softmax(x), torch.softmax(x, dim=0))
    torch.testing.assert_close(A.softmax(x), A.softmax(x - 1000))  # shift invariance


def test_softmax_gradient_matches_pytorch():
    x = torch.tensor([0.2, -1.0, 3.0], dtype=torch.float64)
    w = torch.tensor([1.0, 2.0, -0.5], dtype=torch.float64)
    ours = autograd_derivative(lambda t: A.softmax(t) * w, x)
    theirs = autograd_derivative(lambda t: torch.softmax(t, dim=0) * w, x)
    torch.testing.assert_close(ours, theirs)


def test_float32_and_float64_are_kept():
    for dtype in (torch.float32, torch.float64):
        x = torch.linspace(-1, 1, 5, dtype=dtype)
        for fn in (A.sigmoid, A.sigmoid_grad, A.tanh_grad, A.relu_grad, A.leaky_relu_grad, A.elu, A.elu_grad, A.softmax):
            assert fn(x).dtype == dtype


@pytest.mark.parametrize(
    "fn",
    [A.sigmoid, A.sigmoid_grad, A.tanh_grad, A.relu, A.relu_grad, A.leaky_relu, A.leaky_relu_grad, A.elu, A.elu_grad, A.softmax],
)
def test_rejects_non_tensors(fn):
    with pytest.raises(TypeError, match="expects a torch.Tensor, got list"):
        fn([0.0, 1.0])
    with pytest.raises(TypeError, match="expects a torch.Tensor, got float"):
        fn(math.pi)


@pytest.mark.parametrize(
    "fn",
    [A.sigmoid, A.sigmoid_grad, A.tanh_grad, A.relu, A.relu_grad, A.leaky_relu, A.leaky_relu_grad, A.elu, A.elu_grad, A.softmax],
)
@pytest.mark.parametrize("dtype", [torch.int64, torch.int32, torch.bool])
def test_rejects_integer_tensors(fn, dtype):
    with pytest.raises(TypeError, match="floating-point tensor.*x.float()"):
        fn(torch.tensor([0, 1], dtype=dtype))


def test_rejects_bad_parameters():
    x = torch.zeros(2)
    with pytest.raises(TypeError, match="negative_slope must be a real number"):
        A.leaky_relu(x, negative_slope="0.1")
    with pytest.raises(TypeError, match="alpha must be a real number"):
        A.elu_grad(x, alpha=torch.tensor(1.0))
    with pytest.raises(TypeError, match="dim must be an int"):
        A.softmax(x, dim=None)
    with pytest.raises(ValueError, match="at least one dimension"):
        A.softmax(torch.tensor(1.0))
    with pytest.raises(IndexError):
        A.softmax(x, dim=3)
