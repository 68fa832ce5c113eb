r"""A simple (Elman) RNN from scratch, as the RNN and BPTT pages explain it.

One time step uses the same weights at every position of the sequence:

.. math::

    h_t = \tanh(W_{ih} x_t + b_{ih} + W_{hh} h_{t-1} + b_{hh})

with PyTorch's names: ``W_ih`` is ``weight_ih_l0`` (shape ``(H, H_in)``), ``W_hh`` is
``weight_hh_l0`` (``(H, H)``), and the two biases ``bias_ih_l0`` and ``bias_hh_l0``
(``(H,)`` each; only their sum matters). :func:`rnn_forward` runs that loop and returns
every hidden state; :func:`rnn_param_count` counts the parameters of ``nn.RNN``, which do
not depend on the sequence length; :func:`bptt_jacobian_norms` measures how the gradient
that flows back through time grows or shrinks, using the step Jacobian

.. math::

    \frac{\partial h_t}{\partial h_{t-1}} = \operatorname{diag}\big(f'(\cdot)\big)\, W_{hh},
    \qquad f = \tanh:\ f' = 1 - h_t^2 .

>>> w_ih = torch.tensor([[1.0], [0.0]])           # H = 2 hidden units, H_in = 1 input feature
>>> w_hh = torch.tensor([[0.0, 0.5], [1.0, 0.0]])
>>> x = torch.tensor([[1.0], [0.0], [0.0]])       # (L, H_in): a sequence of 3 steps, unbatched
>>> hs = rnn_forward(x, None, w_ih, w_hh, nonlinearity="linear")
>>> hs                                            # h_1, h_2, h_3 (h_0 = 0)
tensor([[1.0000, 0.0000],
        [0.0000, 1.0000],
        [0.5000, 0.0000]])
>>> rnn_forward(x, None, w_ih, w_hh)              # tanh squashes every state into (-1, 1)
tensor([[0.7616, 0.0000],
        [0.0000, 0.6420],
        [0.3104, 0.0000]])
>>> rnn_param_count(100, 64)                      # 64*100 + 64*64 + 64 + 64, for any sequence length
10624
>>> bptt_jacobian_norms(0.5 * torch.eye(2), hs, nonlinearity="linear")   # ||W_hh^t|| = 0.5^t
tensor([0.5000, 0.2500, 0.1250])
>>> rnn_forward(torch.zeros(3, 5), None, w_ih, w_hh)
Traceback (most recent call last):
...
ValueError: x has 5 input features (x.shape = (3, 5)) but w_ih has shape (2, 1): expected x.shape[-1] == 1
"""
from __future__ import annotations

import torch

from . import validate

__all__ = ["rnn_forward", "rnn_param_count", "bptt_jacobian_norms"]

_NONLINEARITIES = ("tanh", "relu", "linear")


def _shape(t) -> tuple:
    return tuple(t.shape)


