"""From-scratch optimizers, the exponential moving average and learning-rate schedules.

These are the formulas of the ``optimizers`` and ``lr-schedules`` pages, written out
so that each line matches one equation. ``tests/test_optimizers.py`` and
``tests/test_lr_schedules.py`` check them against ``torch.optim`` and
``torch.optim.lr_scheduler``.

The optimizers follow PyTorch's conventions (and its defaults):

- :class:`SGD`: ``v = momentum * v + g`` (dampening 0), ``p -= lr * v``
- :class:`AdaGrad`: ``s += g**2``, ``p -= lr * g / (sqrt(s) + eps)``
- :class:`RMSProp`: ``s = alpha * s + (1 - alpha) * g**2``, ``p -= lr * g / (sqrt(s) + eps)``
- :class:`Adam`: first and second moments with bias correction

Two steps on the loss ½w², starting at w = 1 (the examples of the optimizers page):

>>> def two_steps(make):
...     w = torch.tensor([1.0], requires_grad=True)
...     opt, seen = make([w]), []
...     for _ in range(2):
...         opt.zero_grad()
...         (0.5 * w**2).sum().backward()
...         opt.step()
...         seen.append(round(w.item(), 4))
...     return seen
>>> [two_steps(lambda p: SGD(p, lr=0.01)), two_steps(lambda p: SGD(p, lr=0.01, momentum=0.9))]
[[0.99, 0.9801], [0.99, 0.9711]]
>>> [two_steps(lambda p: AdaGrad(p, lr=0.01)), two_steps(lambda p: RMSProp(p, lr=0.01, alpha=0.9))]
[[0.99, 0.983], [0.9684, 0.9458]]
>>> two_steps(lambda p: Adam(p, lr=0.01))
[0.99, 0.98]

Bad input is rejected:

>>> SGD([torch.zeros(1)], lr=-0.1)
Traceback (most recent call last):
...
ValueError: lr must be >= 0, got -0.1
>>> Adam([torch.zeros(1)], betas=(0.9, 1.0))
Traceback (most recent call last):
...
ValueError: betas[1] must be in [0, 1), got 1.0
>>> SGD(torch.zeros(3), lr=0.1)
Traceback (most recent call last):
...
TypeError: params must be an iterable of tensors (e.g. [w] or model.parameters()), got a Tensor
"""
from __future__ import annotations

from bisect import bisect_right

import torch

from . import validate

__all__ = [
    "ema",
    "SGD",
    "AdaGrad",
    "RMSProp",
    "Adam",
    "step_lr",
    "multistep_lr",
    "exponential_lr",
]


# --- exponential moving average --------------------------------------------------------


def ema(values, beta: float, bias_correction: bool = False) -> list[float]:
    r"""Exponential moving average :math:`S_t = \beta S_{t-1} + (1-\beta) Y_t`, from :math:`S_0 = 0`.

    With ``bias_correction=True`` each value is divided by :math:`1-\beta^t`, which
    removes the pull towards the zero start (Adam does this for both moments).

    Args:
        values: the series :math:`Y_1, Y_2, \dots` (numbers, or a 1-D tensor).
        beta: the decay rate in [0, 1); larger means a longer memory.
        bias_correction: divide by :math:`1-\beta^t`.

    Returns:
        ``[S_1, S_2, ...]`` as floats.

    >>> ema([10, 10, 10], beta=0.9)                        # starts far too low
    [1.0, 1.9, 2.71]
    >>> ema([10, 10, 10], beta=0.9, bias_correction=True)  # a constant series stays constant
    [10.0, 10.0, 10.0]
    >>> ema([1, 2, 3], beta=0.0)                           # beta = 0: no memory at all
    [1.0, 2.0, 3.0]
    >>> ema([1, 2], beta=1.0)
    Traceback (most recent call last):
    ...
    ValueError: beta must be in [0, 1), got 1.0
    >>> ema("abc", beta=0.5)
    Traceback (most recent call last):
    ...
    TypeError: values must be a sequence (e.g. a list or tuple), got str
    >>> ema([1, None], beta=0.5)
    Traceback (most recent call last):
    ...
    TypeError: values[1] must be a real number, got NoneType

    A NaN or infinite value is data, not a setting: it propagates, as it would in a tensor.
    """
    beta = validate.real("beta", beta, low=0, high=1, high_open=True)
    bias_correction = validate.flag("bias_correction", bias_correction)
    if isinstance(values, torch.Tensor):
        values = validate.tensor("values", values, ndim=1).tolist()
    values = validate.sequence("values", values)
    out: list[float] = []
    s = 0.0
    for t, y in enumerate(values, 1):
        y = validate.real(f"values[{t - 1}]", y, finite=False)
        s = beta * s + (1.0 - beta) * y
        out.append(s / (1.0 - beta**t) if bias_correction else s)
    return out


# --- optimizers ---------------------------------------------------------------------------


