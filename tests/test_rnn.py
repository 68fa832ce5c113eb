"""dlref.rnn against torch.nn.RNN: forward pass, parameter count, BPTT Jacobians, bad input."""
from __future__ import annotations

import pytest
import torch
import torch.nn as nn
from torch.autograd.functional import jacobian

from dlref.rnn import bptt_jacobian_norms, rnn_forward, rnn_param_count


def _weights(rnn: nn.RNN):
    return rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0


@pytest.mark.parametrize("nonlinearity", ["tanh", "relu"])
@pytest.mark.parametrize("with_h0", [False, True])
def test_forward_matches_nn_rnn_batched(nonlinearity, with_h0):
    torch.manual_seed(0)
    rnn = nn.RNN(input_size=7, hidden_size=5, nonlinearity=nonlinearity)
    x = torch.randn(9, 4, 7)  # (L, N, H_in)
    h0 = torch.randn(1, 4, 5) if with_h0 else None
    output, h_n = rnn(x, h0)
    with torch.no_grad():
        hs = rnn_forward(x, None if h0 is None else h0[0], *_weights(rnn), nonlinearity=nonlinearity)
    assert hs.shape == output.shape == (9, 4, 5)
    torch.testing.assert_close(hs, output)
    torch.testing.assert_close(hs[-1], h_n[0])


def test_forward_matches_nn_rnn_unbatched_and_batch_first():
    torch.manual_seed(1)
    rnn = nn.RNN(3, 6, batch_first=True)
    x = torch.randn(2, 11, 3)  # (N, L, H_in)
    output, _ = rnn(x)
    with torch.no_grad():
        hs = rnn_forward(x.transpose(0, 1), None, *_weights(rnn))  # time-major
        single = rnn_forward(x[0], None, *_weights(rnn))  # unbatched (L, H_in)
    torch.testing.assert_close(hs.transpose(0, 1), output)
    torch.testing.assert_close(single, output[0])


def test_forward_without_bias_and_gradients_match():
    torch.manual_seed(2)
    rnn = nn.RNN(4, 3, bias=False).double()
    x = torch.randn(6, 2, 4, dtype=torch.float64)
    output, _ = rnn(x)
    ours = rnn_forward(x, None, rnn.weight_ih_l0, rnn.weight_hh_l0)
    torch.testing.assert_close(ours, output)
    g_ref = torch.autograd.grad(output.square().sum(), rnn.weight_hh_l0)[0]
    g_ours = torch.autograd.grad(ours.square().sum(), rnn.weight_hh_l0)[0]
    torch.testing.assert_close(g_ours, g_ref)


def test_tanh_states_stay_in_open_interval():
    torch.manual_seed(3)
    w_hh = 1.5 * torch.linalg.qr(torch.randn(8, 8, dtype=torch.float64))[0]
    hs = rnn_forward(torch.randn(200, 8, dtype=torch.float64), None, torch.eye(8, dtype=torch.float64), w_hh)
    assert hs.abs().max() < 1


@pytest.mark.parametrize(
    "input_size, hidden_size, num_layers, bias, bidirectional",
    [(100, 64, 1, True, False), (100, 64, 1, False, False), (10, 20, 2, True, False),
     (10, 20, 3, False, False), (5, 8, 1, True, True), (5, 8, 3, True, True), (1, 1, 1, True, False)],
)
def test_param_count_matches_numel(input_size, hidden_size, num_layers, bias, bidirectional):
    rnn = nn.RNN(input_size, hidden_size, num_layers=num_layers, bias=bias, bidirectional=bidirectional)
    expected = sum(p.numel() for p in rnn.parameters())
    assert rnn_param_count(input_size, hidden_size, num_layers, bias, bidirectional) == expected


def test_param_count_is_independent_of_sequence_length():
    rnn = nn.RNN(100, 64)
    before = sum(p.numel() for p in rnn.parameters())
    for length in (5, 50):
        out, _ = rnn(torch.randn(length, 1, 100))
        assert out.shape == (length, 1, 64)
    assert before == sum(p.numel() for p in rnn.parameters()) == rnn_param_count(100, 64) == 10_624


