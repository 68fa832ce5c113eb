import torch
import torch.nn as nn
from torch.autograd.functional import jacobian

from dlref.lstm import gru_cell

torch.manual_seed(0)
cell = nn.GRUCell(input_size=3, hidden_size=4)
with torch.no_grad():
    cell.weight_hh.zero_()  # zh: 去掉所有循环权重，偏置保留 # en: remove every recurrent weight, keep the biases
x, h_prev = torch.randn(3), torch.randn(4)

with torch.no_grad():
    _, gates = gru_cell(x, h_prev, cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh, return_gates=True)
J = jacobian(lambda h: cell(x, h), h_prev)
print("z_t:", gates["z"])
print("dh_t/dh_(t-1):\n", J)
# zh: r、z、n 都不再依赖 h_{t-1}，只剩 z_t ⊙ h_{t-1} 这一项
# en: r, z and n no longer depend on h_{t-1}; only the term z_t ⊙ h_{t-1} is left
assert torch.allclose(J, torch.diag(gates["z"]), atol=1e-6)