def rnn_forward(x, h0, w_ih, w_hh, b_ih=None, b_hh=None, nonlinearity="tanh"):
    r"""Run a one-layer RNN over a sequence and return **all** hidden states.

    ``h_t = f(x_t @ w_ih.T + b_ih + h_{t-1} @ w_hh.T + b_hh)`` for ``t = 1 … L``, the
    computation of ``nn.RNN`` (time-major, ``batch_first=False``).

    Args:
        x: the inputs, ``(L, N, H_in)`` or unbatched ``(L, H_in)``.
        h0: the initial hidden state, ``(N, H)`` (``(H,)`` when unbatched), or ``None`` for zeros.
        w_ih: input-to-hidden weights ``(H, H_in)`` (``nn.RNN``'s ``weight_ih_l0``).
        w_hh: hidden-to-hidden weights ``(H, H)`` (``weight_hh_l0``).
        b_ih: the input-side bias ``(H,)`` (``bias_ih_l0``), or ``None``.
        b_hh: the hidden-side bias ``(H,)`` (``bias_hh_l0``), or ``None``.
        nonlinearity: ``"tanh"`` (the default of ``nn.RNN``), ``"relu"``, or ``"linear"``
            (no activation: a linear recurrence, for comparison).

    Returns:
        The hidden states ``h_1 … h_L``, shape ``(L, N, H)`` (``(L, H)`` when unbatched).
        This equals ``nn.RNN``'s ``output``; its last row is ``h_n``.

    Raises:
        TypeError: an argument is not a floating-point tensor, the tensors do not share
            one dtype (as ``nn.RNN`` refuses a float64 input to float32 weights), or
            ``nonlinearity`` is not a string.
        ValueError: the shapes do not fit together (the message names them), the sequence
            is empty (``L = 0``; an empty batch ``N = 0`` is fine, as in PyTorch), or an
            unknown ``nonlinearity``.
    """
    tensors = {"x": x, "h0": h0, "w_ih": w_ih, "w_hh": w_hh, "b_ih": b_ih, "b_hh": b_hh}
    for name, t in tensors.items():
        if t is not None or name in ("x", "w_ih", "w_hh"):
            validate.tensor(name, t, floating=True)
    validate.same_dtype(**tensors)
    validate.one_of("nonlinearity", nonlinearity, _NONLINEARITIES)
    if w_ih.dim() != 2:
        raise ValueError(f"w_ih must be 2-D (H, H_in), got shape {_shape(w_ih)}")
    hidden, in_features = w_ih.shape
    if _shape(w_hh) != (hidden, hidden):
        raise ValueError(f"w_hh has shape {_shape(w_hh)} but w_ih has shape {_shape(w_ih)}: "
                         f"expected w_hh of shape {(hidden, hidden)}")
    if x.dim() not in (2, 3):
        raise ValueError(f"x must be (L, N, H_in) or unbatched (L, H_in), got shape {_shape(x)}")
    if x.shape[0] == 0:
        raise ValueError(f"x must hold at least one time step (L >= 1), got shape {_shape(x)}")
    if x.shape[-1] != in_features:
        raise ValueError(f"x has {x.shape[-1]} input features (x.shape = {_shape(x)}) but w_ih has shape "
                         f"{_shape(w_ih)}: expected x.shape[-1] == {in_features}")
    for name, b in (("b_ih", b_ih), ("b_hh", b_hh)):
        if b is not None and _shape(b) != (hidden,):
            raise ValueError(f"{name} has shape {_shape(b)} but the hidden size is {hidden}: expected ({hidden},)")
    state_shape = (hidden,) if x.dim() == 2 else (x.shape[1], hidden)
    if h0 is None:
        h = x.new_zeros(state_shape)
    elif _shape(h0) != state_shape:
        raise ValueError(f"h0 has shape {_shape(h0)} but x has shape {_shape(x)} and w_ih {_shape(w_ih)}: "
                         f"expected h0 of shape {state_shape}")
    else:
        h = h0
    bias = 0
    if b_ih is not None:
        bias = bias + b_ih
    if b_hh is not None:
        bias = bias + b_hh
    act = {"tanh": torch.tanh, "relu": torch.relu, "linear": lambda z: z}[nonlinearity]
    states = []
    for x_t in x:  # the same weights at every time step
        h = act(x_t @ w_ih.T + h @ w_hh.T + bias)
        states.append(h)
    return torch.stack(states)