@pytest.mark.parametrize("nonlinearity", ["tanh", "relu", "linear"])
def test_jacobian_norms_match_autograd(nonlinearity):
    torch.manual_seed(4)
    hidden, steps = 6, 7
    w_ih = torch.randn(hidden, 3, dtype=torch.float64)
    w_hh = torch.randn(hidden, hidden, dtype=torch.float64) / hidden**0.5
    x = torch.randn(steps, 3, dtype=torch.float64)
    h0 = torch.randn(hidden, dtype=torch.float64)
    hs = rnn_forward(x, h0, w_ih, w_hh, nonlinearity=nonlinearity)
    norms = bptt_jacobian_norms(w_hh, hs, nonlinearity=nonlinearity)
    assert norms.shape == (steps,)
    for t in range(1, steps + 1):
        jac = jacobian(lambda h: rnn_forward(x[:t], h, w_ih, w_hh, nonlinearity=nonlinearity)[-1], h0)
        torch.testing.assert_close(norms[t - 1], torch.linalg.matrix_norm(jac, ord=2))


def test_one_step_jacobian_is_diag_times_w_hh():
    torch.manual_seed(5)
    w_ih, w_hh = torch.randn(4, 2), torch.randn(4, 4)
    x, h_prev = torch.randn(1, 2), torch.randn(4)
    h = rnn_forward(x, h_prev, w_ih, w_hh)[0]
    jac = jacobian(lambda hp: rnn_forward(x, hp, w_ih, w_hh)[0], h_prev)
    torch.testing.assert_close(jac, torch.diag(1 - h**2) @ w_hh)


# --- bad input -------------------------------------------------------------------------

def test_shape_mismatch_names_the_shapes():
    w_ih, w_hh = torch.zeros(4, 3), torch.zeros(4, 4)
    with pytest.raises(ValueError, match=r"x\.shape = \(5, 2, 7\).*w_ih has shape \(4, 3\)"):
        rnn_forward(torch.zeros(5, 2, 7), None, w_ih, w_hh)
    with pytest.raises(ValueError, match=r"w_hh has shape \(3, 3\).*\(4, 4\)"):
        rnn_forward(torch.zeros(5, 3), None, w_ih, torch.zeros(3, 3))
    with pytest.raises(ValueError, match=r"h0 has shape \(4,\).*expected h0 of shape \(2, 4\)"):
        rnn_forward(torch.zeros(5, 2, 3), torch.zeros(4), w_ih, w_hh)
    with pytest.raises(ValueError, match=r"b_hh has shape \(3,\)"):
        rnn_forward(torch.zeros(5, 3), None, w_ih, w_hh, torch.zeros(4), torch.zeros(3))
    with pytest.raises(ValueError, match=r"got shape \(3,\)"):
        rnn_forward(torch.zeros(3), None, w_ih, w_hh)
    with pytest.raises(ValueError, match=r"hs has shape \(5, 3\) but w_hh has shape \(4, 4\)"):
        bptt_jacobian_norms(w_hh, torch.zeros(5, 3))
    with pytest.raises(ValueError, match="square"):
        bptt_jacobian_norms(w_ih, torch.zeros(5, 3))


def test_bad_types_and_options():
    w_ih, w_hh = torch.zeros(4, 3), torch.zeros(4, 4)
    with pytest.raises(TypeError, match="x must be a torch.Tensor"):
        rnn_forward([[0.0, 0.0, 0.0]], None, w_ih, w_hh)
    with pytest.raises(TypeError, match="floating-point"):
        rnn_forward(torch.zeros(5, 3, dtype=torch.long), None, w_ih, w_hh)
    with pytest.raises(ValueError, match="nonlinearity"):
        rnn_forward(torch.zeros(5, 3), None, w_ih, w_hh, nonlinearity="sigmoid")
    with pytest.raises(ValueError, match="nonlinearity"):
        bptt_jacobian_norms(w_hh, torch.zeros(2, 4), nonlinearity="gelu")


@pytest.mark.parametrize("args, error", [((0, 4), ValueError), ((3, -1), ValueError), ((3.0, 4), TypeError),
                                         ((3, True), TypeError), ((3, 4, 0), ValueError)])
def test_param_count_bad_sizes(args, error):
    with pytest.raises(error):
        rnn_param_count(*args)


def test_param_count_bad_flags():
    with pytest.raises(TypeError, match="bias must be a bool"):
        rnn_param_count(3, 4, bias=1)
    with pytest.raises(TypeError, match="bidirectional must be a bool"):
        rnn_param_count(3, 4, bidirectional="yes")
