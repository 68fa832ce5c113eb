"""dlref.regularization against PyTorch: L2 penalty = weight_decay (SGD, Adam), decoupled decay + Adam = AdamW,
soft thresholding = softshrink and the lasso's exact zeros, early stopping, and the input checks."""
from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from dlref.regularization import EarlyStopping, decoupled_weight_decay_, l1_penalty, l2_penalty, soft_threshold

STEPS = 15


def _problem(seed: int = 0):
    """A small seeded regression net and its data, in float64."""
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(32, 5, generator=g, dtype=torch.float64)
    y = torch.randn(32, 1, generator=g, dtype=torch.float64)
    torch.manual_seed(seed)
    net = nn.Sequential(nn.Linear(5, 8), nn.Tanh(), nn.Linear(8, 1)).double()
    return net, x, y


def _train(make_opt, penalty=None, pre_step=None, seed: int = 0) -> torch.Tensor:
    net, x, y = _problem(seed)
    params = list(net.parameters())
    opt = make_opt(params)
    for _ in range(STEPS):
        opt.zero_grad()
        loss = F.mse_loss(net(x), y)
        if penalty is not None:
            loss = loss + penalty(params)
        loss.backward()
        if pre_step is not None:
            pre_step(params)
        opt.step()
    return torch.cat([p.detach().flatten() for p in params])


@pytest.mark.parametrize("momentum", [0.0, 0.9])
def test_l2_penalty_equals_sgd_weight_decay(momentum):
    lam = 0.05
    builtin = _train(lambda p: torch.optim.SGD(p, lr=0.1, momentum=momentum, weight_decay=lam))
    ours = _train(lambda p: torch.optim.SGD(p, lr=0.1, momentum=momentum), penalty=lambda p: l2_penalty(p, lam))
    torch.testing.assert_close(ours, builtin, rtol=1e-12, atol=1e-12)
    plain = _train(lambda p: torch.optim.SGD(p, lr=0.1, momentum=momentum))
    assert (plain - builtin).abs().max() > 1e-3  # the decay really changed the weights


def test_l2_penalty_equals_adam_weight_decay_but_not_adamw():
    lam = 0.05
    builtin = _train(lambda p: torch.optim.Adam(p, lr=0.01, weight_decay=lam))
    ours = _train(lambda p: torch.optim.Adam(p, lr=0.01), penalty=lambda p: l2_penalty(p, lam))
    torch.testing.assert_close(ours, builtin, rtol=1e-12, atol=1e-12)
    adamw = _train(lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=lam))
    assert (adamw - builtin).abs().max() > 1e-4


@pytest.mark.parametrize("lam", [0.0, 0.01, 0.3])
def test_decoupled_decay_then_adam_equals_adamw(lam):
    lr = 0.01
    builtin = _train(lambda p: torch.optim.AdamW(p, lr=lr, weight_decay=lam))
    ours = _train(lambda p: torch.optim.Adam(p, lr=lr, weight_decay=0.0),
                  pre_step=lambda p: decoupled_weight_decay_(p, lr, lam))
    torch.testing.assert_close(ours, builtin, rtol=1e-12, atol=1e-12)


def test_for_plain_sgd_decoupled_decay_equals_weight_decay():
    lr, lam = 0.1, 0.05
    builtin = _train(lambda p: torch.optim.SGD(p, lr=lr, weight_decay=lam))
    ours = _train(lambda p: torch.optim.SGD(p, lr=lr), pre_step=lambda p: decoupled_weight_decay_(p, lr, lam))
    torch.testing.assert_close(ours, builtin, rtol=1e-12, atol=1e-12)


def test_penalties_values_and_gradients():
    a = torch.tensor([[1.0, -2.0], [0.5, 0.0]], dtype=torch.float64, requires_grad=True)
    b = torch.tensor([3.0], dtype=torch.float64, requires_grad=True)
    l2 = l2_penalty([a, b], 0.2)
    assert l2.item() == pytest.approx(0.1 * (1 + 4 + 0.25 + 9))
    l2.backward()
    torch.testing.assert_close(a.grad, 0.2 * a.detach())
    a.grad = None
    l1 = l1_penalty([a, b], 0.2)
    assert l1.item() == pytest.approx(0.2 * (1 + 2 + 0.5 + 3))
    l1.backward()
    torch.testing.assert_close(a.grad, 0.2 * torch.sign(a.detach()))
    net = nn.Linear(3, 2)
    assert l2_penalty(net.parameters(), 1.0).item() == pytest.approx(0.5 * sum((p**2).sum().item() for p in net.parameters()))


def test_soft_threshold_equals_softshrink_and_is_the_prox():
    w = torch.linspace(-3, 3, 601, dtype=torch.float64)
    for t in (0.0, 0.4, 1.0):
        torch.testing.assert_close(soft_threshold(w, t), F.softshrink(w, t), rtol=0, atol=0)
    # the exact minimizer of 1/2 (x - w)^2 + t |x|, found by brute force on a fine grid
    t = 0.7
    grid = torch.linspace(-4, 4, 80_001, dtype=torch.float64)
    for a in (-2.5, -0.7, -0.2, 0.0, 0.69, 1.3):
        objective = 0.5 * (grid - a) ** 2 + t * grid.abs()
        assert soft_threshold(torch.tensor([a], dtype=torch.float64), t).item() == pytest.approx(
            grid[objective.argmin()].item(), abs=2e-4)
    out = soft_threshold(torch.tensor([-0.3, 0.3]), 0.5)
    assert torch.equal(out, torch.zeros(2)) and not torch.signbit(out).any()  # +0.0, never -0.0