def rnn_param_count(input_size, hidden_size, num_layers=1, bias=True, bidirectional=False):
    """The number of parameters of ``nn.RNN(input_size, hidden_size, num_layers, bias=bias, bidirectional=...)``.

    Per layer and direction: ``H * in + H * H`` weights, plus ``2 * H`` biases
    (``bias_ih`` and ``bias_hh``) when ``bias``; layer 1 reads ``input_size`` features,
    each later layer the ``H`` (or ``2 H`` when bidirectional) outputs of the layer below.
    The sequence length does not appear: the same weights serve every time step.

    >>> rnn_param_count(100, 64)
    10624
    >>> rnn_param_count(100, 64, num_layers=2, bias=False)
    18688

    Raises:
        TypeError: a size is not an int, or ``bias``/``bidirectional`` is not a bool.
        ValueError: a size is smaller than 1.
    """
    input_size = validate.integer("input_size", input_size, minimum=1)
    hidden_size = validate.integer("hidden_size", hidden_size, minimum=1)
    num_layers = validate.integer("num_layers", num_layers, minimum=1)
    bias = validate.flag("bias", bias)
    bidirectional = validate.flag("bidirectional", bidirectional)
    directions = 2 if bidirectional else 1
    total = 0
    for layer in range(num_layers):
        in_features = input_size if layer == 0 else hidden_size * directions
        per_direction = hidden_size * in_features + hidden_size * hidden_size + (2 * hidden_size if bias else 0)
        total += directions * per_direction
    return total


def bptt_jacobian_norms(w_hh, hs, nonlinearity="tanh"):
    r"""Spectral norms of :math:`\partial h_t / \partial h_0` for ``t = 1 … T``.

    The chain rule gives :math:`\partial h_t/\partial h_0 = \prod_{i=t}^{1} \operatorname{diag}(f'_i)\,W_{hh}`,
    with the activation's derivative written through the state it produced:
    ``1 - h_i**2`` for tanh, ``(h_i > 0)`` for ReLU and ``1`` for a linear recurrence.
    The norm of that product is how much a gradient arriving at ``h_t`` can be
    amplified (or shrunk) on its way back to ``h_0``.

    Args:
        w_hh: the recurrent weights ``(H, H)``.
        hs: the hidden states ``h_1 … h_T`` of one sequence, ``(T, H)``
            (e.g. from :func:`rnn_forward` on an unbatched input).
        nonlinearity: the RNN's ``"tanh"``, ``"relu"`` or ``"linear"``.

    Returns:
        A tensor of ``T`` norms (largest singular values), in the dtype of ``w_hh``
        (empty when ``T = 0``).

    >>> bptt_jacobian_norms(2 * torch.eye(3), torch.zeros(4, 3), nonlinearity="linear")
    tensor([ 2.,  4.,  8., 16.])
    >>> h = torch.full((2, 3), 0.5)                   # tanh' = 1 - 0.25 = 0.75 at every step
    >>> bptt_jacobian_norms(2 * torch.eye(3), h)      # (0.75 * 2)^t
    tensor([1.5000, 2.2500])

    Raises:
        TypeError: an argument is not a floating-point tensor.
        ValueError: the shapes do not fit together, or an unknown ``nonlinearity``.
    """
    validate.tensor("w_hh", w_hh, floating=True)
    validate.tensor("hs", hs, floating=True)
    validate.one_of("nonlinearity", nonlinearity, _NONLINEARITIES)
    if w_hh.dim() != 2 or w_hh.shape[0] != w_hh.shape[1]:
        raise ValueError(f"w_hh must be square (H, H), got shape {_shape(w_hh)}")
    hidden = w_hh.shape[0]
    if hs.dim() != 2 or hs.shape[1] != hidden:
        raise ValueError(f"hs has shape {_shape(hs)} but w_hh has shape {_shape(w_hh)}: "
                         f"expected hs of shape (T, {hidden})")
    if nonlinearity == "tanh":
        derivs = 1 - hs**2
    elif nonlinearity == "relu":
        derivs = (hs > 0).to(w_hh.dtype)
    else:
        derivs = torch.ones_like(hs)
    jac = torch.eye(hidden, dtype=w_hh.dtype, device=w_hh.device)
    norms = []
    for d in derivs:  # ∂h_t/∂h_0 = diag(f'_t) W_hh · ∂h_{t-1}/∂h_0
        jac = d.to(w_hh.dtype)[:, None] * (w_hh @ jac)
        norms.append(torch.linalg.matrix_norm(jac, ord=2))
    return torch.stack(norms) if norms else w_hh.new_empty(0)
