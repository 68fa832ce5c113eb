"""dlref.lstm against torch.nn.LSTMCell / GRUCell / LSTM / GRU: forward, gradients, gates, parameter count, bad input."""
from __future__ import annotations

import pytest
import torch
import torch.nn as nn
from torch.autograd.functional import jacobian

from dlref.lstm import gru_cell, lstm_cell, param_count

SIZES = [(1, 1, 1), (3, 5, 2), (7, 4, 6), (10, 16, 1)]  # (input_size, hidden_size, batch)


def _weights(cell):
    return cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh


@pytest.mark.parametrize("input_size, hidden_size, batch", SIZES)
@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_lstm_cell_matches_nn_lstmcell(input_size, hidden_size, batch, bias, dtype):
    torch.manual_seed(0)
    cell = nn.LSTMCell(input_size, hidden_size, bias=bias).to(dtype)
    x = torch.randn(batch, input_size, dtype=dtype)
    h0, c0 = torch.randn(batch, hidden_size, dtype=dtype), torch.randn(batch, hidden_size, dtype=dtype)
    with torch.no_grad():
        h, c = lstm_cell(x, (h0, c0), *_weights(cell))
        h_ref, c_ref = cell(x, (h0, c0))
    assert h.shape == c.shape == (batch, hidden_size) and h.dtype == dtype
    torch.testing.assert_close(h, h_ref)
    torch.testing.assert_close(c, c_ref)


@pytest.mark.parametrize("input_size, hidden_size, batch", SIZES)
@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_gru_cell_matches_nn_grucell(input_size, hidden_size, batch, bias, dtype):
    torch.manual_seed(1)
    cell = nn.GRUCell(input_size, hidden_size, bias=bias).to(dtype)
    x, h0 = torch.randn(batch, input_size, dtype=dtype), torch.randn(batch, hidden_size, dtype=dtype)
    with torch.no_grad():
        h = gru_cell(x, h0, *_weights(cell))
        h_ref = cell(x, h0)
    assert h.shape == (batch, hidden_size) and h.dtype == dtype
    torch.testing.assert_close(h, h_ref)


def test_default_state_is_zeros_and_unbatched_input_works():
    torch.manual_seed(2)
    lstm, gru = nn.LSTMCell(3, 4), nn.GRUCell(3, 4)
    x = torch.randn(3)
    with torch.no_grad():
        h, c = lstm_cell(x, None, *_weights(lstm))
        h_ref, c_ref = lstm(x)  # unbatched, zero state
        g = gru_cell(x, None, *_weights(gru))
        g_ref = gru(x)
    assert h.shape == c.shape == g.shape == (4,)
    torch.testing.assert_close((h, c, g), (h_ref, c_ref, g_ref))


def test_gradients_match_in_float64():
    torch.manual_seed(3)
    lstm, gru = nn.LSTMCell(4, 3).double(), nn.GRUCell(4, 3).double()
    x = torch.randn(2, 4, dtype=torch.float64, requires_grad=True)
    h0 = torch.randn(2, 3, dtype=torch.float64, requires_grad=True)
    c0 = torch.randn(2, 3, dtype=torch.float64, requires_grad=True)
    for ours, ref, module in (
        (lambda: sum(t.square().sum() for t in lstm_cell(x, (h0, c0), *_weights(lstm))),
         lambda: sum(t.square().sum() for t in lstm(x, (h0, c0))), lstm),
        (lambda: gru_cell(x, h0, *_weights(gru)).square().sum(), lambda: gru(x, h0).square().sum(), gru),
    ):
        inputs = [x, h0, c0, *module.parameters()]
        g_ours = torch.autograd.grad(ours(), inputs, allow_unused=True)
        g_ref = torch.autograd.grad(ref(), inputs, allow_unused=True)
        for a, b in zip(g_ours, g_ref):
            assert (a is None) == (b is None)
            if a is not None:
                torch.testing.assert_close(a, b)