def test_ista_reaches_the_lasso_solution_with_exact_zeros():
    sklearn = pytest.importorskip("sklearn")
    from sklearn.datasets import load_diabetes
    from sklearn.linear_model import Lasso

    assert sklearn
    X, y = load_diabetes(return_X_y=True)
    X = (X - X.mean(0)) / X.std(0)
    y = y - y.mean()
    alpha = 5.0
    reference = Lasso(alpha=alpha, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(X, y).coef_
    Xt, yt = torch.tensor(X), torch.tensor(y)
    gram, corr = Xt.T @ Xt / len(y), Xt.T @ yt / len(y)
    lr = 1.0 / torch.linalg.eigvalsh(gram).max().item()  # 1 / Lipschitz constant of the gradient
    w = torch.zeros(X.shape[1], dtype=torch.float64)
    for _ in range(5000):
        grad = gram @ w - corr  # gradient of 1/(2n) ||y - Xw||^2, sklearn's data term
        w = soft_threshold(w - lr * grad, lr * alpha)
    np.testing.assert_allclose(w.numpy(), reference, atol=1e-6)
    assert ((w == 0) == torch.tensor(reference == 0)).all() and (w == 0).sum() >= 2


def test_early_stopping_counts_patience_and_min_delta():
    s = EarlyStopping(patience=3)
    decisions = [s.step(v) for v in [1.0, 0.8, 0.85, 0.79, 0.9, 0.9, 0.9, 0.5]]
    assert decisions == [False, False, False, False, False, False, True, False]
    assert (s.best, s.best_epoch, s.stopped_epoch) == (0.5, 8, 7)
    s = EarlyStopping(patience=2, min_delta=0.05)
    assert [s.step(v) for v in [1.0, 0.97, 0.96]] == [False, False, True]
    assert s.best == 1.0 and s.best_epoch == 1
    s = EarlyStopping(patience=1, mode="max")
    assert [s.step(v) for v in [0.5, 0.6, torch.tensor(0.55)]] == [False, False, True]
    assert s.best == 0.6


def test_early_stopping_restores_the_best_weights():
    net = nn.Linear(2, 1)
    s = EarlyStopping(patience=2)
    snapshots = []
    for value in [3.0, 1.0, 2.0, 2.5]:
        with torch.no_grad():
            net.weight.add_(1.0)  # the weights change every epoch
        snapshots.append(net.weight.detach().clone())
        if s.step(value, net):
            break
    assert s.best_epoch == 2 and s.stopped_epoch == 4
    assert not torch.equal(net.weight, snapshots[1])
    s.restore(net)
    assert torch.equal(net.weight, snapshots[1])
    with torch.no_grad():
        net.weight.zero_()
    assert torch.equal(s.best_state["weight"], snapshots[1])  # a copy, not a view of the live weights


def test_numpy_scalars_are_accepted():
    w = torch.tensor([1.0, -2.0])
    assert l2_penalty([w], np.float64(0.5)).item() == l2_penalty([w], 0.5).item()
    assert torch.equal(soft_threshold(w, np.float32(1.5)), soft_threshold(w, 1.5))
    s = EarlyStopping(patience=np.int64(2), min_delta=np.float64(0.1))
    assert (s.patience, s.min_delta) == (2, 0.1) and s.step(np.float32(0.5)) is False


@pytest.mark.parametrize("call, error, match", [
    (lambda: l2_penalty(torch.ones(2), 0.1), TypeError, "iterable of tensors"),
    (lambda: l2_penalty([], 0.1), ValueError, "params is empty"),
    (lambda: l2_penalty([torch.ones(2, dtype=torch.int64)], 0.1), TypeError, "floating-point"),
    (lambda: l2_penalty([torch.ones(2)], float("nan")), ValueError, "finite"),
    (lambda: l1_penalty([torch.ones(2)], True), TypeError, "lam must be a real number"),
    (lambda: l1_penalty(3, 0.1), TypeError, "params must be a sequence"),
    (lambda: soft_threshold([1.0], 0.1), TypeError, "w must be a torch.Tensor"),
    (lambda: soft_threshold(torch.ones(2), -0.1), ValueError, "threshold must be >= 0"),
    (lambda: decoupled_weight_decay_([torch.ones(2)], -1, 0.1), ValueError, "lr must be >= 0"),
    (lambda: decoupled_weight_decay_([torch.ones(2)], 1.0, 2.0), ValueError, "lr \\* weight_decay must be <= 1"),
    (lambda: EarlyStopping(patience=0), ValueError, "patience must be >= 1"),
    (lambda: EarlyStopping(patience=2.5), TypeError, "patience must be an int"),
    (lambda: EarlyStopping(min_delta=-0.1), ValueError, "min_delta must be >= 0"),
    (lambda: EarlyStopping(mode="lowest"), ValueError, "mode must be one of"),
    (lambda: EarlyStopping(mode=1), TypeError, "mode must be one of"),
    (lambda: EarlyStopping().step(float("inf")), ValueError, "value must be a finite number"),
    (lambda: EarlyStopping().step("0.5"), TypeError, "value must be a real number"),
    (lambda: EarlyStopping().step(torch.ones(2)), ValueError, "single number"),
    (lambda: EarlyStopping().step(0.5, model="net"), TypeError, "model must be a torch.nn.Module"),
    (lambda: EarlyStopping().restore(nn.Linear(1, 1)), RuntimeError, "no weights to restore"),
])
def test_bad_input_is_rejected(call, error, match):
    with pytest.raises(error, match=match):
        call()