class _Optimizer:
    """The part every optimizer shares: the parameter list and ``zero_grad``."""

    def __init__(self, params, lr: float):
        if isinstance(params, torch.Tensor):
            raise TypeError(
                "params must be an iterable of tensors (e.g. [w] or model.parameters()), got a Tensor"
            )
        params = list(validate.sequence("params", params))
        if not params:
            raise ValueError("params is empty: nothing to optimize")
        seen: dict[int, int] = {}
        for i, p in enumerate(params):
            validate.tensor(f"params[{i}]", p, floating=True)
            if not p.is_leaf:  # as torch.optim: the result of a computation is not a parameter
                raise ValueError(f"params[{i}] is not a leaf tensor (it was computed from others): can't optimize it")
            if id(p) in seen:  # it would be updated twice per step
                raise ValueError(f"params[{i}] is the same tensor as params[{seen[id(p)]}]: list each parameter once")
            seen[id(p)] = i
        self.params: list[torch.Tensor] = params
        self.lr = validate.real("lr", lr, low=0)
        self.t = 0  # number of steps taken
        self.state: list[dict] = [{} for _ in params]

    def zero_grad(self) -> None:
        """Forget the gradients of the last backward pass (PyTorch sets them to None)."""
        for p in self.params:
            p.grad = None

    @torch.no_grad()
    def step(self) -> None:
        """Update every parameter that has a gradient."""
        self.t += 1
        for p, state in zip(self.params, self.state):
            if p.grad is not None:
                self._update(p, p.grad, state)

    def _update(self, p: torch.Tensor, g: torch.Tensor, state: dict) -> None:  # pragma: no cover
        raise NotImplementedError


class SGD(_Optimizer):
    r"""Stochastic gradient descent with optional (heavy-ball) momentum, as ``torch.optim.SGD``.

    .. math:: v_t = \mu v_{t-1} + g_t,\qquad \theta_t = \theta_{t-1} - \eta v_t

    With ``momentum=0`` this is plain :math:`\theta \leftarrow \theta - \eta g`.

    >>> w = torch.tensor([1.0, -2.0], requires_grad=True)
    >>> opt = SGD([w], lr=0.5)
    >>> (w**2).sum().backward()      # gradient 2w = [2, -4]
    >>> opt.step(); w.detach()
    tensor([0., 0.])
    >>> SGD([w], lr=0.1, momentum=1.0)
    Traceback (most recent call last):
    ...
    ValueError: momentum must be in [0, 1), got 1.0
    """

    def __init__(self, params, lr: float, momentum: float = 0.0):
        super().__init__(params, lr)
        self.momentum = validate.real("momentum", momentum, low=0, high=1, high_open=True)

    def _update(self, p, g, state):
        if self.momentum:
            v = state.get("v")
            v = g.clone() if v is None else v.mul_(self.momentum).add_(g)  # v_1 = g_1 (v_0 = 0)
            state["v"] = v
            g = v
        p.sub_(self.lr * g)


class AdaGrad(_Optimizer):
    r"""AdaGrad, as ``torch.optim.Adagrad``: a per-parameter step that shrinks with every gradient seen.

    .. math:: s_t = s_{t-1} + g_t^2,\qquad \theta_t = \theta_{t-1} - \frac{\eta}{\sqrt{s_t}+\epsilon}\, g_t

    >>> w = torch.tensor([1.0], requires_grad=True)
    >>> opt = AdaGrad([w], lr=0.01)
    >>> opt.eps                      # PyTorch's default, outside the square root
    1e-10
    >>> AdaGrad([w], lr=0.01, eps=0)   # a zero gradient would give 0 / 0
    Traceback (most recent call last):
    ...
    ValueError: eps must be > 0, got 0.0
    """

    def __init__(self, params, lr: float = 0.01, eps: float = 1e-10):
        super().__init__(params, lr)
        self.eps = validate.real("eps", eps, low=0, low_open=True)

    def _update(self, p, g, state):
        s = state.setdefault("s", torch.zeros_like(p))
        s.add_(g * g)  # the sum never shrinks: the effective step only ever gets smaller
        p.sub_(self.lr * g / (s.sqrt() + self.eps))


class RMSProp(_Optimizer):
    r"""RMSProp, as ``torch.optim.RMSprop``: AdaGrad with a forgetting (EMA) accumulator.

    .. math:: s_t = \alpha s_{t-1} + (1-\alpha) g_t^2,\qquad \theta_t = \theta_{t-1} - \frac{\eta}{\sqrt{s_t}+\epsilon}\, g_t

    PyTorch calls the decay rate ``alpha`` (default 0.99).

    >>> w = torch.tensor([1.0], requires_grad=True)
    >>> RMSProp([w]).alpha
    0.99
    >>> RMSProp([w], alpha=1.5)
    Traceback (most recent call last):
    ...
    ValueError: alpha must be in [0, 1), got 1.5
    """

    def __init__(self, params, lr: float = 0.01, alpha: float = 0.99, eps: float = 1e-8):
        super().__init__(params, lr)
        self.alpha = validate.real("alpha", alpha, low=0, high=1, high_open=True)
        self.eps = validate.real("eps", eps, low=0, low_open=True)

    def _update(self, p, g, state):
        s = state.setdefault("s", torch.zeros_like(p))
        s.mul_(self.alpha).add_((1 - self.alpha) * g * g)
        p.sub_(self.lr * g / (s.sqrt() + self.eps))


