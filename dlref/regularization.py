r"""Penalties, decoupled weight decay, the L1 proximal step and early stopping, from scratch.

These are the pieces the regularization page explains; ``tests/test_regularization.py``
checks them against PyTorch (``torch.optim.SGD``'s and ``torch.optim.Adam``'s
``weight_decay``, ``torch.optim.AdamW``, ``torch.nn.functional.softshrink``).

- :func:`l2_penalty`: :math:`\frac{\lambda}{2}\sum_i w_i^2`, whose gradient :math:`\lambda w` is exactly
  what ``weight_decay=λ`` adds to the gradient in ``torch.optim.SGD`` and ``torch.optim.Adam``.
- :func:`l1_penalty`: :math:`\lambda\sum_i |w_i|` (the lasso penalty).
- :func:`soft_threshold`: the proximal step of the L1 penalty, which sets small weights exactly to 0.
- :func:`decoupled_weight_decay_`: AdamW's decay :math:`w \leftarrow (1-\eta\lambda)\,w`, applied
  before an optimizer step that knows nothing of the decay.
- :class:`EarlyStopping`: stop when the validation loss has not improved for ``patience`` epochs,
  and give back the best weights seen.

>>> w = torch.tensor([3.0, -4.0])
>>> l2_penalty([w], 0.1)             # 0.1 / 2 * (9 + 16)
tensor(1.2500)
>>> l1_penalty([w], 0.1)             # 0.1 * (3 + 4)
tensor(0.7000)
>>> soft_threshold(torch.tensor([-2.0, -0.5, 0.3, 1.5]), 1.0)
tensor([-1.0000,  0.0000,  0.0000,  0.5000])
>>> decoupled_weight_decay_([w], lr=0.1, weight_decay=0.5); w     # w * (1 - 0.1 * 0.5)
tensor([ 2.8500, -3.8000])
>>> l2_penalty([w], -1.0)
Traceback (most recent call last):
...
ValueError: lam must be >= 0, got -1.0
"""
from __future__ import annotations

import torch

from . import validate

__all__ = ["l2_penalty", "l1_penalty", "soft_threshold", "decoupled_weight_decay_", "EarlyStopping"]


def _params(params) -> list[torch.Tensor]:
    """``params`` as a non-empty list of floating-point tensors (a single tensor is refused)."""
    if isinstance(params, torch.Tensor):
        raise TypeError("params must be an iterable of tensors (e.g. [w] or model.parameters()), got a Tensor")
    params = list(validate.sequence("params", params))
    if not params:
        raise ValueError("params is empty")
    for i, p in enumerate(params):
        validate.tensor(f"params[{i}]", p, floating=True)
    return params


def l2_penalty(params, lam) -> torch.Tensor:
    r"""The L2 penalty :math:`\frac{\lambda}{2}\sum_i w_i^2` over every element of ``params``.

    Its gradient with respect to each weight is :math:`\lambda w`, so adding it to the loss
    and stepping with ``torch.optim.SGD(..., weight_decay=0)`` gives exactly the same update as
    ``torch.optim.SGD(..., weight_decay=lam)`` on the loss alone.

    >>> w = torch.tensor([1.0, -2.0], requires_grad=True)
    >>> l2_penalty([w], 0.5).backward()
    >>> w.grad                       # lam * w
    tensor([ 0.5000, -1.0000])

    Args:
        params: an iterable of floating-point tensors, e.g. ``model.parameters()`` or ``[w]``.
        lam: the strength λ ≥ 0 (the ``weight_decay`` of PyTorch's optimizers).

    Returns:
        A scalar tensor, differentiable with respect to ``params``.

    Raises:
        TypeError: ``params`` is not an iterable of floating-point tensors, or ``lam`` is not a number.
        ValueError: ``params`` is empty or ``lam`` is negative or not finite.
    """
    params = _params(params)
    lam = validate.real("lam", lam, low=0)
    return 0.5 * lam * sum((p * p).sum() for p in params)


