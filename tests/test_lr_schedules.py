"""dlref.optim's closed-form schedules against torch.optim.lr_scheduler over 200 epochs."""
from __future__ import annotations

import pytest
import torch

from dlref import optim as ref

EPOCHS = 200


def _torch_lrs(make_scheduler, lr0: float = 0.1) -> list[float]:
    w = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([w], lr=lr0, momentum=0.9)
    sched = make_scheduler(opt)
    lrs = []
    for _ in range(EPOCHS):
        lrs.append(sched.get_last_lr()[0])
        opt.step()
        sched.step()
    return lrs


@pytest.mark.parametrize("step_size, gamma", [(20, 0.8), (1, 0.5), (7, 0.95), (50, 0.1)])
def test_step_lr(step_size, gamma):
    expected = _torch_lrs(lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=step_size, gamma=gamma))
    got = [ref.step_lr(0.1, gamma, step_size, e) for e in range(EPOCHS)]
    assert got == pytest.approx(expected, rel=1e-12, abs=0)


@pytest.mark.parametrize(
    "milestones, gamma",
    [([10, 20, 40, 60, 90, 120, 160], 0.8), ([50, 125, 160], 0.5), ([30, 30, 100], 0.1), ([160, 20], 0.9)],
)
def test_multistep_lr(milestones, gamma):
    expected = _torch_lrs(lambda o: torch.optim.lr_scheduler.MultiStepLR(o, milestones=milestones, gamma=gamma))
    got = [ref.multistep_lr(0.1, gamma, milestones, e) for e in range(EPOCHS)]
    assert got == pytest.approx(expected, rel=1e-12, abs=0)


@pytest.mark.parametrize("gamma", [0.8, 0.98, 0.5, 1.0])
def test_exponential_lr(gamma):
    expected = _torch_lrs(lambda o: torch.optim.lr_scheduler.ExponentialLR(o, gamma=gamma))
    got = [ref.exponential_lr(0.1, gamma, e) for e in range(EPOCHS)]
    assert got == pytest.approx(expected, rel=1e-12, abs=0)


@pytest.mark.parametrize(
    "call",
    [
        lambda: ref.step_lr(-0.1, 0.8, 20, 3),
        lambda: ref.step_lr(0.1, 0.0, 20, 3),
        lambda: ref.step_lr(0.1, 0.8, 0, 3),
        lambda: ref.step_lr(0.1, 0.8, 20, -1),
        lambda: ref.multistep_lr(0.1, -0.8, [10], 3),
        lambda: ref.multistep_lr(0.1, 0.8, [10, -5], 3),
        lambda: ref.exponential_lr(-1.0, 0.8, 3),
        lambda: ref.exponential_lr(0.1, 0.8, -2),
    ],
)
def test_bad_values_raise_value_error(call):
    with pytest.raises(ValueError):
        call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: ref.step_lr(0.1, 0.8, 2.5, 3),
        lambda: ref.step_lr("0.1", 0.8, 20, 3),
        lambda: ref.multistep_lr(0.1, 0.8, 10, 3),
        lambda: ref.multistep_lr(0.1, 0.8, [10.5], 3),
        lambda: ref.exponential_lr(0.1, 0.8, 1.0),
        lambda: ref.exponential_lr(0.1, None, 1),
    ],
)
def test_bad_types_raise_type_error(call):
    with pytest.raises(TypeError):
        call()
