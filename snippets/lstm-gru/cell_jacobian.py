import torch
import torch.nn as nn
from torch.autograd.functional import jacobian

from dlref.lstm import lstm_cell

torch.manual_seed(0)
cell = nn.LSTMCell(input_size=3, hidden_size=4)
w = cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh
x, h_prev, c_prev = torch.randn(3), torch.randn(4), torch.randn(4)

with torch.no_grad():
    (h, c), gates = lstm_cell(x, (h_prev, c_prev), *w, return_gates=True)
f = gates["f"]
print("forget gate f_t:", f)

# zh: 细胞通路：把 h_{t-1} 固定，∂c_t/∂c_{t-1} 正好是 diag(f_t)
# en: the cell path: with h_{t-1} held fixed, ∂c_t/∂c_{t-1} is exactly diag(f_t)
J_cc = jacobian(lambda c0: cell(x, (h_prev, c0))[1], c_prev)
print("dc_t/dc_{t-1}:\n", J_cc)
assert torch.allclose(J_cc, torch.diag(f), atol=1e-6)

# zh: 隐藏状态通路：∂h_t/∂h_{t-1} 要经过 4H×H 的 weight_hh，是一个满矩阵
# en: the hidden path: ∂h_t/∂h_{t-1} goes through the 4H×H weight_hh and is a full matrix
J_hh = jacobian(lambda h0: cell(x, (h0, c_prev))[0], h_prev)
off_diagonal = (J_hh - torch.diag(torch.diagonal(J_hh))).abs().max()
print(f"dh_t/dh_(t-1): largest off-diagonal entry {off_diagonal:.3f}")
assert off_diagonal > 0.01