class Adam(_Optimizer):
    r"""Adam, as ``torch.optim.Adam``: momentum on the gradient, RMSProp on its square, both bias-corrected.

    .. math::

        m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\qquad
        v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2

        \hat m_t = \frac{m_t}{1-\beta_1^t},\qquad \hat v_t = \frac{v_t}{1-\beta_2^t},\qquad
        \theta_t = \theta_{t-1} - \eta\,\frac{\hat m_t}{\sqrt{\hat v_t}+\epsilon}

    Thanks to the bias correction the first step moves every parameter by about ``lr``:

    >>> w = torch.tensor([1.0, -50.0], requires_grad=True)
    >>> opt = Adam([w], lr=0.01)
    >>> (0.5 * w**2).sum().backward()
    >>> opt.step(); w.detach()
    tensor([  0.9900, -49.9900])
    """

    def __init__(self, params, lr: float = 0.001, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8):
        super().__init__(params, lr)
        beta1, beta2 = validate.sequence("betas", betas, length=2)
        self.beta1 = validate.real("betas[0]", beta1, low=0, high=1, high_open=True)
        self.beta2 = validate.real("betas[1]", beta2, low=0, high=1, high_open=True)
        self.eps = validate.real("eps", eps, low=0, low_open=True)

    def _update(self, p, g, state):
        m = state.setdefault("m", torch.zeros_like(p))
        v = state.setdefault("v", torch.zeros_like(p))
        m.mul_(self.beta1).add_((1 - self.beta1) * g)  # first moment: EMA of g
        v.mul_(self.beta2).add_((1 - self.beta2) * g * g)  # second (raw) moment: EMA of g²
        m_hat = m / (1 - self.beta1**self.t)  # bias correction
        v_hat = v / (1 - self.beta2**self.t)
        p.sub_(self.lr * m_hat / (v_hat.sqrt() + self.eps))


# --- learning-rate schedules (closed forms) -------------------------------------------


def step_lr(lr0: float, gamma: float, step_size: int, epoch: int) -> float:
    r"""StepLR: multiply by ``gamma`` every ``step_size`` epochs, :math:`\eta_e = \eta_0\,\gamma^{\lfloor e/s\rfloor}`.

    >>> [round(step_lr(0.1, 0.8, 20, e), 6) for e in (0, 19, 20, 39, 40, 199)]
    [0.1, 0.1, 0.08, 0.08, 0.064, 0.013422]
    >>> step_lr(0.1, 0.8, 0, 5)
    Traceback (most recent call last):
    ...
    ValueError: step_size must be >= 1, got 0
    """
    lr0, gamma, epoch = _schedule(lr0, gamma, epoch)
    step_size = validate.integer("step_size", step_size, minimum=1)
    return lr0 * gamma ** (epoch // step_size)


def multistep_lr(lr0: float, gamma: float, milestones, epoch: int) -> float:
    r"""MultiStepLR: multiply by ``gamma`` at each milestone, :math:`\eta_e = \eta_0\,\gamma^{\#\{m \le e\}}`.

    >>> ms = [10, 20, 40, 60, 90, 120, 160]
    >>> [round(multistep_lr(0.1, 0.8, ms, e), 7) for e in (9, 10, 20, 199)]
    [0.1, 0.08, 0.064, 0.0209715]
    >>> multistep_lr(0.1, 0.8, [10, -1], 5)
    Traceback (most recent call last):
    ...
    ValueError: milestones[1] must be >= 0, got -1
    """
    lr0, gamma, epoch = _schedule(lr0, gamma, epoch)
    marks = sorted(validate.integers("milestones", milestones, minimum=0))
    return lr0 * gamma ** bisect_right(marks, epoch)  # milestones already passed (repeats count twice)


def exponential_lr(lr0: float, gamma: float, epoch: int) -> float:
    r"""ExponentialLR: multiply by ``gamma`` every epoch, :math:`\eta_e = \eta_0\,\gamma^{e}`.

    >>> [round(exponential_lr(0.1, 0.8, e), 4) for e in range(4)]
    [0.1, 0.08, 0.064, 0.0512]
    >>> f"{exponential_lr(0.1, 0.8, 199):.3g}"
    '5.19e-21'
    >>> exponential_lr(0.1, 0.8, 2.5)
    Traceback (most recent call last):
    ...
    TypeError: epoch must be an int, got float
    """
    lr0, gamma, epoch = _schedule(lr0, gamma, epoch)
    return lr0 * gamma**epoch


def _schedule(lr0, gamma, epoch) -> tuple[float, float, int]:
    """The arguments every schedule shares: a finite ``lr0 >= 0``, a finite ``gamma > 0``, an ``epoch >= 0``."""
    return (validate.real("lr0", lr0, low=0), validate.real("gamma", gamma, low=0, low_open=True),
            validate.integer("epoch", epoch, minimum=0))