def l1_penalty(params, lam) -> torch.Tensor:
    r"""The L1 (lasso) penalty :math:`\lambda\sum_i |w_i|` over every element of ``params``.

    Autograd differentiates :math:`|w|` as :math:`\operatorname{sign}(w)` (0 at exactly 0), a
    subgradient: gradient descent on it makes small weights oscillate around 0 rather than
    land on it. :func:`soft_threshold` is the step that reaches exact zeros.

    >>> w = torch.tensor([0.5, -2.0, 0.0], requires_grad=True)
    >>> l1_penalty([w], 0.1).backward()
    >>> w.grad                       # lam * sign(w)
    tensor([ 0.1000, -0.1000,  0.0000])

    Arguments, result and errors are those of :func:`l2_penalty`.
    """
    params = _params(params)
    lam = validate.real("lam", lam, low=0)
    return lam * sum(p.abs().sum() for p in params)


def soft_threshold(w: torch.Tensor, threshold) -> torch.Tensor:
    r"""Soft thresholding :math:`\operatorname{sign}(w)\max(|w|-t,\,0)`: the proximal step of :math:`t\,\|w\|_1`.

    It is the exact minimizer of :math:`\frac12(x-w)^2 + t|x|` for each element: weights with
    :math:`|w|\le t` become exactly 0, the others move towards 0 by :math:`t`. One proximal
    gradient step for a loss plus :math:`\lambda\|w\|_1` is a plain gradient step on the loss
    followed by ``soft_threshold(w, lr * lam)`` (ISTA). The same function as
    ``torch.nn.functional.softshrink(w, t)``.

    >>> soft_threshold(torch.tensor([0.2, -0.2, 0.7]), 0.25)
    tensor([0.0000, 0.0000, 0.4500])

    Args:
        w: a floating-point tensor.
        threshold: the threshold t ≥ 0.

    Returns:
        A new tensor of the shape of ``w``.

    Raises:
        TypeError: ``w`` is not a floating-point tensor, or ``threshold`` is not a number.
        ValueError: ``threshold`` is negative or not finite.
    """
    validate.tensor("w", w, floating=True)
    t = validate.real("threshold", threshold, low=0)
    return w - w.clamp(-t, t)  # w - t above t, w + t below -t, and exactly 0 (never -0.0) in between


@torch.no_grad()
def decoupled_weight_decay_(params, lr, weight_decay) -> None:
    r"""Decoupled weight decay, in place: :math:`w \leftarrow (1-\eta\lambda)\,w` for every tensor.

    This is the first half of an AdamW step (Loshchilov and Hutter): the weights shrink by the
    same factor whatever their gradients, and the optimizer's own update (Adam without
    ``weight_decay``) follows. ``torch.optim.AdamW`` computes exactly this, so

    ``decoupled_weight_decay_(params, lr, wd)`` then ``Adam(params, lr, weight_decay=0).step()``

    equals ``AdamW(params, lr, weight_decay=wd).step()``. Like PyTorch's optimizers, this
    decays every tensor it is given; leave out biases and normalization parameters by not
    passing them.

    >>> w = torch.tensor([1.0, -10.0])
    >>> decoupled_weight_decay_([w], lr=0.01, weight_decay=0.1); w
    tensor([ 0.9990, -9.9900])

    Args:
        params: an iterable of floating-point tensors (modified in place).
        lr: the learning rate η ≥ 0.
        weight_decay: the decay λ ≥ 0.

    Raises:
        TypeError: ``params`` is not an iterable of floating-point tensors, or a number is not a number.
        ValueError: ``params`` is empty, ``lr`` or ``weight_decay`` is negative, or ``lr * weight_decay > 1``.
    """
    params = _params(params)
    lr = validate.real("lr", lr, low=0)
    weight_decay = validate.real("weight_decay", weight_decay, low=0)
    if lr * weight_decay > 1:
        raise ValueError(f"lr * weight_decay must be <= 1 (the factor 1 - lr * weight_decay would flip the "
                         f"weights' sign), got {lr * weight_decay}")
    for p in params:
        p.mul_(1 - lr * weight_decay)