@pytest.mark.parametrize("batch_first", [False, True])
def test_a_loop_of_cells_reproduces_nn_lstm_and_nn_gru(batch_first):
    torch.manual_seed(4)
    lstm, gru = nn.LSTM(5, 6, batch_first=batch_first), nn.GRU(5, 6, batch_first=batch_first)
    x = torch.randn(3, 7, 5) if batch_first else torch.randn(7, 3, 5)
    out_l, (h_n, c_n) = lstm(x)
    out_g, g_n = gru(x)
    steps = x.transpose(0, 1) if batch_first else x
    w_l = lstm.weight_ih_l0, lstm.weight_hh_l0, lstm.bias_ih_l0, lstm.bias_hh_l0
    w_g = gru.weight_ih_l0, gru.weight_hh_l0, gru.bias_ih_l0, gru.bias_hh_l0
    state, g, hs, gs = None, None, [], []
    with torch.no_grad():
        for x_t in steps:
            state = lstm_cell(x_t, state, *w_l)
            g = gru_cell(x_t, g, *w_g)
            hs.append(state[0])
            gs.append(g)
    dim = 1 if batch_first else 0
    torch.testing.assert_close(torch.stack(hs, dim), out_l)
    torch.testing.assert_close(torch.stack(gs, dim), out_g)
    torch.testing.assert_close((state[0], state[1], g), (h_n[0], c_n[0], g_n[0]))


def test_gates_are_returned_and_consistent():
    torch.manual_seed(5)
    lstm, gru = nn.LSTMCell(3, 4), nn.GRUCell(3, 4)
    x, h0, c0 = torch.randn(2, 3), torch.randn(2, 4), torch.randn(2, 4)
    with torch.no_grad():
        (h, c), gates = lstm_cell(x, (h0, c0), *_weights(lstm), return_gates=True)
        g, ggates = gru_cell(x, h0, *_weights(gru), return_gates=True)
    assert list(gates) == ["i", "f", "g", "o"] and list(ggates) == ["r", "z", "n"]
    for name in "ifo":
        assert ((gates[name] > 0) & (gates[name] < 1)).all()
    torch.testing.assert_close(c, gates["f"] * c0 + gates["i"] * gates["g"])
    torch.testing.assert_close(h, gates["o"] * torch.tanh(c))
    torch.testing.assert_close(g, (1 - ggates["z"]) * ggates["n"] + ggates["z"] * h0)
    # the forget gate is the second block of rows (PyTorch's order i, f, g, o)
    w_ih, w_hh, b_ih, b_hh = _weights(lstm)
    f = torch.sigmoid(x @ w_ih[4:8].T + b_ih[4:8] + h0 @ w_hh[4:8].T + b_hh[4:8])
    torch.testing.assert_close(gates["f"], f.detach())


def test_cell_path_jacobian_is_diag_forget_gate():
    torch.manual_seed(6)
    cell = nn.LSTMCell(3, 5).double()
    x, h0, c0 = (torch.randn(n, dtype=torch.float64) for n in (3, 5, 5))
    with torch.no_grad():
        _, gates = lstm_cell(x, (h0, c0), *_weights(cell), return_gates=True)
    jac = jacobian(lambda c: lstm_cell(x, (h0, c), *_weights(cell))[1], c0)
    torch.testing.assert_close(jac, torch.diag(gates["f"]))


def test_gru_reset_gate_multiplies_the_recurrent_bias_too():
    """r multiplies W_hn h + b_hn: with h = 0 the candidate still depends on r through b_hn."""
    cell = nn.GRUCell(1, 1)
    with torch.no_grad():
        for p in cell.parameters():
            p.zero_()
        cell.bias_hh[2] = 1.0  # b_hn
        cell.bias_ih[0] = -2.0  # b_ir: r = sigmoid(-2)
        ours = gru_cell(torch.zeros(1), torch.zeros(1), *_weights(cell))
        ref = cell(torch.zeros(1), torch.zeros(1))
    z, r = 0.5, torch.sigmoid(torch.tensor(-2.0))
    torch.testing.assert_close(ours, ref)
    torch.testing.assert_close(ours, (1 - z) * torch.tanh(r * 1.0).reshape(1))


@pytest.mark.parametrize("cell", ["lstm", "gru"])
@pytest.mark.parametrize(
    "input_size, hidden_size, num_layers, bias, bidirectional",
    [(10, 20, 1, True, False), (10, 20, 2, True, True), (1, 1, 1, False, False), (8, 16, 3, False, True),
     (100, 64, 1, True, False)],
)
def test_param_count_matches_numel(cell, input_size, hidden_size, num_layers, bias, bidirectional):
    module = {"lstm": nn.LSTM, "gru": nn.GRU}[cell]
    m = module(input_size, hidden_size, num_layers=num_layers, bias=bias, bidirectional=bidirectional)
    assert param_count(cell, input_size, hidden_size, num_layers, bias, bidirectional) == sum(
        p.numel() for p in m.parameters())


