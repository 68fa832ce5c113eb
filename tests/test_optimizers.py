"""dlref.optim's optimizers and EMA against torch.optim, and their input checks."""
from __future__ import annotations

import pytest
import torch

from dlref import optim as ref

STEPS = 20


def _quadratic(seed: int = 0):
    """A seeded random convex quadratic ½ xᵀAx − bᵀx + a matrix term, in float64."""
    g = torch.Generator().manual_seed(seed)
    q = torch.randn(5, 5, generator=g, dtype=torch.float64)
    a = q @ q.T + 0.5 * torch.eye(5, dtype=torch.float64)
    b = torch.randn(5, generator=g, dtype=torch.float64)
    x0 = torch.randn(5, generator=g, dtype=torch.float64)
    m0 = torch.randn(3, 4, generator=g, dtype=torch.float64)

    def loss(x, m):
        return 0.5 * x @ a @ x - b @ x + (m**2).sum() + (m[0] * m[1]).sum()

    return x0, m0, loss


def _trajectory(make_opt, seed: int = 0):
    x0, m0, loss = _quadratic(seed)
    x, m = x0.clone().requires_grad_(), m0.clone().requires_grad_()
    opt = make_opt([x, m])
    path = []
    for _ in range(STEPS):
        opt.zero_grad()
        loss(x, m).backward()
        opt.step()
        path.append(torch.cat([x.detach().flatten(), m.detach().flatten()]).clone())
    return torch.stack(path)


CASES = {
    "sgd": (lambda p: ref.SGD(p, lr=0.05), lambda p: torch.optim.SGD(p, lr=0.05)),
    "sgd-momentum": (
        lambda p: ref.SGD(p, lr=0.02, momentum=0.9),
        lambda p: torch.optim.SGD(p, lr=0.02, momentum=0.9),
    ),
    "adagrad": (lambda p: ref.AdaGrad(p, lr=0.1), lambda p: torch.optim.Adagrad(p, lr=0.1)),
    "rmsprop": (lambda p: ref.RMSProp(p, lr=0.01), lambda p: torch.optim.RMSprop(p, lr=0.01)),
    "rmsprop-alpha0.9": (
        lambda p: ref.RMSProp(p, lr=0.01, alpha=0.9, eps=1e-6),
        lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9, eps=1e-6),
    ),
    "adam": (lambda p: ref.Adam(p, lr=0.05), lambda p: torch.optim.Adam(p, lr=0.05)),
    "adam-betas": (
        lambda p: ref.Adam(p, lr=0.01, betas=(0.8, 0.99), eps=1e-6),
        lambda p: torch.optim.Adam(p, lr=0.01, betas=(0.8, 0.99), eps=1e-6),
    ),
}


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("name", sorted(CASES))
def test_matches_torch_optim(name, seed):
    mine, theirs = CASES[name]
    a, b = _trajectory(mine, seed), _trajectory(theirs, seed)
    assert not torch.allclose(a[0], a[-1])  # the parameters really moved
    torch.testing.assert_close(a, b, rtol=1e-10, atol=1e-12)


def test_parameters_without_gradient_are_left_alone():
    w, frozen = torch.ones(2, requires_grad=True), torch.ones(2, requires_grad=True)
    opt = ref.Adam([w, frozen], lr=0.1)
    (w**2).sum().backward()
    opt.step()
    assert frozen.grad is None and torch.equal(frozen.detach(), torch.ones(2))
    assert torch.allclose(w.detach(), torch.full((2,), 0.9))


def test_zero_grad_clears():
    w = torch.ones(2, requires_grad=True)
    opt = ref.SGD([w], lr=0.1)
    (w**2).sum().backward()
    opt.zero_grad()
    assert w.grad is None


@pytest.mark.parametrize("beta", [0.0, 0.5, 0.9, 0.99])
def test_ema_matches_the_recursion_torch_uses_for_adam(beta):
    g = torch.Generator().manual_seed(0)
    ys = torch.randn(30, generator=g, dtype=torch.float64)
    s = torch.zeros((), dtype=torch.float64)
    plain, corrected = [], []
    for t, y in enumerate(ys, 1):
        s = torch.lerp(s, y, 1 - beta)  # torch.optim.Adam's own update of exp_avg
        plain.append(s.item())
        corrected.append(s.item() / (1 - beta**t))
    assert ref.ema(ys, beta) == pytest.approx(plain, rel=1e-12, abs=1e-15)
    assert ref.ema(ys.tolist(), beta, bias_correction=True) == pytest.approx(corrected, rel=1e-12, abs=1e-15)


def test_ema_empty_series():
    assert ref.ema([], 0.9) == []


@pytest.mark.parametrize(
    "make",
    [
        lambda w: ref.SGD([w], lr=-0.1),
        lambda w: ref.SGD([w], lr=0.1, momentum=-0.5),
        lambda w: ref.SGD([w], lr=0.1, momentum=1.0),
        lambda w: ref.AdaGrad([w], lr=-1e-3),
        lambda w: ref.AdaGrad([w], eps=-1.0),
        lambda w: ref.RMSProp([w], lr=-0.01),
        lambda w: ref.RMSProp([w], alpha=1.0),
        lambda w: ref.RMSProp([w], alpha=-0.1),
        lambda w: ref.Adam([w], lr=-0.001),
        lambda w: ref.Adam([w], betas=(1.0, 0.999)),
        lambda w: ref.Adam([w], betas=(0.9, -0.1)),
        lambda w: ref.Adam([w], lr=float("nan")),
        lambda w: ref.SGD([], lr=0.1),
    ],
)
def test_bad_hyperparameters_raise_value_error(make):
    with pytest.raises(ValueError):
        make(torch.zeros(1, requires_grad=True))


@pytest.mark.parametrize(
    "make",
    [
        lambda: ref.SGD(torch.zeros(3), lr=0.1),  # a bare tensor, not a list of tensors
        lambda: ref.SGD([1.0, 2.0], lr=0.1),
        lambda: ref.SGD(5, lr=0.1),
        lambda: ref.SGD([torch.zeros(2, dtype=torch.long)], lr=0.1),
        lambda: ref.SGD([torch.zeros(1)], lr="0.1"),
        lambda: ref.Adam([torch.zeros(1)], betas=0.9),
    ],
)
def test_bad_types_raise_type_error(make):
    with pytest.raises(TypeError):
        make()


@pytest.mark.parametrize("beta", [-0.1, 1.0, 1.5])
def test_ema_rejects_beta_outside_unit_interval(beta):
    with pytest.raises(ValueError, match=r"\[0, 1\)"):
        ref.ema([1.0, 2.0], beta)


def test_ema_rejects_non_numbers():
    with pytest.raises(TypeError):
        ref.ema([1.0, "2"], 0.5)
    with pytest.raises(TypeError):
        ref.ema(None, 0.5)
    with pytest.raises(ValueError):
        ref.ema(torch.zeros(2, 2), 0.5)
