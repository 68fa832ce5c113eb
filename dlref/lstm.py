r"""LSTM and GRU cells from scratch, in PyTorch's gate order and weight layout.

One LSTM step (``nn.LSTMCell``) maps the input :math:`x_t` and the state
:math:`(h_{t-1}, c_{t-1})` to :math:`(h_t, c_t)`:

.. math::

    i_t = \sigma(W_{ii} x_t + b_{ii} + W_{hi} h_{t-1} + b_{hi}) \qquad
    f_t = \sigma(W_{if} x_t + b_{if} + W_{hf} h_{t-1} + b_{hf})

    g_t = \tanh(W_{ig} x_t + b_{ig} + W_{hg} h_{t-1} + b_{hg}) \qquad
    o_t = \sigma(W_{io} x_t + b_{io} + W_{ho} h_{t-1} + b_{ho})

    c_t = f_t \odot c_{t-1} + i_t \odot g_t \qquad h_t = o_t \odot \tanh(c_t)

One GRU step (``nn.GRUCell``); the reset gate multiplies :math:`W_{hn} h_{t-1} + b_{hn}`,
after the matrix product:

.. math::

    r_t = \sigma(W_{ir} x_t + b_{ir} + W_{hr} h_{t-1} + b_{hr}) \qquad
    z_t = \sigma(W_{iz} x_t + b_{iz} + W_{hz} h_{t-1} + b_{hz})

    n_t = \tanh\big(W_{in} x_t + b_{in} + r_t \odot (W_{hn} h_{t-1} + b_{hn})\big) \qquad
    h_t = (1 - z_t) \odot n_t + z_t \odot h_{t-1}

The weights are stacked by gate, as in PyTorch: ``w_ih`` is ``(4H, H_in)`` for the LSTM
(rows ``i, f, g, o``) and ``(3H, H_in)`` for the GRU (rows ``r, z, n``); ``w_hh`` is
``(4H, H)`` or ``(3H, H)``; the biases are ``(4H,)`` or ``(3H,)``. So the cells take the
``weight_ih``, ``weight_hh``, ``bias_ih`` and ``bias_hh`` of ``nn.LSTMCell`` / ``nn.GRUCell``
(or ``weight_ih_l0`` … of ``nn.LSTM`` / ``nn.GRU``) as they are.

>>> H = 2                                          # hidden size 2, input size 1
>>> w_ih, w_hh = torch.zeros(4 * H, 1), torch.zeros(4 * H, H)
>>> b = torch.zeros(4 * H)
>>> b[2 * H:3 * H] = 10.0                          # the g rows: candidate g = tanh(10) = 1.0000
>>> h, c = lstm_cell(torch.zeros(1), None, w_ih, w_hh, b)
>>> c                                              # c = f*0 + i*g = 0.5 * 1 (every gate sigmoid(0) = 0.5)
tensor([0.5000, 0.5000])
>>> h                                              # h = o * tanh(c) = 0.5 * tanh(0.5)
tensor([0.2311, 0.2311])
>>> (h2, c2), gates = lstm_cell(torch.zeros(1), (h, c), w_ih, w_hh, b, return_gates=True)
>>> c2                                             # 0.5 * 0.5 + 0.5 * 1: the old cell decays by f = 0.5
tensor([0.7500, 0.7500])
>>> sorted(gates)
['f', 'g', 'i', 'o']
>>> gru_cell(torch.zeros(1), torch.ones(2), torch.zeros(6, 1), torch.zeros(6, 2))  # 0.5 * tanh(0) + 0.5 * 1
tensor([0.5000, 0.5000])
>>> param_count("lstm", 10, 20)                    # 4 * (20*10 + 20*20 + 2*20)
2560
>>> lstm_cell(torch.zeros(3), None, w_ih, w_hh)
Traceback (most recent call last):
...
ValueError: x has 3 input features (x.shape = (3,)) but w_ih has shape (8, 1): expected x.shape[-1] == 1
"""
from __future__ import annotations

import torch

from dlref.validate import integer, one_of, same_dtype, tensor

__all__ = ["lstm_cell", "gru_cell", "param_count"]

_GATES = {"lstm": ("i", "f", "g", "o"), "gru": ("r", "z", "n")}


def _shape(t) -> tuple:
    return tuple(t.shape)


def _check_weights(cell: str, w_ih, w_hh, b_ih, b_hh) -> tuple[int, int]:
    """The hidden and input sizes that the stacked weights of ``cell`` imply, or an error."""
    k = len(_GATES[cell])
    tensor("w_ih", w_ih, floating=True, ndim=2)
    tensor("w_hh", w_hh, floating=True, ndim=2)
    rows, in_features = w_ih.shape
    if rows == 0 or rows % k:
        raise ValueError(f"w_ih must have {k} * hidden_size rows (the gates {', '.join(_GATES[cell])} "
                         f"stacked), got shape {_shape(w_ih)}")
    hidden = rows // k
    if _shape(w_hh) != (k * hidden, hidden):
        raise ValueError(f"w_hh has shape {_shape(w_hh)} but w_ih has shape {_shape(w_ih)}: "
                         f"expected w_hh of shape {(k * hidden, hidden)}")
    for name, b in (("b_ih", b_ih), ("b_hh", b_hh)):
        if b is not None:
            tensor(name, b, floating=True)
            if _shape(b) != (k * hidden,):
                raise ValueError(f"{name} has shape {_shape(b)} but the hidden size is {hidden}: "
                                 f"expected ({k * hidden},)")
    return hidden, in_features