class EarlyStopping:
    r"""Stop training when the monitored value has not improved for ``patience`` epochs; keep the best weights.

    Call :meth:`step` once per epoch with the validation loss (or, with ``mode="max"``, a score
    such as the accuracy) and the model. A value counts as an improvement when it beats the best
    so far by more than ``min_delta``; the model's ``state_dict`` is then copied. :meth:`step`
    returns ``True`` once ``patience`` epochs in a row have brought no improvement; :meth:`restore`
    loads the best weights back.

    >>> stopper = EarlyStopping(patience=2)
    >>> [stopper.step(v) for v in (0.9, 0.7, 0.75, 0.72, 0.8)]
    [False, False, False, True, True]
    >>> stopper.best, stopper.best_epoch, stopper.stopped_epoch
    (0.7, 2, 4)

    Args:
        patience: how many epochs without improvement to allow (an int ≥ 1).
        min_delta: the smallest change that counts as an improvement (≥ 0).
        mode: ``"min"`` for a loss, ``"max"`` for a score.

    Raises:
        TypeError: ``patience`` is not an int or ``min_delta`` not a number.
        ValueError: ``patience < 1``, ``min_delta < 0`` or ``mode`` is neither ``"min"`` nor ``"max"``.
    """

    def __init__(self, patience: int = 10, min_delta: float = 0.0, mode: str = "min"):
        self.patience = validate.integer("patience", patience, minimum=1)
        self.min_delta = validate.real("min_delta", min_delta, low=0)
        self.mode = validate.one_of("mode", mode, ("min", "max"))
        self.best: float | None = None  # the best value so far
        self.best_epoch: int | None = None  # the epoch (1, 2, ...) that gave it
        self.best_state: dict[str, torch.Tensor] | None = None  # a copy of the model's weights then
        self.epoch = 0  # calls of step() so far
        self.bad_epochs = 0  # epochs since the last improvement
        self.stopped_epoch: int | None = None  # the epoch at which step() first returned True

    def _improved(self, value: float) -> bool:
        if self.best is None:
            return True
        if self.mode == "min":
            return value < self.best - self.min_delta
        return value > self.best + self.min_delta

    def step(self, value, model: torch.nn.Module | None = None) -> bool:
        """Record one epoch's ``value``; ``True`` when training should stop.

        Args:
            value: the monitored number for this epoch (a float or a one-element tensor).
            model: the model whose weights to keep when ``value`` is the best so far (optional).

        Raises:
            TypeError: ``value`` is not a number, or ``model`` is not an ``nn.Module``.
            ValueError: ``value`` is NaN or infinite.
        """
        if isinstance(value, torch.Tensor):
            if value.numel() != 1:
                raise ValueError(f"value must be a single number, got a tensor of shape {tuple(value.shape)}")
            value = value.item()
        value = validate.real("value", value)
        if model is not None:
            validate.instance("model", model, torch.nn.Module, "a torch.nn.Module")
        self.epoch += 1
        if self._improved(value):
            self.best, self.best_epoch, self.bad_epochs = value, self.epoch, 0
            if model is not None:
                self.best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
        else:
            self.bad_epochs += 1
        stop = self.bad_epochs >= self.patience
        if stop and self.stopped_epoch is None:
            self.stopped_epoch = self.epoch
        return stop

    def restore(self, model: torch.nn.Module) -> None:
        """Load the best weights seen by :meth:`step` into ``model``.

        Raises:
            TypeError: ``model`` is not an ``nn.Module``.
            RuntimeError: no weights were kept (``step`` was never given a model).
        """
        validate.instance("model", model, torch.nn.Module, "a torch.nn.Module")
        if self.best_state is None:
            raise RuntimeError("no weights to restore: pass the model to step() so that the best weights are kept")
        model.load_state_dict(self.best_state)