def test_param_count_ratios_to_rnn():
    rnn = sum(p.numel() for p in nn.RNN(100, 64).parameters())
    assert param_count("lstm", 100, 64) == 4 * rnn and param_count("gru", 100, 64) == 3 * rnn


# --- bad input -------------------------------------------------------------------------

def test_shape_mismatches_name_the_shapes():
    w_ih, w_hh = torch.zeros(8, 3), torch.zeros(8, 2)
    with pytest.raises(ValueError, match=r"x\.shape = \(4, 5\).*w_ih has shape \(8, 3\)"):
        lstm_cell(torch.zeros(4, 5), None, w_ih, w_hh)
    with pytest.raises(ValueError, match=r"w_hh has shape \(8, 3\).*expected w_hh of shape \(8, 2\)"):
        lstm_cell(torch.zeros(3), None, w_ih, torch.zeros(8, 3))
    with pytest.raises(ValueError, match=r"4 \* hidden_size rows"):
        lstm_cell(torch.zeros(3), None, torch.zeros(6, 3), torch.zeros(6, 2))
    with pytest.raises(ValueError, match=r"3 \* hidden_size rows"):
        gru_cell(torch.zeros(3), None, torch.zeros(8, 3), torch.zeros(8, 2))
    with pytest.raises(ValueError, match=r"h has shape \(2,\) but x has shape \(4, 3\).*expected h of shape \(4, 2\)"):
        lstm_cell(torch.zeros(4, 3), (torch.zeros(2), torch.zeros(4, 2)), w_ih, w_hh)
    with pytest.raises(ValueError, match=r"c has shape \(4, 3\)"):
        lstm_cell(torch.zeros(4, 3), (torch.zeros(4, 2), torch.zeros(4, 3)), w_ih, w_hh)
    with pytest.raises(ValueError, match=r"b_hh has shape \(6,\).*expected \(8,\)"):
        lstm_cell(torch.zeros(3), None, w_ih, w_hh, torch.zeros(8), torch.zeros(6))
    with pytest.raises(ValueError, match=r"x must be 1-D or 2-D, got shape \(2, 4, 3\)"):
        lstm_cell(torch.zeros(2, 4, 3), None, w_ih, w_hh)
    with pytest.raises(ValueError, match=r"h has shape \(3,\)"):
        gru_cell(torch.zeros(3), torch.zeros(3), torch.zeros(6, 3), torch.zeros(6, 2))


def test_bad_types_are_rejected():
    w_ih, w_hh = torch.zeros(8, 3), torch.zeros(8, 2)
    with pytest.raises(TypeError, match="x must be a torch.Tensor, got list"):
        lstm_cell([0.0, 0.0, 0.0], None, w_ih, w_hh)
    with pytest.raises(TypeError, match="x must be a floating-point tensor"):
        lstm_cell(torch.zeros(3, dtype=torch.long), None, w_ih, w_hh)
    with pytest.raises(TypeError, match="w_hh must be a torch.Tensor"):
        gru_cell(torch.zeros(3), None, torch.zeros(6, 3), None)
    with pytest.raises(TypeError, match=r"hx must be a pair \(h, c\) or None, got Tensor"):
        lstm_cell(torch.zeros(3), torch.zeros(2), w_ih, w_hh)
    with pytest.raises(TypeError, match="of length 3"):
        lstm_cell(torch.zeros(3), (torch.zeros(2),) * 3, w_ih, w_hh)
    with pytest.raises(TypeError, match="tensors must share one dtype"):
        lstm_cell(torch.zeros(3, dtype=torch.float64), None, w_ih, w_hh)
    with pytest.raises(TypeError, match="return_gates must be a bool"):
        gru_cell(torch.zeros(3), None, torch.zeros(6, 3), torch.zeros(6, 2), return_gates=1)


@pytest.mark.parametrize("args, kwargs, error, match", [
    (("rnn", 3, 4), {}, ValueError, "cell must be one of"),
    (("lstm", 0, 4), {}, ValueError, "input_size must be >= 1"),
    (("gru", 3, 4.0), {}, TypeError, "hidden_size must be an int"),
    (("gru", 3, True), {}, TypeError, "hidden_size must be an int, got bool"),
    (("lstm", 3, 4, 0), {}, ValueError, "num_layers must be >= 1"),
    (("lstm", 3, 4), {"bias": 1}, TypeError, "bias must be a bool"),
    (("gru", 3, 4), {"bidirectional": "yes"}, TypeError, "bidirectional must be a bool"),
])
def test_param_count_bad_arguments(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        param_count(*args, **kwargs)