def _check_input(x, in_features: int, w_ih) -> None:
    tensor("x", x, floating=True, ndim=(1, 2))
    if x.shape[-1] != in_features:
        raise ValueError(f"x has {x.shape[-1]} input features (x.shape = {_shape(x)}) but w_ih has shape "
                         f"{_shape(w_ih)}: expected x.shape[-1] == {in_features}")


def _check_state(name: str, s, x, hidden: int):
    """``s`` checked against the state shape that ``x`` implies, or zeros when ``s`` is None."""
    shape = (hidden,) if x.dim() == 1 else (x.shape[0], hidden)
    if s is None:
        return x.new_zeros(shape)
    tensor(name, s, floating=True)
    if _shape(s) != shape:
        raise ValueError(f"{name} has shape {_shape(s)} but x has shape {_shape(x)} and the hidden size is "
                         f"{hidden}: expected {name} of shape {shape}")
    return s


def _check_flag(name: str, value) -> None:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be a bool, got {type(value).__name__}")


def _preactivations(x, h, w_ih, w_hh, b_ih, b_hh):
    """``(x @ w_ih.T + b_ih, h @ w_hh.T + b_hh)``: every gate's input part and hidden part."""
    gi = x @ w_ih.T
    gh = h @ w_hh.T
    if b_ih is not None:
        gi = gi + b_ih
    if b_hh is not None:
        gh = gh + b_hh
    return gi, gh


def lstm_cell(x, hx, w_ih, w_hh, b_ih=None, b_hh=None, *, return_gates=False):
    r"""One LSTM time step, the computation of ``nn.LSTMCell``.

    ``c_t = f * c_{t-1} + i * g`` and ``h_t = o * tanh(c_t)``, with the gates of the module
    docstring. Along the cell path the state is only scaled by the forget gate and added to:
    with ``h_{t-1}`` held fixed, :math:`\partial c_t / \partial c_{t-1} = \operatorname{diag}(f_t)`,
    with no recurrent weight matrix in it.

    Args:
        x: the input, ``(N, H_in)`` or unbatched ``(H_in,)``.
        hx: the state ``(h, c)``, each ``(N, H)`` (``(H,)`` unbatched), or ``None`` for zeros.
        w_ih: ``(4H, H_in)``, the input weights of the gates ``i, f, g, o`` stacked in that
            order (``nn.LSTMCell.weight_ih``).
        w_hh: ``(4H, H)``, the recurrent weights, same order (``weight_hh``).
        b_ih: ``(4H,)`` (``bias_ih``) or ``None``.
        b_hh: ``(4H,)`` (``bias_hh``) or ``None``.
        return_gates: also return the gate activations.

    Returns:
        ``(h, c)``, the new state, shaped like the old one; with ``return_gates``,
        ``((h, c), gates)`` where ``gates`` maps ``"i"``, ``"f"``, ``"g"``, ``"o"`` to tensors
        of the state's shape.

    Raises:
        TypeError: an argument is not a floating-point tensor, ``hx`` is not a pair, the
            tensors do not share one dtype, or ``return_gates`` is not a bool.
        ValueError: the shapes do not fit together (the message names them).

    >>> _ = torch.manual_seed(0); cell = torch.nn.LSTMCell(3, 5)
    >>> x = torch.randn(2, 3)
    >>> h, c = lstm_cell(x, None, cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh)
    >>> h_ref, c_ref = cell(x)
    >>> torch.allclose(h, h_ref, atol=1e-6) and torch.allclose(c, c_ref, atol=1e-6)
    True
    """
    hidden, in_features = _check_weights("lstm", w_ih, w_hh, b_ih, b_hh)
    _check_input(x, in_features, w_ih)
    _check_flag("return_gates", return_gates)
    if hx is None:
        h = c = None
    elif isinstance(hx, (tuple, list)) and len(hx) == 2:
        h, c = hx
    else:
        raise TypeError(f"hx must be a pair (h, c) or None, got {type(hx).__name__}"
                        + (f" of length {len(hx)}" if isinstance(hx, (tuple, list)) else ""))
    h = _check_state("h", h, x, hidden)
    c = _check_state("c", c, x, hidden)
    same_dtype(x=x, h=h, c=c, w_ih=w_ih, w_hh=w_hh, b_ih=b_ih, b_hh=b_hh)
    gi, gh = _preactivations(x, h, w_ih, w_hh, b_ih, b_hh)
    i, f, g, o = (gi + gh).chunk(4, dim=-1)  # the gates in PyTorch's order
    i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
    c_new = f * c + i * g  # the additive cell path
    h_new = o * torch.tanh(c_new)
    if return_gates:
        return (h_new, c_new), {"i": i, "f": f, "g": g, "o": o}
    return h_new, c_new


def gru_cell(x, h, w_ih, w_hh, b_ih=None, b_hh=None, *, return_gates=False):
    r"""One GRU time step, the computation of ``nn.GRUCell``.

    ``h_t = (1 - z) * n + z * h_{t-1}``, with the gates of the module docstring. As in
    PyTorch (and cuDNN), the reset gate multiplies ``W_hn h_{t-1} + b_hn``, the recurrent
    part of the candidate **after** the matrix product, so ``b_hn`` is gated too and
    ``b_in`` is not; Cho et al. (2014) wrote :math:`W (r \odot h_{t-1})` instead.
    ``z`` is the weight of the **old** state: ``z = 1`` copies ``h_{t-1}`` unchanged.

    Args:
        x: the input, as for :func:`lstm_cell`.
        h: the hidden state, ``(N, H)`` (``(H,)`` unbatched), or ``None`` for zeros.
        w_ih: ``(3H, H_in)``, the gates ``r, z, n`` stacked in that order (``nn.GRUCell.weight_ih``);
            ``w_hh`` ``(3H, H)``, ``b_ih`` and ``b_hh`` ``(3H,)`` or ``None``, in the same order.
        w_hh: see ``w_ih``.
        b_ih: see ``w_ih``.
        b_hh: see ``w_ih``.
        return_gates: also return the gate activations.

    Returns:
        The new hidden state, shaped like the old one; with ``return_gates``,
        ``(h, gates)`` where ``gates`` maps ``"r"``, ``"z"``, ``"n"`` to tensors.

    Raises:
        TypeError: an argument is not a floating-point tensor, the tensors do not share
            one dtype, or ``return_gates`` is not a bool.
        ValueError: the shapes do not fit together (the message names them).

    >>> _ = torch.manual_seed(0); cell = torch.nn.GRUCell(3, 5)
    >>> x, h0 = torch.randn(2, 3), torch.randn(2, 5)
    >>> h = gru_cell(x, h0, cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh)
    >>> torch.allclose(h, cell(x, h0), atol=1e-6)
    True
    """
    hidden, in_features = _check_weights("gru", w_ih, w_hh, b_ih, b_hh)
    _check_input(x, in_features, w_ih)
    _check_flag("return_gates", return_gates)
    h = _check_state("h", h, x, hidden)
    same_dtype(x=x, h=h, w_ih=w_ih, w_hh=w_hh, b_ih=b_ih, b_hh=b_hh)
    gi, gh = _preactivations(x, h, w_ih, w_hh, b_ih, b_hh)
    i_r, i_z, i_n = gi.chunk(3, dim=-1)
    h_r, h_z, h_n = gh.chunk(3, dim=-1)
    r = torch.sigmoid(i_r + h_r)
    z = torch.sigmoid(i_z + h_z)
    n = torch.tanh(i_n + r * h_n)  # h_n already holds W_hn h + b_hn: r gates both
    h_new = (1 - z) * n + z * h
    if return_gates:
        return h_new, {"r": r, "z": z, "n": n}
    return h_new


def param_count(cell, input_size, hidden_size, num_layers=1, bias=True, bidirectional=False):
    """The number of parameters of ``nn.LSTM`` (``cell="lstm"``) or ``nn.GRU`` (``cell="gru"``).

    Each layer and direction has ``k`` gates (4 for the LSTM, 3 for the GRU), and each gate
    is an ``nn.RNN`` layer's worth of parameters: ``H * in + H * H`` weights plus ``2 * H``
    biases when ``bias``. Layer 1 reads ``input_size`` features; each later layer reads the
    ``H`` (``2 H`` when bidirectional) outputs of the layer below. The sequence length does
    not appear. (``nn.LSTM``'s ``proj_size`` is not covered.)

    >>> param_count("lstm", 10, 20, num_layers=2, bidirectional=True)
    15040
    >>> param_count("gru", 8, 16, bias=False)
    1152

    Raises:
        TypeError: a size is not an int, or ``bias`` / ``bidirectional`` is not a bool.
        ValueError: an unknown ``cell``, or a size smaller than 1.
    """
    one_of("cell", cell, tuple(_GATES))
    input_size = integer("input_size", input_size, minimum=1)
    hidden_size = integer("hidden_size", hidden_size, minimum=1)
    num_layers = integer("num_layers", num_layers, minimum=1)
    _check_flag("bias", bias)
    _check_flag("bidirectional", bidirectional)
    k = len(_GATES[cell])
    directions = 2 if bidirectional else 1
    total = 0
    for layer in range(num_layers):
        in_features = input_size if layer == 0 else hidden_size * directions
        per_gate = hidden_size * in_features + hidden_size * hidden_size + (2 * hidden_size if bias else 0)
        total += directions * k * per_gate
    return total
